"""Plain term lists: one ``Term: definition`` entry a line, as people type them in a text file.

The delimiter is one of ``:``, ``：`` (full width), `` - ``, `` – ``, `` — ``, `` = ``, an arrow
(``→``, ``->``, ``=>``), `` -- ``, a Tab or ``;``, chosen per file from what nearly every entry
line uses (``--input-separator`` names it instead); on a tie the earlier one in that order, so
a semicolon inside definitions never splits a colon list. A line splits at the first delimiter
only when that leaves a plausible term (short, no sentence end). A definition may wrap:
indented lines, and unbroken lines without the delimiter, carry on the entry above. Lines
before the first entry are the list's title and description; a short line between entries
after a blank line is a heading; anything else is a finding.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ..errors import SourceError, counted, shown
from ..model import Glossary, Term
from ._accounting import DEFINITION, TERM, LineLog
from ._text import (
    DEFINITION_NAMES,
    PAGE_FURNITURE,
    TERM_NAMES,
    header_name,
    is_blank,
    list_furniture,
    numbered_lines,
    page_furniture_note,
)

if TYPE_CHECKING:
    from . import ReadOptions

# Each delimiter: its character, and whether white space must surround it (a dash or "=" in a
# word is no delimiter: "Low-Rank"). Found with str.find, never a backtracking pattern, so a
# line of thousands of spaces costs its length.
DELIMITERS: dict[str, tuple[str, bool]] = {
    "：": ("：", False),
    ":": (":", False),
    " - ": ("-", True),
    " – ": ("–", True),
    " — ": ("—", True),
    " = ": ("=", True),
    # Arrows and a doubled dash, as vocabulary lists write them ("Hund → dog", "Hund -- dog");
    # the ASCII ones only between spaces ("a->b" in code is no delimiter).
    " → ": ("→", False),
    " -> ": ("->", True),
    " => ": ("=>", True),
    " -- ": ("--", True),
    "\t": ("\t", False),
    # Last, so that a list split at any other delimiter keeps it on a tie: a semicolon is
    # common inside definitions ("run: to move fast; to operate"). It is the delimiter only
    # when more entries split at it than at anything else ("Hund; dog").
    ";": (";", False),
}
# Separators that are no delimiter above, read only when none of those splits the list and
# every entry line holds the same one (see weak_delimiter): a slash between spaces, a dot leader,
# a run of spaces (columns copied from a PDF), a bold term ("**Osmosis** the movement..."), a
# term in capitals ("OSMOSIS The movement...").
_LEADER = "..."
_SPACES = "  "
BOLD = "**"
CAPITALS = "CAPITALS"
WEAK_DELIMITERS = (BOLD, " / ", _LEADER, _SPACES, CAPITALS)
# List markers: ASCII ones, the bullets word processors and AI output use, and the private-use
# characters of Word's Symbol and Wingdings bullets (U+F0B7, U+F0A7: they show as a box when
# pasted as text), then a space or a Tab. Not Word's "o" bullet: "o<Tab>or" is a Spanish word.
_MARKS = "-*+•·‣⁃∙◦▪▫■□●○◆◇►▸▹▶➢➣➤➔➜✓✔✗✘❖–"
_BULLET = re.compile(rf"^(?:[{re.escape(_MARKS)}\ue000-\uf8ff]|\d{{1,3}}[.)])[ \t]+")
_MARK_STARTS = _MARKS + "0123456789"
_SENTENCE_END = ".!?。！？…"
MAX_TERM_WORDS = 10
MAX_TERM_LENGTH = 80
_SHARE = 0.6
"""Of the lines that start at the margin, the share that must be entries for a list."""
_MIXED_SHARE = 0.8
"""The same, for a list typed with two delimiters."""
# A heading line ("# Biology", "## Cells", AsciiDoc's "= Glossary"): a section, never an entry.
HEADING = re.compile(r"^(?:#{1,6}|={1,6})[ \t]+\S")


# Citation marks a copied reference page holds after its sentences ("groundwater.[1]",
# "gene.[2][3]", a note "[a]", Wikipedia's "[citation needed]"); never after a letter ("a[0]"
# is code).
_CITATIONS = re.compile(
    r"(?<=[.!?,;:)\"”’])(?:\[(?:\d{1,3}|[a-z]|citation needed|clarification needed"
    r"|according to whom\?|by whom\?|when\?|which\?|who\?|dubious|discuss)\])+"
)


def without_citations(text: str) -> tuple[str, int]:
    """``text`` without citation marks after its sentences, and how many there were."""
    if "[" not in text:
        return text, 0
    return _CITATIONS.subn("", text)


_PAGE = r"\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?"
_PAGES = re.compile(rf",[ \t]*{_PAGE}(?:,[ \t]*{_PAGE})*$")
# What only an index's page numbers look like: several pages ("45, 67") or a range ("88-90",
# not "1939–1945", years). A single number after a comma is as often a year
# ("Apollo 11, 1969"), an atomic number ("Carbon, 6") or a king's ("Henry, 8"): part of the term.
_INDEX_PAGES = re.compile(rf",[ \t]*(?:{_PAGE},|\d{{1,3}}[ \t]*[-–])")
# A number after the term's comma, a decimal one too ("Hydrogen, 1.008"): no CSV cell.
_NUMBERED = re.compile(rf"(?:{_PAGES.pattern})|,[ \t]*\d+\.\d+$")


def paged_terms(terms: Sequence[str]) -> bool:
    """Whether every term, two or more, ends with page numbers (", 45", ", 118–119") and some
    term's can only be pages (a range, several pages): a book's index."""
    return (
        len(terms) >= 2
        and all(_PAGES.search(term) for term in terms)
        and any(_INDEX_PAGES.search(term) for term in terms)
    )


def numbered_terms(terms: Sequence[str]) -> bool:
    """Whether every term, two or more, ends with a number after a comma ("Apollo 11, 1969",
    "Hydrogen, 1.008", "Osmosis, 45"): a list's terms, not the first cells of CSV rows."""
    return len(terms) >= 2 and all(_NUMBERED.search(term) for term in terms)


