"""The command line: a thin click layer over export_deck() and load_glossary().

Every option maps onto an argument of the library; errors print as one line, never a traceback.
Only click and the option values are imported up front, so ``--help`` starts fast; the pipeline
is imported by the command that runs.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from . import __version__
from ._options import CONFLICT_POLICIES

if TYPE_CHECKING:
    from .deduplication import DedupeResult, Finding, NearMode
    from .export import Progress
    from .model import Glossary

F = TypeVar("F", bound=Callable[..., Any])

# A message longer than this is cut: stderr gets one readable line whatever the input held.
_MAX_MESSAGE = 1000
_ESCAPES = {"\\t": "\t", "\\n": "\n", "\\r": "\r", "\\\\": "\\"}


def _unescape(value: str) -> str:
    r"""Turn the ``\t`` and ``\n`` a shell user types into the characters they mean."""
    out, i = [], 0
    while i < len(value):
        pair = value[i : i + 2]
        if pair in _ESCAPES:
            out.append(_ESCAPES[pair])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _friendly_errors(command: F) -> F:
    """Print errors as one line on stderr, with no traceback: exit 2 for an option that cannot
    work (OptionError, like click's own usage errors), 1 for everything else."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import GlossaryError, OptionError

        try:
            with _printing_read_warnings():
                return command(*args, **kwargs)
        except OptionError as error:
            _fail(str(error), status=2)
        except GlossaryError as error:
            _fail(str(error))
        except BrokenPipeError:
            # The reader of our output went away (``check --explain | head``): nothing to say.
            # Point stdout at /dev/null so that flushing it at exit raises nothing either.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(f"{where}{error.strerror or error}")
        except MemoryError:
            _fail("out of memory; split the glossary into smaller files")
        except Exception as error:  # a bug: still one line, with a way to see the traceback
            if os.environ.get("GLOSSARY_EXPORT_DEBUG"):
                raise
            _fail(
                f"internal error ({type(error).__name__}: {error}); "
                "rerun with GLOSSARY_EXPORT_DEBUG=1 for details and please report it"
            )

    return wrapper  # type: ignore[return-value]


def _fail(message: str, status: int = 1) -> None:
    click.echo(f"Error: {_one_line(message)}", err=True)
    sys.exit(status)


def _one_line(message: str) -> str:
    """``message`` on one line (an OS message or a file name may hold a line break), cut short."""
    line = " ".join(message.split("\n")).replace("\r", " ")
    return line if len(line) <= _MAX_MESSAGE else line[: _MAX_MESSAGE - 1] + "…"


@contextmanager
def _printing_read_warnings() -> Iterator[None]:
    """Show each ReadWarning (e.g. "read as Windows-1252") as one "Warning: ..." line on stderr.

    Other libraries' warnings (openpyxl's about styles it ignores...) say nothing a user can act
    on, so the command keeps them quiet; the library itself leaves warnings to the caller.
    """
    from .readers import ReadWarning

    def show(message: Warning | str, *_: Any, **__: Any) -> None:
        click.echo(f"Warning: {_one_line(str(message))}", err=True)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("always", ReadWarning)
        warnings.showwarning = show
        yield


def _source_options(command: F) -> F:
    """Options that say how to read the sources, shared by export and check."""
    options = [
        click.option(
            "--from",
            "from_format",
            metavar="FORMAT",
            help="Input format, when detection guesses wrong (see 'formats').",
        ),
        click.option("--encoding", help="Text encoding of the sources (default: detected)."),
        click.option(
            "--sheet",
            help="Excel sheet to read (default: every sheet that holds a glossary).",
        ),
        click.option(
            "--columns",
            metavar="TERM,DEFINITION",
            help="Tables: the term and definition columns, by header name or 1-based number "
            "(default: chosen by name and content).",
        ),
        click.option(
            "--input-separator",
            metavar="TEXT",
            callback=lambda _context, _param, value: _unescape(value) if value else None,
            help="Text lists and Quizlet text: between term and definition (default: detected).",
        ),
        click.option(
            "--input-card-separator",
            metavar="TEXT",
            default="\\n",
            show_default=True,
            callback=lambda _context, _param, value: _unescape(value),
            help="Quizlet text: between cards (\\t and \\n understood).",
        ),
        click.option(
            "--on-conflict",
            type=click.Choice(CONFLICT_POLICIES),
            default="first",
            show_default=True,
            help="Which definition a term keeps when its rows disagree.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="glossary-export")
def cli() -> None:
    """Turn a glossary into flashcards: Anki, Quizlet, CSV and Excel.

    \b
    Example:
        glossary-export export examples/llm-glossary-page.txt --out-dir out
    """


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Output file; its suffix picks the format. Repeatable.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False),
    help="Also write .apkg, .txt (Quizlet), .csv, .xlsx and .html here, named after the source.",
)
@click.option(
    "--to",
    "--format",
    "to_format",
    metavar="FORMAT",
    help="Output format for every -o, instead of guessing from the suffix (see 'formats').",
)
@click.option(
    "--deck",
    help="Deck name; 'Parent::Child' nests. Default: the glossary's title or the source's name.",
)
@click.option("--description", help="Deck description (default: the page's own).")
@click.option("--tag", "tags", multiple=True, help="Tag every note with TAG. Repeatable.")
@click.option("--reverse", is_flag=True, help="Anki: add Definition -> Term cards.")
@click.option("--acronym-cards", is_flag=True, help="Anki: add Acronym -> full name cards.")
@click.option("--html", is_flag=True, help="The sources hold HTML: pass it through unescaped.")
@click.option(
    "--id-namespace",
    metavar="NAME",
    help="Anki: keep note identities when renaming the deck (default: the deck name).",
)
@click.option(
    "--memory",
    "memory_dir",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Anki: remember each deck's last export in DIR (default: $GLOSSARY_EXPORT_MEMORY, "
    "else your data folder), so updates work wherever the file went.",
)
@click.option(
    "--no-memory",
    is_flag=True,
    help="Anki: neither read nor write the deck memory (a file at the output path still counts).",
)
@click.option(
    "--term-separator",
    default="\\t",
    show_default=True,
    help="Quizlet output: between term and definition (\\t and \\n understood).",
)
@click.option(
    "--card-separator",
    default="\\n",
    show_default=True,
    help="Quizlet output: between cards (\\t and \\n understood).",
)
@click.option(
    "--formula-guard/--no-formula-guard",
    default=True,
    show_default=True,
    help="CSV: prefix ' to cells a spreadsheet would run as a formula.",
)
@click.option(
    "--bom/--no-bom",
    default=True,
    show_default=True,
    help="CSV: start with a UTF-8 byte order mark so Excel reads accents right.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Also list every merge and near-duplicate term."
)
@_source_options
@_friendly_errors
def export(
    sources: tuple[str, ...],
    outputs: tuple[str, ...],
    out_dir: str | None,
    to_format: str | None,
    memory_dir: str | None,
    no_memory: bool,
    term_separator: str,
    card_separator: str,
    quiet: bool,
    verbose: bool,
    **options: Any,
) -> None:
    """Export SOURCE (a study-page paste, CSV, ...) to Anki, Quizlet, CSV, Excel or a study page.

    \b
    Example:
        glossary-export export examples/llm-glossary-page.txt -o deck.apkg -o deck.xlsx
        glossary-export export terms.csv --out-dir out --deck "AI::LLM" --reverse
    """
    from .errors import OptionError, counted
    from .export import export_deck

    if memory_dir is not None and no_memory:
        raise OptionError("--memory and --no-memory contradict each other; give one")
    with _progress_bar(enabled=not quiet) as progress:
        report = export_deck(
            list(sources) if len(sources) > 1 else sources[0],
            outputs,
            to_format=to_format,
            out_dir=out_dir,
            term_separator=_unescape(term_separator),
            card_separator=_unescape(card_separator),
            memory=False if no_memory else (memory_dir if memory_dir is not None else True),
            progress=progress,
            **options,
        )
    _ENDS_WITH_THE_PROCESS["report"] = report
    for warning in report.warnings:
        click.echo(f"Warning: {_one_line(warning)}", err=True)
    if quiet:
        return
    empty = f", {report.empty_definitions} without a definition" if report.empty_definitions else ""
    click.echo(
        f"Read {counted(report.rows_read, 'row')}: "
        f"{counted(report.unique_terms, 'unique term')}, "
        f"{counted(report.duplicates_removed, 'duplicate')} removed, "
        f"{counted(report.conflicts, 'conflict')}{empty}."
    )
    for note in report.read_notes:
        click.echo(f"  {note}")
    if verbose:
        for finding in report.all_findings():
            click.echo(f"  {finding}")
    else:
        for line in _finding_summary(report.findings):
            click.echo(f"  {line}")
    for written in report.files:
        click.echo(f"Wrote {counted(written.terms, 'term')} to {written.path} ({written.format})")
        for what, count in written.adjustments.items():
            click.echo(f"  {what}: {count}")
        for note in written.notes:
            click.echo(f"  {note}")
    if verbose:
        for memory in report.memory_files:
            click.echo(f"Deck memory: {memory}")


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--explain",
    is_flag=True,
    help="First print every line of each text source with how it was read.",
)
@click.option(
    "--near",
    type=click.Choice(["typos", "all"]),
    default="typos",
    show_default=True,
    help="Near-duplicates: those that look like typos, or every pair one edit apart.",
)
@_source_options
@_friendly_errors
def check(
    sources: tuple[str, ...],
    as_json: bool,
    explain: bool,
    near: NearMode,
    from_format: str | None,
    on_conflict: str,
    **read_options: Any,
) -> None:
    """Lint SOURCE: one line per duplicate, conflict or near-duplicate, then counts.

    Exits 1 when any term has conflicting definitions. Near-duplicates are the terms that
    look like typos of each other (one letter apart with alike definitions, or spelling
    variants such as colour/color); --near all lists every pair one letter apart. A reader's
    warning about a line is a finding too: FILE:LINE: warning: MESSAGE. With --explain, each
    line of a text source is printed first as FILE:LINE: ROLE: TEXT, ROLE saying what it was
    read as (term, definition, title, heading, ...; "not read" for a line that went into no
    entry); each row of a workbook as FILE:ROW: sheet 'NAME': ROLE: TEXT.

    \b
    Example:
        glossary-export check examples/llm-glossary-page.txt
        glossary-export check --explain notes.md
    """
    from .deduplication import dedupe
    from .export import load_glossary

    with _located_read_warnings(keep=not as_json) as located:
        if explain:
            from .sources import merge

            # Each source on its own, to print its lines; then together, as check reads them.
            read = [load_glossary(path, from_format, **read_options) for path in sources]
            for path, one in zip(sources, read, strict=True):
                _explain(path, one, read_options)
            glossary = merge(read) if len(read) > 1 else read[0]
        else:
            source = list(sources) if len(sources) > 1 else sources[0]
            glossary = load_glossary(source, from_format, **read_options)
    # Conflicts are what check reports, so it never stops at the first one.
    result = dedupe(glossary, "first" if on_conflict == "error" else on_conflict)
    if as_json:
        import json

        click.echo(json.dumps(_check_json(result, near), ensure_ascii=False, indent=2))
    else:
        for where, message in located:
            click.echo(f"{where}: warning: {message}")
        for note in glossary.notes:
            click.echo(note)
        for finding in result.all_findings(near):
            click.echo(str(finding))
        click.echo(
            f"rows read: {result.rows_read}\nunique terms: {result.unique_terms}\n"
            f"duplicates removed: {result.duplicates_removed}\n"
            f"conflicting definitions: {result.conflicts}\n"
            f"rows without a definition: {result.empty_definitions}"
        )
    if result.conflicts:
        sys.exit(1)


