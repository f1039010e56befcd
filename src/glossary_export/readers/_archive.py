"""Compressed containers (zip members, zstd frames) read without trusting what they claim.

The size cap of :func:`glossary_export.readers.read` applies to the file on disk; a 1 MB zip
can expand to gigabytes (a "decompression bomb"). Everything decompressed here is read in
chunks with a running count and refused once it passes :data:`MAX_EXPANDED_BYTES`, and a
damaged stream (bad deflate data, a wrong CRC, a truncated member) is one "damaged" error
naming the file instead of whichever exception the decompressor raised.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

from ..errors import GlossaryError, LimitError, MissingDependencyError, SourceError
from ._fields import MAX_FIELD_CHARACTERS

MAX_EXPANDED_BYTES = 512 * 1024 * 1024
"""The most a container may expand to, all members together: the largest source read."""
MAX_DIRECTORY_BYTES = 16 * 1024 * 1024
"""The largest zip directory read: over 300,000 members (an Anki package's media files are
members named by number), while zipfile holds each member's entry as an object of about 500
bytes, so a 512 MiB source of empty members would otherwise cost gigabytes just to open."""
_CHUNK = 1024 * 1024
# An XML text (a cell) longer than this cannot be a field within the limit, even written with
# a 10-byte character reference for each character: refused before a parser holds it whole.
_LONGEST_XML_TEXT = 16 * MAX_FIELD_CHARACTERS
# Anki and Excel write members stored or deflated; bzip2 and LZMA are refused rather than
# decompressed, as zipfile hands either one a whole compressed block at a time, without a
# bound on what that block expands to.
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# What zipfile raises for bytes that are not a readable zip (a header pointing before the
# start of the data is a ValueError from seek)...
NOT_A_ZIP = (zipfile.BadZipFile, EOFError, OSError, ValueError)
# ... and, with zlib, for a damaged member: bad deflate data, a CRC that does not match, a
# flag bit no writer sets (NotImplementedError).
_DAMAGED = (zlib.error, NotImplementedError, *NOT_A_ZIP)


def open_zip(data: bytes, file: str) -> zipfile.ZipFile:
    """The zip ``data`` opened, once its directory is known to be within
    :data:`MAX_DIRECTORY_BYTES`; zipfile's own errors for data that is not a zip."""
    size = _directory_size(data)
    if size is not None and size > MAX_DIRECTORY_BYTES:
        raise LimitError(
            f"the zip holds a list of its files of {size // 2**20} MiB, for more files than "
            "any glossary or deck has (a damaged file or a zip bomb); check that this is the "
            "right file",
            file=file,
        )
    return zipfile.ZipFile(io.BytesIO(data))


# The end of central directory record, and the ZIP64 record (and its locator) a zip writes
# before it when the sizes do not fit 32 bits (APPNOTE.TXT 4.3.14-4.3.16).
_END = b"PK\x05\x06"
_END_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"


def _directory_size(data: bytes) -> int | None:
    """The size the zip's end record gives its central directory (what zipfile reads and
    keeps), or None when there is no end record to read it from."""
    end = data.rfind(_END, max(0, len(data) - _END_SIZE - 0xFFFF))
    if end < 0 or end + _END_SIZE > len(data):
        return None
    (size,) = struct.unpack_from("<I", data, end + 12)
    locator = end - 20
    if size != 0xFFFFFFFF or data[locator : locator + 4] != _ZIP64_LOCATOR:
        return int(size)
    (record,) = struct.unpack_from("<Q", data, locator + 8)
    if data[record : record + 4] != _ZIP64_END or record + 48 > len(data):
        return int(size)
    (size,) = struct.unpack_from("<Q", data, record + 40)
    return int(size)


def read_member(archive: zipfile.ZipFile, name: str, file: str) -> bytes:
    """The bytes of member ``name``, refused past the cap or when damaged."""
    return b"".join(_member_chunks(archive, archive.getinfo(name), file, 0))