def refuse_yaml(file: str) -> None:
    """Refuse a YAML file: read as lines, its block scalars ("osmosis: |") and lists of
    mappings ("- term: X" / "  definition: Y") would make wrong cards."""
    if file.lower().endswith((".yaml", ".yml")):
        raise SourceError(
            "YAML is not read; export the glossary as CSV or JSON (a list of "
            '{"term": ..., "definition": ...} objects)',
            file=file,
            line=1,
        )


def citation_note(file: str, count: int) -> str:
    """The summary's note on the citation marks left out."""
    return (
        f"{file}: left out {counted(count, 'citation mark')} after sentences ('[1]', as a "
        "copied Wikipedia page holds them)"
    )


# A full stop that ends a sentence, not an initial's ("E. coli", "J. S. Bach", "e.g. "): after
# a word of two letters or more, a digit or a closing bracket or quote.
_SENTENCE_BREAK = re.compile(r"(?:[^\W\d_]{2}|[\d)\]\"'”’])\. ")


def plausible_term(term: str) -> bool:
    """Whether text before a delimiter can be a term: short, and not a sentence."""
    term = term.strip()
    return (
        bool(term)
        and len(term) <= MAX_TERM_LENGTH
        and len(term.split()) <= MAX_TERM_WORDS
        and not term.endswith(tuple(_SENTENCE_END))
        and not any(f"{end} " in term for end in "!?")  # two sentences
        and not (". " in term and _SENTENCE_BREAK.search(term))
        and not any(end in term for end in "。！？")
        and "://" not in term
    )


