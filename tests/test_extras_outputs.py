"""A source's extra columns (part of speech, example, notes...) in the outputs that can hold
them: their own columns in CSV and Excel (read back with the csv module and calamine), a block
on the back of the Anki card (read back with Anki's own backend), a note for Quizlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_export import export_deck, load_glossary
from glossary_export.model import Glossary, Term
from glossary_export.writers import _anki_model
from support_anki import fresh_collection, import_package, notes
from support_export import T0, export
from support_tables import read_csv, read_xlsx

VOCABULARY = (
    "English Term,Part of Speech,Spanish Term,Example\n"
    "harness,n.,arnés,Check the harness.\n"
    "tighten,v.,apretar,\n"
    "sterile,adj.,estéril,Keep it <sterile> & dry.\n"
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "vocab.csv"
    path.write_text(VOCABULARY, encoding="utf-8")
    return path


def test_csv_keeps_the_extra_columns_and_reads_back_the_same(tmp_path: Path, source: Path) -> None:
    export_deck(source, tmp_path / "out.csv")
    rows = read_csv(tmp_path / "out.csv")
    assert rows[0] == ["Term", "Definition", "Acronym", "Tags", "Part of Speech", "Example"]
    assert rows[1:] == [
        ["harness", "arnés", "", "", "n.", "Check the harness."],
        ["tighten", "apretar", "", "", "v.", ""],
        ["sterile", "estéril", "", "", "adj.", "Keep it <sterile> & dry."],
    ]
    again = load_glossary(tmp_path / "out.csv")
    assert [t.extras for t in again] == [t.extras for t in load_glossary(source)]


def test_excel_keeps_the_extra_columns(tmp_path: Path, source: Path) -> None:
    export_deck(source, tmp_path / "out.xlsx")
    sheet = read_xlsx(tmp_path / "out.xlsx")["Terms"]
    assert sheet[0] == ["Term", "Definition", "Acronym", "Tags", "Part of Speech", "Example"]
    assert sheet[2] == ["tighten", "apretar", "", "", "v.", ""]


def test_quizlet_says_it_has_no_place_for_them(tmp_path: Path, source: Path) -> None:
    report = export_deck(source, tmp_path / "out.txt")
    assert any(
        "no place for the other columns ('Part of Speech', 'Example')" in note
        for note in report.files[0].notes
    )


def _glossary(with_extras: bool) -> Glossary:
    rows = [("harness", "arnés", "n."), ("tighten", "apretar", "v."), ("sterile", "estéril", "")]
    return Glossary(
        tuple(
            Term.create(
                term,
                definition,
                extras=(("Part of Speech", pos), ("Example", "a < b"))
                if with_extras and pos
                else (),
            )
            for term, definition, pos in rows
        )
    )


def test_anki_updates_notes_of_an_older_package_in_place_with_the_extras(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The package glossary-export wrote before extras existed: the same note type, with the
    # CSS and date it had then, and definitions alone.
    with monkeypatch.context() as old:
        old.setattr(_anki_model, "MODEL_MODIFIED", 1_735_689_600)
        css = _anki_model.CSS
        for rule in (
            ".extras { margin-top: 0.75em; font-size: 0.8em; color: #656d76; }\n",
            ".extra-name { font-weight: 600; }\n",
            ".prompt ~ .definition .extras { display: none; }\n",
        ):
            assert rule in css
            css = css.replace(rule, "")
        old.setattr(_anki_model, "CSS", css)
        export(_glossary(False), tmp_path / "old.apkg", timestamp=T0, reverse=True)
    export(_glossary(True), tmp_path / "new.apkg", timestamp=T0 + 60, reverse=True)

    with fresh_collection(tmp_path / "anki") as col:
        assert import_package(col, tmp_path / "old.apkg").new == 3
        log = import_package(col, tmp_path / "new.apkg")
        assert (log.new, log.updated, log.conflicting) == (0, 3, 0)
        [note_type] = [m for m in col.models.all() if m["name"] == "glossary-export"]
        assert [field["name"] for field in note_type["flds"]] == list(_anki_model.FIELDS)
        assert ".prompt ~ .definition .extras { display: none; }" in note_type["css"]
        fields = [note.fields[1] for note in notes(col)]
        assert fields == [
            'arnés<div class="extras"><div><span class="extra-name">Part of Speech</span>: n.'
            '</div><div><span class="extra-name">Example</span>: a &lt; b</div></div>',
            'apretar<div class="extras"><div><span class="extra-name">Part of Speech</span>: v.'
            '</div><div><span class="extra-name">Example</span>: a &lt; b</div></div>',
            "estéril",
        ]
        # The back of the Term card shows them; the reverse card's question holds them in
        # the block its CSS hides.
        card = col.get_card(col.find_cards("harness")[0])
        assert "Part of Speech" in card.answer()


def test_an_unchanged_re_export_with_extras_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    export(_glossary(True), target, timestamp=T0)
    with fresh_collection(tmp_path / "anki") as col:
        assert import_package(col, target).new == 3
        export(_glossary(True), target, timestamp=T0 + 60)
        log = import_package(col, target)
        assert (log.new, log.updated, log.duplicate, log.conflicting) == (0, 0, 3, 0)
