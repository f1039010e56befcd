"""Which row is a header and which columns hold the term and the definition, as a person decides.

Shared by every tabular reader (CSV/TSV, workbooks). A header is recognised by its names: the
term/definition synonyms of the major European languages, language names ("English",
"Deutsch"), and the names of the extra columns vocabulary lists carry ("Part of Speech",
"lektion", "notes"). The term and definition are then chosen by name: synonyms first, then
language columns (the first is the term, the second the definition), then names that hold a
synonym ("English Term"); where no name says it, by content: a column of short codes such as
``v.``/``n.`` is never the definition when a column of real text exists. ``--columns`` forces
the choice with names or 1-based numbers.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass

from ..errors import OptionError, SourceError
from ..model import Glossary
from ._text import ACRONYM_NAMES, DEFINITION_NAMES, TAGS_NAMES, TERM_NAMES, Columns, header_name

# Whole header names meaning "the term" and "the definition" beyond the English ones
# (German, French, Spanish, Italian, Portuguese, Dutch, Polish, Swedish, Danish, Norwegian,
# Czech, Romanian...), singular and plural. They are compared without their accents
# (:func:`column_word`), so "Definición", "definicion" and "DEFINICIÓN" are one name.
TERM_WORDS = frozenset(
    (
        *TERM_NAMES,
        *"begriff begriffe wort wörter ausdruck ausdrücke stichwort stichwörter vokabel".split(),
        *"vokabeln fachbegriff fachbegriffe terminus termini lemma lemmata headword".split(),
        *"terme termes mot mots vocabulaire término términos palabra palabras vocablo".split(),
        *"vocablos vocabulario termine parola parole vocabolo vocaboli vocabolario".split(),
        *"termo termos palavra palavras vocábulo vocábulos vocabulário woord woorden".split(),
        *"begrip begrippen termen słowo słowa wyraz wyrazy termin terminy pojęcie pojęcia".split(),
        *"ord uttryck begrepp termer begreb begrep slovo slova pojem pojmy termín".split(),
        *"cuvânt cuvinte termen termeni".split(),
        *"vocabulary vocab expression expressions phrase phrases keyword keywords".split(),
        *"entry kanji hanzi noun".split(),
        # The infinitive heads a verb table ("Infinitiv;Präsens;Präteritum;Englisch").
        *"infinitive infinitiv infinitif infinitivo infinito bezokolicznik".split(),
        # Turkish, Vietnamese, Indonesian and Malay.
        *"terim kelime sözcük istilah kata".split(),
        "thuật ngữ",
        "từ vựng",
        # Japanese, Chinese, Korean, Russian, Greek, Arabic.
        *"単語 用語 語彙 見出し語 词语 词汇 术语 單詞 詞語 術語 단어 용어 термин слово".split(),
        *"όρος λέξη المصطلح الكلمة".split(),
    )
)
DEFINITION_WORDS = frozenset(
    (
        *DEFINITION_NAMES,
        *"meanings descriptions translation translations gloss glosses equivalent".split(),
        *"explanation explanations".split(),
        *"übersetzung übersetzungen uebersetzung bedeutung bedeutungen erklärung".split(),
        *"erklärungen erklaerung beschreibung beschreibungen definitionen definiton".split(),
        *"définition définitions traduction traductions signification significations".split(),
        *"sens explication explications".split(),
        *"definición definiciones traducción traducciones significado significados".split(),
        *"explicación explicaciones descripción descripciones".split(),
        *"definizione definizioni traduzione traduzioni significato significati".split(),
        *"spiegazione spiegazioni descrizione descrizioni".split(),
        *"definição definições tradução traduções explicação explicações descrição".split(),
        *"definitie definities vertaling vertalingen betekenis betekenissen".split(),
        *"omschrijving omschrijvingen uitleg beschrijving".split(),
        *"definicja definicje tłumaczenie tłumaczenia znaczenie znaczenia wyjaśnienie".split(),
        *"opis översättning översättningar betydelse betydelser förklaring".split(),
        *"definitioner betydning betydninger oversættelse oversettelse forklaring".split(),
        *"definisjon definice význam překlad vysvětlení".split(),
        *"traducere traduceri definiție definiții explicație sensuri".split(),
        # Turkish, Vietnamese, Indonesian and Malay.
        *"anlam anlamı tanım tanımı çeviri nghĩa arti definisi terjemahan maksud".split(),
        "định nghĩa",
        "giải thích",
        "bản dịch",
        *"意味 訳 翻訳 訳語 定義 説明 意思 翻译 释义 定义 解释".split(),
        *"译名 譯名 翻譯 釋義 뜻 의미 번역".split(),
        *"перевод значение определение μετάφραση σημασία ορισμός الترجمة المعنى التعريف".split(),
    )
)
# Language names as column names (English and their own names), for "English,German" tables.
LANGUAGE_WORDS = frozenset(
    """english englisch anglais inglés ingles inglese inglês engels angielski engleză
    german deutsch allemand alemán aleman tedesco alemão duits niemiecki germană
    french französisch franzoesisch français francais francés frances francese francês frans
    spanish spanisch espagnol español espanol spagnolo espanhol spaans hiszpański
    italian italienisch italien italiano italiaans włoski portuguese portugiesisch portugais
    portugués português portoghese dutch niederländisch nederlands polish polnisch polski
    swedish schwedisch svenska czech tschechisch čeština romanian rumänisch română romana
    russian russisch русский greek griechisch ελληνικά latin latein latine latino latim
    chinese chinesisch 中文 汉语 japanese japanisch 日本語 korean koreanisch 한국어
    영어 일본어 중국어 arabic arabisch العربية turkish türkisch türkçe hindi hebrew ukrainian
    norwegian danish finnish hungarian mandarin cantonese vietnamese tiếng
    indonesian""".split()
)
# How a word is spoken or spelled in Latin letters: a column of these is an extra beside the
# term, never the definition when a language column (the learner's language) is there too
# ("Hanzi,Pinyin,English": the definition is English).
ROMANISATION_WORDS = frozenset(
    """pinyin romaji rōmaji romanization romanisation romanized romanised transliteration
    transcription pronunciation reading readings ipa phonetic phonetics furigana kana
    hiragana katakana jyutping zhuyin bopomofo 読み 読み方 よみ ふりがな 拼音 读音 發音 发音
    注音 발음 транскрипция транслитерация произношение""".split()
)
# Names of the other columns vocabulary lists and glossaries carry: a row of these is a header.
EXTRA_WORDS = frozenset(
    """part of speech pos type category subcategory example examples sentence notes note
    comment comments remark remarks lesson lektion unit chapter kapitel level source sources
    reference references cross id no number nr gender genus plural singular article artikel
    notiz notizen bemerkung bemerkungen anmerkung anmerkungen beispiel beispiele beispielsatz
    kommentar kategorie wortart thema topic section page seite aussprache lautschrift
    pronunciation ipa transcription reading romaji context usage synonym synonyms antonym
    domain field subject remarque remarques exemple exemples commentaire commentaires
    catégorie leçon chapitre thème niveau prononciation synonyme synonymes pluriel
    ejemplo ejemplos notas comentario comentarios observaciones categoría género lección
    unidad capítulo pronunciación sinónimo sinónimos nota esempio esempi commento commenti
    osservazioni genere lezione capitolo pronuncia sinonimo sinonimi exemplo exemplos
    observação observações comentário gênero lição unidade pronúncia opmerking opmerkingen
    voorbeeld voorbeelden notitie notities categorie lidwoord uitspraak hoofdstuk meervoud
    woordsoort uwagi uwaga przykład przykłady kategoria wymowa lekcja rozdział exempel
    品詞 例文 読み 備考 词性 例句 备注 拼音 读音 품사 예문 пример примечание
    participle preterite preterit imperative subjunctive conjugation
    präsens präteritum perfekt partizip imperfekt plusquamperfekt futur konjunktiv imperativ
    présent passé imparfait participe subjonctif impératif conjugaison
    presente pretérito indefinido imperfecto participio gerundio subjuntivo imperativo
    passato imperfetto congiuntivo perfeito imperfeito particípio gerúndio
    verleden voltooid deelwoord""".split()
) - {"of"}  # "part of speech" is known by its words, but "movement of water" names nothing
# Accents: the combining marks of Latin, Greek and Cyrillic letters once decomposed.
_ACCENTS = re.compile("[\u0300-\u036f]+")


def column_word(cell: object) -> str:
    """A header cell (or JSON key) as compared with the names above: :func:`header_name`
    without accents, since a header is typed with them or without ("Définition",
    "Definicion", "Erklaerung")."""
    name = header_name(cell)
    if name.isascii():
        return name
    return unicodedata.normalize("NFC", _ACCENTS.sub("", unicodedata.normalize("NFD", name)))


def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(map(column_word, words))


TERM_WORDS = _folded(TERM_WORDS)
DEFINITION_WORDS = _folded(DEFINITION_WORDS)
LANGUAGE_WORDS = _folded(LANGUAGE_WORDS)
ROMANISATION_WORDS = _folded(ROMANISATION_WORDS)
EXTRA_WORDS = _folded(EXTRA_WORDS)
_ALL_WORDS = TERM_WORDS | DEFINITION_WORDS | LANGUAGE_WORDS | EXTRA_WORDS | ROMANISATION_WORDS
_TOKEN = re.compile(r"[^\W\d_]+")
# A code of one to four ASCII letters, perhaps with a dot: v., n., adj., m, f.
_CODE = re.compile(r"[A-Za-z]{1,4}\.?")
_SAMPLE = 200
"""Rows looked at to judge a column's content."""


