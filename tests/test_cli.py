"""The command line through click's CliRunner: exact output, exit codes, no tracebacks."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary_export import __version__
from glossary_export.cli import ProgressLine, cli
from glossary_export.writers import WRITERS
from support_cli import run


def page(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_check_counts_the_seed_page(seed_path: Path) -> None:
    result = run("check", seed_path)
    assert result.exit_code == 0
    summary = result.output.splitlines()[-5:]
    assert summary == [
        "rows read: 100",
        "unique terms: 71",
        "duplicates removed: 29",
        "conflicting definitions: 0",
        "rows without a definition: 0",
    ]
    duplicates = [line for line in result.output.splitlines() if ": duplicate: " in line]
    assert len(duplicates) == 29
    assert duplicates[0].startswith(f"{seed_path}:148: duplicate: 'Large Language Model (LLM)'")


def test_check_lists_conflicts_with_their_lines_and_exits_1(tmp_path: Path) -> None:
    source = page(tmp_path, "Bias", "Systematic error.", "Drift", "Shift.", "Bias", "Prejudice.")
    result = run("check", source)
    assert result.exit_code == 1
    assert f"{source}:5: conflict: 'Bias' has another definition than at line 1; this one" in (
        result.output
    )
    assert result.output.splitlines()[-2] == "conflicting definitions: 1"


def test_check_json_is_machine_readable(tmp_path: Path) -> None:
    import json

    source = page(tmp_path, "Bias", "Error.", "bias", "Error.")
    data = json.loads(run("check", "--json", source).output)
    assert (data["rows_read"], data["unique_terms"], data["duplicates_removed"]) == (2, 1, 1)
    assert data["findings"][0] | {"file": None} == {
        "kind": "duplicate",
        "file": None,
        "line": 3,
        "term": "bias",
        "other_file": str(source),
        "other_line": 1,
        "other_term": "Bias",
        "similarity": None,
        "message": "'bias' is a duplicate of line 1",
    }


def test_export_several_outputs_and_summary(seed_path: Path, tmp_path: Path) -> None:
    apkg, csv = tmp_path / "deck.apkg", tmp_path / "deck.csv"
    result = run("export", seed_path, "-o", apkg, "-o", csv)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        "Read 100 rows: 71 unique terms, 29 duplicates removed, 0 conflicts.",
        f"Wrote 71 terms to {apkg} (apkg)",
        "  first export of this deck (no earlier one is remembered): Anki adds every note; notes "
        "it already holds from an export not remembered here are updated once",
        f"Wrote 71 terms to {csv} (csv)",
    ]
    assert apkg.stat().st_size > 0 and csv.stat().st_size > 0

    apkg.unlink()  # imported, then deleted: the deck memory still knows the export
    again = run("export", seed_path, "-o", tmp_path / "elsewhere.apkg")
    assert re.search(
        r"^  compared with the export of \d{4}-\d\d-\d\d \d\d:\d\d \(71 notes\): 0 new notes, "
        r"0 changed and 71 unchanged; Anki's import will update only the changed ones$",
        again.output,
        re.MULTILINE,
    ), again.output


def test_export_out_dir_writes_the_five_formats_named_after_the_source(
    seed_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("export", seed_path, "--out-dir", out, "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    names = sorted(p.name for p in out.iterdir())
    stem = seed_path.stem
    assert names == sorted(f"{stem}{s}" for s in (".apkg", ".txt", ".csv", ".xlsx", ".html"))


def test_unknown_suffix_is_one_line_listing_the_known_ones(seed_path: Path, tmp_path: Path) -> None:
    result = run("export", seed_path, "-o", tmp_path / "deck.docx")
    assert result.exit_code == 2  # a usage mistake, like an unknown option
    [line] = result.output.splitlines()
    assert line.startswith("Error: cannot tell the output format of 'deck.docx'")
    assert ".apkg" in line and ".xlsx" in line
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_the_source_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "terms.csv"
    source.write_text("term,definition\nBias,Error.\n", encoding="utf-8")
    before = source.read_bytes()
    result = run("export", source, "-o", source)
    assert result.exit_code == 1
    assert "this output is also a source" in result.output
    assert source.read_bytes() == before


def test_no_output_is_a_usage_error(seed_path: Path) -> None:
    result = run("export", seed_path)
    assert result.exit_code == 2
    assert "no output given" in result.output


def test_bad_conflict_policy_is_a_usage_error(seed_path: Path, tmp_path: Path) -> None:
    result = run("export", seed_path, "-o", tmp_path / "d.csv", "--on-conflict", "newest")
    assert result.exit_code == 2


def test_formats_lists_every_writer_and_reader_with_its_suffixes() -> None:
    from glossary_export.readers import READERS

    result = run("formats")
    assert result.exit_code == 0
    outputs, inputs = result.output.split("\n\n")
    for table, formats in ((outputs, WRITERS), (inputs, READERS)):
        rows = {line.split()[0]: line for line in table.splitlines()[1:]}
        assert list(rows) == [f.name for f in formats]
        for f in formats:
            assert f"  {' '.join(f.suffixes)}  " in rows[f.name] or not f.suffixes
            assert rows[f.name].endswith(f.summary)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"glossary-export, version {__version__}"


@pytest.mark.parametrize("command", sorted(cli.commands))  # type: ignore[attr-defined]
def test_every_command_documents_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"glossary-export {command}" in result.output


def test_custom_quizlet_separators_do_not_change_how_a_csv_is_read(tmp_path: Path) -> None:
    source = tmp_path / "terms.csv"
    source.write_text('term,definition\nBias,"line one\nline two"\n', encoding="utf-8")
    out = tmp_path / "cards.txt"
    result = run("export", source, "-o", out, "--card-separator", "|||", "--quiet")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == "Bias\tline one\nline two"


def test_verbose_lists_merges_and_near_duplicates(tmp_path: Path) -> None:
    source = page(
        tmp_path, "Tokenizer", "Splits.", "Bias", "Error.", "Tokeniser", "Splits.", "bias", "Error."
    )
    result = run("export", source, "-o", tmp_path / "deck.csv", "--verbose")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:3] == [
        f"  {source}:5: near-duplicate: 'Tokeniser' is 89% similar to 'Tokenizer' (line 1); "
        "not merged",
        f"  {source}:7: duplicate: 'bias' is a duplicate of line 3",
    ]


def test_check_lists_near_duplicates(tmp_path: Path) -> None:
    source = page(tmp_path, "Tokenizer", "Splits.", "Tokeniser", "Splits text.")
    result = run("check", source)
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        f"{source}:3: near-duplicate: 'Tokeniser' is 89% similar to 'Tokenizer' (line 1); "
        "not merged"
    )


def test_no_progress_bar_when_stderr_is_not_a_terminal(seed_path: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(seed_path), "-o", str(tmp_path / "d.csv")])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "[" not in result.output and "\r" not in result.output


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_appears_after_the_delay_and_is_cleared() -> None:
    from glossary_export.export import Progress

    now = [0.0]
    screen = FakeTerminal()
    line = ProgressLine(screen, delay=1.0, clock=lambda: now[0])
    line.update(Progress("reading", 0, 3))
    assert screen.getvalue() == ""  # quick work shows nothing
    now[0] = 1.5
    line.update(Progress("writing", 2, 3, Path("deck.apkg"), "apkg"))
    drawn = screen.getvalue()
    assert drawn.startswith("\r[") and "2/3 writing deck.apkg (apkg) (2 s)" in drawn
    now[0] = 4.0
    line.tick()
    assert screen.getvalue().endswith("(4 s)")
    line.clear()
    assert screen.getvalue().endswith("\r" + " " * len(drawn.lstrip("\r")) + "\r")


def test_to_applies_to_o_only_and_a_suffix_always_matches_its_content(
    seed_path: Path, tmp_path: Path
) -> None:
    result = run("export", seed_path, "--out-dir", tmp_path / "o", "--to", "csv")
    assert result.exit_code == 2
    assert "--to applies to the -o outputs" in result.stderr
    assert not (tmp_path / "o").exists()

    result = run("export", seed_path, "-o", tmp_path / "deck.apkg", "--to", "csv")
    assert result.exit_code == 2
    assert "deck.apkg has the suffix of apkg files, but --to asks for csv" in result.stderr

    out = tmp_path / "both"
    result = run(
        "export", seed_path, "-o", tmp_path / "deck.dat", "--format", "csv", "--out-dir", out
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "deck.dat").read_bytes().startswith("\ufeffTerm,Definition".encode())
    with zipfile.ZipFile(out / f"{seed_path.stem}.apkg") as package:  # still a package
        assert "collection.anki2" in package.namelist()
    result = run("export", seed_path, "-o", tmp_path / "notes.txt", "--format", "anki-text")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8").startswith("#separator:tab")


def one_row_csv(tmp_path: Path) -> Path:
    source = tmp_path / "one.csv"
    source.write_text("term,definition\nDrift,Slow change\n", encoding="utf-8")
    return source


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--from", "excel"), "unknown input format 'excel'"),
        (("--to", "excel"), "unknown output format 'excel'"),
        (("--format", "excel"), "unknown output format 'excel'"),
        (("-o", "deck.docx"), "cannot tell the output format of 'deck.docx'"),
        (("--on-conflict", "newest"), "'newest' is not one of"),
        (("--encoding", "nope"), "unknown encoding 'nope'"),
        (("--tag", ""), "a tag is empty"),
        (("--tag", "two words"), "contains a space"),
        (("--deck", "A::::B"), "has an empty level"),
    ],
)
def test_every_usage_mistake_exits_2_and_writes_nothing(
    tmp_path: Path, options: tuple[str, ...], message: str
) -> None:
    source = one_row_csv(tmp_path)
    outputs = () if "-o" in options else ("-o", tmp_path / "deck.csv")
    result = run("export", source, *outputs, *options)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.csv"]


def test_a_file_that_cannot_be_read_or_written_exits_1(tmp_path: Path) -> None:
    source = one_row_csv(tmp_path)
    missing = run("export", tmp_path / "missing.csv", "-o", tmp_path / "deck.csv")
    assert missing.exit_code == 1, missing.output
    assert "missing.csv" in missing.stderr
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert run("export", binary, "-o", tmp_path / "deck.csv").exit_code == 1
    no_folder = run("export", source, "-o", tmp_path / "nowhere" / "deck.csv")
    assert no_folder.exit_code == 1, no_folder.output
    assert "the output folder does not exist" in no_folder.stderr


def test_counts_take_the_singular_for_one(tmp_path: Path) -> None:
    result = run("export", one_row_csv(tmp_path), "-o", tmp_path / "deck.csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        "Read 1 row: 1 unique term, 0 duplicates removed, 0 conflicts.",
        f"Wrote 1 term to {tmp_path / 'deck.csv'} (csv)",
    ]
    source = tmp_path / "two.csv"
    source.write_text("term,definition\na,x\na,x\nb,y\nb,z\n", encoding="utf-8")
    result = run("export", source, "-o", tmp_path / "two.txt")
    assert result.stdout.splitlines()[0] == (
        "Read 4 rows: 2 unique terms, 1 duplicate removed, 1 conflict."
    )


def test_the_quizlet_dialog_hint_never_nests_quotes(tmp_path: Path) -> None:
    out = tmp_path / "deck.txt"
    result = run("export", one_row_csv(tmp_path), "-o", out, "--card-separator", "|||")
    assert result.exit_code == 0, result.output
    [hint] = [line for line in result.stdout.splitlines() if "Import dialog" in line]
    assert hint.strip() == (
        'In Quizlet\'s Import dialog choose "Between term and definition: Tab" and '
        '"Between cards: Custom", typing "|||".'
    )
    assert '""' not in hint
