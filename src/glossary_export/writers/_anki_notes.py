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
import difflib
import hashlib
import html
import itertools
import operator
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, overload

from ..errors import OptionError
from ..keys import normalise, term_key, term_keys
from . import _anki_model as model
from ._anki_memory import Memory, PreviousNote, read_memory

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
GUID_LENGTH = 12


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
    remembered: bool = False
    """Whether a previous export was used as memory."""
    inherited: int = 0
    changed: int = 0
    new: int = 0

    def __len__(self) -> int:
        return len(self.terms)

    def fields(self) -> Iterator[tuple[str, ...]]:
        """Each note's encoded fields (:func:`note_fields` of its term), made piece by piece."""
        terms, options = self.terms, self.options
        pieces = range(0, len(terms), PIECE)
        return itertools.chain.from_iterable(
            notes_fields(terms[start : start + PIECE], options) for start in pieces
        )

    def cards(self) -> Iterator[tuple[int, ...]]:
        """Each note's card ordinals (:func:`~._anki_model.card_ordinals` of its fields)."""
        if not self.options.reverse and not self.options.acronym_cards:
            # No optional card is switched on: every note has the Term card only.
            return itertools.repeat(model.card_ordinals(_NO_FLAGS), len(self.terms))
        return map(model.card_ordinals, self.fields())

    def notes(self) -> Iterator[AnkiNote]:
        """Each note whole (for tests and small decks; the writers read the columns)."""
        rows = zip(self.guids, self.fields(), self.tags, self.dates, self.cards(), strict=True)
        return itertools.starmap(AnkiNote, rows)


# The fields of a note without flags: enough for card_ordinals, which reads the flags first.
_NO_FLAGS = ("", "", "", "", "")


class GuidColumn(Sequence[str]):
    """GUIDs from :func:`note_guid` (12 characters each) held as one string.

    12 bytes a note instead of a string object and its pointer (72 bytes): the common plan, new
    notes only, keeps its million GUIDs in 12 MB. Each GUID is cut out when it is read.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text) // GUID_LENGTH

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.text[index * GUID_LENGTH : (index + 1) * GUID_LENGTH]

    def __iter__(self) -> Iterator[str]:
        # Slices made and applied in C: iterating is as fast as iterating a list of strings.
        ends = range(GUID_LENGTH, len(self.text) + GUID_LENGTH, GUID_LENGTH)
        return map(self.text.__getitem__, map(slice, range(0, len(self.text), GUID_LENGTH), ends))


def check_deck(name: str) -> str:
    """The deck name with each ``::`` level trimmed; OptionError when Anki would mangle it."""
    levels = [level.strip() for level in name.split("::")]
    if not "".join(levels):
        raise OptionError("the deck name is empty; give one with --deck")
    if "" in levels:
        raise OptionError(
            f'the deck name "{name}" has an empty level; separate levels with one "::", '
            'as in "Parent::Child"'
        )
    if any(
        '"' in level or any(unicodedata.category(ch) == "Cc" for ch in level) for level in levels
    ):
        raise OptionError(
            f"the deck name {name!r} contains a double quote or a control character, "
            "which Anki removes; leave them out"
        )
    return "::".join(levels)


def check_tags(tags: Iterable[str], term: Term | None = None) -> tuple[str, ...]:
    """Tags without duplicates (Anki ignores case); OptionError for a tag with whitespace."""
    kept: dict[str, str] = {}
    for tag in tags:
        tag = tag.strip()
        if any(ch.isspace() for ch in tag):
            raise OptionError(
                f'the tag "{tag}" contains a space, which Anki reads as two tags; '
                'use "-" or "_" instead',
                file=term.file if term else None,
                line=term.line if term else None,
            )
        if tag:
            kept.setdefault(tag.casefold(), tag)
    return tuple(kept.values())


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
    text = f"glossary-export\x1f{namespace}\x1f{key}" + (f"\x1f{salt}" if salt else "")
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode("utf-8")).digest()[:9]).decode()


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
    return list(GuidColumn(_guids_text(namespace, keys)))


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
    """Every term's note: identity and date decided against the previous export, if any."""
    deck = check_deck(options.deck)
    namespace = namespace_for(options, deck)
    deck_tags = check_tags(options.tags)
    plan = NotePlan(glossary.terms, options, deck, namespace)
    memory, problem = read_memory(options.previous_output)
    if problem:
        plan.messages.append(problem)
    if memory is not None and memory.namespace != namespace:
        plan.messages.append(
            f'the previous export used the note identities of "{memory.namespace}", this one '
            f'uses "{namespace}", so Anki will add its notes as new ones '
            f'(--id-namespace "{memory.namespace}" keeps updating the old notes)'
        )
        memory = None
    plan.remembered = memory is not None
    if memory is None:
        # The common case, every note new: when no two GUIDs clash (terms with equal keys, which
        # dedupe merges, or a hash collision), the plan is its columns, with no decision per note.
        # The set is the step's largest cost (~100 MB at a million notes) and only lives here.
        guids = GuidColumn(_new_guids(namespace, glossary.terms))
        if len(set(guids)) == len(guids):
            plan.guids = guids
            plan.tags = [
                check_tags((*deck_tags, *t.tags), t) if t.tags else deck_tags
                for t in glossary.terms
            ]
            plan.dates = [int(options.timestamp)] * len(guids)
            plan.new = len(guids)
            return plan
        del guids
    _plan_each(plan, memory, deck_tags)
    return plan


