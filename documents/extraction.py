"""Text of the digital records and mail attachments, for the search: PDF, DOCX, ODT, TXT, EML
and Outlook MSG.

Standard library, pypdf, and olefile for MSG's compound files. A file that cannot be read gives empty text (the record
is still filed; its metadata remain searchable). The text is capped: the first
MAX_CHARACTERS are enough to find a record, and keep the index lean.

What is read is bounded too, whatever a file declares or inflates to (a DOCX of 100 KB can
hold 300 MB of XML): a DOCX's or ODT's XML is streamed through expat, at most MAX_XML_BYTES
of it (zipfile stops at a member's declared size and checks it; the bound stops a member
that declares more), and the parse stops once MAX_CHARACTERS of text are collected; a PDF
is read up to MAX_PDF_PAGES pages with pypdf's decompression limits lowered to
MAX_XML_BYTES; plain text and emails up to MAX_TEXT_BYTES; an Outlook stream larger than
MAX_TEXT_BYTES is left out. What could be read before a bound is kept.
"""

import email
import logging
import zipfile
from email import policy
from xml.parsers import expat

import olefile
from pypdf import PdfReader, apply_configuration
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)
MAX_CHARACTERS = 200_000
MAX_XML_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 300
MAX_TEXT_BYTES = 10 * 1024 * 1024
READ_CHUNK = 64 * 1024
PDF_DECOMPRESSION_LIMITS = (  # pypdf's, lowered from 75 MB per stream
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "array_based_stream_maximum_output_length",
    "brotli_maximum_output_length",
    "maximum_declared_stream_length",
)
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _pdf(handle):
    limits = dict.fromkeys(PDF_DECOMPRESSION_LIMITS, MAX_XML_BYTES)
    parts, size = [], 0
    with apply_configuration(**limits):
        reader = PdfReader(handle)
        for number, page in enumerate(reader.pages):
            if number >= MAX_PDF_PAGES or size > MAX_CHARACTERS:
                break
            try:
                text = page.extract_text() or ""
            except (PdfReadError, ValueError, KeyError, TypeError) as error:  # keep the pages read so far
                logger.warning("text extraction stopped at page %s: %s", number + 1, error)
                break
            parts.append(text)
            size += len(text)
    return "\n".join(parts)


class _Enough(Exception):  # internal: the text cap is reached, stop parsing
    pass


def _xml_text(archive, member, is_paragraph, is_text):
    """The text of one XML member, paragraph by paragraph, streamed: at most MAX_XML_BYTES of
    the XML are read, and the parse stops once MAX_CHARACTERS are collected. `is_paragraph(tag)`
    ends a line; `is_text(tag)` holds text (None: any text inside a paragraph)."""
    parser = expat.ParserCreate(namespace_separator="}")
    paragraphs, current = [], []
    state = {"paragraphs": 0, "texts": 0, "size": 0}

    def start(name, attributes):
        tag = "{" + name
        if is_paragraph(tag):
            state["paragraphs"] += 1
        elif is_text is not None and is_text(tag):
            state["texts"] += 1

    def end(name):
        tag = "{" + name
        if is_paragraph(tag):
            state["paragraphs"] -= 1
            paragraphs.append("".join(current))
            current.clear()
            state["size"] += len(paragraphs[-1]) + 1
            if state["size"] > MAX_CHARACTERS:
                raise _Enough
        elif is_text is not None and is_text(tag):
            state["texts"] -= 1

    def characters(data):
        if state["paragraphs"] and (is_text is None or state["texts"]):
            current.append(data)

    def refuse_entities(*args):
        raise expat.ExpatError("document type declarations are not read")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = refuse_entities
    parser.EntityDeclHandler = refuse_entities
    read = 0
    try:
        with archive.open(member) as source:  # zipfile stops at the declared size, checks the CRC
            while read < MAX_XML_BYTES and (chunk := source.read(min(READ_CHUNK, MAX_XML_BYTES - read))):
                read += len(chunk)
                parser.Parse(chunk, False)
    except _Enough:
        pass
    except (expat.ExpatError, zipfile.BadZipFile, EOFError, OSError) as error:
        logger.warning("text extraction stopped in %s after %s bytes: %s", member, read, error)
    if current:
        paragraphs.append("".join(current))  # the paragraph a bound cut
    return "\n".join(paragraphs)


def _docx(handle):
    with zipfile.ZipFile(handle) as archive:
        return _xml_text(
            archive, "word/document.xml", lambda tag: tag == f"{WORD_NS}p", lambda tag: tag == f"{WORD_NS}t"
        )


def _odt(handle):
    with zipfile.ZipFile(handle) as archive:
        return _xml_text(archive, "content.xml", lambda tag: tag in (f"{ODF_TEXT_NS}p", f"{ODF_TEXT_NS}h"), None)


def _text(handle):
    raw = handle.read(min(MAX_CHARACTERS * 2, MAX_TEXT_BYTES))
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _eml(handle):
    message = email.message_from_bytes(handle.read(MAX_TEXT_BYTES), policy=policy.default)
    header = [f"{name}: {message[name]}" for name in ("From", "To", "Cc", "Subject", "Date") if message[name]]
    body = message.get_body(preferencelist=("plain", "html"))
    content = body.get_content() if body is not None else ""
    return "\n".join([*header, "", content])


# Outlook .msg: an OLE compound file whose MAPI properties are streams named
# __substg1.0_<tag><type>: type 001F a UTF-16 string, 001E an 8-bit one.
MSG_HEADER = (("From", "0C1A"), ("To", "0E04"), ("Subject", "0037"))
MSG_BODY = "1000"


def _msg(handle):
    with olefile.OleFileIO(handle) as message:

        def prop(tag):
            for kind, encoding in (("001F", "utf-16-le"), ("001E", "cp1252")):
                name = f"__substg1.0_{tag}{kind}"
                # olefile reads a whole stream when it opens it: a larger one is left out.
                if message.exists(name) and message.get_size(name) <= MAX_TEXT_BYTES:
                    return message.openstream(name).read().decode(encoding, "replace").rstrip("\x00")
            return ""

        header = [f"{label}: {value}" for label, tag in MSG_HEADER if (value := prop(tag))]
        return "\n".join([*header, "", prop(MSG_BODY)])


EXTRACTORS = {
    "application/pdf": _pdf,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _docx,
    "application/vnd.oasis.opendocument.text": _odt,
    "text/plain": _text,
    "text/csv": _text,
    "message/rfc822": _eml,
    "application/vnd.ms-outlook": _msg,
    "application/CDFV2": _msg,
}


def extract_text(handle, mime_type):
    """The text of an open binary file of the given type ("" if none can be read)."""
    extractor = EXTRACTORS.get(mime_type)
    if extractor is None:
        return ""
    try:
        text = extractor(handle)
    except (PdfReadError, zipfile.BadZipFile, KeyError, expat.ExpatError, ValueError, OSError) as error:
        logger.warning("text extraction failed (%s): %s", mime_type, error)
        return ""
    return " ".join(text.replace("\x00", " ").split(" "))[:MAX_CHARACTERS]
