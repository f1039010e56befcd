"""The study-page paste: page furniture, then each term on a line, its definition below it.

A page copied from a study site holds furniture: a position counter (``1/147``), a one-line
description, the study-mode table (``Name | Mastery | ... |`` and its ``|---|`` rule), an
empty-state line (``No study sessions yet.``); a page pasted twice holds it twice. None of it is
matched by its exact words. The page is read by its *structure*: term lines are short and
title-like, definitions are sentences, and a definition may wrap over several lines. Every way
of cutting the lines into furniture and entries gets a cost from those shapes, and the cheapest
cut wins (found in one pass, linear in the lines). A term that really has no definition is an
error naming its line. A paste without sentences at all (a vocabulary list) pairs its lines.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import SourceError, counted, shown
from ..model import Glossary, Term
from ._accounting import DEFINITION, TERM, LineLog
from ._text import (
    DEFINITION_NAMES,
    HATNOTE_STARTS,
    OPEN_END,
    PAGE_FURNITURE,
    SENTENCE_END,
    TABLE_RULE,
    TERM_NAMES,
    ReadWarning,
    hatnote,
    header_name,
    is_blank,
    numbered_at_an_end,
    numbered_lines,
    page_furniture,
    page_furniture_note,
    reference_furniture,
    without_edit_mark,
)

if TYPE_CHECKING:
    from . import ReadOptions

# "1/147", "3 / 12", "Card 1 of 3", "Term 2 of 40": a position, with at most one word before it.
_COUNTER = re.compile(r"^(?:[^\W\d_]+\s+)?(\d+)\s*(?:/|of)\s*(\d+)$", re.IGNORECASE)
_RULE_MARKS = "=-~*#_^+"
_TOP_TEXTS = 2
"""Lines other than counters and tables at the top of the page that may be furniture (a title
and a description)."""
_AFTER_FURNITURE = 1
"""Lines right after a counter or table line that may be furniture (a description, a status
line)."""

# Costs of reading a line one way or another (lower is likelier); see _Line.
_DANGLING = 12
"""A term with no definition: dearer than any plausible reading, cheaper than gluing a term
onto the previous definition."""
_IMPOSSIBLE = 10**6
_NOT_A_TERM = 4
"""The cost as a term of a sentence, or the middle of one."""
_TOP, _BETWEEN, _INSIDE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    furniture: bool
    """Shaped like a counter or a table row: never a term or a definition."""
    table: bool
    words: int
    ended: bool
    """Ends like a sentence (. ! ? …)."""
    as_term: int
    """Cost of reading the line as a term: title-like lines cost nothing, sentences much."""
    as_definition: int
    """Cost of reading it as the first line of a definition: sentences cost nothing."""
    role: str = ""
    """What a furniture line is, when it is no counter or table line."""

    @property
    def wraps(self) -> bool:
        """Long enough, or open-ended enough, that the next line may carry it on."""
        return self.words >= 6 or len(self.text) >= 40 or self.text.endswith(OPEN_END)

    @property
    def titled(self) -> bool:
        return _titled(self.text)

    @property
    def sentence_like(self) -> bool:
        return self.ended or self.words >= 7 or self.text.endswith(OPEN_END)


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Every term/definition pair of the page, in order, and its description line."""
    from .term_list import citation_note, refuse_yaml, without_citations

    refuse_yaml(file)
    lines = []
    citations = 0
    headed: set[int] = set()  # the numbers of the lines that had an "[edit]" link: headings
    for number, line in numbered_lines(text):
        if is_blank(line):
            continue
        if "[" in line:  # the test in C spares a call for each line
            line, cited = without_citations(line)
            citations += cited
            line, edited = without_edit_mark(line.strip())
            if edited:
                headed.add(number)
        lines.append(_classify(number, line))
    lines, dropped = _without_page_furniture(lines)
    lines = _reference_furniture(_header_cells(lines), headed)
    if _list_on_a_reference_page(lines):
        from . import term_list

        return term_list.read(text, file, options)
    _refuse_a_list(lines, file)
    glossary = _labelled_questions(lines, file) or _Page(lines, file, dropped).parse()
    notes = list(glossary.notes)
    paged = [line for line in dropped if line[2] in PAGE_FURNITURE]
    if paged:
        notes.append(page_furniture_note(file, paged))
    if citations:
        notes.append(citation_note(file, citations))
    return dataclasses.replace(glossary, notes=tuple(notes)) if notes else glossary


