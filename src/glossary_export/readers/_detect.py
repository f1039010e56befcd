"""Format detection by content, for ``.txt`` files, unknown suffixes and standard input.

A study page, a plain ``Term: definition`` list and Markdown are told apart by what their lines
look like: Markdown by its headings, bold terms or tables; a list when most lines at the margin
split at one delimiter (but lines that all split at ";", or into three or more ";" cells, are a
CSV table); Quizlet text when a line joins several cards ("a - b;c - d"); a page
otherwise (term lines without a delimiter, sentences between).
"""

from __future__ import annotations

import codecs
import csv
import re

from . import quizlet, term_list
from ._text import TABLE_RULE, Columns, looks_like_html
from .columns import is_header

_ANKI_HEADER = re.compile(
    r"#(?:separator|html|tags|columns|notetype|deck|guid column|notetype column|deck column"
    r"|tags column):",
    re.IGNORECASE,
)
_MARKDOWN_LINE = re.compile(r"^(?:#{1,6}\s|\s*(?:[-*+]\s+)?\*\*[^*]+\*\*\s*(?::|[-–—]\s)|:\s+\S)")
_HTML_GUESS_LINES = 50
# Excel's first line naming the delimiter of the rows below: "sep=;", "sep=<Tab>".
_EXCEL_SEPARATOR = re.compile(r"\ufeff?sep=[,;|\t](?:\r\n|\r|\n)")


def detect_content(head: bytes) -> str | None:
    """The reader name the bytes look like, or None for an unknown binary format."""
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(head)
    text = _head_text(head)
    if _ANKI_HEADER.match(text):
        return "anki-text"
    if text.lstrip()[:1] in ("[", "{"):
        return "json"
    if _EXCEL_SEPARATOR.match(text):
        return "csv"  # Excel's "sep=;" (or "sep=<Tab>") line, which the CSV reader reads
    raw = text.splitlines()[:200]
    if len(head) >= 65536 and len(raw) > 1:
        raw = raw[:-1]  # the last line of a cut head may be incomplete
    lines = [line for line in raw if line.strip()]
    if _sectioned_list(lines):
        return "list"
    if _looks_like_markdown(lines):
        return "markdown"
    tabbed = sum("\t" in line and not term_list.tab_after_marker(line) for line in lines)
    if lines and tabbed >= 0.8 * len(lines):
        try:
            header = next(csv.reader([lines[0]], delimiter="\t"))
        except csv.Error:  # a cell past the csv module's field limit: no header row is that long
            return "quizlet"
        if Columns.from_header(header) or _names_rows(
            header, [line.split("\t") for line in lines[1:50]]
        ):
            return "tsv"  # "Term<Tab>Definition", "Terme<Tab>Définition" above the rows
        # Lines without a Tab, or indented (a title, wrapped definitions): a list; Quizlet's
        # export has a term and a Tab on every line.
        indented = any(line[:1] in " \t" for line in lines)
        if tabbed == len(lines) and not indented:
            # Anki's plain-text export without its '#' headers holds HTML ("dog<br>a pet",
            # "&amp;"); Quizlet's export never does.
            if looks_like_html(lines[:_HTML_GUESS_LINES]):
                return "anki-text"
            # Three cells or more on every line ("term<Tab>definition<Tab>category"): a table
            # whose later columns are extras, not a definition holding a Tab.
            widths = {line.count("\t") + 1 for line in lines}
            if len(widths) == 1 and min(widths) > 2 and not quizlet.guess_separators(text):
                return "tsv"
            return "quizlet"
        return "list"
    if quizlet.guess_separators("\n".join(lines)) is not None:
        return "quizlet"  # cards joined on a line: "a|||b;;;c|||d", "a - b;c - d;"
    if term_list.looks_like_a_list(lines):
        if _semicolon_table(lines):
            return "csv"
        if not _csv_rather_than_list(lines):
            return "list"
    if _looks_delimited(lines):
        return "csv"
    if term_list.weak_delimiter(raw):
        return "list"  # every line alike: "Osmosis / movement of water", "Term ..... definition"
    return "page"


def _sectioned_list(lines: list[str]) -> bool:
    """Whether ``#`` headings ("# Biology", "## Cells") head sections of a plain list: every
    other line is an entry, and some section holds two or more of them. Under each heading of
    a Markdown glossary is one term's definition instead."""
    headed = [bool(term_list.HEADING.match(line)) for line in lines]
    if not any(headed) or all(headed):
        return False
    rest = [line for line, heading in zip(lines, headed, strict=True) if not heading]
    chosen = term_list.choose_delimiter(rest)
    if chosen is None or chosen.entries < len(rest):
        return False
    runs = "".join("h" if heading else "e" for heading in headed)
    return "hee" in runs


