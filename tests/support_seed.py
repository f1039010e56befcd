"""Where the repository and its bundled study page are, for tests that need the files."""

from __future__ import annotations

from pathlib import Path

from glossary_export.keys import term_key
from glossary_export.model import Glossary, Term, split_acronym

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "llm-glossary-page.txt"
"""The raw study-page paste: page furniture, then 100 entries of which 71 are unique."""


FURNITURE_LINES = 5
"""The seed page's counter, description, table header, its rule and the empty-state line."""


def seed_glossary(seed_path: Path = SEED) -> Glossary:
    """The seed page's 71 unique terms in first-seen order, parsed here without the readers.

    A deliberately tiny parse of this one file, so writer tests do not depend on the readers:
    skip the five furniture lines, then read term and definition lines alternately.
    """
    lines = seed_path.read_text(encoding="utf-8-sig").splitlines()
    body = lines[FURNITURE_LINES:]
    seen: dict[str, Term] = {}
    for index in range(0, len(body), 2):
        term = Term.create(
            body[index], body[index + 1], file=seed_path.name, line=FURNITURE_LINES + index + 1
        )
        seen.setdefault(term_key(term.term), term)
    return Glossary(terms=tuple(seen.values()), title="LLM glossary", description=lines[1])


def glossary_of(*pairs: tuple[str, str], tags: tuple[str, ...] = ()) -> Glossary:
    """A glossary of (term, definition) pairs, each placed on line N of "test.txt".

    Texts are kept exactly as given (not trimmed like a reader would), so writers can be tested
    on any string; the acronym is recognised as a reader would.
    """
    return Glossary(
        terms=tuple(
            Term(t, d, acronym=split_acronym(t)[1], tags=tags, file="test.txt", line=n)
            for n, (t, d) in enumerate(pairs, start=1)
        )
    )
