"""glossary-export: turn a glossary into flashcards people actually study with.

>>> from glossary_export import export_deck
>>> report = export_deck("terms.csv", ["deck.apkg", "deck.xlsx"])  # doctest: +SKIP
"""

from .dedupe import DedupeResult, Finding, dedupe
from .errors import (
    ConflictError,
    GlossaryError,
    LimitError,
    MissingDependencyError,
    NoTermsError,
    OptionError,
    OutputError,
    SourceError,
    UnknownFormatError,
)
from .export import ExportReport, WrittenFile, export_deck, load_glossary
from .model import Glossary, Term

__version__ = "0.1.0"

__all__ = [
    "ConflictError",
    "DedupeResult",
    "ExportReport",
    "Finding",
    "Glossary",
    "GlossaryError",
    "LimitError",
    "MissingDependencyError",
    "NoTermsError",
    "OptionError",
    "OutputError",
    "SourceError",
    "Term",
    "UnknownFormatError",
    "WrittenFile",
    "__version__",
    "dedupe",
    "export_deck",
    "load_glossary",
]
