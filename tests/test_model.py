"""Term and Glossary: Term.create's fast construction gives the same frozen Term."""

from __future__ import annotations

import dataclasses

import pytest

from glossary_export import Glossary, Term


def test_create_trims_and_recognises_the_acronym() -> None:
    term = Term.create(" Low-Rank Adaptation (LoRA) ", " Adapters. ", tags=["a"], file="f", line=3)
    assert term == Term("Low-Rank Adaptation (LoRA)", "Adapters.", "LoRA", ("a",), "f", 3)
    assert hash(term) == hash(
        Term("Low-Rank Adaptation (LoRA)", "Adapters.", "LoRA", ("a",), "f", 3)
    )
    assert term.where == "f:3"


@pytest.mark.parametrize(
    ("text", "acronym"),
    [("Tokenizer (audio)", ""), ("Bias", ""), ("Retrieval-Augmented Generation (RAG)", "RAG")],
)
def test_create_finds_acronyms_only_where_they_are(text: str, acronym: str) -> None:
    assert Term.create(text, "d.").acronym == acronym


def test_created_terms_are_frozen_and_replaceable() -> None:
    term = Term.create("Bias", "Error.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        term.term = "Drift"  # type: ignore[misc]
    assert dataclasses.replace(term, definition="Other.").definition == "Other."
    assert dataclasses.asdict(term)["term"] == "Bias"
    assert repr(term) == repr(Term("Bias", "Error."))


def test_glossary_is_a_sized_iterable_of_terms() -> None:
    glossary = Glossary((Term.create("a", "b"), Term.create("c", "d")))
    assert len(glossary) == 2
    assert [t.term for t in glossary] == ["a", "c"]


def test_terms_from_columns_are_the_terms_create_makes() -> None:
    from glossary_export.model import recognised_acronyms, terms_from_columns

    rows = [("Low-Rank Adaptation (LoRA)", " Adapters. ", ("a",)), ("Bias", "Error.", ())]
    names = [name for name, _, _ in rows]
    made = terms_from_columns(
        names,
        [definition for _, definition, _ in rows],
        recognised_acronyms(names),
        [tags for _, _, tags in rows],
        "f.csv",
        [2, 3],
    )

    assert made == [
        Term.create(name, definition, tags=tags, file="f.csv", line=line)
        for line, (name, definition, tags) in enumerate(rows, start=2)
    ]
    assert [hash(term) for term in made] == [hash(dataclasses.replace(term)) for term in made]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made[0].term = "x"  # type: ignore[misc]
    assert not hasattr(made[0], "__dict__")


def test_terms_from_columns_refuses_a_short_column() -> None:
    from glossary_export.model import terms_from_columns

    with pytest.raises(ValueError, match="one value per name"):
        terms_from_columns(["A", "B"], ["a.", "b."], ["", ""], [(), ()], None, [1])
