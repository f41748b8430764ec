"""Plans to versioned JSON and back, refusing anything malformed with a clear message."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from carte_planner import __version__
from carte_planner.domain.checklist_state import MAX_TITLE, ChecklistState, CustomItem
from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.plan import CalendarServer, ExportRecord, Plan, PublishedEvent
from carte_planner.domain.request import text_problem
from carte_planner.i18n import tr
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.json_fields import JsonFields
from carte_planner.storage.papers_codec import money_from_dict, money_to_dict, papers_from_dict, papers_to_dict
from carte_planner.storage.people_codec import migrate_6_to_7
from carte_planner.storage.request_codec import date_map, refusal, request_from_dict, request_to_dict, strings

FORMAT = "carte-planner.plan"
# Version 2 added the checklist (ticks, notes, the user's own items); version 3 what the
# calendar exports wrote; version 4 the values the guide does not give (`request.assumed`);
# version 5 the calendar server it is published to (never a password); version 6 the family's
# documents and budget (`papers`, `money`); version 7 each traveller as a person with their own
# route and turns, and the treating team's rules (storage/people_codec.py). Older files open
# through MIGRATIONS.
VERSION = 7


def checklist_to_dict(state: ChecklistState) -> dict[str, Any]:
    return {
        "done": sorted(state.done),
        "notes": dict(state.notes),
        "added": [
            {
                "key": item.key,
                "stage": item.stage,
                "title": item.title,
                "due": item.due.isoformat() if item.due else None,
                "details": item.details,
            }
            for item in state.added
        ],
        "removed": sorted(state.removed),
    }


def export_record_to_dict(record: ExportRecord) -> dict[str, Any]:
    return {"sequence": record.sequence, "events": {uid: day.isoformat() for uid, day in record.events}}


def server_to_dict(server: CalendarServer | None) -> dict[str, Any] | None:
    if server is None:
        return None
    return {
        "url": without_password(server.url),
        "user": server.user,
        "calendar_url": server.calendar_url,
        "calendar_name": server.calendar_name,
        "discreet": server.discreet,
        "trusted_certificate": server.trusted_certificate,
        **({"auth_scheme": server.auth_scheme} if server.auth_scheme else {}),
        "sequence": server.sequence,
        "published_at": server.published_at.isoformat() if server.published_at else None,
        "events": {
            event.uid: {
                "href": event.href,
                "etag": event.etag,
                "fingerprint": event.fingerprint,
                "day": event.day.isoformat(),
                **({"kept_theirs": True} if event.kept_theirs else {}),
            }
            for event in server.events
        },
    }


def plan_to_bytes(plan: Plan) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Carte Planner {__version__}",
        "plan_id": plan.plan_id,
        "request": request_to_dict(plan.request),
        "checklist": checklist_to_dict(plan.checklist),
        "calendar_export": export_record_to_dict(plan.exported),
        "calendar_server": server_to_dict(plan.server),
        "papers": papers_to_dict(plan.papers),
        "money": money_to_dict(plan.money),
    }
    if plan.calendar_language:
        document["calendar_language"] = plan.calendar_language
    if plan.relatives is not None:
        document["relatives_calendar_server"] = server_to_dict(plan.relatives)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _custom_item(data: Any, index: int) -> CustomItem:
    fields = JsonFields(data, f"checklist.added[{index}]")
    key = fields.take("key", str)
    title = fields.take("title", str).strip()
    if not key.startswith("custom:") or len(key) > 100:
        raise PlanFileError(
            tr("the field '{field}' has an invalid value.").format(field=f"checklist.added[{index}].key")
        )
    if not title or len(title) > MAX_TITLE:
        raise PlanFileError(
            tr("the field '{field}' must have 1 to {count} characters.").format(
                field=f"checklist.added[{index}].title", count=MAX_TITLE
            )
        )
    _check_text(f"checklist.added[{index}].title", title, free=False)
    due = fields.take("due", (str, type(None)), None)
    details = fields.take("details", str, "")
    _check_text(f"checklist.added[{index}].details", details, free=True)
    item = CustomItem(
        key=key,
        stage=fields.take("stage", str, ""),
        title=title,
        due=_parse_due(due, index),
        details=details,
    )
    fields.finish()
    return item


def _parse_due(text: str | None, index: int) -> date | None:
    if text is None:
        return None
    try:
        due = date.fromisoformat(text)
    except ValueError:
        raise PlanFileError(
            tr("the field '{field}' has an invalid value: {value}.").format(
                field=f"checklist.added[{index}].due", value=repr(text[:40])
            )
        ) from None
    if not date(2000, 1, 1) <= due <= date(2130, 12, 31):
        raise PlanFileError(
            tr("the field '{field}' must be between {low} and {high}.").format(
                field=f"checklist.added[{index}].due", low=2000, high=2130
            )
        )
    return due


def _check_text(field: str, text: str, free: bool) -> None:
    problem = text_problem(text, free)
    if problem:
        raise PlanFileError(tr("the field '{field}' {problem}.").format(field=field, problem=problem))


def _notes(value: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    if not all(isinstance(text, str) for text in value.values()):
        raise ValueError(value)
    for key, text in value.items():
        problem = text_problem(text, True)
        if problem:
            raise PlanFileError(
                tr("the note on the checklist item '{item}' {problem}.").format(item=str(key)[:40], problem=problem)
            )
    return tuple(sorted((str(key), text) for key, text in value.items() if text.strip()))


def checklist_from_dict(data: Any) -> ChecklistState:
    fields = JsonFields(data, "checklist")
    added_data = fields.take("added", list, [])
    state = ChecklistState(
        done=frozenset(fields.take("done", list, (), convert=strings)),
        notes=fields.take("notes", dict, (), convert=_notes),
        added=tuple(_custom_item(item, i) for i, item in enumerate(added_data)),
        removed=frozenset(fields.take("removed", list, (), convert=strings)),
    )
    fields.finish()
    keys = [item.key for item in state.added]
    if len(keys) != len(set(keys)):
        raise PlanFileError(tr("the field '{field}' lists the same item twice.").format(field="checklist.added"))
    return state


def _sequence(value: int) -> int:
    # RFC 5545's INTEGER is signed 32-bit: a larger number could never be written again.
    if not 0 <= value < 2**31:
        raise ValueError(value)
    return value


def export_record_from_dict(data: Any) -> ExportRecord:
    fields = JsonFields(data, "calendar_export")
    record = ExportRecord(
        sequence=fields.take("sequence", int, 0, convert=_sequence),
        events=tuple(sorted(fields.take("events", dict, (), convert=date_map))),
    )
    fields.finish()
    return record


def _aware_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(text)
    return moment


def _published_event(uid: str, data: Any) -> PublishedEvent:
    fields = JsonFields(data, f"calendar_server.events.{uid}")
    event = PublishedEvent(
        uid=uid,
        href=fields.take("href", str),
        etag=fields.take("etag", str, ""),
        fingerprint=fields.take("fingerprint", str, ""),
        day=fields.take("day", str, convert=date.fromisoformat),
        kept_theirs=fields.take("kept_theirs", bool, False),
    )
    fields.finish()
    if not event.href.strip():
        raise PlanFileError(tr("the field '{field}' is empty.").format(field=f"calendar_server.events.{uid}.href"))
    return event


def without_password(url: str) -> str:
    """A server address as a plan file keeps it: a password typed into it (user:secret@host) is
    dropped, so that none is ever written, and one an older version wrote is gone at the next save."""
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    user = userinfo.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


def server_from_dict(data: Any) -> CalendarServer | None:
    if data is None:
        return None
    fields = JsonFields(data, "calendar_server")
    url = fields.take("url", str)
    if not url.startswith(("https://", "http://")):
        raise PlanFileError(
            tr("the field '{field}' must start with {https} or {http}.").format(
                field="calendar_server.url", https="https://", http="http://"
            )
        )
    published = fields.take("published_at", (str, type(None)), None)
    events = fields.take("events", dict, {})
    server = CalendarServer(
        url=without_password(url),
        user=fields.take("user", str),
        calendar_url=fields.take("calendar_url", str, ""),
        calendar_name=fields.take("calendar_name", str, ""),
        discreet=fields.take("discreet", bool, False),
        trusted_certificate=fields.take("trusted_certificate", str, ""),
        auth_scheme=fields.take("auth_scheme", str, "", convert=_auth_scheme),
        sequence=fields.take("sequence", int, 0, convert=_sequence),
        published_at=None if published is None else _converted("calendar_server.published_at", published, _aware_time),
        events=tuple(_published_event(str(uid), value) for uid, value in sorted(events.items())),
    )
    fields.finish()
    return server


def _converted(path: str, value: str, convert: Callable[[str], Any]) -> Any:
    try:
        return convert(value)
    except ValueError:
        raise PlanFileError(
            tr("the field '{field}' has an invalid value: {value}.").format(field=path, value=repr(value[:40]))
        ) from None


# Each migration adds what the older format lacked and keeps everything the file holds: a file
# may hold more than its version number says (a later version's field, written by a version that
# forgot to raise the number, or by hand), and the field's own checks still apply to it.


def migrate_1_to_2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no checklist: the plan opens with an empty one."""
    return {"checklist": checklist_to_dict(ChecklistState()), **document, "version": 2}


