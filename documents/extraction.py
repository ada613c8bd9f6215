"""Text of the digital records and mail attachments, for the search: PDF, DOCX, ODT, TXT, EML
and Outlook MSG.

Standard library, pypdf, and olefile for MSG's compound files. A file that cannot be read gives empty text (the record
is still filed; its metadata remain searchable). The text is capped: the first
MAX_CHARACTERS are enough to find a record, and keep the index lean.
"""

import email
import logging
import zipfile
from email import policy
from xml.etree import ElementTree

import olefile
from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)
MAX_CHARACTERS = 200_000
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _pdf(handle):
    reader = PdfReader(handle)
    parts, size = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_CHARACTERS:
            break
    return "\n".join(parts)


def _docx(handle):
    with zipfile.ZipFile(handle) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))  # noqa: S314 - archive from a checked upload
    paragraphs = []
    for paragraph in root.iter(f"{WORD_NS}p"):
        paragraphs.append("".join(node.text or "" for node in paragraph.iter(f"{WORD_NS}t")))
    return "\n".join(paragraphs)


def _odt(handle):
    with zipfile.ZipFile(handle) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314 - archive from a checked upload
    return "\n".join("".join(p.itertext()) for p in root.iter() if p.tag in (f"{ODF_TEXT_NS}p", f"{ODF_TEXT_NS}h"))


def _text(handle):
    raw = handle.read(MAX_CHARACTERS * 2)
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _eml(handle):
    message = email.message_from_binary_file(handle, policy=policy.default)
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
                if message.exists(name):
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
    except (PdfReadError, zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError, OSError) as error:
        logger.warning("text extraction failed (%s): %s", mime_type, error)
        return ""
    return " ".join(text.replace("\x00", " ").split(" "))[:MAX_CHARACTERS]
