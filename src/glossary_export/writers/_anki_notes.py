"""From glossary terms to Anki notes: deck and tag checks, field encoding, GUIDs and dates.

Shared by the package and the text writer so that both give every term the same note identity.

* A note's GUID comes from its term's key (``term_key``) in a namespace (``--id-namespace`` or the
  deck name), never from all fields: editing a definition updates the note instead of adding one,
  and the same glossary in two decks makes two sets of notes.
* With memory of the previous export, a term keeps the GUID its key had there, a respelled term
  inherits its old note when the match is unambiguous, and each note keeps its previous
  modification time unless its content changed: Anki's package importer then updates exactly the
  changed notes and leaves the rest (and any edits made to them inside Anki) alone.
"""

from __future__ import annotations

import base64
import dataclasses
import difflib
import functools
import hashlib
import html
import itertools
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..deck_memory import (
    DIGEST_LENGTH,
    DIGESTS,
    Column,
    Comparison,
    DeckMemory,
    column_text,
    content_digests,
    definition_digests,
    recall,
)
from ..decks import check_deck, check_tags
from ..errors import counted
from ..keys import normalise, term_key
from . import _anki_model as model

if TYPE_CHECKING:
    from ..model import Glossary, Term
    from . import WriteOptions

# A respelling counts as "very similar" at these difflib ratios (term key; definition).
SIMILAR_TERM = 0.8
SIMILAR_DEFINITION = 0.9
# Fuzzy matching compares every unmatched new term with every unmatched old note; beyond this
# many pairs (a wholesale rewrite, not a few respellings) only exact definition matches count.
MAX_FUZZY_PAIRS = 40_000


class AnkiNote(NamedTuple):
    """One note to write: identity, encoded fields, tags, modification time, card ordinals."""

    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    modified: int
    cards: tuple[int, ...]


# Terms encoded per piece of this many: the column lists and joined texts made to encode them
# stay small, and the C loops still run over many terms at a time.
PIECE = 1 << 15
# Characters in a GUID of ours: nine bytes of SHA-256 in base64 (see note_guid).
GUID_LENGTH = DIGEST_LENGTH