# "FILE:LINE: message": a reader warning about one place (a file name may hold ":").
_LOCATED = re.compile(r"(?P<where>.+?:[0-9]+): (?P<message>.+)", re.S)


@contextmanager
def _located_read_warnings(keep: bool) -> Iterator[list[tuple[str, str]]]:
    """For ``check``: collect the ReadWarnings that name a file and line, as (where, message),
    to be printed among the findings in their format (``FILE:LINE: warning: ...``); any other
    warning (or every one, unless ``keep``) is shown as usual once the block ends."""
    from .readers import ReadWarning

    located: list[tuple[str, str]] = []
    failed = True  # a read that fails shows its warnings as usual, before its error
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ReadWarning)
            yield located
        failed = False
    finally:
        for warning in caught:
            match = _LOCATED.fullmatch(str(warning.message))
            if keep and not failed and issubclass(warning.category, ReadWarning) and match:
                located.append((match["where"], _one_line(match["message"])))
            else:
                warnings.showwarning(warning.message, warning.category, warning.filename, 0)


# Findings of one kind named one by one in the summary; the rest are counted (-v lists all).
_NAMED_FINDINGS = 5


def _finding_summary(findings: Sequence[Finding]) -> Iterator[str]:
    """The rows without a definition and the conflicting terms, each with its file and line
    (the first few; ``-v`` lists every finding)."""
    empty = [f for f in findings if f.kind == "empty definition"]
    if empty:
        yield (
            "no card for these rows, their definition is empty: "
            + _first_few([f"{f.term.where} {_shown(f.term.term)}" for f in empty])
        )
    conflicts = [f for f in findings if f.kind == "conflict"]
    if conflicts:
        yield "conflicting definitions: " + _first_few([f.message_where() for f in conflicts])
        if any(not f.joined for f in conflicts):
            yield "definitions were dropped; --on-conflict join keeps every one on its card"


