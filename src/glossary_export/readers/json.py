"""JSON: a list of objects with term/definition keys, or one object mapping terms to definitions.

Also read: an object whose values are such objects (keyed by ids), a list under a single
top-level key or a wrapper ``{"title": ..., "description": ..., "terms": [...]}``, a list found
down a single path of objects (``{"data": {"items": [...]}}``, named in the notes), and arrays
``[term, definition, ...]`` whose later items are kept as "column 3", "column 4"... HTML
entities (``&#39;``, ``&quot;``), which scraped glossaries carry, are decoded. Each term carries
the line its object (or key) starts on, found in one pass over the text.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import SourceError, shown
from ..model import Glossary, Term
from ._text import (
    ACRONYM_NAMES,
    DEFINITION_NAMES,
    TAGS_NAMES,
    TERM_NAMES,
    replace_controls,
    split_tags,
)
from .columns import DEFINITION_WORDS, column_word, is_column_name, named_columns, parse_columns

if TYPE_CHECKING:
    from . import ReadOptions

_SPACE = re.compile(r"\s*")
_LIST_KEYS = ("terms", "glossary", "cards", "entries", "items")
_SHAPE_HINT = (
    'use a list of {"term": ..., "definition": ...} objects or one {"term": "definition"} object'
)


def read(text: str, file: str, options: ReadOptions) -> Glossary:
    """Terms of a JSON glossary, with the line each one starts on."""
    json_lines: list[tuple[int, Any]] | None = None
    try:
        document = json.loads(text, parse_float=_Number)
    except json.JSONDecodeError as error:
        json_lines = _json_lines(text, file, error)
        document = [value for _, value in json_lines]
    except RecursionError:
        raise SourceError(
            f"the JSON is nested too deeply to be a glossary; {_SHAPE_HINT}", file=file
        ) from None
    title = description = ""
    lines = _Lines(text)
    notes: list[str] = []
    path = _list_path(document) if isinstance(document, dict) else None
    if isinstance(document, dict) and path is None:
        forced = parse_columns(options.columns)
        wrapped = _wrapped_group(document) if forced is None else None
        if wrapped is not None:
            return _from_wrapped_group(lines, file, document, wrapped)
        if forced is None and _groups(document):
            return _from_groups(lines, file)
        if forced is None and _mixed_groups(document):
            raise _mixed_groups_error(lines, file)
        return _from_mapping(lines, file, forced)
    holder = _at(document, path[:-1]) if path else {}
    items = holder[path[-1]] if path else document
    if not isinstance(items, list):
        raise SourceError(f"this JSON holds no list of terms; {_SHAPE_HINT}", file=file, line=1)
    if json_lines is not None:
        starts = [line for line, _ in json_lines]
    else:
        starts = list(lines.of_path(path) if path else lines.of_items(0))
    if path:
        title = _text(holder.get("title", "")) or _text(document.get("title", ""))
        description = _text(holder.get("description", "")) or _text(document.get("description"))
    if path and len(path) > 1:
        notes.append(f"{file}:{starts[0] if starts else 1}: read the list at {'.'.join(path)}")
    forced = parse_columns(options.columns)
    inner = _inner_record_key(items, forced)
    if inner is not None:
        others = ", ".join(repr(key) for key in items[0] if key != inner)
        beside = f" ({others} beside it not read)" if others else ""
        notes.append(
            f"{file}:{starts[0] if starts else 1}: read the term and definition in each "
            f"item's {inner!r} object{beside}"
        )
        items = [item[inner] for item in items]
    terms = [
        _from_object(item, line, file, forced) for item, line in zip(items, starts, strict=False)
    ]
    notes.extend(_array_note(items, starts, file))
    notes.extend(_senses_note(items, starts, file))
    if json_lines is not None:
        notes.append(f"{file}: read as JSON Lines, one object a line")
    return Glossary(
        tuple(terms), title=title, description=description, sources=(file,), notes=tuple(notes)
    )


def _json_lines(text: str, file: str, error: json.JSONDecodeError) -> list[tuple[int, Any]]:
    """The values of a JSON Lines file (one JSON value a line, ``.jsonl``) with their lines;
    the parse error of the whole text when its first line is not a whole value."""
    values: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            values.append((number, json.loads(line, parse_float=_Number)))
        except (json.JSONDecodeError, RecursionError) as line_error:
            if not values:
                raise SourceError(
                    f"invalid JSON: {error.msg}", file=file, line=error.lineno
                ) from None
            raise SourceError(
                f"invalid JSON on this line of a JSON Lines file (one object a line): "
                f"{getattr(line_error, 'msg', 'nested too deeply')}",
                file=file,
                line=number,
            ) from None
    if len(values) < 2:
        raise SourceError(f"invalid JSON: {error.msg}", file=file, line=error.lineno)
    return values


def _groups(document: dict[str, Any]) -> bool:
    """Whether ``document`` groups terms by topic, as translation files do: each value an
    object of {"term": "definition"} members ({"animals": {"cat": "le chat"}}), or the only
    value is one (as a list under a single key is read). Objects keyed by ids that share the
    same keys ({"1": {"q": ..., "a": ...}, "2": {"q": ..., "a": ...}}) are records, not groups:
    their keys name fields. Groups with the same terms under words ({"french": {"cat": ...},
    "spanish": {"cat": ...}}) are groups: their keys name no field and no key is an id."""
    groups = list(document.values())
    if not groups or not all(map(_group, groups)):
        return False
    if len(groups) == 1:
        # One object under an id ({"1": {"q": ..., "a": ...}}) is one record, not a group.
        (key,) = document
        (group,) = groups
        return not key.strip().isdigit() and not any(
            name.strip().casefold() in DEFINITION_NAMES for name in group
        )
    if len({frozenset(group) for group in groups}) > 1:
        return True
    return not any(key.strip().isdigit() for key in document) and not any(
        is_column_name(name) for name in groups[0]
    )


def _mixed_groups(document: dict[str, Any]) -> bool:
    """Whether some values of ``document`` are groups of terms and others objects nested
    deeper (groups of groups) or one term's record ({"term": "bread", ...}), which are not
    read beside groups."""
    nested = [
        value for value in document.values() if isinstance(value, dict) and not _term_record(value)
    ]
    return any(map(_group, nested)) and any(not _group(value) for value in nested)


def _group(value: Any) -> bool:
    """Whether ``value`` is an object of {"term": "definition"} members: text values, and no
    key naming a term (then it is one term's object)."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(_scalar_text(member) is not None for member in value.values())
        and not any(key.strip().casefold() in TERM_NAMES for key in value)
    )


