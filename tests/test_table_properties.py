"""Property (issue 11): any two-column table the csv module writes, with any delimiter, quoting
and line ending, a header named in one of several languages or none, reads back as the table;
and every row is a card or a reported finding."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_export import load_glossary
from glossary_export.deduplication import dedupe

SETTINGS = settings(
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

HEADERS = [
    None,
    ("Term", "Definition"),
    ("term", "definition"),
    ("Front", "Back"),
    ("Begriff", "Übersetzung"),
    ("Wort", "Bedeutung"),
    ("mot", "traduction"),
    ("término", "definición"),
    ("parola", "significato"),
    ("English", "German"),
    ("Deutsch", "Englisch"),
    ("Term", "Translation"),
]
DELIMITERS = ",;\t|"
QUOTING = [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]], str]:
    delimiter = draw(st.sampled_from(DELIMITERS))
    # Letters, accents, CJK, spaces, quotes and line breaks, and the file's own delimiter
    # (quoted by the csv module); not the other delimiters, which would make the file
    # ambiguous to a person as well.
    alphabet = st.sampled_from(["x", "é", "中", "Ω", " ", '"', "\n", "-", "1", "(", ")", delimiter])
    text = st.lists(alphabet, max_size=12).map("".join)
    term = text.filter(lambda t: any(ch.isalpha() for ch in t))
    rows = draw(st.lists(st.tuples(term, text), min_size=1, max_size=12))
    return delimiter, rows, draw(st.sampled_from(["\r\n", "\n"]))


@SETTINGS
@given(tables(), st.sampled_from(HEADERS), st.sampled_from(QUOTING))
def test_a_written_table_reads_back_as_the_table(
    scratch: Callable[[], Path],
    table: tuple[str, list[tuple[str, str]], str],
    header: tuple[str, str] | None,
    quoting: int,
) -> None:
    delimiter, rows, ending = table
    path = scratch() / "table.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=quoting, lineterminator=ending)
        if header:
            writer.writerow(header)
        writer.writerows(rows)
    glossary = load_glossary(path)
    expected = [(term.strip(), definition.strip()) for term, definition in rows]
    assert [(t.term, t.definition) for t in glossary] == expected
    result = dedupe(glossary, "join")
    accounted = result.duplicates_removed + result.conflicts + result.empty_definitions
    assert result.unique_terms + accounted == len(rows)
    assert result.empty_definitions == sum(1 for _, definition in expected if not definition)
