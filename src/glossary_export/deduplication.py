"""Deduplication: one entry per term, the first occurrence keeping its place.

Two rows are the same term when their :func:`~glossary_export.keys.term_key` is equal, or when one
row's whole term is the other's acronym or full name ("Low-Rank Adaptation (LoRA)" and "LoRA").
Same definition: a duplicate, dropped and counted. Different definition: a conflict, resolved by
the policy and counted. Every decision is a :class:`Finding`, so callers can see what was merged
and why; near-duplicate terms (one letter apart) are reported, never merged, and looked for only
when asked (:meth:`DedupeResult.near_duplicates`): an export does not pay for them.
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from ._options import CONFLICT_POLICIES as CONFLICT_POLICIES  # re-exported: defined here first
from ._options import JOINED_DEFINITIONS
from ._options import ConflictPolicy as ConflictPolicy
from .errors import ConflictError, OptionError, shown
from .keys import normalise, term_key
from .model import Glossary, Term, split_acronym

FindingKind = Literal["duplicate", "acronym", "conflict", "empty definition", "near-duplicate"]
NearMode = Literal["typos", "all"]
NEAR_MODES: tuple[NearMode, ...] = ("typos", "all")

# Near-duplicates are looked for only among keys this long: short terms one letter apart are
# usually different things ("LoRA" and "DoRA").
_NEAR_DUPLICATE_MIN_LENGTH = 6
# ... and only among keys up to this long: each key makes as many variants as it has characters,
# so a sentence or a 10 MB line in the term column would cost its length squared in memory.
# Anything longer is a sentence, not a term one typo away from another.
NEAR_DUPLICATE_MAX_LENGTH = 100


@dataclass(frozen=True)
class Finding:
    """One thing dedupe noticed about a row, relative to another row when there is one."""

    kind: FindingKind
    term: Term
    """The row the finding is about (for merges: the row that was dropped)."""
    other: Term | None = None
    """The row it relates to (for merges: the row that was kept)."""
    similarity: float | None = None
    joined: bool = False
    """A conflict settled by ``join``: both definitions are on the card, none was dropped."""

    @property
    def message(self) -> str:
        other = self.other
        if other is not None and other.line and other.file and other.file != self.term.file:
            ref = f"{other.file}:{other.line}"
        elif other is not None and other.line:
            ref = f"line {other.line}"
        else:
            ref = shown(other.term if other else "")
        term = shown(self.term.term)
        if self.kind == "duplicate":
            return f"{term} is a duplicate of {ref}"
        if self.kind == "acronym":
            kept = shown(self.other.term if self.other else "")
            return f"{term} merged into {kept} ({ref}): acronym and full name"
        if self.kind == "conflict" and self.joined:
            return f"{term} has another definition than at {ref}; both are kept, joined"
        if self.kind == "conflict":
            kept = shown(other.definition if other else "")
            return (
                f"{term} has another definition than at {ref}; this one was dropped, "
                f"{kept} kept (--on-conflict join keeps both)"
            )
        if self.kind == "empty definition":
            return f"{term} has an empty definition; no card was made for it"
        similarity = f"{self.similarity:.0%}" if self.similarity is not None else "?"
        other_term = shown(self.other.term if self.other else "")
        return f"{term} is {similarity} similar to {other_term} ({ref}); not merged"

    def message_where(self) -> str:
        """A conflict in a summary: the term, where each definition is, and which was kept."""
        other = self.other
        term, kept = (self.term, other) if other is not None else (self.term, self.term)
        later = f"line {term.line}" if term.file == kept.file and term.line else term.where
        if self.joined:
            return f"{shown(term.term)} ({kept.where} and {later}: joined)"
        return f"{shown(term.term)} ({kept.where} kept, {later} dropped)"

    def __str__(self) -> str:
        where = self.term.where
        return f"{where}: {self.kind}: {self.message}" if where else f"{self.kind}: {self.message}"


@dataclass(frozen=True)
class DedupeResult:
    """The deduplicated glossary plus every decision dedupe made, in source order."""

    glossary: Glossary
    rows_read: int
    findings: tuple[Finding, ...]
    """Duplicates, acronym merges, conflicts and empty definitions. Near-duplicates are not
    among them: they cost far more to find, so :meth:`near_duplicates` looks for them on demand."""

    @property
    def unique_terms(self) -> int:
        return len(self.glossary.terms)

    @property
    def duplicates_removed(self) -> int:
        return sum(1 for f in self.findings if f.kind in ("duplicate", "acronym"))

    @property
    def conflicts(self) -> int:
        return sum(1 for f in self.findings if f.kind == "conflict")

    @property
    def empty_definitions(self) -> int:
        """Rows with a term and no definition: no card was made for them."""
        return sum(1 for f in self.findings if f.kind == "empty definition")

    def near_duplicates(self, near: NearMode = "typos") -> tuple[Finding, ...]:
        """Pairs of kept terms that look like typos of each other, in source order (found on
        the first call): one edit apart with alike definitions, or spelling variants
        ("colour"/"color"). ``near="all"``: every pair one edit apart, and the variants."""
        if near not in NEAR_MODES:
            raise OptionError(f"unknown near-duplicate mode {near!r}; choose typos or all")
        cache: dict[str, tuple[Finding, ...]] = self.__dict__.setdefault("_near_duplicates", {})
        found = cache.get(near)
        if found is None:
            found = tuple(_in_source_order(_near_duplicates(self.glossary, near)))
            # A cache, not state: the result is still the same value (frozen, compared by fields).
            cache[near] = found
        return found

    def all_findings(self, near: NearMode = "typos") -> tuple[Finding, ...]:
        """:attr:`findings` and :meth:`near_duplicates` together, in source order."""
        return tuple(_in_source_order([*self.findings, *self.near_duplicates(near)]))

    def of_kind(self, kind: FindingKind) -> list[Finding]:
        """The findings of one kind (near-duplicates are looked for if they have not been)."""
        if kind == "near-duplicate":
            return list(self.near_duplicates())
        return [f for f in self.findings if f.kind == kind]


@dataclass(slots=True)
class _Entry:
    """A term being built: its place is its first row's, its content the policy's pick."""

    kept: Term
    place: int
    """Index of the first row of this term, in reading order."""
    tags: tuple[str, ...]
    """The tags of every row merged so far, first seen first."""
    definitions: list[str] = dataclasses.field(default_factory=list)
    """``join``: the distinct definitions so far, in source order."""


class _Entries:
    """Every distinct key with its first row; an :class:`_Entry` only for keys in a merge.

    Most keys take part in no merge, so their entry is just the index of their first row, found
    for all of them in C; a glossary of 100k distinct terms then builds no object per term.
    """

    def __init__(self, rows: Sequence[Term], names: list[str], keys: list[str]) -> None:
        self.rows = rows
        self.names = names
        """Each row's term."""
        self.keys = keys
        self.first: dict[str, int] = {}
        # One pass: setdefault stores each key's first row and gives every row that index.
        self._firsts = list(map(self.first.setdefault, keys, itertools.count()))
        self.built: dict[str, _Entry] = {}

    def repeats(self) -> Iterator[int]:
        """The indexes of the rows whose key an earlier row has, in order."""
        if len(self.first) == len(self.keys):
            return iter(())
        differs = map(operator.ne, self._firsts, itertools.count())
        return itertools.compress(itertools.count(), differs)

    def entry(self, key: str) -> _Entry:
        """The entry of ``key`` (which must be present), built on first use."""
        entry = self.built.get(key)
        if entry is None:
            row = self.rows[self.first[key]]
            entry = self.built[key] = _Entry(row, self.first[key], row.tags, [row.definition])
        return entry

    def merge_repeat(self, place: int, policy: str) -> Finding:
        """Fold row ``place`` into the term of its key, which an earlier row has."""
        row, key = self.rows[place], self.keys[place]
        if key not in self.built:
            kept = self.rows[self.first[key]]
            # A row repeating the kept row's definition and tags (most repeats) changes nothing:
            # it needs no entry, and the key stays one whose term is just its first row.
            if row.definition == kept.definition and set(row.tags).issubset(kept.tags):
                return Finding("duplicate", row, kept)
        return _merge(self.entry(key), row, policy, kind_if_same="duplicate")

    def kept(self, key: str) -> Term:
        entry = self.built.get(key)
        return entry.kept if entry is not None else self.rows[self.first[key]]

    def remove(self, key: str) -> None:
        del self.first[key]
        self.built.pop(key, None)

    def may_have_aliases(self) -> list[str]:
        """The keys whose kept term may be "Full Name (ACR)" or "ACR (Full Name)" with the full
        name or the acronym another key, in the order of their first rows: a superset of those
        with a merge to make (see :func:`_with_alias_parts`).

        Only a term ending in ")" can be either. A key no merge has built an entry for has its
        first row as its term; a built entry's kept term may be a later row (or a joined one).
        """
        first, keys, names = self.first, self.keys, self.names
        ending = list(
            itertools.compress(itertools.count(), map(str.endswith, names, itertools.repeat(")")))
        )
        terms, row_keys = list(map(names.__getitem__, ending)), list(map(keys.__getitem__, ending))
        rows = _with_alias_parts(ending, terms, row_keys, first)
        # A row is its key's term when it is the key's first row, unless an entry was built.
        found = {place for place in rows if first.get(keys[place]) == place}
        built = [
            key
            for key, entry in self.built.items()
            if names[first[key]].endswith(")") or entry.kept.term.endswith(")")
        ]
        kept = [self.built[key].kept.term for key in built]
        found.update(map(first.__getitem__, _with_alias_parts(built, kept, built, first)))
        return [keys[place] for place in sorted(found)]

    def terms(self) -> tuple[Term, ...]:
        """The kept terms, in the order of their (possibly moved) places."""
        if not self.built:
            if len(self.first) == len(self.rows):  # nothing merged: every row, in order
                return tuple(self.rows)
            return tuple(map(self.rows.__getitem__, sorted(self.first.values())))
        # Every key's first row by its place, made in C; then the few built entries replace
        # theirs, at their own (possibly earlier) place. Each row is one key's, so a built
        # entry's place never is another live key's first row.
        places = self.first.values()
        placed = dict(zip(places, map(self.rows.__getitem__, places), strict=True))
        for key in self.built:
            del placed[self.first[key]]
        placed.update((entry.place, _finish(entry)) for entry in self.built.values())
        return tuple(map(placed.__getitem__, sorted(placed)))


