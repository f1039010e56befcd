"""export_deck(): the whole pipeline, read -> dedupe -> write, as one function call.

Everything the CLI can do goes through here, so the library has the same power as the command.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import time
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .decks import check_deck, check_option_tags
from .deduplication import ConflictPolicy, DedupeResult, Finding, dedupe
from .errors import NoTermsError, OptionError, OutputError, UnknownFormatError
from .files import atomic_path, is_stream, symlink_loop
from .model import Glossary
from .readers import ReadOptions
from .sources import PathLike, Source, load, source_paths
from .writers import ExportSummary, WriteOptions, Writer, WriteResult, writer_for_path

if TYPE_CHECKING:
    from .deck_memory import Comparison, DeckMemory

# The formats --out-dir writes, each named after the source: the four a user asks for first.
OUT_DIR_SUFFIXES = (".apkg", ".txt", ".csv", ".xlsx", ".html")
# The writers that read and keep a deck memory.
ANKI_WRITERS = ("apkg", "anki-text")
# The writers that read it: the study page keys progress by each note's GUID.
MEMORY_READERS = (*ANKI_WRITERS, "html")


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration (and resume it if it was on).

    The pipeline builds hundreds of thousands of small objects that form no cycles (rows,
    terms, notes); each automatic collection walks all of them again, which cost up to 40% of
    the reading and deduplication time at 100k terms.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class WrittenFile:
    """One output of an export."""

    path: Path
    format: str
    terms: int
    adjustments: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    comparison: Comparison | None = None
    """Anki outputs: the earlier export its notes were compared with (None: none was found)."""
    warnings: list[str] = field(default_factory=list)
    """What went wrong without stopping the write (a damaged memory or earlier export)."""


@dataclass
class ExportReport:
    """What an export read, merged and wrote."""

    deck: str
    rows_read: int
    unique_terms: int
    duplicates_removed: int
    conflicts: int
    findings: tuple[Finding, ...]
    """Duplicates, acronym merges, conflicts and empty definitions, in source order."""
    files: list[WrittenFile] = field(default_factory=list)
    memory_files: list[Path] = field(default_factory=list)
    """The deck memory files this export wrote (Anki outputs, unless the memory is off)."""
    warnings: list[str] = field(default_factory=list)
    """What went wrong without stopping the export: each file's warnings, then a deck memory
    that could not be saved."""
    empty_definitions: int = 0
    """Rows with a term and no definition: no card was made for them (see :attr:`findings`)."""
    read_notes: tuple[str, ...] = ()
    """How the readers read the sources ("FILE: read the term from column 1 ..."), for the
    user."""
    dedupe_result: DedupeResult | None = field(default=None, repr=False, compare=False)
    """The deduplication behind the counts (with the unique glossary), for near_duplicates()."""

    def near_duplicates(self) -> tuple[Finding, ...]:
        """Terms one letter apart that were kept apart, in source order.

        Looked for on the first call, not during the export: it costs more than the export
        itself for large glossaries.
        """
        return self.dedupe_result.near_duplicates() if self.dedupe_result else ()

    def all_findings(self) -> tuple[Finding, ...]:
        """:attr:`findings` and :meth:`near_duplicates` together, in source order."""
        return self.dedupe_result.all_findings() if self.dedupe_result else self.findings


@dataclass(frozen=True)
class Progress:
    """Where an export is, passed to ``export_deck(progress=...)`` as each stage starts."""

    stage: str
    """ "reading", "deduplicating", "writing" (once per output) or "done" (at the very end)."""
    step: int
    """How many stages have finished."""
    steps: int
    """How many stages there are: reading, deduplicating and one per output."""
    output: Path | None = None
    """While writing: the file being written."""
    format: str = ""
    """While writing: its format."""

    def __str__(self) -> str:
        if self.stage == "writing" and self.output is not None:
            return f"writing {self.output.name} ({self.format})"
        return self.stage


ProgressCallback = Callable[[Progress], None]
ColumnsOption = str | tuple[str | int, str | int]
"""A table's term and definition columns: "TERM,DEFINITION", or a pair of header names or
1-based numbers."""


@collector_paused()
def load_glossary(
    source: Source,
    from_format: str | None = None,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    input_separator: str | None = None,
    input_card_separator: str = "\n",
    columns: ColumnsOption | None = None,
    format: str | None = None,
) -> Glossary:
    """Parse ``source`` into a Glossary holding every row (duplicates included).

    ``source`` is a path ("-" for standard input), a list of paths (merged in order), a list of
    (term, definition) pairs, a list of dicts or a pandas DataFrame. ``from_format`` overrides
    the input format detection (see ``glossary-export formats``; ``format=`` is its deprecated
    old name). ``input_separator`` is what
    separates term and definition in a text list or Quizlet text (detected for a list by
    default), ``input_card_separator`` what separates Quizlet cards. ``columns`` names a
    table's term and definition columns: ``"English,German"``, ``("Word", "Meaning")`` or
    ``(1, 3)`` (1-based), like ``--columns``.
    """
    from .readers.columns import parse_columns

    from_format = _renamed("format", format, "from_format", from_format)
    _check_types(
        from_format=(from_format, _TEXT_OR_NONE),
        encoding=(encoding, _TEXT_OR_NONE),
        sheet=(sheet, _TEXT_OR_NONE),
        input_separator=(input_separator, _TEXT_OR_NONE),
        input_card_separator=(input_card_separator, _TEXT),
    )
    options = ReadOptions(
        encoding=encoding,
        sheet=sheet,
        input_separator=input_separator,
        input_card_separator=input_card_separator,
        columns=parse_columns(columns),
    )
    return load(source, from_format, options)


@collector_paused()
def export_deck(
    source: Source,
    outputs: PathLike | Sequence[PathLike] = (),
    *,
    to_format: str | None = None,
    out_dir: PathLike | None = None,
    from_format: str | None = None,
    deck: str | None = None,
    description: str | None = None,
    tags: str | Iterable[str] = (),
    on_conflict: ConflictPolicy = "first",
    reverse: bool = False,
    acronym_cards: bool = False,
    html: bool = False,
    id_namespace: str | None = None,
    term_separator: str = "\t",
    card_separator: str = "\n",
    formula_guard: bool = True,
    bom: bool = True,
    encoding: str | None = None,
    sheet: str | None = None,
    columns: ColumnsOption | None = None,
    input_separator: str | None = None,
    input_card_separator: str = "\n",
    memory: PathLike | bool = True,
    progress: ProgressCallback | None = None,
    format: str | None = None,
) -> ExportReport:
    """Read ``source``, deduplicate it and write every output; return what happened.

    ``outputs`` is one path or several; each one's format comes from its suffix (``.apkg``,
    ``.anki.txt``, ``.txt`` for Quizlet, ``.csv``, ``.xlsx``, ``.html``) unless ``to_format``
    names it (``format=`` is its deprecated old name). ``out_dir`` adds an ``.apkg``, a Quizlet
    ``.txt``, a ``.csv``, an ``.xlsx`` and an ``.html`` study page named after the source.
    ``from_format`` overrides input detection; ``input_separator`` and ``input_card_separator``
    are how a text source separates terms (see :func:`load_glossary`), while ``term_separator``
    and ``card_separator`` are the Quizlet output's. All outputs are written or none: each goes
    to a temporary file first and all are renamed into place at the end.
    ``memory`` is where the Anki outputs remember each deck's last export, so that the next
    export updates exactly the changed notes wherever either file goes (the study page reads it
    too, to key progress by the same notes): True for the user's
    data folder (or the folder ``GLOSSARY_EXPORT_MEMORY`` names), a folder path, or False for
    no memory (an earlier export at the output path is still compared with).
    ``progress``, when given, is called with a :class:`Progress` as each stage starts and at
    the end (the library itself never prints).
    """
    to_format = _renamed("format", format, "to_format", to_format)
    _check_types(
        to_format=(to_format, _TEXT_OR_NONE),
        deck=(deck, _TEXT_OR_NONE),
        description=(description, _TEXT_OR_NONE),
        id_namespace=(id_namespace, _TEXT_OR_NONE),
        on_conflict=(on_conflict, _TEXT),
        reverse=(reverse, _FLAG),
        acronym_cards=(acronym_cards, _FLAG),
        html=(html, _FLAG),
        formula_guard=(formula_guard, _FLAG),
        bom=(bom, _FLAG),
    )
    if progress is not None and not callable(progress):
        raise OptionError(f"progress must be a function or None, not {type(progress).__name__}")
    tags = check_option_tags(_tag_list(tags))
    if deck is not None:
        check_deck(deck)
    report_progress = _progress_reporter(progress, outputs, out_dir)
    report_progress("reading")
    glossary = load_glossary(
        source,
        from_format,
        encoding=encoding,
        sheet=sheet,
        input_separator=input_separator,
        input_card_separator=input_card_separator,
        columns=columns,
    )
    named, in_dir = _targets(outputs, out_dir, glossary)
    targets = named + in_dir
    plan = _writers(named, in_dir, to_format)
    _refuse_overwriting_sources(targets, glossary)
    _check_targets(targets, Path(out_dir) if out_dir is not None else None)
    report_progress("deduplicating")
    result = dedupe(glossary, on_conflict)
    if not result.glossary.terms:
        names = ", ".join(glossary.sources) or "the source"
        raise NoTermsError(
            f"no terms with a definition found in {names}: every row's definition is empty; "
            "check the columns (--columns TERM,DEFINITION)",
            file=glossary.sources[0] if glossary.sources else None,
        )
    options = WriteOptions(
        deck=deck if deck is not None else default_deck_name(glossary),
        description=description if description is not None else glossary.description,
        tags=tuple(tags),
        timestamp=content_timestamp(glossary),
        summary=ExportSummary(
            sources=glossary.sources,
            rows_read=result.rows_read,
            duplicates_removed=result.duplicates_removed,
            conflicts=result.conflicts,
        ),
        id_namespace=id_namespace or "",
        reverse=reverse,
        acronym_cards=acronym_cards,
        html=html,
        term_separator=term_separator,
        card_separator=card_separator,
        formula_guard=formula_guard,
        bom=bom,
        memory_folder=_memory_folder(memory, plan),
    )
    report = _report(options.deck, result)
    report.read_notes = glossary.notes
    with _output_folder(Path(out_dir) if out_dir is not None else None):
        report.files, memories = _write_all(result.glossary, plan, options, report_progress)
    # Once each: the package and the text export of one deck read the same memory.
    report.warnings = list(dict.fromkeys(w for written in report.files for w in written.warnings))
    if options.memory_folder is not None:
        _remember(options.memory_folder, memories, report)
    report_progress("done")
    return report


def _memory_folder(memory: PathLike | bool, plan: list[tuple[Path, Writer]]) -> Path | None:
    """The deck memory folder, or None when it is off or no output reads it (only the Anki
    outputs write it: see _remember)."""
    if memory is False or not any(writer.name in MEMORY_READERS for _, writer in plan):
        return None
    from .deck_memory import default_folder

    return default_folder() if memory is True else Path(memory)


def _remember(folder: Path, memories: list[DeckMemory], report: ExportReport) -> None:
    """Store each deck's memory once every output is in place. Failing to is a warning, not a
    failed export: the outputs are written, only the next export knows less."""
    from .deck_memory import remember

    # One per namespace: the package and the text export of one deck hold the same notes.
    by_namespace = {memory.namespace: memory for memory in memories}
    for memory in by_namespace.values():
        try:
            report.memory_files.append(remember(folder, memory))
        except (OSError, UnicodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            report.warnings.append(
                f"the deck memory could not be saved in {folder} ({reason}); the outputs are "
                "written, but the next export can compare with this one only while its file "
                "stays at the same path (choose another folder with --memory DIR)"
            )


_TEXT = (str,)
_TEXT_OR_NONE = (str, type(None))
_FLAG = (bool,)
_KINDS = {_TEXT: "text", _TEXT_OR_NONE: "text or None", _FLAG: "True or False"}


def _check_types(**options: tuple[object, tuple[type, ...]]) -> None:
    """OptionError naming the first option whose value is of the wrong type (``deck=123``),
    rather than an AttributeError deep inside a writer."""
    for name, (value, kinds) in options.items():
        if not isinstance(value, kinds):
            raise OptionError(f"{name} must be {_KINDS[kinds]}, not {type(value).__name__}")


def _renamed(old_name: str, old: str | None, new_name: str, new: str | None) -> str | None:
    """The value of a keyword argument given under its new name or its deprecated old one."""
    if old is None:
        return new
    if new is not None:
        raise OptionError(f"{old_name}= is the old name of {new_name}=; give only {new_name}=")
    warnings.warn(
        f"{old_name}= is deprecated; call it {new_name}= (the same value)",
        DeprecationWarning,
        stacklevel=4,  # the caller of export_deck or load_glossary (collector_paused wraps them)
    )
    return old


def _tag_list(tags: object) -> tuple[str, ...]:
    """``tags`` as a tuple: a bare string is one tag (not one tag per letter)."""
    if isinstance(tags, str):
        return (tags,)
    if not isinstance(tags, Iterable) or isinstance(tags, (bytes, Mapping)):
        raise OptionError(f"tags must be a list of strings, not {type(tags).__name__}")
    listed = tuple(tags)
    wrong = next((tag for tag in listed if not isinstance(tag, str)), None)
    if wrong is not None:
        raise OptionError(f"tags must be strings, not {type(wrong).__name__} ({wrong!r})")
    return listed


def _progress_reporter(
    progress: ProgressCallback | None,
    outputs: PathLike | Sequence[PathLike],
    out_dir: PathLike | None,
) -> Callable[..., None]:
    """A function announcing each stage to ``progress`` (doing nothing without one)."""
    count = 1 if isinstance(outputs, (str, os.PathLike)) else len(outputs)
    count += len(OUT_DIR_SUFFIXES) if out_dir is not None else 0
    steps = 2 + count
    done = 0

    def announce(stage: str, output: Path | None = None, format: str = "") -> None:
        nonlocal done
        if progress is not None:
            progress(Progress(stage, min(done, steps), steps, output, format))
        done += 1

    return announce


def default_deck_name(glossary: Glossary) -> str:
    """The glossary's own title, else the first source file's name without its suffix, made
    into a name Anki keeps as it is (no quotes, control characters or empty levels)."""
    paths = source_paths(glossary)
    for name in (glossary.title, _stem(paths[0]) if paths else ""):
        usable = _usable_deck_name(name)
        if usable:
            return usable
    return "Glossary"


def _usable_deck_name(name: str) -> str:
    # A title is whatever the source said ('# The "Best" Glossary'); unlike --deck, which is
    # checked and refused, a default is quietly tidied so that the export works.
    kept = "".join(ch for ch in name if ch != '"' and unicodedata.category(ch) != "Cc")
    return "::".join(level.strip() for level in kept.split("::") if level.strip())


def content_timestamp(glossary: Glossary) -> float:
    """When the content last changed: SOURCE_DATE_EPOCH, else the newest source file, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return float(int(epoch))
        except ValueError:
            raise OptionError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}"
            ) from None
    mtimes = [path.stat().st_mtime for path in source_paths(glossary) if path.is_file()]
    return float(int(max(mtimes))) if mtimes else float(int(time.time()))


