"""Format detection by suffix and, without one, by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export.errors import UnknownFormatError
from glossary_export.readers import READERS, detect_format, get_reader, read
from support_readers import pairs


def test_every_reader_has_a_summary_and_loads() -> None:
    import importlib

    for reader in READERS:
        assert reader.summary
        module = importlib.import_module(f"glossary_export.readers.{reader.module}")
        assert callable(getattr(module, reader.function))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("g.csv", "csv"),
        ("G.CSV", "csv"),
        ("g.tsv", "tsv"),
    ],
)
def test_specific_suffixes_decide(name: str, expected: str) -> None:
    assert detect_format(name, b"whatever") == expected


def test_txt_and_no_suffix_are_told_by_content(seed_path: Path) -> None:
    head = seed_path.read_bytes()
    assert detect_format("page.txt", head) == "page"
    assert detect_format("page", head) == "page"
    assert detect_format("", head) == "page"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'\xef\xbb\xbfTerm,Definition\r\nTokenizer,"Splits, text"\r\nEmbedding,A vector\r\n',
            "csv",
        ),
        (b"Tokenizer;Splits text\nEmbedding;A vector, dense\n", "csv"),
        (b"Term\tDefinition\nTokenizer\tSplits text\n", "tsv"),
        (b"Tokenizer\tSplits text\nEmbedding\tA vector\n", "quizlet"),
        (b"Tokenizer\nSplits text, into units.\nEmbedding\nA vector.\n", "page"),
    ],
)
def test_content_detection(content: bytes, expected: str) -> None:
    assert detect_format("source", content) == expected
    assert detect_format("source.txt", content) == expected


def test_seed_without_suffix_reads_like_the_seed(seed_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "glossary"
    copy.write_bytes(seed_path.read_bytes())
    assert pairs(read(copy)) == pairs(read(seed_path))


def test_format_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text("Tokenizer,Splits text\n", encoding="utf-8")
    assert pairs(read(path, "csv")) == [("Tokenizer", "Splits text")]


def test_unknown_format_name_lists_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match="known formats: page, csv"):
        get_reader("docx")


def test_unknown_binary_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError, match="--from"):
        detect_format("thing.bin", b"PK\x03\x04" + b"\x00" * 40)


def test_standard_input(monkeypatch: pytest.MonkeyPatch, seed_path: Path) -> None:
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(seed_path.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    glossary = read("-")
    assert len(glossary) == 100
    assert glossary.terms[0].file == "<stdin>"
    assert glossary.sources == ("<stdin>",)


def test_old_excel_file_says_what_to_do() -> None:
    with pytest.raises(UnknownFormatError, match=r"save it as \.xlsx"):
        detect_format("glossary.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)


def test_missing_source_says_so(tmp_path: Path) -> None:
    from glossary_export.errors import SourceError

    with pytest.raises(SourceError, match="no such file") as caught:
        read(tmp_path / "nope.csv")
    assert caught.value.file == str(tmp_path / "nope.csv")


def test_folder_as_source_says_so(tmp_path: Path) -> None:
    from glossary_export.errors import SourceError

    with pytest.raises(SourceError, match="folder, not a glossary file"):
        read(tmp_path)
