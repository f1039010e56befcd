"""JSON in the shapes a fourth new-user trial found refused or misread: one group of terms
under "glossary" or "terms", groups with the same terms in several languages, records keyed by
their term, a record beside groups, and numbers written with a fraction or an exponent. Each is
loaded or exported as a user would and its cards compared with what a careful reader gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_export import load_glossary
from support_cli import exported, run


@pytest.mark.parametrize("key", ["glossary", "terms", "Glossary"])
def test_one_group_of_terms_under_a_list_name_is_read(tmp_path: Path, key: str) -> None:
    source = tmp_path / "fr.json"
    source.write_text(json.dumps({key: {"cat": "le chat", "dog": "le chien"}}, indent=1))
    glossary = load_glossary(source)
    assert [(t.term, t.definition, t.line) for t in glossary.terms] == [
        ("cat", "le chat", 3),
        ("dog", "le chien", 4),
    ]


def test_a_list_under_a_list_name_below_another_key_is_read(tmp_path: Path) -> None:
    source = tmp_path / "wrapped.json"
    document = {"glossary": {"terms": [{"term": "ion", "definition": "a charged atom"}]}}
    source.write_text(json.dumps(document))
    assert [(t.term, t.definition) for t in load_glossary(source).terms] == [
        ("ion", "a charged atom")
    ]


@pytest.mark.parametrize(
    "languages",
    [
        {
            "french": {"cat": "le chat", "dog": "le chien"},
            "spanish": {"cat": "el gato", "dog": "el perro"},
        },
        {
            "Lesson A": {"red": "rouge", "blue": "bleu"},
            "Lesson B": {"red": "rot", "blue": "blau"},
            "Lesson C": {"red": "rosso", "blue": "blu"},
        },
    ],
)
def test_groups_with_the_same_terms_are_groups_not_records(
    tmp_path: Path, languages: dict[str, dict[str, str]]
) -> None:
    source = tmp_path / "languages.json"
    source.write_text(json.dumps(languages, indent=1))
    glossary = load_glossary(source)
    assert [(t.subdeck, t.term, t.definition) for t in glossary.terms] == [
        (group, term, definition)
        for group, members in languages.items()
        for term, definition in members.items()
    ]


@pytest.mark.parametrize(
    ("records", "extras"),
    [
        (
            {
                "cat": {"definition": "le chat", "pos": "noun"},
                "dog": {"definition": "le chien", "pos": "noun"},
            },
            {"pos": "noun"},
        ),
        (
            {
                "ion": {"definition": "a charged atom", "tags": ["chemistry"]},
                "cell": {"meaning": "unit of life"},
            },
            {},
        ),
    ],
)
def test_records_keyed_by_their_term_read_the_key_as_the_term(
    tmp_path: Path, records: dict[str, dict[str, object]], extras: dict[str, str]
) -> None:
    source = tmp_path / "keyed.json"
    source.write_text(json.dumps(records, indent=1))
    _, rows = exported(source)
    assert [row["Term"] for row in rows] == list(records)
    assert [row["Definition"] for row in rows] == [
        next(value for value in record.values() if isinstance(value, str))
        for record in records.values()
    ]
    for name, value in extras.items():
        assert [row[name] for row in rows] == [value] * len(rows)


def test_a_record_beside_groups_of_terms_is_an_error_naming_it(tmp_path: Path) -> None:
    source = tmp_path / "topics.json"
    document = {
        "animals": {"cat": "le chat", "dog": "le chien"},
        "food": {"term": "bread", "definition": "le pain"},
    }
    source.write_text(json.dumps(document, indent=1))
    result = run("export", source, "-o", tmp_path / "out.csv")
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert (
        "topics.json:6: 'food' is one term's record (its keys are 'term', 'definition')" in output
    )
    assert "--columns" not in output
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    "text",
    [
        '{"Avogadro constant": 6.022e23, "one third": 0.3333333333333333, "price": 1.50}',
        '[{"term": "Avogadro constant", "definition": 6.022e23},\n'
        ' {"term": "one third", "definition": 0.3333333333333333},\n'
        ' {"term": "price", "definition": 1.50}]',
        '[["Avogadro constant", 6.022e23], ["one third", 0.3333333333333333], ["price", 1.50]]',
    ],
)
def test_numbers_are_read_as_the_file_writes_them(tmp_path: Path, text: str) -> None:
    source = tmp_path / "numbers.json"
    source.write_text(text)
    assert [(row["Term"], row["Definition"]) for row in exported(source)[1]] == [
        ("Avogadro constant", "6.022e23"),
        ("one third", "0.3333333333333333"),
        ("price", "1.50"),
    ]