def _without_page_furniture(lines: list[_Line]) -> tuple[list[_Line], list[tuple[int, str, str]]]:
    """``lines`` without a book page's page numbers and running heads (a PDF copied) and a
    reference page's hatnotes ("Main article: Orbit"), and those lines: (number, text, what
    it is)."""
    dropped: list[tuple[int, str, str]] = []
    left_out: set[int] = set()
    for index, line in enumerate(lines):
        text = line.text
        if not (numbered_at_an_end(text) or text.startswith(HATNOTE_STARTS)):
            continue  # the cheap tests first: no page furniture, no hatnote
        above = (lines[index - 1].number, lines[index - 1].text) if index else None
        below = (lines[index + 1].number, lines[index + 1].text) if index + 1 < len(lines) else None
        role = hatnote(text) or page_furniture(text, line.number, above, below)
        if role:
            dropped.append((line.number, line.text, role))
            left_out.add(index)
    kept = [line for index, line in enumerate(lines) if index not in left_out] if dropped else lines
    return kept, dropped


_QUESTION_LABEL = re.compile(r"^(?:Q|Question)[.)][ \t]+", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"^(?:A|Answer)[.)][ \t]+", re.IGNORECASE)


def _labelled_questions(lines: list[_Line], file: str) -> Glossary | None:
    """A quiz of ``Q. question`` lines each above an ``A. answer`` line (``Q)``, ``Question.``):
    question -> answer cards without the labels. None when any line is neither, or out of
    turn."""
    if len(lines) < 2 or len(lines) % 2:
        return None
    questions, answers = lines[::2], lines[1::2]
    if not all(_QUESTION_LABEL.match(line.text) for line in questions) or not all(
        _ANSWER_LABEL.match(line.text) for line in answers
    ):
        return None
    log = LineLog(file)
    terms = []
    for question, answer in zip(questions, answers, strict=True):
        terms.append(
            Term.create(
                _QUESTION_LABEL.sub("", question.text, count=1),
                _ANSWER_LABEL.sub("", answer.text, count=1),
                file=file,
                line=question.number,
            )
        )
        log.read_as(question.number, TERM)
        log.read_as(answer.number, DEFINITION)
    return Glossary(
        tuple(terms),
        sources=(file,),
        notes=(f"{file}: read 'Q.' lines as questions and 'A.' as their answers",),
        lines=log.finish(),
    )


def _header_cells(lines: list[_Line]) -> list[_Line]:
    """A table copied as text, one cell a line, starts with its header cells ("Term" /
    "Definition"): the table's header, not a card."""
    names = [header_name(line.text) for line in lines[:2]]
    if len(lines) > 2 and names[0] in TERM_NAMES and names[1] in DEFINITION_NAMES:
        header = [dataclasses.replace(line, furniture=True, table=True) for line in lines[:2]]
        return header + lines[2:]
    return lines


def _reference_furniture(lines: list[_Line], headed: set[int]) -> list[_Line]:
    """``lines`` with a reference page's furniture marked (a Wikipedia glossary copied): its
    site line, its letter index, its letter headings ("A" above "aquifer" and its definition),
    the headings that had an "[edit]" link, and its end sections ("See also", "References")."""
    headings = [index for index, line in enumerate(lines) if line.number in headed]
    roles = reference_furniture([line.text for line in lines], headings)
    for index in headings:
        roles.setdefault(index, "letter heading" if len(lines[index].text) == 1 else "heading")
    for index, line in enumerate(lines):
        short = len(line.text) == 1 or line.text in _DIGITS_HEADINGS  # the cheap test first
        if short and index not in roles and _letter_heading(lines, index):
            roles[index] = "letter heading"
    marked = list(lines)
    for index, role in roles.items():
        marked[index] = dataclasses.replace(lines[index], furniture=True, role=role)
    return marked


_DIGITS_HEADINGS = ("0–9", "0-9")