def _first_few(items: Sequence[str]) -> str:
    shown = "; ".join(items[:_NAMED_FINDINGS])
    more = len(items) - _NAMED_FINDINGS
    return shown + (f"; and {more} more (-v lists them all)" if more > 0 else "")


def _shown(text: str) -> str:
    from .errors import shown

    return shown(text)


def _explain(path: str, glossary: Glossary, read_options: dict[str, Any]) -> None:
    """Print each line of one source with its reading (the line's text when it can be read
    again: not standard input)."""
    if not glossary.lines:
        # A table, workbook or package: its rows are its lines.
        for term in glossary.terms:
            click.echo(f"{term.where}: row: {_one_line(term.term)}")
        return
    texts: dict[int, str] = {}
    if path != "-" and _is_workbook(path):
        # A workbook's readings name their sheet and hold the row's text themselves.
        for reading in glossary.lines:
            click.echo(f"{path}:{reading.line}: {_one_line(reading.role)}")
        return
    if path != "-":
        from pathlib import Path

        from .readers._text import decode, numbered_lines

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # already shown when the source was read
            text = decode(Path(path).read_bytes(), path, read_options.get("encoding"))
        texts = dict(numbered_lines(text))
    for reading in glossary.lines:
        role = f"not read ({reading.role})" if reading.finding else reading.role
        shown_text = _one_line(texts.get(reading.line, "").strip())
        click.echo(f"{path}:{reading.line}: {role}" + (f": {shown_text}" if shown_text else ""))