def _report(deck: str, result: DedupeResult) -> ExportReport:
    return ExportReport(
        deck=deck,
        rows_read=result.rows_read,
        unique_terms=result.unique_terms,
        duplicates_removed=result.duplicates_removed,
        conflicts=result.conflicts,
        findings=result.findings,
        empty_definitions=result.empty_definitions,
        dedupe_result=result,
    )


def _targets(
    outputs: PathLike | Sequence[PathLike], out_dir: PathLike | None, glossary: Glossary
) -> tuple[list[Path], list[Path]]:
    """The outputs named one by one, and those ``out_dir`` adds."""
    if isinstance(outputs, (str, os.PathLike)):
        outputs = [outputs]
    named = [Path(output) for output in outputs]
    in_dir = []
    if out_dir is not None:
        paths = source_paths(glossary)
        stem = _stem(paths[0]) if paths else "glossary"
        in_dir = [Path(out_dir) / f"{stem}{suffix}" for suffix in OUT_DIR_SUFFIXES]
    targets = named + in_dir
    if not targets:
        raise OptionError("no output given; name one with -o FILE or --out-dir DIR")
    seen: set[Path] = set()
    for target in targets:
        resolved = _resolved(target)
        if resolved in seen:
            raise OptionError(f"{target} is named twice as an output")
        seen.add(resolved)
    return named, in_dir


