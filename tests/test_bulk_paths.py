"""The bulk fast paths give exactly what the row-by-row paths give, on arbitrary input.

Each fast path (delimited text split in C, term keys computed over all terms at once, ...)
exists only for speed; these properties compare it with the straightforward path it replaces.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossary_export.errors import GlossaryError
from glossary_export.model import Glossary
from glossary_export.readers import delimited

SETTINGS = settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])

# Cells built from what matters to the splitting: every delimiter, quotes, line ends, blanks,
# header names, acronyms in parentheses, and a few non-ASCII letters.
_PIECES = st.sampled_from(
    [
        ",",
        ";",
        "\t",
        "|",
        '"',
        "\n",
        "\r\n",
        "\r",
        " ",
        "",
        "a",
        "B c",
        "term",
        "Definition",
        "tags",
        "acronym",
        "x y",
        "(LoRA)",
        ")",
        "Low Rank (LR)",
        "é",
        "\u00a0",
        "\u200b",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


def _outcome(read: Callable[[], Glossary]) -> tuple[str, object]:
    """A reader's result, or its error's message and line: what a user sees either way."""
    try:
        glossary = read()
    except GlossaryError as error:
        return "error", (str(error), error.line)
    assert isinstance(glossary, Glossary)
    return "glossary", glossary


@SETTINGS
@given(_TEXTS, st.sampled_from(",;\t|"))
@example("term,definition\r\nA,b\r\n\r\nC,d\r\n", ",")
@example("A,b\nB\n", ",")
@example("A,b\n ,c\n", ",")
@example("term;tags;definition\nLow Rank (LR);x y;z\n", ";")
@example("term,definition,acronym\nLow Rank (LR),d,XY\nTerm,d, AB \n", ",")
def test_split_table_reads_like_the_csv_module(text: str, delimiter: str) -> None:
    by_csv = _outcome(lambda: delimited.read_rows(delimited._rows(text, "f", delimiter), "f"))
    assert _outcome(lambda: delimited.read_text(text, "f", delimiter)) == by_csv


def test_the_split_path_is_taken_for_plain_text() -> None:
    """Otherwise the property above would only ever compare the csv path with itself."""
    assert delimited.split_plainly("a,b\r\nc,d\r\n", ",") == [["a", "b"], ["c", "d"], [""]]
    assert delimited.split_plainly('a,"b"\n', ",") is None
    assert delimited.split_plainly("a,b\rc,d\n", ",") is None


@pytest.mark.parametrize("text", ["term,definition\nA,b\n", "A,b\nC,d"])
def test_the_table_path_reads_plain_files(text: str) -> None:
    table = delimited.split_plainly(text, ",")
    assert table is not None
    assert delimited.read_table(table, "f") is not None
