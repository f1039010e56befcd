"""Markdown glossaries, in the shapes people write them.

- tables (a term/definition header, or the first two columns);
- ``**Term**: definition`` or ``**Term** — definition``, bulleted or not, the definition on the
  same line or (after ``**Term** —`` alone) on the following lines, up to the next such term;
- a heading per term, its section's text the definition (GitBook's GLOSSARY.md), when the
  document's entries are its headings;
- definition lists (``Term`` then ``: definition``);
- bullets ``- Term: definition`` (``：``, `` - ``, `` — ``, `` = `` too), nested bullets
  appended to their parent's definition unless nearly all nested bullets are entries
  themselves; plain ``Term: definition`` lines when the document has no other kind of entry.

Wrapped lines of a paragraph are joined with spaces, paragraphs, bullets, table rows and code
lines of one definition with line breaks. Front matter is skipped, the first level-1 heading is
the title and the text under it the description; headings that group entries are structural
lines (and a section name for their entries, when they hold several). Inline markup is reduced
to its text, code spans first so that ``*`` in code is no emphasis. Every non-blank line is
accounted for (:mod:`._accounting`); the reader is linear in its input.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import SourceError
from ..model import Glossary, Term
from ._accounting import DEFINITION, TERM, LineLog
from ._text import TABLE_RULE, is_blank, numbered_lines
from .columns import Choice, choose, is_total_word, is_totals_row, totals_note
from .delimited import row_term
from .term_list import plausible_term, split_any

if TYPE_CHECKING:
    from . import ReadOptions
    from ._html import GlossaryParser, HtmlRow

_THEMATIC_BREAK = re.compile(r"^(?:-[ \t]*){3,}$|^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$")
_BULLET = re.compile(r"^(?:[-*+]|\d{1,3}[.)])(?:[ \t]+|$)")
_BOLD_START = re.compile(r"^(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_ENTRY_DELIMITERS = ("：", ":", " - ", " – ", " — ", " = ")
_DASHES = ":：-–—="
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# Bounded repeats keep every pattern linear in the line's length, whatever it holds.
_CODE_SPAN = re.compile(r"(`+)(.{0,2000}?)\1")
_WIKI_LINKS = (
    (re.compile(r"!?\[\[[^\]\[|]{1,500}\|([^\]\[]{1,500})\]\]"), r"\1"),  # [[page|shown]]
    (re.compile(r"!?\[\[([^\]\[|]{1,500})\]\]"), r"\1"),  # Obsidian wiki-link: its page
)
_INLINE = (
    (re.compile(r"!\[([^\]\[]{0,500})\]\([^()]{0,2000}\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]\[]{1,500})\]\([^()]{0,2000}\)"), r"\1"),  # link: its text
    (re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_]{1,300}?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),
)
_TASK = re.compile(r"\[[ xX]\](?:[ \t]+|$)")
"""A task-list box after a bullet (``- [x] Term: ...``): not part of the term."""
_ABBREVIATION = re.compile(r"\*\[([^\]\[]{1,300})\]:[ \t]*(.*)")
"""A Markdown Extra / MkDocs abbreviation, ``*[HTML]: Hyper Text Markup Language``."""
_LINK_TARGET = re.compile(r"\]\([^()]{0,2000}\)")
"""A link's target, ``](https://example.org)``: its colon is no separator."""
_NAVIGATION_LINK = re.compile(r"\[([^\]\[]{1,100})\]\([^()\s]{0,500}\)")
_LETTERS = re.compile(r"[^\W\d_]+")
_BACK_TO_TOP = frozenset(
    {"back to top", "back to the top", "return to top", "go to top", "scroll to top", "to top"}
)
_NAVIGATION_WORDS = _BACK_TO_TOP | frozenset(
    {"top", "home", "back", "up", "contents", "table of contents", "back to contents"}
    | {"back to the contents", "back to index", "index", "back to glossary", "back to list"}
    | {"back to the glossary", "next", "previous", "prev", "back to home", "return"}
)
"""What a line of links says when it only leads elsewhere on the site."""
_GLOSSARY_SECTIONS = frozenset(
    {"glossary", "glossary of terms", "terminology", "definitions", "terms and definitions"}
    | {"definitions of terms", "definition of terms"}
)
"""Names of a section that is the document's glossary, whatever its other sections hold.
("Vocabulary" and "Key terms" are not: study notes put "Phrases" or "Key people" beside
them, entries the learner wants too.)"""
_LETTER_HEADING = re.compile(r"[^\W\d_]|\d[ \t]*[-–—][ \t]*\d|[^\W\d_][ \t]*[-–—][ \t]*[^\W\d_]|#")
"""A heading that only sorts the terms: ``A``, ``A–C``, ``0–9``, ``#``."""
_ARROWS = "↑⬆⇑▲△^↩⤴⏫"
_SCOPE = re.compile(r"::(?=[^\s:])")
"""``::`` inside a name (``std::vector``), not Dataview's ``Key:: value``."""
_FOOTNOTE = re.compile(r"\[\^([^\]\s]{1,100})\]:")
_FOOTNOTE_MARKER = re.compile(r"[ \t]{0,8}\[\^([^\]\s]{1,100})\]")
"""``[^1]``: a footnote's marker when the document defines ``[^1]:`` (else it is text, as
``[^abc]`` in a regular expression)."""
_TAG = re.compile(r"#[\w/-]{1,100}")
_HEADING_ATTRIBUTES = re.compile(r"\{[ \t]*[#.:][^{}]{0,300}\}")
"""Pandoc / kramdown heading attributes, ``## Endpoint {#endpoint}``: not the heading's text."""
_BLOCK_TAGS = {
    name: re.compile(f"<(/?){name}(?=[\\s>/])", re.IGNORECASE) for name in ("dl", "table")
}
"""The HTML blocks read whole, with html.parser: definition lists and tables."""
_DETAILS_LINE = ("<details", "<summary", "</details", "</summary")
_MARKED_KINDS = frozenset(
    {"tags", "abbreviation", "footnote", "summary start", "html", "summary", "details"}
    | {"details end", "admonition"}
)
"""The kinds of line only some documents have, read by :meth:`_Document._marked`."""
_ADMONITION = re.compile(r'(?:!!!|\?\?\?\+?)[ \t]+[\w-]{1,50}(?:[ \t]+"([^"]{0,300})")?[ \t]*')
"""A MkDocs admonition's first line, ``!!! note "Title"`` (``???``: collapsible)."""
_CALLOUT = re.compile(r"\[!([\w-]{1,50})\][+-]?(?:[ \t]+(.*))?")
"""An Obsidian callout's first line, ``> [!note] Title`` (``-``/``+``: folded or not)."""
_WRAPPER_WORDS = frozenset(
    "show hide click expand toggle answer answers solution solutions vocabulary words terms "
    "glossary list more".split()
)
"""Words of a ``<summary>`` that wraps entries rather than naming a term."""
_WORD = re.compile(r"\w+")
_ADVICE = frozenset("warning caution important danger attention tip hint".split())
"""Callout types that advise the reader: alone beside entries of another shape, a note."""
_CODE_MARK = "\x00"
_MARKUP = re.compile(r"[*_`\[\\<&]")
# Inline HTML as Markdown renders it: a break, formatting (its text kept), an entity.
_BREAK_TAG = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike"
    r"|strong|sub|sup|tt|u|var)(?:[ \t][^<>]{0,500})?>",
    re.IGNORECASE,
)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]{1,2000}|[^<>\s@]{1,200}@[^<>\s@]{1,200})>")
"""``<https://example.com>``: Markdown shows the address."""
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NESTED_ENTRY_SHARE = 0.8
"""Nested bullets are entries of their own when nearly all of them are shaped like one."""


