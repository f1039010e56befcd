"""What every reader's terms pass, whatever the format: no field longer than 131,072 characters
(the csv module's cell limit) and no lone surrogate, each refused with one line naming the file
and the entry, by ``check`` as by ``export``, before any writer sees it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import genanki
import pandas as pd
import pytest
from click.testing import CliRunner

from glossary_export import Glossary, LimitError, SourceError, Term, export_deck, load_glossary
from glossary_export.cli import cli
from support_bombs import shared_strings, workbook

LIMIT = 131_072
LONG = "x" * 140_000


def _anki_package(path: Path, definition: str) -> None:
    """An .apkg made by genanki (not by glossary-export): Bias, then Drift with ``definition``."""
    model = genanki.BASIC_MODEL
    deck = genanki.Deck(2059400110, "Glossary")
    deck.add_note(genanki.Note(model=model, fields=["Bias", "Error."]))
    deck.add_note(genanki.Note(model=model, fields=["Drift", definition]))
    genanki.Package(deck).write_to_file(str(path))


def _xlsx(path: Path, definition: str) -> None:
    """A workbook whose row 1 is Drift's definition in A1 (shared) and "x" in B1."""
    path.write_bytes(workbook(shared_strings(definition.encode())))


# name: (file name, write(path, definition), the line the Drift entry is reported at)
SOURCES: dict[str, tuple[str, Callable[[Path, str], None], int]] = {
    "page": (
        "page.txt",
        lambda p, d: p.write_text(f"Bias\nError.\nDrift\n{d}\n", encoding="utf-8"),
        3,
    ),
    "csv": (
        "terms.csv",
        lambda p, d: p.write_text(f"term,definition\nBias,Error.\nDrift,{d}\n", encoding="utf-8"),
        3,
    ),
    "tsv": (
        "terms.tsv",
        lambda p, d: p.write_text(
            f"term\tdefinition\nBias\tError.\nDrift\t{d}\n", encoding="utf-8"
        ),
        3,
    ),
    "markdown": (
        "terms.md",
        lambda p, d: p.write_text(f"**Bias**: Error.\n\n**Drift**: {d}\n", encoding="utf-8"),
        3,
    ),
    "json": (
        "terms.json",
        lambda p, d: p.write_text(
            json.dumps(
                [{"term": "Bias", "definition": "Error."}, {"term": "Drift", "definition": d}],
                indent=1,
            ),
            encoding="utf-8",
        ),
        6,
    ),
    "anki-text": (
        "notes.anki.txt",
        lambda p, d: p.write_text(
            f"#separator:tab\n#html:false\nBias\tError.\nDrift\t{d}\n", encoding="utf-8"
        ),
        4,
    ),
    "apkg": ("deck.apkg", _anki_package, 2),
}


