"""The checklist: template items dated from the journey, with the user's ticks, notes and items."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from carte_planner.domain import data_tables
from carte_planner.domain.assumptions import ASSUMED_PREFIX, CHECKLIST_LEAD_TIMES
from carte_planner.domain.checklist_state import MAX_TITLE, ChecklistState, CustomItem
from carte_planner.domain.data_tables import Titled, tables
from carte_planner.domain.errors import ResourceError
from carte_planner.domain.item_keys import checklist_key
from carte_planner.domain.journey import Assumption, Category, Journey, JourneyItem
from carte_planner.domain.people import RULE_LABELS
from carte_planner.domain.travellers import traveller_words
from carte_planner.i18n.text import Words, joined, say, spoken

# The user's marks live in their own small module (plans load it without the templates);
# they are part of this module's interface too.
__all__ = [
    "MAX_TITLE",
    "Checklist",
    "ChecklistEntry",
    "ChecklistState",
    "ChecklistTemplate",
    "CustomItem",
    "Stage",
    "TemplateItem",
    "assumptions_used",
    "build_checklist",
    "checklist_items",
    "parse_checklist_template",
]


@dataclass(frozen=True)
class Stage(Titled):
    """A stage of the checklist: before the trip, during the stay, going home."""


@dataclass(frozen=True)
class TemplateItem:
    """One entry of the data file, its texts as the file says them (English)."""

    key: str
    stage: str
    title: str
    details: str
    anchor: str
    offset_days: int
    when: str
    per_traveller: bool = False
    per_entry: bool = False
    requires: str | None = None
    # A question left out once the family has set this rule of the treating team.
    unless_set: str | None = None


@dataclass(frozen=True)
class ChecklistTemplate:
    stages: tuple[Stage, ...]
    items: tuple[TemplateItem, ...]


@dataclass(frozen=True)
class ChecklistEntry:
    key: str
    stage: str
    # Codes and parameters (or the user's own words): the properties below read them.
    title_words: str | Words
    details_words: str | Words
    due: date | None
    when_words: str | Words
    done: bool
    note: str
    custom: bool
    traveller: str | None = None
    # The assumptions its due date rests on (those of the item it is dated from), and their words.
    assumptions: tuple[str, ...] = ()
    assumed_words: str | Words = ""

    title = spoken("title_words")
    details = spoken("details_words")
    when = spoken("when_words")
    assumed_text = spoken("assumed_words")

    def overdue(self, today: date) -> bool:
        return not self.done and self.due is not None and self.due < today


@dataclass(frozen=True)
class Checklist:
    stages: tuple[Stage, ...]
    entries: tuple[ChecklistEntry, ...]
    removed_count: int = 0

    def by_stage(self) -> list[tuple[Stage, list[ChecklistEntry]]]:
        """Stages in order, each with its entries sorted by due date (undated last); entries due
        the same day keep the template's order."""
        groups = []
        for stage in self.stages:
            entries = [e for e in self.entries if e.stage == stage.key]
            entries.sort(key=lambda e: (e.due is None, e.due or date.max))
            if entries:
                groups.append((stage, entries))
        return groups

    def entry(self, key: str) -> ChecklistEntry:
        return next(e for e in self.entries if e.key == key)

    def stage_entries(self, stage: str) -> list[ChecklistEntry]:
        """One stage's entries by due date, such as the questions to ask the hospital."""
        return next((entries for group, entries in self.by_stage() if group.key == stage), [])

    def dated(self) -> list[ChecklistEntry]:
        return sorted((e for e in self.entries if e.due is not None), key=lambda e: e.due or date.max)


# The stage of questions to ask the hospital, shown on their own in the agenda.
QUESTIONS_STAGE = "ask"
# Items that became per traveller: a tick or note kept under the old key still counts.
_FORMERLY_SHARED = {"stay-registration"}
# Key suffixes of the entries into China (see domain.stay.entry_suffix).
_ENTRIES = ("", ":entry2")


def _assumed_text(texts: Mapping[str, str | Words], names: tuple[str, ...]) -> str | Words:
    sentences = [texts[name] for name in names if name in texts]
    return joined(say(ASSUMED_PREFIX), *sentences) if sentences else ""


def _expansions(item: TemplateItem, travellers: tuple[str, ...]) -> list[tuple[str, str, str | None]]:
    """(entry key, anchor key, traveller) for each person and each entry the item repeats for."""
    people: list[tuple[str, str | None]] = (
        [(str(n), name) for n, name in enumerate(travellers, start=1)] if item.per_traveller else [("", None)]
    )
    entries = _ENTRIES if item.per_entry else ("",)
    expansions = []
    for entry in entries:
        for number, traveller in people:
            key = f"{item.key}{entry}:{number}" if number else f"{item.key}{entry}"
            anchor = item.anchor.replace("{entry}", entry).replace("{n}", number)
            expansions.append((key, anchor, traveller))
    return expansions


def _entry_assumptions(known: Mapping[str, str | Words], anchor: tuple[str, ...], offset_days: int) -> tuple[str, ...]:
    """Those of the dated item, and the reminder's own lead time when it is due before or after it
    (`known`: the journey's assumptions, by name)."""
    own = (CHECKLIST_LEAD_TIMES,) if offset_days and CHECKLIST_LEAD_TIMES in known else ()
    return (*anchor, *own)


def assumptions_used(journey: Journey, entries: Iterable[ChecklistEntry] = ()) -> tuple[Assumption, ...]:
    """The assumptions the journey's items and these checklist entries rest on, in the data
    file's order: what a printout or an agenda lists."""
    names = {a.name for a in journey.assumptions} | {name for entry in entries for name in entry.assumptions}
    return tuple(a for a in journey.catalogue if a.name in names)


