"""The bulk fast paths give exactly what a straightforward reading gives, on arbitrary input.

Each fast path (delimited text cut into columns in C, dedupe's first pass over all keys at
once, ...) exists only for speed; these properties compare what it gives with what a user
expects: the same table quoted cell by cell, the csv module's rows, a row-by-row dedupe
written here from the rules.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossary_export import DedupeResult, Finding, dedupe
from glossary_export.deck_memory import Column
from glossary_export.errors import ConflictError, GlossaryError
from glossary_export.keys import normalise, term_key
from glossary_export.model import Glossary, Term, split_acronym
from glossary_export.readers import ReadOptions, delimited, read
from glossary_export.writers import WriteOptions, _anki_notes, apkg
from glossary_export.writers._anki_model import card_ordinals

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
# Tables whose every line has the same number of cells (what most CSV files are), with cells
# from the same pieces bar delimiters, quotes and line ends.
_CELLS = st.lists(_PIECES.filter(lambda piece: not set(piece) & set(',;\t|"\r\n')), max_size=4)


@st.composite
def _uniform_tables(draw: st.DrawFn) -> tuple[str, str]:
    delimiter = draw(st.sampled_from(",;\t|"))
    width = draw(st.integers(2, 4))
    rows = draw(st.lists(st.lists(_CELLS.map("".join), min_size=width, max_size=width), min_size=1))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    text = ending.join(delimiter.join(row) for row in rows)
    return text + draw(st.sampled_from(["", ending])), delimiter


def _outcome(read: Callable[[], Glossary]) -> tuple[str, object]:
    """A reader's result, or its error's message and line: what a user sees either way."""
    try:
        glossary = read()
    except GlossaryError as error:
        return "error", (str(error), error.line)
    assert isinstance(glossary, Glossary)
    return "glossary", glossary


def _quoted(text: str, delimiter: str) -> str:
    """The same table with every cell quoted, which the reader must read the same way: the
    csv module's rows of ``text`` (one line each: ``text`` holds no quote), written back
    quoted, one per line as before."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    quoted = io.StringIO()
    csv.writer(quoted, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(
        rows
    )
    return quoted.getvalue()


@SETTINGS
@given(_TEXTS.filter(lambda text: '"' not in text), st.sampled_from(",;\t|"))
@example("term,definition\r\nA,b\r\n\r\nC,d\r\n", ",")
@example("A,b\nB\n", ",")
@example("A,b\n ,c\n", ",")
@example("term;tags;definition\nLow Rank (LR);x y;z\n", ";")
@example("term,definition,acronym\nLow Rank (LR),d,XY\nTerm,d, AB \n", ",")
@example("A,b\rC,d\n", ",")
def test_a_plain_table_reads_as_the_same_table_quoted(text: str, delimiter: str) -> None:
    """Unquoted text may take the bulk path; quoted, it is read row by row by the csv module."""
    by_csv = _outcome(lambda: delimited.read_text(_quoted(text, delimiter), "f", delimiter))
    assert _outcome(lambda: delimited.read_text(text, "f", delimiter)) == by_csv
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delimited, "_CHUNK", 1)  # a piece a line: pieces of different widths
        assert _outcome(lambda: delimited.read_text(text, "f", delimiter)) == by_csv


@SETTINGS
@given(_uniform_tables())
@example(("term,definition\nA,b\n,c\n", ","))
@example(("term,definition,tags\nA,b,x y\n", ","))
def test_uniform_tables_read_as_the_same_tables_quoted(table: tuple[str, str]) -> None:
    text, delimiter = table
    by_csv = _outcome(lambda: delimited.read_text(_quoted(text, delimiter), "f", delimiter))
    assert _outcome(lambda: delimited.read_text(text, "f", delimiter)) == by_csv


def test_the_columns_path_is_taken_for_uniform_tables() -> None:
    """Otherwise the properties above would only ever compare the csv path with itself."""
    assert delimited.split_columns("a,b\r\nc,d\r\n", ",") == [["a", "c"], ["b", "d"]]
    assert delimited.split_columns("a,b,c\nd,e,f", ",") == [["a", "d"], ["b", "e"], ["c", "f"]]
    assert delimited.split_columns("a,b\nc\n", ",") is None  # a row short of a cell
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delimited, "_CHUNK", 1)  # each line a piece of its own
        assert delimited.split_columns("a,b\nc,d,e\n", ",") is None
    assert delimited.split_columns("a\nb\n", ",") is None  # one column
    assert delimited.split_columns('a,"b"\n', ",") is None
    assert delimited.split_columns("a,b\rc,d\n", ",") is None  # a lone CR ends a csv record


