"""Encodings: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 with a warning, no binary."""

from __future__ import annotations

import codecs
import re
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


# A UTF-8 file with a few Windows-1252 bytes (0xE9 "é" on line 3, 0x96 "–" on line 4), as an
# editor that mixes the two writes it.
MIXED = (
    "Café: a small restaurant\nNaïve: lacking experience\n".encode()
    + b"Resum\xe9: a summary of one's career\nClich\xc3\xa9: an overused phrase \x96 trite\n"
)
MIXED_PAIRS = [
    ("Café", "a small restaurant"),
    ("Naïve", "lacking experience"),
    ("Resumé", "a summary of one's career"),
    ("Cliché", "an overused phrase – trite"),
]


def read_warned(
    tmp_path: Path, name: str, data: bytes, encoding: str | None = None
) -> tuple[list[tuple[str, str]], list[str]]:
    """The pairs read from ``data`` and the read warnings, as the CLI prints them."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        glossary = read_bytes(tmp_path, name, data, options=ReadOptions(encoding=encoding))
    return pairs(glossary), [str(w.message) for w in caught if w.category is ReadWarning]


def test_a_byte_order_mark_does_not_change_how_stray_bytes_are_read(tmp_path: Path) -> None:
    with_mark = read_warned(tmp_path, "g.txt", codecs.BOM_UTF8 + MIXED)
    without = read_warned(tmp_path, "g.txt", MIXED)
    assert with_mark == without
    assert with_mark[0] == MIXED_PAIRS
    assert [message.split(": ")[0] for message in with_mark[1]] == [
        f"{tmp_path / 'g.txt'}:3",
        f"{tmp_path / 'g.txt'}:4",
    ]


def test_a_utf8_mark_wins_over_another_encoding_with_a_warning(tmp_path: Path) -> None:
    read, warned = read_warned(tmp_path, "g.txt", codecs.BOM_UTF8 + MIXED, encoding="cp1252")
    assert read == MIXED_PAIRS  # not "ï»¿CafÃ©"
    assert re.search(r"g\.txt:1: starts with a UTF-8 byte order mark.*not cp1252", warned[0])


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", TEXT.encode("utf-8-sig")),
        ("utf-8-sig", TEXT.encode("utf-8-sig")),
        ("utf-16", TEXT.encode("utf-16")),
        ("utf-16-le", b"\xff\xfe" + TEXT.encode("utf-16-le")),
    ],
)
def test_an_encoding_that_agrees_with_the_mark_reads_quietly(
    tmp_path: Path, encoding: str, data: bytes
) -> None:
    assert read_warned(tmp_path, "g.csv", data, encoding) == (PAIRS, [])


def test_a_decoding_error_after_a_mark_names_the_real_byte_and_line(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + b"Term,Definition\nok,fine\nCaf\xe9,bad\n"
    with pytest.raises(SourceError) as caught:
        read_bytes(tmp_path, "g.csv", data, options=ReadOptions(encoding="utf-8-sig"))
    assert str(caught.value).startswith(f"{tmp_path / 'g.csv'}:3: byte 0xe9 is not valid utf-8")


def test_a_broken_utf16_file_names_its_line_and_bytes(tmp_path: Path) -> None:
    # A lone low surrogate (0xDC00) on line 3 of a UTF-16 LE file with its mark.
    data = codecs.BOM_UTF16_LE + "a,b\nc,d\nx".encode("utf-16-le") + b"\x00\xdc"
    with pytest.raises(SourceError) as caught:
        read_bytes(tmp_path, "g.csv", data)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'g.csv'}:3: bytes 0x00 0xdc is not valid utf-16;")
    assert "leave out --encoding" not in message  # none was given


# Japanese with only kanji, as a Japanese Excel saves it: 0x81 and 0x90 mean nothing in
# Windows-1252, and Shift-JIS reads it cleanly.
JAPANESE = "Term,Definition\n猫,cat\n水,water\n言葉,word\n"


def test_shift_jis_is_not_called_binary_and_gets_a_hint(tmp_path: Path) -> None:
    data = JAPANESE.encode("shift_jis")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp1252")  # the fixture is what the comment says
    with pytest.raises(SourceError) as caught:
        read_bytes(tmp_path, "ja.csv", data)
    message = str(caught.value)
    assert "not UTF-8" in message and "--encoding shift_jis" in message
    assert "not text" not in message and "control" not in message
    shift_jis = read_bytes(tmp_path, "ja.csv", data, options=ReadOptions(encoding="shift_jis"))
    assert pairs(shift_jis) == [("猫", "cat"), ("水", "water"), ("言葉", "word")]


def test_shift_jis_that_windows_1252_can_read_is_refused(tmp_path: Path) -> None:
    # Kana and kanji without a 0x81 byte: every byte means something in Windows-1252.
    data = "単語,意味\nこんにちは,hello\nテスト,test\n".encode("shift_jis")
    assert data.decode("cp1252")
    with pytest.raises(SourceError, match=r"another code page.*--encoding shift_jis"):
        read_bytes(tmp_path, "ja.csv", data)


POLISH = "Polski;Angielski\nżółw;turtle\nłódź;boat\ngęś;goose\n"


def test_a_windows_1250_file_is_refused_naming_the_word_and_the_code_page(
    tmp_path: Path,
) -> None:
    data = POLISH.encode("cp1250")
    with pytest.raises(SourceError) as caught:
        read_bytes(tmp_path, "pl.csv", data)
    assert caught.value.line == 2
    assert "'¿ó³w'" in str(caught.value)
    assert "--encoding cp1250 (Central European)" in str(caught.value)
    expected = [("żółw", "turtle"), ("łódź", "boat"), ("gęś", "goose")]
    assert read_warned(tmp_path, "pl.csv", data, "cp1250") == (expected, [])
    # The user's word is final: --encoding cp1252 reads what they asked for.
    assert read_warned(tmp_path, "pl.csv", data, "cp1252")[0][0] == ("¿ó³w", "turtle")


def test_a_windows_1251_file_is_refused_with_a_cyrillic_hint(tmp_path: Path) -> None:
    data = "Слово,Значение\nпривет,hello\nспасибо,thanks\n".encode("cp1251")
    with pytest.raises(SourceError, match=r"'Ñëîâî'.*--encoding cp1251 \(Cyrillic\)"):
        read_bytes(tmp_path, "ru.csv", data)


def test_western_windows_1252_names_its_accented_lines_and_other_code_pages(
    tmp_path: Path,
) -> None:
    # The signs a misread check could take for one: ¿ before a word, ² after, ° before a
    # letter, œ and ’ inside one.
    text = "Term,Definition\n¿Qué?,what\narea,in m²\ntemperature,5°C\ncœur,l’œuvre\nplain,ascii\n"
    read, warned = read_warned(tmp_path, "es.csv", text.encode("cp1252"))
    assert read[:4] == [
        ("¿Qué?", "what"),
        ("area", "in m²"),
        ("temperature", "5°C"),
        ("cœur", "l’œuvre"),
    ]
    assert len(warned) == 1
    assert (
        "es.csv:2: not valid UTF-8, read as Windows-1252 (accents on line(s) 2, 3, 4, 5)"
        in (warned[0])
    )
    assert "--encoding cp1250 (Central European), cp1251 (Cyrillic)" in warned[0]