def _is_workbook(path: str) -> bool:
    from .readers import detect_format

    with open(path, "rb") as file:
        return detect_format(path, file.read(65536)) == "xlsx"


def _check_json(result: DedupeResult, near: NearMode) -> dict[str, Any]:
    return {
        "rows_read": result.rows_read,
        "unique_terms": result.unique_terms,
        "duplicates_removed": result.duplicates_removed,
        "conflicts": result.conflicts,
        "empty_definitions": result.empty_definitions,
        "notes": list(result.glossary.notes),
        "findings": [_finding_json(finding) for finding in result.all_findings(near)],
    }


def _finding_json(finding: Finding) -> dict[str, Any]:
    other = finding.other
    return {
        "kind": finding.kind,
        "file": finding.term.file,
        "line": finding.term.line,
        "term": finding.term.term,
        "other_file": other.file if other else None,
        "other_line": other.line if other else None,
        "other_term": other.term if other else None,
        "similarity": finding.similarity,
        "message": finding.message,
    }


@cli.command()
def formats() -> None:
    """List the output and input formats and the suffixes that select them.

    \b
    Example:
        glossary-export formats
    """
    from .readers import READERS
    from .writers import WRITERS

    _format_table(
        "Output formats (-o FILE picks by suffix, --to NAME forces):",
        [(w.name, " ".join(w.suffixes), w.summary) for w in WRITERS],
    )
    click.echo()
    _format_table(
        "Input formats (detected from suffix and content, --from NAME forces):",
        [(r.name, " ".join(r.suffixes), r.summary) for r in READERS],
    )


