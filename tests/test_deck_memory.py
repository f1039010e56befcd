"""The deck memory: updates stay precise wherever the last export went, proven through Anki.

Each flow is what a user does: export the study page, import it into Anki, edit a note inside
Anki, respell a term and reword a definition in the page, lose or rename the exported file,
export again and import. Anki's own importer (tests/support_anki.py) says what changed.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection
from click.testing import CliRunner

from glossary_export import export_deck
from glossary_export.cli import cli
from support_anki import (
    deck_card_counts,
    fresh_collection,
    import_package,
    import_text,
    note_by_term,
    notes,
)

T0 = 1_700_000_000
RESPELLED = ("Direct Preference Optimisation", "Direct Preference Optimization")
REWORDED = ("Pipeline that retrieves", "A pipeline that retrieves")
CHANGED = ["Direct Preference Optimization (DPO)", "Retrieval-Augmented Generation (RAG)"]
EDITED_IN_ANKI = "Dataset Preparation"


@pytest.fixture
def page(seed_path: Path, tmp_path: Path) -> Path:
    """A copy of the study page, dated T0 (its date is the content's time)."""
    copy = tmp_path / "page.txt"
    copy.write_bytes(seed_path.read_bytes())
    os.utime(copy, (T0, T0))
    return copy


def _edit_page(page: Path) -> None:
    """Respell one term and reword another's definition, an hour later."""
    text = page.read_text(encoding="utf-8")
    for old, new in (RESPELLED, REWORDED):
        assert old in text
        text = text.replace(old, new)
    page.write_text(text, encoding="utf-8")
    os.utime(page, (T0 + 3600, T0 + 3600))


def _edit_in_anki(col: Collection) -> None:
    note = note_by_term(col, EDITED_IN_ANKI)
    note["Definition"] = "my own wording"
    col.update_note(note)


def test_a_deleted_package_still_updates_exactly_the_changed_notes(
    page: Path, tmp_path: Path, col: Collection, memory_folder: Path
) -> None:
    deck = tmp_path / "deck.apkg"
    first = export_deck(page, deck)
    assert import_package(col, deck).new == 71
    assert [path.parent for path in first.memory_files] == [memory_folder]
    _edit_in_anki(col)
    respelled_id = note_by_term(col, "Direct Preference Optimisation (DPO)").id
    _edit_page(page)
    deck.unlink()  # imported, then deleted, as many people do

    report = export_deck(page, deck)
    log = import_package(col, deck)

    assert (log.new, log.updated, log.duplicate, log.conflicting) == (0, 2, 69, 0)
    assert sorted(log.updated_terms) == CHANGED
    assert note_by_term(col, "Direct Preference Optimization (DPO)").id == respelled_id
    assert note_by_term(col, EDITED_IN_ANKI)["Definition"] == "my own wording"
    comparison = report.files[0].comparison
    assert comparison is not None
    assert (comparison.origin, comparison.notes) == (str(first.memory_files[0]), 71)
    assert (comparison.new, comparison.changed, comparison.unchanged) == (0, 2, 69)
    summary = report.files[0].notes[-1]
    assert re.fullmatch(
        r"compared with the export of \d{4}-\d\d-\d\d \d\d:\d\d \(71 notes\): 0 new notes, "
        r"2 changed and 69 unchanged; Anki's import will update only the changed ones",
        summary,
    )


# Written by the release before the memory's version 2 (commit d82bd12) from the study page
# dated T0, as page.txt: its package, and the version 1 memory of that export (SHA-256 digests).
V1 = Path(__file__).parent / "data" / "anki"


@pytest.mark.parametrize("edited", [True, False], ids=["page edited", "page unchanged"])
def test_an_earlier_releases_memory_still_updates_exactly_the_changed_notes(
    edited: bool, page: Path, tmp_path: Path, col: Collection, memory_folder: Path
) -> None:
    assert import_package(col, V1 / "page-v1.apkg").new == 71
    memory_folder.mkdir(parents=True)
    (old_memory,) = (V1 / "memory-v1").iterdir()
    (memory_folder / old_memory.name).write_bytes(old_memory.read_bytes())
    _edit_in_anki(col)
    if edited:
        _edit_page(page)

    report = export_deck(page, tmp_path / "deck.apkg")
    log = import_package(col, tmp_path / "deck.apkg")

    changed = 2 if edited else 0
    assert (log.new, log.updated, log.conflicting) == (0, changed, 0)
    assert sorted(log.updated_terms) == (CHANGED if edited else [])
    assert note_by_term(col, EDITED_IN_ANKI)["Definition"] == "my own wording"
    summary = report.files[0].notes[-1]
    assert f"0 new notes, {changed} changed and {71 - changed} unchanged" in summary
    (memory,) = report.memory_files
    first_line = memory.read_text(encoding="utf-8").split("\n")[0]
    assert first_line == "# glossary-export deck memory, version 2"
    # The memory now written serves the next export just as well.
    again = export_deck(page, tmp_path / "again.apkg")
    assert import_package(col, tmp_path / "again.apkg").updated == 0
    assert "0 new notes, 0 changed and 71 unchanged" in again.files[0].notes[-1]


def test_a_new_output_name_each_time_still_updates_exactly_the_changed_notes(
    page: Path, tmp_path: Path, col: Collection
) -> None:
    export_deck(page, tmp_path / "deck-v1.apkg")
    assert import_package(col, tmp_path / "deck-v1.apkg").new == 71
    _edit_in_anki(col)
    _edit_page(page)

    report = export_deck(page, tmp_path / "deck-v2.apkg")
    log = import_package(col, tmp_path / "deck-v2.apkg")

    assert (log.new, log.updated, log.duplicate, log.conflicting) == (0, 2, 69, 0)
    assert sorted(log.updated_terms) == CHANGED
    assert note_by_term(col, EDITED_IN_ANKI)["Definition"] == "my own wording"
    assert report.files[0].adjustments == {"respelled terms kept their note": 1}


def test_anki_text_files_follow_the_memory_too(page: Path, tmp_path: Path, col: Collection) -> None:
    """The same flow through .anki.txt files. Anki's text importer has no modification times:
    it replaces every note whose fields differ from the file, so the note edited inside Anki
    is replaced as well (the summary says so); the respelling keeps its note."""
    other = tmp_path / "other.apkg"  # gives the collection the glossary-export note type
    export_deck([("Unrelated", "Elsewhere.")], other, deck="Other")
    import_package(col, other)
    text = tmp_path / "deck.anki.txt"
    export_deck(page, text)
    assert import_text(col, text).new == 71
    _edit_in_anki(col)
    respelled_id = note_by_term(col, "Direct Preference Optimisation (DPO)").id
    _edit_page(page)
    text.unlink()

    report = export_deck(page, tmp_path / "deck-v2.anki.txt")
    log = import_text(col, tmp_path / "deck-v2.anki.txt")

    assert (log.new, log.updated, log.conflicting) == (0, 3, 0)  # the 2 changed + the edited
    assert note_by_term(col, "Direct Preference Optimization (DPO)").id == respelled_id
    assert note_by_term(col, EDITED_IN_ANKI)["Definition"] != "my own wording"
    assert "0 new notes, 2 changed and 69 unchanged" in report.files[0].notes[-1]
    assert "a text import also replaces what you edited inside Anki" in report.files[0].notes[-1]


def test_two_decks_never_share_or_clobber_each_others_memory(
    tmp_path: Path, col: Collection, memory_folder: Path
) -> None:
    biology = [("Cell", "The unit of life."), ("Osmosis", "Water crossing a membrane.")]
    chemistry = [("Cell", "Where a reaction happens."), ("Ion", "A charged atom.")]
    reports = [
        export_deck(pairs, tmp_path / f"{name}.apkg", deck=name)
        for name, pairs in (("Biology", biology), ("Chemistry", chemistry))
    ]
    for name in ("Biology", "Chemistry"):
        assert import_package(col, tmp_path / f"{name}.apkg").new == 2
    files = [report.memory_files[0] for report in reports]
    assert len(set(files)) == 2 and sorted(memory_folder.iterdir()) == sorted(files)
    for name in ("Biology", "Chemistry"):
        (tmp_path / f"{name}.apkg").unlink()

    biology[0] = ("Cell", "The smallest unit of life.")
    again = [
        export_deck(pairs, tmp_path / f"{name}-2.apkg", deck=name)
        for name, pairs in (("Biology", biology), ("Chemistry", chemistry))
    ]
    logs = [import_package(col, tmp_path / f"{name}-2.apkg") for name in ("Biology", "Chemistry")]

    assert [(log.new, log.updated) for log in logs] == [(0, 1), (0, 0)]
    assert [report.files[0].comparison.origin for report in again] == [str(f) for f in files]  # type: ignore[union-attr]
    assert deck_card_counts(col) == {"Biology": 2, "Chemistry": 2}
    cells = {col.decks.name(note.cards()[0].did): note["Definition"] for note in notes(col)}
    assert cells["Biology"] != cells["Chemistry"]


def _garbage(path: Path, other: Path) -> None:
    path.write_bytes(b"\x00\xffnot a memory\n")


def _cut_short(path: Path, other: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _another_decks(path: Path, other: Path) -> None:
    path.write_bytes(other.read_bytes())  # copied over it by hand


def _bad_digest(path: Path, other: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3][:5] + lines[3][17:]  # the content digests: one cut short
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("damage", [_garbage, _cut_short, _another_decks, _bad_digest])
def test_a_corrupt_or_foreign_memory_is_a_warning_and_a_fresh_start(
    damage: Any, page: Path, tmp_path: Path, col: Collection
) -> None:
    deck = tmp_path / "deck.apkg"
    stored = export_deck(page, deck).memory_files[0]
    other = export_deck([("Cell", "Life.")], tmp_path / "other.apkg", deck="Other")
    import_package(col, deck)
    _edit_page(page)
    deck.unlink()
    damage(stored, other.memory_files[0])

    report = export_deck(page, deck)
    log = import_package(col, deck)

    (warning,) = report.warnings
    assert warning.startswith(f"the deck memory {stored} is ignored, as it ")
    assert report.files[0].comparison is None
    assert "first export of this deck" in report.files[0].notes[-1]
    # A fresh start: every note dated now, the respelled term a new note, nothing matched wrong.
    assert (log.new, log.updated, log.conflicting) == (1, 70, 0)
    assert note_by_term(col, "Direct Preference Optimisation (DPO)")
    # The next export has a sound memory again.
    assert export_deck(page, tmp_path / "next.apkg").files[0].comparison is not None


def test_an_unwritable_memory_still_writes_the_outputs_and_warns(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the memory folder should be")
    monkeypatch.setenv("GLOSSARY_EXPORT_MEMORY", str(blocked / "memory"))
    deck = tmp_path / "deck.apkg"

    result = CliRunner().invoke(cli, ["export", str(page), "-o", str(deck)])

    assert result.exit_code == 0, result.output
    assert deck.is_file()
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1
    assert f"the deck memory could not be saved in {blocked / 'memory'}" in warnings[0]
    assert "Traceback" not in result.output


def test_memory_and_no_memory_options(page: Path, tmp_path: Path, memory_folder: Path) -> None:
    team = tmp_path / "team-memory"
    run = CliRunner().invoke
    a = ["export", str(page), "-o", str(tmp_path / "a.apkg"), "--memory", str(team), "-v"]
    result = run(cli, a)
    assert result.exit_code == 0, result.output
    (stored,) = team.iterdir()
    assert not memory_folder.exists()
    assert f"Deck memory: {stored}\n" in result.output

    # A second computer sharing the folder compares with that export.
    result = run(cli, ["export", str(page), "-o", str(tmp_path / "b.apkg"), "--memory", str(team)])
    assert "compared with the export of" in result.output

    result = run(cli, ["export", str(page), "-o", str(tmp_path / "c.apkg"), "--no-memory"])
    assert "first export of this deck" in result.output
    assert not memory_folder.exists()

    both = ["export", str(page), "-o", str(tmp_path / "d.apkg"), "--no-memory", "--memory", "x"]
    result = run(cli, both)
    assert result.exit_code == 2
    assert "contradict" in result.stderr


def test_source_date_epoch_builds_are_identical_given_the_same_memory(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(T0 + 5))
    first = tmp_path / "one.apkg"
    export_deck(page, first, memory=tmp_path / "m1")
    export_deck(page, tmp_path / "two.apkg", memory=tmp_path / "m2")
    export_deck(page, tmp_path / "three.apkg", memory=tmp_path / "m1")  # compared with one
    export_deck(page, tmp_path / "four.apkg", memory=False)
    for name in ("two", "three", "four"):
        assert (tmp_path / f"{name}.apkg").read_bytes() == first.read_bytes(), name


def test_a_renamed_deck_tells_how_to_rename_it_in_anki(tmp_path: Path, col: Collection) -> None:
    pairs = [("Token", "A piece of text."), ("Prompt", "The input.")]
    export_deck(pairs, tmp_path / "old.apkg", deck="Old name")
    import_package(col, tmp_path / "old.apkg")

    report = export_deck(pairs, tmp_path / "new.apkg", deck="New name", id_namespace="Old name")

    assert any(
        'rename "Old name" to "New name" inside Anki' in note for note in report.files[0].notes
    )
    # What the advice is about: without the rename, Anki leaves the cards where they are.
    with fresh_collection(tmp_path / "unrenamed") as unrenamed:
        import_package(unrenamed, tmp_path / "old.apkg")
        assert import_package(unrenamed, tmp_path / "new.apkg").new == 0
        assert deck_card_counts(unrenamed) == {"Old name": 2}
    col.decks.rename(col.decks.by_name("Old name")["id"], "New name")  # as the advice says
    log = import_package(col, tmp_path / "new.apkg")
    assert (log.new, log.updated) == (0, 0)
    assert deck_card_counts(col) == {"New name": 2}
    again = export_deck(pairs, tmp_path / "newer.apkg", deck="New name", id_namespace="Old name")
    assert not any("rename" in note for note in again.files[0].notes)


def _damaged_text_package(path: Path, tmp_path: Path) -> None:
    """A package of ours whose SQLite text is not UTF-8 (as a fuzz run made one)."""
    export_deck([("Token", "A piece of text.")], path, memory=False)
    collection = tmp_path / "collection.anki2"
    with zipfile.ZipFile(path) as package:
        collection.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(collection) as database:
        database.execute("UPDATE notes SET flds = CAST(X'54FF6B656E1F41' AS TEXT)")
    database.close()
    with zipfile.ZipFile(path, "w") as package:
        package.write(collection, "collection.anki2")
        package.writestr("media", "{}")


def test_a_package_whose_text_is_not_utf8_is_a_damaged_file(tmp_path: Path) -> None:
    package = tmp_path / "damaged.apkg"
    _damaged_text_package(package, tmp_path)

    result = CliRunner().invoke(cli, ["check", str(package)])

    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {package}: the Anki collection inside is damaged (its text is not UTF-8); "
        "export the deck again\n"
    )


def test_a_damaged_package_at_the_output_path_is_replaced_with_a_warning(
    tmp_path: Path, col: Collection
) -> None:
    deck = tmp_path / "deck.apkg"
    _damaged_text_package(deck, tmp_path)
    source = tmp_path / "terms.csv"
    source.write_text("term,definition\nToken,A piece of text.\nPrompt,The input.\n")

    result = CliRunner().invoke(cli, ["export", str(source), "-o", str(deck)])

    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "Warning: the file already at deck.apkg could not be read as an earlier export (the "
        "Anki collection inside is damaged (its text is not UTF-8); export the deck again); "
        "it is replaced by this export\n"
    )
    assert import_package(col, deck).new == 2
    with fresh_collection(tmp_path / "second") as second:
        assert import_package(second, deck).new == 2


def _foreign_note_shape(path: Path, tmp_path: Path) -> None:
    """A package with our note type and metadata whose notes have one field only."""
    export_deck([("Token", "A piece of text.")], path, memory=False)
    collection = tmp_path / "collection.anki2"
    with zipfile.ZipFile(path) as package:
        collection.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(collection) as database:
        database.execute("UPDATE notes SET flds = 'Token'")
    database.close()
    with zipfile.ZipFile(path, "w") as package:
        package.write(collection, "collection.anki2")


def _damaged_deflate(path: Path, tmp_path: Path) -> None:
    export_deck([("Token", "A piece of text.")], path, memory=False)
    data = bytearray(path.read_bytes())
    data[60:200] = bytes(140)  # inside the deflated collection: the zip index still reads
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_foreign_note_shape, _damaged_deflate])
def test_any_unreadable_file_at_the_output_path_is_replaced(
    damage: Any, tmp_path: Path, col: Collection
) -> None:
    deck = tmp_path / "deck.apkg"
    damage(deck, tmp_path)

    report = export_deck([("Token", "A piece of text."), ("Prompt", "The input.")], deck)

    (warning,) = report.warnings
    assert "deck.apkg" in warning and "it is replaced by this export" in warning
    assert import_package(col, deck).new == 2