@SETTINGS
@given(_uniform_tables(), st.integers(1, 8))
@example(("a,b\nc,d\ne,f\n", ","), 1)
def test_columns_are_the_csv_rows_transposed(table: tuple[str, str], piece: int) -> None:
    """Cut in pieces of any size, the columns are the csv module's rows, column by column."""
    text, delimiter = table
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delimited, "_CHUNK", piece)
        columns = delimited.split_columns(text, delimiter)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert columns is not None
    assert [list(column) for column in zip(*rows, strict=True)] == columns


@SETTINGS
@given(
    st.lists(st.sampled_from(["a", "bc", ",", "\n", "\r\n", "\r"]), max_size=60).map("".join),
    st.integers(1, 12),
)
@example("a,aaaa\nb,c\n", 3)
@example("a,aaa\nb,aaa", 3)
def test_a_cell_over_the_csv_limit_is_refused_as_the_csv_module_does(text: str, limit: int) -> None:
    """The bulk path must leave long lines to the csv module, which refuses a cell longer
    than its field limit (lowered here to a few characters) with the line it is on."""
    quoted = _quoted(text, ",")
    default = csv.field_size_limit(limit)
    try:
        by_csv = _outcome(lambda: delimited.read_text(quoted, "f", ","))
        assert _outcome(lambda: delimited.read_text(text, "f", ",")) == by_csv
    finally:
        csv.field_size_limit(default)


@pytest.mark.parametrize("text", ["term,definition\nA,b\n", "A,b\nC,d"])
def test_the_column_path_reads_plain_files(text: str) -> None:
    columns = delimited.split_columns(text, ",")
    assert columns is not None
    assert delimited.read_uniform(columns, "f") is not None


# What term_key treats specially, mixed into arbitrary text: white space of every kind, NUL,
# trailing punctuation, folded quotes and dashes, letters that compose, case-fold to several
# letters or depend on their neighbours (final sigma).
_KEY_SPECIALS = st.sampled_from(
    [
        " ",
        "  ",
        "\t",
        "\n",
        "\x1c",
        "\x85",
        "\xa0",
        "\u2003",
        "\u3000",
        "\x00",
        ".",
        "!?",
        "\u3002",
        "\uff0c",
        "\u2019",
        "\u201c",
        "\u2014",
        "\u2212",
        "e\u0301",
        "\u0301",
        "ß",
        "Σ",
        "ς",
        "İ",
        "ﬁ",
        "A",
        "é",
        "(LoRA)",
    ]
)
_KEY_TEXTS = st.lists(st.one_of(_KEY_SPECIALS, st.text(max_size=3)), max_size=6).map("".join)


@dataclasses.dataclass
class _Kept:
    """The reference's term being built: its row so far, place, tags and definitions."""

    term: Term
    place: int
    tags: tuple[str, ...]
    definitions: list[str]


class _Conflict(Exception):
    """The reference's ``--on-conflict error``: the row whose definition conflicts."""

    def __init__(self, row: Term) -> None:
        self.row = row


