"""Shared reader helpers: bytes to text, lines with their numbers, header names, HTML to text."""

from __future__ import annotations

import codecs
import itertools
import re
import warnings
from collections.abc import Callable, Sequence

from ..errors import OptionError, SourceError, counted, shown


class ReadWarning(UserWarning):
    """Something was read, but maybe not as the user meant (e.g. a Windows-1252 guess)."""


# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one. Each mark with the
# codec that reads it and the --encoding names that agree with it.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", ("utf-32", "utf-32-le")),
    (codecs.BOM_UTF32_BE, "utf-32", ("utf-32", "utf-32-be")),
    (codecs.BOM_UTF8, "utf-8", ("utf-8", "utf-8-sig")),
    (codecs.BOM_UTF16_LE, "utf-16", ("utf-16", "utf-16-le")),
    (codecs.BOM_UTF16_BE, "utf-16", ("utf-16", "utf-16-be")),
)
# Characters no glossary holds: C0 controls other than Tab/LF/CR, DEL, and C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A Markdown table's rule under its header ("|---|:--:|", "--- | ---"), matched on a stripped line.
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
# Every ASCII character a glossary may hold (printable, Tab, LF, CR), for the fast checks.
_ASCII_TEXT = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def decode(data: bytes, file: str, encoding: str | None = None) -> str:
    """Text of ``data``: BOM-marked UTF-8/16/32, else UTF-8 (a few stray Windows-1252 bytes read
    as such), else Windows-1252, with a warning naming each line that needed a guess.

    ``encoding`` overrides the guess for a file without a byte order mark; a mark decides (it
    is never text: read as Windows-1252 a UTF-8 mark is "ï»¿"), with a warning when it
    disagrees with ``encoding``. NUL bytes, or control characters common enough to mean
    binary data, are an error naming the line; a stray control character is replaced
    (:func:`replace_controls`), so a binary or mis-encoded file never becomes a glossary of
    garbage and a PDF's page break never stops a whole file.
    """
    if not encoding and data.isascii() and not data.translate(None, _ASCII_TEXT):
        # Plain ASCII text, checked on the bytes: the check below would encode it back first.
        return data.decode("ascii")
    codec = None
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise OptionError(f"unknown encoding {encoding!r}; try utf-8 or cp1252") from None
    mark = next(((bom, name, agree) for bom, name, agree in _BOMS if data.startswith(bom)), None)
    if mark and codec and codec not in mark[2]:
        _warn(
            f"{file}:1: starts with a {mark[1].upper()} byte order mark, so it is read as "
            f"{mark[1].upper()}, not {encoding}; --encoding is for files without one"
        )
        codec = None
    if codec:
        text = _decode(data, codec, file, given=True)
    elif mark and mark[1] == "utf-8":
        # Read as the same file without its mark would be: stray Windows-1252 bytes included.
        text = _utf8_or_windows_1252(data[len(mark[0]) :], file)
    elif mark:
        text = _decode(data, mark[1], file, given=False)
    else:
        text = _utf8_or_windows_1252(data, file)
    text = text.removeprefix("\ufeff")
    # A line break in a file ends a row, or a term, or a definition: a VT or FF inside one
    # (a soft line break) becomes a space there, as the other stray controls do.
    return replace_controls(text, file, line_breaks=False)


def _decode(data: bytes, codec: str, file: str, *, given: bool) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        # error.object is what the codec saw (after the mark, for utf-8-sig): its own offsets.
        seen, start = error.object, error.start
        line = seen[:start].decode(codec, errors="replace").count("\n") + 1
        bad = " ".join(f"0x{byte:02x}" for byte in seen[start : error.end])
        if not given:
            hint = f"the file's byte order mark says {codec.upper()}; save it again as UTF-8"
        elif codec in ("utf-8", "utf-8-sig"):
            hint = "leave out --encoding to read a few stray bytes as Windows-1252"
        else:
            hint = "save the file as UTF-8 or pass the right --encoding"
        raise SourceError(
            f"{'byte' if error.end - start == 1 else 'bytes'} {bad} is not valid {codec}; {hint}",
            file=file,
            line=line,
        ) from None


# Stray bytes in an otherwise UTF-8 file: each one (0x80-0xFF that UTF-8 could not place)
# comes back from the "surrogateescape" handler as U+DC80-U+DCFF.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# Lines named one by one in warnings; beyond this, a count.
_WARNED_LINES = 10


