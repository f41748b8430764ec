"""The family's papers: each document per traveller or for the whole trip, dated from the
journey like a checklist item, with its state, expiry, packets and attached files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from carte_planner.domain import data_tables
from carte_planner.domain.checklist_state import MAX_TITLE, printable
from carte_planner.domain.data_tables import Titled, tables
from carte_planner.domain.errors import ResourceError
from carte_planner.domain.travellers import traveller_words
from carte_planner.i18n import tr
from carte_planner.i18n.text import Words, say, spoken

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey

# In the order a document goes through them.
STATES = ("needed", "requested", "received", "copied")
OWN_PREFIX = "own:"
MAX_ATTACHMENTS = 50


def state_title(state: str) -> str:
    """A state in the reader's language (the keys stay English in the plan file)."""
    words = {
        "needed": tr("needed"),
        "requested": tr("requested"),
        "received": tr("received"),
        "copied": tr("copied"),
    }
    return words.get(state, state)


@dataclass(frozen=True)
class Packet(Titled):
    """Where documents go together: the consulate, the hospital, the Exit-Entry office…"""


@dataclass(frozen=True)
class DocumentTemplate:
    """One entry of the data file, its texts as the file says them (English)."""

    key: str
    title: str
    details: str
    anchor: str
    offset_days: int
    when: str
    per_traveller: bool
    expires: bool
    packets: tuple[str, ...]


@dataclass(frozen=True)
class DocumentsTemplate:
    packets: tuple[Packet, ...]
    documents: tuple[DocumentTemplate, ...]

    def packet(self, key: str) -> Packet | None:
        return next((p for p in self.packets if p.key == key), None)


@dataclass(frozen=True)
class DocumentMark:
    """What the family recorded for one document, by its key (`passport:2`, `own:...`).
    `attachments` are file names inside the plan's files folder, never paths elsewhere."""

    key: str
    state: str = "needed"
    expiry: date | None = None
    note: str = ""
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class OwnDocument:
    """A document the family added: its title, whose it is (a traveller's number, 0 for the
    whole trip), the packets it goes into and an optional due date."""

    key: str
    title: str
    traveller: int = 0
    packets: tuple[str, ...] = ()
    due: date | None = None


@dataclass(frozen=True)
class Papers:
    """Everything the family recorded about its documents, kept by key so that it survives
    re-planning, as the checklist's ticks do."""

    marks: tuple[DocumentMark, ...] = ()
    own: tuple[OwnDocument, ...] = ()

    def mark(self, key: str) -> DocumentMark:
        return next((m for m in self.marks if m.key == key), DocumentMark(key))

    def with_mark(self, mark: DocumentMark) -> Papers:
        mark = replace(mark, note=printable(mark.note, free_text=True).strip())
        others = tuple(m for m in self.marks if m.key != mark.key)
        if mark == DocumentMark(mark.key):
            return replace(self, marks=others)
        return replace(self, marks=tuple(sorted((*others, mark), key=lambda m: m.key)))

    def with_state(self, key: str, state: str) -> Papers:
        if state not in STATES:
            raise ValueError(state)
        return self.with_mark(replace(self.mark(key), state=state))

    def with_attachment(self, key: str, name: str) -> Papers:
        mark = self.mark(key)
        if name in mark.attachments:
            return self
        return self.with_mark(replace(mark, attachments=(*mark.attachments, name)))

    def without_attachment(self, key: str, name: str) -> Papers:
        mark = self.mark(key)
        return self.with_mark(replace(mark, attachments=tuple(a for a in mark.attachments if a != name)))

    def with_own(self, document: OwnDocument) -> Papers:
        document = replace(document, title=printable(document.title).strip()[:MAX_TITLE])
        return replace(self, own=(*(d for d in self.own if d.key != document.key), document))

    def without_own(self, key: str) -> Papers:
        return Papers(
            marks=tuple(m for m in self.marks if m.key != key), own=tuple(d for d in self.own if d.key != key)
        )

    def attachment_names(self) -> frozenset[str]:
        return frozenset(name for mark in self.marks for name in mark.attachments)


@dataclass(frozen=True)
class DocumentEntry:
    """One document of this plan, dated, with the family's marks."""

    key: str
    title_words: str | Words
    details_words: str | Words
    when_words: str | Words
    traveller: str | None
    traveller_number: int
    due: date | None
    packets: tuple[str, ...]
    expires: bool
    mark: DocumentMark
    own: bool = False

    title = spoken("title_words")
    details = spoken("details_words")
    when = spoken("when_words")

    @property
    def state(self) -> str:
        return self.mark.state

    def overdue(self, today: date) -> bool:
        return self.state == "needed" and self.due is not None and self.due < today

    def expires_before(self, day: date) -> bool:
        """The expiry date the family typed falls before `day` (the last day of the trip)."""
        return self.mark.expiry is not None and self.mark.expiry < day


