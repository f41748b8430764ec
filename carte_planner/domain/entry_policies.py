"""Visa-free entry policies as their sources said them on the day they were read
(resources/entry_policies.toml). They describe a policy; they never decide who may use it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from carte_planner.domain.errors import ResourceError
from carte_planner.i18n import tr_noop
from carte_planner.i18n.text import Words, joined, say

PURPOSE_WORDS = {
    "business": tr_noop("business"),
    "tourism": tr_noop("tourism"),
    "family": tr_noop("visiting family or friends"),
    "exchange": tr_noop("exchange visits"),
    "transit": tr_noop("transit"),
}


@dataclass(frozen=True)
class EntryPolicy:
    key: str
    title: str
    nationalities: frozenset[str]
    longest_stay_days: int
    purposes: tuple[str, ...]
    first_day: date
    last_day: date | None
    source: str
    read_on: date

    def purposes_words(self) -> Words:
        return joined(*(say(PURPOSE_WORDS[p]) for p in self.purposes), separator=say(", "))


def parse_entry_policies(data: Mapping[str, Any], source: str = "entry_policies.toml") -> tuple[EntryPolicy, ...]:
    entries = data.get("policies")
    if not isinstance(entries, list) or not entries:
        raise ResourceError(source, "policies", "must be a list of policies")
    policies = []
    for index, entry in enumerate(entries):
        path = f"policies[{index}]"

        def need(name: str, kind: type, entry: Mapping[str, Any] = entry, path: str = path) -> Any:
            value = entry.get(name)
            if not isinstance(value, kind) or isinstance(value, bool):
                raise ResourceError(source, f"{path}.{name}", f"must be of type {kind.__name__}")
            return value

        nationalities = need("nationalities", list)
        if not all(isinstance(code, str) and len(code) == 2 and code.isupper() for code in nationalities):
            raise ResourceError(source, f"{path}.nationalities", "must be two-letter country codes in capitals")
        purposes = tuple(need("purposes", list))
        if not set(purposes) <= set(PURPOSE_WORDS):
            raise ResourceError(source, f"{path}.purposes", f"must be among {', '.join(PURPOSE_WORDS)}")
        last_day = entry.get("last_day")
        if last_day is not None and not isinstance(last_day, date):
            raise ResourceError(source, f"{path}.last_day", "must be a date")
        policies.append(
            EntryPolicy(
                key=need("key", str),
                title=need("title", str),
                nationalities=frozenset(nationalities),
                longest_stay_days=need("longest_stay_days", int),
                purposes=purposes,
                first_day=need("first_day", date),
                last_day=last_day,
                source=need("source", str),
                read_on=need("read_on", date),
            )
        )
    return tuple(policies)


def policy_for(policies: tuple[EntryPolicy, ...], nationality: str) -> EntryPolicy | None:
    """The first policy that lists the nationality, or None."""
    return next((policy for policy in policies if nationality in policy.nationalities), None)
