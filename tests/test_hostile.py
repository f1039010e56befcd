"""Hostile input through the command line: every case of tests/data/hostile/ (plus a few made
here because they are big, binary or about the file system), each with its expected outcome.

For every case: accepted with N terms (read from the summary line), or refused with an exit
status (1 for bad data, 2 for bad usage) and ONE line on stderr holding a fragment of the
message; never a traceback; and the folder the command ran in holds exactly what it held before
plus the expected outputs: no temporary file, no half-written output, no empty folder, an
existing file at a target left byte for byte as it was.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary_export import SourceError, export_deck, load_glossary
from glossary_export.cli import cli

CORPUS = Path(__file__).parent / "data" / "hostile"
SUMMARY = re.compile(r"^Read (\d+) rows?: (\d+) unique terms?, ")
OLD_BYTES = b"an older export that a failed export must leave alone\n"


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return setup


def _folder(name: str, mode: int | None = None) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / name).mkdir()
        if mode is not None:
            (folder / name).chmod(mode)

    return setup


def _csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _same_rows_as_source(source: str) -> Callable[[Path], None]:
    """The CSV output holds the source CSV's (term, definition) rows exactly."""

    def check(folder: Path) -> None:
        expected = _csv_rows(CORPUS / source)[1:]
        assert [row[:2] for row in _csv_rows(folder / "out.csv")[1:]] == expected

    return check