@dataclass(frozen=True)
class Choice:
    """The columns to read, whether the first row was their header, and what to tell the user."""

    columns: Columns
    header: tuple[str, ...] | None
    """The header's cells, as written (None: the table has no header row)."""
    note: str = ""
    """Which columns were used, when they were not simply the first two."""
    start: int = 0
    """Position (in the rows given to :func:`choose`) of the header, or of the first row of the
    body when there is no header: the rows above it are blank or titles."""
    titles: tuple[int, ...] = ()
    """Positions of the title rows above the header ("Biology Unit 3 vocabulary")."""
    fields: tuple[int, ...] = ()
    """Positions of the form fields above the header ("Name: ________"): not titles."""

    def title_text(
        self, rows: Sequence[Sequence[object]], stacked: bool = False
    ) -> tuple[str, str]:
        """The glossary's title and description from the title rows of ``rows`` (the rows given
        to :func:`choose`): the first title row, and the others; ``stacked``: the last title
        names the first of the tables stacked on the sheet, not the glossary."""
        positions = self.titles[:-1] if stacked else self.titles
        texts = [title_of(rows[position]) for position in positions]
        return (texts[0], "\n".join(texts[1:])) if texts else ("", "")

    def extra_columns(self) -> list[tuple[int, str]]:
        """(index, name) of each named column that is not read as a field: its values travel
        with the term as extras (not the columns of a second table beside, which repeat the
        names of the term and the definition)."""
        if self.header is None:
            return []
        used = set(self.columns.used())
        read = {header_name(self.header[index]) for index in used if index < len(self.header)}
        return [
            (index, name.strip())
            for index, name in enumerate(self.header)
            if index not in used and name.strip() and header_name(name) not in read
        ]