def _list_on_a_reference_page(lines: list[_Line]) -> bool:
    """Whether a reference page's lines other than its furniture (letter headings, "See also"
    and its links) are a list's entries ("abaft – toward the stern"): the furniture made them
    too few among the lines to be told a list, and the list reader knows the furniture too."""
    from .term_list import looks_like_a_list

    reference = any(line.role in _REFERENCE_ROLES for line in lines)
    return reference and looks_like_a_list([line.text for line in lines if not line.furniture])


_REFERENCE_ROLES = frozenset(
    ("letter heading", "heading", "contents", "site line", "section heading", "end section link")
)


def _letter_heading(lines: list[_Line], index: int) -> bool:
    """A letter alone, above a term starting with it ("A" above "appeal" or "Appeal") and
    that term's definition; "0–9" above a term starting with a digit ("12-bar blues")."""
    letter = lines[index].text
    digits = letter in _DIGITS_HEADINGS
    if not digits and (len(letter) != 1 or not letter.isupper()):
        return False
    following = lines[index + 1 : index + 3]
    first = following[0].text[:1] if following else ""
    return (
        len(following) == 2
        and (first.isdigit() if digits else first.upper() == letter)
        and not following[0].sentence_like
        and following[1].sentence_like
    )


def _refuse_a_list(lines: list[_Line], file: str) -> None:
    """Refuse lines that all look alike: a page needs term lines and definition lines that
    differ in kind (or its furniture), else pairing two lines would merge two entries into one
    card. Such lines are a list whose separator no reader knows, or all sentences."""
    from .term_list import choose_delimiter, split_any, weak_delimiter

    texts = [line.text for line in lines if not line.furniture]
    if len(texts) < 2 or len(texts) < len(lines):
        return
    # Every line, or every line below a title. Most pages have two lines without any delimiter
    # among their first lines: then nothing more is counted.
    unsplit = (text for text in texts if split_any(text) is None)
    chosen = (
        choose_delimiter(texts)
        if next(unsplit, None) is None or next(unsplit, None) is None
        else None
    )
    every = chosen is not None and chosen.entries >= max(2, len(texts) - 1)
    if every or weak_delimiter(texts):
        raise SourceError(
            "not read as a study page: every line is a 'term, separator, definition' entry, "
            "as in a list; read it with --from list",
            file=file,
            line=lines[0].number,
        )
    _refuse_part_bold(lines, file)
    _refuse_bold_lost(lines, file)
    token = _common_token(texts)
    if token is not None:
        raise SourceError(
            f"every line holds {token!r}, as a list's separator, but it is no separator this "
            f"reader knows; name it with --input-separator {token!r}",
            file=file,
            line=lines[0].number,
        )


def _refuse_part_bold(lines: list[_Line], file: str) -> None:
    """Refuse a list of bold terms ("**Osmosis** the movement") with a line whose term is not
    bold: read as a page, each plain line would be paired with the entry above it."""
    from .term_list import BOLD, split_entry, unbulleted

    bold = [split_entry(unbulleted(line.text), BOLD) is not None for line in lines]
    if all(bold) or sum(bold) < max(2, len(lines) / 2):
        return
    plain = lines[bold.index(False)]
    raise SourceError(
        f"this line has no bold term, unlike {counted(sum(bold), 'other line')} "
        f"('**Term** definition'): {shown(plain.text)}; mark its term in bold, or put ':' "
        "after each term",
        file=file,
        line=plain.number,
    )


# A line starting with two capitalised words: "Abiotic Nonliving parts of an ecosystem."
_TWO_CAPITALS = re.compile(r"^[^\W\d_][\w'’-]*[ \t]+[^\W\d_]")
# First words of a sentence, never a term ("The Sun is a star.", "It Happens").
_SENTENCE_STARTS = frozenset(
    "the a an it its this that these those there in on at of for to as our his her their my "
    "we they he she i and but or when if".split()
)


