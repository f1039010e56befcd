"""Property-based tests: for arbitrary Unicode terms and definitions, every writer's output read
back gives the glossary back, modulo the folding each format documents; dedupe is idempotent;
output is deterministic under SOURCE_DATE_EPOCH.

Each output is read back twice: by the project's own reader, and by an independent one (the csv
module, python-calamine, Quizlet's split rules; Anki's backend for a few examples only, as each
import builds a collection). What the strategies leave out is what the readers refuse by design
(control characters other than Tab, LF and CR; lone surrogates) or what Term.create and the
readers trim (white space and zero-width characters at either end).
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossary_export import export_deck, load_glossary
from glossary_export.deduplication import dedupe
from glossary_export.formula_guard import unguard_cell
from glossary_export.model import Glossary, Term
from support_anki import fresh_collection, import_package, import_text, notes
from support_export import export
from support_tables import read_csv, read_xlsx, split_quizlet

SETTINGS = settings(
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FEW = settings(SETTINGS, max_examples=6)
"""For checks through Anki's backend, which builds a collection per example."""

# Any character but the controls readers refuse (Tab, LF and CR are text) and surrogates.
CHARACTERS = st.one_of(
    st.characters(exclude_categories=("Cc", "Cs")),
    st.sampled_from("\t\n\r <>&\"'#;,=+-@|\u200b\u2028\xa0"),
)
RAW = st.text(CHARACTERS, max_size=40)


# White space (as str.strip knows it) and the zero-width characters a web page may paste,
# at either end of a field.
_EDGES = re.compile(r"^[\s\u200b\u200c\u200d\u2060\ufeff]+|[\s\u200b\u200c\u200d\u2060\ufeff]+$")


def clean(text: str) -> str:
    """A field as a reader hands it over: trimmed of white space and zero-width characters."""
    return _EDGES.sub("", text)


@st.composite
def glossaries(draw: st.DrawFn, min_size: int = 1) -> Glossary:
    """Terms with distinct texts (dedupe is tested separately), non-empty after trimming."""
    terms = draw(
        st.lists(
            # Dedupe leaves rows without a definition out, so writers never see one.
            st.tuples(RAW.map(clean).filter(bool), RAW.map(clean).filter(bool)),
            min_size=min_size,
            max_size=6,
            unique_by=lambda pair: pair[0],
        )
    )
    return Glossary(tuple(Term.create(term, definition) for term, definition in terms))


def written(folder: Path, glossary: Glossary, format: str, suffix: str, **options: Any) -> Path:
    """``glossary`` written by the ``format`` writer to a file in ``folder``."""
    path = folder / f"deck{suffix}"
    export(glossary, path, format, **options)
    return path


def pairs(glossary: Glossary) -> list[tuple[str, str]]:
    return [(term.term, term.definition) for term in glossary.terms]


def read_back(path: Path, format: str, **options: str) -> list[tuple[str, str]]:
    return pairs(load_glossary(path, format, **options))


# --- CSV: nothing folded; the formula guard prefixes ' and our reader removes it ----------------


def csv_read_fold(text: str) -> str:
    """What glossary-export reads for a cell: one ' before a formula trigger is the guard's."""
    return unguard_cell(text).strip()


@SETTINGS
@given(glossaries())
@example(Glossary((Term.create("Term", "Definition"), Term.create("a\r\nb", '"q"\r'))))
@example(Glossary((Term.create("'=not a guard", "x"),)))
def test_csv_round_trip(scratch: Callable[[], Path], glossary: Glossary) -> None:
    path = written(scratch(), glossary, "csv", ".csv", formula_guard=False)
    expected = [(csv_read_fold(t), csv_read_fold(d)) for t, d in pairs(glossary)]
    assert read_back(path, "csv") == expected
    header, *rows = read_csv(path)
    assert header == ["Term", "Definition", "Acronym", "Tags"]
    assert [(row[0], row[1], row[2]) for row in rows] == [
        (t.term, t.definition, t.acronym) for t in glossary.terms
    ]


@SETTINGS
@given(glossaries())
def test_csv_formula_guard_prefixes_a_quote(
    scratch: Callable[[], Path], glossary: Glossary
) -> None:
    def guarded(text: str) -> str:
        return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

    path = written(scratch(), glossary, "csv", ".csv")
    rows = read_csv(path)[1:]
    assert [(row[0], row[1]) for row in rows] == [
        (guarded(term), guarded(definition)) for term, definition in pairs(glossary)
    ]
    # glossary-export's own reader takes the guard away again.
    expected = [(csv_read_fold(t), csv_read_fold(d)) for t, d in pairs(glossary)]
    assert read_back(path, "csv") == expected


# --- Quizlet: tabs and line breaks (with the spaces around them) fold to one space --------------

QUIZLET_FOLD = re.compile(" *[\t\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+ *")


def quizlet_fold(text: str) -> str:
    return QUIZLET_FOLD.sub(" ", text)


@SETTINGS
@given(glossaries())
def test_quizlet_round_trip(scratch: Callable[[], Path], glossary: Glossary) -> None:
    expected = [(quizlet_fold(t), quizlet_fold(d)) for t, d in pairs(glossary)]
    path = written(scratch(), glossary, "quizlet", ".txt")
    assert split_quizlet(path.read_text(encoding="utf-8")) == expected
    assert read_back(path, "quizlet") == [(clean(t), clean(d)) for t, d in expected]


# --- Excel: CR line breaks become LF; characters XML cannot hold are removed ---------------------