def dedupe(glossary: Glossary, on_conflict: ConflictPolicy | str = "first") -> DedupeResult:
    """Merge rows that are the same term; see the module docstring for the rules."""
    if on_conflict not in CONFLICT_POLICIES:
        raise OptionError(
            f"unknown conflict policy {on_conflict!r}; choose one of {', '.join(CONFLICT_POLICIES)}"
        )
    rows = glossary.terms
    empty = list(_empty_definitions(rows))
    # In row order, as the rows came (the first conflict is the error): (row index, finding).
    found: list[tuple[int, Finding]] = [
        (place, Finding("empty definition", rows[place])) for place in empty
    ]
    places: Sequence[int] = range(len(rows))
    if empty:
        # A row with a term and no definition makes no card: it is reported, and merges with
        # nothing (a later row with the definition is then the term's only row).
        dropped = set(empty)
        places = [place for place in places if place not in dropped]
        rows = tuple(map(rows.__getitem__, places))
    names = list(map(operator.attrgetter("term"), rows))
    entries = _Entries(rows, names, list(map(term_key, names)))
    for place in entries.repeats():
        found.append((places[place], entries.merge_repeat(place, on_conflict)))
    found.sort(key=operator.itemgetter(0))
    findings = [finding for _, finding in found]
    findings.extend(_merge_acronyms(entries, on_conflict))
    terms = entries.terms()
    unique = dataclasses.replace(glossary, terms=terms)
    return DedupeResult(unique, len(glossary.terms), tuple(_in_source_order(findings)))