def _dedupe_row_by_row(glossary: Glossary, policy: str) -> DedupeResult:
    """dedupe() written from its rules, row by row, sharing no code with it: rows with the
    same term key (or an acronym and its full name) become one term at the first row's place;
    the same definition is a duplicate, another one a conflict settled by ``policy``."""
    kept: dict[str, _Kept] = {}
    findings: list[Finding] = []

    def add_tags(entry: _Kept, tags: tuple[str, ...]) -> None:
        entry.tags += tuple(tag for tag in dict.fromkeys(tags) if tag not in entry.tags)

    def merge(entry: _Kept, row: Term, same: str) -> Finding:
        add_tags(entry, row.tags)
        before = entry.term
        if normalise(row.definition) == normalise(before.definition):
            return Finding(same, row, before)  # type: ignore[arg-type]
        if policy == "error":
            raise _Conflict(row)
        if policy == "join":
            if normalise(row.definition) not in map(normalise, entry.definitions):
                entry.definitions.append(row.definition)
                entry.term = dataclasses.replace(before, definition="; ".join(entry.definitions))
            return Finding("conflict", row, before, joined=True)
        if policy == "last" or (
            policy == "longest" and len(row.definition) > len(before.definition)
        ):
            entry.term = row
            return Finding("conflict", before, row)
        return Finding("conflict", row, before)

    for place, row in enumerate(glossary.terms):
        if not row.definition.strip():
            findings.append(Finding("empty definition", row))
            continue  # no card, and nothing to merge with
        key = term_key(row.term)
        if key in kept:
            findings.append(merge(kept[key], row, "duplicate"))
        else:
            kept[key] = _Kept(row, place, row.tags, [row.definition])
    for key in [key for key, entry in kept.items() if entry.term.term.endswith(")")]:
        if key not in kept:
            continue  # merged into another full name already
        entry = kept[key]
        name, acronym = split_acronym(entry.term.term)
        for alias in (term_key(acronym), term_key(name)) if acronym else ():
            if alias == key or alias not in kept:
                continue
            full, short = entry.term, kept.pop(alias)  # full: as the previous alias left it
            entry.place = min(entry.place, short.place)
            add_tags(entry, short.tags)
            if normalise(short.term.definition) == normalise(full.definition):
                findings.append(Finding("acronym", short.term, full))
                continue
            findings.append(merge(entry, short.term, "acronym"))
            # The full name stays the term, whichever definition the policy kept.
            entry.term = dataclasses.replace(entry.term, term=full.term, acronym=full.acronym)
    terms = tuple(
        dataclasses.replace(entry.term, tags=entry.tags)
        for entry in sorted(kept.values(), key=lambda entry: entry.place)
    )
    findings.sort(key=lambda finding: (finding.term.file or "", finding.term.line or 0))
    unique = dataclasses.replace(glossary, terms=terms)
    return DedupeResult(unique, len(glossary.terms), tuple(findings))


# Few spellings, so that rows repeat, respell each other and pair up as acronym and full name.
_ROWS = st.builds(
    Term.create,
    st.sampled_from(
        [
            "LoRA",
            "lora.",
            "Low-Rank Adaptation (LoRA)",
            "Low-Rank Adaptation",
            "Bias",
            "bias",
            "Bias (BS)",
            "BS",
            "GPT (Generative Pre-trained Transformer)",
            "X (YZ).",
        ]
    ),
    st.sampled_from(["", " ", "A", "a", "B longer", "C"]),
    tags=st.sampled_from([(), ("x",), ("y", "x")]),
    file=st.sampled_from([None, "a.csv", "b.csv"]),
    line=st.sampled_from([None, 1, 2, 3]),
)


@SETTINGS
@given(st.lists(_ROWS, max_size=12), st.sampled_from(["first", "last", "longest", "join", "error"]))
def test_dedupe_decides_as_row_by_row(rows: list[Term], policy: str) -> None:
    glossary = Glossary(tuple(rows), sources=("a.csv",))
    try:
        expected: object = _dedupe_row_by_row(glossary, policy)
    except _Conflict as conflict:
        expected = ("conflict at", conflict.row.file, conflict.row.line)
    try:
        result: object = dedupe(glossary, policy)
    except ConflictError as error:
        result = ("conflict at", error.file, error.line)
    assert result == expected


# Full names and acronyms spelled every way a key folds (case, white space, trailing
# punctuation, composed letters), in both orders and alone, ASCII or not, and parts that are
# empty, punctuation or brackets themselves. Conflicting definitions build entries whose kept
# term is a later row ("last") or a joined one.
_NAMES = ["Low-Rank Adaptation", "low rank  adaptation.", "Caf\u00e9 Au Lait", "CAFE\u0301 au lait"]
_NAMES += ["\u212a Kelvin", "...", "", "a (b)", "b"]
_SHORT = ["LoRA", "lora", "LRA", "CAL", "cal.", "KK", "..", "", " B ", "b"]