@dataclass
class NotePlan:
    """The notes to write, in glossary order, and what the user should know about them.

    Held as columns, and only what the glossary cannot give again: each note's GUID, tags and
    modification time. Its encoded fields and card ordinals are made from its term while the
    notes are written (:meth:`fields`, :meth:`cards`), piece by piece: a tuple of fields and a
    named tuple per note cost ~230 MB on a million-note deck, on top of the glossary itself.
    """

    terms: Sequence[Term]
    options: WriteOptions
    deck: str
    namespace: str
    guids: Sequence[str] = ()
    tags: Sequence[tuple[str, ...]] = ()
    dates: Sequence[int] = ()
    """Each note's modification time."""
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What could not be read (a damaged memory or earlier export)."""
    compared: DeckMemory | None = None
    """The memory of the earlier export this one was compared with, if any."""
    unchanged: bool = False
    """Whether every note is exactly as in the earlier export (same order too)."""
    inherited: int = 0
    changed: int = 0
    new: int = 0

    def __len__(self) -> int:
        return len(self.terms)

    def fields(self) -> Iterator[tuple[str, ...]]:
        """Each note's encoded fields (:func:`note_fields` of its term), made piece by piece.

        The first pass over every note (once the tags are decided) also makes the notes'
        :attr:`contents` on the way: the deck memory needs them after the notes are written,
        and encoding every field a second time for them cost as much as the digests.
        """
        terms, options = self.terms, self.options
        if "contents" in self.__dict__ or len(self.tags) != len(terms):
            pieces = range(0, len(terms), PIECE)
            return itertools.chain.from_iterable(
                notes_fields(terms[start : start + PIECE], options) for start in pieces
            )
        return self._fields_and_contents()

    def _fields_and_contents(self) -> Iterator[tuple[str, ...]]:
        terms, tags = self.terms, self.tags
        digested: list[str] = []
        starts = range(0, len(terms), PIECE)
        if not starts:
            self.__dict__.setdefault("contents", Column(""))
        for start in starts:
            piece = list(notes_fields(terms[start : start + PIECE], self.options))
            joined_tags = map(" ".join, tags[start : start + PIECE])
            digested.append(content_digests(map("\x1f".join, piece), joined_tags).text)
            if start == starts[-1]:
                # Twelve characters a digest: the pieces' texts join into the whole column's.
                # Kept before the last notes are handed out: a consumer may stop at the last.
                self.__dict__.setdefault("contents", Column("".join(digested)))
            yield from piece

    def cards(self) -> Iterator[tuple[int, ...]]:
        """Each note's card ordinals (:func:`~._anki_model.card_ordinals` of its fields)."""
        if not self.options.reverse and not self.options.acronym_cards:
            # No optional card is switched on: every note has the Term card only.
            return itertools.repeat(model.card_ordinals(_NO_FLAGS), len(self.terms))
        return map(model.card_ordinals, self.fields())

    @functools.cached_property
    def contents(self) -> Column:
        """Each note's content digest (needs the tags decided)."""
        return content_digests(map("\x1f".join, self.fields()), map(" ".join, self.tags))

    @functools.cached_property
    def definitions(self) -> Column:
        """Each term's definition digest."""
        return definition_digests([term.definition for term in self.terms])

    def contents_as(self, memory: DeckMemory) -> Sequence[str]:
        """:attr:`contents` made as ``memory``'s were (an earlier release's digests)."""
        if memory.digest_version == DIGESTS:
            return self.contents
        fields = map("\x1f".join, self.fields())
        return content_digests(fields, map(" ".join, self.tags), memory.digest_version)

    def definitions_as(self, memory: DeckMemory) -> Sequence[str]:
        """:attr:`definitions` made as ``memory``'s were."""
        if memory.digest_version == DIGESTS:
            return self.definitions
        definitions = [term.definition for term in self.terms]
        return definition_digests(definitions, memory.digest_version)

    def memory(self) -> DeckMemory:
        """What the next export of this deck must know about this one."""
        compared = self.compared
        if (
            self.unchanged
            and compared is not None
            and compared.definitions
            and compared.digest_version == DIGESTS
        ):
            # Every note as the memory had it: its columns serve again (no digest to make).
            return dataclasses.replace(compared, deck=self.deck, origin="")
        return DeckMemory(
            namespace=self.namespace,
            deck=self.deck,
            exported=0.0,
            origin="",
            guids=self.guids,
            names=[term.term for term in self.terms],
            contents=self.contents,
            definitions=self.definitions,
            modified=self.dates,
        )

    def comparison(self) -> Comparison | None:
        """How this export compares with the earlier one, if there was one."""
        if self.compared is None:
            return None
        unchanged = len(self) - self.changed - self.new
        return Comparison(
            self.compared.origin,
            self.compared.exported,
            len(self.compared),
            self.new,
            self.changed,
            unchanged,
        )

    def summary(self, route: str) -> str:
        """The line telling the user what this export was compared with (``route``: what the
        user imports with, "package" or "text")."""
        compared = self.comparison()
        if compared is None and route == "text":
            return "no earlier export of this deck found: respelled terms cannot be matched"
        if compared is None:
            # A first export is the usual case: say what happens calmly, and the one risk.
            return (
                "first export of this deck (no earlier one is remembered): Anki adds every note; "
                "notes it already holds from an export not remembered here are updated once"
            )
        line = (
            f"compared with the export of {compared.when()} ({counted(compared.notes, 'note')}): "
            f"{counted(compared.new, 'new note')}, {compared.changed} changed and "
            f"{compared.unchanged} unchanged; Anki's import will update only the changed ones"
        )
        if route == "text":
            line += (
                " (a text import also replaces what you edited inside Anki in any note; "
                "the .apkg keeps such edits)"
            )
        return line

    def notes(self) -> Iterator[AnkiNote]:
        """Each note whole (for tests and small decks; the writers read the columns)."""
        rows = zip(self.guids, self.fields(), self.tags, self.dates, self.cards(), strict=True)
        return itertools.starmap(AnkiNote, rows)


