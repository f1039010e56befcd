"""glossary-export: turn a glossary into flashcards people actually study with.

>>> from glossary_export import export_deck
>>> report = export_deck("terms.csv", ["deck.apkg", "deck.xlsx"])  # doctest: +SKIP

The public names are imported on first use (PEP 562), so that ``glossary-export --help`` and
``import glossary_export`` do not pay for the pipeline's modules. No public name is also the
name of a submodule (the function ``dedupe`` lives in ``deduplication``): importing a submodule
sets the package attribute of its name, which would replace the function with the module.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .deduplication import DedupeResult, Finding, dedupe
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
    from .export import ExportReport, Progress, WrittenFile, export_deck, load_glossary
    from .model import Glossary, Term

__version__ = "0.1.0"

# Where each public name lives.
_MODULES = {
    "DedupeResult": "deduplication",
    "Finding": "deduplication",
    "dedupe": "deduplication",
    "ConflictError": "errors",
    "GlossaryError": "errors",
    "LimitError": "errors",
    "MissingDependencyError": "errors",
    "NoTermsError": "errors",
    "OptionError": "errors",
    "OutputError": "errors",
    "SourceError": "errors",
    "UnknownFormatError": "errors",
    "ExportReport": "export",
    "Progress": "export",
    "WrittenFile": "export",
    "export_deck": "export",
    "load_glossary": "export",
    "Glossary": "model",
    "Term": "model",
}

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
    "Progress",
    "SourceError",
    "Term",
    "UnknownFormatError",
    "WrittenFile",
    "__version__",
    "dedupe",
    "export_deck",
    "load_glossary",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