def check_expanded_size(data: bytes, file: str) -> None:
    """Decompress every member of the zip ``data``, keeping nothing, to refuse a bomb, a
    damaged member or a runaway text before a parser that trusts the archive (openpyxl) holds
    it in memory.

    Data that is not a zip at all is left for the parser to report in its own words.
    """
    try:
        archive = open_zip(data, file)
    except GlossaryError:
        raise  # a LimitError is a ValueError too
    except NOT_A_ZIP:
        return
    with archive:
        infos = archive.infolist()
        declared = sum(info.file_size for info in infos)
        if declared > MAX_EXPANDED_BYTES:
            raise _too_large(max(infos, key=lambda info: info.file_size).filename, file)
        expanded = 0
        for info in infos:
            xml = info.filename.endswith((".xml", ".rels"))
            text = 0  # bytes since the last "<": the text being read, if this is XML
            for chunk in _member_chunks(archive, info, file, expanded):
                expanded += len(chunk)
                if not xml:
                    continue
                # Only a text running across chunks can pass the bound (a chunk is smaller).
                start = chunk.find(b"<")
                if text + (len(chunk) if start < 0 else start) > _LONGEST_XML_TEXT:
                    raise _text_too_long(info.filename, file)
                text = text + len(chunk) if start < 0 else len(chunk) - chunk.rfind(b"<") - 1


def unzstd(content: bytes, name: str, file: str) -> bytes:
    """The data of the zstd frame ``content`` (member ``name``), refused past the cap or when
    damaged."""
    try:
        import zstandard
    except ImportError:
        raise MissingDependencyError(
            "reading packages from current Anki versions needs zstandard; "
            "install it with: pip install zstandard",
            file=file,
        ) from None
    chunks, expanded = [], 0
    try:
        # Anki's frames do not always record their size, so the count is the only bound.
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(content)) as reader:
            while chunk := reader.read(_CHUNK):
                expanded += len(chunk)
                if expanded > MAX_EXPANDED_BYTES:
                    raise _too_large(name, file)
                chunks.append(chunk)
    except zstandard.ZstdError as error:
        raise _damaged(name, error, file) from None
    return b"".join(chunks)


def _member_chunks(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, expanded: int
) -> Iterator[bytes]:
    """The member's data a chunk at a time; ``expanded``: what earlier members counted."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise SourceError(
            f"{name} inside is encrypted; save it again without a password", file=file
        )
    if info.compress_type not in _METHODS:
        raise SourceError(
            f"{name} inside is compressed with method {info.compress_type}, which neither Anki "
            "nor Excel writes; save or export the file again",
            file=file,
        )
    if expanded + info.file_size > MAX_EXPANDED_BYTES:
        raise _too_large(name, file)  # what the zip declares: refused before decompressing
    try:
        member: IO[bytes]
        with archive.open(info) as member:
            # zipfile stops at the declared size, so this count only guards against a size
            # that changes under us; it costs nothing.
            while chunk := member.read(_CHUNK):
                expanded += len(chunk)
                if expanded > MAX_EXPANDED_BYTES:
                    raise _too_large(name, file)
                yield chunk
    except GlossaryError:
        raise  # a LimitError is a ValueError too
    except _DAMAGED as error:
        raise _damaged(name, error, file) from None


def _text_too_long(name: str, file: str) -> LimitError:
    return LimitError(
        f"{name} inside holds a text of more than {_LONGEST_XML_TEXT // 2**20} MiB, far longer "
        f"than the {MAX_FIELD_CHARACTERS:,} characters a field may hold; check that this is "
        "the right file",
        file=file,
    )


def _damaged(name: str, error: Exception, file: str) -> SourceError:
    detail = str(error) or type(error).__name__
    return SourceError(
        f"the file is damaged: {name} inside cannot be decompressed ({detail}); "
        "export or save it again",
        file=file,
    )


def _too_large(name: str, file: str) -> LimitError:
    return LimitError(
        f"{name} inside expands to more than {MAX_EXPANDED_BYTES // 2**20} MiB, more than a "
        "glossary holds (a damaged file or a zip bomb); check that this is the right file",
        file=file,
    )
