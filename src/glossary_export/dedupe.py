"""Deduplication: one entry per term, the first occurrence keeping its place.

Two rows are the same term when their :func:`~glossary_export.keys.term_key` is equal, or when one
row's whole term is the other's acronym or full name ("Low-Rank Adaptation (LoRA)" and "LoRA").
Same definition: a duplicate, dropped and counted. Different definition: a conflict, resolved by
the policy and counted. Every decision is a :class:`Finding`, so callers can see what was merged
and why; near-duplicate terms (one letter apart) are reported, never merged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from .errors import ConflictError, OptionError, shown
from .keys import normalise, term_key
from .model import Glossary, Term, split_acronym

ConflictPolicy = Literal["first", "last", "longest", "error"]
CONFLICT_POLICIES: tuple[str, ...] = ("first", "last", "longest", "error")

FindingKind = Literal["duplicate", "acronym", "conflict", "empty definition", "near-duplicate"]

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

    @property
    def message(self) -> str:
        other_line = self.other.line if self.other else None
        ref = f"line {other_line}" if other_line else shown(self.other.term if self.other else "")
        term = shown(self.term.term)
        if self.kind == "duplicate":
            return f"{term} is a duplicate of {ref}"
        if self.kind == "acronym":
            kept = shown(self.other.term if self.other else "")
            return f"{term} merged into {kept} ({ref}): acronym and full name"
        if self.kind == "conflict":
            return f"{term} has a conflicting definition with {ref}"
        if self.kind == "empty definition":
            return f"{term} has an empty definition"
        similarity = f"{self.similarity:.0%}" if self.similarity is not None else "?"
        other_term = shown(self.other.term if self.other else "")
        return f"{term} is {similarity} similar to {other_term} ({ref}); not merged"

    def __str__(self) -> str:
        where = self.term.where
        return f"{where}: {self.kind}: {self.message}" if where else f"{self.kind}: {self.message}"


@dataclass(frozen=True)
class DedupeResult:
    """The deduplicated glossary plus every finding, in source order."""

    glossary: Glossary
    rows_read: int
    findings: tuple[Finding, ...]

    @property
    def unique_terms(self) -> int:
        return len(self.glossary.terms)

    @property
    def duplicates_removed(self) -> int:
        return sum(1 for f in self.findings if f.kind in ("duplicate", "acronym"))

    @property
    def conflicts(self) -> int:
        return sum(1 for f in self.findings if f.kind == "conflict")

    def of_kind(self, kind: FindingKind) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


@dataclass
class _Entry:
    """A term being built: its place is its first row's, its content the policy's pick."""

    kept: Term
    place: int
    """Index of the first row of this term, in reading order."""
    tags: list[str]


def dedupe(
    glossary: Glossary, on_conflict: ConflictPolicy | str = "first", *, near_duplicates: bool = True
) -> DedupeResult:
    """Merge rows that are the same term; see the module docstring for the rules."""
    if on_conflict not in CONFLICT_POLICIES:
        raise OptionError(
            f"unknown conflict policy {on_conflict!r}; choose one of {', '.join(CONFLICT_POLICIES)}"
        )
    entries: dict[str, _Entry] = {}
    findings: list[Finding] = []
    for place, row in enumerate(glossary.terms):
        findings.extend(_empty_definition(row))
        key = term_key(row.term)
        entry = entries.get(key)
        if entry is None:
            entries[key] = _Entry(kept=row, place=place, tags=list(row.tags))
        else:
            findings.append(_merge(entry, row, on_conflict, kind_if_same="duplicate"))
    findings.extend(_merge_acronyms(entries, on_conflict))
    in_place = sorted(entries.values(), key=lambda entry: entry.place)
    terms = tuple(_finish(entry) for entry in in_place)
    if near_duplicates:
        findings.extend(_near_duplicates(terms))
    unique = dataclasses.replace(glossary, terms=terms)
    return DedupeResult(unique, len(glossary.terms), tuple(_in_source_order(findings)))


def _empty_definition(row: Term) -> Iterator[Finding]:
    if not row.definition.strip():
        yield Finding("empty definition", row)


def _merge(entry: _Entry, row: Term, policy: str, kind_if_same: FindingKind) -> Finding:
    """Fold ``row`` into ``entry`` and say what happened."""
    for tag in row.tags:
        if tag not in entry.tags:
            entry.tags.append(tag)
    kept = entry.kept
    if normalise(row.definition) == normalise(kept.definition):
        return Finding(kind_if_same, row, kept)
    if policy == "error":
        raise ConflictError(
            f"{shown(row.term)} has a different definition than at line {kept.line}; "
            "choose --on-conflict first, last or longest",
            file=row.file,
            line=row.line,
        )
    if policy == "last" or (policy == "longest" and len(row.definition) > len(kept.definition)):
        entry.kept = row
        return Finding("conflict", kept, row)
    return Finding("conflict", row, kept)


def _merge_acronyms(entries: dict[str, _Entry], policy: str) -> Iterator[Finding]:
    """Merge "ACR" (or "Full Name") rows into the "Full Name (ACR)" row: the richer one stays."""
    for key, entry in list(entries.items()):
        if key not in entries:  # already merged into another entry
            continue
        full = entry.kept
        name, acronym = split_acronym(full.term)
        if not acronym:
            continue
        for alias in (term_key(acronym), term_key(name)):
            short = entries.get(alias)
            if short is None or alias == key:
                continue
            del entries[alias]
            yield _merge_alias(entry, short, policy)


def _merge_alias(entry: _Entry, short: _Entry, policy: str) -> Finding:
    """The full-name entry absorbs the short one; it takes the earlier place of the two."""
    full_row = entry.kept
    entry.place = min(entry.place, short.place)
    for tag in short.tags:
        if tag not in entry.tags:
            entry.tags.append(tag)
    if normalise(short.kept.definition) == normalise(full_row.definition):
        return Finding("acronym", short.kept, full_row)
    finding = _merge(entry, short.kept, policy, kind_if_same="acronym")
    # Whatever the policy chose for the definition, the richer term (the full name) stays.
    entry.kept = dataclasses.replace(entry.kept, term=full_row.term, acronym=full_row.acronym)
    return finding


def _finish(entry: _Entry) -> Term:
    kept = entry.kept
    if tuple(entry.tags) != kept.tags:
        kept = dataclasses.replace(kept, tags=tuple(entry.tags))
    return kept


def _near_duplicates(terms: Iterable[Term]) -> Iterator[Finding]:
    """Pairs of terms one edit apart, found by their shared one-letter deletions (no O(n²) scan)."""
    by_deletion: dict[str, list[tuple[str, Term]]] = {}
    for term in terms:
        key = term_key(term.term)
        if not _NEAR_DUPLICATE_MIN_LENGTH <= len(key) <= NEAR_DUPLICATE_MAX_LENGTH:
            continue
        variants = {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}
        for variant in variants:
            by_deletion.setdefault(variant, []).append((key, term))
    reported: set[tuple[str, str]] = set()
    for group in by_deletion.values():
        for i, (key_a, term_a) in enumerate(group):
            for key_b, term_b in group[i + 1 :]:
                pair = (key_a, key_b)
                if key_a == key_b or pair in reported:
                    continue
                reported.add(pair)
                similarity = 1 - 1 / max(len(key_a), len(key_b))
                yield Finding("near-duplicate", term_b, term_a, similarity)


def _in_source_order(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.term.file or "", f.term.line or 0))
