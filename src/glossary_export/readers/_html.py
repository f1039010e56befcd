"""HTML through the standard library's HTMLParser: the plain text of a fragment (an Anki
field), and the entries of definition lists and ``<details>`` blocks (a Markdown or HTML
glossary).

A module of its own so that html.parser loads only when a source holds markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from ._text import shown_line

_SOFT_BREAK = object()
"""A block's edge: a line break unless the line is already empty (``<br>`` always breaks)."""


# Where a page keeps what is not its content: its menus, site header and footer, sidebars.
_FURNITURE = frozenset(("nav", "header", "footer", "aside"))


class TextExtractor(HTMLParser):
    """Plain text of an HTML fragment: breaks for <br> and blocks, no tags, entities decoded."""

    _BLOCKS = frozenset({"div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str | object] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCKS:
            self.parts.append(_SOFT_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append(_SOFT_BREAK)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)

    def text(self) -> str:
        lines = [""]
        for part in self.parts:
            if part is _SOFT_BREAK:
                if shown_line(lines[-1]):
                    lines.append("")
            elif part == "\n":
                lines.append("")
            else:
                lines[-1] += str(part)
        shown = [shown_line(line) for line in lines]
        while shown and not shown[-1]:
            shown.pop()
        while shown and not shown[0]:
            shown.pop(0)
        return "\n".join(shown)


_CONTAINERS = ("dl", "details", "table")
"""What a definition or a table cell may hold, as part of its text."""


class _EntryText(TextExtractor):
    """A term's or definition's text: the blocks of a definition list break lines too, and
    a table's cells are separated by `` | ``."""

    _BLOCKS = TextExtractor._BLOCKS | {"dl", "dt", "dd", "details", "summary", "table", "pre"}

    def __init__(self) -> None:
        super().__init__()
        self._cells = 0  # cells so far in the current row

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._cells = 0
        elif tag in ("td", "th"):
            self.parts.append(" | " if self._cells else "")
            self._cells += 1
        super().handle_starttag(tag, attrs)


@dataclass
class HtmlEntry:
    """One term of a definition list or a ``<details>`` block, and where it starts."""

    line: int
    term: str
    definition: str


@dataclass
class HtmlRow:
    """One ``<tr>`` of a table: its cells' text, whether all are ``<th>``, its lines."""

    line: int
    cells: list[_EntryText] = field(default_factory=list)
    header: bool = True
    lines: set[int] = field(default_factory=set)
    spans: list[int] = field(default_factory=list)
    """Each cell's ``rowspan`` (0: to the table's end), as written."""
    spanned: set[int] = field(default_factory=set)
    """The columns whose cell is one spanning down from a row above (``rowspan="2"``)."""

    def texts(self) -> list[str]:
        return [cell.text() for cell in self.cells]


_MAX_SPAN = 65534
"""The largest ``rowspan`` browsers honour."""


def _row_span(attrs: list[tuple[str, str | None]]) -> int:
    """A cell's ``rowspan``: 1 when absent or not a number, 0 for "to the table's end"."""
    value = dict(attrs).get("rowspan") or "1"
    return min(int(value), _MAX_SPAN) if value.strip().isdigit() else 1


@dataclass
class _Span:
    """A cell spanning down: the rows below it still to fill."""

    rows: int
    cell: _EntryText


def fill_row_spans(rows: list[HtmlRow]) -> None:
    """Give each row the cells spanning down into it from the rows above, in their columns,
    as a browser lays the table out: the term of ``<td rowspan="2">bank</td>`` is the next
    row's term too."""
    above: dict[int, _Span] = {}  # by column
    for row in rows:
        own = iter(zip(row.cells, row.spans, strict=True))
        left = len(row.cells)
        last = max(above, default=-1)
        row.cells, column = [], 0
        while left or column <= last:
            if column in above:
                spanning = above[column]
                row.cells.append(spanning.cell)
                row.spanned.add(column)
                spanning.rows -= 1
                if not spanning.rows:
                    del above[column]
            elif left:
                cell, span = next(own)
                left -= 1
                row.cells.append(cell)
                if span != 1:
                    above[column] = _Span(span - 1 if span else len(rows), cell)
            else:
                row.cells.append(_EntryText())  # a gap the rows above left
            column += 1


@dataclass
class _Group:
    """Terms (``<dt>``, ``<summary>``) waiting for the definition they share."""

    terms: list[tuple[int, _EntryText]] = field(default_factory=list)
    definition: _EntryText | None = None


class GlossaryParser(HTMLParser):
    """The entries of HTML definition lists (``<dt>`` terms, ``<dd>`` definitions; several
    terms before a definition share it, several definitions of a term are joined on lines of
    their own) and of ``<details>`` blocks (``<summary>`` the term, the rest the definition),
    with the lines that held each part; and the rows of its tables. ``</dt>``, ``</dd>``,
    ``</td>`` and ``</tr>`` may be left out, as HTML allows. A list or table nested in a
    definition or a cell stays part of its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[HtmlEntry] = []
        self.title = ""
        """The page's ``<title>``, else its first ``<h1>``."""
        self.term_lines: set[int] = set()
        self.definition_lines: set[int] = set()
        self.outside_lines: set[int] = set()
        """Lines with text in no term or definition (not the title, a script or a style)."""
        self.furniture_lines: set[int] = set()
        """Lines with text in the page's navigation, header, footer or sidebars."""
        self.tables: list[list[HtmlRow]] = []
        self.open_details = 0
        self._table: list[HtmlRow] | None = None
        self._group: _Group | None = None
        self._target: _EntryText | None = None
        self._nested = 0  # lists and blocks opened inside a definition
        self._skipping = 0
        self._furniture = 0  # depth inside <nav>, <header>, <footer>, <aside>
        self._heading: _EntryText | None = None
        self._h1 = ""

    # The tags that make the entries; any other tag goes to the text being read.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in _FURNITURE and self._target is None and self._table is None:
            # A menu or a footer may be a <dl> too ("Home: Start page"): no entry of the page.
            self._finish()
            self._furniture += 1
        elif self._furniture:
            if tag in ("title", "h1") and self._heading is None:
                self._heading = _EntryText()  # a site header often holds the page's <h1>
        elif self._nested or (self._target is not None and tag in _CONTAINERS):
            self._nested += tag in _CONTAINERS
            self._forward_start(tag, attrs)
        elif tag == "table":
            self._finish()
            self._table = []
            self.tables.append(self._table)
        elif self._table is not None and tag in ("tr", "td", "th"):
            self._target = None
            if tag == "tr" or not self._table:
                self._table.append(HtmlRow(line))
            if tag != "tr":
                row = self._table[-1]
                row.header = row.header and tag == "th"
                self._target = _EntryText()
                row.cells.append(self._target)
                row.spans.append(_row_span(attrs))
        elif self._table is not None:
            self._forward_start(tag, attrs)  # a cell's markup, whatever it is
        elif tag in ("dt", "summary"):
            if self._group is None or self._group.definition is not None:
                self._finish()
                self._group = _Group()
            self._target = _EntryText()
            self._group.terms.append((line, self._target))
        elif tag == "dd":
            group = self._group or _Group()
            self._group = group
            if group.definition is None:
                group.definition = _EntryText()
            else:
                group.definition.parts.append("\n")
            self._target = group.definition
        elif tag == "details":
            self._finish()
            self.open_details += 1
        elif tag in ("style", "script"):
            self._skipping += 1
        elif tag in ("title", "h1") and self._heading is None and self._target is None:
            self._heading = _EntryText()
        else:
            self._forward_start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._furniture:
            self._forward_start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._furniture and tag in _FURNITURE:
            self._furniture -= 1
        elif self._furniture and tag in ("title", "h1") and self._heading is not None:
            self._end_heading(tag)
        elif self._furniture:
            return
        elif self._nested:
            self._nested -= tag in _CONTAINERS
            self._forward_end(tag)
        elif tag == "table":
            self._table = self._target = None
        elif self._table is not None and tag in ("tr", "td", "th"):
            self._target = None
        elif self._table is not None:
            self._forward_end(tag)
        elif tag in ("dt", "summary", "dd"):
            self._target = None
            if tag == "summary" and self._group is not None:
                # What follows the summary, up to </details>, is its definition.
                self._group.definition = self._target = _EntryText()
        elif tag in ("dl", "details"):
            self._finish()
            self.open_details -= tag == "details" and self.open_details > 0
        elif tag in ("style", "script"):
            self._skipping = max(0, self._skipping - 1)
        elif tag in ("title", "h1") and self._heading is not None:
            self._end_heading(tag)
        else:
            self._forward_end(tag)

    def _end_heading(self, tag: str) -> None:
        assert self._heading is not None
        text = self._heading.text()
        if tag == "title" and not self.title:
            self.title = text
        elif tag == "h1" and not self._h1:
            self._h1 = text
        self._heading = None

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        first = self.getpos()[0]
        lines = {first + offset for offset, text in enumerate(data.split("\n")) if text.strip()}
        if self._heading is not None:
            self._heading.handle_data(data)
        elif self._furniture:
            self.furniture_lines.update(lines)
        elif self._target is not None and self._table is not None:
            self._target.handle_data(data)
            self._table[-1].lines.update(lines)
        elif self._target is not None and self._group is not None:
            self._target.handle_data(data)
            if self._target is not self._group.definition:
                self.term_lines.update(lines)
            elif self._group.terms:
                self.definition_lines.update(lines)
            else:
                self.outside_lines.update(lines)  # a <dd> with no <dt> before it: no entry
        else:
            self.outside_lines.update(lines)

    def close(self) -> None:
        super().close()
        self._finish()
        self.title = self.title or self._h1
        for table in self.tables:
            fill_row_spans(table)

    def _forward_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        target = self._heading or self._target
        if target is not None:
            target.handle_starttag(tag, attrs)

    def _forward_end(self, tag: str) -> None:
        target = self._heading or self._target
        if target is not None:
            target.handle_endtag(tag)

    def _finish(self) -> None:
        """Make entries of the waiting terms, with the definition they share (or none)."""
        group, self._group, self._target = self._group, None, None
        if group is None:
            return
        definition = group.definition.text() if group.definition is not None else ""
        for line, term in group.terms:
            self.entries.append(HtmlEntry(line, " ".join(term.text().split("\n")), definition))


def parse_glossary(html: str) -> GlossaryParser:
    """The definition lists and ``<details>`` blocks of ``html``, parsed."""
    parser = GlossaryParser()
    parser.feed(html)
    parser.close()
    return parser


def block_text(html: str) -> str:
    """The text of an HTML block (a list, a table) kept inside a definition."""
    extractor = _EntryText()
    extractor.feed(html)
    extractor.close()
    return extractor.text()