def _empty_definitions(rows: Sequence[Term]) -> Iterator[int]:
    """The indexes of the rows whose definition is empty or white space, found in C."""
    definitions = list(map(operator.attrgetter("definition"), rows))
    if all(definitions) and not any(map(str.isspace, definitions)):
        return iter(())  # the usual answer, from two passes that strip nothing
    return itertools.compress(itertools.count(), map(operator.not_, map(str.strip, definitions)))


def _add_tags(entry: _Entry, tags: tuple[str, ...]) -> None:
    for tag in tags:
        if tag not in entry.tags:
            entry.tags = (*entry.tags, tag)


def _merge(entry: _Entry, row: Term, policy: str, kind_if_same: FindingKind) -> Finding:
    """Fold ``row`` into ``entry`` and say what happened."""
    _add_tags(entry, row.tags)
    kept = entry.kept
    same = row.definition == kept.definition  # no need to normalise the same string twice
    if same or normalise(row.definition) == normalise(kept.definition):
        return Finding(kind_if_same, row, kept)
    if policy == "join":
        return _join(entry, row)
    if policy == "error":
        where = kept.where if kept.file != row.file else f"line {kept.line}"
        raise ConflictError(
            f"{shown(row.term)} has a different definition than at {where}; "
            "choose --on-conflict join, first, last or longest",
            file=row.file,
            line=row.line,
        )
    if policy == "last" or (policy == "longest" and len(row.definition) > len(kept.definition)):
        entry.kept = row
        return Finding("conflict", kept, row)
    return Finding("conflict", row, kept)