def _format_table(title: str, rows: list[tuple[str, str, str]]) -> None:
    name_width = max(len(name) for name, _, _ in rows)
    suffix_width = max(len(suffixes) for _, suffixes, _ in rows)
    click.echo(title)
    for name, suffixes, summary in rows:
        click.echo(f"  {name:<{name_width}}  {suffixes:<{suffix_width}}  {summary}")


class ProgressLine:
    """A one-line progress bar on a terminal: the export's stage, a bar and the time so far.

    Nothing is drawn before ``delay`` seconds have passed, so quick exports print nothing
    extra; :meth:`clear` erases the line when the work ends.
    """

    WIDTH = 20

    def __init__(
        self, stream: TextIO, delay: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.current: Progress | None = None
        self.shown = 0
        """Length of the line on screen (0: nothing drawn)."""
        import threading  # here, not at the top: --help never needs it

        self.lock = threading.Lock()

    def update(self, progress: Progress) -> None:
        """The export started a stage (export_deck's progress callback)."""
        with self.lock:
            self.current = progress
            self._draw()

    def tick(self) -> None:
        """Redraw with the time so far (called periodically while a stage runs)."""
        with self.lock:
            self._draw()

    def clear(self) -> None:
        """Erase the line, if one was drawn."""
        with self.lock:
            if self.shown:
                self.stream.write("\r" + " " * self.shown + "\r")
                self.stream.flush()
                self.shown = 0

    def _draw(self) -> None:
        elapsed = self.clock() - self.started
        progress = self.current
        if progress is None or progress.stage == "done" or elapsed < self.delay:
            return
        filled = self.WIDTH * progress.step // max(1, progress.steps)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"[{bar}] {progress.step}/{progress.steps} {progress} ({elapsed:.0f} s)"
        line = line[: _terminal_width(self.stream) - 1]
        self.stream.write("\r" + line.ljust(self.shown))
        self.stream.flush()
        self.shown = len(line)


def _terminal_width(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 80


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[Progress], None] | None]:
    """export_deck's progress callback drawing a ProgressLine on stderr, when it is a terminal.

    Otherwise (piped, redirected, tests, ``--quiet``) no callback at all: nothing is printed.
    A timer thread redraws the line so that a long stage still shows time passing.
    """
    stream = sys.stderr
    if not enabled or not stream.isatty():
        yield None
        return
    import threading

    line = ProgressLine(stream)
    stop = threading.Event()

    def redraw() -> None:
        while not stop.wait(0.25):
            line.tick()

    ticker = threading.Thread(target=redraw, name="glossary-export progress", daemon=True)
    ticker.start()
    try:
        yield line.update
    finally:
        stop.set()
        ticker.join()
        line.clear()


_ENDS_WITH_THE_PROCESS: dict[str, object] = {}
"""The last export's report (and the glossary it holds), kept so that main() ends the process
with it instead of freeing its objects one by one when the command returns (see main)."""


def main() -> None:
    """The ``glossary-export`` command, ended without tearing the interpreter down.

    Freeing every object of a large glossary one by one costs 20-30 ms at 100k terms, and buys
    nothing: the process ends and the system takes its memory back at once. Everything the
    command writes is closed by then (each output, the deck memory, their thread pools); only
    the standard streams are still open, and they are flushed first.
    """
    try:
        cli(prog_name="glossary-export")
        status = 0
    except SystemExit as end:  # how click ends in standalone mode, with the exit status
        if end.code is None or isinstance(end.code, int):
            status = end.code or 0
        else:  # a message: printed, status 1, as the interpreter does with sys.exit("...")
            print(end.code, file=sys.stderr)
            status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # ``... | head``: the reader went away; nothing to say
        status = status or 1
    os._exit(status)