def title_of(row: Sequence[object]) -> str:
    """A title row's text as the deck's name: its cells, or a comment's text without its
    leading ``#`` ("# Vocabulary for week 3", a line some exporters write above the header;
    cut at its commas, which were text)."""
    if _is_comment(row):
        return ", ".join(_texts(row)).lstrip("#").strip()
    return _row_text(row)


# A comment line above a table's header: "# Vocabulary for week 3", "## exported ...".
_COMMENT = re.compile(r"#+\s")


def _is_comment(row: Sequence[object]) -> bool:
    texts = _texts(row)
    return bool(texts) and bool(_COMMENT.match(texts[0]))


# The blank of a form field to fill in: "________", "..........".
_BLANK = re.compile(r"_{3,}|\.{4,}|…+")
# A form field's label: "Name:", "Class", "Date :".
_LABEL = re.compile(r"[^\W_][^:_]{0,29}[:：]?")


def is_form_field(row: Sequence[object]) -> bool:
    """Whether a row above a table holds form fields to fill in ("Name: ________", "Name
    ______ Date ______") rather than a title: each label followed by its blank."""
    text = _row_text(row)
    if len(text) > 200 or not _BLANK.search(text):
        return False
    *labels, rest = _BLANK.split(text)
    return not rest.strip() and all(_LABEL.fullmatch(label.strip()) for label in labels)


def _tokens(name: str) -> list[str]:
    return _TOKEN.findall(name)


def _known(name: str) -> bool:
    """Whether a header cell reads as a column name (whole or by its words)."""
    return name in _ALL_WORDS or any(token in _ALL_WORDS for token in _tokens(name))


def is_column_name(name: str) -> bool:
    """Whether ``name`` (a JSON key) reads as a column name: "definition", "pos", "French"."""
    return _known(column_word(name))


def _name_like(name: str, words: int = 4) -> bool:
    return 0 < len(name) <= 40 and len(name.split()) <= words and not name.endswith((".", "!", "?"))


def is_header(cells: Sequence[object], below: Sequence[Sequence[str]] = ()) -> bool:
    """Whether a row names its columns: the synonyms say so, or every filled cell is short and
    name-like, the names differ, at least half of them (two at least, or the only one of a
    one-name row) are known column names, and none reappears in its column below."""
    if Columns.from_header(cells) is not None:
        return True
    names = [column_word(cell) for cell in cells]
    filled = [name for name in names if name]
    if not filled or len(set(filled)) != len(filled):
        return False
    # A name above a column of numbers may say what they are ("Result for 6 and 3").
    above_numbers = all(map(_capitalised, _texts(cells))) and _above_numbers(cells, below)
    if not all(_name_like(name, 6 if above_numbers else 4) for name in filled):
        return False
    known = sum(map(_known, filled))
    named = known * 2 >= len(filled) and known >= min(2, len(filled))
    if not named and not ((len(filled) >= 3 and _unlike_its_column(cells, below)) or above_numbers):
        return False
    for index, name in enumerate(names):
        if name and any(index < len(row) and column_word(row[index]) == name for row in below):
            return False
    return True


def _texts(cells: Sequence[object]) -> list[str]:
    return [str(cell).strip() for cell in cells if cell is not None and str(cell).strip()]


def _unlike_its_column(cells: Sequence[object], below: Sequence[Sequence[str]]) -> bool:
    """Whether a cell of the row is a word above a column of numbers or of codes (``v.``,
    ``n.``), as a header is (a vocabulary list's part of speech or lesson column)."""
    for index, cell in enumerate(cells):
        name = str(cell if cell is not None else "").strip()
        column = _column(below, index)
        if sum(ch.isalpha() for ch in name) < 3 or len(column) < 3:
            continue
        if all(map(_NUMBER.fullmatch, column)) and not _NUMBER.fullmatch(name):
            return True
        if not _real_text(column) and not _CODE.fullmatch(name):
            return True
    return False


_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
# A number or a date (1066, 0.5, 1,000.25, 71%, 6.022E+23, 1969-07-20, 20.07.1969, 7/20/1969).
_NUMBER_OR_DATE = re.compile(
    r"-?[$€£¥]?[0-9]+(?:[.,][0-9]+)*(?:[eE][+-]?[0-9]+)?%?|[0-9]{1,4}([-./])[0-9]{1,2}\1[0-9]{1,4}"
)


def _capitalised(name: str) -> bool:
    return name[0].isupper() or (name[0].isalpha() and not name[0].islower())


def _above_numbers(cells: Sequence[object], below: Sequence[Sequence[str]]) -> bool:
    """Whether a cell of the row is a word above a column of numbers or dates (nearly all of
    at least three cells), as "Date" above 1066, 1815, 1969-07-20 is: a header even when no
    name is a known column name, while a vocabulary list's first row ("Hund", "dog") is not.
    Above one or two rows, every cell of the column must be one, and every name of the row a
    short word or two without digits ("Date", "Event" above 1066, "Battle of Hastings")."""
    few_words = all(len(text.split()) <= 3 and not _DIGIT.search(text) for text in _texts(cells))
    for index, cell in enumerate(cells):
        name = str(cell if cell is not None else "").strip()
        column = _column(below, index)
        if sum(ch.isalpha() for ch in name) < 3 or not column or _NUMBER_OR_DATE.fullmatch(name):
            continue
        numeric = sum(1 for value in column if _NUMBER_OR_DATE.fullmatch(value))
        if len(column) >= 3 and numeric * 10 >= len(column) * 8:
            return True
        if len(column) < 3 and numeric == len(column) and few_words:
            return True
    return False


_DIGIT = re.compile(r"[0-9]")


_WHOLE = re.compile(r"[0-9]+")


