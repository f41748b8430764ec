"""`carte-planner publish`: the plan file's journey to a CalDAV calendar server, kept up to date."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carte_planner.cli.output import UsageError
from carte_planner.cli.words import add_language_option
from carte_planner.i18n import ntr, tr

if TYPE_CHECKING:
    from carte_planner.domain.checklist import Checklist
    from carte_planner.domain.journey import Journey
    from carte_planner.domain.plan import Plan
    from carte_planner.domain.reference import Reference
    from carte_planner.publish.sync import Conflict, PublishOutcome, PublishTarget

PASSWORD_VARIABLE = "CARTE_PLANNER_CALDAV_PASSWORD"


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    publish = commands.add_parser(
        "publish",
        help=tr("publish a plan file's journey to a calendar server (CalDAV) and keep it up to date"),
        description=tr(
            "Publish the journey to a CalDAV calendar server (Nextcloud, iCloud, Fastmail, mailbox.org, "
            "Synology, Radicale, Baïkal…); publishing again updates the same events in place. The password comes "
            "from the system keyring, from {variable}, or from a prompt; it is never written to the plan file."
        ).format(variable=PASSWORD_VARIABLE),
    )
    publish.add_argument("--plan", required=True, metavar="FILE", help=tr("the .carteplan file to publish"))
    publish.add_argument("--url", help=tr("the server's CalDAV address (default: where the plan was last published)"))
    publish.add_argument("--user", metavar="NAME", help=tr("your user name on the server (default: the last one)"))
    publish.add_argument(
        "--calendar",
        metavar="NAME",
        help=tr(
            "the server calendar to publish to (default: the plan's calendar, or a new one named after the journey)"
        ),
    )
    publish.add_argument(
        "--create-calendar", action="store_true", help=tr("create the --calendar if it does not exist")
    )
    publish.add_argument(
        "--discreet", action=argparse.BooleanOptionalAction, help=tr("neutral titles for calendars others can see")
    )
    publish.add_argument(
        "--on-conflict",
        choices=["ask", "keep-theirs", "replace"],
        default="ask",
        help=tr(
            "for events someone changed on the server: report them (ask), keep the server's version, "
            "or replace it with the plan's"
        ),
    )
    publish.add_argument(
        "--old-events",
        choices=["remove", "keep"],
        help=tr(
            "when publishing to another calendar than last time: remove the plan's events from the old calendar, "
            "or keep them there"
        ),
    )
    publish.add_argument(
        "--trust-certificate",
        metavar="FINGERPRINT",
        help=tr("trust this self-signed server certificate (its SHA-256 fingerprint, as the error message shows it)"),
    )
    publish.add_argument(
        "--holidays", action="store_true", help=tr("add the public holidays around the trip as free all-day events")
    )
    add_calendar_language_option(publish)
    relatives = publish.add_argument_group(
        tr("relatives' calendar"),
        tr(
            "A second, discreet calendar for relatives (flights, stays, Away, Appointment, the return; no medical "
            "word), published in the same run once set up with any of these options."
        ),
    )
    relatives.add_argument(
        "--relatives-calendar",
        metavar="NAME",
        help=tr("the relatives' calendar (made if it does not exist; default: the plan's, or a new one)"),
    )
    relatives.add_argument(
        "--relatives-url", help=tr("the relatives' calendar server (default: the plan's, or the family's server)")
    )
    relatives.add_argument(
        "--relatives-user", metavar="NAME", help=tr("your user name on the relatives' calendar server")
    )
    publish.add_argument("--today", help=tr("plan as if today were this date (YYYY-MM-DD)"))
    add_language_option(publish, argparse.SUPPRESS)
    return publish


def add_calendar_language_option(parser: argparse.ArgumentParser) -> None:
    from carte_planner.i18n import LANGUAGES

    parser.add_argument(
        "--calendar-lang",
        choices=list(LANGUAGES),
        metavar="LANG",
        help=tr(
            "the language of the plan's calendar events (en, zh_CN, ru, ar); the plan keeps it for every later "
            "export and publish (default: the plan's, else the language of the output)"
        ),
    )


def run_publish(args: argparse.Namespace, today: date, reference: Reference) -> int:
    """Publish; every failure raises UsageError (one line, exit code 2) after saving in the
    plan file whatever was published before it."""
    from carte_planner.domain.checklist import build_checklist
    from carte_planner.domain.planner import plan_journey
    from carte_planner.publish.errors import Failure, PublishError
    from carte_planner.publish.server import certificate_fingerprint, normalised_url
    from carte_planner.publish.sync import PublishTarget
    from carte_planner.storage.planfile import load_plan

    plan = load_plan(args.plan, reference)
    known = plan.server
    user = args.user or (known.user if known else None)
    if not (args.url or known) or not user:
        raise UsageError(
            "--url, --user: " + tr("this plan has not been published yet; give the server's address and your user")
        )
    try:
        url = normalised_url(args.url) if args.url else (known.url if known else "")
    except PublishError as error:
        raise UsageError(f"--url: {error.message}") from None
    same_server = known is not None and (known.url, known.user) == (url, user)
    trusted = known.trusted_certificate if known and same_server else ""
    if args.trust_certificate:
        trusted = _certificate_to_trust(url, args.trust_certificate)
    discreet = args.discreet if args.discreet is not None else bool(known and same_server and known.discreet)
    target = PublishTarget(
        url,
        user,
        args.calendar,
        args.create_calendar,
        discreet,
        trusted,
        args.calendar_lang or "",
        remove_old_events=None if args.old_events is None else args.old_events == "remove",
    )
    password, source = _password(url, user)
    if not plan.plan_id:
        raise UsageError("--plan: " + tr("{path} has no plan id").format(path=args.plan))
    journey = plan_journey(plan.request, today, reference)
    checklist = build_checklist(journey, reference.checklist_template, plan.checklist)
    try:
        outcome = _publish(args, plan, journey, checklist, target, password)
    except PublishError as error:
        if error.server is not None:
            _save(args.plan, error.server, plan.calendar_language, reference)
        message = error.message
        if error.failure is Failure.PASSWORD and source == "keyring":
            from carte_planner.publish.credentials import forget_password

            forget_password(url, user)
            message += " " + tr("The password saved in the system keyring was removed; run again to type it.")
        elif error.failure is Failure.CERTIFICATE and error.certificate:
            message += " " + tr("To trust it, run again with {option}").format(
                option=f"--trust-certificate {certificate_fingerprint(error.certificate)}"
            )
        elif error.failure is Failure.OLD_EVENTS:
            message += " " + tr("Run again with {remove} or {keep}.").format(
                remove="--old-events remove", keep="--old-events keep"
            )
        elif error.failure is Failure.UNKNOWN_CALENDAR:
            message += " " + tr("To create it, run again with {option}.").format(option="--create-calendar")
        elif error.failure is Failure.CALENDAR_GONE:
            message += " " + tr("Use {option} (with {create} for a new one).").format(
                option="--calendar NAME", create="--create-calendar"
            )
        raise UsageError(message) from None
    _save(args.plan, outcome.server, outcome.language, reference)
    if source == "prompt":
        from carte_planner.publish.credentials import save_password

        if save_password(url, user, password):
            print(tr("The password is kept in the system keyring for next time."))
    if not url.startswith("https://"):
        print(tr("Note: this address is not encrypted (http); use https:// unless the server is on this computer."))
    print(outcome.summary())
    conflicts = list(outcome.conflicts)
    _print_conflicts(outcome.conflicts)
    if (
        load_plan(args.plan, reference).relatives
        or args.relatives_calendar
        or args.relatives_url
        or args.relatives_user
    ):
        family = (url, user, password, trusted)
        conflicts += _publish_for_relatives(args, journey, checklist, family, reference)
    if conflicts:
        raise UsageError(
            ntr(
                "{n} event was changed on the server since the last publish; run again with {keep} to keep it, "
                "or {replace} to replace it with the plan's",
                "{n} events were changed on the server since the last publish; run again with {keep} to keep them, "
                "or {replace} to replace them with the plan's",
                len(conflicts),
            ).format(keep="--on-conflict keep-theirs", replace="--on-conflict replace")
        )
    return 0


def _print_conflicts(conflicts: Sequence[Conflict]) -> None:
    for conflict in conflicts:
        what = tr("no longer in the plan, changed on the server") if conflict.removed else tr("changed on the server")
        print(f"  {conflict.title or conflict.uid}: {what}")


def _publish(
    args: argparse.Namespace, plan: Plan, journey: Journey, checklist: Checklist, target: PublishTarget, password: str
) -> PublishOutcome:
    """One calendar published, as the options ask: the family's and the relatives' alike."""
    from carte_planner.publish.sync import OnConflict, publish_plan

    return publish_plan(
        plan,
        journey,
        target,
        password,
        datetime.now(UTC),
        checklist=checklist,
        holidays=args.holidays,
        on_conflict=OnConflict(args.on_conflict),
    )


def _publish_for_relatives(
    args: argparse.Namespace,
    journey: Journey,
    checklist: Checklist,
    family: tuple[str, str, str, str],
    reference: Reference,
) -> list[Conflict]:
    """Publish the relatives' (discreet) calendar after the family's; one result line."""
    from carte_planner.publish.errors import PublishError
    from carte_planner.publish.server import normalised_url
    from carte_planner.publish.sync import PublishTarget
    from carte_planner.storage.planfile import load_plan

    plan = load_plan(args.plan, reference)  # with the family's record just saved
    known = plan.relatives
    family_url, family_user, family_password, family_trusted = family
    prefix = tr("Relatives' calendar:") + " "
    try:
        url = normalised_url(args.relatives_url) if args.relatives_url else (known.url if known else family_url)
    except PublishError as error:
        raise UsageError(f"--relatives-url: {error.message}") from None
    user = args.relatives_user or (known.user if known and known.url == url else family_user)
    if (url, user) == (family_url, family_user):
        password, trusted = family_password, family_trusted
    else:
        password = _password(url, user)[0]
        trusted = known.trusted_certificate if known and (known.url, known.user) == (url, user) else ""
    target = PublishTarget(
        url,
        user,
        args.relatives_calendar,
        create_calendar=True,
        discreet=True,
        trusted_certificate=trusted,
        relatives=True,
        remove_old_events=None if args.old_events is None else args.old_events == "remove",
    )
    try:
        outcome = _publish(args, plan, journey, checklist, target, password)
    except PublishError as error:
        if error.server is not None:
            _save(args.plan, error.server, plan.calendar_language, reference, relatives=True)
        raise UsageError(prefix + error.message) from None
    _save(args.plan, outcome.server, outcome.language, reference, relatives=True)
    print(prefix + outcome.summary())
    _print_conflicts(outcome.conflicts)
    return list(outcome.conflicts)


def _password(url: str, user: str) -> tuple[str, str]:
    """The password and where it came from: the environment, the keyring, or a prompt."""
    from carte_planner.publish.credentials import NO_KEYRING, keyring_available, password_from_keyring

    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE], "environment"
    saved, trouble = password_from_keyring(url, user)
    if saved:
        return saved, "keyring"
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(
            (trouble + " " if trouble else "")
            + tr(
                "no password for {user}: save it in the system keyring by publishing once from a terminal, "
                "or set {variable}"
            ).format(user=user, variable=PASSWORD_VARIABLE)
        )
    if trouble:
        print(trouble, file=sys.stderr)
    elif not keyring_available():
        print(tr(NO_KEYRING), file=sys.stderr)
    import getpass

    password = getpass.getpass(
        tr("Password (an app password) for {user} at {address}: ").format(user=user, address=url)
    )
    if not password:
        raise UsageError(tr("no password given; nothing was published"))
    return password, "prompt"


def _certificate_to_trust(url: str, fingerprint: str) -> str:
    """The server's certificate, if it has the fingerprint the user chose to trust."""
    from carte_planner.publish.server import certificate_fingerprint, server_certificate

    pem = server_certificate(url)
    if not pem:
        raise UsageError(
            "--trust-certificate: " + tr("could not read the certificate of {address}").format(address=url)
        )
    wanted = fingerprint.replace(":", "").replace(" ", "").upper()
    shown = certificate_fingerprint(pem)
    if shown.replace(":", "") != wanted:
        raise UsageError(
            "--trust-certificate: "
            + tr(
                "the server's certificate has the fingerprint {fingerprint}, not the one given; nothing was sent"
            ).format(fingerprint=shown)
        )
    return pem


def _save(path: str, server: object, language: str, reference: Reference, *, relatives: bool = False) -> None:
    from carte_planner.domain.plan import CalendarServer
    from carte_planner.storage.atomic import WriteError
    from carte_planner.storage.errors import PlanFileError
    from carte_planner.storage.locks import writing
    from carte_planner.storage.planfile import load_plan, save_plan

    assert isinstance(server, CalendarServer)
    try:
        # Read and written under the plan's write lock: a window saving meanwhile is not undone.
        with writing(Path(path)):
            plan = replace(load_plan(path, reference), calendar_language=language)
            save_plan(path, replace(plan, relatives=server) if relatives else replace(plan, server=server))
    except (WriteError, PlanFileError, TimeoutError) as error:
        # Like any output the command could not write: the exit code says so (74, not 2).
        raise WriteError(
            "--plan: "
            + tr(
                "the calendar was published, but the plan file could not be updated ({reason}); "
                "publishing again finds the same events"
            ).format(reason=error)
        ) from None
