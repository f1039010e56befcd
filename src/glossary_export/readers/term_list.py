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
_BULLET = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])[ \t]+")
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


def plausible_term(term: str) -> bool:
    """Whether text before a delimiter can be a term: short, and not a sentence."""
    term = term.strip()
    return (
        bool(term)
        and len(term) <= MAX_TERM_LENGTH
        and len(term.split()) <= MAX_TERM_WORDS
        and not term.endswith(tuple(_SENTENCE_END))
        and not any(f"{end} " in term for end in ".!?")  # two sentences
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
    return _BULLET.sub("", text, count=1) if text[:1] in "-*+•0123456789" else text


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
    counts: Counter[str] = Counter()
    alone: Counter[tuple[str, ...]] = Counter()  # the delimiters each line splits at
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
        wrap = carried and not split
        if split or (counts and not wrap and not (after_blank and plausible_term(text))):
            margin += 1
        carried = bool(split or wrap) and not text.endswith(tuple(_SENTENCE_END))
        after_blank = False
    if not counts:
        return None
    # The most used; on a tie the first listed (a colon list with a dash inside definitions).
    name = max(DELIMITERS, key=lambda candidate: counts[candidate])
    at_any = sum(number for names, number in alone.items() if names)
    without: Counter[str] = Counter()
    for names, number in alone.items():
        if name not in names:
            without.update(dict.fromkeys(names, number))
    others = tuple(other for other, number in without.items() if number >= 2 and other != ";")
    return Choice(name, counts[name], margin, at_any, others)


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
    furniture = list_furniture(
        lines, lambda text: split_entry(unbulleted(text), delimiter) is not None
    )
    for index, (number, line) in enumerate(lines):
        if is_blank(line):
            after_blank = True
            continue
        if number in furniture:
            # A copied page's furniture ("See also", "A" above the entries with that letter, a
            # page number): no entry nor part of one, though a page break ends no definition.
            log.read_as(number, furniture[number])
            if furniture[number] not in PAGE_FURNITURE:
                finish()
                current = None
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
        elif unbroken and _bare_term(line, current, lines[index + 1 :], delimiter):
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
        if (role := furniture.get(number, "")) in PAGE_FURNITURE
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
        description=" ".join(top[1:] if plausible_term(title) else top),
        sources=(file,),
        notes=tuple(notes),
        lines=log.finish(),
    )


_QUESTION = ("q", "question")
_ANSWER = ("a", "answer")
_INLINE_ANSWER = re.compile(r"(?<=\S)[ \t]+(?:A|Answer)[ \t]*[:：][ \t]*")


def _questions_and_answers(
    lines: Sequence[tuple[int, str]], delimiter: str, file: str
) -> Glossary | None:
    """A quiz typed as ``Q: question`` lines, each followed by an ``A: answer`` line or holding
    it (``Q: What is H2O? A: Water``): question -> answer cards. None when some line is
    neither (then the labels are no quiz's, and the lines are read as a list)."""
    log = LineLog(file)
    cards: list[tuple[int, str, list[str]]] = []  # (line, question, answer parts)
    answered = False
    for number, line in lines:
        if is_blank(line):
            continue
        entry = split_entry(unbulleted(line), delimiter)
        label = entry[0].casefold() if entry else ""
        if entry is not None and label in _QUESTION:
            parts = _INLINE_ANSWER.split(entry[1], maxsplit=1)
            cards.append((number, parts[0], parts[1:]))
            answered = len(parts) > 1
            log.read_as(number, TERM)
        elif entry is not None and label in _ANSWER and cards and not answered:
            cards[-1][2].append(entry[1])
            answered = True
            log.read_as(number, DEFINITION)
        elif cards and (line[:1] in " \t" or entry is None):
            # A wrapped question or answer carries on, indented or not ("across a membrane.").
            cards[-1][2].append(line.strip())
            log.read_as(number, DEFINITION)
        else:
            return None
    if not cards or not any(parts for _, _, parts in cards):
        return None
    terms = [
        Term.create(question, " ".join(parts), file=file, line=number)
        for number, question, parts in cards
    ]
    return Glossary(
        tuple(terms),
        sources=(file,),
        notes=(f"{file}: read 'Q:' lines as questions and 'A:' as their answers",),
        lines=log.finish(),
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


def _bare_term(
    line: str,
    current: tuple[int, str, list[str]] | None,
    rest: Sequence[tuple[int, str]],
    delimiter: str,
) -> bool:
    """Whether an unindented line right after an entry is a term on its own: short and
    title-like ("Chlorophyll", "Golgi Apparatus"), no sentence, after a definition that is not
    left open, and followed by another entry, a blank line or the end."""
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
