"""Plain text of an HTML fragment (an Anki field), through the standard library's HTMLParser.

A module of its own so that html.parser loads only when a field holds markup.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ._text import shown_line

_SOFT_BREAK = object()
"""A block's edge: a line break unless the line is already empty (``<br>`` always breaks)."""


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
