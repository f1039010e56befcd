"""Property tests for the text readers: generated study pages and plain lists, with random
wraps, furniture positions and line endings, read back to the pairs generated, and the line
accounting covers every non-blank line exactly once.

The generator's own rules are what a page or list a person pastes looks like: terms are short
and title-like, definitions are sentences, a wrap happens where a line reaches a width (40 to
70 characters), furniture is a counter, a description, the study-mode table and a status line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_export.model import Glossary
from glossary_export.readers import read

WORDS = st.sampled_from(
    "model token weight layer data text vector training loss the a of to and with "
    "for each small large new GPU Python batch score step".split()
)
TITLE_WORDS = st.sampled_from(
    "Model Token Weight Layer Data Vector Training Loss Attention Adapter Prompt Agent "
    "Low-Rank Fine-Tuning Zero-Shot".split()
)


@st.composite
def page_terms(draw: st.DrawFn) -> str:
    words = draw(st.lists(TITLE_WORDS, min_size=1, max_size=4))
    acronym = draw(st.sampled_from(["", " (LLM)", " (RAG)", " (PEFT)"]))
    return " ".join(words) + acronym


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=7, max_size=24))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def wrapped(definition: str, width: int | None) -> list[str]:
    """The definition as a window ``width`` wide would wrap it (None: no wrap)."""
    if width is None:
        return [definition]
    lines, line = [], ""
    for word in definition.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


FURNITURE = (
    "{position}/{total}",
    "Words you must know to talk about models with your team.",
    "Name | Mastery | Learn | Test |",
    "|---|",
    "No study sessions yet.",
)

entries_strategy = st.lists(st.tuples(page_terms(), sentences()), min_size=1, max_size=12)


def read_back(folder: Path, text: str, name: str, newline: str) -> Glossary:
    path = folder / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return read(path)


def assert_every_line_once(glossary: Glossary, text: str) -> None:
    nonblank = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    assert [reading.line for reading in glossary.lines] == nonblank
    assert not any(reading.finding for reading in glossary.lines)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    entries=entries_strategy,
    widths=st.lists(st.one_of(st.none(), st.integers(40, 70)), min_size=12, max_size=12),
    furniture_at=st.sets(st.integers(0, 12), max_size=3),
    top=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n"]),
    blank_lines=st.booleans(),
)
def test_generated_study_pages_read_back(
    scratch: Callable[[], Path],
    entries: list[tuple[str, str]],
    widths: list[int | None],
    furniture_at: set[int],
    top: bool,
    newline: str,
    blank_lines: bool,
) -> None:
    lines: list[str] = []
    total = len(entries)
    for number, (term, definition) in enumerate(entries):
        if (number == 0 and top) or (number and number in furniture_at):
            lines += [line.format(position=number + 1, total=total) for line in FURNITURE]
        lines.append(term)
        lines += wrapped(definition, widths[number])
        if blank_lines:
            lines.append("")
    text = "\n".join(lines) + "\n"
    glossary = read_back(scratch(), text, "page.txt", newline)
    assert [(t.term, t.definition) for t in glossary] == entries
    assert_every_line_once(glossary, text)


LIST_TERMS = st.lists(
    st.sampled_from("alpha Beta gamma Delta epsilon Zeta eta".split()), min_size=1, max_size=3
).map(" ".join)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    entries=st.lists(st.tuples(LIST_TERMS, sentences()), min_size=2, max_size=12),
    delimiter=st.sampled_from([": ", "：", " - ", " – ", " — ", " = ", "\t"]),
    widths=st.lists(st.one_of(st.none(), st.integers(40, 70)), min_size=12, max_size=12),
    indent=st.sampled_from(["", "  ", "\t"]),
    title=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_generated_plain_lists_read_back(
    scratch: Callable[[], Path],
    entries: list[tuple[str, str]],
    delimiter: str,
    widths: list[int | None],
    indent: str,
    title: bool,
    newline: str,
) -> None:
    lines = ["Vocabulary for week three"] if title else []
    for number, (term, definition) in enumerate(entries):
        first, *rest = wrapped(definition, widths[number])
        lines.append(f"{term}{delimiter}{first}")
        lines += [indent + line for line in rest]
    text = "\n".join(lines) + "\n"
    glossary = read_back(scratch(), text, "list.txt", newline)
    assert [(t.term, t.definition) for t in glossary] == entries
    assert_every_line_once(glossary, text)