def _utf8_or_windows_1252(data: bytes, file: str) -> str:
    if b"\x00" in data:
        # Without a BOM, NULs mean binary or UTF-16/32: say so before any decoding complaint.
        check_characters(data[: data.index(b"\x00") + 1].decode("latin-1"), file)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    mixed = _mostly_utf8(data, file)
    if mixed is not None:
        return mixed
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if not text or _binary_controls(text):
        raise SourceError(_not_windows_1252(data), file=file, line=line)
    misread = _misread_1252(text)
    if misread:
        raise SourceError(
            f"not UTF-8, and read as Windows-1252 it gives {shown(misread.group())}, which is how "
            f"text in another code page looks; pass {_code_page_hint(data)}, or --encoding "
            "cp1252 if that is right",
            file=file,
            line=len(_LINE_BREAK.findall(text, 0, misread.start())) + 1,
        )
    non_ascii = [number for number, text_line in numbered_lines(text) if not text_line.isascii()]
    listed = ", ".join(map(str, non_ascii[:_WARNED_LINES]))
    more = f" and {len(non_ascii) - _WARNED_LINES} more" if len(non_ascii) > _WARNED_LINES else ""
    _warn(
        f"{file}:{line}: not valid UTF-8, read as Windows-1252 "
        f"(accents on line(s) {listed}{more}); "
        "if they look wrong, pass the file's code page: --encoding cp1250 (Central European), "
        "cp1251 (Cyrillic), …"
    )
    return text


# How text in another code page looks read as Windows-1252, never a Western word:
# - a symbol that is a letter in Windows-1250 (ą ł ż Ą Ł Ż ľ) or Windows-1251 (і ї ё), between
#   two letters: "¿ó³w" for "żółw";
# - five letters beyond ASCII in a row, which is Cyrillic ("Ïðèâåò" for "Привет");
# - three characters beyond ASCII in a row, one of them not a letter: a double-byte code page
#   ("‚±‚ñ" for "こん" in Shift-JIS).
_LETTER_SYMBOLS = "£¥¯³¹¼¾¿¡¢¤¦§¨©«¬®°±²´¶¸»½"
_HIGH = "".join(
    ch for ch in bytes(range(0x80, 0x100)).decode("cp1252", "ignore") if ch.isprintable()
)
_HIGH_1252 = re.escape(_HIGH)
_HIGH_SYMBOLS = re.escape("".join(ch for ch in _HIGH if not ch.isalpha()))
_MISREAD_1252 = (
    re.compile(rf"(?<=[^\W\d_])[{_LETTER_SYMBOLS}](?=[^\W\d_])"),
    re.compile(r"(?<![^\W\d_])[À-ÖØ-öø-ÿĀ-ſ]{5,}(?![^\W\d_])"),
    re.compile(
        rf"(?<![{_HIGH_1252}])(?=[{_HIGH_1252}]{{3}})(?=[{_HIGH_1252}]*?[{_HIGH_SYMBOLS}])[{_HIGH_1252}]+"
    ),
)
_MISREAD_WORD = re.compile(rf"(?:[^\W\d_]|[{_HIGH_1252}])+")


def _misread_1252(text: str) -> re.Match[str] | None:
    """The first word of ``text``, read as Windows-1252, that looks like text in another code
    page, or None."""
    found = [match.start() for pattern in _MISREAD_1252 if (match := pattern.search(text))]
    if not found:
        return None
    # The whole word, as the user will recognise it.
    first = min(found)
    return next(w for w in _MISREAD_WORD.finditer(text, first) if w.start() <= first < w.end())


def _not_windows_1252(data: bytes) -> str:
    """The error for a file that is neither UTF-8 nor Windows-1252."""
    likely = _likely_code_pages(data)
    if not likely:
        return (
            "this is not text (not UTF-8, nor Windows-1252, nor a common code page); "
            "save the file as UTF-8 or pass the right --encoding"
        )
    return (
        f"not UTF-8 (nor Windows-1252); it reads cleanly as {_named(likely)}: pass "
        f"{_code_page_option(likely)}, or save the file as UTF-8"
    )


def _named(likely: list[tuple[str, str]]) -> str:
    named = [f"{codec} ({language})" for codec, language in likely]
    return " or ".join(named) if len(named) < 3 else ", ".join(named[:-1]) + " or " + named[-1]


def _code_page_option(likely: list[tuple[str, str]]) -> str:
    if len(likely) == 1:
        return f"--encoding {likely[0][0]}"
    return f"--encoding with the one for its language ({_named(likely)})"


def _code_page_hint(data: bytes) -> str:
    likely = _likely_code_pages(data)
    if len(likely) == 1:
        return f"--encoding {likely[0][0]} ({likely[0][1]})"
    if likely:
        return _code_page_option(likely)
    return "--encoding with the file's code page (cp1250 Central European, cp1251 Cyrillic, …)"


