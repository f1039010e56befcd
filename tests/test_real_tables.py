"""The published tabular and JSON glossaries in ../shared/real-glossaries read as a careful
person reads them: the count of entries with a definition and verbatim samples (expected.json)."""

from __future__ import annotations

import warnings

import pytest

from glossary_export import load_glossary
from glossary_export.deduplication import dedupe
from support_real import expected, real_glossary

TABLES = [
    "suspension-en-es.csv",
    "vokabeln-de-en.csv",
    "latein-de.csv",
    "ro-de-vokabeln.csv",
    "greek-vocab.tsv",
    "minecraft-zh.tsv",
    "anki-literatura.txt",
    "wh40k-zh.json",
    "ushistory.json",
]


@pytest.mark.parametrize("name", TABLES)
def test_real_glossary_reads_every_entry(name: str) -> None:
    want = expected(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none of these files needs a guess
        glossary = load_glossary(real_glossary(name))
    result = dedupe(glossary)
    cards = [t for t in glossary if t.definition.strip()]
    assert len(cards) == want["count"]
    assert result.empty_definitions == len(glossary) - want["count"]
    pairs = {(t.term, t.definition) for t in glossary}
    for term, definition in want["samples"]:
        assert (term, definition) in pairs


def test_suspension_keeps_its_other_columns_and_both_senses_of_clean() -> None:
    glossary = load_glossary(real_glossary("suspension-en-es.csv"))
    adjust = next(t for t in glossary if t.term == "adjust")
    assert dict(adjust.extras)["Part of Speech"] == "v."
    assert dict(adjust.extras)["Category"] == "Rigging"
    joined = dedupe(glossary, "join").glossary
    clean = next(t for t in joined if t.term == "clean")
    assert clean.definition == "limpiar; limpio"


def test_latin_reports_its_row_without_a_translation() -> None:
    result = dedupe(load_glossary(real_glossary("latein-de.csv")))
    [empty] = result.of_kind("empty definition")
    assert empty.term.term.startswith("nē")


def test_ushistory_decodes_its_html_entities() -> None:
    glossary = load_glossary(real_glossary("ushistory.json"))
    texts = [text for t in glossary for text in (t.term, t.definition)]
    assert not [text for text in texts if "&#39;" in text or "&quot;" in text]
    assert any("nation's" in text for text in texts)
