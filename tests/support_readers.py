"""Reader test helpers: write a source file, read it back as (term, definition) pairs."""

from __future__ import annotations

from pathlib import Path

from glossary_export.model import Glossary
from glossary_export.readers import ReadOptions, read


def pairs(glossary: Glossary) -> list[tuple[str, str]]:
    """The glossary as a user checks it: (term, definition) in order."""
    return [(term.term, term.definition) for term in glossary]


def read_bytes(
    tmp_path: Path,
    name: str,
    data: bytes,
    format: str | None = None,
    options: ReadOptions | None = None,
) -> Glossary:
    """Write ``data`` to ``tmp_path/name`` and read it with the readers."""
    path = tmp_path / name
    path.write_bytes(data)
    return read(path, format, options)


def read_text(tmp_path: Path, name: str, text: str, format: str | None = None) -> Glossary:
    """Write ``text`` as UTF-8 and read it."""
    return read_bytes(tmp_path, name, text.encode("utf-8"), format)


# Notes as Anki stores them (fields are HTML), and the plain text a reader must give back.
ANKI_DECK = "LLM Glossary::Week 1"
ANKI_NOTES = [
    (
        "Low-Rank Adaptation (LoRA)",
        "Trains <b>small</b> low-rank matrices &amp; freezes the rest.<br>Second line.",
        ["peft", "week1"],
    ),
    ("#hash term", 'Quotes "like this", commas, and semicolons; all kept.', []),
    ("a &lt; b", "Comparison:&nbsp;a is less than b.", ["maths::basics"]),
    ("Café", "Accented — “typographic” quotes.", []),
]
ANKI_PAIRS = [
    (
        "Low-Rank Adaptation (LoRA)",
        "Trains small low-rank matrices & freezes the rest.\nSecond line.",
    ),
    ("#hash term", 'Quotes "like this", commas, and semicolons; all kept.'),
    ("a < b", "Comparison: a is less than b."),
    ("Café", "Accented — “typographic” quotes."),
]
ANKI_TAGS = [("peft", "week1"), (), ("maths::basics",), ()]


def make_anki_exports(folder: Path) -> dict[str, Path]:
    """Have Anki's own backend write notes exports and packages of ANKI_NOTES into ``folder``.

    Keys: "notes-all" (HTML, GUID, note type, deck and tags columns), "notes-plain" (no HTML,
    no extra column), "notes-<column>" (only that extra column, HTML on), "apkg" (current
    format) and "apkg-legacy".
    """
    from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

    collection = Collection(str(folder / "collection.anki2"))
    try:
        deck_id = collection.decks.id(ANKI_DECK)
        assert deck_id is not None
        basic = collection.models.by_name("Basic")
        for term, definition, tags in ANKI_NOTES:
            note = collection.new_note(basic)  # type: ignore[arg-type]
            note["Front"], note["Back"], note.tags = term, definition, list(tags)
            collection.add_note(note, deck_id)
        limit = DeckIdLimit(deck_id)
        paths: dict[str, Path] = {}
        columns = ("guid", "notetype", "deck", "tags")
        variants: dict[str, tuple[bool, tuple[str, ...]]] = {
            "notes-all": (True, columns),
            "notes-plain": (False, ()),
            **{f"notes-{column}": (True, (column,)) for column in columns},
        }
        for name, (html, extra) in variants.items():
            paths[name] = folder / f"{name}.txt"
            collection.export_note_csv(
                out_path=str(paths[name]),
                limit=limit,
                with_html=html,
                with_tags="tags" in extra,
                with_deck="deck" in extra,
                with_notetype="notetype" in extra,
                with_guid="guid" in extra,
            )
        for name, legacy in (("apkg", False), ("apkg-legacy", True)):
            paths[name] = folder / f"{name}.apkg"
            options = ExportAnkiPackageOptions(
                with_scheduling=False, with_deck_configs=False, with_media=False, legacy=legacy
            )
            collection.export_anki_package(out_path=str(paths[name]), options=options, limit=limit)
    finally:
        collection.close()
    return paths
