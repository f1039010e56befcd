"""Anki's notes export and packages, as written by Anki's own backend, read without Anki."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from glossary_export.errors import SourceError
from glossary_export.readers import detect_format, read
from support_readers import ANKI_DECK, ANKI_PAIRS, ANKI_TAGS, make_anki_exports, pairs

pytest.importorskip("anki")


@pytest.fixture(scope="module")
def anki_exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_anki_exports(tmp_path_factory.mktemp("anki"))


def test_notes_export_with_every_column(anki_exports: dict[str, Path]) -> None:
    glossary = read(anki_exports["notes-all"])
    assert pairs(glossary) == ANKI_PAIRS
    assert [term.tags for term in glossary] == ANKI_TAGS
    assert glossary.title == ANKI_DECK
    # Six header lines (#separator, #html, four column positions), then one note per line.
    assert [term.line for term in glossary] == [7, 8, 9, 10]


@pytest.mark.parametrize("column", ["guid", "notetype", "deck", "tags"])
def test_notes_export_with_one_extra_column(anki_exports: dict[str, Path], column: str) -> None:
    glossary = read(anki_exports[f"notes-{column}"])
    assert pairs(glossary) == ANKI_PAIRS
    expected_tags = ANKI_TAGS if column == "tags" else [(), (), (), ()]
    assert [term.tags for term in glossary] == expected_tags
    assert glossary.title == (ANKI_DECK if column == "deck" else "")


def test_notes_export_without_html(anki_exports: dict[str, Path]) -> None:
    # With "Include HTML" off, Anki itself flattens the fields; "<" is then literal text.
    glossary = read(anki_exports["notes-plain"])
    assert pairs(glossary) == [(t, d.replace("\n", " ")) for t, d in ANKI_PAIRS]


@pytest.mark.parametrize("name", ["apkg", "apkg-legacy"])
def test_packages(anki_exports: dict[str, Path], name: str) -> None:
    glossary = read(anki_exports[name])
    assert pairs(glossary) == ANKI_PAIRS
    assert [term.tags for term in glossary] == ANKI_TAGS
    assert glossary.title == ANKI_DECK


def test_current_package_is_not_read_from_its_placeholder(anki_exports: dict[str, Path]) -> None:
    with zipfile.ZipFile(anki_exports["apkg"]) as archive:
        names = set(archive.namelist())
    assert {"collection.anki21b", "collection.anki2"} <= names
    assert not any("update" in term.definition for term in read(anki_exports["apkg"]))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("notes-all", "anki-text"),
        ("notes-plain", "anki-text"),
        ("apkg", "apkg"),
        ("apkg-legacy", "apkg"),
    ],
)
def test_detected_without_suffix(
    anki_exports: dict[str, Path], tmp_path: Path, name: str, expected: str
) -> None:
    copy = tmp_path / "export"
    shutil.copyfile(anki_exports[name], copy)
    assert detect_format(str(copy), copy.read_bytes()) == expected
    assert detect_format(str(copy), copy.read_bytes()[:4096]) == expected
    assert pairs(read(copy)) == pairs(read(anki_exports[name]))


def test_genanki_package(tmp_path: Path) -> None:
    """A package written by genanki (legacy collection.anki2 only) reads the same way."""
    import genanki

    model = genanki.Model(
        1607392319,
        "Glossary",
        fields=[{"name": "Term"}, {"name": "Definition"}],
        templates=[{"name": "Card", "qfmt": "{{Term}}", "afmt": "{{Definition}}"}],
    )
    deck = genanki.Deck(2059400110, "Genanki Deck")
    deck.add_note(
        genanki.Note(model=model, fields=["Tokenizer", "Splits <i>text</i>."], tags=["nlp"])
    )
    path = tmp_path / "deck.apkg"
    genanki.Package(deck).write_to_file(path)
    glossary = read(path)
    assert pairs(glossary) == [("Tokenizer", "Splits text.")]
    assert glossary.terms[0].tags == ("nlp",)
    assert glossary.title == "Genanki Deck"


def test_anki_text_headers_written_by_hand(tmp_path: Path) -> None:
    text = (
        "#separator:semicolon\n#html:false\n#tags:imported glossary\n#deck:Biology\n"
        "#columns:Back;Front;Tags\n#tags column:3\n"
        "Powerhouse of the cell;Mitochondrion;cells\n# a comment row\n"
        '"Carries genes; coiled";Chromosome;\n'
    )
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    glossary = read(path)
    assert pairs(glossary) == [
        ("Mitochondrion", "Powerhouse of the cell"),
        ("Chromosome", "Carries genes; coiled"),
    ]
    assert [t.tags for t in glossary] == [
        ("imported", "glossary", "cells"),
        ("imported", "glossary"),
    ]
    assert glossary.title == "Biology"
    assert [t.line for t in glossary] == [7, 9]


def test_separator_given_as_the_character(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("#separator:|\n#html:true\nTokenizer|Splits <b>text</b>\n", encoding="utf-8")
    assert pairs(read(path)) == [("Tokenizer", "Splits text")]


def test_not_a_zip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    path.write_bytes(b"this is not a package")
    with pytest.raises(SourceError, match="not a zip"):
        read(path)


def test_zip_without_a_collection_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("media", "{}")
    with pytest.raises(SourceError, match="no Anki collection"):
        read(path)


def test_damaged_collection_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", b"SQLite format 3\x00" + b"\xff" * 200)
    with pytest.raises(SourceError, match="damaged"):
        read(path)


def test_legacy_collection_from_sqlite(tmp_path: Path) -> None:
    """A minimal schema-11 collection: decks in col.decks JSON, fields split by \\x1f."""
    database = tmp_path / "collection.anki2"
    with sqlite3.connect(database) as connection:
        connection.executescript(
            "CREATE TABLE col (decks TEXT);"
            "CREATE TABLE notes (id INTEGER, tags TEXT, flds TEXT);"
            "CREATE TABLE cards (nid INTEGER, did INTEGER);"
        )
        connection.execute(
            "INSERT INTO col VALUES (?)",
            ('{"1": {"id": 1, "name": "Default"}, "7": {"id": 7, "name": "A::B"}}',),
        )
        connection.execute("INSERT INTO notes VALUES (2, ' t1 ', 'Second\x1fdef 2')")
        connection.execute("INSERT INTO notes VALUES (1, '', 'First\x1fdef 1\x1fextra')")
        connection.execute("INSERT INTO cards VALUES (1, 7), (2, 7)")
    connection.close()
    path = tmp_path / "deck.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(database, "collection.anki2")
    glossary = read(path)
    assert pairs(glossary) == [("First", "def 1"), ("Second", "def 2")]
    assert glossary.terms[1].tags == ("t1",)
    assert glossary.title == "A::B"


EXTRAS_CSV = (
    "Word,Definition,Part of Speech,Example,Tags\n"
    'run,to move fast,verb,"I run; she runs EXAMPLE",sport;verbs\n'
    "set,a group,noun,,maths\n"
    'bank,the side of a river,,"a line\nand another",\n'
)


# Plain fields are escaped; HTML fields are HTML, read back as the text Anki shows.
@pytest.mark.parametrize(
    ("html", "example", "shown"),
    [(False, "<fast> & far", "<fast> & far"), (True, "<b>fast</b> &amp; far", "fast & far")],
)
def test_our_package_reads_back_with_its_extras_apart(
    tmp_path: Path, html: bool, example: str, shown: str
) -> None:
    from glossary_export import export_deck

    source = tmp_path / "words.csv"
    source.write_text(EXTRAS_CSV.replace("EXAMPLE", example), encoding="utf-8")
    package = tmp_path / "words.apkg"
    export_deck(source, package, memory=False, html=html)
    glossary = read(package)
    assert pairs(glossary) == [
        ("run", "to move fast"),
        ("set", "a group"),
        ("bank", "the side of a river"),
    ]
    assert [term.extras for term in glossary] == [
        (("Part of Speech", "verb"), ("Example", f"I run; she runs {shown}")),
        (("Part of Speech", "noun"),),
        # A line break is one in a plain field, white space in an HTML one.
        (("Example", "a line and another" if html else "a line\nand another"),),
    ]


def test_a_definition_field_that_only_looks_like_extras_is_kept(tmp_path: Path) -> None:
    from glossary_export import export_deck

    source = tmp_path / "words.csv"
    source.write_text(
        'Term,Definition\nhtml,"a <div class=""extras"">box</div> in a page"\n', encoding="utf-8"
    )
    package = tmp_path / "words.apkg"
    export_deck(source, package, memory=False)
    assert [(t.definition, t.extras) for t in read(package)] == [
        ('a <div class="extras">box</div> in a page', ())
    ]


def test_semicolon_and_comma_tag_cells_are_anki_tags(tmp_path: Path) -> None:
    from glossary_export import export_deck
    from support_anki import fresh_collection, import_package, note_by_term

    source = tmp_path / "tags.csv"
    source.write_text(
        "Term,Definition,Tags\nOsmosis,diffusion of water,biology;cells\n"
        'Mitosis,cell division,"biology, exam"\nMeiosis,cell division in two steps,biology; exam\n',
        encoding="utf-8",
    )
    package = tmp_path / "tags.apkg"
    export_deck(source, package, memory=False)
    with fresh_collection(tmp_path / "anki") as col:
        import_package(col, package)
        assert sorted(note_by_term(col, "Osmosis").tags) == ["biology", "cells"]
        assert sorted(note_by_term(col, "Mitosis").tags) == ["biology", "exam"]
        assert sorted(note_by_term(col, "Meiosis").tags) == ["biology", "exam"]
