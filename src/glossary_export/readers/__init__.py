"""Readers: one module per input format, plus detection.

``read(path)`` returns every row the source holds, duplicates included, each term carrying the
file and line it came from; deduplication is a later stage (:mod:`glossary_export.deduplication`).
Format modules are imported only when their format is used.

A reader module has ``read(source, file: str, options: ReadOptions) -> Glossary``, given the
name to put in messages and on each term. A binary format (``Reader.binary``: xlsx, apkg) gets
the source's bytes; every other format gets its text, decoded here by :func:`._text.decode`
(which warns with :class:`ReadWarning`, via :mod:`warnings`, when it falls back to
Windows-1252), so that a large source is held once, as text, while it is parsed.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..errors import FormatNameError, LimitError, NoTermsError, SourceError, UnknownFormatError
from ._fields import check_fields
from ._text import ReadWarning, decode, trim_invisible

if TYPE_CHECKING:
    from ..model import Glossary

__all__ = ["READERS", "ReadOptions", "ReadWarning", "Reader", "detect_format", "get_reader", "read"]

STDIN_NAME = "<stdin>"
"""The file name terms read from standard input carry."""
MAX_SOURCE_BYTES = 512 * 1024 * 1024
"""The largest source read (512 MiB, millions of terms): a runaway pipe fails instead of
filling the memory."""


@dataclass(frozen=True)
class ReadOptions:
    """Options a reader may honour; each reader reads only its own part."""

    encoding: str | None = None
    """Overrides detection (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 fallback)."""
    sheet: str | None = None
    """Excel: the sheet to read (default: the first)."""
    input_separator: str | None = None
    """Text lists and Quizlet text: between term and definition (default: detected for a
    list, Tab for Quizlet text). The Quizlet *output*'s separators are writer options."""
    input_card_separator: str = "\n"
    """Quizlet text: between cards."""
    columns: tuple[str, str] | None = None
    """Tables: the term and definition columns, as header names or 1-based numbers
    (``--columns``); by default they are chosen by name and content."""


ReadFunction = Callable[[Any, str, ReadOptions], "Glossary"]
"""A format module's reader: (bytes for a binary format, decoded text otherwise, file, options)."""


@dataclass(frozen=True)
class Reader:
    """A format a glossary can be read from."""

    name: str
    suffixes: tuple[str, ...]
    summary: str
    module: str
    function: str = "read"
    binary: bool = False
    """It reads the source's bytes (a zip, a workbook); any other reader gets decoded text."""
    literal: bool = False
    """Its terms are the source's characters as they stand, trimmed (no entity or escape is
    decoded): then a source read as ASCII holds no zero-width character to trim."""

    def read(self, source: bytes | str, file: str, options: ReadOptions) -> Glossary:
        module = importlib.import_module(f"{__name__}.{self.module}")
        return cast(ReadFunction, getattr(module, self.function))(source, file, options)


READERS: tuple[Reader, ...] = (
    Reader(
        "page", (".txt",), "Pasted study page, or lines alternating term and definition", "page"
    ),
    Reader(
        "csv",
        (".csv",),
        "CSV: term/definition header (or synonyms) or two columns",
        "delimited",
        literal=True,
    ),
    Reader(
        "tsv",
        (".tsv", ".tab"),
        "Tab-separated values, read like CSV",
        "delimited",
        "read_tsv",
        literal=True,
    ),
    Reader(
        "xlsx",
        (".xlsx", ".xlsm"),
        "Excel workbook: every sheet holding a glossary (or --sheet), header found",
        "xlsx",
        binary=True,
    ),
    Reader(
        "quizlet",
        (),
        "Quizlet Export > Copy text (Tab and new line unless set)",
        "quizlet",
        literal=True,
    ),
    Reader(
        "anki-text",
        (".anki.txt",),
        "Anki notes export (.txt with #separator... headers)",
        "anki_text",
    ),
    Reader(
        "apkg",
        (".apkg", ".colpkg"),
        "Anki package, current (zstd) or legacy",
        "apkg",
        binary=True,
    ),
    Reader(
        "list",
        (),
        "Plain list: Term: definition, Term - definition, Term = definition... a line",
        "term_list",
    ),
    Reader(
        "markdown",
        (".md", ".markdown"),
        "Markdown table, **Term**: def lines, definition lists",
        "markdown",
    ),
    Reader(
        "rst",
        (".rst", ".rest"),
        "reStructuredText: Sphinx .. glossary:: directives",
        "markdown",
        "read_rst",
    ),
    Reader(
        "html",
        (".html", ".htm"),
        "HTML page: <dl> definition lists, <details> blocks, tables with a header row",
        "markdown",
        "read_html",
    ),
    Reader(
        "json",
        (".json",),
        "JSON: {term, definition} objects (a list, or keyed by ids), or {term: definition}",
        "json",
    ),
)


def get_reader(name: str) -> Reader:
    """The reader called ``name``; an error listing the known names otherwise."""
    for reader in READERS:
        if reader.name == name.lower():
            return reader
    known = ", ".join(r.name for r in READERS)
    raise FormatNameError(f"unknown input format {name!r}; known formats: {known}")