def _semicolon_table(lines: list[str]) -> bool:
    """Whether lines split at ";" are a table (a CSV from a European Excel): every line is a
    row, or most of them hold three or more cells ("Hund;dog;noun"). A list has a title, a
    heading or a wrapped line, and two cells an entry ("Hund; dog")."""
    chosen = term_list.choose_delimiter(lines)
    if chosen is None or chosen[0] != ";":
        return False
    rows = [line for line in lines if ";" in line]
    widths = _widths(rows, ";")
    if not widths:
        return False
    usual = max(set(widths), key=widths.count)
    if len(rows) == len(lines) and len(set(widths)) == 1:
        return True
    # A spreadsheet writes every row's cells, empty ones too ("banana;a yellow fruit;"): rows
    # of three cells among rows of two ("apple; a fruit; red or green" over "banana; a yellow
    # fruit") are a list whose definitions hold a ';'.
    return usual > 2 and widths.count(usual) >= 0.8 * len(widths)


def _names_rows(header: list[str], below: list[list[str]]) -> bool:
    """Whether the first line is the header of the rows below it, as a table reader decides
    (by its names in any language) and has as many cells as a row below; a title line
    ("Vocabulary for week three") or a single line ("a<Tab>b;c<Tab>d;", Quizlet's cards on
    one line) is no header."""
    widths = {len(row) for row in below}
    return len(header) >= 2 and len(header) in widths and is_header(header, below)


def _csv_rather_than_list(lines: list[str]) -> bool:
    """Whether lines that also split like a list ("a,b: c") are CSV: a header row names the
    columns, or most of the would-be terms hold a comma or semicolon."""
    if not _looks_delimited(lines):
        return False
    for delimiter in (",", ";", "|"):
        try:
            header, *below = csv.reader(lines[:50], delimiter=delimiter)
        except csv.Error:
            continue
        # A header named in any language ("Mot, Définition"), as a table's is recognised.
        if len(header) >= 2 and (Columns.from_header(header) or _names_rows(header, below)):
            return True
    chosen = term_list.choose_delimiter(lines)
    terms = [
        entry[0]
        for line in lines
        if chosen and (entry := term_list.split_entry(term_list.unbulleted(line), chosen[0]))
    ]
    if term_list.numbered_terms(terms):
        return False  # "Osmosis, 45: the movement...", "Hydrogen, 1.008: the lightest..."
    # Every entry split at a typed separator (" - ", " = ", " → ") after words listed with
    # ", " ("amo, amare, amavi, amatum - to love"): the commas are the term's own, as a CSV
    # file, which writes none with a space after it, would not have them.
    return not (
        chosen
        and chosen.name.startswith(" ")
        and chosen.entries == chosen.margin
        and all(term.count(",") == term.count(", ") for term in terms)
    ) and sum(("," in term or ";" in term) for term in terms) >= 0.5 * max(1, len(terms))


def _zip_kind(head: bytes) -> str | None:
    import zipfile  # only for data that starts like a zip

    from ..errors import LimitError
    from ._archive import open_zip

    try:
        names = open_zip(head, "").namelist()
    except (zipfile.BadZipFile, LimitError):  # a directory too large to read: as if cut short
        # Only the start of the file: its local headers still name the first entries.
        names = []
        names += ["collection.anki2"] if b"collection.anki2" in head else []
        names += ["xl/"] if b"xl/" in head or b"[Content_Types].xml" in head else []
    if any(name.startswith("collection.anki2") for name in names):
        return "apkg"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    return None


def _head_text(head: bytes) -> str:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return head.decode(codec, errors="replace")
    return head.decode("utf-8", errors="replace")


def _looks_like_markdown(lines: list[str]) -> bool:
    for number, line in enumerate(lines[1:-1], start=1):
        # A table: header row, rule, and at least one row of cells (the study page's table
        # has a header and a rule but no rows).
        if TABLE_RULE.match(line.strip()) and "|" in lines[number - 1] and "|" in lines[number + 1]:
            return True
    shaped = sum(bool(_MARKDOWN_LINE.match(line)) for line in lines)
    return bool(lines) and shaped >= max(1, len(lines) // 2)


def _widths(lines: list[str], delimiter: str) -> list[int]:
    """The number of cells of each of ``lines`` split as CSV at ``delimiter``."""
    try:
        return [len(row) for row in csv.reader(lines, delimiter=delimiter) if row]
    except csv.Error:
        return []


def _looks_delimited(lines: list[str]) -> bool:
    """Rows with the same number (two or more) of comma/semicolon/pipe separated cells."""
    if not lines:
        return False
    sample = "\n".join(lines)
    for delimiter in (",", ";", "|"):
        if delimiter not in sample:
            continue
        try:
            rows = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            continue
        widths = [len(row) for row in rows if row]
        usual = max(set(widths), key=widths.count) if widths else 0
        if min(widths, default=0) >= 2 and widths.count(usual) >= 0.8 * len(widths):
            return True
    return False
