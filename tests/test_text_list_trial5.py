"""Plain term lists as a new user types them (trial 5): colons inside times and verse numbers,
list markers from Word and lettered lists, labelled records, furniture lines around a list."""

from __future__ import annotations

from pathlib import Path

from support_readers import pairs, read_text


def test_a_colon_between_digits_is_never_the_separator(tmp_path: Path) -> None:
    text = "Meeting - at 9:00 sharp\nLunch - at 12:30\nTalk - at 14:00\n"
    assert pairs(read_text(tmp_path, "times.txt", text)) == [
        ("Meeting", "at 9:00 sharp"),
        ("Lunch", "at 12:30"),
        ("Talk", "at 14:00"),
    ]


def test_times_and_ratios_as_terms(tmp_path: Path) -> None:
    text = "8:15 - Doors open\n8:45 - Welcome\n10:00 - Break\n"
    assert pairs(read_text(tmp_path, "agenda.txt", text)) == [
        ("8:15", "Doors open"),
        ("8:45", "Welcome"),
        ("10:00", "Break"),
    ]
    text = "3:2 - classic film ratio\n5:4 - old monitor ratio\n2:1 - univisium\n"
    assert [term for term, _ in pairs(read_text(tmp_path, "ratios.txt", text))] == [
        "3:2",
        "5:4",
        "2:1",
    ]


def test_verse_references_keep_their_colon(tmp_path: Path) -> None:
    text = "Mark 1:15: The time is fulfilled\nLuke 2:10: Fear not\nActs 2:38: Repent\n"
    assert pairs(read_text(tmp_path, "verses.txt", text)) == [
        ("Mark 1:15", "The time is fulfilled"),
        ("Luke 2:10", "Fear not"),
        ("Acts 2:38", "Repent"),
    ]


def test_a_list_typed_with_two_delimiters_splits_each_line_at_the_earlier(
    tmp_path: Path,
) -> None:
    text = (
        "Anode: the positive electrode\n"
        "Cathode: the negative electrode\n"
        "Electrolyte - a liquid that conducts: salt water, acid\n"
        "Ion - a charged atom\n"
        "Cell - two electrodes in an electrolyte\n"
    )
    assert pairs(read_text(tmp_path, "mixed.txt", text)) == [
        ("Anode", "the positive electrode"),
        ("Cathode", "the negative electrode"),
        ("Electrolyte", "a liquid that conducts: salt water, acid"),
        ("Ion", "a charged atom"),
        ("Cell", "two electrodes in an electrolyte"),
    ]
