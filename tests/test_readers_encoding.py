"""Encodings: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 with a warning, no binary."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from glossary_export.errors import OptionError, SourceError
from glossary_export.readers import ReadOptions, ReadWarning
from support_readers import pairs, read_bytes

TEXT = "Term,Definition\r\nCafé,A place for coffee — and crème brûlée.\r\n"
PAIRS = [("Café", "A place for coffee — and crème brûlée.")]


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),  # with BOM, native order
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
    ],
)
def test_unicode_encodings(tmp_path: Path, encoded: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert pairs(read_bytes(tmp_path, "g.csv", encoded)) == PAIRS


def test_windows_1252_is_read_with_a_warning_naming_the_line(tmp_path: Path) -> None:
    with pytest.warns(ReadWarning, match=r"g\.csv:2: not valid UTF-8, read as Windows-1252"):
        glossary = read_bytes(tmp_path, "g.csv", TEXT.encode("cp1252"))
    assert pairs(glossary) == PAIRS


def test_encoding_option_overrides_the_guess(tmp_path: Path) -> None:
    data = "Term,Definition\nNaïve,Kept simple\n".encode("latin-1")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        glossary = read_bytes(tmp_path, "g.csv", data, options=ReadOptions(encoding="latin-1"))
    assert pairs(glossary) == [("Naïve", "Kept simple")]


def test_wrong_encoding_option_names_the_line(tmp_path: Path) -> None:
    data = "Term,Definition\nok,fine\nCafé,bad\n".encode("latin-1")
    with pytest.raises(SourceError, match="not valid utf-8") as caught:
        read_bytes(tmp_path, "g.csv", data, options=ReadOptions(encoding="utf-8"))
    assert caught.value.line == 3


def test_unknown_encoding_is_an_option_error(tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="unknown encoding"):
        read_bytes(tmp_path, "g.csv", b"a,b\n", options=ReadOptions(encoding="klingon"))


def test_utf16_without_bom_is_refused_naming_the_nul(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"NUL byte.*UTF-16 without a byte order mark") as caught:
        read_bytes(tmp_path, "g.csv", TEXT.encode("utf-16-le"))
    assert caught.value.line == 1


def test_nul_on_a_later_line(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="NUL") as caught:
        read_bytes(tmp_path, "g.txt", b"Tokenizer\nSplits text.\nEmbed\x00ding\nA vector.\n")
    assert caught.value.line == 3


def test_stray_control_character_is_replaced_with_a_warning_naming_its_line(
    tmp_path: Path,
) -> None:
    with pytest.warns(ReadWarning, match=r"g\.txt:2: 1 control character replaced"):
        glossary = read_bytes(tmp_path, "g.txt", b"Tokenizer\nSplits\x07text.\n")
    assert [(t.term, t.definition) for t in glossary] == [("Tokenizer", "Splits text.")]


def test_common_control_characters_are_binary(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="U\\+0007") as caught:
        read_bytes(tmp_path, "g.txt", b"Tokenizer\nSplits" + b"\x07" * 40 + b" text.\n")
    assert caught.value.line == 2


def test_binary_is_refused(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
    with pytest.raises(SourceError, match=r"not text|NUL|control"):
        read_bytes(tmp_path, "image.txt", png)