def choose(
    rows: Sequence[Sequence[str]],
    forced: tuple[str, str] | None = None,
    file: str | None = None,
    line: int | None = None,
) -> Choice:
    """The columns of a table whose first rows are ``rows`` (later rows are a sample of its
    body); ``forced`` is ``--columns`` (names or 1-based numbers).

    The header may sit below blank rows and title rows (rows of one filled cell, such as
    "Biology Unit 3 vocabulary"), as spreadsheets and their CSV exports have them: the first
    row of several filled cells decides, a header or the first row of the body. ``line`` is
    the line of ``rows[0]``, for errors.
    """
    start, named = _header_position(rows, forced)
    above = [position for position in range(start) if _filled(rows[position])]
    fields = tuple(position for position in above if is_form_field(rows[position]))
    titles = tuple(position for position in above if position not in fields)
    first = [str(cell) for cell in rows[start]] if rows else []
    below = rows[start + 1 : start + _SAMPLE + 1]
    # ``line`` is that of rows[0]; the row below titles has no line known here.
    at = line if start == 0 else None
    beside = _side_by_side(first, below)
    if beside and forced is None:
        raise _side_by_side_error(first, beside, file, at)
    header = tuple(first) if named or beside or is_header(first, below) else None
    if forced is not None:
        choice = _forced(forced, header, first, below, file, at)
    elif header is None:
        choice = _by_content(rows[start : start + _SAMPLE])
    else:
        choice = _by_name(header, below)
    note = "; ".join(filter(None, (choice.note, _html_note(rows[start : start + _SAMPLE]))))
    return dataclasses.replace(choice, start=start, titles=titles, fields=fields, note=note)