def _mixed_groups_error(lines: _Lines, file: str) -> SourceError:
    """The error for groups of terms beside values that are no such group: the first that is
    one term's record ({"term": "bread", ...}), else the first group (others nest deeper)."""
    members = [(key, line, value) for key, line, value in lines.members()]
    records = [m for m in members if isinstance(m[2], dict) and _names_a_term(m[2])]
    key, line, group = (records or [m for m in members if _group(m[2])])[0]
    if records:
        keys = ", ".join(map(repr, group))
        return SourceError(
            f"{shown(key)} is one term's record (its keys are {keys}), but the other "
            "top-level values are groups of term: definition members; write it as a group "
            f'({{{json.dumps(key)}: {{"term": "definition"}}}}) or every group as a list of '
            "records",
            file=file,
            line=line,
        )
    first, definition = next(iter(group.items()))
    return SourceError(
        f"{shown(key)} holds what reads as terms with their definitions ({first!r}: "
        f"{definition!r}), but not every top-level value does: groups of terms are read when "
        "each top-level value is one object of term: definition members, nested no deeper; "
        "if its keys are field names instead, name the term and definition keys with --columns",
        file=file,
        line=line,
    )


def _from_groups(lines: _Lines, file: str) -> Glossary:
    """{"group": {"term": "definition", ...}, ...}: each group a sub-deck named by its key."""
    terms = []
    groups = list(lines.nested_members())
    several = len(groups) > 1
    for group, _, members in groups:
        for key, line, definition in members:
            term = _cleaned(key, file, line)
            text = _cleaned(_scalar_text(definition) or "", file, line)
            subdeck = group if several else ""
            terms.append(Term.create(term, text, file=file, line=line, subdeck=subdeck))
    names = ", ".join(repr(group) for group, _, _ in groups)
    if several:
        note = f"{file}: read each of {names} as a group of terms, a sub-deck in Anki"
    else:
        note = f"{file}: read the keys under {names} as terms, their values as definitions"
    return Glossary(tuple(terms), sources=(file,), notes=(note,))


