"""The Anki text writer, proven by Anki's own text importer (get_csv_metadata + import_csv)."""

from __future__ import annotations

import re
from pathlib import Path

from anki.collection import Collection

from glossary_export.model import Glossary
from support_anki import (
    T0,
    export,
    fresh_collection,
    glossary_of,
    import_package,
    import_text,
    note_by_term,
    notes,
    replace_term,
)


def _with_note_type(col: Collection, tmp_path: Path) -> None:
    """Give the collection the glossary-export note type (any of our packages does it)."""
    other = tmp_path / "other.apkg"
    export(glossary_of(("Unrelated", "Elsewhere.")), other, deck="Other")
    import_package(col, other)


def test_headers_answer_anki_import_dialog(seed: Glossary, tmp_path: Path) -> None:
    path = tmp_path / "deck.anki.txt"
    export(seed, path, deck="AI::LLM")

    header = path.read_text(encoding="utf-8").splitlines()[:6]
    assert header == [
        "#separator:tab",
        "#html:true",
        "#notetype:glossary-export",
        "#deck:AI::LLM",
        "#tags column:6",
        "#guid column:7",
    ]


def test_seed_page_imports_as_71_notes_in_the_deck(
    seed: Glossary, col: Collection, tmp_path: Path
) -> None:
    _with_note_type(col, tmp_path)
    path = tmp_path / "deck.anki.txt"
    export(seed, path, tags=("llm",))

    log = import_text(col, path)

    assert (log.new, log.conflicting) == (71, 0)
    ours = [note for note in notes(col) if note["Term"] != "Unrelated"]
    assert [(note["Term"], note["Definition"]) for note in ours] == [
        (term.term, term.definition) for term in seed.terms
    ]
    assert all(note.tags == ["llm"] for note in ours)
    assert {col.decks.name(note.cards()[0].did) for note in ours} == {"LLM Glossary"}
    log = import_text(col, path)
    assert (log.new, log.updated, log.duplicate) == (0, 0, 71)


def test_text_after_the_package_matches_every_note_by_guid(
    seed: Glossary, col: Collection, tmp_path: Path
) -> None:
    export(seed, tmp_path / "deck.apkg", reverse=True)
    export(seed, tmp_path / "deck.anki.txt", reverse=True)
    import_package(col, tmp_path / "deck.apkg")

    log = import_text(col, tmp_path / "deck.anki.txt")

    assert (log.new, log.updated, log.duplicate, log.conflicting) == (0, 0, 71, 0)


def test_guids_follow_the_package_through_edits_and_respellings(
    seed: Glossary, col: Collection, tmp_path: Path
) -> None:
    package, text = tmp_path / "deck.apkg", tmp_path / "deck.anki.txt"
    for path in (package, text):
        export(seed, path)
    import_package(col, package)

    edited = replace_term(
        seed, "Fine-Tuning", "Fine-Tuning", "Training a pre-trained model further."
    )
    edited = replace_term(edited, "Gradient Descent", "gradient descent")
    edited = replace_term(
        edited, "Direct Preference Optimisation (DPO)", "Direct Preference Optimization (DPO)"
    )
    for path in (package, text):
        export(edited, path, timestamp=T0 + 3600)

    text_guids = _guids(tmp_path, "text", text)
    assert text_guids == _guids(tmp_path, "package", package)
    assert len(set(text_guids.values())) == 71
    log = import_text(col, text)
    assert (log.new, log.updated, log.duplicate, log.conflicting) == (0, 3, 68, 0)
    assert note_by_term(col, "gradient descent")["Definition"].startswith("Optimisation algorithm")

    # Importing the same text again changes nothing.
    log = import_text(col, text)
    assert (log.new, log.updated, log.duplicate) == (0, 0, 71)


def test_fields_anki_would_misread_survive(col: Collection, tmp_path: Path) -> None:
    _with_note_type(col, tmp_path)
    glossary = glossary_of(
        ("#hashtag", "Starts with a hash."),
        ("# heading", "#also"),
        ("Tab", "before\tafter"),
        ("Lines", "first\nsecond"),
        ('"Quoted"', 'She said "hi", then ""twice"".'),
        ("a < b & <i>c</i>", "<script>alert(1)</script>"),
    )
    path = tmp_path / "deck.anki.txt"
    export(glossary, path)

    log = import_text(col, path)

    assert log.new == 6
    fields = {note["Term"]: note["Definition"] for note in notes(col)}
    assert fields["#hashtag"] == "Starts with a hash."
    assert fields["# heading"] == "#also"
    assert fields["Tab"] == "before\tafter"
    assert fields["Lines"] == "first<br>second"
    assert fields['"Quoted"'] == 'She said "hi", then ""twice"".'
    assert fields["a &lt; b &amp; &lt;i&gt;c&lt;/i&gt;"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    # GUIDs are URL-safe base64: nothing Anki's reader could take for a comment or a separator.
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{12}", note.guid) for note in notes(col))


def test_without_the_note_type_anki_falls_back_to_basic(
    seed: Glossary, col: Collection, tmp_path: Path
) -> None:
    """What the README warns about: text first into a collection without "glossary-export"."""
    export(seed, tmp_path / "deck.anki.txt")
    export(seed, tmp_path / "deck.apkg")

    log = import_text(col, tmp_path / "deck.anki.txt")

    assert log.new == 71
    first = notes(col)[0]
    assert first.note_type()["name"] == "Basic"
    assert (first["Front"], first["Back"]) == (seed.terms[0].term, seed.terms[0].definition)
    assert import_package(col, tmp_path / "deck.apkg").conflicting == 71


def _guids(tmp_path: Path, name: str, path: Path) -> dict[str, str]:
    """Term → GUID of the notes in ``path`` as Anki reads them, via a second, fresh collection."""
    with fresh_collection(tmp_path / name) as second:
        if path.suffix == ".apkg":
            import_package(second, path)
        else:
            _with_note_type(second, tmp_path)
            import_text(second, path)
        return {note["Term"]: note.guid for note in notes(second) if note["Term"] != "Unrelated"}
