"""Tables and JSON in the shapes a fifth new-user trial found misread: header names in other
languages typed with or without their accents, a verb table, a comma inside the term, a
romanisation column without a header, and Excel's ``sep=`` line in a .txt file. Each is
exported as a user would and its cards compared with what a careful reader gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support_cli import cards, exported, run

ANIMALS = [("chat", "cat"), ("chien", "dog"), ("cheval", "horse")]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "header",
    [
        "Terme;Définition",
        "Mot;Définitions",
        "Vocabulaire;DÉFINITION",
        "Mots;Traductions",
        "Begriffe;Erklärungen",
        "Wörter;Bedeutungen",
        "Palabras;Definiciones",
        "Término;Explicación",
        "Parola;Significati",
        "Termos;Definições",
        "Palavras;Traduções",
        "Woorden;Betekenissen",
        "Słowo;Znaczenia",
        "Ord;Förklaring",
        "Cuvânt;Definiție",
    ],
)
def test_a_header_in_another_language_is_no_card(tmp_path: Path, header: str) -> None:
    body = "".join(f"{term};{definition}\n" for term, definition in ANIMALS)
    _, rows = exported(_write(tmp_path, "words.csv", f"{header}\n{body}"))
    assert cards(rows) == ANIMALS


def test_a_french_header_with_a_remarks_column_keeps_the_remarks(tmp_path: Path) -> None:
    text = "Terme;Définition;Remarque\npi;3,14159;constante\ng;9,81 m/s²;pesanteur\n"
    _, rows = exported(_write(tmp_path, "constantes.csv", text))
    assert cards(rows) == [("pi", "3,14159"), ("g", "9,81 m/s²")]
    assert [row["Remarque"] for row in rows] == ["constante", "pesanteur"]


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        (
            "Infinitiv;Präsens (er);Präteritum;Perfekt;Englisch",
            "gehen;geht;ging;ist gegangen;to go\nsehen;sieht;sah;hat gesehen;to see\n",
            [("gehen", "to go"), ("sehen", "to see")],
        ),
        (
            "Infinitif;Présent (il);Passé composé;Anglais",
            "aller;va;est allé;to go\nvoir;voit;a vu;to see\n",
            [("aller", "to go"), ("voir", "to see")],
        ),
        (
            "Infinitivo;Presente;Pretérito;Inglés",
            "ir;va;fue;to go\nver;ve;vio;to see\n",
            [("ir", "to go"), ("ver", "to see")],
        ),
    ],
)
def test_a_verb_table_is_read_infinitive_to_translation(
    tmp_path: Path, header: str, body: str, expected: list[tuple[str, str]]
) -> None:
    _, rows = exported(_write(tmp_path, "verbs.csv", f"{header}\n{body}"))
    assert cards(rows) == expected
    # The conjugations travel with the verb as extras, under their own names.
    assert header.split(";")[1] in rows[0]


# JSON: keys named as in tables, records nested in "fields", a group of terms in a wrapper.


def _json(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "glossary.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("term", "definition"),
    [("Begriff", "Erklärung"), ("mot", "définition"), ("term", "Erklärung"), ("Wort", "Englisch")],
)
def test_json_keys_are_read_by_the_names_of_tables(
    tmp_path: Path, term: str, definition: str
) -> None:
    records = [{term: word, definition: meaning} for word, meaning in ANIMALS]
    _, rows = exported(_json(tmp_path, records))
    assert cards(rows) == ANIMALS


def test_json_records_keyed_by_their_term_are_read_by_the_names_of_tables(
    tmp_path: Path,
) -> None:
    records = {word: {"Erklärung": meaning, "Genus": "m"} for word, meaning in ANIMALS}
    _, rows = exported(_json(tmp_path, records))
    assert cards(rows) == ANIMALS
    assert [row["Genus"] for row in rows] == ["m"] * 3


AIRTABLE = {
    "records": [
        {"id": f"rec{n}", "createdTime": "2026-01-01T00:00:00.000Z", "fields": fields}
        for n, fields in enumerate(
            [{"Term": "chat", "Definition": "cat"}, {"Term": "chien", "Definition": "dog"}]
        )
    ]
}


def test_json_records_nested_in_fields_are_read(tmp_path: Path) -> None:
    result, rows = exported(_json(tmp_path, AIRTABLE))
    assert cards(rows) == ANIMALS[:2]
    assert "'fields'" in result.output


def test_json_records_nested_under_other_names_are_named_with_columns(tmp_path: Path) -> None:
    document = {
        "records": [
            {"id": record["id"], "fields": {"Q": fields["Term"], "A": fields["Definition"]}}
            for record in AIRTABLE["records"]
            for fields in [record["fields"]]
        ]
    }
    source = _json(tmp_path, document)
    refused = run("export", source, "-o", tmp_path / "out.csv", "--no-memory")
    assert refused.exit_code == 1
    assert "--columns Q,A" in refused.output and "--columns id" not in refused.output
    _, rows = exported(source, "--columns", "Q,A")
    assert cards(rows) == ANIMALS[:2]


def test_json_terms_beside_a_title_and_version_are_read_titled(tmp_path: Path) -> None:
    document = {"title": "French animals", "version": 2, "cards": dict(ANIMALS)}
    source = _json(tmp_path, document)
    _, rows = exported(source)
    assert cards(rows) == ANIMALS
    out = tmp_path / "deck.anki.txt"
    assert run("export", source, "-o", out, "--no-memory").exit_code == 0
    assert "#deck:French animals" in out.read_text(encoding="utf-8").splitlines()


def test_json_terms_beside_unknown_members_are_refused_with_advice_that_works(
    tmp_path: Path,
) -> None:
    source = _json(tmp_path, {"title": "French animals", "revision": 2, "cards": dict(ANIMALS)})
    refused = run("export", source, "-o", tmp_path / "out.csv", "--no-memory")
    assert refused.exit_code == 1
    assert "glossary.json:4: 'cards' holds terms" in refused.output
    assert '"version"' in refused.output
    # The advice: name the member "version".
    _json(tmp_path, {"title": "French animals", "version": 2, "cards": dict(ANIMALS)})
    _, rows = exported(source)
    assert cards(rows) == ANIMALS


# A comma inside the term: typed with a space after it, which no CSV writer does.

PLURALS = [("der Hund, -e", "dog"), ("die Katze, -n", "cat"), ("das Haus, -¨er", "house")]


def test_an_unquoted_comma_in_the_term_under_a_header_stays_in_the_term(tmp_path: Path) -> None:
    body = "".join(f"{term},{definition}\n" for term, definition in PLURALS)
    source = _write(tmp_path, "plurals.csv", f"Deutsch,Englisch\n{body}gehen,to go, to walk\n")
    result, rows = exported(source)
    assert cards(rows) == [*PLURALS, ("gehen", "to go, to walk")]
    assert "plurals.csv:2: 3 cells where the table has 2: the term held" in result.output
    assert "plurals.csv:5: 3 cells where the table has 2: the definition held" in result.output


def test_an_unquoted_comma_in_the_term_without_a_header_stays_in_the_term(
    tmp_path: Path,
) -> None:
    body = "".join(f"{term},{definition}\n" for term, definition in PLURALS)
    result, rows = exported(_write(tmp_path, "plurals.csv", body))
    assert cards(rows) == PLURALS
    assert "column 2 starts with a space on every line" in result.output


def test_a_text_list_of_principal_parts_is_a_list_not_a_csv(tmp_path: Path) -> None:
    verbs = [
        ("amo, amare, amavi, amatum", "to love"),
        ("video, videre, vidi, visum", "to see"),
        ("duco, ducere, duxi, ductum", "to lead"),
    ]
    text = "".join(f"{parts} - {meaning}\n" for parts, meaning in verbs)
    _, rows = exported(_write(tmp_path, "verbs.txt", text))
    assert cards(rows) == verbs


# A column spelling the terms in Latin letters, without a header: a reading.


@pytest.mark.parametrize(
    "lines",
    [
        ["你好\tnǐ hǎo\thello", "谢谢\txiè xie\tthank you", "朋友\tpéng you\tfriend"],
        ["你好\tni3 hao3\thello", "谢谢\txie4 xie5\tthank you", "朋友\tpeng2 you3\tfriend"],
        ["ねこ\tneko\tcat", "いぬ\tinu\tdog", "みず\tmizu\twater", "やま\tyama\tmountain"],
    ],
)
def test_a_romanisation_column_without_a_header_is_no_definition(
    tmp_path: Path, lines: list[str]
) -> None:
    _, rows = exported(_write(tmp_path, "words.tsv", "\n".join(lines) + "\n"))
    assert cards(rows) == [(line.split("\t")[0], line.split("\t")[2]) for line in lines]


def test_excels_sep_line_in_a_text_file_names_the_delimiter(tmp_path: Path) -> None:
    text = "sep=\t\nTerm\tDefinition\nchat\tcat\nchien\tdog\n"
    _, rows = exported(_write(tmp_path, "words.txt", text))
    assert cards(rows) == ANIMALS[:2]


def test_a_tab_separated_text_file_under_a_header_in_another_language_is_a_table(
    tmp_path: Path,
) -> None:
    text = "Terme\tDéfinition\nchat\tcat\nchien\tdog\n"
    _, rows = exported(_write(tmp_path, "words.txt", text))
    assert cards(rows) == ANIMALS[:2]


def test_quizlet_cards_on_one_line_are_no_header(tmp_path: Path) -> None:
    text = "chat\tcat of the house;chien\tdog of the farm;cheval\thorse;"
    _, rows = exported(_write(tmp_path, "cards.txt", text))
    assert cards(rows) == [
        ("chat", "cat of the house"),
        ("chien", "dog of the farm"),
        ("cheval", "horse"),
    ]
