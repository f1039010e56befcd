"""Anki notes exports holding cloze notes: a sentence with gaps has no term and definition, so
the export is refused, naming the note, never a deck of markup with notes dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from support_cli import run


def test_cloze_notes_are_refused_naming_the_first(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n"
        "Basic\tOsmosis\tthe movement of water\n"
        "Cloze\tThe {{c1::mitochondrion}} makes ATP.\tpowerhouse\n"
        "Cloze\t{{c1::Osmosis}} moves {{c2::water::what}}.\t\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = run("export", path, "-o", out, "--no-memory")
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {path}:5: this note is a cloze deletion")
    assert "-note:Cloze" in lines[0]
    assert not out.exists()


def test_cloze_notes_anki_exports_are_refused_in_text_and_packages(tmp_path: Path) -> None:
    pytest.importorskip("anki")
    from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        deck = collection.decks.id("Biology")
        assert deck is not None
        basic = collection.models.by_name("Basic")
        cloze = collection.models.by_name("Cloze")
        note = collection.new_note(basic)  # type: ignore[arg-type]
        note["Front"], note["Back"] = "Osmosis", "the movement of water"
        collection.add_note(note, deck)
        note = collection.new_note(cloze)  # type: ignore[arg-type]
        note["Text"], note["Back Extra"] = "The {{c1::mitochondrion}} makes ATP.", "powerhouse"
        collection.add_note(note, deck)
        text, package = tmp_path / "notes.txt", tmp_path / "notes.apkg"
        collection.export_note_csv(
            out_path=str(text),
            limit=DeckIdLimit(deck),
            with_html=True,
            with_tags=True,
            with_deck=True,
            with_notetype=True,
            with_guid=True,
        )
        options = ExportAnkiPackageOptions(
            with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False
        )
        collection.export_anki_package(
            out_path=str(package), options=options, limit=DeckIdLimit(deck)
        )
    finally:
        collection.close()
    for path in (text, package):
        out = tmp_path / f"{path.stem}-out.csv"
        result = run("export", path, "-o", out, "--no-memory")
        assert result.exit_code != 0, result.output
        assert f"Error: {path}:" in result.output
        assert "this note is a cloze deletion ('The {{c1::mitochondrion}} makes ATP.')" in (
            result.output
        )
        assert not out.exists()