def _is_cyrillic(letter: str) -> bool:
    return "\u0410" <= letter <= "\u044f" or letter in "Ёё"


def _is_japanese(letter: str) -> bool:
    return (
        "\u3040" <= letter <= "\u30ff"  # hiragana, katakana
        or "\u3400" <= letter <= "\u9fff"  # ideographs
        or "\uff21" <= letter <= "\uff5a"  # full-width Latin
    )


def _is_simplified_chinese(letter: str) -> bool:
    try:
        letter.encode("gb2312")  # the common characters; GBK's rare ones are a misread
    except UnicodeEncodeError:
        return False
    return True


def _is_han(letter: str) -> bool:
    return "\u3400" <= letter <= "\u9fff"


def _is_korean(letter: str) -> bool:
    return "\uac00" <= letter <= "\ud7a3" or _is_han(letter)


# Legacy code pages tried for a hint only, never chosen: double-byte code pages read each
# other's bytes without an error, so only the user knows. Each with the test its letters
# pass when it is the right one.
_CODE_PAGES: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    ("cp1250", "Central European", lambda letter: True),
    ("cp1251", "Cyrillic", _is_cyrillic),
    ("shift_jis", "Japanese", _is_japanese),
    ("euc_jp", "Japanese", _is_japanese),
    ("gbk", "Chinese", _is_simplified_chinese),
    ("big5", "traditional Chinese", _is_han),
    ("euc_kr", "Korean", _is_korean),
)
_LIKELY_SHARE = 0.9


def _likely_code_pages(data: bytes) -> list[tuple[str, str]]:
    """The code pages in which ``data`` reads as text of their language."""
    likely = []
    for codec, language, fits in _CODE_PAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
        if (
            letters
            and sum(map(fits, letters)) >= _LIKELY_SHARE * len(letters)
            and _misread_1252(text) is None
            and _CONTROL.search(text) is None
            and not re.search(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]", text)
        ):
            likely.append((codec, language))
    return likely


