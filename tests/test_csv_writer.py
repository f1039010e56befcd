"""CSV writer, read back with the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossary_export.formula_guard import guard_cell
from glossary_export.model import Glossary, Term
from support_export import export
from support_tables import glossary_of, read_csv, seed_glossary

HEADER = ["Term", "Definition", "Acronym", "Tags"]


def test_seed_page_gives_header_and_71_rows(seed_path: Path, tmp_path: Path) -> None:
    glossary = seed_glossary(seed_path)
    path = tmp_path / "deck.csv"
    result = export(glossary, path, "csv")
    rows = read_csv(path)
    assert rows[0] == HEADER
    assert rows[1:] == [[t.term, t.definition, t.acronym, ""] for t in glossary]
    assert len(rows) == 72
    assert rows[1][:3] == ["Large Language Model (LLM)", glossary.terms[0].definition, "LLM"]
    assert result.terms_written == 71
    assert result.adjustments == {}


def test_bom_and_crlf_by_default_for_excel(tmp_path: Path) -> None:
    path = tmp_path / "deck.csv"
    export(glossary_of(("Café", "Crème brûlée")), path, "csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfTerm,Definition,Acronym,Tags\r\n")
    assert data.endswith("Café,Crème brûlée,,\r\n".encode())


def test_bom_can_be_left_out(tmp_path: Path) -> None:
    path = tmp_path / "deck.csv"
    export(glossary_of(("Café", "Crème")), path, "csv", bom=False)
    assert path.read_bytes().startswith(b"Term,Definition")
    # Without the BOM a plain utf-8 reader sees the header exactly.
    assert path.read_text(encoding="utf-8").splitlines()[0] == "Term,Definition,Acronym,Tags"


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tTabbed", "'\tTabbed"),
        ("\rReturn", "'\rReturn"),
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("a=b", "a=b"),
        ("1+1", "1+1"),
        ("'quoted", "'quoted"),
        ("", ""),
    ],
)
def test_formula_triggers_are_guarded_by_default(tmp_path: Path, cell: str, guarded: str) -> None:
    glossary = Glossary(
        terms=(Term(term=cell or "x", definition=cell, acronym=cell, tags=(cell,) if cell else ()),)
    )
    path = tmp_path / "deck.csv"
    result = export(glossary, path, "csv")
    row = read_csv(path)[1]
    assert row == [guarded if cell else "x", guarded, guarded, guarded]
    changed = 4 if guarded != cell else 0
    assert result.adjustments == ({"cells guarded against formulas": changed} if changed else {})


def test_formula_guard_off_writes_cells_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "deck.csv"
    result = export(
        glossary_of(("=1+1", "-dash"), ("@at", "+plus")), path, "csv", formula_guard=False
    )
    assert read_csv(path)[1:] == [["=1+1", "-dash", "", ""], ["@at", "+plus", "", ""]]
    assert result.adjustments == {}


@pytest.mark.parametrize(
    "definition",
    [
        "commas, inside",
        'quotes "inside" too',
        "two\nlines",
        "windows\r\nlines",
        "emoji 🚀🎉 and a family 👨‍👩‍👧",
        "עברית וערבית: مرحبا",
        "x" * 100_000,
        "  leading and trailing spaces  ",
    ],
)
def test_content_round_trips_exactly(tmp_path: Path, definition: str) -> None:
    path = tmp_path / "deck.csv"
    export(glossary_of(("Term, with comma", definition)), path, "csv")
    assert read_csv(path)[1] == ["Term, with comma", definition, "", ""]


def test_tags_are_space_separated_own_tags_first(tmp_path: Path) -> None:
    glossary = glossary_of(("LoRA", "adapters"), tags=("peft", "fine-tuning"))
    path = tmp_path / "deck.csv"
    export(glossary, path, "csv", tags=("llm", "peft"))
    assert read_csv(path)[1] == ["LoRA", "adapters", "", "peft fine-tuning llm"]


def test_rebuild_is_byte_identical(seed_path: Path, tmp_path: Path) -> None:
    glossary = Glossary(terms=(*seed_glossary(seed_path).terms, Term("=risky", "-cell")))
    export(glossary, tmp_path / "a.csv", "csv")
    export(glossary, tmp_path / "b.csv", "csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


CELL_TEXT = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(",\"\r\n=+-@\t'; "),
    ),
    max_size=10,
)


@settings(
    deadline=None, max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(st.tuples(CELL_TEXT, CELL_TEXT, CELL_TEXT, CELL_TEXT), min_size=1, max_size=6),
    formula_guard=st.booleans(),
    bom=st.booleans(),
)
@example(cells=[("plain", "text", "", "")], formula_guard=True, bom=True)
@example(cells=[("=1+1", "only the first cell", "", "")], formula_guard=True, bom=False)
def test_the_bytes_are_what_the_csv_module_writes(
    tmp_path: Path, cells: list[tuple[str, str, str, str]], formula_guard: bool, bom: bool
) -> None:
    glossary = Glossary(
        terms=tuple(Term(t, d, acronym=a, tags=(g,) if g else ()) for t, d, a, g in cells)
    )
    path = tmp_path / "deck.csv"
    export(glossary, path, "csv", formula_guard=formula_guard, bom=bom)

    expected = io.StringIO(newline="")
    writer = csv.writer(expected)  # the "excel" dialect: RFC 4180 quoting, CRLF
    writer.writerow(HEADER)
    for term in glossary:
        row = [term.term, term.definition, term.acronym, " ".join(term.tags)]
        writer.writerow([guard_cell(cell) for cell in row] if formula_guard else row)
    prefix = b"\xef\xbb\xbf" if bom else b""
    assert path.read_bytes() == prefix + expected.getvalue().encode("utf-8")
