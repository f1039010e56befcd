"""Markdown: tables, ``**Term**: definition``, ``Term: definition`` or ``Term - definition``
lines (bulleted or not), and definition lists (``Term`` then ``: definition``).

Headings and prose are not terms; the first level-1 heading becomes the glossary's title.
Inline markup (emphasis, code, links) is reduced to its text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Glossary, Term
from ._text import Columns, numbered_lines
from .delimited import row_term

if TYPE_CHECKING:
    from . import ReadOptions

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_BULLET = r"(?:[-*+]|\d+[.)])\s+"
_BOLD_ENTRY = re.compile(
    rf"^\s*(?:{_BULLET})?(\*\*|__)(?P<term>.+?)\1\s*(?::|[-–—])?\s*(?P<definition>.*)$"
)
# A short, plain term: no sentence punctuation, at most eight words, then ": " or " - ".
_PLAIN_ENTRY = re.compile(
    rf"^\s*(?:{_BULLET})?(?P<term>[^\s:.!?|][^:.!?|]{{0,79}}?)\s*(?::\s+|\s+[-–—]\s+)"
    r"(?P<definition>\S.*)$"
)
_MAX_TERM_WORDS = 8
_DEFINITION_LINE = re.compile(r"^\s{0,3}:\s+(?P<definition>.+)$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link: its text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),
)


def plain(text: str) -> str:
    """Markdown inline markup reduced to its text."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Every entry of a Markdown glossary, in order, with the first H1 as its title."""
    lines = numbered_lines(text)
    terms: list[Term] = []
    loose: list[Term] = []
    title = ""
    index = 0
    in_fence = False
    while index < len(lines):
        number, line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or _FENCE.match(line):
            index += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            title = title or (plain(heading[2]) if len(heading[1]) == 1 else "")
            index += 1
            continue
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if "|" in line and _RULE.match(following.strip()):
            index = _table(lines, index, file, terms)
            continue
        definitions = _definition_list(lines, index + 1)
        if line.strip() and definitions:
            terms.append(Term.create(plain(line), "\n".join(definitions), file=file, line=number))
            index += 1 + len(definitions)
            continue
        bold = _bold_entry(line)
        if bold:
            terms.append(Term.create(*bold, file=file, line=number))
        elif plain_entry := _plain_entry(line):
            loose.append(Term.create(*plain_entry, file=file, line=number))
        index += 1
    # "Term: definition" lines are a style of their own; in a document with tables, bold
    # terms or definition lists, such lines are prose ("Note: ..."), not entries.
    chosen = terms or loose
    return Glossary(tuple(chosen), title=title, sources=(file,))


def _bold_entry(line: str) -> tuple[str, str] | None:
    """(term, definition) of a ``**Term**: definition`` line."""
    bold = _BOLD_ENTRY.match(line)
    if bold and bold["definition"].strip():
        return plain(bold["term"]).rstrip(":").strip(), plain(bold["definition"])
    return None


def _plain_entry(line: str) -> tuple[str, str] | None:
    """(term, definition) of a ``Term: definition`` or ``Term - definition`` line."""
    entry = _PLAIN_ENTRY.match(line)
    # Prose with a colon ("In this chapter we cover three things: ...") is not an entry.
    if entry and len(entry["term"].split()) <= _MAX_TERM_WORDS:
        return plain(entry["term"]), plain(entry["definition"])
    return None


def _definition_list(lines: list[tuple[int, str]], index: int) -> list[str]:
    """The ``: definition`` lines starting at ``index`` (empty when there are none)."""
    definitions = []
    while index < len(lines):
        match = _DEFINITION_LINE.match(lines[index][1])
        if not match:
            break
        definitions.append(plain(match["definition"]))
        index += 1
    return definitions


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [plain(cell.replace("\\|", "|")) for cell in _CELL_SPLIT.split(line)]


def _table(lines: list[tuple[int, str]], index: int, file: str, terms: list[Term]) -> int:
    """Read the table whose header is at ``index``; return the index after it."""
    columns = Columns.from_header(_cells(lines[index][1])) or Columns(0, 1, None, None)
    index += 2
    while index < len(lines) and "|" in lines[index][1]:
        number, line = lines[index]
        cells = _cells(line)
        index += 1
        if any(cells):
            terms.append(row_term(cells, columns, file, number))
    return index