def _mostly_utf8(data: bytes, file: str) -> str | None:
    """``data`` as UTF-8 with its few undecodable bytes read as Windows-1252, a warning naming
    each line that holds one; None when the file is not mostly UTF-8 (no valid multi-byte
    character, or more stray bytes than valid characters beyond ASCII)."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = _ESCAPED_BYTE.findall(text)
    beyond_ascii = sum(1 for ch in text if ord(ch) > 0x7F) - len(stray)
    if beyond_ascii == 0 or len(stray) > beyond_ascii:
        return None
    lines: list[int] = []
    line, position = 1, 0
    for match in _ESCAPED_BYTE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    fixed = _ESCAPED_BYTE.sub(_as_windows_1252, text)
    for number in lines[:_WARNED_LINES]:
        _warn(
            f"{file}:{number}: a byte that is not UTF-8 in a UTF-8 file, read as Windows-1252; "
            "check the accents on this line"
        )
    if len(lines) > _WARNED_LINES:
        _warn(f"{file}: {counted(len(lines) - _WARNED_LINES, 'more line')} with such bytes")
    return fixed


def _as_windows_1252(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    return byte.decode("cp1252", errors="replace")


def _warn(message: str) -> None:
    # Point at the caller of readers.read(): here < decoding < decode < read.
    warnings.warn(ReadWarning(message), stacklevel=5)


# A stray control character becomes this; VT and FF (a Word line break, a PDF page break) a
# line break, as they were meant.
_CONTROL_REPLACEMENTS = {"\x0b": "\n", "\x0c": "\n"}


def _binary_controls(text: str) -> bool:
    """Whether control characters are common enough in ``text`` to mean binary data."""
    count = sum(1 for _ in itertools.islice(_CONTROL.finditer(text), 10_000))
    return count > 16 and count * 100 > len(text)


def replace_controls(
    text: str, file: str, at_line: int | None = None, *, line_breaks: bool = True
) -> str:
    """``text`` with each stray control character (not Tab or a line break) replaced by a space,
    or a line break for VT and FF when ``line_breaks`` (a cell, which may hold one), and a
    warning naming the lines; NUL, or control characters
    common enough to mean binary data, are an error naming the line (:func:`check_characters`).
    ``at_line``: the text is one cell on that line (a spreadsheet row, a Python item).
    """
    if _no_controls(text):
        return text
    if "\x00" in text or _binary_controls(text):
        check_characters(text, file, at_line)
    lines: list[int] = []
    line, position = 1, 0
    for match in _CONTROL.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.append(at_line or line)
    breaks = _CONTROL_REPLACEMENTS if line_breaks else {}
    replaced = _CONTROL.sub(lambda m: breaks.get(m.group(), " "), text)
    shown = ", ".join(map(str, sorted(set(lines))[:_WARNED_LINES]))
    more = len(set(lines)) - _WARNED_LINES
    how = "a space (a line break for VT and FF)" if line_breaks else "a space"
    _warn(
        f"{file}:{lines[0]}: {counted(len(lines), 'control character')} replaced by {how}, "
        f"on {'line' if len(set(lines)) == 1 else 'lines'} {shown}"
        + (f" and {more} more" if more > 0 else "")
    )
    return replaced


def _no_controls(text: str) -> bool:
    if text.isascii() and not any(
        # Deleting the allowed bytes leaves nothing: about ten times faster than the search.
        text[start : start + 1_000_000].encode("ascii").translate(None, _ASCII_TEXT)
        for start in range(0, len(text), 1_000_000)
    ):
        return True
    return _CONTROL.search(text) is None


def check_characters(text: str, file: str, at_line: int | None = None) -> None:
    """Refuse NUL and other control characters, naming the first line that holds one (or
    ``at_line``, for a cell)."""
    if _no_controls(text):
        return
    nul = text.find("\x00")
    match = _CONTROL.search(text, nul) if nul >= 0 else _CONTROL.search(text)
    if match is None:
        return
    line = at_line or text.count("\n", 0, match.start()) + 1
    char = match.group()
    if char == "\x00":
        message = (
            "holds a NUL byte: this looks like a binary file or UTF-16 without a byte order "
            "mark; save it as UTF-8 or pass --encoding"
        )
    else:
        message = (
            f"holds the control character U+{ord(char):04X}, which no glossary text has; "
            "remove it or check that this is the right file"
        )
    raise SourceError(message, file=file, line=line)


# Characters that show nothing: a line of only these is as blank as an empty one.
_INVISIBLE = " \t\u00a0\u200b\u200c\u200d\u2060\ufeff"


def trim_invisible(text: str) -> str:
    """``text`` without white space or zero-width characters at either end (pasted from the web:
    "\u200bBias" must be the term "Bias", else it is a different term and a different note)."""
    # str.strip in a loop rather than a regex anchored at the end, which is quadratic on a
    # long run of spaces.
    trimmed = text.strip().strip(_INVISIBLE)
    while trimmed != text:
        text, trimmed = trimmed, trimmed.strip().strip(_INVISIBLE)
    return trimmed


def is_blank(text: str) -> bool:
    """Whether a line shows nothing (spaces, or zero-width characters pasted from a web page)."""
    return not text.strip().strip(_INVISIBLE)


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """Each line (any of CRLF, CR, LF ends it) with its 1-based number."""
    return list(enumerate(_LINE_BREAK.split(text), start=1))


# Header names meaning "the term" and "the definition", in the glossary's vocabulary and the
# names flashcard tools use (Anki's Front/Back, Quizlet's Term/Definition, Q&A).
TERM_NAMES = ("term", "front", "word", "question", "concept", "terms", "name")
DEFINITION_NAMES = ("definition", "back", "meaning", "answer", "description", "definitions")
TAGS_NAMES = ("tags", "tag")
ACRONYM_NAMES = ("acronym", "abbreviation", "acronyms")


def header_name(cell: object) -> str:
    """A header cell as compared: trimmed, case-folded, without a BOM, ``*``, ``#`` or ``:``."""
    return str(cell if cell is not None else "").strip().strip("\ufeff*_#:` ").casefold()


class Columns:
    """Where the term, definition, tags and acronym are in a row."""

    def __init__(self, term: int, definition: int, tags: int | None, acronym: int | None) -> None:
        self.term = term
        self.definition = definition
        self.tags = tags
        self.acronym = acronym

    def used(self) -> list[int]:
        """The indexes of the columns read."""
        return [c for c in (self.term, self.definition, self.tags, self.acronym) if c is not None]

    @classmethod
    def from_header(cls, cells: Sequence[object]) -> Columns | None:
        """Columns named by a header row, or None when the row is not a header.

        A header names at least one of term and definition; the other one is then the first
        column that is neither tags nor acronym (e.g. "Word, Translation").
        """
        names = [header_name(cell) for cell in cells]
        term = _first(names, TERM_NAMES)
        definition = _first(names, DEFINITION_NAMES)
        if term is None and definition is None:
            return None
        tags = _first(names, TAGS_NAMES)
        acronym = _first(names, ACRONYM_NAMES)
        taken = {term, definition, tags, acronym}
        free = [index for index in range(len(names)) if index not in taken and names[index]]
        if term is None:
            term = free.pop(0) if free else None
            guessed = term
        elif definition is None:
            definition = free.pop(0) if free else None
            guessed = definition
        else:
            guessed = None
        if term is None or definition is None:
            return None
        if guessed is not None and not _looks_like_a_name(names[guessed]):
            return None  # ["Word", "A unit of language."] is a row of data, not a header
        return cls(term, definition, tags, acronym)


