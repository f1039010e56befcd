"""The .apkg writer, proven by importing its packages into Anki's real backend."""

from __future__ import annotations

import html
import sqlite3
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection

from glossary_export.errors import OptionError
from glossary_export.model import Glossary, Term
from glossary_export.writers import WriteOptions, apkg
from support_anki import (
    T0,
    deck_card_counts,
    export,
    fresh_collection,
    glossary_of,
    import_package,
    note_by_term,
    notes,
    replace_term,
)


def test_seed_page_imports_as_its_71_unique_entries_in_order(
    seed: Glossary, col: Collection, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.apkg"
    result = export(seed, deck, description=seed.description)

    log = import_package(col, deck)

    assert (log.new, log.conflicting) == (71, 0)
    assert result.terms_written == 71
    fields = [(note["Term"], note["Definition"]) for note in notes(col)]
    assert fields == [
        (html.escape(t.term, quote=False), html.escape(t.definition, quote=False))
        for t in seed.terms
    ]
    assert deck_card_counts(col) == {"LLM Glossary": 71}
    assert col.decks.by_name("LLM Glossary")["desc"] == html.escape(seed.description)
    lora = note_by_term(col, "Low-Rank Adaptation (LoRA)")
    assert lora["Acronym"] == "LoRA"
    assert lora.note_type()["name"] == "glossary-export"


def test_users_flow_updates_exactly_the_three_changed_notes(
    seed: Glossary, col: Collection, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.apkg"
    export(seed, deck, timestamp=T0)
    assert import_package(col, deck).new == 71
    # The user improves an unrelated note inside Anki; that edit must survive the next import.
    kept = note_by_term(col, "Dataset Preparation")
    kept["Definition"] = "my own wording"
    col.update_note(kept)
    respelled_id = note_by_term(col, "Direct Preference Optimisation (DPO)").id

    edited = replace_term(
        seed, "Fine-Tuning", "Fine-Tuning", "Training a pre-trained model further."
    )
    edited = replace_term(edited, "Gradient Descent", "gradient descent")
    edited = replace_term(
        edited, "Direct Preference Optimisation (DPO)", "Direct Preference Optimization (DPO)"
    )
    result = export(edited, deck, timestamp=T0 + 3600)
    log = import_package(col, deck)

    assert (log.new, log.updated, log.duplicate, log.conflicting) == (0, 3, 68, 0)
    assert sorted(log.updated_terms) == [
        "Direct Preference Optimization (DPO)",
        "Fine-Tuning",
        "gradient descent",
    ]
    assert note_by_term(col, "Direct Preference Optimization (DPO)").id == respelled_id
    assert note_by_term(col, "Fine-Tuning")["Definition"] == "Training a pre-trained model further."
    assert note_by_term(col, "Dataset Preparation")["Definition"] == "my own wording"
    assert len(notes(col)) == 71
    assert any(
        '"Direct Preference Optimization (DPO)" updates the note of '
        '"Direct Preference Optimisation (DPO)" (same definition)' in note
        for note in result.notes
    )

    # Rebuilding the unchanged glossary later updates nothing; importing twice adds nothing.
    export(edited, deck, timestamp=T0 + 7200)
    for _ in range(2):
        log = import_package(col, deck)
        assert (log.new, log.updated, log.duplicate) == (0, 0, 71)
    assert note_by_term(col, "Dataset Preparation")["Definition"] == "my own wording"


def test_a_change_dated_before_the_previous_export_still_updates(
    col: Collection, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.apkg"
    export(glossary_of(("Token", "A piece of text.")), deck, timestamp=T0)
    import_package(col, deck)

    export(glossary_of(("Token", "A piece of text a model reads.")), deck, timestamp=T0 - 50)
    log = import_package(col, deck)

    assert (log.new, log.updated) == (0, 1)
    assert note_by_term(col, "Token").mod == T0 + 1


def test_without_memory_every_note_gets_the_content_time(col: Collection, tmp_path: Path) -> None:
    deck = tmp_path / "deck.apkg"
    glossary = glossary_of(("Token", "A piece of text."), ("Prompt", "The input text."))
    export(glossary, deck, timestamp=T0)
    import_package(col, deck)
    deck.unlink()  # the memory is lost: the next export cannot tell what changed

    export(glossary, deck, timestamp=T0 + 60)
    log = import_package(col, deck)

    assert (log.new, log.updated) == (0, 2)
    assert {note.mod for note in notes(col)} == {T0 + 60}


def test_a_foreign_file_at_the_target_is_no_memory(tmp_path: Path, col: Collection) -> None:
    deck = tmp_path / "deck.apkg"
    deck.write_text("not a package")

    result = export(glossary_of(("Token", "A piece of text.")), deck)

    assert import_package(col, deck).new == 1
    assert any("was not written by glossary-export" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (("Colour", "Tint"), ("Color", "Shade")),  # each new term fits two old notes
        (("Colour",), ("Color", "Hue")),  # one old note fits two new terms
    ],
)
def test_ambiguous_respelling_starts_new_notes(
    before: tuple[str, ...], after: tuple[str, ...], col: Collection, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.apkg"
    export(glossary_of(*((term, "What you see.") for term in before)), deck)
    import_package(col, deck)

    result = export(
        glossary_of(*((term, "What you see.") for term in after)), deck, timestamp=T0 + 1
    )

    assert import_package(col, deck).new == len(after)
    assert any("ambiguous" in note for note in result.notes)


def test_an_old_spelling_back_beside_its_respelling_is_a_note_of_its_own(
    col: Collection, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.apkg"
    export(glossary_of(("Colour", "What you see.")), deck)
    import_package(col, deck)
    export(glossary_of(("Color", "What you see.")), deck, timestamp=T0 + 1)
    assert import_package(col, deck).updated == 1  # "Color" took over the note of "Colour"

    # "Colour" returns as another term: its own GUID is the one "Color" now holds.
    export(glossary_of(("Color", "What you see."), ("Colour", "A paint.")), deck, timestamp=T0 + 2)
    log = import_package(col, deck)

    assert (log.new, log.conflicting) == (1, 0)
    assert sorted((note["Term"], note["Definition"]) for note in notes(col)) == [
        ("Color", "What you see."),
        ("Colour", "A paint."),
    ]


def test_very_similar_term_and_definition_keep_the_note(col: Collection, tmp_path: Path) -> None:
    deck = tmp_path / "deck.apkg"
    export(glossary_of(("Tokeniser", "Splits text into tokens for the model.")), deck)
    import_package(col, deck)

    result = export(
        glossary_of(("Tokenizer", "Splits text into tokens for a model.")), deck, timestamp=T0 + 1
    )

    log = import_package(col, deck)
    assert (log.new, log.updated) == (0, 1)
    assert "very similar term and definition" in " ".join(result.notes)


def test_same_glossary_as_two_decks_imports_two_full_decks(
    seed: Glossary, col: Collection, tmp_path: Path
) -> None:
    for name in ("Course A", "Course B"):
        log = import_package(col, _written(seed, tmp_path / f"{name}.apkg", deck=name))
        assert (log.new, log.conflicting) == (71, 0)

    assert deck_card_counts(col) == {"Course A": 71, "Course B": 71}


def test_renamed_deck_keeps_its_notes_only_with_the_old_namespace(
    col: Collection, tmp_path: Path
) -> None:
    glossary = glossary_of(("Token", "A piece of text."))
    deck = tmp_path / "deck.apkg"
    export(glossary, deck, deck="Old name")
    import_package(col, deck)

    result = export(glossary, deck, deck="New name", timestamp=T0 + 1)
    assert import_package(col, deck).new == 1
    assert '--id-namespace "old name"' in " ".join(result.notes)

    kept = tmp_path / "kept.apkg"
    export(glossary, kept, deck="Newer name", id_namespace="Old name", timestamp=T0 + 1)
    assert import_package(col, kept).new == 0


def test_toggling_optional_cards_never_conflicts(col: Collection, tmp_path: Path) -> None:
    glossary = glossary_of(
        ("Low-Rank Adaptation (LoRA)", "Trains small matrices."), ("Token", "Text.")
    )
    deck = tmp_path / "deck.apkg"
    steps = [
        ({}, 2),
        ({"reverse": True, "acronym_cards": True}, 2 + 2 + 1),
        ({}, 5),  # Anki keeps cards whose template no longer applies (Tools → Empty Cards)
        ({"reverse": True}, 5),
    ]
    for step, (options, cards) in enumerate(steps):
        export(glossary, deck, timestamp=T0 + step, **options)
        log = import_package(col, deck)
        assert log.conflicting == 0
        assert log.new + log.updated == 2
        assert col.card_count() == cards
    assert [model.name for model in col.models.all_names_and_ids()].count("glossary-export") == 1


def test_optional_cards_appear_only_where_they_apply(col: Collection, tmp_path: Path) -> None:
    glossary = glossary_of(
        ("Low-Rank Adaptation (LoRA)", "Trains small matrices."), ("Token", "Text.")
    )
    import_package(col, _written(glossary, tmp_path / "deck.apkg", acronym_cards=True))

    lora = note_by_term(col, "Low-Rank Adaptation (LoRA)")
    assert [card.template()["name"] for card in lora.cards()] == [
        "Term → Definition",
        "Acronym → Full name",
    ]
    assert "LoRA" in lora.cards()[1].question()
    assert len(note_by_term(col, "Token").cards()) == 1


def test_plain_text_is_escaped(col: Collection, tmp_path: Path) -> None:
    glossary = glossary_of(("a < b & <i>c</i>", "<script>alert(1)</script>\nsecond line"))
    import_package(col, _written(glossary, tmp_path / "deck.apkg"))

    (note,) = notes(col)
    assert note["Term"] == "a &lt; b &amp; &lt;i&gt;c&lt;/i&gt;"
    assert note["Definition"] == "&lt;script&gt;alert(1)&lt;/script&gt;<br>second line"
    assert "<script" not in "".join(note.fields)
    assert "&lt;i&gt;c&lt;/i&gt;" in note.cards()[0].question()


def test_the_result_counts_the_fields_escaping_changes(tmp_path: Path) -> None:
    glossary = glossary_of(("A & B", "plain"), ("C", "x > y"), ("<i>D</i>", "a < b"), ("E", "f"))

    def escaped(glossary: Glossary, **options: object) -> dict[str, int]:
        return apkg.write(glossary, tmp_path / "deck.apkg", _options(**options)).adjustments

    assert escaped(glossary) == {"fields HTML-escaped": 4}
    assert escaped(glossary, html=True) == {}
    assert escaped(glossary_of(("Token", "A piece\nof text."))) == {}


def test_html_passes_through_when_asked(col: Collection, tmp_path: Path) -> None:
    glossary = glossary_of(("<b>Token</b>", "A piece of <i>text</i>."))
    import_package(col, _written(glossary, tmp_path / "deck.apkg", html=True))

    (note,) = notes(col)
    assert (note["Term"], note["Definition"]) == ("<b>Token</b>", "A piece of <i>text</i>.")


def test_nested_deck_tags_and_description(col: Collection, tmp_path: Path) -> None:
    glossary = Glossary((Term.create("Token", "Text.", tags=("nlp",)),))
    path = _written(
        glossary,
        tmp_path / "deck.apkg",
        deck=" AI :: LLM ",
        tags=("ml", "course::week-1"),
        description="Terms for <week 1>",
    )
    import_package(col, path)

    assert deck_card_counts(col) == {"AI::LLM": 1}
    assert col.decks.by_name("AI") is not None
    assert col.decks.by_name("AI::LLM")["desc"] == "Terms for &lt;week 1&gt;"
    assert sorted(notes(col)[0].tags) == ["course::week-1", "ml", "nlp"]


@pytest.mark.parametrize("deck", ["", "  ", "A::::B", "A::", ":: B", 'Say "hi"'])
def test_unusable_deck_names_are_option_errors(deck: str, tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="deck name"):
        export(glossary_of(("Token", "Text.")), tmp_path / "deck.apkg", deck=deck)
    assert not (tmp_path / "deck.apkg").exists()


def test_tags_with_spaces_are_option_errors(tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="week 1"):
        export(glossary_of(("Token", "Text.")), tmp_path / "deck.apkg", tags=("week 1",))
    glossary = Glossary((Term.create("Token", "Text.", tags=("a b",), file="g.csv", line=3),))
    with pytest.raises(OptionError) as error:
        export(glossary, tmp_path / "deck.apkg")
    assert str(error.value).startswith("g.csv:3: ")


def test_same_input_and_timestamp_give_identical_bytes(seed: Glossary, tmp_path: Path) -> None:
    first = _written(seed, tmp_path / "one.apkg", reverse=True)
    second = _written(seed, tmp_path / "two.apkg", reverse=True)
    assert first.read_bytes() == second.read_bytes()

    # A rebuild over the previous file (the usual case) is identical too.
    export(seed, first, reverse=True)
    assert first.read_bytes() == second.read_bytes()

    with zipfile.ZipFile(first) as package:
        assert package.namelist() == ["collection.anki2", "media"]
        assert {entry.date_time for entry in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_no_temporary_files_are_left(
    seed: Glossary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "out"
    out.mkdir()

    export(seed, out / "deck.apkg")
    export(seed, out / "deck.apkg", timestamp=T0 + 1)

    assert list(scratch.iterdir()) == []
    assert [path.name for path in out.iterdir()] == ["deck.apkg"]


def _written(glossary: Glossary, path: Path, **options: object) -> Path:
    """Write a fresh package (no memory) straight to ``path``."""
    apkg.write(glossary, path, _options(**options))
    return path


def _options(**options: object) -> WriteOptions:
    return WriteOptions(**{"deck": "LLM Glossary", "timestamp": T0, **options})


@pytest.mark.parametrize("count", [1, 49, 50, 51, 100, 149])
@pytest.mark.parametrize("reverse", [False, True])
def test_every_note_and_card_arrives_whatever_the_deck_size(
    tmp_path: Path, count: int, reverse: bool
) -> None:
    """Rows go to SQLite many to an INSERT, then the remainder one by one: every size around
    those batches (50 rows) gives every note, its cards, and the glossary's order."""
    pairs = [(f"Term {n:03}", f"Meaning number {n}.") for n in range(count)]
    deck = tmp_path / "deck.apkg"
    export(glossary_of(*pairs), deck, reverse=reverse)

    with fresh_collection(tmp_path / "anki") as col:
        assert import_package(col, deck).new == count
        assert [(note["Term"], note["Definition"]) for note in notes(col)] == pairs
        cards = [col.get_card(card_id) for card_id in col.find_cards("")]
        assert len(cards) == count * (2 if reverse else 1)
        terms_by_position = sorted((card.due, card.ord, card.note()["Term"]) for card in cards)
        assert [term for _, ordinal, term in terms_by_position if ordinal == 0] == [
            term for term, _ in pairs
        ]


@pytest.mark.parametrize("workers", [1, 3])
def test_a_collection_deflated_in_many_pieces_is_the_same_collection(
    seed: Glossary, col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    from glossary_export.writers import _deflate

    whole = _written(seed, tmp_path / "whole.apkg", reverse=True)
    monkeypatch.setattr(_deflate, "PIECE", 1000)  # the seed's collection is about 100 pieces
    monkeypatch.setattr(_deflate, "WORKERS", workers)
    pieces = _written(seed, tmp_path / "pieces.apkg", reverse=True)

    with zipfile.ZipFile(whole) as one, zipfile.ZipFile(pieces) as other:
        assert other.testzip() is None  # every entry inflates and matches its CRC
        assert other.read("collection.anki2") == one.read("collection.anki2")
        assert other.getinfo("collection.anki2").compress_type == zipfile.ZIP_DEFLATED
    assert (import_package(col, pieces).new, deck_card_counts(col)) == (71, {"LLM Glossary": 142})


@pytest.mark.parametrize("sizes", [[], [0], [5], [70_000, 0, 3, 100_000, 1, 50_000, 7]])
def test_pieces_deflated_apart_make_one_complete_deflate_stream(sizes: list[int]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from glossary_export.writers import _deflate

    pieces = [bytes(range(256)) * (size // 256) + b"x" * (size % 256) for size in sizes]
    with ThreadPoolExecutor(2) as pool:
        compressor = _deflate.ParallelDeflate(pool)
        stream = b"".join(map(compressor.compress, pieces)) + compressor.flush()

    inflater = zlib.decompressobj(-15)  # raw deflate, as in a zip entry
    assert inflater.decompress(stream) == b"".join(pieces)
    assert inflater.eof and not inflater.unused_data  # ended by its final block, nothing after


def test_decks_are_built_in_a_temporary_file_reproducibly(
    seed: Glossary, col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    opened = _spy_on_sqlite(monkeypatch)
    first = _written(seed, tmp_path / "one.apkg", reverse=True)
    second = _written(seed, tmp_path / "two.apkg", reverse=True)

    assert [Path(name).parent.parent for name in opened] == [scratch] * 2
    assert first.read_bytes() == second.read_bytes()
    assert list(scratch.iterdir()) == []
    assert (import_package(col, first).new, deck_card_counts(col)) == (71, {"LLM Glossary": 142})
    fields = [(note["Term"], note["Definition"]) for note in notes(col)]
    assert fields == [
        (html.escape(t.term, quote=False), html.escape(t.definition, quote=False))
        for t in seed.terms
    ]


def test_the_previous_export_at_the_path_is_compared_and_leaves_no_file(
    col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    deck = tmp_path / "deck.apkg"
    export(glossary_of(("Token", "A piece of text."), ("Prompt", "Input.")), deck, timestamp=T0)
    import_package(col, deck)

    changed = glossary_of(("Token", "A piece of text a model reads."), ("Prompt", "Input."))
    result = export(changed, deck, timestamp=T0 + 60)

    log = import_package(col, deck)
    assert (log.new, log.updated) == (0, 1)
    assert "0 new notes, 1 changed and 1 unchanged" in " ".join(result.notes)
    assert list(scratch.iterdir()) == []


def _spy_on_sqlite(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the databases sqlite3.connect opens from now on."""
    opened: list[str] = []
    connect = sqlite3.connect

    def spying_connect(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        opened.append(str(database))
        return connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spying_connect)
    return opened


# A package the writer made before genanki defined the collection (the hand-kept collection of
# glossary-export 0.x, commit 51c52a8), from _compatibility_glossary() with _COMPATIBILITY
# options at T0: what users' collections already hold. Regenerate it only if that glossary
# changes, and only with a writer that is known to import as before.
BEFORE_GENANKI = Path(__file__).parent / "data" / "anki" / "before-genanki.apkg"
_COMPATIBILITY: dict[str, Any] = {
    "deck": "Compat::Deck",
    "description": "Terms & <notes>",
    "tags": ("glossary",),
    "reverse": True,
    "acronym_cards": True,
    "timestamp": T0,
}


def _compatibility_glossary() -> Glossary:
    """A few terms touching every part of a note: acronym, escaping, extras, tags, sub-deck."""
    return Glossary(
        terms=(
            Term.create("Low-Rank Adaptation (LoRA)", "Training small matrices beside the model."),
            Term.create("Tokens < words & more", "Pieces of text a model reads.\nTwo lines."),
            Term.create("Embedding", "A vector for a token.", extras=(("Example", "king - man"),)),
            Term.create("Perplexity", "How surprised a model is.", tags=("metrics",)),
            Term.create("Beam Search (BS)", "Keeping the k best paths.", subdeck="Week 2"),
            Term.create("Temperature", "Sharpens or flattens the sampling.", subdeck="Week 2"),
        )
    )


def _note_type(col: Collection) -> dict[str, Any]:
    """The glossary-export note type as the collection holds it: what Anki compares on import."""
    found = col.models.by_name("glossary-export")
    assert found is not None
    return {key: found[key] for key in ("id", "name", "flds", "tmpls", "css", "mod", "req")}


def _imported(col: Collection) -> list[tuple[Any, ...]]:
    """Each note as imported: GUID, fields, tags, date, and its cards' templates and decks."""
    rows = []
    for note in notes(col):
        cards = sorted((card.ord, col.decks.name(card.did)) for card in note.cards())
        rows.append((note.guid, list(note.fields), note.tags, note.mod, cards))
    return rows


def test_a_deck_exported_before_genanki_updates_in_place(tmp_path: Path) -> None:
    with fresh_collection(tmp_path / "before") as before:
        assert import_package(before, BEFORE_GENANKI).new == 6
        old_type, old_notes = _note_type(before), _imported(before)
        deck = tmp_path / "deck.apkg"
        export(_compatibility_glossary(), deck, **_COMPATIBILITY)
        log = import_package(before, deck)
        assert (log.new, log.updated, log.duplicate, log.conflicting) == (0, 0, 6, 0)
        assert (_note_type(before), _imported(before)) == (old_type, old_notes)
        later = tmp_path / "later.apkg"  # a later export without memory: dated anew
        export(_compatibility_glossary(), later, **{**_COMPATIBILITY, "timestamp": T0 + 60})
        log = import_package(before, later)
        assert (log.new, log.updated, log.conflicting) == (0, 6, 0)
        assert len(notes(before)) == 6
    with fresh_collection(tmp_path / "after") as after:
        assert import_package(after, deck).new == 6
        assert (_note_type(after), _imported(after)) == (old_type, old_notes)