# Keys a wrapper holds beside its terms: what the glossary is, not terms.
_ABOUT_KEYS = frozenset(
    """title name deck description version author authors language languages lang locale
    source license licence created updated modified date id count total subject topic level
    course url link format schema""".split()
)
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _about(key: str) -> bool:
    """Whether a wrapper's key says what the glossary is ("title", "createdAt", "last_updated")."""
    return any(word.casefold() in _ABOUT_KEYS for word in _WORD.findall(key))


def _wrapped_group(document: dict[str, Any]) -> str | None:
    """The key of the one object of {"term": "definition"} members in a wrapper that says
    what the glossary is beside it ({"title": "Spanish basics", "version": 2, "cards":
    {"hola": "hello"}}): each other key names the glossary ("title", "version", "author")
    and holds text or a number."""
    groups = [key for key, value in document.items() if isinstance(value, dict)]
    if len(groups) != 1 or len(document) < 2 or not _group(document[groups[0]]):
        return None
    about = [name for name in document if name != groups[0]]
    if all(
        _about(name) and (document[name] is None or _scalar_text(document[name]) is not None)
        for name in about
    ):
        return groups[0]
    return None


def _from_wrapped_group(lines: _Lines, file: str, document: dict[str, Any], key: str) -> Glossary:
    """The terms of the object under ``key`` (:func:`_wrapped_group`), titled by the
    wrapper's title (or name) and described by its description."""
    # When the key repeats, json.loads keeps the last value, and so does this.
    _, start, members = list(lines.nested_members(key))[-1]
    terms = [
        Term.create(
            _cleaned(term, file, line),
            _cleaned(_scalar_text(definition) or "", file, line),
            file=file,
            line=line,
        )
        for term, line, definition in members
    ]
    about = {name.strip().casefold(): value for name, value in document.items() if name != key}
    title = next((_text(about[name]) for name in ("title", "name", "deck") if name in about), "")
    others = ", ".join(repr(name) for name in document if name != key)
    note = (
        f"{file}:{start}: read the keys under {key!r} as terms, their values as definitions "
        f"({others} beside it: what the glossary is, not terms)"
    )
    return Glossary(
        tuple(terms),
        title=title,
        description=_text(about.get("description")),
        sources=(file,),
        notes=(note,),
    )