def _looks_like_a_name(cell: str) -> bool:
    return len(cell.split()) <= 3 and not cell.endswith((".", "!", "?", ";", ","))


def _first(names: list[str], wanted: tuple[str, ...]) -> int | None:
    # Earlier synonyms win: a sheet with both "Term" and "Name" columns means "Term".
    for name in wanted:
        if name in names:
            return names.index(name)
    return None


def split_tags(value: str) -> tuple[str, ...]:
    """Tags as Anki writes them: separated by spaces; commas and semicolons too, as tag cells
    typed in spreadsheets are ("biology;cells", "biology, exam"): an Anki tag holds none."""
    return tuple(tag for tag in re.split(r"[\s,;]+", value) if tag)


def shown_line(line: str) -> str:
    """A line as HTML shows it: runs of white space as one space, trimmed."""
    return re.sub(r"[ \t\r\n\f]+", " ", line.replace("\xa0", " ")).strip()


def html_to_text(fragment: str) -> str:
    """Plain text of an Anki field, as Anki shows it: tags dropped, ``<br>`` a line break (two
    make an empty line), blocks on lines of their own, runs of white space one space."""
    if "<" not in fragment and "&" not in fragment:
        return shown_line(fragment)  # no markup: one line, as the parser would make it, but faster
    from ._html import TextExtractor  # the html modules load only for HTML fields

    parser = TextExtractor()
    parser.feed(fragment)
    parser.close()
    return parser.text()


def looks_like_html(values: Sequence[str]) -> bool:
    """Whether fields hold HTML markup or entities (how Anki guesses without ``#html``)."""
    pattern = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*\b[^>]*|/[a-zA-Z][a-zA-Z0-9]*)>|&[#a-zA-Z0-9]+;")
    return any(pattern.search(value) for value in values)


def unescape(text: str) -> str:
    """HTML entities decoded (used where markup is impossible but entities are not)."""
    import html

    return html.unescape(text)


# A copied reference page's furniture (a Wikipedia glossary pasted as text), shared by the
# page and list readers. Every line of it is named in the line accounting, never a card.
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]]*$")
OPEN_END = (",", ";", ":", "-", "–", "—", "(")
# The "[edit]" link after each of the page's headings.
# The link's words in English, French, German, Spanish, Italian, Portuguese, Dutch and Polish;
# a page may show two of them: "[edit | edit source]", "[Bearbeiten | Quelltext bearbeiten]".
_EDIT_WORDS = (
    r"(?:edit(?:[ \t]+source)?|modifier(?:[ \t]+le[ \t]+code)?|(?:quelltext[ \t]+)?bearbeiten"
    r"|editar(?:[ \t]+c[oó]digo(?:-fonte)?)?|modifica(?:[ \t]+wikitesto)?"
    r"|(?:brontekst[ \t]+)?bewerken|edytuj(?:[ \t]+kod)?)"
)
_EDIT_MARK = re.compile(
    rf"[ \t]*\[[ \t]*{_EDIT_WORDS}(?:[ \t]*\|[ \t]*{_EDIT_WORDS})*[ \t]*\]$", re.IGNORECASE
)
# The line under the title that names the site ("From Wikipedia, the free encyclopedia").
_SITE_LINE = re.compile(
    r"^(?:From [\w ]+, the free (?:encyclopedia|dictionary)|Aus Wikipedia, der freien "
    r"Enzyklopädie|De Wikipedia, la enciclopedia libre|Un article de Wikipédia, "
    r"l'encyclopédie libre)\.?$"
)
END_SECTIONS = (
    "see also",
    "references",
    "notes",
    "external links",
    "further reading",
    "bibliography",
    "sources",
    "footnotes",
)
_CONTENTS_NAMES = ("contents", "table of contents", "inhalt", "inhaltsverzeichnis", "sommaire")
# The items of the letter index: a letter, Wikipedia's "Top" and "0–9" links.
_INDEX_ITEMS = ("top", "(top)", "0–9", "0-9", "#", "hide", "toggle the table of contents")
# A numbered heading of the old vertical contents list ("1 A", "3 See also", "2.1 Rules").
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[ \t]+\S.{0,50}$")
# A reference under "References" / "Notes": Wikipedia's "^" back link, a year in brackets,
# an ISBN, a "Retrieved" date.
_REFERENCE = re.compile(r"^\^|\((?:1[5-9]|20)\d\d[a-z]?\)|\bISBN\b|\bRetrieved\b|\bdoi:")
# The site's footer under the end sections, when the whole page was copied.
_SITE_FOOTER = re.compile(
    r"^(?:Retrieved from [\"“]?https?://|(?:Hidden )?[Cc]ategor(?:y|ies): |This page was last "
    r"edited on |Text is available under the Creative Commons)"
)
# A note under a term that points to other pages by their titles ("Main article: Black
# hole"): no part of the definition.
_HATNOTE = re.compile(r"^(?:Main articles?|Further information|See also): *[^\W\d_]")
HATNOTE_STARTS = ("Main article", "Further information", "See also")
"""What a hatnote starts with (the cheap test before :func:`hatnote`)."""