def _join(entry: _Entry, row: Term) -> Finding:
    """Add ``row``'s definition to the entry's, unless it already holds it (a third row that
    repeats the first one's definition adds nothing)."""
    kept = entry.kept
    held = {normalise(part) for part in entry.definitions}
    if normalise(row.definition) not in held:
        entry.definitions.append(row.definition)
        joined = JOINED_DEFINITIONS.join(entry.definitions)
        entry.kept = dataclasses.replace(kept, definition=joined)
    return Finding("conflict", row, kept, joined=True)


def _merge_acronyms(entries: _Entries, policy: str) -> Iterator[Finding]:
    """Merge "ACR" (or "Full Name") rows into the "Full Name (ACR)" row: the richer one stays."""
    # Only a term ending in ")" can be "Full Name (ACR)", and only one whose alias is another
    # row's key has anything to merge: skip the rest up front, without split_acronym.
    for key in entries.may_have_aliases():
        if key not in entries.first:  # already merged into another entry
            continue
        name, acronym = split_acronym(entries.kept(key).term)
        if not acronym:
            continue
        for alias in (term_key(acronym), term_key(name)):
            if alias == key or alias not in entries.first:
                continue
            short = entries.entry(alias)
            entries.remove(alias)
            yield _merge_alias(entries.entry(key), short, policy)


_T = TypeVar("_T")