def _writers(
    named: list[Path], in_dir: list[Path], to_format: str | None
) -> list[tuple[Path, Writer]]:
    """Each output's writer. ``to_format`` applies to the outputs named one by one; the ``out_dir``
    outputs are each written in the format of their suffix. A suffix always matches the content:
    a named output whose suffix is another format's is refused."""
    if to_format is not None and in_dir and not named:
        raise OptionError(
            "--to applies to the -o outputs, and --out-dir always writes .apkg, .txt, .csv, "
            ".xlsx and .html; name the file with -o FILE instead"
        )
    plan = []
    for path in named:
        writer = writer_for_path(path, to_format)
        if to_format is not None:
            _check_suffix(path, writer)
        plan.append((path, writer))
    return plan + [(path, writer_for_path(path)) for path in in_dir]


def _check_suffix(path: Path, writer: Writer) -> None:
    """Refuse writing ``writer``'s content under another known format's suffix."""
    try:
        by_suffix = writer_for_path(path)
    except UnknownFormatError:
        return  # a suffix no format claims (or none): the content decides
    name = path.name.lower()
    matched = [suffix for suffix in by_suffix.suffixes if name.endswith(suffix)]
    # A .txt may hold Anki text too (its own suffix, .anki.txt, ends the same way).
    if by_suffix is writer or any(ours.endswith(m) for ours in writer.suffixes for m in matched):
        return
    raise OptionError(
        f"{path.name} has the suffix of {by_suffix.name} files, but --to asks for "
        f"{writer.name}; name it with {' or '.join(writer.suffixes)} or leave --to out"
    )