def hatnote(text: str) -> str:
    """ "hatnote" when ``text`` is a reference page's pointer to other pages ("Main article:
    Black hole", "See also: Orbit and Apsis"), else "". Page titles start with a capital and
    are no sentence: "See also: a cross-reference in an index" is a list's entry."""
    match = _HATNOTE.match(text) if text.startswith(HATNOTE_STARTS) else None
    hat = match is not None and text[match.end() - 1].isupper() and not sentence_like(text)
    return "hatnote" if hat else ""


_SITE_LINES = 3
"""The site line is under the title, or first."""


def sentence_like(text: str) -> bool:
    """Ends like a sentence, is long, or stops open: never a term, a heading or a link."""
    return bool(SENTENCE_END.search(text)) or len(text.split()) >= 7 or text.endswith(OPEN_END)


def without_edit_mark(text: str) -> tuple[str, bool]:
    """``text`` without the "[edit]" link a heading of a copied page ends with, and whether it
    had one (then the line is a heading, never a term)."""
    if not text.endswith("]"):
        return text, False
    bare = _EDIT_MARK.sub("", text)
    return bare, bare != text


def _contents_name(text: str) -> bool:
    name = text.casefold().rstrip(":").removesuffix("[hide]").removesuffix("hide").strip()
    return name.rstrip(":").strip() in _CONTENTS_NAMES


def contents_line(text: str, named: bool = False) -> bool:
    """The letter index on one line: "Contents: A B C", "Contents: Top 0–9 A B C … See also
    References" (three letters, or two after a contents name, or under it: ``named``)."""
    first, _, rest = text.partition(" ")
    rest = rest.lstrip()
    # The cheap tests first: the second word is a letter, "Top", "(Top)" or "0–9".
    if (rest[1:2] not in (" ", "") and rest[:1] not in "(0T#") or not first.rstrip(":").isalpha():
        return False
    items = rest.split()
    letters = int(len(first) == 1 and first.isupper())  # "A B C D" alone
    for count, item in enumerate(items):
        if len(item) == 1 and item.isupper():
            letters += 1
        elif item.casefold() not in _INDEX_ITEMS:
            # The index ends with links to the end sections, or with nothing else.
            if not _end_section_names(" ".join(items[count:]).casefold()):
                return False
            break
    return letters >= (2 if named or _contents_name(first) else 3)


def _end_section_names(text: str) -> bool:
    """Whether ``text`` is end-section names one after another ("see also references")."""
    while text:
        name = next((name for name in END_SECTIONS if text.startswith(name)), None)
        if name is None or text[len(name) : len(name) + 1] not in ("", " "):
            return False
        text = text[len(name) + 1 :]
    return True


def _contents_item(text: str) -> bool:
    return bool(
        (len(text) == 1 and text.isupper())
        or text.casefold() in _INDEX_ITEMS
        or text.casefold() in END_SECTIONS
        or _NUMBERED_HEADING.match(text)
    )