def _side_by_side(first: Sequence[str], below: Sequence[Sequence[str]]) -> list[list[int]]:
    """The column groups of a header that names the same columns twice or more, in the same
    order ("English,Spanish,,English,Spanish": a printed sheet of two tables beside each
    other), when the first group is a header; else nothing."""
    names = [header_name(cell) for cell in first]
    filled = [index for index, name in enumerate(names) if name]
    sequence = [names[index] for index in filled]
    for size in range(2, len(sequence) // 2 + 1):
        groups = [filled[start : start + size] for start in range(0, len(filled), size)]
        if (
            len(sequence) % size == 0
            and len(set(sequence[:size])) == size
            and all([names[index] for index in group] == sequence[:size] for group in groups)
        ):
            group = groups[0]
            cells = [first[index] for index in group]
            projected = [[row[i] if i < len(row) else "" for i in group] for row in below]
            return groups if is_header(cells, projected) else []
    return []


def _side_by_side_error(
    first: Sequence[str], groups: Sequence[Sequence[int]], file: str | None, line: int | None
) -> SourceError:
    names = ", ".join(repr(first[index].strip()) for index in groups[0])
    spans = " and ".join(f"{group[0] + 1}-{group[-1] + 1}" for group in groups)
    choices = " or ".join(f"--columns {group[0] + 1},{group[1] + 1}" for group in groups)
    return SourceError(
        f"columns {spans} are each headed {names}: tables side by side, which are not read "
        f"as one; put each table below the first, or read one of them with {choices}",
        file=file,
        line=line,
    )


# Formatting markup study sites export inside cells (Cram, Brainscape): tags and entities.
_HTML = re.compile(
    r"</?(?:b|i|u|s|br|p|div|span|strong|em|sup|sub|ul|ol|li|font|img|a|hr|code|mark)\b[^<>]*>"
    r"|&(?:amp|lt|gt|quot|nbsp|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});",
    re.IGNORECASE,
)


def _html_note(rows: Sequence[Sequence[str]]) -> str:
    """What to say when the cells of a table (its first rows) hold HTML markup."""
    found = dict.fromkeys(
        match.group().lower() for row in rows for cell in row for match in _HTML.finditer(cell)
    )
    if not found:
        return ""
    shown = ", ".join(map(repr, list(found)[:3]))
    return (
        f"the cells hold HTML ({shown}), kept as written; pass --html if it is markup for "
        "Anki to show as formatting"
    )


_HEADER_SEARCH = 10
"""Rows searched for a header, so that title rows above a table are fine."""


def _filled(row: Sequence[object]) -> int:
    return sum(1 for cell in row if cell is not None and str(cell).strip())


def _row_text(row: Sequence[object]) -> str:
    return " ".join(str(cell).strip() for cell in row if cell is not None and str(cell).strip())


def _header_position(
    rows: Sequence[Sequence[str]], forced: tuple[str, str] | None
) -> tuple[int, bool]:
    """Where the table starts, and whether that row is its header because ``--columns`` names
    its cells: the row of the first few holding both names ``--columns`` gives, else the first
    row with several filled cells when it is a header (the rows of one cell above it are
    titles), else the first filled row."""
    top = list(enumerate(rows[:_HEADER_SEARCH]))
    if forced is not None and not any(part.strip().isdigit() for part in forced):
        wanted = {header_name(part) for part in forced}
        for position, cells in top:
            if wanted <= {header_name(str(cell)) for cell in cells}:
                return position, True
    several = next(
        (position for position, cells in top if _filled(cells) > 1 and not _is_comment(cells)),
        None,
    )
    if several is not None and is_header(rows[several], rows[several + 1 : several + _SAMPLE]):
        return several, False
    # No header: a row of one cell at the top may be a term missing its definition.
    # A comment line ("# exported 2026-11-30") above it is a title all the same.
    return next(
        (position for position, cells in top if _filled(cells) and not _is_comment(cells)), 0
    ), False


def named_columns(names: Sequence[str]) -> tuple[int | None, int | None]:
    """The term and definition among ``names`` (a JSON object's keys) by the names alone, as
    a table's header names them: None where no name says it."""
    words = [column_word(name) for name in names]
    taken = {
        _first_index(words, lambda n: n in TAGS_NAMES),
        _first_index(words, lambda n: n in ACRONYM_NAMES),
    }
    return _named(words, (), taken)


def _named(
    names: list[str], below: Sequence[Sequence[str]], taken: set[int | None]
) -> tuple[int | None, int | None]:
    """The term and definition the header ``names`` (by :func:`column_word`) say, the columns
    ``taken`` aside; ``below`` only tells the term left of a lone language column."""
    term = _first_index(names, lambda n: n in TERM_NAMES, taken)
    definition = _first_index(names, lambda n: n in DEFINITION_NAMES, taken | {term})
    term = term if term is not None else _first_index(names, TERM_WORDS.__contains__, taken)
    taken.add(term)
    if definition is None:
        definition = _first_index(names, DEFINITION_WORDS.__contains__, taken)
    languages = [
        index
        for index, name in enumerate(names)
        if index not in taken and index != definition and _is_language(name)
    ]
    if term is None and definition is None and len(languages) >= 2:
        term, definition = languages[0], languages[1]
    elif term is None and definition is None and languages:
        # One language column: a list read left to right ("Number,French", "Pinyin,English")
        # has its term before the translation; with nothing before it, the language is the term.
        before = _term_before(names, below, languages[0], taken)
        term, definition = (before, languages[0]) if before is not None else (languages[0], None)
    elif term is None and languages:
        term = languages[0]
    elif definition is None and languages:
        definition = languages[0]
    taken.update((term, definition))
    if term is None:
        term = _first_index(names, _holds(TERM_WORDS), taken)
        taken.add(term)
    if definition is None:
        definition = _first_index(names, _holds(DEFINITION_WORDS), taken)
    return term, definition


def _by_name(header: tuple[str, ...], below: Sequence[Sequence[str]]) -> Choice:
    names = [column_word(cell) for cell in header]
    tags = _first_index(names, lambda n: n in TAGS_NAMES)
    acronym = _first_index(names, lambda n: n in ACRONYM_NAMES)
    taken = {tags, acronym}
    term, definition = _named(names, below, set(taken))
    taken.update((term, definition))
    if term is None:
        term = _text_column(names, below, taken)
        taken.add(term)
    if definition is None:
        definition = _text_column(names, below, taken)
    if term is None or definition is None:
        term, definition = _first_two(names)
    columns = Columns(term, definition, tags, acronym)
    unnamed = [
        index
        for index, name in enumerate(names)
        if not name
        and index not in columns.used()
        and _column(below, index)
        and not _counts_rows(_column(below, index))  # a program's index (pandas, R)
    ]
    unread = _unread_note(unnamed, "no name", "name it in the header row to keep it")
    note = "; ".join(filter(None, (_note(columns, header), unread)))
    return Choice(columns, header, note)


NO_HEADER = "no header"
"""Why a headerless table's later columns are not read, as the note says it."""


def _unread_note(columns: Sequence[int], why: str, keep: str) -> str:
    """What to say of the filled columns no cell of the header names: they are not read."""
    if not columns:
        return ""
    numbers = [str(index + 1) for index in columns]
    shown = " and ".join([", ".join(numbers[:-1]), numbers[-1]] if len(numbers) > 1 else numbers)
    noun, have = ("columns", "have") if len(numbers) > 1 else ("column", "has")
    return (
        f"{noun} {shown} {have} {why} and {'were' if len(numbers) > 1 else 'was'} not read "
        f"({keep}; --columns TERM,DEFINITION picks others)"
    )


def _is_language(name: str) -> bool:
    """Whether a column is named by a language ("English", "English Term"), not by how that
    language is spoken ("Pinyin", "English pronunciation")."""
    if name in ROMANISATION_WORDS or any(token in ROMANISATION_WORDS for token in _tokens(name)):
        return False
    return name in LANGUAGE_WORDS or any(token in LANGUAGE_WORDS for token in _tokens(name))


# Names of a column that numbers the rows (never the term, whatever it holds).
_ROW_NUMBER_NAMES = frozenset(("id", "no", "nr", "nº", "index", "", "n", "num"))


def _term_before(
    names: Sequence[str], below: Sequence[Sequence[str]], language: int, taken: Set[int | None]
) -> int | None:
    """The column left of the only language column that holds the terms: the first free one
    whose cells are filled and mostly differ (not a lesson number), and do not count the rows
    unless the two are the whole table ("Number,French" above 1 un, 2 deux, 3 trois)."""
    two = sum(1 for name in names if name) == 2
    for index in range(language):
        cells = _column(below, index)
        if index in taken or names[index] in _ROW_NUMBER_NAMES or not cells:
            continue
        if (two or not _counts_rows(cells)) and len(set(cells)) * 10 >= len(cells) * 8:
            return index
    return None


def _holds(words: frozenset[str]) -> Callable[[str], bool]:
    return lambda name: any(token in words for token in _tokens(name))


def _first_index(
    names: list[str], wanted: Callable[[str], bool], taken: Set[int | None] = frozenset()
) -> int | None:
    """The first column not ``taken`` whose name is ``wanted``."""
    return next(
        (index for index, name in enumerate(names) if index not in taken and wanted(name)), None
    )


def _first_two(names: Sequence[str]) -> tuple[int, int]:
    filled = [index for index, name in enumerate(names) if name] or [0]
    return filled[0], filled[1] if len(filled) > 1 else filled[0] + 1


def _text_column(
    names: Sequence[str], below: Sequence[Sequence[str]], taken: set[int | None]
) -> int | None:
    """The first free column of real text (not a column of codes, nor of row numbers), else
    the first free one."""
    free = [index for index in range(len(names)) if index not in taken]
    counted = [
        index
        for index in free
        if names[index] in _ROW_NUMBER_NAMES and _counts_rows(_column(below, index))
    ]
    free = [index for index in free if index not in counted] or free
    texts = [index for index in free if _real_text(_column(below, index))]
    return texts[0] if texts else (free[0] if free else None)


def _column(rows: Sequence[Sequence[str]], index: int) -> list[str]:
    return [row[index].strip() for row in rows if index < len(row) and row[index].strip()]


def _real_text(cells: Sequence[str]) -> bool:
    """Whether a column holds text rather than codes (``v.``, ``n.``, ``adj.``, ``der``/``die``):
    codes are short ASCII letters, most cells are codes, and a few distinct values repeat (a
    column of distinct acronyms is text)."""
    if not cells:
        return False
    codes = sum(1 for cell in cells if _CODE.fullmatch(cell))
    distinct = len(set(cells))
    repeating = distinct < len(cells) and distinct <= max(12, len(cells) // 4)
    return not (codes * 10 >= len(cells) * 8 and repeating)


def _by_content(rows: Sequence[Sequence[str]]) -> Choice:
    """A table without a header: the first filled column is the term, the next column of real
    text the definition (the one right after it unless that holds codes)."""
    width = max((len(row) for row in rows), default=2)
    filled = [index for index in range(width) if _column(rows, index)]
    # A column counting the rows (1, 2, 3...) is never the term when two others remain.
    numbered = [index for index in filled if _counts_rows(_column(rows, index))]
    if len(filled) - len(numbered) >= 2:
        filled = [index for index in filled if index not in numbered]
    else:
        numbered = []
    texts = [index for index in filled if _real_text(_column(rows, index))]
    # A leading column of codes (articles der/die/das, a part of speech) is not the term when
    # two columns of real text follow it.
    term = texts[0] if len(texts) >= 2 else (filled[0] if filled else 0)
    after = [index for index in filled if index > term]
    texts = [index for index in after if _real_text(_column(rows, index))]
    reading = _reading_of(rows, term, texts)
    if reading is not None:
        texts.remove(reading)
    definition = texts[0] if texts else (after[0] if after else term + 1)
    columns = Columns(term, definition, None, None)
    note = _note(columns, None)
    if reading is not None:
        note = (
            f"{note} (column {reading + 1} spells the terms in Latin letters, pinyin or "
            "romaji: a reading, not the definition)"
        )
    if note and numbered:
        shown = ", ".join(str(index + 1) for index in numbered)
        note = f"{note} (column {shown} numbers the rows)"
    doubt = _maybe_a_header(rows[0]) if rows else ""
    unread = [index for index in filled if index not in (term, definition)]
    unread_note = _unread_note(unread, NO_HEADER, "a header row naming them keeps them")
    return Choice(columns, None, "; ".join(filter(None, (note, doubt, unread_note))))


@functools.cache
def _non_latin() -> re.Pattern[str]:
    """Scripts whose words a romanisation column spells out (Han, kana, Hangul): compiled on
    first use, as its wide ranges take 2 ms to compile, which every export would pay."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


# A syllable of pinyin (tone marks removed; a tone number after it) or of Hepburn romaji.
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai"
    r"|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ve|er|a|o|e|i|u|v)r?[1-5]?'?)+"
)
_ROMAJI = re.compile(r"(?:(?:sh|ch|ts|[kgsztdnhbpmyrwfj])?y?[aeiou]|n'?)+")
_TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")


def _reading_of(rows: Sequence[Sequence[str]], term: int, texts: Sequence[int]) -> int | None:
    """The column of ``texts`` (the columns of real text after the term's) that spells the
    terms in Latin letters ("你好 | nǐ hǎo | hello", "ねこ | neko | cat"), when the terms are
    Han, kana or Hangul and another column of ``texts`` is no such spelling: a reading, which
    a careful person never takes for the definition."""
    terms = _column(rows, term)
    if (
        len(texts) < 2
        or not terms
        or sum(map(bool, map(_non_latin().search, terms))) * 5 < len(terms) * 4
    ):
        return None
    spelled = [index for index in texts if _spells(_column(rows, index))]
    return spelled[0] if len(spelled) == 1 and len(spelled) < len(texts) else None


def _spells(cells: Sequence[str]) -> bool:
    """Whether nearly every cell is pinyin (half of them with tone marks or numbers, which
    English never has) or romaji, word by word."""

    def words(cell: str) -> list[str]:
        plain = unicodedata.normalize("NFD", cell.casefold().replace("ü", "v"))
        return re.sub(r"[\u0300-\u036f]", "", plain).replace("-", " ").split()

    def fits(pattern: re.Pattern[str], cell: str) -> bool:
        found = words(cell)
        return bool(found) and all(pattern.fullmatch(word) for word in found)

    if not cells or not all(cell.isascii() or set(cell) & _TONE_MARKS for cell in cells):
        return False
    toned = sum(
        1
        for cell in cells
        if set(cell.casefold()) & _TONE_MARKS or re.search(r"[a-z][1-5]\b", cell)
    )
    if (
        toned * 2 >= len(cells)
        and sum(fits(_PINYIN, cell) for cell in cells) * 10 >= len(cells) * 9
    ):
        return True
    return sum(fits(_ROMAJI, cell) for cell in cells) * 10 >= len(cells) * 9


def _maybe_a_header(first: Sequence[str]) -> str:
    """What to say when the first row, read as an entry, could be a header the names did not
    tell (every cell a short capitalised name, "Apfel,Apple"): the row stays an entry, since
    dropping a term is worse than a card to delete, and the user is told how to say otherwise."""
    names = [cell.strip() for cell in first if cell.strip()]
    if len(names) < 2 or not all(_name_like(n) and _capitalised(n) for n in names):
        return ""
    return (
        f"the first row ({', '.join(map(repr, names))}) was read as an entry; if it is a "
        f"header, pass --columns {names[0]},{names[1]}"
    )


def _counts_rows(cells: Sequence[str]) -> bool:
    """Whether a column holds consecutive whole numbers (``1``, ``2``, ``3``, or ``1.``): the
    rows' numbers, not terms."""
    numbers = [cell.rstrip(".") for cell in cells]
    if len(numbers) < 2 or not all(map(_WHOLE.fullmatch, numbers)):
        return False
    values = [int(number) for number in numbers]
    return all(later == earlier + 1 for earlier, later in itertools.pairwise(values))


def _note(columns: Columns, header: Sequence[str] | None) -> str:
    if (columns.term, columns.definition) == (0, 1):
        return ""
    return (
        f"read the term from {_described(columns.term, header)} and the definition from "
        f"{_described(columns.definition, header)}; --columns chooses others"
    )


def _described(index: int, header: Sequence[str] | None) -> str:
    name = header[index].strip() if header is not None and index < len(header) else ""
    return f"column {index + 1} ({name!r})" if name else f"column {index + 1}"


def _forced(
    forced: tuple[str, str],
    header: tuple[str, ...] | None,
    first: Sequence[str],
    below: Sequence[Sequence[str]],
    file: str | None,
    line: int | None,
) -> Choice:
    """The columns ``--columns`` names: 1-based numbers, or names in the first row (which is
    then the header, whatever it looks like)."""
    names = [header_name(cell) for cell in first]
    indexes: list[int] = []
    for wanted in forced:
        wanted = wanted.strip()
        if wanted.isdigit() and int(wanted) >= 1:
            indexes.append(int(wanted) - 1)
            continue
        if header_name(wanted) not in names:
            shown = ", ".join(repr(cell.strip()) for cell in first if cell.strip())
            raise SourceError(
                f"--columns names {wanted!r}, but no row at the top has such a column "
                "(the first with several cells "
                f"has {shown or 'nothing'}); give a header name or a 1-based number",
                file=file,
                line=line,
            )
        indexes.append(names.index(header_name(wanted)))
        header = tuple(first)
    if indexes[0] == indexes[1]:
        raise OptionError("--columns names the same column twice; give TERM,DEFINITION")
    tags = acronym = None
    if header is not None:
        tags = _first_index(names, lambda n: n in TAGS_NAMES, set(indexes))
        acronym = _first_index(names, lambda n: n in ACRONYM_NAMES, set(indexes))
    return Choice(Columns(indexes[0], indexes[1], tags, acronym), header)


def parse_columns(value: object) -> tuple[str, str] | None:
    """``--columns TERM,DEFINITION`` (or ``columns=`` from Python: "1,3", ("Word", "Meaning"),
    (1, 3)) as two strings; OptionError for anything else."""
    if value is None:
        return None
    if isinstance(value, str):
        parts: list[object] = [part.strip() for part in value.split(",")]
    elif isinstance(value, (tuple, list)):
        parts = list(value)
    else:
        raise OptionError(
            f"columns must be 'TERM,DEFINITION' or a pair, not {type(value).__name__}"
        )
    if len(parts) != 2 or not all(
        (isinstance(p, str) and p.strip()) or (isinstance(p, int) and not isinstance(p, bool))
        for p in parts
    ):
        raise OptionError(
            f"--columns needs two columns, TERM,DEFINITION (names or 1-based numbers), "
            f"not {value!r}"
        )
    if any(isinstance(p, int) and p < 1 for p in parts):
        raise OptionError("--columns numbers count from 1")
    return str(parts[0]), str(parts[1])


# The word a spreadsheet's last row starts with when it adds the columns up, in English and the
# languages the header names above cover ("Total", "Summe", "Totale", "Toplam", "합계"...).
TOTAL_WORDS = frozenset(
    (
        *"total totals subtotal sub-total sum overall".split(),
        *"summe gesamt insgesamt gesamtsumme somme suma soma totale somma totaal som".split(),
        *"razem celkem summa totalt toplam итого всего сумма σύνολο المجموع".split(),
        *"합계 총계 合計 合计 总计 總計 小計 小计".split(),
        "grand total",
        "tổng",
        "tổng cộng",
        "jumlah",
    )
)
_AMOUNT = re.compile(r"[-+(]?[$€£¥]?\s?[0-9][0-9 .,']*\)?\s?[%€$£]?")
_FORMULA = re.compile(r"=[A-Za-z_][A-Za-z0-9_.]*\(")


def is_totals_row(term: str, cells: Sequence[tuple[str, Sequence[str]]], formulas: int = 0) -> bool:
    """Whether a table's last row adds its columns up rather than holding a card: its term is a
    total word ("Total", "Summe:") and each of its other filled cells (one at least, or one of
    ``formulas``, cells holding a formula with no saved value) is a formula ("=SUM(C2:C9)") or
    a number that adds up its column. ``cells`` pairs each other cell with its column's cells
    in the rows above. A real term, even "Total" or "Sum,9" under "Product,18", has a
    definition in words or a number that is no total of the rows above."""
    filled = [(cell.strip(), above) for cell, above in cells if cell.strip()]
    return (
        is_total_word(term)
        and bool(filled or formulas)
        and all(_FORMULA.match(cell) or _adds_up(cell, above) for cell, above in filled)
    )


def is_total_word(term: str) -> bool:
    """Whether ``term`` is a word a totals row starts with ("Total", "Summe:")."""
    return term.strip().rstrip(":").strip().casefold() in TOTAL_WORDS


def _adds_up(cell: str, above: Sequence[str]) -> bool:
    """Whether the number ``cell`` is the sum of the numbers of its column ``above`` (give or
    take their rounding), or the count of its rows when that column holds words."""
    total = _amount(cell)
    if total is None or len(above) < 2:
        return False  # one row above: its number is its own "sum", no sign of a total
    numbers = [number for number in map(_amount, above) if number is not None]
    if not numbers:
        return total == (float(len(above)), 0)
    places = max(total[1], *(number[1] for number in numbers))
    # Each shown number is rounded by up to half a unit of its last place.
    slack = 0.5 * 10.0**-places * len(numbers) if places else 0.0
    return len(numbers) >= 2 and abs(sum(n for n, _ in numbers) - total[0]) <= slack + 1e-9


def _amount(cell: str) -> tuple[float, int] | None:
    """The value and decimal places of an amount ("1,234", "(5)", "€4,50", "12 %"), or None."""
    text = cell.strip()
    if not _AMOUNT.fullmatch(text):
        return None
    negative = text.startswith(("-", "(")) and not text.startswith("-(")
    digits = re.sub(r"[^0-9.,]", "", text)
    marks = [mark for mark in digits if mark in ".,"]
    if len(set(marks)) == 2:  # "1,234.50" or "1.234,50": the last mark is the decimal one
        decimal = marks[-1]
        digits = digits.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    elif marks:
        whole, _, last = digits.rpartition(marks[0])
        # One mark before 1, 2 or 4+ digits is a decimal one ("4,50"); else they group thousands.
        if len(marks) == 1 and len(last) != 3:
            digits = f"{whole}.{last}"
        else:
            digits = digits.replace(marks[0], "")
    try:
        value = float(digits)
    except ValueError:
        return None
    places = len(digits.partition(".")[2])
    return (-value if negative else value), places


def totals_note(where: str, term: str, others: Sequence[str]) -> str:
    """The summary's line for a totals row left out: ``where`` is "FILE:LINE" (and the sheet)."""
    cells = ", ".join([repr(term.strip()), *(cell.strip() for cell in others if cell.strip())])
    return f"{where}: a totals row ({cells}), not a card"


def without_totals_row(glossary: Glossary) -> Glossary:
    """``glossary`` without its last term when that is a totals row, named in its notes."""
    if not glossary.terms or not is_total_word(glossary.terms[-1].term):
        return glossary  # the columns above are gathered only for a row that may add them up
    *above, last = glossary.terms
    cells = [
        (last.definition, [term.definition for term in above]),
        *(
            (value, [dict(term.extras).get(name, "") for term in above])
            for name, value in last.extras
        ),
        *((tag, [" ".join(term.tags) for term in above]) for tag in last.tags),
    ]
    if not is_totals_row(last.term, cells):
        return glossary
    return dataclasses.replace(
        glossary,
        terms=glossary.terms[:-1],
        notes=(*glossary.notes, totals_note(last.where, last.term, [cell for cell, _ in cells])),
    )


def fields_note(where: str, rows: Sequence[Sequence[object]]) -> str:
    """The summary's line for the form fields above a table ("Name: ________") left out:
    ``where`` is "FILE:LINES" (and the sheet)."""
    shown = ", ".join(repr(_row_text(row)) for row in rows)
    noun, cards = ("a form field", "a card") if len(rows) == 1 else ("form fields", "cards")
    return f"{where}: {noun} above the table ({shown}): not {cards}, nor the deck's name"


@dataclass(frozen=True)
class Stacked:
    """A table's body with the tables stacked below its first one (each with its title and
    the header again) told apart."""

    rows: list[tuple[int, list[str], str]]
    """(line, cells, the title of the table it belongs to, "" for the first untitled one)."""
    repeated: list[int]
    """Lines of the header again with no title above it (two exports pasted together)."""
    titles: list[tuple[int, str]]
    """(line, text) of the titles of the stacked tables below the first."""
    headers: list[int]
    """Lines of the header again below those titles."""


def stacked(body: Sequence[tuple[int, list[str]]], header: Sequence[str] | None) -> Stacked:
    """The rows of ``body`` (filled rows below ``header``), with each row equal to the header
    left out, and the row of one cell just above it, its table's title (a sheet of
    "Unit 1 / Word,Meaning / ... / Unit 2 / Word,Meaning / ..."), read as that title."""
    names = _names(header) if header is not None else []
    if not names:
        return Stacked([(line, cells, "") for line, cells in body], [], [], [])
    rows: list[tuple[int, list[str], str]] = []
    repeated: list[int] = []
    titles: list[tuple[int, str]] = []
    headers: list[int] = []
    section = ""
    for line, cells in body:
        # The first cell alone tells most rows from the header: one comparison a row.
        if not cells or header_name(cells[0]) != names[0] or _names(cells) != names:
            rows.append((line, cells, section))
        elif rows and _filled(rows[-1][1]) == 1:
            title_line, title_cells, _ = rows.pop()
            section = title_of(title_cells)
            titles.append((title_line, section))
            headers.append(line)
        else:
            repeated.append(line)
    return Stacked(rows, repeated, titles, headers)


def _names(cells: Sequence[object]) -> list[str]:
    """A row's cells as header names, without the empty cells at its end."""
    names = [header_name(cell) for cell in cells]
    while names and not names[-1]:
        names.pop()
    return names


def stacked_note(where: str, titles: Sequence[tuple[int, str]], first: str) -> str:
    """The summary's line for the tables stacked below the first (``first`` is its title):
    ``where`` is the file and the lines (and the sheet)."""
    names = ", ".join(repr(text) for _, text in titles)
    deck = f"{first!r}, " if first else "the deck itself, "
    return (
        f"{where}: a title and the header again ({names}): tables stacked on each other, "
        f"each read into a sub-deck named by its title ({deck}{names})"
    )