def _with_alias_parts(
    items: list[_T], terms: list[str], keys: list[str], first: dict[str, int]
) -> list[_T]:
    """The ``items`` (in order) whose term (of key ``keys[i]``) has a "(", with a text before
    its last "(" or inside it whose key is another key in ``first``.

    split_acronym's two parts are always the text before the term's last "(" and the text
    inside it, so the keys of those two parts are the only aliases a term can have. Merging
    only removes keys and never changes the term of a key still to come, so checking them
    before the merges start misses none.
    """
    opening = list(map(str.rfind, terms, itertools.repeat("(")))
    before: Iterator[str] = map(operator.getitem, terms, map(slice, itertools.repeat(0), opening))
    after = map(operator.add, opening, itertools.repeat(1))
    inside: Iterator[str] = map(operator.getitem, terms, map(slice, after, itertools.repeat(-1)))
    names = list(map(term_key, before))
    acronyms = list(map(term_key, inside))
    if first.keys().isdisjoint(names) and first.keys().isdisjoint(acronyms):
        return []  # the usual answer, found in C
    return [
        item
        for item, key, start, name, acronym in zip(
            items, keys, opening, names, acronyms, strict=True
        )
        if start >= 0 and ((name != key and name in first) or (acronym != key and acronym in first))
    ]


def _merge_alias(entry: _Entry, short: _Entry, policy: str) -> Finding:
    """The full-name entry absorbs the short one; it takes the earlier place of the two."""
    full_row = entry.kept
    entry.place = min(entry.place, short.place)
    _add_tags(entry, short.tags)
    if normalise(short.kept.definition) == normalise(full_row.definition):
        return Finding("acronym", short.kept, full_row)
    finding = _merge(entry, short.kept, policy, kind_if_same="acronym")
    # Whatever the policy chose for the definition, the richer term (the full name) stays.
    entry.kept = dataclasses.replace(entry.kept, term=full_row.term, acronym=full_row.acronym)
    return finding


def _finish(entry: _Entry) -> Term:
    kept = entry.kept
    if entry.tags != kept.tags:
        kept = dataclasses.replace(kept, tags=entry.tags)
    return kept


def _near_duplicates(glossary: Glossary, near: NearMode = "typos") -> Iterator[Finding]:
    """A finding for each pair of terms that look like typos of each other (the later term is
    the finding's): spelling variants, and pairs one edit apart whose definitions are alike
    (any such pair with ``near="all"``). "Butter"/"Mutter" are two words, not a typo."""
    terms = glossary.terms
    keys = [term_key(term.term) for term in terms]
    pairs = spelling_variant_pairs(keys)
    for earlier, later in near_duplicate_pairs(keys):
        if near == "all" or _alike(terms[earlier].definition, terms[later].definition):
            pairs.add((earlier, later))
    for earlier, later in sorted(pairs):
        longest = max(len(keys[earlier]), len(keys[later]))
        similarity = 1 - _edits(keys[earlier], keys[later]) / longest
        yield Finding("near-duplicate", terms[later], terms[earlier], similarity)


# Spelling variants: British and American endings of one word, each reduced to one form.
# (pattern at a word's end, its replacement, the shortest word it applies to).
_VARIANTS = (
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|er|ers|ation|ations)$"), r"iz\1", 0),
    (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing|er|ers)$"), r"yz\1", 0),
    (re.compile(r"our(s|ed|ing|ite|ites|ful)?$"), r"or\1", 5),
    (re.compile(r"(?<=[^aeiou])re(s|d)?$"), r"er\1", 5),
    (re.compile(r"ogue(s)?$"), r"og\1", 6),
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), r"l\1", 7),
    (re.compile(r"ence$"), "ense", 6),
)
_WORD = re.compile(r"[^\W\d_]+")


def spelling_variant_pairs(keys: Sequence[str]) -> set[tuple[int, int]]:
    """Index pairs (earlier, later) of distinct keys that differ only by common spelling
    variants ("colour"/"color", "-ise"/"-ize", "-re"/"-er", "-ogue"/"-og", "-lled"/"-led")."""
    groups: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if len(key) <= NEAR_DUPLICATE_MAX_LENGTH:
            groups.setdefault(_WORD.sub(_one_spelling, key), []).append(index)
    pairs: set[tuple[int, int]] = set()
    for group in groups.values():
        for a, b in itertools.combinations(group, 2):
            if keys[a] != keys[b]:
                pairs.add((a, b))
    return pairs


