"""Dedupe: one entry per term, first place kept, every merge counted and explained."""

from __future__ import annotations

import pytest

from glossary_export import ConflictError, Glossary, OptionError, Term, dedupe


def glossary(*rows: tuple[str, str], tags: tuple[str, ...] = ()) -> Glossary:
    return Glossary(
        tuple(
            Term.create(term, definition, tags=tags, file="g.txt", line=number)
            for number, (term, definition) in enumerate(rows, start=1)
        )
    )


def terms_of(result_glossary: Glossary) -> list[tuple[str, str]]:
    return [(t.term, t.definition) for t in result_glossary.terms]


def test_same_term_same_definition_is_a_counted_duplicate() -> None:
    result = dedupe(glossary(("LoRA", "Low-rank."), ("Bias", "Error."), ("LoRA", "Low-rank.")))
    assert terms_of(result.glossary) == [("LoRA", "Low-rank."), ("Bias", "Error.")]
    assert (result.rows_read, result.unique_terms, result.duplicates_removed) == (3, 2, 1)
    assert result.conflicts == 0
    [finding] = result.findings
    assert str(finding) == "g.txt:3: duplicate: 'LoRA' is a duplicate of line 1"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Fine-Tuning", "fine-tuning"),
        ("Fine–Tuning", "Fine-Tuning"),  # en dash
        ("Model’s Card", "Model's Card"),  # typographic apostrophe
        ("Data  Drift", " Data Drift "),
        ("Café", "Cafe\u0301"),  # composed and decomposed é
        ("Perplexity.", "Perplexity"),
    ],
)
def test_spellings_that_normalise_alike_are_one_term(first: str, second: str) -> None:
    result = dedupe(glossary((first, "Same."), (second, "Same.")))
    assert result.unique_terms == 1
    assert result.glossary.terms[0].term == first.strip()


def test_definitions_compare_after_normalising_whitespace_and_quotes() -> None:
    result = dedupe(glossary(("Bias", "It’s  systematic."), ("Bias", "It's systematic.")))
    assert (result.duplicates_removed, result.conflicts) == (1, 0)


@pytest.mark.parametrize(
    ("policy", "kept"),
    [("first", "Short."), ("last", "A much longer one."), ("longest", "A much longer one.")],
)
def test_conflict_policies_keep_the_first_place(policy: str, kept: str) -> None:
    rows = (("Bias", "Short."), ("Drift", "Shift."), ("bias", "A much longer one."))
    result = dedupe(glossary(*rows), policy)
    assert [t.definition for t in result.glossary.terms] == [kept, "Shift."]
    assert (result.duplicates_removed, result.conflicts) == (0, 1)
    [conflict] = result.of_kind("conflict")
    assert {conflict.term.line, conflict.other.line if conflict.other else None} == {1, 3}


def test_conflict_policy_error_names_both_lines() -> None:
    with pytest.raises(ConflictError, match=r"g\.txt:2: 'Bias' .* line 1"):
        dedupe(glossary(("Bias", "One."), ("Bias", "Two.")), "error")


def test_unknown_policy_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="first, last, longest, error"):
        dedupe(glossary(("a", "b")), "newest")


def test_acronym_and_full_name_merge_into_the_richer_entry() -> None:
    rows = (
        ("LoRA", "Low-rank adapters."),
        ("Bias", "Error."),
        ("Low-Rank Adaptation (LoRA)", "Low-rank adapters."),
        ("Large Language Model", "Big model."),
        ("Large Language Model (LLM)", "Big model."),
    )
    result = dedupe(glossary(*rows))
    assert terms_of(result.glossary) == [
        ("Low-Rank Adaptation (LoRA)", "Low-rank adapters."),
        ("Bias", "Error."),
        ("Large Language Model (LLM)", "Big model."),
    ]
    assert result.duplicates_removed == 2
    assert [f.kind for f in result.findings] == ["acronym", "acronym"]
    assert "acronym and full name" in result.findings[0].message


def test_acronym_merge_with_another_definition_is_a_conflict_keeping_the_full_name() -> None:
    rows = (("PEFT", "Cheap tuning."), ("Parameter-Efficient Fine-Tuning (PEFT)", "Other."))
    result = dedupe(glossary(*rows), "first")
    assert terms_of(result.glossary) == [("Parameter-Efficient Fine-Tuning (PEFT)", "Other.")]
    assert result.conflicts == 1


def test_tags_of_merged_rows_are_united_in_order() -> None:
    rows = glossary(("Bias", "Error."), ("Bias", "Error."), tags=("ml",))
    extra = Term.create("bias", "Error.", tags=("ethics", "ml"), file="g.txt", line=3)
    result = dedupe(Glossary((*rows.terms, extra)))
    assert result.glossary.terms[0].tags == ("ml", "ethics")


def test_near_duplicates_are_reported_not_merged() -> None:
    rows = (("Optimisation", "Making better."), ("Optimization", "Making it better."))
    result = dedupe(glossary(*rows))
    assert result.unique_terms == 2
    [near] = result.of_kind("near-duplicate")
    assert (near.term.line, near.other.line if near.other else None) == (2, 1)
    assert near.similarity == pytest.approx(1 - 1 / 12)
    assert "92% similar" in str(near)


def test_short_terms_one_letter_apart_are_not_near_duplicates() -> None:
    assert dedupe(glossary(("LoRA", "a."), ("DoRA", "b."))).of_kind("near-duplicate") == []


def test_empty_definition_is_reported() -> None:
    result = dedupe(glossary(("Bias", "")))
    assert [f.kind for f in result.findings] == ["empty definition"]


def test_dedupe_is_idempotent() -> None:
    rows = (("A b", "x."), ("a  B", "x."), ("C", "y."), ("c", "z."), ("D (DD)", "w."), ("DD", "w."))
    once = dedupe(glossary(*rows)).glossary
    twice = dedupe(once)
    assert twice.glossary == once
    assert twice.duplicates_removed == 0
