"""The study page: one self-contained HTML file with the glossary's study modes.

The page is three package data files (``study_page/page.html``, ``study.css``, ``study.js``)
with the deck's data put in as JSON: no network, no build step, it works from ``file://``.

* Safety: the JSON sits in a ``<script type="application/json">`` block with every ``<``
  written as ``\\u003c``, so no term can end the block (``</script>``) or open the parser's
  comment states (``<!--``); the script reads it with ``JSON.parse`` and renders every field
  with ``textContent``. With ``--html`` sources the script rebuilds each field from a small
  allow-list of tags, without attributes (see ``study.js``, ``richText``).
* Identity: each term carries the GUID its Anki note gets (``note_identities``: same namespace,
  same key, and the deck memory's note for a respelled term), and the browser keeps progress
  under the namespace, so a re-exported page keeps the progress of unchanged and respelled terms
  and two decks' pages never share it.
* Reproducible: the only date on the page is the content time (``SOURCE_DATE_EPOCH`` wins).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Glossary
from . import WriteOptions, WriteResult
from ._anki_notes import note_identities

_PAGE = resources.files(__package__) / "study_page"


def write(glossary: Glossary, path: Path, options: WriteOptions) -> WriteResult:
    """Write the page: the template with its style, script and the deck's data put in."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(page(glossary, options))
    result = WriteResult(terms_written=len(glossary))
    result.notes.append(
        "Open the page in any browser, also offline; progress is kept in that browser."
    )
    return result


def page(glossary: Glossary, options: WriteOptions) -> str:
    """The whole page as text."""
    exported = datetime.fromtimestamp(options.timestamp, timezone.utc).strftime("%Y-%m-%d")
    template = (_PAGE / "page.html").read_text(encoding="utf-8")
    parts = {
        "{{title}}": _html_text(options.deck),
        "{{style}}": (_PAGE / "study.css").read_text(encoding="utf-8"),
        "{{script}}": (_PAGE / "study.js").read_text(encoding="utf-8"),
        "{{data}}": script_json(deck_data(glossary, options, exported)),
    }
    # One pass over the template, so a placeholder inside the data is never replaced.
    pieces = template.split("{{")
    out = [pieces[0]]
    for piece in pieces[1:]:
        name, rest = piece.split("}}", 1)
        out.append(parts["{{" + name + "}}"] + rest)
    return "".join(out)


def deck_data(glossary: Glossary, options: WriteOptions, exported: str) -> dict[str, Any]:
    """What the script needs: the deck, its id namespace, and per term the note's GUID, term,
    definition, acronym and extra columns (arrays, not objects: a third smaller at 10k terms)."""
    # The Anki outputs' own identities, so progress follows a term the way its note does.
    identities = note_identities(glossary, options)
    return {
        "deck": identities.deck,
        "description": options.description,
        "namespace": identities.namespace,
        "exported": exported,
        "html": options.html,
        "terms": [
            [guid, term.term, term.definition, term.acronym, [list(pair) for pair in term.extras]]
            for guid, term in zip(identities.guids, glossary.terms, strict=True)
        ],
    }


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside a script element: no ``<`` at all."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")


def _html_text(text: str) -> str:
    """Text for the <title>: the characters HTML would read as markup escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