def reference_furniture(
    texts: Sequence[str],
    headings: Sequence[int] = (),
    entry: Callable[[str], bool] | None = None,
) -> dict[int, str]:
    """The lines of a copied reference page that are its furniture, by index into ``texts``
    (the non-blank lines, stripped) with what each is: the site line, the contents (on one
    line, or a list under "Contents": "1 A" / "2 B" / "3 See also") and the end sections
    ("See also", "References" and what they list). ``headings`` are the lines that had an
    "[edit]" link: headings for certain, so an end section under one holds no entry even when
    its references are sentences. ``entry`` tells a list's entry line (a term, a separator, a
    definition): the entries go on down to the last one."""
    roles = {
        index: "site line"
        for index, text in enumerate(texts[:_SITE_LINES])
        if _SITE_LINE.match(text)
    }
    for index, text in enumerate(texts):
        if index in roles:
            continue
        # The cheap tests first (inline: they run on every line).
        space = text.find(" ")
        short = space > 0 and (
            text[space + 2 : space + 3] in (" ", "") or text[space + 1] in "(0T#"
        )
        if short and text[:1].isupper() and contents_line(text):
            roles[index] = "contents"
        elif len(text) < 30 and text[:1] in "CcTtIiSs" and _contents_name(text):
            # The list of the contents below the name, or the letter index on the next line.
            items = _contents_items(texts, index + 1)
            following = texts[index + 1] if index + 1 < len(texts) else ""
            if items == 0 and following[:1].isupper() and contents_line(following, named=True):
                roles[index] = roles[index + 1] = "contents"
            elif items >= 2:
                for inside in range(index, index + 1 + items):
                    roles[inside] = "contents"
    start = _end_sections(texts, entry)
    certain = [index for index in headings if texts[index].casefold() in END_SECTIONS]
    if certain and all(
        texts[index].casefold() in END_SECTIONS for index in headings if index > certain[0]
    ):
        start = min(start, certain[0])
    for index in range(start, len(texts)):
        text = texts[index]
        if text.casefold() in END_SECTIONS:
            roles[index] = "section heading"
        else:
            footer = _SITE_FOOTER.match(text)
            reference = _REFERENCE.search(text)
            roles[index] = (
                "site footer" if footer else "reference" if reference else "end section link"
            )
    return roles


def _contents_items(texts: Sequence[str], start: int) -> int:
    """How many lines from ``start`` are the items of a contents list: up to the first line
    that is none, or that is an item already listed (the first heading of the page itself:
    "A" below "1 A")."""
    seen: set[str] = set()
    count = 0
    numbered = False
    for text in texts[start:]:
        heading = bool(_NUMBERED_HEADING.match(text))
        item = text.split(maxsplit=1)[1] if heading else text
        if not _contents_item(text) or item in seen or (count and heading != numbered):
            break  # (a numbered list's items are all numbered)
        numbered = heading
        seen.add(item)
        count += 1
    return count


def _end_sections(texts: Sequence[str], entry: Callable[[str], bool] | None) -> int:
    """Where the end sections start: from the first end-section heading below the last
    entry's definition (a sentence, or a line not starting with a capital), every line is
    furniture; ``len(texts)`` when there is none."""
    start = len(texts)
    for index in range(len(texts) - 1, 0, -1):
        text = texts[index]
        if text.casefold() in END_SECTIONS:
            start = index
        elif _REFERENCE.search(text) or _SITE_FOOTER.match(text):
            continue  # a reference, listed under "References", or the site's footer
        elif sentence_like(text) or not text[:1].isupper() or (entry and entry(text)):
            break  # a definition: the entries go on down to here
    return start


# A book's page copied from a PDF: its page number ("412", appendix pages "G-1"), and its
# running head or foot ("GLOSSARY G-1", "Chapter 4 | Plant Biology 87").
_PAGE_NUMBER = re.compile(r"^(?:[A-Z]-)?\d{1,4}$")
_LETTERED_PAGE = re.compile(r"^[A-Z]-\d{1,4}$")
_HEAD_MARKS = ("|", "·", "•")
_BACK_MATTER = ("glossary", "index", "appendix", "glossar", "glossaire", "glosario")


def numbered_at_an_end(text: str) -> bool:
    """Whether a number ends ``text`` or its first word: the cheap test for page furniture."""
    return text[-1:].isdigit() or text.partition(" ")[0][-1:].isdigit()


Neighbour = tuple[int, str] | None
"""The nearest non-blank line above or below a line, as (line number, text); None at an end."""