def test_terms_with_tabs_and_line_breaks_keep_their_notes_through_the_memory(
    tmp_path: Path, col: Collection
) -> None:
    pairs = [("Tab\tterm", "One."), ("Line\nbreak", "Two."), ("Carriage\r\nreturn", "Three.")]
    deck = tmp_path / "deck.apkg"
    export_deck(pairs, deck, deck="Odd")
    import_package(col, deck)
    deck.unlink()

    pairs[0] = ("Tab\tterm", "One, reworded.")
    report = export_deck(pairs, deck, deck="Odd")

    comparison = report.files[0].comparison
    assert comparison is not None
    assert (comparison.new, comparison.changed, comparison.unchanged) == (0, 1, 2)
    log = import_package(col, deck)
    assert (log.new, log.updated) == (0, 1)


def test_messages_name_the_old_term_as_it_was_written(page: Path, tmp_path: Path) -> None:
    export_deck(page, tmp_path / "deck.apkg")
    (tmp_path / "deck.apkg").unlink()
    _edit_page(page)

    report = export_deck(page, tmp_path / "deck.apkg")

    assert (
        '"Direct Preference Optimization (DPO)" updates the note of '
        '"Direct Preference Optimisation (DPO)" (same definition), not a new one'
    ) in report.files[0].notes