def read(
    source: str | os.PathLike[str],
    format: str | None = None,
    options: ReadOptions | None = None,
) -> Glossary:
    """Every row of ``source`` (a path, or "-" for standard input) as a Glossary.

    ``format`` names the reader (see :data:`READERS`); by default it is detected from the
    suffix and the content. Raises :class:`~glossary_export.errors.SourceError` for unreadable
    input and :class:`~glossary_export.errors.NoTermsError` when there is no term at all.
    """
    options = options or ReadOptions()
    path = os.fspath(source)
    file = STDIN_NAME if path == "-" else path
    data = _read_stdin() if path == "-" else _read_bytes(path)
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        # Empty whatever the format: say so rather than "invalid JSON" or "not a zip file".
        raise NoTermsError(f"no terms found in {file}: it is empty or only white space", file=file)
    if format:
        reader = get_reader(format)
    else:
        name = "" if path == "-" else path
        detected = detect_format(name, data)
        reader = get_reader(_quizlet_if_separators_set(detected, name, options))
    # An explicit encoding may turn ASCII bytes into anything ("\x0b " is U+200B in UTF-16).
    plain_ascii = reader.literal and options.encoding is None and data.isascii()
    if reader.binary:
        glossary = reader.read(data, file, options)
    else:
        text = decode(data, file, options.encoding)
        del data  # a large source is held once, as text, while it is parsed
        glossary = reader.read(text, file, options)
    if not plain_ascii:
        glossary = _trimmed(glossary)
    check_fields(glossary)
    if not glossary.terms:
        raise NoTermsError(
            f"no terms found in {file} (read as {reader.name}); check that this is the glossary, "
            "or name its format with --from",
            file=file,
        )
    return glossary


def _trimmed(glossary: Glossary) -> Glossary:
    """Terms and definitions without zero-width characters at their ends (every reader's rows)."""
    from ..model import split_acronym

    terms = list(glossary.terms)
    for index, term in enumerate(terms):
        name, definition = trim_invisible(term.term), trim_invisible(term.definition)
        if (name, definition) == (term.term, term.definition):
            continue
        if not name:
            raise SourceError(
                "this term holds only invisible characters; fill it in or delete it",
                file=term.file,
                line=term.line,
            )
        acronym = split_acronym(name)[1] or term.acronym
        terms[index] = dataclasses.replace(term, term=name, definition=definition, acronym=acronym)
    return dataclasses.replace(glossary, terms=tuple(terms))


def _read_stdin() -> bytes:
    return _within_limit(sys.stdin.buffer.read(MAX_SOURCE_BYTES + 1), STDIN_NAME)


def _within_limit(data: bytes, file: str) -> bytes:
    if len(data) > MAX_SOURCE_BYTES:
        raise LimitError(
            f"the source is larger than {MAX_SOURCE_BYTES // 2**20} MiB, more than a glossary "
            "holds; check that this is the right file, or split it",
            file=file,
        )
    return data


def _read_bytes(path: str) -> bytes:
    _check_source_file(path)
    try:
        with open(path, "rb") as handle:
            # Checked again on what was opened: the name may have changed hands in between.
            _refuse_special_file(os.fstat(handle.fileno()).st_mode, path)
            return _within_limit(handle.read(MAX_SOURCE_BYTES + 1), path)
    except PermissionError:
        raise SourceError("permission denied: the file cannot be read", file=path) from None
    except OSError as error:
        raise SourceError(f"cannot be read ({error.strerror})", file=path) from None


def _check_source_file(path: str) -> None:
    """Refuse, before opening it, what is not a regular file: opening a named pipe blocks until
    something writes to it, and a device (/dev/zero) would be read forever."""
    from ..files import is_temporary

    if is_temporary(path):
        raise SourceError(
            "this is the temporary file of an unfinished export, not a glossary; delete it",
            file=path,
        )
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise SourceError("no such file; check the path", file=path) from None
    except OSError as error:
        raise SourceError(f"cannot be read ({error.strerror})", file=path) from None
    _refuse_special_file(mode, path)


def _refuse_special_file(mode: int, path: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise SourceError("this is a folder, not a glossary file; name a file in it", file=path)
    if stat.S_ISFIFO(mode):
        raise SourceError(
            "this is a pipe, not a glossary file; to read from a pipe, pass - and send it to "
            "standard input",
            file=path,
        )
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise SourceError("this is a device, not a glossary file; name a file", file=path)
    raise SourceError("this is a special file, not a glossary file; name a file", file=path)


def _quizlet_if_separators_set(detected: str, name: str, options: ReadOptions) -> str:
    """Input separators say what a plain-text source is, unless its suffix said it: a custom
    card separator makes it Quizlet text, a term separator alone a plain list."""
    named = Path(name).suffix.lower() in (".csv", ".tsv")
    if named or detected not in ("page", "csv", "tsv", "list", "quizlet"):
        return detected
    if options.input_card_separator != "\n":
        return "quizlet"
    return "list" if options.input_separator else detected


def detect_format(name: str, head_bytes: bytes) -> str:
    """The reader name for a file called ``name`` starting with ``head_bytes``.

    A specific suffix decides (``.csv``, ``.xlsx``, ``.apkg``, ``.anki.txt``...); a ``.txt``
    file, an unknown suffix or standard input (``name`` empty) is told apart by its content.
    """
    from ._detect import detect_content

    lowered = Path(name).name.lower()
    matches = [(len(s), r.name) for r in READERS for s in r.suffixes if lowered.endswith(s)]
    if matches:
        best = max(matches)[1]
        if best != "page":
            return best
    if head_bytes.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnknownFormatError(
            "this is an old binary Office file (.xls or .doc); save it as .xlsx or CSV",
            file=name or None,
        )
    detected = detect_content(head_bytes)
    if detected is None or detected not in {reader.name for reader in READERS}:
        known = ", ".join(r.name for r in READERS)
        raise UnknownFormatError(
            f"cannot tell the format from the name or the content; use --from with one of {known}",
            file=name or None,
        )
    return detected