def _scalar_text(value: Any) -> str | None:
    """A JSON string, number or boolean as text ("3.14159", "true", as JSON writes them);
    None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, _Number):
        return value.source
    if isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return None


class _Number(float):
    """A JSON number with a fraction or exponent, keeping its source text: a definition shows
    ``1.50`` and ``6.022e23`` as the file writes them, not as ``1.5`` and ``6.022e+23``."""

    source: str

    def __new__(cls, source: str) -> _Number:
        number = super().__new__(cls, source)
        number.source = source
        return number


def _list_key(document: dict[str, Any]) -> str | None:
    """The key of the list of terms: a known name, or the only key when its value is a list."""
    named = next(
        (
            key
            for key, value in document.items()
            # An object under the name is one group of terms ({"glossary": {"cat": ...}}).
            if key.casefold() in _LIST_KEYS and not isinstance(value, dict)
        ),
        None,
    )
    if named is not None:
        return named
    if len(document) == 1 and isinstance(next(iter(document.values())), list):
        return next(iter(document))
    return None


_MAX_DEPTH = 8


def _list_path(level: dict[str, Any], depth: int = 0) -> list[str] | None:
    """The keys down to the list of terms: the list at this level (:func:`_list_key`; below the
    top, also the only list), or the one found down exactly one of its objects ({"data":
    {"items": [...]}}, an API's answer with its status and metadata beside); None when no
    single path leads to a list."""
    key = _list_key(level)
    lists = [key for key, value in level.items() if isinstance(value, list)]
    if key is None and depth and len(lists) == 1 and not _term_record(level):
        # Inside a wrapper, the only list: {"words": [...], "count": 3}; not the tags of a
        # record keyed by its term ({"ion": {"definition": ..., "tags": [...]}}).
        key = lists[0]
    if key is not None:
        return [key]
    if depth >= _MAX_DEPTH:
        return None
    found = [
        [key, *below]
        for key, value in level.items()
        if isinstance(value, dict) and (below := _list_path(value, depth + 1)) is not None
    ]
    return found[0] if len(found) == 1 else None


def _at(document: dict[str, Any], path: list[str]) -> dict[str, Any]:
    for key in path:
        document = document[key]
    return document


def _array_note(items: list[Any], starts: list[int], file: str) -> list[str]:
    """Where arrays of three or more items are read (from the first one): which item went
    where."""
    wide = [
        (len(item), line)
        for item, line in zip(items, starts, strict=False)
        if isinstance(item, list) and len(item) > 2
    ]
    if not wide:
        return []
    extra = ", ".join(f"{_ARRAY_EXTRA.format(n)!r}" for n in range(3, max(wide)[0] + 1))
    return [
        f"{file}:{wide[0][1]}: each array is read as term, definition, then {extra}, kept with "
        "the term (--columns picks other positions)"
    ]


def _from_mapping(lines: _Lines, file: str, forced: tuple[str, str] | None) -> Glossary:
    """{"term": "definition", ...}, {"id": {"term": ..., "definition": ...}, ...}, or
    {"term": {"definition": ..., ...}, ...}."""
    # Walk the members rather than use the parsed dict: a term repeated as a key is kept.
    terms = []
    for key, line, value in lines.members():
        if forced is None and _lone_group(key, value) and _text_members(lines):
            raise _group_beside_error(key, line, value, lines, file)
        if isinstance(value, dict):
            terms.append(_from_object(_keyed_by_term(key, value, forced), line, file, forced))
            continue
        text = _scalar_text(value) if value is not None else ""
        if text is None:
            raise SourceError(
                f"the value of {shown(key)} is not a text definition; {_SHAPE_HINT}",
                file=file,
                line=line,
            )
        term, definition = _cleaned(key, file, line), _cleaned(text, file, line)
        terms.append(Term.create(term, definition, file=file, line=line))
    return Glossary(tuple(terms), sources=(file,))


def _lone_group(key: str, value: Any) -> bool:
    """Whether ``value``, a member of the top-level object, is a group of terms, not a
    record: its keys name no field, and it is under no id."""
    return _group(value) and not key.strip().isdigit() and not any(map(is_column_name, value))


def _text_members(lines: _Lines) -> bool:
    """Whether the top-level object has members that are no object (asked only when a group
    of terms is found among records, which the shapes read before leave rare)."""
    return any(not isinstance(value, dict) for _, _, value in lines.members())


def _group_beside_error(
    key: str, line: int, group: dict[str, Any], lines: _Lines, file: str
) -> SourceError:
    """The error for an object of term: definition members beside text members at the top
    (other terms, or what the glossary is under names not known as such)."""
    first, definition = next(iter(group.items()))
    others = [name for name, _, value in lines.members() if not isinstance(value, dict)]
    shown_others = ", ".join(map(repr, others[:4])) + (", ..." if len(others) > 4 else "")
    return SourceError(
        f"{shown(key)} holds terms with their definitions ({first!r}: {definition!r}) beside "
        f"top-level members that are no group of terms ({shown_others}); if those say what "
        'the glossary is, name them "title", "description", "version" or "author"; if they '
        "are terms, move them into the object",
        file=file,
        line=line,
    )


def _names_a_term(value: dict[str, Any]) -> bool:
    return any(key.strip().casefold() in TERM_NAMES for key in value)


def _keyed_by_term(key: str, value: dict[str, Any], forced: tuple[str, str] | None) -> Any:
    """A record keyed by its term ({"cat": {"definition": "le chat", "pos": "noun"}}) with the
    key as its term, when it has a definition key and no term key (and the key is no id)."""
    if forced is not None or key.strip().isdigit() or not _term_record(value):
        return value
    return {"term": key, **value}


def _term_record(value: dict[str, Any]) -> bool:
    """Whether ``value`` is a term's record without its term: a definition key, no term key
    (named in English, or as a table's header: {"Erklärung": ...})."""
    names = {name.strip().casefold(): member for name, member in value.items()}
    if _names_a_term(value):
        return False
    if names.keys() & set(DEFINITION_NAMES):
        return True
    term, definition = _named_keys(names)
    return term is None and definition is not None


# An HTML entity with its semicolon: "&#39;", "&quot;" (a bare "&" or "AT&T" is left alone).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _cleaned(text: str, file: str, line: int) -> str:
    """A JSON string as a term or definition: entities decoded, and control characters (which
    JSON holds only as escapes such as ``\\u000b``) replaced as in text files."""
    return replace_controls(_decoded(text), file, line)


def _decoded(text: str) -> str:
    """``text`` with its HTML entities decoded (glossaries scraped from web pages hold them)."""
    if "&" not in text:
        return text
    import html

    return _ENTITY.sub(lambda match: html.unescape(match.group()), text)


_ARRAY_EXTRA = "column {}"
"""The name an array's third and later items are kept under: JSON gives them none, and
guessing one ("example") would be wrong as often as right."""


def _array_object(item: list[Any], file: str, line: int) -> dict[str, Any]:
    """An array [term, definition, more...] as the object it stands for; the later items
    under "column 3", "column 4"...; a number is text, a nested array or object an error."""
    named: dict[str, Any] = {"term": item[0], "definition": item[1]}
    for position, value in enumerate(item[2:], start=3):
        if isinstance(value, (list, dict)):
            raise SourceError(
                f"item {position} of this array is not text; {_SHAPE_HINT}", file=file, line=line
            )
        if value is not None:
            text = _scalar_text(value) or ""
            named[_ARRAY_EXTRA.format(position)] = text
    return named


def _from_object(item: Any, line: int, file: str, forced: tuple[str, str] | None) -> Term:
    if isinstance(item, list) and len(item) >= 2:
        item = _array_object(item, file, line)
    if not isinstance(item, dict):
        raise SourceError(f"this item is not an object; {_SHAPE_HINT}", file=file, line=line)
    fields = {key.strip().casefold(): value for key, value in item.items()}
    term_key: str | None
    definition_key: str | None
    if forced is not None:
        term_key, definition_key = (_forced_key(item, part, file, line) for part in forced)
    else:
        term_key, definition_key = _named_keys(fields)
    term = fields.get(term_key) if term_key else None
    definition = fields.get(definition_key) if definition_key else None
    term = _scalar_text(term) if not isinstance(term, bool) else None
    if not term or not term.strip():
        raise SourceError(f"this object has no text term; {_keys_hint(item)}", file=file, line=line)
    parts: list[str] = []
    if definition_key is None and forced is None:
        definition, parts = _first_senses(fields.get("meanings"))
        if definition is None:
            _no_nested_definition(item, term, file, line)
    if definition is not None and _scalar_text(definition) is None:
        raise SourceError(
            f"the definition of {shown(term)} is not text; {_SHAPE_HINT}", file=file, line=line
        )
    definition = _scalar_text(definition) if definition is not None else None
    tags = next((fields[name] for name in TAGS_NAMES if name in fields), ())
    used = {term_key, definition_key, *TAGS_NAMES, *ACRONYM_NAMES}
    extras = tuple(
        (key.strip(), _cleaned(value.strip(), file, line))
        for key, value in item.items()
        if key.strip().casefold() not in used and isinstance(value, str) and value.strip()
    )
    if parts:
        extras = (*extras, ("part of speech", ", ".join(dict.fromkeys(parts))))
    created = Term.create(
        _cleaned(term, file, line),
        _cleaned(definition or "", file, line),
        tags=_tags(tags),
        file=file,
        line=line,
        extras=extras,
    )
    acronym = next((fields[name] for name in ACRONYM_NAMES if name in fields), "")
    if isinstance(acronym, str) and acronym.strip() and not created.acronym:
        created = dataclasses.replace(created, acronym=acronym.strip())
    return created


def _named_keys(fields: dict[str, Any]) -> tuple[str | None, str | None]:
    """The (casefolded) keys of the term and the definition among ``fields``: the English
    names first ("term" before "name"), else the names a table's header is read by
    ("Begriff", "Erklärung", "mot", "définition", "English", "French") among the keys of
    text members (a list under "meanings" is a dictionary entry's senses)."""
    term = next((name for name in TERM_NAMES if name in fields), None)
    definition = next((name for name in DEFINITION_NAMES if name in fields), None)
    if term is None or definition is None:
        keys = [key for key, value in fields.items() if _scalar_text(value) is not None]
        named_term, named_definition = named_columns(keys)
        if term is None and named_term is not None and keys[named_term] != definition:
            term = keys[named_term]
        if definition is None and named_definition is not None and keys[named_definition] != term:
            definition = keys[named_definition]
    return term, definition


def _inner_record_key(items: list[Any], forced: tuple[str, str] | None) -> str | None:
    """The key under which every item holds its record, when the items name no term and no
    definition themselves (Airtable's {"id": ..., "createdTime": ..., "fields": {"Term": ...,
    "Definition": ...}}): the one key whose object names a term, the same in every item (or
    holding both keys ``forced`` names)."""
    if not items or not all(isinstance(item, dict) for item in items):
        return None

    def keys(value: dict[str, Any]) -> dict[str, Any]:
        return {key.strip().casefold(): member for key, member in value.items()}

    def names_a_record(value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        if forced is not None:
            return all(part.strip().casefold() in keys(value) for part in forced)
        return _named_keys(keys(value))[0] is not None

    first = items[0]
    if forced is not None:
        # Numbers count the item's own keys.
        if any(part.strip().isdigit() for part in forced) or names_a_record(first):
            return None
    elif any(key is not None for key in _named_keys(keys(first))):
        return None
    found: list[str] = [key for key, value in first.items() if names_a_record(value)]
    if len(found) != 1 or not all(names_a_record(item.get(found[0])) for item in items):
        return None
    return found[0]


def _first_senses(meanings: Any) -> tuple[str | None, list[str]]:
    """A dictionary entry's definition, in dictionaryapi.dev's shape ("meanings": [{
    "partOfSpeech": ..., "definitions": [{"definition": ...}, ...]}, ...]): the first sense
    of each part of speech, joined with "; " (a card's back holds the main senses, not the
    whole entry), and the parts of speech; (None, []) for any other shape."""
    if not isinstance(meanings, list) or not meanings:
        return None, []
    senses: list[str] = []
    parts: list[str] = []
    for meaning in meanings:
        if not isinstance(meaning, dict) or not isinstance(meaning.get("definitions"), list):
            return None, []
        first = next(iter(meaning["definitions"]), None)
        text = first.get("definition") if isinstance(first, dict) else None
        if isinstance(text, str) and text.strip():
            senses.append(text.strip())
        if isinstance(meaning.get("partOfSpeech"), str) and meaning["partOfSpeech"].strip():
            parts.append(meaning["partOfSpeech"].strip())
    return ("; ".join(dict.fromkeys(senses)) if senses else None), parts


def _senses_note(items: list[Any], starts: list[int], file: str) -> list[str]:
    """Where dictionary entries (meanings[].definitions[]) were read, and the senses left."""
    entries = [
        (item, line)
        for item, line in zip(items, starts, strict=False)
        if isinstance(item, dict) and _first_senses(item.get("meanings"))[0] is not None
    ]
    if not entries:
        return []
    left = sum(
        max(len(meaning["definitions"]) - 1, 0)
        for item, _ in entries
        for meaning in item["meanings"]
    )
    more = f"; {left} later senses left out" if left else ""
    return [
        f"{file}:{entries[0][1]}: read each meanings[].definitions[0].definition as the "
        f"definition (the first sense of each part of speech){more}"
    ]


def _no_nested_definition(item: dict[str, Any], term: str, file: str, line: int) -> None:
    """An object with a term and no definition key, whose definition is nested in a list or an
    object under another key (an API's entry: "senses": [{"gloss": ...}]): an error naming
    where, rather than a term without a definition."""
    for key, value in item.items():
        path = _definition_path(value)
        if path is not None:
            raise SourceError(
                f"{shown(term)} has no definition key; its definition seems to be at "
                f"{key}{path} (in {key!r}), which is not read; write each term as "
                '{"term": ..., "definition": ...}',
                file=file,
                line=line,
            )


def _definition_path(value: Any, depth: int = 0) -> str | None:
    """The path (``[].gloss``) to the first key naming a definition inside ``value``, a few
    levels down at most; None when there is none."""
    if depth > 3:
        return None
    if isinstance(value, list):
        below = next((item for item in value if isinstance(item, (dict, list))), None)
        path = _definition_path(below, depth + 1) if below is not None else None
        return f"[]{path}" if path is not None else None
    if not isinstance(value, dict):
        return None
    for key, inner in value.items():
        if column_word(key) in DEFINITION_WORDS:
            return f".{key}"
        path = _definition_path(inner, depth + 1)
        if path is not None:
            return f".{key}{path}"
    return None


def _keys_hint(item: dict[str, Any]) -> str:
    """What to do about an object whose keys name no term: its keys, and the --columns that
    reads its first two text members (not an id or a date beside them; those inside its one
    object of text members, Airtable's "fields", when it has no two of its own)."""
    keys = ", ".join(map(repr, item)) or "none"
    texts = _text_keys(item)
    if len(texts) >= 2:
        return (
            f"its keys are {keys}, none of them a known name for the term; name the term and "
            f"definition keys with --columns {texts[0].strip()},{texts[1].strip()}"
        )
    inner = [
        (key, _text_keys(value))
        for key, value in item.items()
        if isinstance(value, dict) and len(_text_keys(value)) >= 2
    ]
    if len(inner) == 1:
        ((key, names),) = inner
        return (
            f"its keys are {keys}; the term and definition seem to be in {key!r} (its keys "
            f"are {', '.join(map(repr, names))}): name them with --columns "
            f"{names[0].strip()},{names[1].strip()}"
        )
    return f"its keys are {keys}; {_SHAPE_HINT}"


# Keys of a record's bookkeeping, never its term or definition.
_RECORD_KEYS = frozenset(
    """id _id uuid guid key createdtime created_at createdat created updated updated_at
    updatedat modified timestamp date url href""".split()
)


def _text_keys(item: dict[str, Any]) -> list[str]:
    """The keys of ``item``'s text members, but its id and dates."""
    return [
        key
        for key, value in item.items()
        if isinstance(value, str) and key.strip().casefold() not in _RECORD_KEYS
    ]


def _forced_key(item: dict[str, Any], wanted: str, file: str, line: int) -> str:
    """The (casefolded) key of ``item`` that ``--columns`` names: a key, or a 1-based number
    counting the object's keys."""
    keys = [key.strip().casefold() for key in item]
    name = wanted.strip().casefold()
    if name in keys:
        return name
    if name.isdigit() and 1 <= int(name) <= len(keys):
        return keys[int(name) - 1]
    raise SourceError(
        f"--columns names {wanted.strip()!r}, but this object has no such key (its keys are "
        f"{', '.join(map(repr, item)) or 'none'})",
        file=file,
        line=line,
    )


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return split_tags(value)
    if isinstance(value, list):
        return tuple(tag for item in value for tag in split_tags(str(item)))
    return ()


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


class _Lines:
    """Lines where a valid JSON document's members start (json.loads gives no positions)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.decoder = json.JSONDecoder(parse_float=_Number)
        self._seen = (0, 1)
        """(index, its line): members are visited in order, so each line is counted on from the
        last one (counting from the start each time was quadratic: 40 s on 100k keys)."""

    def _line(self, index: int) -> int:
        seen, line = self._seen
        if index < seen:
            seen, line = 0, 1
        line += self.text.count("\n", seen, index)
        self._seen = (index, line)
        return line

    def _skip(self, index: int) -> int:
        match = _SPACE.match(self.text, index)
        return match.end() if match else index

    def of_items(self, index: int) -> Iterator[int]:
        """Line of each item of the array starting at (or after spaces from) ``index``."""
        index = self._skip(index) + 1  # "["
        while True:
            index = self._skip(index)
            if self.text[index] == "]":
                return
            yield self._line(index)
            _, index = self.decoder.raw_decode(self.text, index)
            index = self._skip(index)
            if self.text[index] == ",":
                index += 1

    def _members(self, index: int) -> Iterator[tuple[str, int, int]]:
        """(key, line of the key, index of the value) of the object at ``index``."""
        index = self._skip(index) + 1  # "{"
        while True:
            index = self._skip(index)
            if self.text[index] == "}":
                return
            key, after = self.decoder.raw_decode(self.text, index)
            value = self._skip(self._skip(after) + 1)  # past ":"
            yield key, self._line(index), value
            _, index = self.decoder.raw_decode(self.text, value)
            index = self._skip(index)
            if self.text[index] == ",":
                index += 1

    def members(self) -> Iterator[tuple[str, int, Any]]:
        """(key, line, value) of each member of the top-level object, repeated keys included."""
        for key, line, value in self._members(0):
            yield key, line, self.decoder.raw_decode(self.text, value)[0]

    def nested_members(
        self, only: str | None = None
    ) -> Iterator[tuple[str, int, list[tuple[str, int, Any]]]]:
        """(key, line, members of its object value) of each member of the top-level object
        (``only``: of that member alone)."""
        for key, line, value in self._members(0):
            if only is not None and key != only:
                continue
            inner = [
                (name, member_line, self.decoder.raw_decode(self.text, index)[0])
                for name, member_line, index in self._members(value)
            ]
            yield key, line, inner

    def of_path(self, path: list[str]) -> Iterator[int]:
        """Lines of the items of the array under the keys ``path``, from the top-level object.

        When a key repeats, json.loads keeps the last value, and so does this.
        """
        index = 0
        for wanted in path:
            found = None
            for key, _, value in self._members(index):
                if key == wanted:
                    found = value
            if found is None:
                return iter(())
            index = found
        return self.of_items(index)