XLSX_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xlsx_fold(text: str) -> str:
    return XLSX_UNSTORABLE.sub("", re.sub("\r\n?", "\n", text))


@SETTINGS
@given(glossaries())
@example(Glossary((Term.create("_x0041_", "_x000D_ and _xD83D_"),)))
def test_xlsx_round_trip(scratch: Callable[[], Path], glossary: Glossary) -> None:
    expected = [(xlsx_fold(t), xlsx_fold(d)) for t, d in pairs(glossary)]
    path = written(scratch(), glossary, "xlsx", ".xlsx")
    header, *rows = read_xlsx(path)["Terms"]
    assert header[:2] == ["Term", "Definition"]
    assert [(row[0], row[1]) for row in rows] == expected
    assert read_back(path, "xlsx") == [(clean(t), clean(d)) for t, d in expected]


# --- Anki: fields are HTML, so a line's runs of white space show as one space --------------------


def anki_fold(text: str) -> str:
    """What Anki shows of a plain-text field: lines kept, each trimmed, white space runs as one."""
    lines = re.sub("\r\n?", "\n", text).replace("\xa0", " ").split("\n")
    folded = [re.sub("[ \t\f]+", " ", line).strip() for line in lines]
    return clean("\n".join(folded))


def anki_stored(field: str) -> str:
    """The plain text of a field as stored in Anki (written by encode_field)."""
    return html.unescape(field.replace("<br>", "\n"))


@SETTINGS
@given(glossaries())
@example(Glossary((Term.create("a  b", "x\n\ny"), Term.create("<b>&amp;", "tab\there"))))
def test_apkg_and_anki_text_round_trip_through_the_readers(
    scratch: Callable[[], Path], glossary: Glossary
) -> None:
    expected = [(anki_fold(t), anki_fold(d)) for t, d in pairs(glossary)]
    for format, suffix in (("apkg", ".apkg"), ("anki-text", ".anki.txt")):
        path = written(scratch(), glossary, format, suffix, deck="Props")
        assert read_back(path, format) == expected, format


def anki_import_fold(text: str) -> str:
    """What Anki's importer stores: Unicode NFC (it normalises note text), LF line breaks."""
    return unicodedata.normalize("NFC", re.sub("\r\n?", "\n", text))


@FEW
@given(glossaries())
@example(Glossary((Term.create("0", "\uf900"),)))  # a compatibility ideograph NFC changes
def test_anki_imports_every_note_unchanged(scratch: Callable[[], Path], glossary: Glossary) -> None:
    expected = [(anki_import_fold(t), anki_import_fold(d)) for t, d in pairs(glossary)]
    folder = scratch()
    for format, suffix, importer in (
        ("apkg", ".apkg", import_package),
        ("anki-text", ".anki.txt", import_text),
    ):
        path = written(folder, glossary, format, suffix, deck="Props")
        with fresh_collection(folder / f"anki-{format}") as col:
            log = importer(col, path)
            assert (log.new, log.conflicting) == (len(glossary), 0), format
            # By position: in a new collection the text import falls back to Basic.
            stored = [(anki_stored(n.fields[0]), anki_stored(n.fields[1])) for n in notes(col)]
        assert stored == expected, format


# --- Dedupe --------------------------------------------------------------------------------------

VOCABULARY = st.sampled_from(
    [
        "LoRA",
        "lora.",
        "Low-Rank Adaptation (LoRA)",
        "Low-Rank Adaptation",
        "Bias",
        "BIAS",
        "bias!",
        "Fine-Tuning",
        "Fine–Tuning",
        "Overfitting",
        "Overfiting",
        "RAG",
        "Retrieval-Augmented Generation (RAG)",
    ]
)
DEFINITIONS = st.sampled_from(["Error.", "error.", "Adapters.", "Something else.", ""])


@SETTINGS
@given(
    st.lists(
        st.tuples(st.one_of(VOCABULARY, RAW.map(clean).filter(bool)), st.one_of(DEFINITIONS, RAW)),
        max_size=12,
    ),
    st.sampled_from(["first", "last", "longest", "join"]),
)
def test_dedupe_is_idempotent(rows: list[tuple[str, str]], policy: str) -> None:
    glossary = Glossary(
        tuple(Term.create(t, d, tags=(f"t{n}",), line=n) for n, (t, d) in enumerate(rows))
    )
    once = dedupe(glossary, policy)
    twice = dedupe(once.glossary, policy)
    assert twice.glossary == once.glossary
    assert (twice.duplicates_removed, twice.conflicts) == (0, 0)
    # Every row is kept, or removed as a duplicate, lost (or joined) a conflict, or had no
    # definition: none vanishes.
    accounted = once.duplicates_removed + once.conflicts + once.empty_definitions
    assert once.unique_terms + accounted == len(rows)


# --- Reproducible builds -------------------------------------------------------------------------

ALL_FORMATS = ("deck.apkg", "deck.anki.txt", "deck.txt", "deck.csv", "deck.xlsx")


@settings(SETTINGS, max_examples=10)
@given(glossaries(), st.integers(min_value=0, max_value=2**31))
def test_outputs_are_byte_identical_under_source_date_epoch(
    scratch: Callable[[], Path], glossary: Glossary, epoch: int
) -> None:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        runs = [scratch(), scratch()]
        for run in runs:
            export_deck(glossary, [run / name for name in ALL_FORMATS], deck="Props")
        for name in ALL_FORMATS:
            assert (runs[0] / name).read_bytes() == (runs[1] / name).read_bytes(), name
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