def build_checklist(journey: Journey, template: ChecklistTemplate, state: ChecklistState) -> Checklist:
    """Date every template item from the journey; apply the user's ticks, notes and items."""
    keys = {item.key for item in journey.items}
    # The assumptions' sentences by name, once for every entry.
    texts = {a.name: a.text_words for a in journey.catalogue}
    entries: list[ChecklistEntry] = []
    removed = 0
    for item in template.items:
        if item.requires and item.requires not in keys:
            continue
        if item.unless_set and getattr(journey.request.team, item.unless_set) is not None:
            continue
        for key, anchor_key, traveller in _expansions(item, journey.request.travellers):
            anchor = journey.find(anchor_key)
            if anchor is None:
                continue
            if key in state.removed:
                removed += 1
                continue
            old = item.key if item.key in _FORMERLY_SHARED and key.count(":") == 1 else key
            assumptions = _entry_assumptions(texts, anchor.assumptions, item.offset_days)
            entries.append(
                ChecklistEntry(
                    key=key,
                    stage=item.stage,
                    title_words=say("{item} — {traveller}", item=say(item.title), traveller=traveller_words(traveller))
                    if traveller
                    else say(item.title),
                    details_words=_details(item, journey),
                    due=anchor.start + timedelta(days=item.offset_days),
                    when_words=say(item.when),
                    done=key in state.done or old in state.done,
                    note=state.note(key) or state.note(old),
                    custom=False,
                    traveller=traveller,
                    assumptions=assumptions,
                    assumed_words=_assumed_text(texts, assumptions),
                )
            )
    stages = {stage.key for stage in template.stages}
    for custom in state.added:
        entries.append(
            ChecklistEntry(
                key=custom.key,
                stage=custom.stage if custom.stage in stages else template.stages[-1].key,
                title_words=custom.title,
                details_words=custom.details,
                due=custom.due,
                when_words="",
                done=custom.key in state.done,
                note=state.note(custom.key),
                custom=True,
            )
        )
    return Checklist(stages=template.stages, entries=tuple(entries), removed_count=removed)


def _details(item: TemplateItem, journey: Journey) -> Words:
    if "{home_emergency}" in item.details:
        return say(item.details, home_emergency=journey.home_emergency_words())
    return say(item.details)


def parse_checklist_template(data: Mapping[str, Any], source: str = "checklist.toml") -> ChecklistTemplate:
    """Validate a parsed checklist file; raise ResourceError naming the file and the field."""

    def need(entry: Mapping[str, Any], path: str, name: str, kind: type) -> Any:
        return data_tables.need(source, entry, path, name, kind)

    stages = [
        Stage(need(entry, path, "key", str), need(entry, path, "title", str))
        for path, entry in tables(source, data, "stages")
    ]
    stage_keys = {stage.key for stage in stages}
    items = []
    seen: set[str] = set()
    for path, entry in tables(source, data, "items"):
        key = need(entry, path, "key", str)
        if key in seen:
            raise ResourceError(source, f"{path}.key", f"'{key}' appears twice")
        seen.add(key)
        stage = need(entry, path, "stage", str)
        if stage not in stage_keys:
            raise ResourceError(source, f"{path}.stage", f"'{stage}' is not one of the stages")
        per_traveller = bool(entry.get("per_traveller", False))
        per_entry = bool(entry.get("per_entry", False))
        anchor = need(entry, path, "anchor", str)
        if per_traveller != ("{n}" in anchor):
            raise ResourceError(source, f"{path}.anchor", "must use {n} exactly when the item is per traveller")
        if per_entry != ("{entry}" in anchor):
            raise ResourceError(source, f"{path}.anchor", "must use {entry} exactly when the item is per entry")
        offset = need(entry, path, "offset_days", int)
        if not -365 <= offset <= 365:
            raise ResourceError(source, f"{path}.offset_days", "must be between -365 and 365")
        requires = entry.get("requires")
        if requires is not None and not isinstance(requires, str):
            raise ResourceError(source, f"{path}.requires", "must be of type str")
        unless_set = entry.get("unless_set")
        if unless_set is not None and unless_set not in RULE_LABELS:
            raise ResourceError(source, f"{path}.unless_set", f"must be one of {', '.join(RULE_LABELS)}")
        items.append(
            TemplateItem(
                key=key,
                stage=stage,
                title=need(entry, path, "title", str),
                details=need(entry, path, "details", str),
                anchor=anchor,
                offset_days=offset,
                when=need(entry, path, "when", str),
                per_traveller=per_traveller,
                per_entry=per_entry,
                requires=requires,
                unless_set=unless_set,
            )
        )
    return ChecklistTemplate(stages=tuple(stages), items=tuple(items))


def checklist_items(checklist: Checklist) -> list[JourneyItem]:
    """The dated checklist entries as whole-day items, for the agenda and the calendar file
    (never as tasks: most calendar apps drop imported tasks)."""
    titles = {stage.key: stage.source_title for stage in checklist.stages}
    items = []
    for entry in checklist.dated():
        assert entry.due is not None
        lines: list[str | Words] = [entry.details_words, entry.assumed_words]
        if entry.note:
            lines.append(say("Note: {note}", note=entry.note))
        lines.append(say("Checklist: {stage}.", stage=say(titles.get(entry.stage, entry.stage))))
        items.append(
            JourneyItem(
                key=checklist_key(entry.key),
                category=Category.CHECKLIST,
                title_words=entry.title_words,
                description_words=joined(*lines),
                start=entry.due,
                end=entry.due,
                busy=False,
                confirmed=entry.done,  # for a checklist entry: ticked off
                assumptions=entry.assumptions,
            )
        )
    return items