def _one_spelling(word: re.Match[str]) -> str:
    text = word.group()
    for pattern, replacement, shortest in _VARIANTS:
        if len(text) >= shortest:
            changed = pattern.sub(replacement, text, count=1)
            if changed != text:
                return changed
    return text


def _alike(first: str, second: str) -> bool:
    """Whether two definitions say much the same: half their words in common, or both empty."""
    words = set(_WORD.findall(normalise(first)))
    other = set(_WORD.findall(normalise(second)))
    if not words or not other:
        return not words and not other
    return len(words & other) >= 0.5 * len(words | other)


def _edits(first: str, second: str) -> int:
    """The edit distance of two short keys (a swap of neighbours counts once)."""
    previous = list(range(len(second) + 1))
    before: list[int] = []
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]


def near_duplicate_pairs(keys: Sequence[str]) -> set[tuple[int, int]]:
    """Index pairs (earlier, later) of distinct keys one edit apart, where the edit is not a digit.

    One edit: a letter changed, added, removed, or two neighbours swapped. A changed digit is
    another version or number, not a typo ("GPT-3" and "GPT-4"), so it does not count; keys
    shorter than ``_NEAR_DUPLICATE_MIN_LENGTH`` or longer than ``NEAR_DUPLICATE_MAX_LENGTH``
    are left out.

    Two such keys share a one-letter deletion (or one is a deletion of the other). Rather than
    indexing every deletion of every key at once (gigabytes for a million terms), the work is
    split by key length and by the deletion's first character: a shared deletion always falls in
    the same part, so each part is complete on its own and only one part's index is in memory.
    """
    by_length: dict[int, list[int]] = {}
    for index, key in enumerate(keys):
        if _NEAR_DUPLICATE_MIN_LENGTH <= len(key) <= NEAR_DUPLICATE_MAX_LENGTH:
            by_length.setdefault(len(key), []).append(index)
    pairs: set[tuple[int, int]] = set()
    for length in sorted(by_length):
        # Keys of this length, grouped by the first character of their deletions: keys[i][0]
        # for every deletion but the first character's, keys[i][1] for that one.
        rest: dict[str, list[int]] = {}
        head: dict[str, list[int]] = {}
        for index in by_length[length]:
            rest.setdefault(keys[index][0], []).append(index)
            if not keys[index][0].isdigit():
                head.setdefault(keys[index][1], []).append(index)
        shorter: dict[str, list[int]] = {}
        for index in by_length.get(length - 1, ()):
            shorter.setdefault(keys[index][0], []).append(index)
        for first in rest.keys() | head.keys():
            _pairs_in_part(
                keys, rest.get(first, ()), head.get(first, ()), shorter.get(first, ()), pairs
            )
    return pairs


def _pairs_in_part(
    keys: Sequence[str],
    rest: Sequence[int],
    head: Sequence[int],
    shorter: Sequence[int],
    pairs: set[tuple[int, int]],
) -> None:
    """Add the pairs whose shared deletion starts with one given character (see the caller)."""
    deletions: dict[str, list[int]] = {}
    for index in rest:
        key = keys[index]
        variants = {key[:i] + key[i + 1 :] for i in range(1, len(key)) if not key[i].isdigit()}
        for variant in variants:
            deletions.setdefault(variant, []).append(index)
    for index in head:
        deletions.setdefault(keys[index][1:], []).append(index)
    for group in deletions.values():
        if len(group) > 1:
            for a in group:
                for b in group:
                    if a < b and keys[a] != keys[b]:
                        pairs.add((a, b))
    # A key one character shorter that is itself a deletion of a longer one.
    for index in shorter:
        for other in deletions.get(keys[index], ()):
            if keys[index] != keys[other]:
                pairs.add((min(index, other), max(index, other)))


def _in_source_order(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.term.file or "", f.term.line or 0))