def test_unchanged_re_exports_keep_the_memory_exact(page: Path, tmp_path: Path) -> None:
    stored = export_deck(page, tmp_path / "one.apkg").memory_files[0]
    lines = stored.read_text(encoding="utf-8").splitlines()
    for name in ("two", "three"):  # nothing changed: the notes' lines are written back as read
        report = export_deck(page, tmp_path / f"{name}.apkg")
        assert report.warnings == []
        assert stored.read_text(encoding="utf-8").splitlines()[2:] == lines[2:]
    assert (tmp_path / "three.apkg").read_bytes() == (tmp_path / "one.apkg").read_bytes()

    _edit_page(page)
    comparison = export_deck(page, tmp_path / "four.apkg").files[0].comparison
    assert comparison is not None
    assert (comparison.new, comparison.changed, comparison.unchanged) == (0, 2, 69)


def _page_guids(page: Path) -> dict[str, str]:
    """Each term's note GUID as the study page carries it (its JSON data block)."""
    found = re.search(
        r'<script type="application/json" id="deck-data">(.*?)</script>', page.read_text()
    )
    assert found is not None
    return {term: guid for guid, term, *_ in json.loads(found.group(1))["terms"]}


def test_a_study_page_alone_keys_progress_by_the_remembered_guids(
    page: Path, tmp_path: Path, col: Collection, memory_folder: Path
) -> None:
    deck, study = tmp_path / "deck.apkg", tmp_path / "study.html"
    export_deck(page, deck)
    import_package(col, deck)
    old = note_by_term(col, "Direct Preference Optimisation (DPO)")
    remembered = {path: path.read_bytes() for path in memory_folder.iterdir()}
    _edit_page(page)

    report = export_deck(page, study)  # the study page only: the memory is read, not changed

    assert _page_guids(study)["Direct Preference Optimization (DPO)"] == old.guid
    assert report.memory_files == []
    assert {path: path.read_bytes() for path in memory_folder.iterdir()} == remembered


def test_a_respelled_term_keeps_its_notes_guid_on_the_study_page(
    page: Path, tmp_path: Path, col: Collection
) -> None:
    deck, study = tmp_path / "deck.apkg", tmp_path / "study.html"
    export_deck(page, [deck, study])
    import_package(col, deck)
    old = note_by_term(col, "Direct Preference Optimisation (DPO)")
    assert _page_guids(study)["Direct Preference Optimisation (DPO)"] == old.guid
    _edit_page(page)
    deck.unlink()

    export_deck(page, [deck, study])

    assert import_package(col, deck).new == 0
    respelled = note_by_term(col, "Direct Preference Optimization (DPO)")
    assert respelled.id == old.id
    guids = _page_guids(study)
    assert guids["Direct Preference Optimization (DPO)"] == respelled.guid == old.guid
    assert {guids[note.fields[0]] for note in notes(col)} == {note.guid for note in notes(col)}