def _resolved(target: Path) -> Path:
    try:
        return target.resolve()
    except (RuntimeError, OSError):  # a symbolic link loop (RuntimeError before Python 3.13)
        raise symlink_loop(target) from None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".anki.txt", *path.suffixes[-1:]):
        if name.lower().endswith(suffix.lower()):
            return name[: -len(suffix)] or name
    return name


def _refuse_overwriting_sources(targets: list[Path], glossary: Glossary) -> None:
    """An output that is a source file would destroy the input: refuse before reading further."""
    sources = [path.resolve() for path in source_paths(glossary)]
    for target in targets:
        if _resolved(target) in sources:
            raise OutputError(
                "this output is also a source; choose another output name", file=str(target)
            )


def _check_targets(targets: list[Path], out_dir: Path | None) -> None:
    """Refuse, before writing anything, a target that is a folder or lies in a missing folder
    (``out_dir`` is created by the export itself)."""
    for target in targets:
        if target.is_dir():
            raise OutputError(
                "this is a folder; name a file to write, such as deck.apkg", file=str(target)
            )
        folder = target.parent
        if folder != out_dir and not folder.is_dir():
            raise OutputError("the output folder does not exist; create it first", file=str(folder))


@contextlib.contextmanager
def _output_folder(out_dir: Path | None) -> Iterator[None]:
    """Create ``out_dir`` (and missing parents) for the export; remove them if the export fails,
    so that a failed export leaves nothing behind, not even an empty folder."""
    if out_dir is None:
        yield
        return
    created = [folder for folder in (out_dir, *out_dir.parents) if not folder.exists()]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"the output folder cannot be created ({error.strerror})", file=str(out_dir)
        ) from None
    try:
        yield
    except BaseException:
        for folder in created:  # deepest first
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _write_all(
    glossary: Glossary,
    plan: list[tuple[Path, Writer]],
    options: WriteOptions,
    announce: Callable[..., None],
) -> tuple[list[WrittenFile], list[DeckMemory]]:
    """Write every output to a temporary file, then rename them all; a failure renames none.
    Also returns what the Anki outputs ask the deck memory to keep."""
    written = []
    memories = []
    with contextlib.ExitStack() as stack:
        # Moved into place in reverse order: devices and pipes, written last, go first, so that
        # one failing (/dev/full) stops the renames of the files too.
        for target, writer in sorted(plan, key=lambda item: is_stream(item[0])):
            announce("writing", target, writer.name)
            temporary = stack.enter_context(atomic_path(target))
            previous = target if target.is_file() else None
            file_options = dataclasses.replace(options, previous_output=previous)
            result = writer.write(glossary, temporary, file_options)
            written.append(_written(target, writer, result))
            if result.memory is not None:
                memories.append(result.memory)
    return written, memories


def _written(target: Path, writer: Writer, result: WriteResult) -> WrittenFile:
    return WrittenFile(
        path=target,
        format=writer.name,
        terms=result.terms_written,
        adjustments={k: v for k, v in result.adjustments.items() if v},
        notes=list(result.notes),
        comparison=result.comparison,
        warnings=list(result.warnings),
    )
