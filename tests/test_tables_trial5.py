"""Tables and JSON in the shapes a fifth new-user trial found misread: header names in other
languages typed with or without their accents, a verb table, a comma inside the term, a
romanisation column without a header, and Excel's ``sep=`` line in a .txt file. Each is
exported as a user would and its cards compared with what a careful reader gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from support_cli import cards, exported

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
