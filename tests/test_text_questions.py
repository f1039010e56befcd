"""``Q:`` / ``A:`` lines: an answer wrapped onto the next line stays in the answer, and a
question with its answer inside a ``Term: definition`` list is one question card, never cards
named ``Q`` and ``A``."""

from __future__ import annotations

from pathlib import Path

import pytest

from support_readers import pairs, read_text

QUIZ = [
    ("What is osmosis?", "The movement of water across a membrane."),
    ("What is diffusion?", "The spread of particles."),
]


@pytest.mark.parametrize("indent", ["", "   "])
@pytest.mark.parametrize("gap", ["", "\n"])
def test_a_wrapped_answer_stays_in_its_card(tmp_path: Path, indent: str, gap: str) -> None:
    text = (
        f"Q: What is osmosis?\nA: The movement of water\n{indent}across a membrane.\n{gap}"
        f"Q: What is diffusion?\nA: The spread\n{indent}of\n{indent}particles.\n"
    )
    glossary = read_text(tmp_path, "quiz.txt", text)
    assert pairs(glossary) == QUIZ
    assert glossary.notes


@pytest.mark.parametrize("gap", ["", "\n"])
def test_questions_inside_a_list_are_question_cards(tmp_path: Path, gap: str) -> None:
    text = (
        f"Osmosis: movement of water\n{gap}Q: What is diffusion?\nA: The spread of particles\n"
        f"{gap}Mitosis: cell division\n{gap}Q: What is an enzyme?\nA: A biological\n"
        "catalyst.\n"
    )
    glossary = read_text(tmp_path, "list.txt", text)
    assert pairs(glossary) == [
        ("Osmosis", "movement of water"),
        ("What is diffusion?", "The spread of particles"),
        ("Mitosis", "cell division"),
        ("What is an enzyme?", "A biological catalyst."),
    ]
    assert any("list.txt:" in note and "question" in note for note in glossary.notes)


def test_letters_q_and_a_among_terms_stay_terms(tmp_path: Path) -> None:
    entries = [("Q", "a letter"), ("A", "a letter too"), ("Q-tip", "a cotton swab")]
    text = "".join(f"{term}: {definition}\n" for term, definition in entries)
    assert pairs(read_text(tmp_path, "letters.txt", text)) == entries


@pytest.mark.parametrize(("q", "a"), [("Q.", "A."), ("Q)", "A)"), ("Question.", "Answer.")])
@pytest.mark.parametrize("gap", ["", "\n"])
def test_questions_labelled_with_a_dot_are_question_cards(
    tmp_path: Path, q: str, a: str, gap: str
) -> None:
    quiz = [("What is H2O?", "Water"), ("What is NaCl?", "Salt"), ("What is CO2?", "A gas")]
    text = "".join(f"{q} {question}\n{a} {answer}\n{gap}" for question, answer in quiz)
    glossary = read_text(tmp_path, "quiz.txt", text)
    assert pairs(glossary) == quiz
    assert any("quiz.txt" in note for note in glossary.notes)