@st.composite
def _alias_rows(draw: st.DrawFn) -> list[Term]:
    """Rows spelling a few names and acronyms alone and together, "Name (ACR)" or "ACR (Name)"."""
    names = draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=3))
    shorts = draw(st.lists(st.sampled_from(_SHORT), min_size=1, max_size=3))
    name, short = st.sampled_from(names), st.sampled_from(shorts)
    gap = st.sampled_from(["", " ", "  ", "\t", "\u00a0"])
    spelling = st.one_of(
        name,
        short,
        st.builds("{}{}({}){}".format, name, gap, short, st.sampled_from(["", "", ".", ")"])),
        st.builds("{}{}({})".format, short, gap, name),
    )
    row = st.builds(
        Term.create,
        spelling,
        st.sampled_from(["A", "a", "B longer", "C"]),
        tags=st.sampled_from([(), ("x",)]),
        file=st.just("a.csv"),
        line=st.integers(1, 20),
    )
    return draw(st.lists(row, max_size=10))


@SETTINGS
@given(_alias_rows(), st.sampled_from(["first", "last", "join"]))
def test_acronym_merges_are_those_made_row_by_row(rows: list[Term], policy: str) -> None:
    glossary = Glossary(tuple(rows), sources=("a.csv",))
    assert dedupe(glossary, policy) == _dedupe_row_by_row(glossary, policy)


def test_ascii_bytes_in_another_encoding_are_still_trimmed(tmp_path: Path) -> None:
    """An ASCII source skips trimming only when read as ASCII: in UTF-7, "+IAs-" is U+200B."""
    source = tmp_path / "terms.csv"
    source.write_bytes(b"term,definition\n+IAs-Bias,Error.+IAs-\n")
    (term,) = read(source, options=ReadOptions(encoding="utf-7")).terms
    assert (term.term, term.definition) == ("Bias", "Error.")


def test_zero_width_characters_are_trimmed_on_the_split_path(tmp_path: Path) -> None:
    source = tmp_path / "terms.csv"
    source.write_text("term,definition\r\n\u200bBias,Error.\u2060\r\n", encoding="utf-8")
    (term,) = read(source).terms
    assert (term.term, term.definition) == ("Bias", "Error.")


@SETTINGS
@given(st.text(max_size=5), st.lists(_KEY_TEXTS, max_size=6))
def test_note_guids_are_note_guid_of_each_key(namespace: str, keys: list[str]) -> None:
    assert _anki_notes.note_guids(namespace, keys) == [
        _anki_notes.note_guid(namespace, key) for key in keys
    ]


@SETTINGS
@given(st.lists(_KEY_TEXTS, max_size=6), st.integers(-8, 8), st.slices(8))
def test_a_guid_column_reads_like_the_list_of_its_guids(
    keys: list[str], index: int, part: slice
) -> None:
    guids = _anki_notes.note_guids("N", keys)
    column = Column("".join(guids))
    assert (len(column), list(column), column[part]) == (len(guids), guids, guids[part])
    if -len(guids) <= index < len(guids):
        assert column[index] == guids[index]
    else:
        with pytest.raises(IndexError):
            column[index]


_FIELD_TEXTS = st.sampled_from(["", "a", "a < b", "R&D", "x\ny", "x\r\ny", "<i>", "LoRA"])


@SETTINGS
@given(
    st.lists(st.builds(Term, _FIELD_TEXTS, _FIELD_TEXTS, st.sampled_from(["", "LR", "R&D"]))),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.lists(st.sampled_from(["x", "y", "X"]), max_size=2),
)
def test_planned_notes_are_made_term_by_term(
    terms: list[Term], as_html: bool, reverse: bool, acronym_cards: bool, tags: list[str]
) -> None:
    options = WriteOptions(
        deck="D",
        timestamp=1e9,
        html=as_html,
        reverse=reverse,
        acronym_cards=acronym_cards,
        tags=tuple(tags),
    )
    plan = _anki_notes.plan_notes(Glossary(tuple(terms)), options)
    expected = []
    taken: set[str] = set()
    for term in terms:
        fields = _anki_notes.note_fields(term, options)
        salt = 0  # terms with the same key (dedupe would have merged them) step aside
        while (guid := _anki_notes.note_guid(plan.namespace, term_key(term.term), salt)) in taken:
            salt += 1
        taken.add(guid)
        note_tags = _anki_notes.check_tags(tags)
        expected.append(
            _anki_notes.AnkiNote(guid, fields, note_tags, 1_000_000_000, card_ordinals(fields))
        )
    assert list(plan.notes()) == expected


