"""Small real files of each kind the records accept, built in memory."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from opq_intranet.core import pdf


def pdf_bytes(text):
    return pdf.render([pdf.paragraph(text)], title="Essai")


def docx_bytes(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def odt_bytes(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "content.xml",
            '<?xml version="1.0"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def eml_bytes(subject, body):
    return (
        "From: Julie Pelletier <jpelletier@oiiq.org>\r\nTo: courrier@opq.gouv.qc.ca\r\n"
        f"Subject: {subject}\r\nDate: Tue, 24 Nov 2026 10:00:00 -0500\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def msg_bytes(subject, sender, body):
    """An Outlook .msg: a minimal OLE compound file (version 3) holding three MAPI string
    properties (UTF-16) as streams of its mini stream, and the property stream whose name
    tells libmagic it is an Outlook message. Enough for the type check and olefile."""
    import struct
    import uuid

    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    streams = [
        ("__properties_version1.0", b"\0" * 32),
        ("__substg1.0_0037001F", subject.encode("utf-16-le")),
        ("__substg1.0_0C1A001F", sender.encode("utf-16-le")),
        ("__substg1.0_1000001F", body.encode("utf-16-le")),
    ]
    mini, mini_fat, starts = b"", [], []
    for _name, data in streams:
        starts.append(len(mini) // 64)
        count = max(1, -(-len(data) // 64))
        mini_fat += [starts[-1] + i + 1 for i in range(count - 1)] + [end]
        mini += data.ljust(count * 64, b"\0")
    # Sectors: 0 the FAT, 1-2 the directory (four entries each), 3 the mini FAT, 4+ the mini stream.
    container = -(-len(mini) // 512)
    fat = [fat_sector, 2, end, end] + [4 + i + 1 for i in range(container - 1)] + [end]

    def entry(name, kind, right=no_stream, child=no_stream, start=0, size=0, clsid=b"\0" * 16):
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(encoded), kind, 1, no_stream, right, child)
            + clsid
            + b"\0" * 20
            + struct.pack("<IQ", start, size)
        )

    outlook_message = uuid.UUID("00020D0B-0000-0000-C000-000000000046").bytes_le
    directory = entry("Root Entry", 5, child=1, start=4, size=len(mini), clsid=outlook_message)
    for index, ((name, data), start) in enumerate(zip(streams, starts, strict=True), start=1):
        directory += entry(name, 2, right=index + 1 if index < len(streams) else no_stream, start=start, size=len(data))
    directory = directory.ljust(1024, b"\0")  # unused entries: empty names, no siblings
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 3, 1, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<108I", *[free] * 108)
    )

    def sector(data):
        return data.ljust(512, b"\0")

    fat_bytes = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", free) * (128 - len(fat))
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat) + struct.pack("<I", free) * (128 - len(mini_fat))
    return header + sector(fat_bytes) + directory + sector(mini_fat_bytes) + mini.ljust(container * 512, b"\0")
