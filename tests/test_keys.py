"""Term keys: normalise and term_key give exactly the keys of the reference definition.

The key is each Anki note's identity, so any difference would silently change GUIDs.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary_export.keys import normalise, term_key

# The typographic quotes and dashes people type for the straight ones (the key's contract:
# folding one more or one fewer would change GUIDs), listed here rather than borrowed.
_REFERENCE_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)
_REFERENCE_SPACE = re.compile(r"\s+")
_REFERENCE_TRAILING = re.compile(r"[\s.,;:!?\u3002\uff0c\uff1b\uff1a]+$")


def reference_normalise(text: str) -> str:
    """The key's definition, written the slow and obvious way."""
    text = unicodedata.normalize("NFC", text).translate(_REFERENCE_FOLD).casefold()
    return _REFERENCE_SPACE.sub(" ", text).strip()


def reference_term_key(term: str) -> str:
    key = _REFERENCE_TRAILING.sub("", reference_normalise(term))
    return key or reference_normalise(term)


# Characters that exercise every branch: ASCII letters, digits, punctuation and white space,
# Unicode white space, typographic quotes and dashes, combining accents, CJK punctuation.
_ALPHABET = st.sampled_from(
    [
        *"aZ9 .,;:!?-'\"()\t\n\r\x0b\x0c\x1c\x1f",
        *("\u00a0", "\u2003", "\u3000", "\u2028", "\u0085", "\u2019", "\u201c", "\u2013", "\u2212"),
        *(
            "e\u0301",
            "\u00e9",
            "\u00df",
            "\u0130",
            "\u3002",
            "\uff0c",
            "\uff1a",
            "\u00c5",
            "\u212a",
        ),
    ]
)


@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_keys_equal_the_reference_definition(text: str) -> None:
    assert normalise(text) == reference_normalise(text)
    assert term_key(text) == reference_term_key(text)


@given(st.text(max_size=20))
def test_keys_equal_the_reference_definition_on_any_text(text: str) -> None:
    assert term_key(text) == reference_term_key(text)


@pytest.mark.parametrize(
    ("term", "key"),
    [
        ("  Low-Rank  Adaptation (LoRA) ", "low-rank adaptation (lora)"),
        ("LoRA.", "lora"),
        ("Perplexity ?!", "perplexity"),
        ("...", "..."),  # nothing but punctuation: kept rather than empty
        ("Fine\u2013Tuning", "fine-tuning"),
        ("Cafe\u0301", "caf\u00e9"),
        ("Stra\u00dfe", "strasse"),
        ("A\u00a0\u2003B\u3002", "a b"),
    ],
)
def test_known_keys(term: str, key: str) -> None:
    assert term_key(term) == key