# The fields of a note without flags: enough for card_ordinals, which reads the flags first.
_NO_FLAGS = ("", "", "", "", "")


def encode_field(text: str, as_html: bool) -> str:
    """A field as Anki stores it: HTML, so plain text is escaped and its line breaks become <br>."""
    if as_html or not needs_encoding(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return html.escape(text, quote=False).replace("\n", "<br>")


def needs_encoding(text: str) -> bool:
    """Whether plain text changes as a field (holds ``<``, ``>``, ``&`` or a line break)."""
    # Five substring tests run in C and are several times faster than a regex search on the
    # definitions of a large deck.
    return "<" in text or ">" in text or "&" in text or "\n" in text or "\r" in text


def decode_field(text: str, as_html: bool) -> str:
    """The plain text of a field written by :func:`encode_field` (HTML fields stay as they are)."""
    if as_html:
        return text
    return html.unescape(text.replace("<br>", "\n"))


def decode_fields(texts: list[str], as_html: bool) -> list[str]:
    """:func:`decode_field` of each text; the texts themselves when none holds an entity or
    a line break (one search over all of them instead of a call per field)."""
    joined = "".join(texts)
    if as_html or ("&" not in joined and "<br>" not in joined):
        return texts
    return [decode_field(text, as_html) for text in texts]


def namespace_for(options: WriteOptions, deck: str) -> str:
    """What note identities are namespaced by: --id-namespace, else the deck name (normalised)."""
    return normalise(options.id_namespace) or normalise(deck)


def note_guid(namespace: str, key: str, salt: int = 0) -> str:
    """A stable GUID for a term key in a namespace (``salt`` only to step around a taken GUID).

    72 bits of SHA-256 in URL-safe base64: 12 characters that never need quoting in Anki text
    (genanki's base91 GUIDs can start with "#"), computed in C, so fast for 100k-note decks.
    Part of the note identity contract: changing it turns every exported note into a new one.
    """
    return _guids_text(namespace, [key + (f"\x1f{salt}" if salt else "")])


def deck_id(deck: str) -> int:
    """A stable deck id from the deck's name (Anki matches decks by name; ids must not vary)."""
    digest = hashlib.sha256(f"glossary-export deck\x1f{normalise(deck)}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_fields(term: Term, options: WriteOptions) -> tuple[str, ...]:
    """The five fields of a term's note, encoded; flag fields switch the optional cards on."""
    reverse = model.FLAG if options.reverse else ""
    acronym_card = model.FLAG if options.acronym_cards and term.acronym else ""
    return (
        encode_field(term.term, options.html),
        encode_field(term.definition, options.html) + extras_html(term, options.html),
        encode_field(term.acronym, options.html),
        reverse,
        acronym_card,
    )


def extras_html(term: Term, as_html: bool) -> str:
    """The term's extra columns (part of speech, example...) as a block after its definition.

    They travel inside the Definition field rather than in fields of their own: a new field
    would change the note type, and Anki would then skip every note of every deck users already
    imported as "conflicting". The block's class lets the note type's CSS hide it where the
    definition is the question (the Definition → Term card).
    """
    if not term.extras:
        return ""
    items = "".join(
        f'<div><span class="extra-name">{html.escape(name, quote=False)}</span>: '
        f"{encode_field(value, as_html)}</div>"
        for name, value in term.extras
    )
    return f'<div class="{model.EXTRAS_CLASS}">{items}</div>'


def note_guids(namespace: str, keys: list[str]) -> list[str]:
    """``[note_guid(namespace, key) for key in keys]``, without a call per key."""
    return list(Column(_guids_text(namespace, keys)))


def _guids_text(namespace: str, keys: Iterable[str]) -> str:
    """The GUIDs of ``keys`` (:func:`note_guid`) joined into one string.

    Nine bytes are exactly twelve base64 characters with no padding, so encoding all digests
    joined gives every GUID in turn, and the texts of two runs of keys join into that of both.
    """
    prefix = f"glossary-export\x1f{namespace}\x1f".encode()
    texts = map(operator.add, itertools.repeat(prefix), map(str.encode, keys))
    digests = map(operator.methodcaller("digest"), map(hashlib.sha256, texts))
    return base64.urlsafe_b64encode(b"".join(map(operator.itemgetter(slice(9)), digests))).decode()


def notes_fields(terms: Sequence[Term], options: WriteOptions) -> Iterator[tuple[str, ...]]:
    """:func:`note_fields` of every term, each column checked for HTML characters at once."""
    names = _encoded([term.term for term in terms], options.html)
    definitions = _encoded([term.definition for term in terms], options.html)
    if any(map(operator.attrgetter("extras"), terms)):
        extras = [extras_html(term, options.html) for term in terms]
        definitions = list(map(operator.add, definitions, extras))
    acronyms = [term.acronym for term in terms]
    reverse = itertools.repeat(model.FLAG if options.reverse else "")
    if options.acronym_cards:
        acronym_cards: Iterable[str] = [model.FLAG if acronym else "" for acronym in acronyms]
    else:
        acronym_cards = itertools.repeat("")
    encoded_acronyms = _encoded(acronyms, options.html)
    # strict=False: the flag columns may be endless repeats; the three lists have one per term.
    return zip(names, definitions, encoded_acronyms, reverse, acronym_cards, strict=False)


def _encoded(texts: list[str], as_html: bool) -> list[str]:
    """:func:`encode_field` of each text; the texts themselves when none needs it (one search)."""
    if as_html or not needs_encoding("".join(texts)):
        return texts
    return [encode_field(text, as_html) for text in texts]


def plan_notes(glossary: Glossary, options: WriteOptions) -> NotePlan:
    """Every term's note: identity and date decided against the earlier export, if any."""
    deck = check_deck(options.deck)
    namespace = namespace_for(options, deck)
    deck_tags = check_tags(options.tags)
    plan = NotePlan(glossary.terms, options, deck, namespace)
    memory, plan.warnings, plan.messages = recall(
        namespace, options.memory_folder, options.previous_output
    )
    plan.compared = memory
    if memory is not None and memory.deck and memory.deck != deck:
        plan.messages.append(_rename_advice(memory.deck, deck))
    _decide_notes(plan, memory, deck_tags)
    return plan


class NoteIdentities(NamedTuple):
    """Which Anki note each term of a deck is: what other outputs key a term by."""

    deck: str
    """The deck name, each ``::`` level trimmed."""
    namespace: str
    """What the GUIDs are namespaced by (``--id-namespace``, else the deck)."""
    guids: Sequence[str]
    """Each term's note GUID, in glossary order."""


def note_identities(glossary: Glossary, options: WriteOptions) -> NoteIdentities:
    """Each term's note GUID in this deck, as the Anki outputs give it: the GUID its note had in
    the deck memory (a respelled term that inherited its note keeps that note's GUID), else the
    term's own. An earlier file at the output path is not read (it is not an Anki export)."""
    plan = plan_notes(glossary, dataclasses.replace(options, previous_output=None))
    return NoteIdentities(plan.deck, plan.namespace, plan.guids)


def _rename_advice(old: str, new: str) -> str:
    """Anki moves no card on import: a deck renamed here must be renamed in Anki too."""
    return (
        f'these notes were last exported into the deck "{old}", and Anki leaves cards in the deck '
        f'they are in, so they stay in "{old}" and "{new}" would stay empty: before importing, '
        f'rename "{old}" to "{new}" inside Anki (on the Decks screen, the gear beside "{old}", '
        "then Rename)"
    )


def _decide_notes(plan: NotePlan, memory: DeckMemory | None, deck_tags: tuple[str, ...]) -> None:
    """Each note's GUID and date: its old note's where the earlier export had the term (or an
    unambiguous respelling of it), else its own, stepping around a GUID already taken."""
    terms, namespace = plan.terms, plan.namespace
    # The keys live only while the notes are decided (~70 MB at a million terms).
    keys = [term_key(term.term) for term in terms]
    plan.tags = [
        check_tags((*deck_tags, *term.tags), term) if term.tags else deck_tags for term in terms
    ]
    if memory is not None and _unchanged(plan, memory, keys):
        return
    previous = _match_previous(terms, keys, memory, plan)
    now = int(plan.options.timestamp)
    # Column by column: every note gets its own GUID and this export's date, then the notes
    # the earlier export had take its GUID and date (a first export does nothing per note).
    guids: Sequence[str] = Column(_guids_text(namespace, keys))
    dates = [now] * len(terms)
    if previous and memory is not None:
        guids = list(guids)
        _keep_old_notes(plan, memory, previous, guids, dates)
    plan.new = len(terms) - len(previous)
    if len(set(guids)) != len(guids):
        guids = _stepped_around(namespace, keys, list(guids), previous)
    plan.dates = dates
    # One string: 12 bytes a GUID instead of a string object each (~60 MB at a million), unless
    # an earlier export read from its file held GUIDs of another length.
    if not isinstance(guids, Column) and set(map(len, guids)) <= {GUID_LENGTH}:
        guids = Column("".join(guids))
    plan.guids = guids


def _keep_old_notes(
    plan: NotePlan,
    memory: DeckMemory,
    previous: dict[int, int],
    guids: list[str],
    dates: list[int],
) -> None:
    """Give each matched note its old GUID, and its old date unless its content changed."""
    # As lists: a Column cuts a string out at each look-up, these are looked up per note.
    old_guids, old_contents = list(memory.guids), list(memory.contents)
    old_dates, contents = list(memory.modified), plan.contents_as(memory)
    for index, old in previous.items():
        guids[index] = old_guids[old]
        if old_contents[old] == contents[index]:
            dates[index] = old_dates[old]
        else:
            # Anki updates a note only when the incoming one is strictly newer.
            dates[index] = max(dates[index], old_dates[old] + 1)
            plan.changed += 1


def _stepped_around(
    namespace: str, keys: list[str], guids: list[str], previous: dict[int, int]
) -> list[str]:
    """The GUIDs with each new note's that another note already has salted until free: the
    old notes keep theirs, and of two new notes the earlier keeps its own."""
    taken = {guids[index] for index in previous}
    for index, guid in enumerate(guids):
        if index in previous:
            continue
        if guid in taken:
            guid = guids[index] = _free_guid(namespace, keys[index], taken)
        taken.add(guid)
    return guids


def _unchanged(plan: NotePlan, memory: DeckMemory, keys: list[str]) -> bool:
    """The common re-export, nothing changed: the same keys in the same order, each note's
    content the same. Then the plan is the memory's columns, with no decision per note."""
    if column_text(memory.contents) != column_text(plan.contents_as(memory)):
        return False
    # The same terms give the same keys; terms written differently may still (tidied by hand).
    if list(memory.names) != [term.term for term in plan.terms] and memory.keys != keys:
        return False
    plan.guids, plan.dates = memory.guids, memory.modified
    plan.unchanged = True
    return True


def _free_guid(namespace: str, key: str, taken: set[str]) -> str:
    salt = 0
    while (guid := note_guid(namespace, key, salt)) in taken:
        salt += 1
    taken.add(guid)
    return guid


def _match_previous(
    terms: Sequence[Term], keys: list[str], memory: DeckMemory | None, plan: NotePlan
) -> dict[int, int]:
    """For each term (by index), its note in the earlier export (by index there): same key,
    or an inherited one."""
    if memory is None:
        return {}
    by_key: dict[str, int] = {}
    for old, key in enumerate(memory.keys):
        by_key.setdefault(key, old)
    matched: dict[int, int] = {}
    for index, key in enumerate(keys):
        if key in by_key:
            matched[index] = by_key.pop(key)
    unmatched = [i for i in range(len(terms)) if i not in matched]
    if unmatched and by_key:
        _inherit(terms, memory, unmatched, list(by_key.values()), matched, plan)
    return matched


def _inherit(
    terms: Sequence[Term],
    memory: DeckMemory,
    unmatched: list[int],
    orphans: list[int],
    matched: dict[int, int],
    plan: NotePlan,
) -> None:
    """Give a respelled term its old note when exactly one fits it and it fits no other term.

    A term fits an old note by the same definition, or (only when the earlier export itself was
    read, as the memory file keeps no definition text) by a very similar term and definition.
    """
    old_texts = memory.definition_texts
    fuzzy = old_texts is not None and len(unmatched) * len(orphans) <= MAX_FUZZY_PAIRS
    shown = memory.names
    # Normalised once per old note, not once per pair compared.
    old_definitions = [normalise(old_texts[old]) for old in orphans] if fuzzy and old_texts else []
    # Exact matches found by lookup: comparing every pair took minutes when a whole glossary
    # was replaced by another (1,500 x 1,500 normalisations per export).
    by_definition: dict[str, list[int]] = {}
    # The digest of an empty definition: no two terms are alike for having none.
    no_definition = definition_digests([""], memory.digest_version)[0]
    for position, digest in enumerate(memory.definition_digests_of(orphans)):
        if digest != no_definition:
            by_definition.setdefault(digest, []).append(position)
    new_definitions = plan.definitions_as(memory)
    candidates: dict[int, list[tuple[int, str]]] = {}
    for index in unmatched:
        term = terms[index]
        reasons = {
            position: "same definition"
            for position in by_definition.get(new_definitions[index], [])
        }
        if fuzzy and old_texts is not None:
            key, definition = term_key(term.term), normalise(term.definition)
            for position, old in enumerate(orphans):
                if position not in reasons and _similar(
                    key, memory.keys[old], definition, old_definitions[position]
                ):
                    reasons[position] = "very similar term and definition"
        if reasons:
            candidates[index] = sorted(reasons.items())
    claims: dict[int, int] = {}
    for found in candidates.values():
        for position, _ in found:
            claims[position] = claims.get(position, 0) + 1
    for index, found in candidates.items():
        name = terms[index].term
        if len(found) == 1 and claims[found[0][0]] == 1:
            position, why = found[0]
            matched[index] = orphans[position]
            plan.inherited += 1
            plan.messages.append(
                f'"{name}" updates the note of "{shown[orphans[position]]}" ({why}), not a new one'
            )
        else:
            names = ", ".join(f'"{shown[orphans[position]]}"' for position, _ in found)
            plan.messages.append(
                f'"{name}" could be a respelling of {names}, or another term could be; '
                "as that is ambiguous it becomes a new note"
            )


def _similar(key: str, old_key: str, definition: str, old_definition: str) -> bool:
    """Whether a term is a respelling of an old entry: very similar key and definition."""
    return (
        _ratio(key, old_key) >= SIMILAR_TERM
        and _ratio(definition, old_definition) >= SIMILAR_DEFINITION
    )


def _ratio(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR_TERM or matcher.quick_ratio() < SIMILAR_TERM:
        return 0.0
    return matcher.ratio()
