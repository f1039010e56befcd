"""Dedupe: one entry per term, first place kept, every merge counted and explained."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary_export import ConflictError, Glossary, OptionError, Term, dedupe
from glossary_export.deduplication import near_duplicate_pairs


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
    with pytest.raises(OptionError, match="first, last, longest, join, error"):
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


def test_acronym_rows_merge_whatever_acronym_the_terms_were_built_with() -> None:
    # A Glossary built in Python need not say the acronym (Term() leaves it empty), and an
    # acronym column may name one the term does not show: the term's own text decides.
    rows = (
        Term("RAM", "Memory.", line=1),
        Term("Low-Rank Adaptation (LoRA)", "Adapters.", line=2),
        Term("Random Access Memory", "Memory.", line=3),
        Term("LoRA", "Adapters.", line=4),
        Term("RAM (Random Access Memory)", "Memory.", line=5),
        Term("Widget (wd)", "A gadget.", acronym="wd", line=6),
        Term("wd", "A gadget.", line=7),
        Term("  Mixture of Experts (MoE)", "Routing.", line=8),
        Term("moe.", "Routing.", line=9),
    )
    result = dedupe(Glossary(rows))
    assert terms_of(result.glossary) == [
        ("RAM (Random Access Memory)", "Memory."),
        ("Low-Rank Adaptation (LoRA)", "Adapters."),
        ("Widget (wd)", "A gadget."),
        ("wd", "A gadget."),
        ("  Mixture of Experts (MoE)", "Routing."),
    ]
    assert [(f.kind, f.term.line) for f in result.findings] == [
        ("acronym", 1),
        ("acronym", 3),
        ("acronym", 4),
        ("acronym", 9),
    ]


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


def test_near_duplicates_are_found_only_when_asked_and_then_remembered() -> None:
    result = dedupe(glossary(("Optimisation", "a."), ("Optimization", "b.")))
    assert [f.kind for f in result.findings] == []  # the merges alone: nothing looked for yet
    first = result.near_duplicates()
    assert [(f.term.term, f.other.term if f.other else None) for f in first] == [
        ("Optimization", "Optimisation")
    ]
    assert result.near_duplicates() is first
    assert [f.kind for f in result.all_findings()] == ["near-duplicate"]


def test_all_findings_interleave_near_duplicates_in_source_order() -> None:
    rows = (("Tokenizer", "a."), ("Bias", "b."), ("Tokeniser", "c."), ("bias", "b."))
    result = dedupe(glossary(*rows))
    assert [(f.kind, f.term.line) for f in result.all_findings()] == [
        ("near-duplicate", 3),
        ("duplicate", 4),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tokenizer", "Tokenizers"),  # a letter added at the end
        ("Embedding", "Embeding"),  # a letter removed inside
        ("Xembedding", "Embedding"),  # a letter removed at the start
        ("Retrieval", "Retreival"),  # two neighbours swapped
        ("Fine-tuning", "Fine tuning"),  # a dash for a space
    ],
)
def test_one_edit_apart_is_a_near_duplicate(first: str, second: str) -> None:
    result = dedupe(glossary((first, "A unit of text."), (second, "A unit of the text.")))
    assert len(result.near_duplicates()) == 1
    assert len(dedupe(glossary((first, "a."), (second, "b."))).near_duplicates("all")) == 1


@pytest.mark.parametrize(
    ("first", "second"), [("GPT-3.5 Turbo", "GPT-4.5 Turbo"), ("Llama 2", "Llama 27")]
)
def test_terms_differing_in_a_digit_are_versions_not_near_duplicates(
    first: str, second: str
) -> None:
    assert dedupe(glossary((first, "a."), (second, "b."))).near_duplicates() == ()


def _brute_force_pairs(keys: list[str]) -> set[tuple[int, int]]:
    """The definition, pair by pair: distinct keys of six or more characters sharing a deletion
    of a non-digit, or one being such a deletion of the other."""

    def deletions(key: str) -> set[str]:
        return {key[:i] + key[i + 1 :] for i in range(len(key)) if not key[i].isdigit()}

    pairs = set()
    for i, a in enumerate(keys):
        for j in range(i + 1, len(keys)):
            b = keys[j]
            if a == b or min(len(a), len(b)) < 6:
                continue
            if a in deletions(b) or b in deletions(a) or deletions(a) & deletions(b):
                pairs.add((i, j))
    return pairs


@st.composite
def _keys_near_each_other(draw: st.DrawFn) -> list[str]:
    """A few base keys and many keys one random edit away from them (or two, or none)."""
    bases = draw(st.lists(st.text(alphabet="ab1-", min_size=5, max_size=8), min_size=1, max_size=3))
    keys = []
    for _ in range(draw(st.integers(0, 25))):
        key = draw(st.sampled_from(bases))
        for _ in range(draw(st.integers(0, 2))):
            at = draw(st.integers(0, len(key)))
            letter = draw(st.sampled_from("ab1-"))
            edit = draw(st.sampled_from(["change", "insert", "delete", "swap"]))
            if edit == "insert" or at == len(key):
                key = key[:at] + letter + key[at:]
            elif edit == "change":
                key = key[:at] + letter + key[at + 1 :]
            elif edit == "delete":
                key = key[:at] + key[at + 1 :]
            elif at + 1 < len(key):
                key = key[:at] + key[at + 1] + key[at] + key[at + 2 :]
        keys.append(key)
    return keys


@given(_keys_near_each_other())
def test_near_duplicate_pairs_match_the_brute_force_definition(keys: list[str]) -> None:
    assert near_duplicate_pairs(keys) == _brute_force_pairs(keys)


def test_two_words_one_letter_apart_with_unrelated_definitions_are_not_reported() -> None:
    # The reported flood: a vocabulary list is full of such pairs.
    rows = (("Butter", "butter"), ("Mutter", "mother"), ("Wasser", "water"), ("Messer", "knife"))
    result = dedupe(glossary(*rows))
    assert result.near_duplicates() == ()
    assert [
        (f.term.term, f.other.term if f.other else "") for f in result.near_duplicates("all")
    ] == [("Mutter", "Butter")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Colour", "Color"),
        ("Optimisation", "Optimization"),
        ("Centre", "Center"),
        ("Catalogue", "Catalog"),
        ("Modelling", "Modeling"),
        ("Licence", "License"),
        ("Colour space", "Color space"),
    ],
)
def test_spelling_variants_are_near_duplicates_whatever_the_definitions(
    first: str, second: str
) -> None:
    [near] = dedupe(glossary((first, "One thing."), (second, "Another."))).near_duplicates()
    assert (near.term.term, near.other.term if near.other else "") == (second, first)
