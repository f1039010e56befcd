"""Zip files made by hand: decompression bombs of any size in milliseconds, and sizes that lie.

zipfile cannot store data it did not compress itself, nor declare a size other than the real
one; a bomb test needs both. A deflate stream of N copies of a block is made by compressing the
block once with a full flush (which makes the output independent of what came before) and
repeating those bytes, so a 1 GiB member costs 1 MB and no gigabyte is ever held in memory.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

MiB = 1024 * 1024
_FINAL_EMPTY_BLOCK = b"\x03\x00"


@dataclass(frozen=True)
class Member:
    """One zip member: its name and the (bytes, times) parts its content is made of."""

    name: str
    parts: tuple[tuple[bytes, int], ...]
    declared_size: int | None = None
    """The uncompressed size written in the zip (the real size unless it is to lie)."""


def member(
    name: str, *parts: bytes | tuple[bytes, int], declared_size: int | None = None
) -> Member:
    return Member(
        name,
        tuple(part if isinstance(part, tuple) else (part, 1) for part in parts),
        declared_size,
    )


def deflated(parts: tuple[tuple[bytes, int], ...]) -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC-32, size) of the parts, each repeated its number of times."""
    stream, crc, size = io.BytesIO(), 0, 0
    for data, times in parts:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        block = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
        for _ in range(times):
            stream.write(block)
            crc = zlib.crc32(data, crc)
        size += len(data) * times
    stream.write(_FINAL_EMPTY_BLOCK)
    return stream.getvalue(), crc, size


def zip_bytes(*members: Member) -> bytes:
    """A zip archive of deflated ``members`` (no ZIP64: each under 4 GiB)."""
    out, directory = io.BytesIO(), io.BytesIO()
    for item in members:
        raw, crc, size = deflated(item.parts)
        declared = size if item.declared_size is None else item.declared_size
        name = item.name.encode()
        offset = out.tell()
        fields = (20, 0, 8, 0, 0x21, crc, len(raw), declared, len(name), 0)
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + name + raw)
        central = (20, 20, 0, 8, 0, 0x21, crc, len(raw), declared, len(name), 0, 0, 0, 0, 0)
        directory.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", *central, offset) + name)
    start, listing = out.tell(), directory.getvalue()
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(listing), start, 0)
    return out.getvalue() + listing + end


def many_empty_members(count: int) -> bytes:
    """A zip of ``count`` empty stored members named by number, as an Anki package names its
    media files: each costs 53 bytes of zip directory, and an object in zipfile once opened."""
    local, directory = bytearray(), bytearray()
    for number in range(count):
        name = b"%07d" % number
        offset = len(local)
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, 0, 0, 0, 7, 0) + name
        central = (20, 20, 0, 0, 0, 0x21, 0, 0, 0, 7, 0, 0, 0, 0, 0, offset)
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", *central) + name
    # More members than the end record's 16-bit count holds: zipfile reads the directory by
    # its size, as other readers do when the count is 0xFFFF without a ZIP64 record.
    counted = min(count, 0xFFFF)
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, counted, counted, len(directory), len(local), 0
    )
    return bytes(local + directory + end)


def workbook(shared_strings: Member) -> bytes:
    """A minimal .xlsx whose one sheet shows the first shared string in A1 and "x" in B1."""
    content_types = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" '
        b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/xl/workbook.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        b"</Types>"
    )
    relationships = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    root_rels = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="' + relationships + b'/officeDocument" '
        b'Target="xl/workbook.xml"/></Relationships>'
    )
    book = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="' + relationships + b'"><sheets>'
        b'<sheet name="Glossary" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    book_rels = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="' + relationships + b'/worksheet" '
        b'Target="worksheets/sheet1.xml"/>'
        b'<Relationship Id="rId2" Type="' + relationships + b'/sharedStrings" '
        b'Target="sharedStrings.xml"/></Relationships>'
    )
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
        b'<c r="B1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    return zip_bytes(
        member("[Content_Types].xml", content_types),
        member("_rels/.rels", root_rels),
        member("xl/workbook.xml", book),
        member("xl/_rels/workbook.xml.rels", book_rels),
        member("xl/worksheets/sheet1.xml", sheet),
        shared_strings,
    )


def shared_strings(*text: bytes | tuple[bytes, int], declared_size: int | None = None) -> Member:
    """xl/sharedStrings.xml holding one string made of ``text``."""
    return member(
        "xl/sharedStrings.xml",
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>',
        *text,
        b"</t></si></sst>",
        declared_size=declared_size,
    )


def peak_memory_mb(*args: str) -> tuple[int, str, float]:
    """Run ``glossary-export ARGS`` in a fresh process: (exit status, stderr, its peak RSS in
    MB), measured by a parent process of its own so that no earlier child counts."""
    source = Path(__file__).parents[1] / "src"
    measure = (
        "import resource, subprocess, sys\n"
        "result = subprocess.run([sys.executable, '-m', 'glossary_export', *sys.argv[1:]],"
        " capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(result.returncode, peak / 1024)\n"
        "sys.stderr.write(result.stderr)\n"
    )
    env = {"PYTHONPATH": str(source), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", measure, *args], capture_output=True, text=True, env=env, check=True
    )
    status, peak = done.stdout.split()
    return int(status), done.stderr, float(peak)