def _refuse_bold_lost(lines: list[_Line], file: str) -> None:
    """Refuse a glossary copied from a PDF that lost its bold terms: every line (below a
    title) a sentence whose first word is its term, "Abiotic Nonliving parts of an
    ecosystem.". No line is a term, and pairing them would merge two entries into one card;
    where the term ends cannot be told ("Carbon Dioxide A gas")."""
    entries = lines[1:] if len(lines) > 2 and not lines[0].ended else lines
    if len(entries) < 2 or not all(
        line.ended
        and not line.text.endswith("?")
        and (match := _TWO_CAPITALS.match(line.text)) is not None
        and line.text[:1].isupper()
        and line.text[match.end() - 1].isupper()
        and line.text.split(maxsplit=1)[0].casefold() not in _SENTENCE_STARTS
        for line in entries
    ):
        return
    raise SourceError(
        f"every line is a sentence starting with its term, as a glossary copied from a PDF "
        f"that lost its bold ({shown(entries[0].text)}): where each term ends is not marked; "
        "put ':' after each term",
        file=file,
        line=entries[0].number,
    )


def _common_token(texts: list[str]) -> str | None:
    """A mark between spaces that every line holds ("~", "|", "//"), or every line below the
    first (a title), two or more: a list's separator."""
    found = _shared_token(texts)
    return found if found is not None or len(texts) < 3 else _shared_token(texts[1:])


def _shared_token(texts: list[str]) -> str | None:
    common: set[str] | None = None
    for text in texts:
        tokens = {word for word in text.split() if not any(char.isalnum() for char in word)}
        common = tokens if common is None else common & tokens
        if not common:
            return None
    return min(common) if common else None


def _refuse_non_terms(lines: list[_Line], terms: list[_Line], file: str) -> None:
    """Refuse a reading none of whose "terms" looks like one (each a sentence or a piece of
    one): with no furniture to show a page, its lines are all alike, entries of a list with a
    separator no reader knows (or none), and pairing them merges two entries into one card.
    (One title-like term is evidence enough: a phrase book pairs "je voudrais un café" with
    its translation; unless it is the page's first line, a title above sentences that all
    look alike: "Glossary" / "Abiotic nonliving parts." / "Biome a large region." / ...)"""
    unlike = [term for term in terms if term.as_term >= _NOT_A_TERM]
    titled = len(terms) - len(unlike)
    above = titled == 1 and terms[0] is lines[0] and terms[0].as_term < _NOT_A_TERM
    if unlike and (not titled or above) and not any(line.furniture for line in lines):
        raise SourceError(
            "not read as a study page: its lines do not look like terms and definitions "
            f"(this one, {shown(unlike[0].text)}, is no term); if each line is an entry, name "
            "the separator between term and definition with --input-separator",
            file=file,
            line=unlike[0].number if above else lines[0].number,
        )


def _classify(number: int, text: str) -> _Line:
    text = text.strip()
    counter = _COUNTER.match(text) if len(text) <= 40 and text[-1:].isdigit() else None
    is_counter = counter is not None and 0 < int(counter[1]) <= int(counter[2])
    table = bool(TABLE_RULE.match(text)) or (
        text.count("|") >= 2 and (text.startswith("|") or text.endswith("|"))
    )
    # A title's underline ("========", "~~~~~~"), as reStructuredText and plain text draw it.
    rule = len(text) >= 3 and text[0] in _RULE_MARKS and text == text[0] * len(text)
    directive = text.startswith(".. ") and text.endswith("::")  # ".. glossary::"
    words = len(text.split())
    ended = bool(SENTENCE_END.search(text))
    long = words > 12 or len(text) > 100
    if text.endswith("?") and not long:
        as_term = 2  # a question: a Q&A paste's "term"
    elif ended or long or text.endswith(OPEN_END):
        # A sentence; a long one, or one starting in lower case, is (the end of) a definition.
        as_term = 8 + 3 * (not text[:1].isupper()) + 3 * (words >= 8 or len(text) >= 60)
    elif (text[:1].islower() and words >= 4) or (words >= 6 and not _titled(text)):
        as_term = 4  # more like the middle of a wrapped sentence than a term
    else:
        as_term = 0
    sentence = ended or words >= 7 or text.endswith(OPEN_END)
    return _Line(
        number,
        text,
        is_counter or table or rule or directive,
        table,
        words,
        ended,
        as_term,
        0 if sentence else 3,
        "rule" if rule else "directive" if directive else "",
    )