def _cards_table(fill: Callable[[sqlite3.Cursor], None]) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(":memory:")
    connection.execute(_CARDS_SCHEMA)
    connection.execute("CREATE TABLE notes (id integer primary key, mod integer)")
    fill(connection.cursor())
    return connection.execute("SELECT * FROM cards ORDER BY id").fetchall()


# The cards table as genanki (and Anki's legacy schema) defines it.
_CARDS_SCHEMA = """CREATE TABLE cards (id integer primary key, nid integer not null,
did integer not null, ord integer not null, mod integer not null, usn integer not null,
type integer not null, queue integer not null, due integer not null, ivl integer not null,
factor integer not null, reps integer not null, lapses integer not null, left integer not null,
odue integer not null, odid integer not null, flags integer not null, data text not null)"""


def test_term_cards_made_by_sqlite_are_those_made_note_by_note() -> None:
    terms = tuple(Term(f"T{number}", "d") for number in range(5))
    plan = _anki_notes.plan_notes(Glossary(terms), WriteOptions(deck="D", timestamp=1e9))
    first_id, deck = 1_000_000_000_000, 42

    def notes(cursor: sqlite3.Cursor) -> None:
        rows = [(first_id + index, 1_000_000_000 + index) for index in range(len(terms))]
        cursor.executemany("INSERT INTO notes VALUES (?, ?)", rows)

    def by_sqlite(cursor: sqlite3.Cursor) -> None:
        notes(cursor)
        apkg._insert_term_cards(cursor, first_id, len(terms), deck)

    def note_by_note(cursor: sqlite3.Cursor) -> None:
        notes(cursor)
        dated = [1_000_000_000 + index for index in range(len(terms))]
        apkg._insert_cards(cursor, dataclasses.replace(plan, dates=dated), first_id, deck)

    assert _cards_table(by_sqlite) == _cards_table(note_by_note)


@SETTINGS
@given(st.lists(st.one_of(_FIELD_TEXTS, st.sampled_from(["a<br>b", "&amp;", "&lt;i&gt;"]))))
def test_decoded_fields_are_decode_field_of_each(texts: list[str]) -> None:
    for as_html in (False, True):
        expected = [_anki_notes.decode_field(text, as_html) for text in texts]
        assert _anki_notes.decode_fields(texts, as_html) == expected


@SETTINGS
@given(st.text(alphabet="ab,\r\n", max_size=40), st.integers(0, 6), st.sampled_from(["\n", "\r\n"]))
def test_split_lines_in_pieces_is_str_split(text: str, piece: int, ending: str) -> None:
    """Pieces of a few characters instead of a megabyte, so every boundary case is reached."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delimited, "_CHUNK", piece)
        assert list(delimited.split_lines(text, ending)) == text.split(ending)


_FIELDS = st.lists(
    st.sampled_from(["a", "B c", "é", "\t", "\n", "\r", "|", ";", ",", "\u2028", "\x85", " "]),
    max_size=6,
).map("".join)


@SETTINGS
@given(
    st.lists(st.tuples(_FIELDS, _FIELDS), min_size=1, max_size=6),
    st.sampled_from([("\t", "\n"), (",", ";"), ("|", "\n"), ("\t", ";")]),
)
@example([("a", "b c"), ("é", "d")], ("\t", "\n"))
def test_quizlet_fast_text_is_the_careful_text(
    pairs: list[tuple[str, str]], separators: tuple[str, str]
) -> None:
    from glossary_export.writers import quizlet

    chunk = [Term(term, definition) for term, definition in pairs]
    fast = quizlet._fast_text(chunk, *separators)
    if all(not set(t + d) & set("\t\n\r|;,\u2028\x85") for t, d in pairs):
        assert fast is not None  # plain fields take the fast path
    if fast is None:
        return
    folding = quizlet._folding_pattern(*separators)
    assert quizlet._careful_text(chunk, *separators, folding) == (fast, 0)
