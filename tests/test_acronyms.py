"""Which "Name (X)" terms have an acronym: X must look like one, else it is a qualifier."""

from __future__ import annotations

import pytest

from glossary_export import Term, load_glossary
from support_real import real_glossary


@pytest.mark.parametrize(
    ("term", "acronym"),
    [
        ("Large Language Model (LLM)", "LLM"),
        ("Low-Rank Adaptation (LoRA)", "LoRA"),
        ("Mixture of Experts (MoE)", "MoE"),
        ("k-nearest neighbours (k-NN)", "k-NN"),
        ("Research & Development (R&D)", "R&D"),
        ("Retrieval-Augmented Generation (rag)", "rag"),  # the initials of the name
        ("Temperature (T)", "T"),
    ],
)
def test_acronyms(term: str, acronym: str) -> None:
    assert Term.create(term, "d").acronym == acronym


@pytest.mark.parametrize(
    "term",
    [
        "sē (Akk./Abl.)",  # a grammar note
        "Tokenizer (audio)",
        "Attention (model)",
        "Leman Russ (坦克)",
        "Smelt（矿物）",
        "Wraithguard (short)",
        "Aeldari (Eldar)",
        "Road (U.S.)",
        "Input/Output (I/O)",
        "Speech (Text to Speech)",
    ],
)
def test_qualifiers_stay_part_of_the_term(term: str) -> None:
    assert Term.create(term, "d").acronym == ""


def test_no_qualifier_of_the_real_latin_list_is_an_acronym() -> None:
    glossary = load_glossary(str(real_glossary("latein-de.csv")))
    assert [term.term for term in glossary if term.acronym] == []
    assert any(term.term == "sē (Akk./Abl.)" for term in glossary)
