"""The study-page paste: page furniture, then term and definition lines alternating.

A page copied from a study site starts with furniture: a position counter (``1/147``), a
one-line description, the study-mode table (``Name | Mastery | ... |`` and its ``|---|`` rule),
an empty-state line (``No study sessions yet.``). None of it is matched by its exact words.
Counters and table rows have a shape of their own; the description and the empty-state line
are told apart from terms by *alignment*: definitions are sentences and terms are not, so the
body starts where the lines begin to alternate "not a sentence, sentence". A paste without
furniture is read as plain alternating lines, whatever its shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import SourceError, shown
from ..model import Glossary, Term
from ._text import is_blank, numbered_lines

if TYPE_CHECKING:
    from . import ReadOptions

_COUNTER = re.compile(r"^(\d+)\s*(?:/|of)\s*(\d+)$", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]]*$")
_WINDOW = 8
"""Pairs looked at to judge an alignment: enough to outvote one odd line."""
_MAX_FURNITURE = 12
"""Lines a block of furniture may span."""


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    furniture: bool
    """Shaped like a counter or a table row: never a term or a definition."""
    sentence: bool
    """Reads like a definition: ends like a sentence, or is long."""
    table: bool


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Every term/definition pair of the page, in order, and its description line."""
    lines = [_classify(number, line) for number, line in numbered_lines(text) if not is_blank(line)]
    return _Page(lines, file).parse()


def _classify(number: int, text: str) -> _Line:
    text = text.strip()
    counter = _COUNTER.match(text) if text[:1].isdigit() else None
    is_counter = counter is not None and 0 < int(counter[1]) <= int(counter[2])
    table = bool(_TABLE_RULE.match(text)) or (
        text.count("|") >= 2 and (text.startswith("|") or text.endswith("|"))
    )
    words = len(text.split())
    sentence = bool(_SENTENCE_END.search(text)) or words > 12 or len(text) > 100
    return _Line(number, text, is_counter or table, sentence, table)


def _is_entry(term: _Line, definition: _Line) -> bool:
    """Whether two lines have the shape of an entry: a term-like line, then a sentence."""
    return not (term.furniture or term.sentence or definition.furniture) and definition.sentence


def _pair_points(term: _Line, definition: _Line) -> tuple[int, int]:
    """Shape points (a definition is a sentence, a term is not; furniture costs 3) and length
    points (the definition is the longer line) of reading two lines as one entry."""
    if term.furniture or definition.furniture:
        return -3, 0
    return definition.sentence - term.sentence, int(len(definition.text) > len(term.text))


class _Page:
    def __init__(self, lines: list[_Line], file: str) -> None:
        self.lines = lines
        self.file = file
        self.description = ""
        self.terms: list[Term] = []
        self._totals = self._running_totals()

    def parse(self) -> Glossary:
        lines = self.lines
        index = 0
        while index < len(lines):
            line = lines[index]
            if index == 0 or line.furniture or line.sentence:
                start = self._body_start(index)
                self._furniture(lines[index:start], top=index == 0)
                index = start
                if index >= len(lines):
                    break
                if lines[index].furniture:
                    index += 1
                    continue
            self._check_definition(index)
            definition = lines[index + 1]
            self.terms.append(
                Term.create(
                    lines[index].text, definition.text, file=self.file, line=lines[index].number
                )
            )
            index += 2
        return Glossary(tuple(self.terms), description=self.description, sources=(self.file,))

    def _score(self, start: int) -> tuple[int, int]:
        """How well lines from ``start`` alternate term/definition: (shape, length) points.

        Sums the points of up to ``_WINDOW`` pairs (see :meth:`_pair_points`), in constant time
        from running totals so that long pastes stay fast.
        """
        count = min(_WINDOW, (len(self.lines) - start) // 2)
        if count <= 0:
            return 0, 0
        last = start + 2 * (count - 1)
        shape, length = self._totals[last]
        if start >= 2:
            before = self._totals[start - 2]
            shape, length = shape - before[0], length - before[1]
        return shape, length

    def _running_totals(self) -> list[tuple[int, int]]:
        """Points of the pair starting at each line, summed with every second pair before it."""
        totals: list[tuple[int, int]] = []
        for first in range(len(self.lines) - 1):
            shape, length = _pair_points(self.lines[first], self.lines[first + 1])
            if first >= 2:
                shape, length = shape + totals[first - 2][0], length + totals[first - 2][1]
            totals.append((shape, length))
        return totals

    def _body_start(self, index: int) -> int:
        """Where the terms start, skipping the furniture block at ``index`` (maybe empty)."""
        lines = self.lines
        best, best_score = index, self._score(index)
        # Only a block that starts like furniture may run to the end of the page: a question
        # left without its answer at the end of a Q&A paste is an error, not furniture.
        to_end = index == 0 or lines[index].furniture
        last = min(index + _MAX_FURNITURE, len(lines) if to_end else len(lines) - 1)
        shaped = False
        for start in range(index + 1, last + 1):
            skipped = lines[start - 1]
            shaped = shaped or skipped.furniture or skipped.sentence
            if start < len(lines):
                if _is_entry(skipped, lines[start]):
                    break  # "term, sentence" is an entry: furniture never holds or ends in one
                if lines[start].furniture:
                    continue
            score = self._score(start) if start < len(lines) else (0, 1)
            # Skipping ordinary term-like lines needs a better shape score; skipping furniture
            # or sentences may also be decided by lengths (definitions outlast terms).
            if score[0] > best_score[0] or (shaped and score > best_score):
                best, best_score = start, score
        if best == index and lines[index].furniture:
            # A lone block of furniture with nothing to align after it, e.g. at the very end.
            best = index + 1
            while best < len(lines) and lines[best].furniture:
                best += 1
        return best

    def _furniture(self, lines: list[_Line], top: bool) -> None:
        """Keep the description: the first sentence above any table, at the top of the page."""
        if not top or self.description:
            return
        before_table: list[_Line] = []
        for line in lines:
            if line.table:
                break
            if not line.furniture:
                before_table.append(line)
        sentences = [line for line in before_table if line.sentence] or before_table
        if sentences:
            self.description = sentences[0].text

    def _check_definition(self, index: int) -> None:
        """Raise if the term at ``index`` has no definition line after it."""
        lines = self.lines
        term = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        dangling = following is None or following.furniture
        if not dangling and following is not None and not following.sentence:
            # "term, term, definition...": the shape is far better one line further on.
            pairs = min(_WINDOW, (len(lines) - index - 1) // 2)
            dangling = self._score(index + 1)[0] >= self._score(index)[0] + max(2, pairs)
        if dangling:
            raise SourceError(
                f"the term {shown(term.text)} has no definition on the line after it; "
                "add one or delete the term",
                file=self.file,
                line=term.number,
            )
