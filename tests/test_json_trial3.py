"""JSON in the shapes a third new-user trial found refused or misread: groups of terms under
topic keys, numbers and booleans as definitions, dictionary entries (dictionaryapi.dev), a
definition nested under another key, JSON Lines. Each is exported, checked or loaded as a user
would and its cards compared with what a careful reader gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_export import load_glossary
from support_cli import cards, exported, run


def test_json_groups_of_terms_are_sub_decks(tmp_path: Path) -> None:
    source = tmp_path / "fr.json"
    source.write_text(
        json.dumps({"colours": {"red": "rouge", "blue": "bleu"}, "home": {"house": "maison"}})
    )
    glossary = load_glossary(source)
    assert [(t.term, t.definition, t.subdeck, t.line) for t in glossary.terms] == [
        ("red", "rouge", "colours", 1),
        ("blue", "bleu", "colours", 1),
        ("house", "maison", "home", 1),
    ]
    assert any("'colours', 'home' as a group of terms" in note for note in glossary.notes)


def test_json_numbers_and_booleans_are_text(tmp_path: Path) -> None:
    source = tmp_path / "facts.json"
    items = [
        {"term": "e", "definition": 2.71828},
        {"term": 7, "definition": "a prime"},
        {"term": "The sun is a star", "definition": True},
        {"term": "Nothing", "definition": None},
    ]
    source.write_text(json.dumps(items, indent=1))
    result, read = exported(source)
    assert cards(read) == [("e", "2.71828"), ("7", "a prime"), ("The sun is a star", "true")]
    assert "facts.json:" in result.output and "'Nothing'" in result.output


def test_dictionary_entries_read_the_first_sense_of_each_part_of_speech(tmp_path: Path) -> None:
    entry = {
        "word": "light",
        "phonetic": "/laɪt/",
        "meanings": [
            {
                "partOfSpeech": "noun",
                "definitions": [
                    {"definition": "what makes things visible"},
                    {"definition": "a lamp"},
                ],
            },
            {"partOfSpeech": "adjective", "definitions": [{"definition": "not heavy"}]},
        ],
    }
    source = tmp_path / "dictionary.json"
    source.write_text(json.dumps([entry], indent=2))
    result, read = exported(source)
    assert cards(read) == [("light", "what makes things visible; not heavy")]
    assert read[0]["part of speech"] == "noun, adjective"
    assert "meanings[].definitions[0].definition" in result.output
    assert "1 later senses left out" in result.output


def test_export_and_check_agree_on_a_definition_nested_elsewhere(tmp_path: Path) -> None:
    source = tmp_path / "api.json"
    source.write_text(json.dumps([{"word": "ion", "senses": [{"gloss": "a charged atom"}]}]))
    exported_result = run("export", source, "-o", tmp_path / "out.csv", "--no-memory")
    checked = run("check", source)
    for result in (exported_result, checked):
        assert result.exit_code == 1, result.output
        assert "api.json:1: 'ion' has no definition key" in result.output
        assert "senses[].gloss" in result.output


def test_a_term_with_tags_and_no_definition_is_named_not_refused(tmp_path: Path) -> None:
    source = tmp_path / "tagged.json"
    items = [
        {"term": "ion", "definition": "a charged atom"},
        {"term": "isotope", "tags": ["chemistry"], "examples": ["carbon-14"]},
    ]
    source.write_text(json.dumps(items, indent=1))
    result, read = exported(source)
    assert cards(read) == [("ion", "a charged atom")]
    assert "tagged.json:6 'isotope'" in result.output


def test_json_lines_are_read_one_object_a_line(tmp_path: Path) -> None:
    source = tmp_path / "cards.jsonl"
    source.write_text(
        '{"term": "ion", "definition": "a charged atom"}\n\n{"term": "pH", "definition": 7}\n'
    )
    glossary = load_glossary(source)
    assert [(t.term, t.definition, t.line) for t in glossary.terms] == [
        ("ion", "a charged atom", 1),
        ("pH", "7", 3),
    ]
    source.write_text('{"term": "ion", "definition": "a"}\n{"term": "pH"}\n{"term": \n')
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    assert "cards.jsonl:3: invalid JSON on this line of a JSON Lines file" in result.output


def test_one_object_of_terms_under_a_single_key_is_read(tmp_path: Path) -> None:
    source = tmp_path / "fr.json"
    source.write_text(json.dumps({"translations": {"cat": "le chat", "dog": "le chien"}}))
    glossary = load_glossary(source)
    assert [(t.term, t.definition, t.subdeck) for t in glossary.terms] == [
        ("cat", "le chat", ""),
        ("dog", "le chien", ""),
    ]
    assert any("the keys under 'translations' as terms" in note for note in glossary.notes)


def test_records_keyed_by_ids_are_no_groups_of_terms(tmp_path: Path) -> None:
    source = tmp_path / "quiz.json"
    records = {
        "1": {"q": "What is an ion?", "a": "a charged atom"},
        "2": {"q": "pH?", "a": "acidity"},
    }
    source.write_text(json.dumps(records, indent=1))
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    assert "quiz.json:2: this object has no text term" in result.output
    assert "--columns q,a" in result.output
    _, read = exported(source, "--columns", "q,a")
    assert cards(read) == [("What is an ion?", "a charged atom"), ("pH?", "acidity")]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"1": {"q": "What is an ion?", "a": "a charged atom"}}, None),  # keys name no field
        ({"7": {"word": "Hund", "meaning": "dog"}}, [("Hund", "dog")]),
        ({"card": {"term": "Hund", "definition": "dog"}}, [("Hund", "dog")]),
    ],
)
def test_one_record_under_an_id_is_a_record_not_a_group_of_terms(
    record: dict[str, dict[str, str]], expected: list[tuple[str, str]] | None, tmp_path: Path
) -> None:
    source = tmp_path / "one.json"
    source.write_text(json.dumps(record, indent=1))
    if expected is None:
        result = run("export", source, "-o", tmp_path / "out.csv")
        assert result.exit_code == 1
        assert "one.json:2: this object has no text term" in result.output
    else:
        _, read = exported(source)
        assert cards(read) == expected


def test_groups_nested_deeper_are_refused_saying_so(tmp_path: Path) -> None:
    source = tmp_path / "i18n.json"
    nested = {"animals": {"cat": "le chat"}, "food": {"fruit": {"apple": "la pomme"}}}
    source.write_text(json.dumps(nested, indent=1))
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    assert "i18n.json:2: 'animals' holds what reads as terms with their definitions" in (
        result.output
    )
    assert "nested no deeper" in result.output