def build_documents(journey: Journey, template: DocumentsTemplate, papers: Papers) -> tuple[DocumentEntry, ...]:
    """Every document of the plan: the data file's for each traveller and the trip, dated from
    the journey, then the family's own; in the order of the data file."""
    travellers = journey.request.travellers
    entries: list[DocumentEntry] = []
    for doc in template.documents:
        people = list(enumerate(travellers, start=1)) if doc.per_traveller else [(0, None)]
        for number, traveller in people:
            key = f"{doc.key}:{number}" if number else doc.key
            anchor = journey.find(doc.anchor.replace("{n}", str(number)))
            entries.append(
                DocumentEntry(
                    key=key,
                    title_words=say(doc.title),
                    details_words=say(doc.details),
                    when_words=say(doc.when) if anchor else "",
                    traveller=traveller,
                    traveller_number=number,
                    due=anchor.start + timedelta(days=doc.offset_days) if anchor else None,
                    packets=doc.packets,
                    expires=doc.expires,
                    mark=papers.mark(key),
                )
            )
    known = {packet.key for packet in template.packets}
    for own in papers.own:
        number = own.traveller if 1 <= own.traveller <= len(travellers) else 0
        entries.append(
            DocumentEntry(
                key=own.key,
                title_words=own.title,
                details_words="",
                when_words="",
                traveller=travellers[number - 1] if number else None,
                traveller_number=number,
                due=own.due,
                packets=tuple(p for p in own.packets if p in known),
                expires=True,
                mark=papers.mark(own.key),
                own=True,
            )
        )
    return tuple(entries)


def whose(entry: DocumentEntry) -> str:
    """The traveller a document belongs to, or the whole trip, in the reader's language."""
    if entry.traveller is None:
        return tr("Whole trip")
    return str(traveller_words(entry.traveller))


def in_packet(entries: tuple[DocumentEntry, ...], packet: str) -> list[DocumentEntry]:
    """The documents that go into one packet, in list order."""
    return [entry for entry in entries if packet in entry.packets]


def expiring(entries: tuple[DocumentEntry, ...], journey: Journey) -> list[DocumentEntry]:
    """Documents whose typed expiry date falls before the last day of the trip in China."""
    last = max((item.end for item in journey.items if item.key.startswith("stay:accommodation")), default=None)
    if last is None:
        return []
    return [entry for entry in entries if entry.expires_before(last)]


def parse_documents_template(data: Mapping[str, Any], source: str = "documents.toml") -> DocumentsTemplate:
    """Validate a parsed documents file; raise ResourceError naming the file and the field."""

    def need(entry: Mapping[str, Any], path: str, name: str, kind: type) -> Any:
        return data_tables.need(source, entry, path, name, kind)

    packets = [
        Packet(need(entry, path, "key", str), need(entry, path, "title", str))
        for path, entry in tables(source, data, "packets")
    ]
    packet_keys = {packet.key for packet in packets}
    documents = []
    seen: set[str] = set()
    for path, entry in tables(source, data, "documents"):
        key = need(entry, path, "key", str)
        if key in seen or key.startswith(OWN_PREFIX) or ":" in key:
            raise ResourceError(source, f"{path}.key", f"'{key}' appears twice or holds a colon")
        seen.add(key)
        offset = need(entry, path, "offset_days", int)
        if not -365 <= offset <= 365:
            raise ResourceError(source, f"{path}.offset_days", "must be between -365 and 365")
        doc_packets = need(entry, path, "packets", list)
        for name in doc_packets:
            if name not in packet_keys:
                raise ResourceError(source, f"{path}.packets", f"'{name}' is not one of the packets")
        documents.append(
            DocumentTemplate(
                key=key,
                title=need(entry, path, "title", str),
                details=need(entry, path, "details", str),
                anchor=need(entry, path, "anchor", str),
                offset_days=offset,
                when=need(entry, path, "when", str),
                per_traveller=need(entry, path, "per_traveller", bool) if "per_traveller" in entry else False,
                expires=need(entry, path, "expires", bool),
                packets=tuple(doc_packets),
            )
        )
    return DocumentsTemplate(packets=tuple(packets), documents=tuple(documents))