def find_delimiter(text: str, delimiter: str) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of ``delimiter`` (a :data:`DELIMITERS` name or any
    other string) in ``text``, white space around it included; None when there is none."""
    char, spaced = DELIMITERS.get(delimiter, (delimiter, False))
    start = text.find(char)
    while start >= 0:
        end = start + len(char)
        if spaced and not (
            start > 0 and text[start - 1] in " \t" and (end == len(text) or text[end] in " \t")
        ):
            start = text.find(char, end)
            continue
        if char == ":" and text[start - 1 : start].isdigit() and text[end : end + 1].isdigit():
            # A time, ratio, verse or score ("9:00", "16:9", "John 3:16"): part of the text.
            start = text.find(char, end)
            continue
        if char == ":" and text[end : end + 1] in ("/", ":"):
            if text.startswith("//", end):  # a link, not a delimiter
                start = text.find(char, end)
                continue
            # "Term:: def" (Obsidian, AsciiDoc) and "Term :: def" are one delimiter; "std::map"
            # is a name, not one.
            if text[end : end + 1] == ":":
                if text[end + 1 : end + 2] not in ("", " ", "\t"):
                    start = text.find(char, end + 1)
                    continue
                end += 1
        around = " \t." if char == _LEADER else " \t"  # a dot leader: "Term ...... definition"
        return len(text[:start].rstrip(around)), len(text) - len(text[end:].lstrip(around))
    return None


def split_entry(text: str, delimiter: str) -> tuple[str, str] | None:
    """(term, definition) of one entry line at the first ``delimiter``, or None."""
    if delimiter in (BOLD, CAPITALS):
        return _split_marked(text, delimiter)
    found = find_delimiter(text, delimiter)
    if found is None or not plausible_term(text[: found[0]]):
        return None
    definition = text[found[1] :].strip()
    if not definition and DELIMITERS.get(delimiter, ("", True))[0] not in (":", "："):
        return None  # "Term -" is no entry; "Term:" is one with an empty definition
    return text[: found[0]].strip(), definition


def _split_marked(text: str, delimiter: str) -> tuple[str, str] | None:
    """(term, definition) of a line whose term is marked by its look, not a delimiter: in
    bold at the start ("**Osmosis** the movement"), or in capitals ("OSMOSIS The movement")."""
    if delimiter == BOLD:
        close = text.find(BOLD, 2) if text.startswith(BOLD) else -1
        if close < 0:
            return None
        term, definition = text[2:close], text[close + 2 :].lstrip(" \t:")
    else:
        words = text.split(" ")
        count = 0
        while count < len(words) and _capitals(words[count]):
            count += 1
        # "ACID A substance that...": the article starts the definition, unless the definition
        # starts with a capital of its own ("VITAMIN A The vitamin...").
        if 1 < count < len(words) and words[count - 1] == "A" and words[count][:1].islower():
            count -= 1
        term, definition = " ".join(words[:count]), " ".join(words[count:])
        if sum(char.isupper() for char in term) < 2:
            return None  # "A cat", "I am": a word, not a term
    term, definition = term.strip(), definition.strip()
    if not definition or not plausible_term(term) or BOLD in term:
        return None
    return term, definition


def _capitals(word: str) -> bool:
    return any(char.isupper() for char in word) and not any(char.islower() for char in word)


def weak_delimiter(lines: Sequence[str]) -> str | None:
    """The first of :data:`WEAK_DELIMITERS` that every line at the margin splits at, when two
    or more do; None otherwise. No other reading fits lines that all look alike. The first
    line may be a title, a short line after a blank line a heading (a section's name), and a
    ``#`` line a heading; ``lines`` holds the blank lines too."""
    for name in WEAK_DELIMITERS:
        entries = headed = 0
        heading = False
        # Lazily: most files fail at their first lines, and a long page costs nothing here.
        for text, may_be_heading in _margin_rows(lines):
            if split_entry(text, name) is not None:
                entries += 1
                headed += heading
                heading = False
            elif not may_be_heading:
                break
            else:
                heading = len(text) > 1  # "A", "B": the alphabet's headings, over any entries
        else:
            # Every entry right under a heading of its own: the "headings" are the terms, each
            # line under one its definition ("Model" / "A GPU model for training.").
            if entries >= 2 and headed < entries:
                return name
    return None


def _margin_rows(lines: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Each line at the margin (no ``#`` heading), and whether it may be a heading or title."""
    after_blank = first = True
    for line in lines:
        if is_blank(line):
            after_blank = True
            continue
        if line[:1] not in " \t" and not (line[:1] in "#=" and HEADING.match(line)):
            text = unbulleted(line)
            yield text, first or (after_blank and _heading_like(text))
            first = False
        after_blank = False


def _heading_like(text: str) -> bool:
    return plausible_term(text) and len(text.split()) <= _BARE_TERM_WORDS


def split_any(text: str, delimiters: Sequence[str] = tuple(DELIMITERS)) -> tuple[str, str] | None:
    """(term, definition) at the earliest of ``delimiters`` that leaves a plausible term."""
    found = [
        (place[0], name)
        for name in delimiters
        # The test in C first, as in choose_delimiter: most delimiters are absent from a line.
        if DELIMITERS.get(name, (name,))[0] in text
        and (place := find_delimiter(text, name)) is not None
    ]
    for _, name in sorted(found):
        entry = split_entry(text, name)
        if entry is not None:
            return entry
    return None


def unbulleted(text: str) -> str:
    """A line without its list marker (``-``, ``*``, ``1.``) and surrounding white space."""
    text = text.strip()
    first = text[:1]
    if first and (first in _MARK_STARTS or "\ue000" <= first <= "\uf8ff"):
        return _BULLET.sub("", text, count=1)
    return text


def tab_after_marker(line: str) -> bool:
    """Whether a line's only Tabs follow its list marker ("\uf0b7<Tab>Osmosis: ...", as Word
    pastes its bullets): a list's line, not a Quizlet card's."""
    marker = _BULLET.match(line)
    return marker is not None and "\t" in marker.group() and "\t" not in line[marker.end() :]


# A lettered or roman marker at the start of an entry line: "a)", "b.", "(c)", "ii)", "IV.".
_LETTER_MARK = re.compile(r"^(\(?)([a-zA-Z]|[ivxlcIVXLC]{1,7})([.)])[ \t]+(?=\S)")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(numeral: str) -> int:
    values = [_ROMAN[char] for char in numeral.lower()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def letter_marks(lines: Sequence[str]) -> dict[int, int]:
    """{index: marker length} of the lines at the margin that start with a lettered ("a)",
    "b.", "(c)") or roman ("i)", "ii.") marker, when they count on from 1 (a, b, c or i, ii,
    iii; a new run may start over at 1) in one style, two or more, and most lines at the
    margin hold one; empty otherwise. Only a sequence is a list's markers: "E. coli",
    "S. aureus" are terms."""
    first = itertools.islice((line for line in lines if line[:1] not in " \t" and line.strip()), 3)
    if not any(_LETTER_MARK.match(line) for line in first):
        return {}  # most files: no marker on their first lines, and no scan of the rest
    margin = [index for index, line in enumerate(lines) if line[:1] not in " \t" and line.strip()]
    found = [(index, _LETTER_MARK.match(lines[index])) for index in margin]
    marked = [(index, match) for index, match in found if match is not None]
    if len(marked) < 2 or len(marked) < _SHARE * len(margin):
        return {}
    styles = {(m[1], m[3], m[2].isupper()) for _, m in marked}
    if len(styles) != 1 or (marked[0][1][1] == "(" and marked[0][1][3] != ")"):
        return {}
    for value in (_letter_value, _roman_value):
        values = [value(match[2]) for _, match in marked]
        counts_on = all(now in (1, before + 1) for before, now in pairwise(values))
        if all(values) and values[0] == 1 and any(v > 1 for v in values) and counts_on:
            return {index: match.end() for index, match in marked}
    return {}


def without_letter_marks(lines: Sequence[str]) -> list[str]:
    """``lines`` without the lettered markers of :func:`letter_marks`."""
    marks = letter_marks(lines)
    return (
        [line[marks.get(index, 0) :] for index, line in enumerate(lines)] if marks else list(lines)
    )


def _letter_value(mark: str) -> int:
    return ord(mark.lower()) - ord("a") + 1 if len(mark) == 1 else 0


def _roman_value(mark: str) -> int:
    return _roman(mark) if re.fullmatch(r"(?i)x{0,3}(?:ix|iv|v?i{0,3})", mark) else 0


class Choice(NamedTuple):
    """The delimiter of a list, as :func:`choose_delimiter` finds it."""

    name: str
    entries: int
    """Margin lines that split at it."""
    margin: int
    """Margin lines that could have been entries."""
    split_at_any: int
    """Margin lines that split at some delimiter."""
    others: tuple[str, ...]
    """Other delimiters (not ";") that two lines or more split at but not at this one: a list
    typed with two ("猫 (ねこ) – cat", "学校（がっこう）：school")."""


def choose_delimiter(lines: Sequence[str]) -> Choice | None:
    """The delimiter most margin lines split at plausibly, with that count and the number of
    margin lines that could have been entries; None when no line splits.

    Lines above the first entry (a title, a description), short lines after a blank line
    (headings) and unbroken wraps (after an entry's line that ends no sentence) are not
    counted as lines that could have been entries.
    """
    lines = without_letter_marks(lines)
    counts: Counter[str] = Counter()
    alone: Counter[tuple[str, ...]] = Counter()  # the delimiters each line splits at
    both: list[str] = []  # the lines that split at two delimiters or more
    margin = 0
    after_blank = False
    carried = False  # the previous line is an entry's, and does not end a sentence
    for line in lines:
        if is_blank(line):
            after_blank, carried = True, False
            continue
        if line[:1] in " \t" or (line[:1] in "#=" and HEADING.match(line)):
            after_blank = False
            continue
        text = unbulleted(line)
        # "char in text" first: most delimiters are absent from a line, and the test in C
        # spares two calls for each (a list of 100k lines is read about 20% faster).
        split = [
            name
            for name, (char, _) in DELIMITERS.items()
            if char in text and split_entry(text, name)
        ]
        counts.update(split)
        alone[tuple(split)] += 1
        if len(split) > 1:
            both.append(text)
        wrap = carried and not split
        if split or (counts and not wrap and not (after_blank and plausible_term(text))):
            margin += 1
        carried = bool(split or wrap) and not text.endswith(tuple(_SENTENCE_END))
        after_blank = False
    if not counts:
        return None
    # The most used; on a tie the one that comes first on every line holding them
    # ("Photosynthesis - making food: using light"), else the first listed (a colon list with a
    # dash inside definitions).
    name = max(DELIMITERS, key=lambda candidate: counts[candidate])
    tied = [candidate for candidate in DELIMITERS if counts[candidate] == counts[name]]
    if len(tied) > 1:
        name = _first_on_every_line(both, tied)
    at_any = sum(number for names, number in alone.items() if names)
    without: Counter[str] = Counter()
    for names, number in alone.items():
        if name not in names:
            without.update(dict.fromkeys(names, number))
    others = tuple(other for other, number in without.items() if number >= 2 and other != ";")
    return Choice(name, counts[name], margin, at_any, others)


def _first_on_every_line(texts: Sequence[str], tied: Sequence[str]) -> str:
    """Of delimiters that as many lines split at, the one that comes first on each of
    ``texts`` that holds two of them; the first of ``tied`` when none does so."""
    firsts = set()
    for text in texts:
        places = [
            (place[0], name) for name in tied if (place := find_delimiter(text, name)) is not None
        ]
        if len(places) > 1:
            firsts.add(min(places)[1])
    return firsts.pop() if len(firsts) == 1 else tied[0]


def looks_like_a_list(lines: Sequence[str]) -> bool:
    """Whether most lines at the margin are entries split by one delimiter, or nearly all by
    one of two (a list typed with two delimiters)."""
    return _convincing(choose_delimiter(lines))


def _convincing(chosen: Choice | None) -> bool:
    return (
        chosen is not None
        and chosen.entries >= 2
        and (
            chosen.entries >= _SHARE * chosen.margin
            or (bool(chosen.others) and chosen.split_at_any >= _MIXED_SHARE * chosen.margin)
        )
    )


def list_delimiter(lines: Sequence[str]) -> tuple[str, tuple[str, ...]] | None:
    """The delimiter of a list: the one most lines split at when that is convincing, else a
    weak one every line holds (:func:`weak_delimiter`), else the most used one; with the other
    delimiters some entries are typed with (:attr:`Choice.others`). None when no line splits
    at all."""
    chosen = choose_delimiter(lines)
    if chosen is not None and _convincing(chosen):
        if _spaces_first(lines, chosen.name):
            return _SPACES, ()
        return chosen.name, chosen.others
    weak = weak_delimiter(lines)
    if weak is not None:
        return weak, ()
    return (chosen.name, chosen.others) if chosen else None


def _spaces_first(lines: Sequence[str], delimiter: str) -> bool:
    """Whether columns of spaces split every margin line, and before ``delimiter`` wherever a
    line holds both ("Osmosis  movement of water - passive" over "Diffusion  spread of
    particles"): the list's delimiter is the spaces; at ``delimiter`` the lines without it would
    be read as wraps, two entries made one card."""
    if weak_delimiter(lines) != _SPACES:
        return False
    without = False  # some line does not split at ``delimiter``
    for text, _ in _margin_rows(lines):
        spaces, other = find_delimiter(text, _SPACES), find_delimiter(text, delimiter)
        if spaces is not None and other is not None and other[0] < spaces[0]:
            return False
        without = without or split_entry(text, delimiter) is None
    return without


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Every entry of a plain term list, in order, with its title and description."""
    refuse_yaml(file)
    lines = numbered_lines(text)
    marks = letter_marks([line for _, line in lines])
    marked = ""
    if marks:
        marked = lines[min(marks)][1][: marks[min(marks)]].strip()
        lines = [
            (number, line[marks.get(index, 0) :]) for index, (number, line) in enumerate(lines)
        ]
    delimiter, others = _delimiter(options, lines, file)
    if delimiter in (":", "："):
        quiz = _questions_and_answers(lines, delimiter, file)
        if quiz is not None:
            return quiz
    log = LineLog(file)
    terms: list[Term] = []
    current: tuple[int, str, list[str]] | None = None  # the entry being read
    top: list[str] = []
    after_blank = False
    seen_entry = False

    citations = 0
    answers = _answer_lines(lines, delimiter)  # the "A:" lines of questions among the entries
    questions = set(answers.values())

    def finish() -> None:
        nonlocal citations
        if current is not None:
            number, term, parts = current
            definition, cited = without_citations(" ".join(parts))
            citations += cited
            terms.append(Term.create(term, definition, file=file, line=number))

    notes: list[str] = []
    headings: list[tuple[int, str]] = []  # the "#" lines read as section headings
    furniture = _furniture(lines, delimiter)
    about: list[str] = []  # lines above the entries about the list ("Note: all terms are...")
    left_out: list[tuple[int, str]] = []  # lines below them ("Source: BBC Bitesize")
    copied = list_furniture(
        lines, lambda text: split_entry(unbulleted(text), delimiter) is not None
    )
    for index, (number, line) in enumerate(lines):
        if is_blank(line):
            after_blank = True
            continue
        if number in copied:
            # A copied page's furniture ("See also", "A" above the entries with that letter, a
            # page number): no entry nor part of one, though a page break ends no definition.
            log.read_as(number, copied[number])
            if copied[number] not in PAGE_FURNITURE:
                finish()
                current = None
            continue
        role = furniture.get(number)
        if role is not None:
            if role == "title" and not top:
                top.append(line.strip())
                log.read_as(number, role)
            elif role in ("title", "heading"):
                finish()
                current = None
                log.read_as(number, "heading")
            elif role == "description":
                about.append(line.strip())
                log.read_as(number, role)
            else:
                left_out.append((number, line.strip()))
                log.read_as(number, role)
            after_blank = False
            continue
        if line[:1] in "#=" and HEADING.match(line):
            # A section ("## Cells"), never an entry nor part of a definition; the first one
            # above every entry is the list's title.
            finish()
            current = None
            heading = line.lstrip("#=").strip()
            if not seen_entry and not top:
                top.append(heading)
                log.read_as(number, "title")
            else:
                headings.append((number, heading))
                log.read_as(number, "heading")
            after_blank = False
            continue
        entry = split_entry(unbulleted(line), delimiter)
        if number in answers and current is not None and entry is not None:
            current[2].append(entry[1])  # the answer of the question card above
            log.read_as(number, DEFINITION)
            after_blank = False
            continue
        if number in questions and entry is not None:
            entry = (entry[1], "")  # "Q: What is diffusion?": the question is the term
        indented = line[:1] in " \t"
        unbroken = current is not None and not indented and not after_blank
        other = None
        if entry is None and not indented and (unbroken or not seen_entry):
            other = _other_entry(line, delimiter, current, others)
        elif entry is not None and others and not indented:
            other = _earlier_entry(unbulleted(line), delimiter, others)
        if other is not None:
            notes.append(
                f"{file}:{number}: read {shown(other[0])} at {other[2]!r}, where the other "
                f"entries use {delimiter!r}"
            )
            entry = other[:2]
        if entry is not None and not seen_entry and _header(entry):
            # "Term: Definition", "Word   Meaning" over the entries: the columns' names.
            notes.append(f"{file}:{number}: read {shown(line.strip())} as a header, not a card")
            log.read_as(number, "header")
        elif entry is not None and not (indented and current is not None):
            finish()
            current = (number, entry[0], [entry[1]] if entry[1] else [])
            seen_entry = True
            log.read_as(number, TERM)
        elif unbroken and _bare_term(line, current, lines[index + 1 : index + 2], delimiter):
            # A title-like line between two entries, not carrying on the definition above: a
            # term whose definition is missing (named as an empty definition), not a wrap.
            finish()
            current = (number, line.strip(), [])
            log.read_as(number, TERM)
        elif not seen_entry and top and after_blank and plausible_term(line):
            log.read_as(number, "heading")  # the first section's name, under the title
        elif not seen_entry:
            top.append(line.strip())
            log.read_as(number, "title" if len(top) == 1 else "description")
        elif current is not None and (indented or not after_blank):
            current[2].append(line.strip())
            log.read_as(number, DEFINITION)
        elif (after_blank or current is None) and plausible_term(line):
            finish()
            current = None
            log.read_as(number, "heading")
        else:
            log.unread(number, "paragraph between entries")
        after_blank = False
    finish()
    if delimiter == CAPITALS:
        terms = _single_word_capitals(terms, file, notes)
    if left_out:
        shown_lines = ", ".join(shown(text) for _, text in left_out)
        notes.append(
            f"{file}:{left_out[0][0]}: left out {counted(len(left_out), 'line')} below the list "
            f"about it, not entries ({shown_lines})"
        )
    if about:
        notes.append(
            f"{file}: read {shown(about[0])} above the entries as the list's description, "
            "not a card"
        )
    titled = [number for number, role in furniture.items() if role == "title"]
    if titled:
        notes.append(f"{file}:{titled[0]}: read {shown(top[0])} as the list's title, not a card")
    if marks:
        notes.append(
            f"{file}:{lines[min(marks)][0]}: left out the list markers ({shown(marked)}) at "
            f"the start of {counted(len(marks), 'line')}"
        )
    if answers:
        notes.append(
            f"{file}:{min(answers.values())}: read {counted(len(answers), 'question')} "
            "('Q:' and an 'A:' line below) as question -> answer cards"
        )
    if headings:
        notes.append(
            f"{file}:{headings[0][0]}: read {counted(len(headings), 'heading line')} starting "
            f"with '#' or '=' as section headings, not cards ({shown(headings[0][1])})"
        )
    if citations:
        notes.append(citation_note(file, citations))
    paged = [
        (number, line.strip(), role)
        for number, line in lines
        if (role := copied.get(number, "")) in PAGE_FURNITURE
    ]
    if paged:
        notes.append(page_furniture_note(file, paged))
    if paged_terms([term.term for term in terms]):
        # A book's index ("Osmosis, 45: the movement..."): the page numbers are no part of the
        # term, and a careful reader leaves them out.
        notes.append(
            f"{file}: left out the page numbers after each term "
            f"({shown(terms[0].term)} is {shown(_PAGES.sub('', terms[0].term))})"
        )
        terms = [
            Term.create(_PAGES.sub("", term.term), term.definition, file=file, line=term.line)
            for term in terms
        ]
    title = top[0] if top else ""
    return Glossary(
        tuple(terms),
        title=title if plausible_term(title) else "",
        description=" ".join([*(top[1:] if plausible_term(title) else top), *about]),
        sources=(file,),
        notes=tuple(notes),
        lines=log.finish(),
    )


# Lines about a list rather than entries of it, shaped like entries ("Source: BBC Bitesize"):
# a chapter's name above the entries, a note on the list, its source and date below them.
_CHAPTER_WORDS = (
    "chapter ch. unit topic lesson section module week part kapitel chapitre capítulo capitulo"
    " tema lektion".split()
)
_CHAPTER = re.compile(
    rf"(?i)^(?:{'|'.join(map(re.escape, _CHAPTER_WORDS))})[ \t]+(?:\d{{1,3}}[a-z]?|[ivxlc]{{1,6}})$"
)
_SOURCE_LABELS = frozenset(
    (
        *"source sources credit credits reference references copyright author authors url link"
        " website quelle fuente from".split(),
        *("adapted from", "taken from", "retrieved from", "compiled by", "written by"),
    )
)
_DATE_LABELS = frozenset(
    (
        *"updated date modified revised created published version stand".split(),
        *("last updated", "last modified", "last revised", "date updated"),
    )
)
_NOTE_LABELS = frozenset("note notes nb n.b. tip hint instructions remember hinweis".split())
# Words of a sentence about the list ("Note: all terms are from chapter 3."), not about a term.
_ABOUT_THE_LIST = frozenset(
    "term terms word words list glossary definition definitions flashcard flashcards card cards"
    " vocabulary chapter textbook unit exam test quiz lesson".split()
)
_NAME_WORDS = frozenset("of and the for on in at de la ed. edition page pp. p.".split())
# The first words of those labels, tested before splitting a line.
_FURNITURE_WORDS = frozenset(
    (*(label.split()[0] for label in _SOURCE_LABELS | _DATE_LABELS | _NOTE_LABELS), *_CHAPTER_WORDS)
)
_MAX_FURNITURE = 3
"""Lines at the end of a list that may be about it: a source, a date, a note."""


def _furniture(lines: Sequence[tuple[int, str]], delimiter: str) -> dict[int, str]:
    """{line number: reading} of the lines shaped like entries that are about the list: a
    chapter's name over the entries (the title, or a heading after a blank line), a note on the
    list above them (its description), and a source, date or note below the last entry after
    a blank line (left out). Decided by the line's place and its shape, so that "Note: a
    musical sound" stays an entry."""
    blank = [is_blank(line) for _, line in lines]
    rows = list(itertools.compress(itertools.count(), map(operator.not_, blank)))
    known: dict[int, str | None] = {}

    def shape(place: int) -> str | None:
        # Only the lines in such places are tested, once: a long list costs a few.
        if place not in known:
            known[place] = _furniture_shape(lines[rows[place]][1], delimiter)
        return known[place]

    found: dict[int, str] = {}
    for place in range(min(2, len(rows) - 1)):  # above the entries
        if shape(place) is None:
            break
        if shape(place) != "chapter":
            found[rows[place]] = "description"
        elif shape(place + 1) != "chapter":
            found[rows[place]] = "title" if place == 0 else "heading"
    # "Chapter 4: Energy" after a blank line, over an entry: a section's name. The rows after
    # a blank line are found in C (a row's line is then not the one after the row before).
    after_blank = map(operator.ne, map(operator.sub, rows[2:], rows[1:]), itertools.repeat(1))
    for place in itertools.compress(range(2, len(rows) - 1), after_blank):
        if shape(place) == "chapter" and shape(place + 1) is None:
            found[rows[place]] = "heading"
    tail = len(rows)  # below the entries
    while (
        len(rows) - tail < _MAX_FURNITURE and tail > 0 and shape(tail - 1) not in (None, "chapter")
    ):
        tail -= 1
    if 2 <= tail < len(rows) and blank[rows[tail] - 1]:
        found.update(dict.fromkeys(rows[tail:], "about the list"))
    if found:
        shapes = [shape(place) for place in range(len(rows))]
        if shapes.count(None) < 2 or shapes.count("chapter") * 2 >= len(rows):
            return {}  # mostly such lines: they are the entries ("Week 1: Introduction")
    return {lines[index][0]: reading for index, reading in found.items()}


def _furniture_shape(line: str, delimiter: str) -> str | None:
    """What an entry-shaped line about the list is: "chapter" ("Chapter 3: Cells"), "source"
    ("Source: BBC Bitesize", a URL), "date" ("Last updated: 3 March 2026"), "note" ("Note: all
    terms are from chapter 3."); None for any other line."""
    text = unbulleted(line)
    first = text[:16].split(maxsplit=1)
    if line[:1] in " \t" or not first or first[0].rstrip(":").casefold() not in _FURNITURE_WORDS:
        return None  # most lines: no such label, and no split to test
    entry = split_entry(text, delimiter) or split_entry(text, ":")
    if entry is None:
        return None
    label, value = header_name(entry[0]), entry[1]
    if _CHAPTER.match(entry[0].strip()):
        return "chapter"
    if label in _SOURCE_LABELS and (
        "://" in value
        or value.startswith("www.")
        or all(
            word[:1].isupper() or word[:1].isdigit() or word.casefold() in _NAME_WORDS
            for word in value.split()
        )
    ):
        return "source"
    if label in _DATE_LABELS and any(char.isdigit() for char in value):
        return "date"
    words = {word.strip(".,;:!?()\"'").casefold() for word in value.split()}
    if label in _NOTE_LABELS and words & _ABOUT_THE_LIST:
        return "note"
    return None


_QUESTION = ("q", "question")
_ANSWER = ("a", "answer")
# The labels of records typed one field a line ("Term: Osmosis" / "Definition: the movement..."),
# as forms and AI chats write them, in the languages of the header names.
_TERM_LABELS = (
    *_QUESTION,
    *TERM_NAMES,
    "vocabulary",
    "begriff",
    "wort",
    "terme",
    "mot",
    "término",
    "palabra",
    "termine",
    "parola",
    "termo",
    "palavra",
)
_DEFINITION_LABELS = (
    *_ANSWER,
    *DEFINITION_NAMES,
    "explanation",
    "translation",
    "definición",
    "definição",
    "définition",
    "definizione",
    "bedeutung",
    "erklärung",
    "übersetzung",
    "signification",
    "traduction",
    "significado",
    "traducción",
    "significato",
    "betekenis",
)
_INLINE_ANSWER = re.compile(r"(?<=\S)[ \t]+(?:A|Answer)[ \t]*[:：][ \t]*")


_NUMBERED_LABEL = re.compile(r"[ \t]*\d{1,3}$")


def _label(term: str) -> str:
    """A record's label as compared: "Term 1", "Q1" and "term" are one."""
    return _NUMBERED_LABEL.sub("", header_name(term))


class _Record(NamedTuple):
    line: int
    label: str
    term: str
    parts: list[str]


def _questions_and_answers(
    lines: Sequence[tuple[int, str]], delimiter: str, file: str
) -> Glossary | None:
    """Labelled records: a quiz typed as ``Q: question`` lines, each followed by an
    ``A: answer`` line or holding it (``Q: What is H2O? A: Water``), and records typed one field
    a line (``Term: Osmosis`` / ``Definition: the movement...``), the label of the term's line
    repeated in two records or more: one card each. Lines above the first record are its title
    and description; a record's lines under its definition with labels of their own
    (``Example: ...``) join its definition. None when the lines are no such records (then the
    labels are terms, and the lines are read as a list)."""
    log = LineLog(file)
    cards: list[_Record] = []
    top: list[str] = []
    extra: Counter[str] = Counter()  # the labels of the fields joined onto definitions
    defined: Counter[str] = Counter()  # the labels of the definitions' lines
    answered = False
    for number, line in lines:
        if is_blank(line):
            continue
        entry = split_entry(unbulleted(line), delimiter)
        label = _label(entry[0]) if entry else ""
        if entry is not None and label in _TERM_LABELS:
            parts = _INLINE_ANSWER.split(entry[1], maxsplit=1) if label in _QUESTION else []
            cards.append(_Record(number, label, parts[0] if parts else entry[1], parts[1:]))
            answered = len(parts) > 1
            log.read_as(number, TERM)
        elif entry is not None and label in _DEFINITION_LABELS and cards and not answered:
            cards[-1].parts.append(entry[1])
            answered = True
            defined[label] += 1
            log.read_as(number, DEFINITION)
        elif cards and (line[:1] in " \t" or entry is None):
            # A wrapped question or answer carries on, indented or not ("across a membrane.").
            cards[-1].parts.append(line.strip())
            log.read_as(number, DEFINITION)
        elif cards and answered and entry is not None and cards[-1].label not in _QUESTION:
            cards[-1].parts.append(line.strip())  # "Example: ..." under a "Definition:"
            extra[label] += 1
            log.read_as(number, DEFINITION)
        elif not cards and entry is None:
            top.append(line.strip())
            log.read_as(number, "title" if len(top) == 1 else "description")
        else:
            if cards:  # a list's first entry is no label: most lists stop here, unscanned
                _refuse_broken_records(lines, delimiter, file, number)
            return None
    if not cards or not any(card.parts for card in cards):
        return None
    notes = [f"{file}: read 'Q:' lines as questions and 'A:' as their answers"]
    if any(card.label not in _QUESTION for card in cards):
        named, count = Counter(card.label for card in cards).most_common(1)[0]
        if count < 2:
            return None  # "Term: a word" / "Definition: what it means": a glossary's entries
        labels = f"'{named.capitalize()}:' and a '{defined.most_common(1)[0][0].capitalize()}:'"
        notes = [
            f"{file}:{cards[0].line}: read {counted(len(cards), 'labelled record')} ({labels} "
            "line) as one card each"
        ]
        if extra:
            joined = ", ".join(f"'{name.capitalize()}:'" for name in extra)
            notes.append(f"{file}: joined each {joined} line onto the definition above it")
    terms = [
        Term.create(card.term, " ".join(card.parts), file=file, line=card.line) for card in cards
    ]
    title = top[0] if top and plausible_term(top[0]) else ""
    return Glossary(
        tuple(terms),
        title=title,
        description=" ".join(top[1:] if title else top),
        sources=(file,),
        notes=tuple(notes),
        lines=log.finish(),
    )


def _refuse_broken_records(
    lines: Sequence[tuple[int, str]], delimiter: str, file: str, number: int
) -> None:
    """Refuse records labelled ``Term:`` and ``Definition:`` (two of each or more) whose line
    ``number`` is no part of one: read as a list, each label would be a card's term, and all
    but one of its cards dropped as conflicts. Other lines are a list's entries."""
    labels: Counter[str] = Counter()
    for _, line in lines:
        entry = split_entry(unbulleted(line), delimiter) if not is_blank(line) else None
        if entry is not None:
            labels[_label(entry[0])] += 1
    terms = [name for name in _TERM_LABELS if name not in _QUESTION and labels[name] >= 2]
    definitions = [name for name in _DEFINITION_LABELS if labels[name] >= 2]
    if not terms or not definitions:
        return
    raise SourceError(
        f"these are records labelled '{terms[0].capitalize()}:' and "
        f"'{definitions[0].capitalize()}:', but this line is in no record's place (a record "
        "is its term's line, then its definition's, then more labelled lines); move it or "
        "remove it",
        file=file,
        line=number,
    )


def _single_word_capitals(terms: list[Term], file: str, notes: list[str]) -> list[Term]:
    """In a list of one-word terms in capitals ("DNA the genetic code"), a line whose capitals
    run on for two words before a lower-case one ("ATP ADP plus a phosphate group") has the
    second word, an acronym, start its definition, as every other term is one word."""
    runs = [term for term in terms if len(term.term.split()) > 1]
    if len(runs) != 1 or len(terms) < 3:
        return terms
    run = runs[0]
    first, second = run.term.split(" ", 1)
    if " " in second or not run.definition[:1].islower():
        return terms
    notes.append(
        f"{file}:{run.line}: read {shown(first)} as the term and {shown(second)} as the start "
        "of its definition, as every other term is one word; put ':' after the term if not"
    )
    moved = Term.create(first, f"{second} {run.definition}", file=file, line=run.line)
    return [moved if term is run else term for term in terms]


def _answer_lines(lines: Sequence[tuple[int, str]], delimiter: str) -> dict[int, int]:
    """{answer line: question line} of the ``Q: question?`` lines among a list's entries that
    the next line answers (``A: answer``). Only a question that asks ("...?") is one: in
    ``Q: a letter`` / ``A: a letter too`` the letters are terms."""
    pairs: dict[int, int] = {}
    rest = [(number, line) for number, line in lines if not is_blank(line)]
    for (number, line), (next_number, next_line) in pairwise(rest):
        if unbulleted(line)[:1] not in "Qq":  # most lines: no question label to split off
            continue
        question = split_entry(unbulleted(line), delimiter)
        answer = split_entry(unbulleted(next_line), delimiter)
        if (
            question is not None
            and answer is not None
            and question[0].casefold() in _QUESTION
            and answer[0].casefold() in _ANSWER
            and question[1].rstrip().endswith(("?", "？"))
        ):
            pairs[next_number] = number
    return pairs


_OPEN_END = (",", ";", ":", "-", "–", "—", "(", "/", "&")
_OPEN_WORDS = set(
    "a about after an and are as at before between by called for from in into is its like named"
    " of on or such than that the"
    " their to with".split()
)
_BARE_TERM_WORDS = 4


def _header(entry: tuple[str, str]) -> bool:
    """Whether a list's first entry names its columns: a term name and a definition name."""
    return header_name(entry[0]) in TERM_NAMES and header_name(entry[1]) in DEFINITION_NAMES


def _ends_open(parts: list[str]) -> bool:
    """Whether a definition's last line stops mid-phrase ("made of", "red,"): the next line
    carries it on, whatever it looks like."""
    last = parts[-1] if parts else ""
    words = last.split()
    return last.endswith(_OPEN_END) or bool(words and words[-1].casefold() in _OPEN_WORDS)


def _other_entry(
    line: str, delimiter: str, current: tuple[int, str, list[str]] | None, seconds: Sequence[str]
) -> tuple[str, str, str] | None:
    """(term, definition, delimiter) of an unindented line that is an entry typed with another
    delimiter ("Respiration - how cells..." in a ':' list): it starts like a term, with a capital,
    a digit or a letter without case (学校); None otherwise (a wrap). Above the first entry and
    after a definition left open, only at one of ``seconds``, the delimiters that other lines
    use too (a title "Chapter 3 - Cells" stays a title)."""
    text = unbulleted(line)
    first = text[:1]
    if not (first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())):
        return None
    # After a definition left open ("a kind of"), a line carries it on, unless it splits at a
    # delimiter other entries use too, as an entry at the list's own delimiter would. Not ";":
    # inside a wrapped line it is punctuation far more often than an entry's delimiter.
    only_seconds = current is None or _ends_open(current[2])
    candidates = seconds if only_seconds else DELIMITERS
    others = [name for name in candidates if name not in (delimiter, ";")]
    found = sorted(
        (place[0], name) for name in others if (place := find_delimiter(text, name)) is not None
    )
    for _, name in found:
        entry = split_entry(text, name)
        if entry is not None and entry[1] and len(entry[0].split()) <= _BARE_TERM_WORDS:
            return entry[0], entry[1], name
    return None


def _earlier_entry(
    text: str, delimiter: str, seconds: Sequence[str]
) -> tuple[str, str, str] | None:
    """(term, definition, delimiter) of an entry line that holds one of ``seconds``, the other
    delimiter of a list typed with two, before the list's own: it splits there ("Meiosis -
    division that makes gametes: sperm and eggs" in a list of ':' and ' - ' lines), as each
    line of such a list is typed with one of them and the other belongs to its definition."""
    own = find_delimiter(text, delimiter)
    if own is None:
        return None
    found = sorted(
        (place[0], name)
        for name in seconds
        if name not in (delimiter, ";")
        and (place := find_delimiter(text, name)) is not None
        and place[0] < own[0]
    )
    for _, name in found:
        entry = split_entry(text, name)
        if entry is not None and entry[1] and len(entry[0].split()) <= _BARE_TERM_WORDS:
            return entry[0], entry[1], name
    return None


def _bare_term(
    line: str,
    current: tuple[int, str, list[str]] | None,
    rest: Sequence[tuple[int, str]],
    delimiter: str,
) -> bool:
    """Whether an unindented line right after an entry is a term on its own: short and
    title-like ("Chlorophyll", "Golgi Apparatus"), no sentence, after a definition that is not
    left open, and followed by another entry, a blank line or the end (``rest``: the next
    line, if any; a slice of one, as the rest of a long list is no copy to make a line)."""
    text = line.strip()
    words = text.split()
    if (
        current is None
        or not current[2]
        or _ends_open(current[2])
        or len(words) > _BARE_TERM_WORDS
        or not plausible_term(text)
        or text.endswith(_OPEN_END)
        or not all(not word[:1].isalpha() or word[:1].isupper() for word in words)
    ):
        return False
    following = rest[0][1] if rest else ""
    return is_blank(following) or (
        following[:1] not in " \t" and split_entry(unbulleted(following), delimiter) is not None
    )


def _delimiter(
    options: ReadOptions, lines: Sequence[tuple[int, str]], file: str
) -> tuple[str, tuple[str, ...]]:
    """The list's delimiter, and the other delimiters some of its entries are typed with."""
    separator = options.input_separator
    if separator:
        spaced = f" {separator.strip()} "
        return (spaced if separator.strip() and spaced in DELIMITERS else separator), ()
    found = list_delimiter([line for _, line in lines])
    if found is None:
        first = next((number for number, line in lines if not is_blank(line)), 1)
        raise SourceError(
            "no line of this list splits into a term and a definition (at ':', ' - ', '=', "
            "a Tab...); name the separator with --input-separator",
            file=file,
            line=first,
        )
    return found