@pytest.mark.parametrize("format", [*SOURCES, "xlsx"])
@pytest.mark.parametrize("command", ["check", "export"])
def test_a_field_past_the_limit_is_refused_naming_file_and_line(
    tmp_path: Path, format: str, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if format == "xlsx":
        name, line = "terms.xlsx", 1
        _xlsx(tmp_path / name, LONG)
    else:
        name, write, line = SOURCES[format]
        write(tmp_path / name, LONG)
    args = [command, name, *(["-o", "out.csv"] if command == "export" else [])]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    [error] = result.stderr.splitlines()
    if format in ("csv", "tsv", "anki-text"):
        # The csv module refuses the cell itself, at the record it starts.
        assert error.startswith(f"Error: {name}:{line}: a cell is longer than {LIMIT:,} characters")
    else:
        what = "the term 'x" if format == "xlsx" else "the definition of 'Drift'"
        assert re.match(rf"Error: {re.escape(name)}:{line}: {what}.* is 140,000 characters", error)
        assert f"more than the {LIMIT:,} a field may hold" in error
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize("format", SOURCES)
def test_a_field_at_the_limit_is_read_whole(tmp_path: Path, format: str) -> None:
    name, write, _ = SOURCES[format]
    write(tmp_path / name, "y" * LIMIT)
    terms = load_glossary(tmp_path / name).terms
    assert [(t.term, len(t.definition)) for t in terms] == [("Bias", 6), ("Drift", LIMIT)]


def test_a_python_pair_past_the_limit_is_refused() -> None:
    with pytest.raises(LimitError, match=r"^<list>:2: the definition of 'Drift' is 140,000 char"):
        load_glossary([("Bias", "Error."), ("Drift", LONG)])


# --- lone surrogates ---------------------------------------------------------------------------

SURROGATE_OUTPUTS = ("out.csv", "out.txt", "out.xlsx", "out.apkg", "out.anki.txt")


@pytest.mark.parametrize(
    ("name", "content", "line", "what"),
    [
        (
            "key.json",
            '{"Bias": "Error.",\n "Drift\\ud800": "Shift."}',
            2,
            "the term 'Drift\\\\ud800'",
        ),
        (
            "value.json",
            '[{"term": "Drift", "definition": "Shift \\udc80."}]',
            1,
            "the definition of",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "export"])
def test_a_lone_surrogate_in_json_is_refused_naming_the_entry(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: str,
    line: int,
    what: str,
    command: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(content, encoding="utf-8")
    outputs = [a for o in SURROGATE_OUTPUTS for a in ("-o", o)] if command == "export" else []
    result = CliRunner().invoke(cli, [command, name, *outputs])
    assert result.exit_code == 1, result.output
    [error] = result.stderr.splitlines()
    assert re.match(rf"Error: {name}:{line}: {what}.* holds U\+D[8C]", error), error
    assert "half of a UTF-16 surrogate pair" in error
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


# Text readers decode with strict codecs, which never make a surrogate; a codec that decodes
# escapes (named with --encoding) does, and each reader must still refuse it.
@pytest.mark.parametrize("format", ["page", "csv", "tsv", "markdown", "anki-text"])
def test_a_lone_surrogate_from_a_decoder_is_refused_by_every_text_reader(
    tmp_path: Path, format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name, write, line = SOURCES[format]
    write(tmp_path / name, "Shift \\udcff.")
    result = CliRunner().invoke(cli, ["check", name, "--encoding", "raw_unicode_escape"])
    assert result.exit_code == 1, result.output
    [error] = result.stderr.splitlines()
    assert error.startswith(f"Error: {name}:{line}: the definition of 'Drift' holds U+DCFF")


@pytest.mark.parametrize("cell", [b"_xD800_", b"Drift _xDFFF_"])
def test_a_lone_surrogate_escaped_in_a_workbook_is_refused_not_stripped(
    tmp_path: Path, cell: bytes
) -> None:
    path = tmp_path / "terms.xlsx"
    path.write_bytes(workbook(shared_strings(cell)))
    with pytest.raises(SourceError, match=r"^.*terms\.xlsx:1: the term .* holds U\+D[8F]"):
        export_deck(path, tmp_path / "out.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.xlsx"]


@pytest.mark.parametrize(
    "source",
    [
        [("Bias", "Error."), ("Drift", "Shift\ud800")],
        [{"term": "Bias", "definition": "Error."}, {"term": "Drift", "definition": "Shift\ud800"}],
        pd.DataFrame({"term": ["Bias", "Drift"], "definition": ["Error.", "Shift\ud800"]}),
        Glossary((Term.create("Bias", "Error."), Term.create("Drift", "Shift\ud800", line=2))),
    ],
    ids=["pairs", "records", "dataframe", "glossary"],
)
@pytest.mark.parametrize("output", SURROGATE_OUTPUTS)
def test_a_lone_surrogate_from_python_never_reaches_a_writer(
    tmp_path: Path, source: object, output: str
) -> None:
    with pytest.raises(SourceError, match=r"2: the definition of 'Drift' holds U\+D800"):
        export_deck(source, tmp_path / output)
    assert list(tmp_path.iterdir()) == []


def test_an_escaped_surrogate_in_a_package_note_is_a_replacement_character(tmp_path: Path) -> None:
    """HTML (and so Anki) shows the entity of a surrogate as U+FFFD: nothing to refuse there."""
    path = tmp_path / "deck.apkg"
    _anki_package(path, "Shift &#xD800;.")
    assert load_glossary(path).terms[1].definition == "Shift \ufffd."


def test_a_lone_surrogate_in_the_description_is_refused(tmp_path: Path) -> None:
    glossary = Glossary((Term.create("Bias", "Error."),), description="Terms \udfff.")
    with pytest.raises(SourceError, match=r"^the description holds U\+DFFF"):
        export_deck(glossary, tmp_path / "out.apkg")
    assert list(tmp_path.iterdir()) == []