def _warn_if_a_list(terms: list[Term], file: str) -> None:
    """Warn when most entries pair two "Term: definition" lines: the source is a list whose
    lines did not split often enough to be detected as one, and this deck is wrong."""
    from .term_list import split_any

    entries = [term for term in terms if split_any(term.term) and split_any(term.definition)]
    if len(entries) >= 2 and len(entries) >= 0.5 * len(terms):
        warnings.warn(
            ReadWarning(
                f"{file}:{entries[0].line}: read as a study page, but its lines look like "
                f"'Term: definition' entries ({shown(entries[0].term)}); if it is a list, "
                "read it with --from list"
            ),
            stacklevel=5,
        )


def _titled(text: str) -> bool:
    """Every word starts with a capital or a digit ("Low-Rank Adaptation", "GPT 4")."""
    return all(not word[:1].isalpha() or word[:1].isupper() for word in text.split())


def _continuation_cost(previous: _Line, line: _Line) -> int:
    """Cost of reading ``line`` as the next line of the definition that ``previous`` is in."""
    if previous.ended:
        # A new sentence of the same definition; a title-like line here is a term.
        return 4 if line.sentence_like else _IMPOSSIBLE
    if previous.wraps:
        return 0 if not line.text[:1].isupper() else 1
    # A short unfinished line rarely wraps: never a title-like one (that is a term), and only
    # onto a line that cannot be a term.
    if previous.titled:
        return 16
    if not line.text[:1].isupper():
        return 3
    return 6 if line.sentence_like else 16


