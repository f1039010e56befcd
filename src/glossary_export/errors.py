"""The project's exceptions: one base class, each also the matching built-in.

Every message is one sentence a user can act on, prefixed by the file and line it is about.
The CLI prints ``str(error)`` without a traceback and exits 2 for a usage mistake
(:class:`OptionError`), 1 for everything else.
"""

from __future__ import annotations

from .model import format_location


def shown(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message and cut to ``limit`` characters: a runaway 10 MB line read
    as a term must not become a 10 MB error message."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def counted(count: int, noun: str, plural: str = "") -> str:
    """ "1 row", "2 rows": ``count`` and ``noun`` in the number it takes (``plural`` when adding
    "s" is wrong: "1 entry", "2 entries")."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


class GlossaryError(Exception):
    """Base class of every error glossary-export raises on purpose."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        where = format_location(file, line)
        super().__init__(f"{where}: {message}" if where else message)


class SourceError(GlossaryError, ValueError):
    """The input cannot be read as a glossary (bad data, not a bug)."""


class NoTermsError(SourceError):
    """The input was readable but held no term.

    Its message names the source itself ("no terms found in FILE ..."), so str() does not put
    the file in front a second time; ``file`` is still set for callers that want it.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message, file=file, line=line)
        self.args = (message,)


class ConflictError(GlossaryError, ValueError):
    """A term has different definitions and the conflict policy is ``error``."""


class UnknownFormatError(GlossaryError, ValueError):
    """No reader or writer matches the requested format or suffix."""


class OutputError(GlossaryError, OSError):
    """An output cannot be written where it was asked to go."""


class LimitError(GlossaryError, ValueError):
    """The glossary exceeds a limit of the target format (cell size, row count, ...)."""


class OptionError(GlossaryError, ValueError):
    """An option has a value that cannot work (a tag with spaces, an empty deck name, ...)."""


class FormatNameError(UnknownFormatError, OptionError):
    """A format name (``--from``, ``--to``) or an output suffix that no reader or writer has: a
    usage mistake, unlike a file whose content no reader recognises."""


class MissingDependencyError(GlossaryError, ImportError):
    """An optional package needed for this format is not installed."""