def _new_guids(namespace: str, terms: Sequence[Term]) -> str:
    """The joined GUIDs of the terms' keys, keyed a piece at a time: the common case, where no
    previous export needs all keys at once (a million keys are ~70 MB)."""
    pieces = range(0, len(terms), PIECE)
    return "".join(
        _guids_text(namespace, term_keys([term.term for term in terms[start : start + PIECE]]))
        for start in pieces
    )


def _plan_each(plan: NotePlan, memory: Memory | None, deck_tags: tuple[str, ...]) -> None:
    """The general case, note by note: a previous export to match, or GUIDs that clash."""
    terms, namespace = plan.terms, plan.namespace
    keys = term_keys([term.term for term in terms])
    previous = _match_previous(terms, keys, memory, plan)
    now = int(plan.options.timestamp)
    taken = {note.guid for note in previous.values()}
    guids = GuidColumn(_guids_text(namespace, keys))
    plan_guids: list[str] = []
    plan_tags: list[tuple[str, ...]] = []
    plan_dates: list[int] = []
    for index, (term, key, fields) in enumerate(zip(terms, keys, plan.fields(), strict=True)):
        tags = check_tags((*deck_tags, *term.tags), term) if term.tags else deck_tags
        old = previous.get(index)
        if old is None:
            guid = guids[index]
            if guid in taken:  # another note has it: step around it with a salt
                guid = _free_guid(namespace, key, taken)
            taken.add(guid)
            modified = now
            plan.new += 1
        elif old.fields == fields and old.tags == tags:
            guid, modified = old.guid, old.modified
        else:
            # Anki updates a note only when the incoming one is strictly newer.
            guid, modified = old.guid, max(now, old.modified + 1)
            plan.changed += 1
        plan_guids.append(guid)
        plan_tags.append(tags)
        plan_dates.append(modified)
    plan.guids, plan.tags, plan.dates = plan_guids, plan_tags, plan_dates


def _free_guid(namespace: str, key: str, taken: set[str]) -> str:
    salt = 0
    while (guid := note_guid(namespace, key, salt)) in taken:
        salt += 1
    taken.add(guid)
    return guid


def _match_previous(
    terms: Sequence[Term], keys: list[str], memory: Memory | None, plan: NotePlan
) -> dict[int, PreviousNote]:
    """For each term (by index), its note in the previous export: same key, or an inherited one."""
    if memory is None:
        return {}
    old_terms = decode_fields([note.fields[model.TERM] for note in memory.notes], memory.html)
    by_key: dict[str, PreviousNote] = {}
    for key, note in zip(term_keys(old_terms), memory.notes, strict=True):
        by_key.setdefault(key, note)
    matched: dict[int, PreviousNote] = {}
    for index, key in enumerate(keys):
        if key in by_key:
            matched[index] = by_key.pop(key)
    unmatched = [i for i in range(len(terms)) if i not in matched]
    if unmatched and by_key:
        _inherit(terms, memory, unmatched, list(by_key.values()), matched, plan)
    return matched


def _inherit(
    terms: Sequence[Term],
    memory: Memory,
    unmatched: list[int],
    orphans: list[PreviousNote],
    matched: dict[int, PreviousNote],
    plan: NotePlan,
) -> None:
    """Give a respelled term its old note when exactly one fits it and it fits no other term."""
    fuzzy = len(unmatched) * len(orphans) <= MAX_FUZZY_PAIRS
    old_terms = [decode_field(note.fields[model.TERM], memory.html) for note in orphans]
    # Normalised once, and exact matches found by lookup: comparing every pair took minutes when
    # a whole glossary was replaced by another (1,500 x 1,500 normalisations per export).
    old_definitions = [
        normalise(decode_field(note.fields[model.DEFINITION], memory.html)) for note in orphans
    ]
    old_keys = [term_key(old) for old in old_terms] if fuzzy else []
    by_definition: dict[str, list[int]] = {}
    for orphan, before in enumerate(old_definitions):
        if before:
            by_definition.setdefault(before, []).append(orphan)
    candidates: dict[int, list[tuple[int, str]]] = {}
    for index in unmatched:
        term = terms[index]
        definition = normalise(term.definition)
        reasons = {orphan: "same definition" for orphan in by_definition.get(definition, [])}
        if fuzzy:
            key = term_key(term.term)
            for orphan in range(len(orphans)):
                if orphan not in reasons and _similar(
                    key, old_keys[orphan], definition, old_definitions[orphan]
                ):
                    reasons[orphan] = "very similar term and definition"
        if reasons:
            candidates[index] = sorted(reasons.items())
    claims: dict[int, int] = {}
    for found in candidates.values():
        for orphan, _ in found:
            claims[orphan] = claims.get(orphan, 0) + 1
    for index, found in candidates.items():
        name = terms[index].term
        if len(found) == 1 and claims[found[0][0]] == 1:
            orphan, why = found[0]
            matched[index] = orphans[orphan]
            plan.inherited += 1
            plan.messages.append(
                f'"{name}" updates the note of "{old_terms[orphan]}" ({why}), not a new one'
            )
        else:
            names = ", ".join(f'"{old_terms[orphan]}"' for orphan, _ in found)
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
