"""Anki notes exports holding cloze notes: a sentence with gaps has no term and definition, so
the export is refused, naming the note, never a deck of markup with notes dropped."""

from __future__ import annotations

from pathlib import Path

from support_cli import run


def test_cloze_notes_are_refused_naming_the_first(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n"
        "Basic\tOsmosis\tthe movement of water\n"
        "Cloze\tThe {{c1::mitochondrion}} makes ATP.\tpowerhouse\n"
        "Cloze\t{{c1::Osmosis}} moves {{c2::water::what}}.\t\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = run("export", path, "-o", out, "--no-memory")
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {path}:5: this note is a cloze deletion")
    assert "-note:Cloze" in lines[0]
    assert not out.exists()