def page_furniture(text: str, number: int, above: Neighbour, below: Neighbour) -> str:
    """What ``text`` is when it is a book page's furniture, else "": a page number alone
    between blank lines, or inside a sentence broken at the page's end ("from high" / "412" /
    "concentration to low": three digits at most, as a year is part of the sentence); a
    running head ending or starting with its page number, lettered by the back matter's
    initial as a glossary's pages are ("GLOSSARY G-1", "G-2 Glossary"), or set off by a bar
    ("Chapter 4 | Plant Biology 87", not on the first line). ``number`` is the line's number,
    ``above`` and ``below`` its nearest non-blank lines: a neighbour with no blank line between
    is read with it (none is counted above the first line: that is the title)."""
    if not numbered_at_an_end(text):
        return ""
    joined_above = above is None or above[0] == number - 1
    joined_below = below is not None and below[0] == number + 1
    before = above[1] if above is not None and joined_above else None
    after = below[1] if below is not None and joined_below else None
    alone = not joined_above and not joined_below
    if len(text) <= 6 and _PAGE_NUMBER.match(text):  # "412", "G-1" (the cheap test first)
        # Inside a sentence broken at the page's end, no blank line around: a definition's
        # line wrapping onto a line in lower case.
        broken = (
            len(text) <= 3
            and before is not None
            and after is not None
            and (len(before.split()) >= 6 or len(before) >= 40 or before.endswith(OPEN_END))
            and not SENTENCE_END.search(before)
            and after[:1].islower()
        )
        return "page number" if alone or broken else ""
    if "-" not in text and not any(mark in text for mark in _HEAD_MARKS):
        return ""  # neither a lettered page ("G-1") nor a bar: no running head (the cheap test)
    words = text.split()
    if not 2 <= len(words) <= 10 or SENTENCE_END.search(text):
        return ""
    for page, rest in ((words[-1], words[:-1]), (words[0], words[1:])):
        # The letter is the back matter's initial: G-1 is the glossary's first page.
        named = rest[0].isupper() or rest[0].casefold() in _BACK_MATTER
        if _LETTERED_PAGE.match(page) and rest[0][:1].upper() == page[0] and named:
            return "running head"
        # Set off by a bar: between blank lines, or inside the text (never the first line,
        # which may be a title: "Biology | Unit 2").
        inside = alone or (before is not None and after is not None)
        if inside and page.isdigit() and len(page) <= 3 and any(m in rest for m in _HEAD_MARKS):
            return "running head"
    return ""


def page_furniture_note(file: str, dropped: Sequence[tuple[int, str, str]]) -> str:
    """The summary's note on the page numbers and running heads left out: (line number,
    text, what it is) each."""
    number, text, _ = dropped[0]
    return (
        f"{file}:{number}: left out {counted(len(dropped), 'line')} of a book's page "
        f"furniture, its page numbers and running heads ({shown(text)})"
    )


def list_furniture(
    lines: Sequence[tuple[int, str]], entry: Callable[[str], bool]
) -> dict[int, str]:
    """The furniture of a copied page among a list's lines (numbered, blank ones too), by line
    number with what each is: a reference page's (its contents, letter headings, "[edit]"
    headings, end sections) and a book page's (page numbers, running heads). ``entry`` tells
    a line holding a term and its definition, which is never furniture."""
    shown_lines = [(number, text.strip()) for number, text in lines if not is_blank(text)]
    texts = [text for _, text in shown_lines]
    headings: list[int] = []
    # Only a line ending in "]" can end with an "[edit]" link: those found in C, looked at alone.
    ending = map(str.endswith, texts, itertools.repeat("]"))
    for index in itertools.compress(itertools.count(), ending):
        texts[index], edited = without_edit_mark(texts[index])
        if edited:
            headings.append(index)
    roles = reference_furniture(texts, headings, entry)
    for index in headings:
        roles.setdefault(index, "letter heading" if len(texts[index]) == 1 else "heading")
    for index, text in enumerate(texts):
        if index in roles or not (
            len(text) == 1 or text.startswith(HATNOTE_STARTS) or numbered_at_an_end(text)
        ):
            continue  # the cheap tests first
        if hatnote(text):  # "Main article: Orbit" splits at its colon, but is no entry
            roles[index] = "hatnote"
            continue
        number = shown_lines[index][0]
        below = texts[index + 1] if index + 1 < len(texts) else ""
        if len(text) == 1 and text.isupper() and below[:1].upper() == text and len(below) > 1:
            roles[index] = "letter heading"  # "A" above "abaft – toward the stern"
        else:
            above = (shown_lines[index - 1][0], texts[index - 1]) if index else None
            after = (shown_lines[index + 1][0], below) if index + 1 < len(texts) else None
            role = page_furniture(text, number, above, after)
            if role and not entry(text):  # (the dear test last)
                roles[index] = role
    return {shown_lines[index][0]: role for index, role in roles.items()}


PAGE_FURNITURE = ("page number", "running head")
"""A book page's furniture: a definition broken at the page's end goes on after it."""
