"""Damaged packages and decompression bombs: one line naming the file, never an internal
error, and a bomb refused before it fills the memory (measured in a process of its own)."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
import zstandard
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from glossary_export import export_deck
from glossary_export.cli import cli
from support_bombs import (
    MiB,
    many_empty_members,
    member,
    peak_memory_mb,
    shared_strings,
    workbook,
    zip_bytes,
)

CAP_MB = 512
"""The documented cap on what a container may expand to (README, "Limits")."""
SMALL_PROCESS_MB = 150
"""Far more than a check of a small file needs (about 40 MB), far less than a bomb's gigabyte."""


def _refused(path: Path) -> str:
    """The one stderr line of a refused ``check`` of ``path`` (exit 1, nothing on stdout)."""
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {path}: ")
    assert "internal error" not in line
    return line


def _package(tmp_path: Path, suffix: str) -> Path:
    """A real export (an .apkg or .xlsx) of a few terms, made by glossary-export itself."""
    pairs = [
        (f"Term {n}", f"The definition of term {n}, long enough to be deflated.") for n in range(50)
    ]
    path = tmp_path / f"deck{suffix}"
    export_deck(pairs, path)
    return path


def _largest_member(data: bytes) -> tuple[zipfile.ZipInfo, int]:
    """The member with the most compressed bytes, and where those bytes start in ``data``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = max(archive.infolist(), key=lambda item: item.compress_size)
    name_length, extra_length = struct.unpack_from("<2H", data, info.header_offset + 26)
    return info, info.header_offset + 30 + name_length + extra_length


def _central_entry(data: bytes, info: zipfile.ZipInfo) -> int:
    """Where ``info``'s entry of the central directory starts in ``data``."""
    position = data.index(b"PK\x01\x02")
    while struct.unpack_from("<L", data, position + 42)[0] != info.header_offset:
        position = data.index(b"PK\x01\x02", position + 4)
    return position


@pytest.mark.parametrize("suffix", [".apkg", ".xlsx"])
def test_a_damaged_deflate_stream_is_a_damaged_file(tmp_path: Path, suffix: str) -> None:
    path = _package(tmp_path, suffix)
    data = bytearray(path.read_bytes())
    info, start = _largest_member(bytes(data))
    for offset in range(start + 10, start + 30):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    line = _refused(path)
    assert f"the file is damaged: {info.filename} inside cannot be decompressed" in line


@pytest.mark.parametrize("suffix", [".apkg", ".xlsx"])
def test_a_wrong_checksum_is_a_damaged_file(tmp_path: Path, suffix: str) -> None:
    path = _package(tmp_path, suffix)
    data = bytearray(path.read_bytes())
    info, _ = _largest_member(bytes(data))
    # zipfile checks the CRC the central directory records: change it there.
    central = _central_entry(bytes(data), info)
    data[central + 16 : central + 20] = struct.pack("<L", info.CRC ^ 0xFFFF)
    path.write_bytes(bytes(data))
    assert "Bad CRC-32" in _refused(path)


def test_the_hand_made_workbook_is_a_real_workbook(tmp_path: Path) -> None:
    """The bombs below are this workbook with a bigger string: calamine reads it as Excel would."""
    path = tmp_path / "small.xlsx"
    path.write_bytes(workbook(shared_strings(b"Bias")))
    assert CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python() == [
        ["Bias", "x"]
    ]


