"""Sphinx glossaries: the ``.. glossary::`` directive of a reStructuredText file.

reStructuredText is not Markdown, but a ``.rst`` file reaches the Markdown reader (its titles
look like setext headings). The one shape read from it is the glossary directive::

    .. glossary::
       :sorted:

       API
       Application interface : classifier
          Definition of both terms,
          wrapped.

          Second paragraph.

A term line is at the directive body's indent, its definition indented deeper; several term
lines before one definition share it (a card each); Sphinx's `` : classifier`` is not part of
the term. The section title above is the deck's title, the paragraph under it the description;
every other line is accounted for (:mod:`._accounting`). A reStructuredText file without the
directive is refused: reading it as Markdown would make cards of its markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import SourceError
from ..model import Glossary, Term
from ._accounting import DEFINITION, TERM, LineLog
from ._text import is_blank

DIRECTIVE = re.compile(r"^[ \t]*\.\.[ \t]+glossary::[ \t]*$", re.MULTILINE)
_SUFFIXES = (".rst", ".rest")
_CLASSIFIER = re.compile(r" +: +")
_ROLE = re.compile(r":[\w.+-]{1,50}:`([^`]{1,500})`")  # :term:`API`, :ref:`text <label>`
_REFERENCE = re.compile(r"`([^`<]{1,500}?)[ \t]*(?:<[^<>`]{0,2000}>)?`__?")  # `text <url>`_
_TARGET = re.compile(r"[ \t]*<[^<>`]{0,2000}>$")
_LITERAL = re.compile(r"``([^`]{1,2000})``")
_SECTION_CHARACTERS = frozenset("=-`:'\"~^_*+#<>.")


def is_rst(text: str, file: str) -> bool:
    """Whether a source handed to the Markdown reader is reStructuredText to read here."""
    return file.lower().endswith(_SUFFIXES) or DIRECTIVE.search(text) is not None


def plain(text: str) -> str:
    """reStructuredText inline markup reduced to its text."""
    from .markdown import plain as markdown_plain  # **strong**, *emphasis*, escapes

    if "`" in text:
        text = _ROLE.sub(lambda m: _TARGET.sub("", m[1]), text)
        text = _LITERAL.sub(r"\1", text)
        text = _REFERENCE.sub(r"\1", text)
    return markdown_plain(text)


@dataclass
class _Entry:
    terms: list[tuple[int, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def read(lines: list[tuple[int, str]], file: str) -> Glossary:
    """Every term of the file's glossary directives, in order."""
    reader = _Reader(lines, file)
    reader.read()
    if not reader.entries:
        raise SourceError(
            "this is reStructuredText, not Markdown, and it holds no Sphinx '.. glossary::' "
            "directive (the one shape read from it); convert it to Markdown "
            "(pandoc -f rst -t gfm) or to CSV",
            file=file,
        )
    terms = [
        Term.create(name, "\n".join(entry.paragraphs), file=file, line=number)
        for entry in reader.entries
        for number, name in entry.terms
    ]
    return Glossary(
        tuple(terms),
        title=reader.title,
        description=reader.description,
        sources=(file,),
        lines=reader.log.finish(),
    )


def _indent(raw: str) -> int:
    return len(raw.expandtabs(8)) - len(raw.expandtabs(8).lstrip())


def _is_underline(text: str) -> bool:
    return len(text) >= 2 and text[0] in _SECTION_CHARACTERS and not text.strip(text[0])


class _Reader:
    def __init__(self, lines: list[tuple[int, str]], file: str) -> None:
        self.lines = [(number, raw) for number, raw in lines if not is_blank(raw)]
        self.blank_before = {
            number
            for index, (number, _) in enumerate(lines)
            if index and is_blank(lines[index - 1][1])
        }
        self.log = LineLog(file)
        self.entries: list[_Entry] = []
        self.title = ""
        self.description = ""
        self.description_open = True

    def read(self) -> None:
        index = 0
        while index < len(self.lines):
            number, raw = self.lines[index]
            if DIRECTIVE.fullmatch(raw):
                self.log.read_as(number, "glossary directive")
                index = self._glossary(index + 1, _indent(raw))
            else:
                index = self._outside(index)

    def _outside(self, index: int) -> int:
        """A line outside the directive: a section title, the description, markup or prose."""
        number, raw = self.lines[index]
        text = raw.strip()
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        underlined = (
            following is not None
            and following[0] not in self.blank_before
            and _is_underline(following[1].strip())
        )
        if text.startswith(".. "):
            self.log.read_as(number, "reStructuredText markup")  # a label, comment, directive
        elif _is_underline(text):
            self.log.read_as(number, "title underline")
        elif underlined and not _indent(raw):
            if not self.title:
                self.title = plain(text)
            self.log.read_as(number, "title" if self.title == plain(text) else "heading")
        elif not self.entries:
            # The first paragraph is the description; any other prose above the glossary is
            # its introduction, no entry.
            if self.description_open:
                self.description = f"{self.description} {plain(text)}".strip()
                self.description_open = following is not None and (
                    following[0] not in self.blank_before
                )
            self.log.read_as(number, "description")
        else:
            self.log.unread(number, "reStructuredText outside a glossary directive")
        return index + 1

    def _glossary(self, index: int, base: int) -> int:
        """Read the directive's body, from ``index``; the index after it."""
        body = -1  # the term lines' indent
        entry: _Entry | None = None
        while index < len(self.lines):
            number, raw = self.lines[index]
            indent = _indent(raw)
            if indent <= base:
                break
            text = raw.strip()
            if body < 0 and text.startswith(":") and text.endswith(":"):
                self.log.read_as(number, "glossary option")  # :sorted:
            elif body < 0 or indent <= body:
                body = indent if body < 0 else body
                if entry is None or entry.paragraphs:
                    entry = _Entry()
                    self.entries.append(entry)
                entry.terms.append((number, plain(_CLASSIFIER.split(text, maxsplit=1)[0])))
                self.log.read_as(number, TERM)
            else:
                assert entry is not None  # the first body line is a term line
                if entry.paragraphs and number not in self.blank_before:
                    entry.paragraphs[-1] = f"{entry.paragraphs[-1]} {plain(text)}"
                else:
                    entry.paragraphs.append(plain(text))
                self.log.read_as(number, DEFINITION)
            index += 1
        return index
