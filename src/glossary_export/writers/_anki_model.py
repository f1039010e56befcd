"""The one note type every Anki output uses: "glossary-export".

Its id, fields and templates never depend on options. Anki compares an incoming note type with
the one already in the collection by id and by its fields and templates; if they differ it logs
the notes as "conflicting" and skips them. So the optional cards (Definition → Term, Acronym →
full name) always exist as templates and are switched on per note by flag fields, the way Anki's
built-in "Basic (optional reversed card)" does: a template whose front renders empty makes no card.
"""

from __future__ import annotations

import functools

NAME = "glossary-export"

# Fixed forever: changing it makes every existing note of every user a different note type.
# Derived once from a hash of the name ((1 << 30) + first 8 bytes of
# sha256(b"glossary-export note type") mod (1 << 30)), not the id from genanki's README,
# which countless decks already use for note types with other fields.
MODEL_ID = 1_696_351_841

# When the templates or CSS below last changed (seconds since the epoch). Anki replaces a note
# type's templates on import only when the incoming one is newer, so this stays a constant: a
# rebuild never overwrites styling the user customised inside Anki. Bump it when the templates
# or CSS change, to ship the new look.
MODEL_MODIFIED = 1_764_547_200
"""2025-12-01: the CSS for a term's extra columns (was 1_735_689_600)."""

TERM, DEFINITION, ACRONYM, ADD_REVERSE, ADD_ACRONYM_CARD = range(5)
FIELDS = ("Term", "Definition", "Acronym", "Add Reverse", "Add Acronym Card")
EXTRAS_CLASS = "extras"
"""The class of the block that carries a term's extra columns inside its Definition field."""
FLAG = "y"
"""The value of a flag field that switches its card on (any non-empty text would do)."""

# Card ordinals, in template order.
TERM_CARD, REVERSE_CARD, ACRONYM_CARD = range(3)

_TEMPLATES = (
    (
        "Term → Definition",
        '<div class="term">{{Term}}</div>',
        '{{FrontSide}}\n<hr id="answer">\n<div class="definition">{{Definition}}</div>',
    ),
    (
        "Definition → Term",
        "{{#Add Reverse}}\n"
        '<div class="prompt">Which term?</div>\n'
        '<div class="definition">{{Definition}}</div>\n'
        "{{/Add Reverse}}",
        '{{FrontSide}}\n<hr id="answer">\n<div class="term">{{Term}}</div>',
    ),
    (
        "Acronym → Full name",
        "{{#Add Acronym Card}}{{#Acronym}}\n"
        '<div class="prompt">What does it stand for?</div>\n'
        '<div class="acronym">{{Acronym}}</div>\n'
        "{{/Acronym}}{{/Add Acronym Card}}",
        '{{FrontSide}}\n<hr id="answer">\n<div class="term">{{Term}}</div>',
    ),
)

# System fonts, a readable measure for long definitions, softer colours at night (Anki adds
# .nightMode to the card and .night_mode to the page), and tighter spacing on narrow phones.
CSS = """\
.card {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
  font-size: 20px;
  line-height: 1.5;
  color: #1f2328;
  background-color: #ffffff;
  text-align: center;
  padding: 1.5em 1em;
}
.term { font-size: 1.4em; font-weight: 600; }
.acronym { font-size: 2em; font-weight: 700; letter-spacing: 0.04em; }
.definition { max-width: 34em; margin: 0 auto; text-align: left; }
.extras { margin-top: 0.75em; font-size: 0.8em; color: #656d76; }
.extra-name { font-weight: 600; }
.prompt ~ .definition .extras { display: none; }
.prompt {
  font-size: 0.75em;
  text-transform: uppercase;
  letter-spacing: 0.08em;
  color: #656d76;
  margin-bottom: 0.75em;
}
hr#answer { border: 0; border-top: 1px solid #d0d7de; max-width: 34em; margin: 1.25em auto; }
.card.nightMode, .night_mode .card { color: #e6edf3; background-color: #1c1c1e; }
.card.nightMode .prompt, .night_mode .prompt { color: #9198a1; }
.card.nightMode hr#answer, .night_mode hr#answer { border-top-color: #3d444d; }
@media (max-width: 480px) {
  .card { font-size: 18px; padding: 1em 0.75em; }
  .term { font-size: 1.25em; }
}
"""


# Which fields each template needs to make a card, as genanki computes it (its Model._req: for
# every template, the fields without which its front renders no field content).
# tests/test_anki_collection.py checks it against genanki.
_REQUIRED = [
    [TERM_CARD, "all", [TERM]],
    [REVERSE_CARD, "all", [DEFINITION, ADD_REVERSE]],
    [ACRONYM_CARD, "all", [ACRONYM, ADD_ACRONYM_CARD]],
]

# genanki's defaults for a note type's LaTeX header and footer.
_LATEX_PRE = (
    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
    "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
    "\\setlength{\\parindent}{0in}\n\\begin{document}\n"
)
_LATEX_POST = "\\end{document}"


def note_type(deck_id: int) -> dict[str, object]:
    """The note type as a collection stores it (JSON), exactly as genanki writes it."""
    fields = [
        {
            "name": name,
            "ord": ord_,
            "font": "Liberation Sans",
            "media": [],
            "rtl": False,
            "size": 20,
            "sticky": False,
        }
        for ord_, name in enumerate(FIELDS)
    ]
    templates = [
        {
            "name": name,
            "qfmt": front,
            "afmt": back,
            "ord": ord_,
            "bafmt": "",
            "bqfmt": "",
            "bfont": "",
            "bsize": 0,
            "did": None,
        }
        for ord_, (name, front, back) in enumerate(_TEMPLATES)
    ]
    return {
        "css": CSS,
        "did": deck_id,
        "flds": fields,
        "id": str(MODEL_ID),
        "latexPost": _LATEX_POST,
        "latexPre": _LATEX_PRE,
        "latexsvg": False,
        "mod": MODEL_MODIFIED,
        "name": NAME,
        "req": _REQUIRED,
        "sortf": TERM,
        "tags": [],
        "tmpls": templates,
        "type": 0,
        "usn": -1,
        "vers": [],
    }


def card_ordinals(fields: tuple[str, ...]) -> tuple[int, ...]:
    """The cards a note with these fields has: one per template whose front is not empty."""
    return _ordinals(
        bool(fields[ADD_REVERSE] and fields[DEFINITION]),
        bool(fields[ADD_ACRONYM_CARD] and fields[ACRONYM]),
    )


@functools.cache
def _ordinals(reverse: bool, acronym: bool) -> tuple[int, ...]:
    # Cached: every note shares one of four tuples (72 bytes a note saved on a 1M-note deck).
    return (TERM_CARD, *((REVERSE_CARD,) if reverse else ()), *((ACRONYM_CARD,) if acronym else ()))
