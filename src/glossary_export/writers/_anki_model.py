"""The one note type every Anki output uses: "glossary-export".

Declared here as a ``genanki.Model`` (:func:`note_type`); its id, fields and templates never
depend on options. Anki compares an incoming note type with
the one already in the collection by id and by its fields and templates; if they differ it logs
the notes as "conflicting" and skips them. So the optional cards (Definition → Term, Acronym →
full name) always exist as templates and are switched on per note by flag fields, the way Anki's
built-in "Basic (optional reversed card)" does: a template whose front renders empty makes no card.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import genanki

NAME = "glossary-export"

# Fixed forever: changing it makes every existing note of every user a different note type.
# Derived once from a hash of the name ((1 << 30) + first 8 bytes of
# sha256(b"glossary-export note type") mod (1 << 30)), not the id from genanki's README,
# which countless decks already use for note types with other fields.
MODEL_ID = 1_696_351_841

# When the templates or CSS below last changed (seconds since the epoch): the date genanki is
# given to write the note type with. Anki replaces a note
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


def note_type() -> genanki.Model:
    """The note type as genanki declares it: genanki computes its required-fields data and
    writes it into the collection (imported here, when an Anki package is written: it costs
    ~50 ms a process)."""
    import genanki

    return genanki.Model(
        MODEL_ID,
        NAME,
        fields=[{"name": name} for name in FIELDS],
        # Fresh dicts each time: genanki completes them in place when it writes the model.
        templates=[{"name": name, "qfmt": front, "afmt": back} for name, front, back in _TEMPLATES],
        css=CSS,
        sort_field_index=TERM,
    )


def card_ordinals(fields: tuple[str, ...]) -> tuple[int, ...]:
    """The cards a note with these fields has: one per template whose front is not empty (the
    cards genanki's ``Note`` makes from the model's required fields; tests/test_anki_collection.py
    compares the two)."""
    return _ordinals(
        bool(fields[ADD_REVERSE] and fields[DEFINITION]),
        bool(fields[ADD_ACRONYM_CARD] and fields[ACRONYM]),
    )


@functools.cache
def _ordinals(reverse: bool, acronym: bool) -> tuple[int, ...]:
    # Cached: every note shares one of four tuples (72 bytes a note saved on a 1M-note deck).
    return (TERM_CARD, *((REVERSE_CARD,) if reverse else ()), *((ACRONYM_CARD,) if acronym else ()))