class _Page:
    def __init__(
        self, lines: list[_Line], file: str, dropped: Sequence[tuple[int, str, str]] = ()
    ) -> None:
        self.lines = lines
        self.file = file
        self.dropped = dropped  # the book page's furniture, left out before the reading
        count = len(lines)
        self.skippable = [False] * count
        self.at_top: list[bool] = []
        texts = 0
        for line in lines:
            self.at_top.append(texts < _TOP_TEXTS)
            texts += not line.furniture
        for index, line in enumerate(lines):
            if line.furniture:
                for after in range(index + 1, min(count, index + 1 + _AFTER_FURNITURE)):
                    self.skippable[after] = True
        self.top_matter = self._top_matter()
        # Without a sentence or furniture anywhere (a vocabulary or phrase list: "il fait
        # beau" / "the weather is nice"), no line carries another on: the lines pair.
        self.wraps = any(line.sentence_like or line.furniture for line in lines)

    def _top_matter(self) -> int:
        """How many lines open the page above its first counter, when that counter is at the
        first position: a title and a description ("Biology basics" / "Key terms for the first
        unit." / "1/3"), never an entry, since the first entry follows it. (Above "2/3" the
        lines may be the first entry.)"""
        for index, line in enumerate(self.lines[: _TOP_TEXTS + 1]):
            if line.furniture:
                counter = _COUNTER.match(line.text)
                first = counter is not None and int(counter[1]) == 1
                return index if first and not self.lines[0].sentence_like else 0
        return 0

    def parse(self) -> Glossary:
        steps = self._cheapest_reading()
        log = LineLog(self.file)
        for number, _, what in self.dropped:
            log.read_as(number, what)
        terms: list[Term] = []
        top_skipped: list[_Line] = []
        seen_entry = False
        lines = self.lines
        for kind, start, end in steps:
            if kind == "entry":
                seen_entry = True
                definition = " ".join(line.text for line in lines[start + 1 : end])
                term = lines[start]
                terms.append(Term.create(term.text, definition, file=self.file, line=term.number))
                log.read_as(term.number, TERM)
                for line in lines[start + 1 : end]:
                    log.read_as(line.number, DEFINITION)
            elif kind == "dangling":
                term = lines[start]
                raise SourceError(
                    f"the term {shown(term.text)} has no definition on the line after it; "
                    "add one or delete the term",
                    file=self.file,
                    line=term.number,
                )
            else:
                line = lines[start]
                if not seen_entry:
                    top_skipped.append(line)
                if line.furniture:
                    kind_of = line.role or ("table header" if line.table else "counter")
                    log.read_as(line.number, kind_of)
        _refuse_non_terms(
            lines, [lines[start] for kind, start, _ in steps if kind == "entry"], self.file
        )
        _warn_if_a_list(terms, self.file)
        description = self._description(top_skipped)
        title = self._title(top_skipped, description)
        for kind, start, _ in steps:
            line = lines[start]
            if kind == "skip" and not line.furniture:
                role = {id(description): "description", id(title): "title"}.get(id(line))
                log.read_as(line.number, role or "status line")
        return Glossary(
            tuple(terms),
            title=title.text if title else "",
            description=description.text if description else "",
            sources=(self.file,),
            lines=log.finish(),
        )

    def _cheapest_reading(self) -> list[tuple[str, int, int]]:
        """The cheapest cut of the lines into steps ("entry", first, end), ("skip", i, i + 1)
        and ("dangling", i, i + 1), by dynamic programming over three states per line: at the
        top (nothing but furniture before), between entries, or inside a definition."""
        lines = self.lines
        count = len(lines)
        cost = [[_IMPOSSIBLE] * (count + 1) for _ in range(3)]
        # How each (state, position) was reached: (previous state, step kind, step start).
        came: list[list[tuple[int, str, int]]] = [[(0, "", 0)] * (count + 1) for _ in range(3)]
        cost[_TOP][0] = 0

        def reach(
            state: int, position: int, value: int, previous: int, kind: str, start: int
        ) -> None:
            if value < cost[state][position]:
                cost[state][position] = value
                came[state][position] = (previous, kind, start)

        for index, line in enumerate(lines):
            for state in (_TOP, _BETWEEN, _INSIDE):
                here = cost[state][index]
                if here >= _IMPOSSIBLE:
                    continue
                skip = self._skip_cost(index, at_top=state == _TOP)
                if skip is not None:
                    reach(
                        _TOP if state == _TOP else _BETWEEN,
                        index + 1,
                        here + skip,
                        state,
                        "skip",
                        index,
                    )
                if line.furniture or index < self.top_matter:
                    continue
                if state == _INSIDE:
                    more = here + (
                        _continuation_cost(lines[index - 1], line) if self.wraps else _IMPOSSIBLE
                    )
                    reach(_INSIDE, index + 1, more, state, "more", index)
                following = lines[index + 1] if index + 1 < count else None
                if following is not None and not following.furniture:
                    entry = here + line.as_term + following.as_definition
                    reach(_INSIDE, index + 2, entry, state, "entry", index)
                reach(
                    _BETWEEN, index + 1, here + line.as_term + _DANGLING, state, "dangling", index
                )
        return self._steps(cost, came)

    def _skip_cost(self, index: int, at_top: bool) -> int | None:
        """Cost of reading line ``index`` as furniture, or None where it cannot be."""
        line = self.lines[index]
        if line.furniture or index < self.top_matter:
            return 0
        if self.skippable[index]:
            return 1 if line.sentence_like else 4  # a description or status line
        if at_top and self.at_top[index]:
            return 3 if line.sentence_like else 4  # a title or description
        return None

    def _steps(
        self, cost: list[list[int]], came: list[list[tuple[int, str, int]]]
    ) -> list[tuple[str, int, int]]:
        position = len(self.lines)
        state = min((_TOP, _BETWEEN, _INSIDE), key=lambda s: cost[s][position])
        steps: list[tuple[str, int, int]] = []
        end = position  # the end of the entry being walked back through
        while position > 0:
            previous, kind, start = came[state][position]
            if kind == "more":
                position -= 1
            elif kind == "entry":
                steps.append(("entry", start, end))
                position = start
            else:
                steps.append((kind, start, start + 1))
                position = start
            state = previous
            if kind != "more":
                end = position
        steps.reverse()
        return steps

    @staticmethod
    def _title(top: list[_Line], description: _Line | None) -> _Line | None:
        """The title: the page's first line, when it is above the description, title-like
        ("Statistics – Unit 2") and no sentence."""
        first = top[0] if top else None
        if first is None or first.furniture or first.sentence_like:
            return None
        if first is description:
            # The only line above the entries, and no sentence ("Glossary of geology"): the
            # deck's name too.
            alone = sum(not line.furniture for line in top) == 1
            return first if alone and first.words <= 8 else None
        if description is not None and description.number < first.number:
            return None
        return first if first.words <= 8 else None

    @staticmethod
    def _description(top: list[_Line]) -> _Line | None:
        """The description: the first sentence above any table, at the top of the page."""
        before_table: list[_Line] = []
        for line in top:
            if line.table:
                break
            if not line.furniture:
                before_table.append(line)
        sentences = [line for line in before_table if line.sentence_like] or before_table
        return sentences[0] if sentences else None