def migrate_2_to_3(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 kept no record of calendar exports: the next export starts one."""
    return {"calendar_export": export_record_to_dict(ExportRecord()), **document, "version": 3}


def migrate_3_to_4(document: dict[str, Any]) -> dict[str, Any]:
    """Version 3 had no values of the user's own where the guide is silent: the data file's
    assumptions stay in effect."""
    return {**document, "version": 4}


def migrate_4_to_5(document: dict[str, Any]) -> dict[str, Any]:
    """Version 4 was never published to a calendar server."""
    return {"calendar_server": None, **document, "version": 5}


def migrate_5_to_6(document: dict[str, Any]) -> dict[str, Any]:
    """Version 5 had no documents or budget: the plan opens with none."""
    return {**document, "version": 6}


MIGRATIONS = {
    1: migrate_1_to_2,
    2: migrate_2_to_3,
    3: migrate_3_to_4,
    4: migrate_4_to_5,
    5: migrate_5_to_6,
    6: migrate_6_to_7,
}


# Longer integers are not a plan's; Python itself refuses to read those over 4300 digits.
_MAX_INTEGER_DIGITS = 18


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INTEGER_DIGITS:
        raise ValueError("number too long")
    return int(text)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of a plan file; a key written twice is refused (JSON readers would silently
    keep the last value, and the user's other value would be lost without a word)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def parse_json(data: bytes) -> Any:
    """JSON text to Python values, refusing with PlanFileError what the app could not save
    again: text that is not UTF-8 or holds a lone surrogate, over-long numbers, deep nesting.
    A byte-order mark, which some editors add, is accepted."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise PlanFileError(tr("the file is empty."))
    try:
        document = json.loads(data.decode("utf-8"), parse_int=_bounded_int, object_pairs_hook=_unique_keys)
    except _DuplicateKey as duplicate:
        raise PlanFileError(
            tr(
                "the field '{field}' is written twice, with no way to tell which value is meant; "
                "keep one of them (the file was perhaps edited by hand)."
            ).format(field=duplicate.key[:80])
        ) from None
    except UnicodeDecodeError:
        raise PlanFileError(tr("it is not a Carte Planner plan (it is not text).")) from None
    except json.JSONDecodeError as error:
        raise PlanFileError(
            tr("it is damaged or not a Carte Planner plan (unreadable at line {line}, column {column}).").format(
                line=error.lineno, column=error.colno
            )
        ) from None
    except ValueError:
        raise PlanFileError(tr("it holds a number far too long to be part of a plan.")) from None
    except RecursionError:
        raise PlanFileError(tr("it is damaged or not a Carte Planner plan (nested too deeply).")) from None
    _check_encodable(document, "")
    return document


def _check_encodable(value: Any, where: str) -> None:
    """A lone surrogate (`"\\udfff"`) is valid JSON but cannot be written back as UTF-8: refuse
    it on opening, naming the field, rather than fail at every save."""
    stack = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            _encodable(item, path)
        elif isinstance(item, dict):
            for key, child in item.items():
                _encodable(key, path)
                stack.append((child, f"{path}.{key}" if path else key))
        elif isinstance(item, list):
            stack.extend((child, f"{path}[{index}]") for index, child in enumerate(item))


def _encodable(text: str, path: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        if path:
            raise PlanFileError(
                tr("the field '{field}' holds text that cannot be stored (a broken character).").format(field=path)
            ) from None
        raise PlanFileError(tr("the file holds text that cannot be stored (a broken character).")) from None


def plan_from_bytes(data: bytes) -> Plan:
    """Parse a plan file's bytes and check it as a whole: whatever opens can be planned,
    shown and saved again. Any problem raises PlanFileError saying what is wrong."""
    plan = _plan_from_document(parse_json(data))
    check_plannable(plan)
    return plan


def check_plannable(plan: Plan) -> None:
    """Plan it once: a city or phase this version does not know (a newer version may have
    written it) is refused here, before any window or command uses the plan."""
    from carte_planner.domain.planner import plan_journey

    try:
        plan_journey(plan.request, plan.request.start)
    except PlanInputError as error:
        raise refusal(error) from None
    except (ValueError, OverflowError) as error:
        raise PlanFileError(
            tr("it describes a journey Carte Planner cannot plan ({reason}).").format(reason=error)
        ) from None


def _plan_from_document(document: Any) -> Plan:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PlanFileError(tr("it is not a Carte Planner plan."))
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise PlanFileError(tr("its version is missing or invalid."))
    if version > VERSION:
        raise PlanFileError(
            tr(
                "it was made by a newer version of Carte Planner (plan format {version}; this version reads up to "
                "{supported}). Update Carte Planner to open it."
            ).format(version=version, supported=VERSION)
        )
    while version < VERSION:
        document = MIGRATIONS[version](document)
        version = document["version"]
    fields = JsonFields(document, "")
    fields.take("format", str)
    fields.take("version", int)
    fields.take("generator", str, "")
    plan_id = fields.take("plan_id", str)
    if not plan_id.strip() or len(plan_id) > 200:
        raise PlanFileError(tr("the field '{field}' is empty or too long.").format(field="plan_id"))
    request = request_from_dict(fields.take("request", dict))
    checklist = checklist_from_dict(fields.take("checklist", dict, {}))
    exported = export_record_from_dict(fields.take("calendar_export", dict, {}))
    server = server_from_dict(fields.take("calendar_server", (dict, type(None)), None))
    papers = papers_from_dict(fields.take("papers", dict, {}))
    money = money_from_dict(fields.take("money", dict, {}))
    calendar_language = fields.take("calendar_language", str, "", convert=_calendar_language)
    relatives = server_from_dict(fields.take("relatives_calendar_server", (dict, type(None)), None))
    fields.finish()
    return Plan(
        request=request,
        plan_id=plan_id,
        checklist=checklist,
        exported=exported,
        server=server,
        papers=papers,
        money=money,
        calendar_language=calendar_language,
        relatives=relatives,
    )


def _auth_scheme(name: str) -> str:
    if name not in ("basic", "digest"):
        raise ValueError(name)
    return name


def _calendar_language(code: str) -> str:
    from carte_planner.i18n import LANGUAGES

    if code not in LANGUAGES:
        raise ValueError(code)
    return code