def plain(text: str) -> str:
    """Markdown inline markup reduced to its text; code spans are kept as they stand."""
    if not _MARKUP.search(text):
        return text.strip()  # most lines: nothing to reduce
    codes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        codes.append(match[2].strip() if match[2].strip() else match[2])
        return f"{_CODE_MARK}{len(codes) - 1}{_CODE_MARK}"

    if "`" in text:
        text = _CODE_SPAN.sub(keep, text.replace(_CODE_MARK, ""))
    for pattern, replacement in _WIKI_LINKS if "[[" in text else ():
        text = pattern.sub(replacement, text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    if "<" in text:
        text = _INLINE_TAG.sub("", _BREAK_TAG.sub("\n", _AUTOLINK.sub(r"\1", text)))
    if "&" in text:
        text = _ENTITY.sub(lambda match: html.unescape(match[0]), text)
    if codes:
        text = re.sub(f"{_CODE_MARK}(\\d+){_CODE_MARK}", lambda m: codes[int(m[1])], text)
    return text.strip()


@dataclass(slots=True)
class _Item:
    """One non-blank line, as Markdown sees it."""

    number: int
    kind: str
    """ "heading", "text", "quote" (``> ...``), "definition" (``: ...``), "table", "rule",
    "code", "fence", "front matter", "comment", "break" (a thematic break), "underline" (of a
    setext heading), "tags" (a line of Obsidian ``#tags``), "abbreviation" (``*[HTML]: ...``),
    "footnote" (``[^1]: ...``), "html" (a ``<dl>`` block, all its lines), "summary" (a
    ``<details>`` block's ``<summary>`` line, text its term), "details" and "details end"
    (the ``<details>`` and ``</details>`` tags alone)."""
    text: str
    indent: int = 0
    bullet: bool = False
    level: int = 0
    blank_before: bool = False
    definition: str = ""
    """A summary line's definition, when the line holds all of its ``<details>``."""
    closed: bool = False
    """A summary line closes its ``<details>``."""


@dataclass
class _Entry:
    number: int
    term: str
    parts: list[str] = field(default_factory=list)
    open: bool = False
    """``**Term** —`` alone: the definition is on the following lines, up to the next term."""
    style: str = ""
    section: str = ""
    row: tuple[list[str], Choice] | None = None
    """A table row entry: its cells and its table's columns, for :func:`row_term`."""
    tags: tuple[str, ...] = ()
    bullets: int = 0
    """How many bulleted lines the definition holds (one alone is the definition, no list)."""
    spanned: int = 0
    """A table row's entry: the rows below joined into it (its term cell spans them)."""


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Every entry of a Markdown glossary, in order, with the first H1 as its title."""
    lines = numbered_lines(text)
    if ".. glossary::" in text or file.lower().endswith((".rst", ".rest")):
        from . import _rst  # a Sphinx glossary: reStructuredText, read as such or refused

        if _rst.is_rst(text, file):
            return _rst.read(lines, file)
    return _Document(list(_items(lines)), file, options.columns).read()


def _items(lines: list[tuple[int, str]]) -> list[_Item]:
    """The non-blank lines as items, with setext headings (``Title`` over ``===``) made
    headings."""
    items: list[_Item] = []
    for item in _line_items(lines):
        previous = items[-1] if items else None
        underline = item.text[:1] in ("=", "-") and not item.text.strip(item.text[0] + " ")
        if (
            underline
            and item.kind in ("text", "break")
            and previous is not None
            and previous.kind == "text"
            and not previous.bullet
            and previous.number == item.number - 1
        ):
            previous.kind, previous.level = "heading", 1 if item.text[0] == "=" else 2
            previous.text = _heading_text(previous.text)
            item.kind = "underline"
        items.append(item)
    return items


def _line_items(lines: list[tuple[int, str]]) -> Iterator[_Item]:
    """The non-blank lines as items, in one pass."""
    fence = ""
    comment = False
    front = _front_matter_end(lines)
    blank = False
    block: list[str] = []  # the lines of an open <dl> or <table> block, blank ones too
    tag = ""
    depth = 0
    for index, (number, raw) in enumerate(lines):
        if index < front:
            if not is_blank(raw):
                yield _Item(number, "front matter", raw.strip())
            continue
        if block:
            block.append(raw)
            depth += _html_depth(raw, tag)
            if depth <= 0:
                yield _Item(number - len(block) + 1, "html", "\n".join(block))
                block = []
            continue
        if is_blank(raw):
            blank = True
            continue
        stripped = raw.strip()
        first = stripped[0]
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        if comment or (not fence and stripped.startswith("<!--")):
            comment = "-->" not in stripped
            yield _Item(number, "comment", stripped)
        elif fence:
            closing = stripped.startswith(fence) and not stripped.strip(fence[0])
            yield _Item(number, "fence" if closing else "code", raw.rstrip(), indent)
            fence = "" if closing else fence
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            yield _Item(number, "fence", stripped, indent, blank_before=blank)
        elif first == "#" and (heading := _heading(stripped)) is not None and heading[1]:
            yield _Item(number, "heading", heading[1], level=heading[0], blank_before=blank)
        elif first == "#" and heading is not None:
            yield _Item(number, "break", stripped)  # "#" alone: an empty heading, no term
        elif first == "#" and _is_tag_line(stripped):
            yield _Item(number, "tags", stripped)
        elif first == "<" and (tag := _html_block_tag(stripped)) and _html_depth(raw, tag) > 0:
            block, depth = [raw], _html_depth(raw, tag)
        elif first == "<" and tag:
            yield _Item(number, "html", raw)  # the whole block on one line
        elif first == "<" and stripped.lower().startswith(_DETAILS_LINE):
            yield _details_item(number, stripped, blank)
        elif "|" in stripped and (
            TABLE_RULE.match(stripped) or stripped.startswith("|") or stripped.endswith("|")
        ):
            yield _Item(number, "rule" if TABLE_RULE.match(stripped) else "table", stripped, indent)
        elif _THEMATIC_BREAK.match(stripped):
            yield _Item(number, "break", stripped)
        elif first in ":~" and stripped[1:2] in (" ", "\t") and indent < 4:
            yield _Item(number, "definition", stripped[1:].strip(), indent, blank_before=blank)
        elif first in "!?[" + ("*" if stripped[1:2] == "[" else "") and (
            marked := _marked_item(number, stripped, indent, blank)
        ):
            yield marked
        elif (
            len(stripped) < 300
            and ("](" in stripped or "top" in stripped.casefold())
            and _is_navigation(stripped)
        ):
            yield _Item(number, "navigation", stripped)
        else:
            kind = "text"
            if stripped.startswith(">"):
                kind, stripped = "quote", stripped.lstrip(">").strip()
            bullet = _BULLET.match(stripped)
            if bullet:
                stripped = stripped[bullet.end() :].strip()
                if stripped.startswith("[") and (task := _TASK.match(stripped)):
                    stripped = stripped[task.end() :]
            yield _Item(number, kind, stripped, indent, bool(bullet), blank_before=blank)
        blank = False
    if block:  # a block never closed: its lines are still read
        yield _Item(lines[-1][0] - len(block) + 1, "html", "\n".join(block))


def _is_navigation(line: str) -> bool:
    """Whether a line only leads elsewhere on the site: ``[Back to top](#glossary)``,
    ``↑ Top``, ``[Home](/) | [Index](index.md)``. A page's furniture, never a definition."""
    if "](" in line:
        links = _NAVIGATION_LINK.findall(line)
        rest = _NAVIGATION_LINK.sub(" ", line)
        return bool(links) and not _LETTERS.search(rest) and all(map(_leads_away, links))
    # Unlinked, only the words that cannot be a definition: "Back to top", "↑ Top".
    return _navigation_words(line) in _BACK_TO_TOP or (
        _navigation_words(line) == "top" and any(arrow in line for arrow in _ARROWS)
    )


def _leads_away(text: str) -> bool:
    """Whether a link's text only leads elsewhere ("Back to top", "Home", "↑")."""
    words = _navigation_words(text)
    return words in _NAVIGATION_WORDS or (not words and any(arrow in text for arrow in _ARROWS))


def _navigation_words(text: str) -> str:
    """A line's words, lower-cased, without arrows and markup ("⬆ **Back to top**")."""
    return " ".join(_LETTERS.findall(plain(text).casefold()))


def _marked_item(number: int, line: str, indent: int, blank: bool) -> _Item | None:
    """An admonition's first line, an abbreviation or a footnote; None for another line."""
    if line[:3] in ("!!!", "???") and (admonition := _ADMONITION.fullmatch(line)):
        return _Item(number, "admonition", admonition[1] or "", indent, blank_before=blank)
    if line.startswith("*[") and _ABBREVIATION.fullmatch(line):
        return _Item(number, "abbreviation", line, indent)
    if line.startswith("[^") and _FOOTNOTE.match(line):
        return _Item(number, "footnote", line, indent)
    return None


def _html_block_tag(line: str) -> str:
    """``dl`` or ``table`` when the line starts such an HTML block, else ""."""
    if line[:1] != "<":
        return ""
    for name, pattern in _BLOCK_TAGS.items():
        if pattern.match(line):
            return name
    return ""


def _html_depth(line: str, tag: str) -> int:
    """How many ``tag`` blocks the line opens, less those it closes."""
    if tag not in line.lower():
        return 0
    return sum(-1 if close else 1 for close in _BLOCK_TAGS[tag].findall(line))


def _details_item(number: int, line: str, blank: bool) -> _Item:
    """A line of a ``<details>`` block's tags: its summary (the term), or a tag alone."""
    from ._html import parse_glossary

    parsed = parse_glossary(line)
    closes = "</details" in line.lower()
    if parsed.entries and not parsed.entries[0].term:
        return _Item(number, "summary start", line)  # <summary> alone: its term below
    if parsed.entries:
        entry = parsed.entries[0]
        return _Item(number, "summary", entry.term, definition=entry.definition, closed=closes)
    return _Item(number, "details end" if closes else "details", line, blank_before=blank)


def _front_matter_end(lines: list[tuple[int, str]]) -> int:
    """The index after YAML front matter (``---`` ... ``---``) at the very top, or 0."""
    if not lines or lines[0][1].strip() != "---":
        return 0
    for index in range(1, min(len(lines), 200)):
        if lines[index][1].strip() in ("---", "..."):
            return index + 1
    return 0


def _heading(text: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading, parsed without a backtracking pattern."""
    level = len(text) - len(text.lstrip("#"))
    rest = text[level:]
    if not 1 <= level <= 6 or (rest and rest[0] not in " \t"):
        return None
    rest = rest.strip()
    closing = rest.rstrip("#")
    if closing != rest and (not closing or closing[-1] in " \t"):
        rest = closing.strip()
    return level, _heading_text(rest)


def _heading_text(text: str) -> str:
    """A heading's text without its attributes (``{#id .class}``), its markup reduced."""
    text = text.strip()
    if text.endswith("}"):
        start = text.rfind("{")  # rfind and fullmatch: linear, whatever the line holds
        if start > 0 and _HEADING_ATTRIBUTES.fullmatch(text, start):
            text = text[:start]
    return plain(text)


def _is_tag_line(text: str) -> bool:
    """Whether a line is only Obsidian tags (``#kinematics #exam``; ``#1`` is no tag)."""
    words = text.split()
    return all(_TAG.fullmatch(word) and not word[1:].isdigit() for word in words)


def _bold_entry(text: str) -> tuple[str, str, bool] | None:
    """(term, definition, open) of ``**Term**: definition`` or ``**Term** —`` (open)."""
    bold = _BOLD_START.match(text)
    if bold is None:
        return None
    term = plain(bold[2])
    rest = text[bold.end() :].strip()
    if term.endswith((":", "：")):  # **Term:** definition
        term = term[:-1].strip()
    elif rest[:1] and rest[0] in _DASHES:
        rest = rest[1:].strip()
    elif rest:
        return None  # "**Resources have URLs.** Each entity..." is emphasis in prose
    if not plausible_term(term):
        return None
    return term, plain(rest), not rest


def _is_term_line(item: _Item, following: _Item | None) -> bool:
    """Whether a line is the term of a definition list (``: definition`` right below it)."""
    return (
        following is not None
        and following.kind == "definition"
        and not following.blank_before
        and plausible_term(plain(item.text))
    )


def _boxed_entries(item: _Item) -> int:
    """About how many entries an HTML block, a ``<details>`` summary, a callout, an
    admonition or an abbreviation holds (0 for any other line)."""
    if item.kind == "html":
        lowered = item.text.lower()
        return lowered.count("<dt") + lowered.count("<summary") + lowered.count("<tr")
    if item.kind == "quote" and item.text.startswith("[!"):
        return 1 if (callout := _CALLOUT.fullmatch(item.text)) and callout[2] else 0
    return (
        1
        if item.kind in ("summary", "abbreviation") or (item.kind == "admonition" and item.text)
        else 0
    )


def _shaped_text(item: _Item) -> bool:
    """Whether a line, wherever it is indented, is shaped like an entry."""
    return _bold_entry(item.text) is not None or (item.bullet and _plain_entry(item) is not None)


def _plain_entry(item: _Item) -> tuple[str, str] | None:
    """(term, definition) of a ``Term: definition`` line (a bulleted one may be empty)."""
    text = item.text
    if "](" in text:  # "[HTTP](https://...): ..." splits after the link, not in its address
        text = _LINK_TARGET.sub(lambda match: match[0].replace(":", "\x02"), text)
    scoped = "::" in text
    if scoped:  # "std::vector: ..." splits after the name, "Key:: value" at "::"
        text = _SCOPE.sub("\x01\x01", text)
    entry = split_any(text, _ENTRY_DELIMITERS)
    if entry is None or (not entry[1] and not item.bullet):
        return None  # "Three categories of SQL:" introduces what follows
    term, definition = entry
    if scoped:
        if definition.startswith(":") and text.startswith(f"{term}::"):
            definition = definition[1:]  # Obsidian Dataview's "Key:: value"
        term, definition = term.replace("\x01", ":"), definition.replace("\x01", ":")
    term, definition = term.replace("\x02", ":"), definition.replace("\x02", ":")
    term = plain(term)
    return (term, plain(definition)) if plausible_term(term) else None


class _Document:
    def __init__(
        self,
        items: list[_Item],
        file: str,
        columns: tuple[str, str] | None = None,
        page: bool = False,
    ) -> None:
        self.items = items
        self.page = page
        """An HTML page, one "html" item: its title is the <title>, layout tables are no
        glossary, and a page without entries is refused."""
        self.file = file
        self.columns = columns
        self.notes: list[str] = []
        self.log = LineLog(file)
        self.entries: list[_Entry] = []
        self.title = ""
        self.description: list[str] = []
        self.nested_entries = self._nested_bullets_are_entries()
        self.footnotes = {
            match[1]
            for item in items
            if item.kind == "footnote" and (match := _FOOTNOTE.match(item.text))
        }

    def read(self) -> Glossary:
        heading_terms = self._heading_terms()
        plain_lines = not heading_terms and not self._has_shaped_entries()
        items = self.items
        index = 0
        section = ""
        section_entries: dict[str, int] = {}
        current: _Entry | None = None
        title_index = next((i for i, item in enumerate(items) if item.kind == "heading"), -1)
        if title_index >= 0 and items[title_index].level != 1:
            title_index = -1
        while index < len(items):
            item = items[index]
            if current is not None and current.style == "definition list" and item.blank_before:
                current = None if item.kind != "definition" else current
            if item.kind in ("front matter", "comment"):
                self.log.read_as(item.number, item.kind)
            elif item.kind == "underline":
                self.log.read_as(item.number, "title" if index - 1 == title_index else "heading")
            elif item.kind == "heading":
                current = None
                if index == title_index and index not in heading_terms:
                    self.title = item.text
                    self.log.read_as(item.number, "title")
                elif index in heading_terms:
                    current = self._start(item.number, item.text, "heading", section)
                    current.open = True
                else:
                    section = item.text
                    self.log.read_as(item.number, "heading")
            elif item.kind == "navigation":
                self.log.read_as(item.number, "page navigation")
            elif item.kind in _MARKED_KINDS:
                current, index = self._marked(index, current, section)
                continue
            elif current is not None and current.style in ("heading", "details"):
                index = self._definition_item(current, index)
                continue
            elif item.kind == "quote" and item.text[:2] == "[!" and _CALLOUT.fullmatch(item.text):
                current = None
                index = self._callout(index, section)
                continue
            elif (item.kind in ("table", "rule") and current is None) or (
                item.kind == "table" and current is not None and not current.open
            ):
                current = None
                index = self._table(index, section)
                continue
            elif item.kind in ("fence", "code", "table", "rule") and current is not None:
                index = self._definition_item(current, index)
                continue
            elif item.kind in ("fence", "code"):
                self.log.read_as(item.number, "code block")
            elif item.kind == "break":
                self.log.read_as(item.number, "thematic break")
                if current is not None and not current.open:
                    current = None
            elif item.kind == "definition":
                if current is not None and (current.style == "definition list" or current.open):
                    self._append(current, item, paragraph=True)
                else:
                    self.log.unread(item.number, "definition without a term")
            elif item.kind == "quote":
                if current is not None and (current.open or not item.blank_before):
                    self._append(current, item, paragraph=True)
                else:
                    self.log.unread(item.number, "quote between entries")
            else:
                current = self._text(index, current, section, plain_lines)
            index += 1
        self._glossary_section_only(title_index, heading_terms)
        for entry in self.entries:
            section_entries[entry.section] = section_entries.get(entry.section, 0) + 1
        terms = [self._term(entry, section_entries) for entry in self.entries]
        return Glossary(
            tuple(terms),
            title=self.title or self._front_matter_title(),
            notes=tuple(self.notes),
            description=self.description[0] if self.description else "",
            sources=(self.file,),
            lines=self.log.finish(),
        )

    # --- entries ---------------------------------------------------------------------------

    def _text(
        self, index: int, current: _Entry | None, section: str, plain_lines: bool
    ) -> _Entry | None:
        """Read one text line: a new entry, part of the current one, or structure."""
        item = self.items[index]
        following = self.items[index + 1] if index + 1 < len(self.items) else None
        nested = item.indent >= 2 and current is not None
        starts = not nested or (item.bullet and self.nested_entries)
        bold = _bold_entry(item.text) if starts else None
        if current is not None and current.open and current.style != "definition list":
            # Inside "**Term** —", a line of the same shape starts the next entry; a line of
            # another entry shape does too, unless it continues a list the definition
            # introduced ("The ones we use:" then "- **200** — OK").
            same = bold is not None and not item.bullet and current.style == "bold"
            last = current.parts[-1] if current.parts else ""
            listing = not last or last.endswith((":", "：")) or last.startswith("- ")
            other = not listing and (self._shaped(item) or _is_term_line(item, following))
            if not (same or other) or item.indent:
                self._append(current, item, paragraph=item.blank_before)
                return current
        if bold is not None:
            listed = bold[2] and following is not None and following.kind == "definition"
            entry = self._start(
                item.number, bold[0], "definition list" if listed else "bold", section
            )
            if bold[1]:
                entry.parts.append(bold[1])
            entry.open = bold[2]
            return entry
        if starts and _is_term_line(item, following):
            entry = self._start(item.number, plain(item.text), "definition list", section)
            entry.open = True
            return entry
        shaped = _plain_entry(item) if starts and (item.bullet or plain_lines) else None
        if shaped is not None:
            entry = self._start(item.number, shaped[0], "list", section)
            if shaped[1]:
                entry.parts.append(shaped[1])
            return entry
        if current is not None and (nested or not item.blank_before) and current.style != "heading":
            if current.style == "definition list":
                current.open = False
            self._append(current, item, paragraph=item.bullet or item.blank_before)
            return current
        if not self.entries and not section:
            self.description.append(plain(item.text))
            self.log.read_as(item.number, "description")
        elif section and (not self.entries or self.entries[-1].section != section):
            self.log.read_as(item.number, "section description")
        else:
            self.log.unread(item.number, "paragraph between entries")
        return None

    def _abbreviation(self, item: _Item, section: str) -> None:
        """``*[HTML]: Hyper Text Markup Language``: the abbreviation and what it stands for."""
        match = _ABBREVIATION.fullmatch(item.text)
        assert match is not None  # the item is one because it matched
        entry = self._start(item.number, plain(match[1]), "abbreviation", section)
        entry.parts.append(plain(match[2]))

    def _marked(
        self, index: int, current: _Entry | None, section: str
    ) -> tuple[_Entry | None, int]:
        """Read a line of a kind only some documents have (tags, an abbreviation, a footnote,
        HTML, an admonition); the entry open after it, and the index of the next line."""
        item = self.items[index]
        kind = item.kind
        if kind == "tags":
            # Under a term (its heading or line), the term's tags; elsewhere the page's.
            if current is not None:
                current.tags += tuple(word[1:] for word in item.text.split())
            self.log.read_as(item.number, "tags")
        elif kind == "footnote":
            self.log.unread(item.number, "footnote")
        elif kind == "summary start":
            self.log.unread(item.number, "<summary> over several lines")
            current = None
        elif kind == "abbreviation":
            self._abbreviation(item, section)
            current = None
        elif current is not None and (
            current.style == "heading" or (current.style == "details" and kind == "html")
        ):
            self._html_in_definition(current, item)  # a term's section or <details> holds it
        elif kind == "admonition":
            return None, self._admonition(index, section)
        elif kind == "html":
            self._html_block(item, section)
            current = None
        elif kind == "summary" and not item.closed and self._wraps_entries(index):
            # <details><summary>Show answers</summary> around "- cat: le chat" lines.
            self.log.read_as(item.number, "summary (around entries)")
            current = None
        elif kind == "summary":
            current = self._start(item.number, item.text, "details", section)
            current.parts.append(item.definition)
            current.open = True
            current = None if item.closed else current
        else:  # the <details> and </details> tags
            self.log.read_as(item.number, "HTML")
            current = None
        return current, index + 1

    def _wraps_entries(self, index: int) -> bool:
        """Whether the ``<details>`` block whose summary is ``items[index]`` holds entries
        rather than one definition: a summary that says so ("Show answers", "Vocabulary") over
        two or more lines shaped like an entry, and nothing else. "Mitosis" over "- prophase:
        ..." lines is a term whose definition is a list."""
        words = set(_WORD.findall(plain(self.items[index].text).casefold()))
        if not words & _WRAPPER_WORDS:
            return False
        body: list[_Item] = []
        for later in range(index + 1, len(self.items)):  # (no copy of the rest per block)
            item = self.items[later]
            if item.kind == "details end":
                return len(body) >= 2 and all(
                    line.kind == "text" and _shaped_text(line) for line in body
                )
            body.append(item)
        return False

    def _html_in_definition(self, entry: _Entry, item: _Item) -> None:
        """HTML (or an admonition) inside a term heading's section: its text is part of the
        definition."""
        from ._html import block_text

        if item.kind == "admonition":
            entry.parts.append(item.text)
            self.log.read_as(item.number, DEFINITION)
        elif item.kind == "summary":
            entry.parts += [item.text, item.definition]
            self.log.read_as(item.number, DEFINITION)
        elif item.kind == "html":
            entry.parts.append(block_text(item.text))
            for offset, raw in enumerate(item.text.split("\n")):
                if not is_blank(raw):
                    self.log.read_as(item.number + offset, DEFINITION)
        else:
            self.log.read_as(item.number, "HTML")

    def _html_block(self, item: _Item, section: str) -> None:
        """The entries of an HTML block (definition lists, ``<details>``, tables), and what
        each of its lines was read as."""
        from ._html import parse_glossary

        parsed = parse_glossary(item.text)
        first = item.number - 1  # the block's lines count from 1
        entries = [
            _Entry(first + entry.line, entry.term, [entry.definition], section=section)
            for entry in parsed.entries
        ]
        roles: dict[int, str] = {}
        for rows in parsed.tables:
            entries += self._html_table(rows, first, section, roles)
        if self.page and not entries:
            raise SourceError(
                "this HTML page holds no definition list (<dl> with <dt> and <dd>), <details> "
                "block or table with a header row, the shapes read from HTML; copy the "
                "glossary's text into a .txt file",
                file=self.file,
            )
        self.entries += sorted(entries, key=lambda entry: entry.number)
        if self.page:
            self.title = parsed.title
        _account_html(self.log, parsed, item.text, first, roles)

    def _html_table(
        self, rows: list[HtmlRow], first: int, section: str, roles: dict[int, str]
    ) -> list[_Entry]:
        """A row entry for each row of an HTML table below its header; ``roles`` gets what
        each of the table's lines (numbered within the block) was read as. A table of one
        column is no glossary; on an HTML page, neither is one without a header row (a
        layout table)."""
        if not rows:
            return []
        texts = [row.texts() for row in rows]
        line = first + min(rows[0].lines, default=rows[0].line)
        if max(map(len, texts), default=0) < 2:
            choice = None
        elif rows[0].header:  # <th> cells: the header, whatever its names
            choice = self._choose(texts[0], texts[1:201], line)
        else:
            choice = choose(texts[:200], self.columns, self.file, line)
            if choice.header is None and self.page:
                choice = None
        if choice is None:
            for row in rows:
                for number in row.lines:
                    roles[number] = "~HTML table without a header row"
            return []
        body = choice.start + (rows[0].header or choice.header is not None)
        entries: list[_Entry] = []
        for position, (row, cells) in enumerate(zip(rows, texts, strict=True)):
            if not row.lines:
                continue
            start = min(row.lines)
            if position < body:
                role = "title" if position in choice.titles else "table header"
                roles.update(dict.fromkeys(row.lines, role))
                continue
            roles.update(dict.fromkeys(row.lines, DEFINITION))
            if choice.columns.term in row.spanned and entries and entries[-1].row is not None:
                self._join_spanned(entries[-1], cells, choice)  # <td rowspan="2">bank</td>
                continue
            roles[start] = TERM
            entry = _Entry(first + start, "", style="table", section=section)
            entry.row = (cells, choice)
            entries.append(entry)
        return entries

    def _join_spanned(self, entry: _Entry, cells: list[str], choice: Choice) -> None:
        """A row under a term cell spanning rows (``rowspan``) is more of that term: each of
        its other cells joins the entry's, as ``--on-conflict join`` joins definitions; a note
        says so."""
        from .._options import JOINED_DEFINITIONS

        assert entry.row is not None  # a table row's entry
        above, _ = entry.row
        joined = list(above) + [""] * (len(cells) - len(above))
        for column, cell in enumerate(cells):
            values = [part for part in joined[column].split(JOINED_DEFINITIONS) if part]
            if column != choice.columns.term and cell.strip() and cell.strip() not in values:
                joined[column] = JOINED_DEFINITIONS.join([*values, cell.strip()])
        entry.row = (joined, choice)
        entry.spanned += 1
        term = cells[choice.columns.term] if choice.columns.term < len(cells) else ""
        note = (
            f"{self.file}:{entry.number}: {term.strip()!r} spans {entry.spanned + 1} rows of the "
            "table (rowspan): one term, with the definitions of those rows joined"
        )
        if self.notes and self.notes[-1].startswith(f"{self.file}:{entry.number}: "):
            self.notes[-1] = note
        else:
            self.notes.append(note)

    def _callout(self, index: int, section: str) -> int:
        """An Obsidian callout, ``> [!note] Term`` then ``>`` lines; the index after it."""
        items = self.items
        match = _CALLOUT.fullmatch(items[index].text)
        assert match is not None  # called for a callout's first line
        end = index + 1
        while end < len(items) and items[end].kind == "quote" and not items[end].blank_before:
            end += 1
        if match[1].casefold() in _ADVICE and self._lone_callout and self._has_shaped_entries():
            # "> [!warning] Exam tip" above a list of **Term**: entries is a note to the reader.
            for line in items[index:end]:
                self.log.read_as(line.number, "callout (a note, not an entry)")
            return end
        return self._box(index, match[2] or "", end, "callout", section)

    @functools.cached_property
    def _lone_callout(self) -> bool:
        """Whether the document holds one callout only (a glossary of callouts holds many).
        Counted once: a glossary of callouts asks at each of them."""
        callouts = (item for item in self.items if item.kind == "quote" and item.text[:2] == "[!")
        return sum(1 for item in callouts if _CALLOUT.fullmatch(item.text)) == 1

    def _admonition(self, index: int, section: str) -> int:
        """A MkDocs / Python-Markdown admonition, ``!!! note "Term"`` (``???``: folded) then
        lines indented by four; the index after it."""
        items = self.items
        end = index + 1
        while end < len(items) and items[end].indent >= 4 and items[end].kind != "heading":
            end += 1
        return self._box(index, items[index].text, end, "admonition", section)

    def _box(self, index: int, title: str, end: int, kind: str, section: str) -> int:
        """A titled box (callout, admonition) over ``items[index + 1 : end]``: an entry, its
        title the term and its lines the definition; or, when its lines are entries
        (``> - **Term**: ...``), a box around them, read by the main loop. The index after
        what was read."""
        item = self.items[index]
        body = self.items[index + 1 : end]
        if any(_shaped_text(line) for line in body):
            for line in body:
                line.kind, line.indent = "text", 0
            self.log.read_as(item.number, kind)
            return index + 1
        if not title.strip():  # "> [!NOTE]" then a note: GitHub's alert, no entry
            for line in (item, *body):
                self.log.unread(line.number, f"{kind} without a title")
            return end
        split = split_any(title, _ENTRY_DELIMITERS) if not body else None
        entry = self._start(item.number, plain(split[0] if split else title), kind, section)
        if split:  # "> [!note] Osmosis: the movement of water", alone
            entry.parts.append(plain(split[1]))
        paragraph = True
        for position in range(index + 1, end):
            line = self.items[position]
            if line.kind == "quote" and not line.text:  # ">" alone: a paragraph break
                self.log.read_as(line.number, DEFINITION)
                paragraph = True
                continue
            if line.kind in ("quote", "text"):
                line.kind = "text"  # a bullet keeps its "- ", a wrapped line joins its paragraph
                self._append(entry, line, paragraph=paragraph or line.bullet or line.blank_before)
            else:
                self._definition_item(entry, position)
            paragraph = False
        return end

    def _start(self, number: int, term: str, style: str, section: str) -> _Entry:
        entry = _Entry(number, term, style=style, section=section)
        self.entries.append(entry)
        self.log.read_as(number, TERM)
        return entry

    def _append(self, entry: _Entry, item: _Item, paragraph: bool) -> None:
        """Add a line to a definition: a wrapped line joins the last paragraph."""
        text = plain(item.text) if item.kind in ("text", "definition", "quote") else item.text
        if item.kind == "text" and item.bullet:
            text = f"- {text}"
            entry.bullets += 1
        if entry.parts and not paragraph and item.kind in ("text", "quote") and not item.bullet:
            entry.parts[-1] = f"{entry.parts[-1]} {text}"
        elif text:
            entry.parts.append(text)
        self.log.read_as(item.number, DEFINITION)

    def _definition_item(self, entry: _Entry, index: int) -> int:
        """Add a code block, table or text line to ``entry``; the index after it."""
        item = self.items[index]
        if item.kind == "text":
            self._append(entry, item, paragraph=item.bullet or item.blank_before)
        elif item.kind == "definition":
            self._append(entry, item, paragraph=True)
        elif item.kind == "quote":
            # "> " lines under a term's heading: its definition, a wrapped line joined.
            previous = self.items[index - 1]
            joined = previous.kind == "quote" and previous.text and not item.blank_before
            self._append(entry, item, paragraph=not (joined and item.text) or item.bullet)
        elif item.kind == "fence":
            self.log.read_as(item.number, DEFINITION)
        elif item.kind in ("break", "comment", "underline"):
            self.log.read_as(item.number, "thematic break" if item.kind == "break" else item.kind)
        else:  # code, table, rule: kept as they stand
            entry.parts.append(item.text.strip() if item.kind != "code" else item.text)
            self.log.read_as(item.number, DEFINITION)
        return index + 1

    def _table(self, index: int, section: str) -> int:
        """Read the table at ``index`` as entries, a row each; the index after it."""
        items = self.items
        header = items[index]
        if header.kind != "table" or index + 1 >= len(items) or items[index + 1].kind != "rule":
            self.log.unread(header.number, "table line outside a table")
            return index + 1
        end = index + 2
        while end < len(items) and items[end].kind == "table":
            end += 1
        body = [_cells(row.text) for row in items[index + 2 : min(end, index + 202)]]
        choice = self._choose(_cells(header.text), body, header.number)
        self.log.read_as(header.number, "table header")
        self.log.read_as(items[index + 1].number, "table header")
        index += 2
        rows: list[tuple[int, list[str]]] = []
        while index < len(items) and items[index].kind == "table":
            row = items[index]
            cells = _cells(row.text)
            if any(cells):
                rows.append((row.number, cells))
            else:
                self.log.read_as(row.number, "table row without text")
            index += 1
        if rows and self._totals_row(rows, choice):
            number, cells = rows.pop()
            self.log.read_as(number, "totals row")
        for number, cells in rows:
            entry = _Entry(number, "", style="table", section=section)
            entry.row = (cells, choice)
            self.entries.append(entry)
            self.log.read_as(number, TERM)
        return index

    def _totals_row(self, rows: list[tuple[int, list[str]]], choice: Choice) -> bool:
        """Whether the table's last row adds up its columns ("| Total | 12 |"), as in CSV: if
        so, a note names it."""
        number, last = rows[-1]
        term_column = choice.columns.term
        term = last[term_column] if term_column < len(last) else ""
        if not is_total_word(term):
            return False
        cells = [
            (cell, [cells[column] if column < len(cells) else "" for _, cells in rows[:-1]])
            for column, cell in enumerate(last)
            if column != term_column
        ]
        if not is_totals_row(term, cells):
            return False
        others = [cell for column, cell in enumerate(last) if column != term_column]
        self.notes.append(totals_note(f"{self.file}:{number}", term, others))
        return True

    def _choose(self, header: list[str], body: list[list[str]], line: int) -> Choice:
        """The term and definition columns of a table, chosen as in CSV (by name, by content,
        or ``--columns``); the row above the rule is the header whatever its names, and its
        other named columns are kept with each term."""
        choice = choose([header, *body], self.columns, self.file, line)
        if choice.header is None:
            # Names choose() does not know ("#", "Kanji"): the content decides, the names stay.
            by_content = choose(body, None, self.file, line + 2) if body else choice
            choice = Choice(by_content.columns, tuple(header), by_content.note)
        if choice.note:
            self.notes.append(f"{self.file}:{line}: {choice.note}")
        return choice

    def _front_matter_title(self) -> str:
        """The ``title:`` of YAML front matter, unquoted."""
        for item in self.items:
            if item.kind != "front matter":
                break
            key, found, value = item.text.partition(":")
            if found and key.strip().casefold() == "title":
                return value.strip().strip("\"'").strip()
        return ""

    def _term(self, entry: _Entry, section_entries: dict[str, int]) -> Term:
        # A heading that groups several entries names their sub-deck (Deck::Section).
        # A letter of the alphabet ("## A", "## 0–9") only sorts the terms: no sub-deck.
        subdeck = entry.section if entry.section and section_entries[entry.section] > 1 else ""
        subdeck = "" if _LETTER_HEADING.fullmatch(subdeck) else subdeck
        if entry.row is not None:
            cells, choice = entry.row
            term = row_term(cells, choice.columns, self.file, entry.number)
            extras = tuple(
                (name, cells[index].strip())
                for index, name in choice.extra_columns()
                if index < len(cells) and cells[index].strip()
            )
            return dataclasses.replace(term, extras=extras, subdeck=subdeck)
        parts = entry.parts
        if entry.bullets == 1:
            shown = [part for part in parts if part]
            if len(shown) == 1 and shown[0].startswith("- "):
                parts = [shown[0][2:]]  # "**Mean**" then "- the sum...": a bullet, not a list
        definition = "\n".join(part for part in parts if part)
        name = entry.term
        if self.footnotes and "[^" in definition + name:
            definition, name = self._unmarked(definition), self._unmarked(name)
        return Term.create(
            name,
            definition,
            tags=entry.tags,
            file=self.file,
            line=entry.number,
            subdeck=subdeck,
        )

    def _unmarked(self, text: str) -> str:
        """``text`` without the markers of the document's footnotes."""
        return _FOOTNOTE_MARKER.sub(
            lambda match: "" if match[1] in self.footnotes else match[0], text
        ).strip()

    def _glossary_section_only(self, title_index: int, heading_terms: set[int]) -> None:
        """In a document with a section named Glossary (a README's "## Glossary" beside its
        "## Usage"), only that section's entries are the glossary: the others are left out,
        named in a note."""
        spans = []
        for index, item in enumerate(self.items):
            if (
                item.kind == "heading"
                and index != title_index
                and index not in heading_terms
                and _navigation_words(item.text) in _GLOSSARY_SECTIONS
            ):
                end = next(
                    (
                        later.number
                        for later in self.items[index + 1 :]
                        if later.kind == "heading" and later.level <= item.level
                    ),
                    None,
                )
                spans.append((item.number, end, item.text))
        if not spans:
            return
        within = [
            any(
                start < entry.number and (end is None or entry.number < end)
                for start, end, _ in spans
            )
            for entry in self.entries
        ]
        inside = [entry for entry, found in zip(self.entries, within, strict=True) if found]
        outside = [entry for entry, found in zip(self.entries, within, strict=True) if not found]
        if not inside or not outside:
            return
        self.entries = inside
        left = {entry.number for entry in outside}
        self.log.readings = [
            dataclasses.replace(reading, role=f"term outside the {spans[0][2]!r} section, left out")
            if reading.line in left and reading.role == TERM
            else reading
            for reading in self.log.readings
        ]
        lines = ("line " if len(left) == 1 else "lines ") + ", ".join(
            str(number) for number in sorted(left)[:5]
        )
        more = f" and {len(left) - 5} more" if len(left) > 5 else ""
        noun = "an entry" if len(left) == 1 else f"{len(left)} entries"
        self.notes.append(
            f"{self.file}: {noun} outside the {spans[0][2]!r} section left out ("
            f"{lines}{more}); to read them too, move them under that heading"
        )

    # --- what the document's entries are ---------------------------------------------------

    def _heading_terms(self) -> set[int]:
        """The indexes of the headings that are terms: each holds text and no entries of its
        own, and such headings outnumber the document's other entries."""
        items = self.items
        candidates: set[int] = set()
        empty: list[int] = []  # headings with nothing under them
        others = 0
        start = None
        content = shaped = 0

        def close() -> None:
            nonlocal others
            if start is not None and content and shaped < 2:
                candidates.add(start)
            else:
                others += shaped
                if start is not None and not content:
                    empty.append(start)

        for index, item in enumerate(items):
            if item.kind == "heading":
                close()
                start, content, shaped = index, 0, 0
                continue
            if item.kind in ("text", "code", "table", "definition", "quote"):
                content += 1
                if item.kind == "table" or (item.kind == "text" and self._shaped(item)):
                    shaped += 1
            elif boxed := _boxed_entries(item):
                # <details>, a <dl> or <table>, a callout: a heading over several is a section.
                content += 1
                shaped += boxed
                others += boxed if start is None else 0
            if start is None and item.kind == "text" and self._shaped(item):
                others += 1
        close()
        first_heading = next((i for i, item in enumerate(items) if item.kind == "heading"), -1)
        if first_heading in candidates and items[first_heading].level == 1:
            # A first H1 over a description is the title, unless every term is an H1.
            levels = {items[i].level for i in candidates}
            if levels != {1} or len(candidates) == 1:
                candidates.discard(first_heading)
        if len(candidates) < 2 or len(candidates) <= others:
            return set()
        return candidates | self._empty_terms(empty, candidates)

    def _empty_terms(self, empty: list[int], terms: set[int]) -> set[int]:
        """The empty headings that are terms left without a definition: at a term heading's
        level, grouping nothing (the next heading is no deeper)."""
        items = self.items
        levels = {items[index].level for index in terms}
        headings = [index for index, item in enumerate(items) if item.kind == "heading"]
        following = dict(itertools.pairwise(headings))
        found = set()
        for index in empty:
            level = items[index].level
            after = following.get(index)
            if (
                level in levels
                and (after is None or items[after].level <= level)
                and plausible_term(items[index].text)
            ):
                found.add(index)
        return found

    def _shaped(self, item: _Item) -> bool:
        """Whether a text line is an entry in its own right (bold, or a bulleted entry)."""
        if item.indent >= 2:
            return False
        return _bold_entry(item.text) is not None or (
            item.bullet and _plain_entry(item) is not None
        )

    def _has_shaped_entries(self) -> bool:
        items = self.items
        for index, item in enumerate(items):
            if item.kind == "text" and self._shaped(item):
                return True
            if item.kind == "rule" and index and items[index - 1].kind == "table":
                return True
            if item.kind == "definition" and index and items[index - 1].kind == "text":
                return True
        return False

    def _nested_bullets_are_entries(self) -> bool:
        nested = [item for item in self.items if item.kind == "text" and item.bullet]
        nested = [item for item in nested if item.indent >= 2]
        if not nested:
            return False
        shaped = sum(
            1 for item in nested if _plain_entry(item) or _bold_entry(item.text) is not None
        )
        return shaped >= _NESTED_ENTRY_SHARE * len(nested)


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [plain(cell.replace("\\|", "|")) for cell in _CELL_SPLIT.split(line)]


def read_rst(text: str, file: str, options: ReadOptions) -> Glossary:
    """The Sphinx ``.. glossary::`` directives of a reStructuredText file (refused without)."""
    from . import _rst

    return _rst.read(numbered_lines(text), file)


def read_html(text: str, file: str, options: ReadOptions) -> Glossary:
    """The definition lists (``<dl>``), ``<details>`` blocks and tables (with a header row) of
    an HTML page, its ``<title>`` (or first ``<h1>``) the title; a page without any is
    refused."""
    text = "\n".join(raw for _, raw in numbered_lines(text))  # lines as the parser counts them
    return _Document([_Item(1, "html", text)], file, options.columns, page=True).read()


def _account_html(
    log: LineLog, parsed: GlossaryParser, text: str, first: int, roles: dict[int, str]
) -> None:
    """What each non-blank line of parsed HTML (its line 1 being line ``first + 1``) was read
    as: ``roles`` first (tables: a role starting with ``~`` is a finding), then the parser's."""
    for line, raw in numbered_lines(text):
        if is_blank(raw):
            continue
        role = roles.get(line)
        if role is None and line in parsed.term_lines:
            role = TERM
        elif role is None and line in parsed.definition_lines:
            role = DEFINITION
        elif role is None and line in parsed.furniture_lines:
            role = "page navigation, header or footer"
        elif role is None and line in parsed.outside_lines:
            role = "~text outside <dt> and <dd>"
        if role is not None and role.startswith("~"):
            log.unread(first + line, role[1:])
        else:
            log.read_as(first + line, role or "HTML")