def test_a_workbook_with_a_1_gib_shared_string_fails_fast_in_little_memory(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(workbook(shared_strings((b"x" * MiB, 1024))))
    assert path.stat().st_size < 2 * MiB
    status, stderr, peak = peak_memory_mb("check", str(path))
    assert status == 1
    assert stderr == (
        f"Error: {path}: xl/sharedStrings.xml inside expands to more than {CAP_MB} MiB, more "
        "than a glossary holds (a damaged file or a zip bomb); check that this is the right file\n"
    )
    assert peak < SMALL_PROCESS_MB


def test_a_workbook_cell_of_64_mib_under_the_cap_is_refused_before_it_is_parsed(
    tmp_path: Path,
) -> None:
    """Within the cap, but no field can be that long: openpyxl would hold it three times."""
    path = tmp_path / "long.xlsx"
    path.write_bytes(workbook(shared_strings((b"x" * MiB, 64))))
    status, stderr, peak = peak_memory_mb("check", str(path))
    assert status == 1
    assert stderr == (
        f"Error: {path}: xl/sharedStrings.xml inside holds a text of more than 2 MiB, far longer "
        "than the 131,072 characters a field may hold; check that this is the right file\n"
    )
    assert peak < SMALL_PROCESS_MB


def test_a_workbook_lying_about_its_size_is_damaged_and_stays_small(tmp_path: Path) -> None:
    path = tmp_path / "liar.xlsx"
    path.write_bytes(workbook(shared_strings((b"x" * MiB, 1024), declared_size=1000)))
    status, stderr, peak = peak_memory_mb("check", str(path))
    assert status == 1
    assert "the file is damaged: xl/sharedStrings.xml inside cannot be decompressed" in stderr
    assert peak < SMALL_PROCESS_MB


def test_a_package_holding_1_gib_of_zeros_fails_fast_in_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.apkg"
    path.write_bytes(zip_bytes(member("collection.anki2", (bytes(MiB), 1024))))
    status, stderr, peak = peak_memory_mb("export", str(path), "-o", str(tmp_path / "out.csv"))
    assert status == 1
    assert f"collection.anki2 inside expands to more than {CAP_MB} MiB" in stderr
    assert peak < SMALL_PROCESS_MB
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.apkg"]


@pytest.mark.parametrize("suffix", [".xlsx", ".apkg", ".zip"])
def test_a_zip_of_400k_members_is_refused_before_its_directory_is_read(
    tmp_path: Path, suffix: str
) -> None:
    """Its 20 MiB directory would be 400k objects in zipfile (a 512 MiB one, gigabytes)."""
    path = tmp_path / f"members{suffix}"
    path.write_bytes(many_empty_members(400_000))
    status, stderr, peak = peak_memory_mb("check", str(path))
    assert status == 1
    if suffix == ".zip":  # no name says what it is, and nothing inside is read to tell
        assert stderr.startswith(f"Error: {path}: cannot tell the format from the name or the")
    else:
        assert stderr == (
            f"Error: {path}: the zip holds a list of its files of 20 MiB, for more files than "
            "any glossary or deck has (a damaged file or a zip bomb); check that this is the "
            "right file\n"
        )
    assert peak < SMALL_PROCESS_MB


def test_a_zstd_collection_without_a_size_is_stopped_at_the_cap(tmp_path: Path) -> None:
    """Anki's zstd frames need not record their size: the running count is the only bound."""
    compressor = zstandard.ZstdCompressor(level=1, write_content_size=False).compressobj()
    frame = b"".join(compressor.compress(bytes(MiB)) for _ in range(CAP_MB + 64))
    frame += compressor.flush()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("collection.anki21b", frame)
    path = tmp_path / "zstd.apkg"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < MiB
    status, stderr, peak = peak_memory_mb("check", str(path))
    assert status == 1
    assert f"collection.anki21b inside expands to more than {CAP_MB} MiB" in stderr
    # Held until the cap, then dropped: not the 4 GiB and more the frame expands to.
    assert peak < CAP_MB + SMALL_PROCESS_MB


def test_a_member_compressed_with_bzip2_is_refused_unread(tmp_path: Path) -> None:
    """zipfile hands bzip2 a whole block at once, which may expand without bound."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr("collection.anki2", b"SQLite format 3\x00")
    path = tmp_path / "bzip2.apkg"
    path.write_bytes(buffer.getvalue())
    assert "collection.anki2 inside is compressed with method 12" in _refused(path)