def _terms_are(*terms: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert [row[0] for row in _csv_rows(folder / "out.csv")[1:]] == list(terms)

    return check


def _definitions_are(*definitions: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert [row[1] for row in _csv_rows(folder / "out.csv")[1:]] == list(definitions)

    return check


def _tags_are(tags: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert [row[3] for row in _csv_rows(folder / "out.csv")[1:]] == [tags]
        [term] = load_glossary(folder / "out.apkg").terms
        assert term.tags == tuple(tags.split())

    return check


def _deck_is(name: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert load_glossary(folder / "out.apkg").title == name

    return check


@dataclass(frozen=True)
class Case:
    """One hostile input and what must happen to it."""

    id: str
    args: tuple[str, ...]
    terms: int | None = None
    """Accepted, with this many unique terms in the summary; None: refused."""
    status: int = 0
    message: str = ""
    """A fragment of the stderr line (the error, or the warning of an accepted case)."""
    outputs: tuple[str, ...] = ()
    """Files (relative to the folder) an accepted case adds."""
    setup: tuple[Callable[[Path], None], ...] = ()
    check: Callable[[Path], None] | None = None
    stdin: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    click_usage: bool = False
    """Refused by click itself: its usual several-line usage message is fine."""


def ok(id: str, source: str, terms: int, *extra: str, **kw: object) -> Case:
    """An accepted export of ``source`` to out.csv (plus ``extra`` arguments)."""
    outputs = tuple(kw.pop("outputs", ("out.csv",)))  # type: ignore[arg-type]
    args = ("export", source, *(a for o in outputs for a in ("-o", o)), *extra)
    return Case(id, args, terms=terms, outputs=outputs, **kw)  # type: ignore[arg-type]


def bad(id: str, source: str, status: int, message: str, *args: str, **kw: object) -> Case:
    """A refused export of ``source`` (to out.csv unless ``args`` name outputs)."""
    outputs = () if any(a in ("-o", "--out-dir") for a in args) else ("-o", "out.csv")
    return Case(id, ("export", source, *outputs, *args), status=status, message=message, **kw)  # type: ignore[arg-type]


NO_TERMS = "no terms found in "
EMPTY = "it is empty or only white space"
LONG_DEFINITION = b"term,definition\nBias," + b"x" * 40_000 + b"\n"

CASES = [
    # Nothing to read.
    bad("empty", "empty.txt", 1, f"{NO_TERMS}empty.txt: {EMPTY}"),
    bad("whitespace-only", "whitespace-only.txt", 1, f"{NO_TERMS}whitespace-only.txt (read as"),
    bad("bom-only", "bom-only.txt", 1, f"{NO_TERMS}bom-only.txt: {EMPTY}"),
    bad("furniture-only", "furniture-only.txt", 1, f"{NO_TERMS}furniture-only.txt (read as page)"),
    bad("lone-counter", "lone-counter.txt", 1, f"{NO_TERMS}lone-counter.txt"),
    bad("header-only-csv", "header-only.csv", 1, f"{NO_TERMS}header-only.csv (read as csv)"),
    bad("markdown-without-entries", "no-table.md", 1, f"{NO_TERMS}no-table.md (read as markdown)"),
    bad("anki-headers-only", "anki-headers-only.txt", 1, "(read as anki-text)"),
    bad("stdin-empty", "-", 1, f"{NO_TERMS}<stdin>: {EMPTY}", stdin=""),
    # Not text, or not this encoding.
    bad("binary", "binary.dat", 1, "binary.dat:1: holds a NUL byte"),
    bad("nul-bytes", "nul-bytes.txt", 1, "nul-bytes.txt:2: holds a NUL byte"),
    bad("utf16-without-bom", "utf16-no-bom.txt", 1, "UTF-16 without a byte order mark"),
    bad("undecodable", "undecodable.txt", 1, "undecodable.txt:2: this is not text"),
    ok(
        "control-character",
        "control-chars.txt",
        1,
        message="control-chars.txt:2: 1 control character replaced by a space",
        check=_definitions_are("Systematic  error."),
    ),
    ok(
        "windows-1252",
        "windows-1252.txt",
        2,
        message="windows-1252.txt:1: not valid UTF-8, read as Windows-1252",
        check=_terms_are("Café", "Naïve Bayes"),
    ),
    ok("utf16-with-bom", "utf16-bom.txt", 2),
    # Broken tables.
    bad("one-column-csv", "one-column.csv", 1, "one-column.csv:1: this file has one column"),
    # Line 3 has no definition (no card, reported); line 4's unquoted comma is joined back.
    ok(
        "ragged-csv",
        "ragged.csv",
        2,
        message="ragged.csv:4: 3 cells where the table has 2",
        check=_terms_are("Bias", "Noise"),
    ),
    bad("unterminated-quote", "unterminated-quote.csv", 1, "unterminated-quote.csv:2: broken quot"),
    bad("row-without-term", "no-term.csv", 1, "no-term.csv:3: this row has no term"),
    ok("empty-definition", "empty-definition.csv", 1, check=_terms_are("Bias")),
    bad("corrupt-xlsx", "corrupt.xlsx", 1, "corrupt.xlsx: not a readable .xlsx workbook"),
    bad("zero-byte-xlsx", "empty.xlsx", 1, f"{NO_TERMS}empty.xlsx: {EMPTY}"),
    bad("old-xls", "old-binary.xls", 1, "old binary Office file"),
    bad("apkg-not-a-zip", "not-a-zip.apkg", 1, "not an Anki package (not a zip file)"),
    bad("zip-without-collection", "zip-without-collection.apkg", 1, "holds no Anki collection"),
    # JSON of the wrong shape.
    bad("json-wrong-shape", "wrong-shape.json", 1, "wrong-shape.json:1: this JSON holds no list"),
    bad("json-scalar", "scalar.json", 1, "scalar.json:1: this JSON holds no list of terms"),
    bad("json-list-of-numbers", "list-of-numbers.json", 1, "this item is not an object"),
    bad("json-invalid", "invalid.json", 1, "invalid.json:3: invalid JSON"),
    ok("json-number-definition", "non-text-definition.json", 2),  # a number is read as text
    bad(
        "json-nested-deep",
        "deep.json",
        1,
        "deep.json: the JSON is nested too deeply",
        setup=(_write("deep.json", b"[" * 100_000),),
    ),
    # Unusual but valid text.
    ok("emoji", "emoji.csv", 3, check=_same_rows_as_source("emoji.csv")),
    ok("right-to-left", "right-to-left.csv", 3, check=_same_rows_as_source("right-to-left.csv")),
    ok("zero-width", "zero-width.txt", 2, check=_terms_are("Bias", "Drift")),
    ok("crlf-page", "crlf-page.txt", 2, check=_terms_are("Bias", "Drift")),
    ok("cr-only-page", "cr-only-page.txt", 2, check=_terms_are("Bias", "Drift")),
    ok("long-lines", "long-lines-page.txt", 1),
    bad(
        "dangling-term",
        "dangling-term.txt",
        1,
        "dangling-term.txt:5: the term 'Overfitting' has no",
    ),
    ok(
        "quoted-title-as-deck",
        "quoted-title.md",
        2,
        outputs=("out.apkg",),
        check=_deck_is("The Best Glossary"),
    ),
    # Limits.
    ok(
        "40k-definition-apkg-csv-txt",
        "long.csv",
        1,
        outputs=("out.apkg", "out.csv", "out.txt"),
        setup=(_write("long.csv", LONG_DEFINITION),),
    ),
    bad(
        "40k-definition-xlsx",
        "long.csv",
        1,
        "long.csv:2: the definition of 'Bias' is 40,000 characters long",
        "-o",
        "out.csv",
        "-o",
        "out.xlsx",
        setup=(_write("long.csv", LONG_DEFINITION), _write("out.xlsx", OLD_BYTES)),
    ),
    bad(
        "10MB-line-quizlet",
        "huge.txt",
        1,
        "huge.txt:1: the definition of 'Bias' is 10,000,000 characters long, more than the 131,072",
        setup=(_write("huge.txt", b"Bias\t" + b"x" * 10_000_000),),
    ),
    bad(
        "10MB-line-csv",
        "huge.csv",
        1,
        "huge.csv:1: a cell is longer than 131,072 characters",
        setup=(_write("huge.csv", b"x" * 10_000_000),),
    ),
    bad(
        "10MB-line-of-words",
        "words.txt",
        1,
        f"{NO_TERMS}words.txt (read as page)",
        setup=(_write("words.txt", b"word " * 2_000_000),),
    ),
    # Tags and deck names.
    ok(
        "tags-column-with-space-is-two-tags",
        "tags-with-spaces.csv",
        1,
        outputs=("out.csv", "out.apkg"),
        check=_tags_are("a b"),
    ),
    bad("tag-option-with-space", "good.csv", 2, 'the tag "a b" contains a space', "--tag", "a b"),
    bad("empty-deck", "good.csv", 2, "the deck name is empty", "--deck", ""),
    bad("empty-deck-level", "good.csv", 2, '"A::::B" has an empty level', "--deck", "A::::B"),
    bad("quote-in-deck", "good.csv", 2, "contains a double quote", "--deck", 'A "B"'),
    # Sources and outputs on the file system.
    bad("missing-source", "missing.csv", 1, "missing.csv: no such file"),
    bad(
        "folder-as-source",
        "a-folder",
        1,
        "a-folder: this is a folder",
        setup=(_folder("a-folder"),),
    ),
    bad(
        "output-is-source",
        "good.csv",
        1,
        "good.csv: this output is also a source",
        "-o",
        "good.csv",
    ),
    bad(
        "output-is-source-by-out-dir",
        "good.csv",
        1,
        "this output is also a source",
        "--out-dir",
        ".",
    ),
    bad(
        "duplicate-outputs",
        "good.csv",
        2,
        "is named twice as an output",
        "-o",
        "out.csv",
        "-o",
        "./out.csv",
    ),
    bad(
        "missing-output-folder",
        "good.csv",
        1,
        "missing: the output folder does not exist",
        "-o",
        "missing/out.csv",
    ),
    bad(
        "output-is-a-folder",
        "good.csv",
        1,
        "out.csv: this is a folder",
        "-o",
        "out.csv",
        setup=(_folder("out.csv"),),
    ),
    bad(
        "unwritable-output-folder",
        "good.csv",
        1,
        "locked: the output folder is not writable",
        "-o",
        "locked/out.csv",
        setup=(_folder("locked", 0o555),),
    ),
    bad(
        "unknown-suffix",
        "good.csv",
        2,
        "cannot tell the output format of 'out.docx'",
        "-o",
        "out.docx",
    ),
    bad("unknown-format", "good.csv", 2, "unknown output format 'docx'", "--format", "docx"),
    bad("unknown-input-format", "good.csv", 2, "unknown input format 'docx'", "--from", "docx"),
    bad("unknown-encoding", "good.csv", 2, "unknown encoding 'bogus'", "--encoding", "bogus"),
    Case("no-output", ("export", "good.csv"), status=2, message="no output given"),
    bad(
        "bad-source-date-epoch",
        "good.csv",
        2,
        "SOURCE_DATE_EPOCH must be a whole number",
        env={"SOURCE_DATE_EPOCH": "yesterday"},
    ),
    bad(
        "failed-export-leaves-no-out-dir",
        "empty.txt",
        1,
        f"{NO_TERMS}empty.txt",
        "--out-dir",
        "new/deeper",
    ),
    Case(
        "out-dir-created",
        ("export", "good.csv", "--out-dir", "new/deeper"),
        terms=2,
        outputs=tuple(f"new/deeper/good{s}" for s in (".apkg", ".txt", ".csv", ".xlsx", ".html")),
    ),
    Case(
        "out-dir-is-a-file",
        ("export", "good.csv", "--out-dir", "good.csv"),
        status=2,
        message="Directory 'good.csv' is a file",
        click_usage=True,
    ),
    Case("check-warns-on-one-line", ("check", "windows-1252.txt"), terms=2, message="Windows-1252"),
    Case("check-missing-source", ("check", "missing.csv"), status=1, message="no such file"),
]


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file and folder under ``folder``: a file by its bytes, a folder as "folder"."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        found[path.relative_to(folder).as_posix()] = (
            "folder" if path.is_dir() else path.read_bytes()
        )
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "work"
    shutil.copytree(CORPUS, folder)
    for setup in case.setup:
        setup(folder)
    if case.id == "unwritable-output-folder" and os.access(folder / "locked", os.W_OK):
        pytest.skip("permissions are not enforced for this user (root)")
    monkeypatch.chdir(folder)
    before = snapshot(folder)

    result = CliRunner().invoke(cli, list(case.args), input=case.stdin, env=case.env)

    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    after = snapshot(folder)
    errors = result.stderr.splitlines()
    if case.terms is None:
        assert result.exit_code == case.status, result.output
        if case.click_usage:
            assert case.message in errors[-1]
        else:
            assert len(errors) == 1, errors
            assert errors[0].startswith("Error: ")
            assert case.message in errors[0]
            source = case.args[1]
            assert errors[0].count(source) <= 1, "the message names its file twice"
        assert result.stdout == ""
        assert after == before, "a refused export changed the folder"
    else:
        assert result.exit_code == 0, result.output
        assert _unique_terms(result.stdout) == case.terms
        if case.args[0] == "check":
            # check prints a warning about a line among its findings: one stdout line.
            warned = [line for line in result.stdout.splitlines() if case.message in line]
            assert errors == [] and len(warned) == 1, result.output
            assert re.match(r"[^:]+:[0-9]+: warning: ", warned[0]), warned
        else:
            assert errors == ([f"Warning: {errors[0][9:]}"] if case.message else []), errors
            assert case.message in result.stderr
        added = {name: digest for name, digest in after.items() if before.get(name) != digest}
        expected = set(case.outputs)
        expected |= {p.as_posix() for o in case.outputs for p in Path(o).parents if str(p) != "."}
        assert set(added) == expected
        if case.check:
            case.check(folder)


def _unique_terms(stdout: str) -> int:
    """N from the export summary ("Read R rows: N unique terms, ...") or check's "unique terms"."""
    for line in stdout.splitlines():
        match = SUMMARY.match(line)
        if match:
            return int(match[2])
        if line.startswith("unique terms: "):
            return int(line.split(": ")[1])
    raise AssertionError(f"no summary line in {stdout!r}")


def test_every_corpus_file_has_a_case() -> None:
    used = {arg for case in CASES for arg in case.args}
    unused = {path.name for path in CORPUS.iterdir()} - used
    assert not unused
    assert len(list(CORPUS.iterdir())) >= 30


def test_a_real_process_fails_with_one_line_and_status_1(tmp_path: Path) -> None:
    """Outside CliRunner: the installed entry point's real stderr and exit status."""
    source = tmp_path / "nul.txt"
    source.write_bytes((CORPUS / "nul-bytes.txt").read_bytes())
    result = _run_process("export", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: {source}:2: holds a NUL byte: this looks like a binary file or UTF-16 without a "
        "byte order mark; save it as UTF-8 or pass --encoding"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nul.txt"]


def test_a_real_process_prints_a_read_warning_on_stderr_only(tmp_path: Path) -> None:
    source = tmp_path / "cp1252.txt"
    source.write_bytes((CORPUS / "windows-1252.txt").read_bytes())
    result = _run_process("export", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"Warning: {source}:1: not valid UTF-8, read as Windows-1252 (accents on line(s) 1, 2, 3); "
        "if they look wrong, pass the file's code page: --encoding cp1250 (Central European), "
        "cp1251 (Cyrillic), …"
    ]
    assert result.stdout.splitlines()[0].startswith("Read 2 rows: 2 unique terms")


def test_a_real_process_writes_all_of_a_long_report_to_a_pipe(tmp_path: Path) -> None:
    """The entry point ends the process itself: what it printed must all be out by then."""
    source = tmp_path / "repeats.txt"
    source.write_text(
        "".join(f"Term {n}: meaning {n}.\nterm {n}: meaning {n}.\n" for n in range(3000))
    )
    result = _run_process("check", str(source))
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    duplicates = [line for line in lines if ": duplicate: " in line]
    assert len(duplicates) == 3000  # ~190 kB: many times a pipe's buffer
    assert duplicates[-1] == f"{source}:6000: duplicate: 'term 2999' is a duplicate of line 5999"
    assert lines[-1] == "rows without a definition: 0"


def test_a_real_process_exits_2_for_a_usage_mistake(tmp_path: Path) -> None:
    source = tmp_path / "terms.txt"
    source.write_text("Bias: a systematic error.\nDrift: a slow change.\n")
    result = _run_process("export", str(source), "--to", "excel", "-o", str(tmp_path / "o.csv"))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith("Error: unknown output format 'excel'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["terms.txt"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_is_refused_instead_of_read_forever(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "/dev/zero", "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert result.stderr == "Error: /dev/zero: this is a device, not a glossary file; name a file\n"


def test_a_lone_surrogate_from_python_is_a_source_error(tmp_path: Path) -> None:
    expected = r"^<list>:2: the term 'Drift\\ud800' holds U\+D800, half of a UTF-16 surrogate"
    with pytest.raises(SourceError, match=expected):
        export_deck([("Bias", "Error."), ("Drift\ud800", "Shift.")], tmp_path / "out.csv")
    assert list(tmp_path.iterdir()) == []


def _run_process(*args: str) -> subprocess.CompletedProcess[str]:
    source = Path(__file__).parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": str(source)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "glossary_export", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
