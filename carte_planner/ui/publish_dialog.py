"""File ▸ Publish to calendar server…: the server, the user, the calendar, and the result."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.plan import CalendarServer
from carte_planner.i18n import ntr, tr
from carte_planner.ui.background import BackgroundCall
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.plain_text import as_text, plain_label
from carte_planner.ui.wheel import wheel_turns_focused_fields_only

_NEW = "new"
_EXISTING = "existing"
# The longest the window waits, when it closes, for a stopped publish to hand back its record.
CANCEL_WAIT_MS = 3000


def ask_conflict(parent: QWidget, titles: list[str]) -> str | None:
    """Someone changed events on the server: "keep-theirs", "replace", or None to decide later."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(tr("Changed on the server"))
    listed = "\n".join(f"• {title}" for title in titles[:10]) + ("\n…" if len(titles) > 10 else "")
    box.setText(
        tr("Someone changed these events in the calendar on the server (on a phone, perhaps):")
        + "\n\n"
        + listed
        + "\n\n"
        + tr("Keep their version, or replace it with the plan's?")
    )
    keep = box.addButton(tr("Keep theirs"), QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton(tr("Replace with the plan's"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Decide later"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "keep-theirs" if clicked is keep else "replace" if clicked is replace else None


def ask_old_events(parent: QWidget, message: str) -> bool | None:
    """Publishing to another calendar: True to remove the plan's events from the old one, False
    to leave them there, None to publish nothing for now."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(tr("Another calendar"))
    box.setText(message)
    remove = box.addButton(tr("Remove them there"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(tr("Leave them there"), QMessageBox.ButtonRole.NoRole)
    box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is remove else False if clicked is keep else None


def ask_trust(parent: QWidget, message: str, fingerprint: str) -> bool:
    """Whether the user trusts a self-signed certificate, after seeing its fingerprint."""
    answer = QMessageBox.warning(
        parent,
        tr("Certificate not verified"),
        as_text(
            message
            + "\n\n"
            + tr("SHA-256 fingerprint:")
            + f"\n{fingerprint}\n\n"
            + tr("Trust this certificate for this server? Carte Planner will remember this one certificate.")
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class PublishDialog(QDialog):
    """Publishes in the background; `published` carries the plan's new server record."""

    # What is on the server now, and the language the calendar was written in.
    published = Signal(object, str)
    # What is on the relatives' calendar now.
    relatives_published = Signal(object)

    def __init__(
        self,
        document: PlanDocument,
        parent: QWidget | None = None,
        *,
        discreet: bool = False,
        holidays: Callable[[], bool] = bool,
        output_language: str | None = None,
    ) -> None:
        super().__init__(parent)
        from carte_planner.export.ics import ExportOptions, calendar_name
        from carte_planner.publish.credentials import NO_KEYRING, keyring_available

        self.setWindowTitle(tr("Publish to calendar server"))
        self.document = document
        self._holidays = holidays
        # The window's language of calendar files: the calendar's when the plan keeps none yet.
        self.output_language = output_language
        self._language = ""
        # The family's answer about the old calendar's events, once asked (None: not yet).
        self._remove_old: bool | None = None
        self._call: BackgroundCall | None = None
        self._working = False
        # Set to stop the conversation with the server (the window is closing).
        self._cancel = threading.Event()
        # What to run again once the user trusted a certificate.
        self._pending: Callable[[], None] = self.find_calendars
        server = document.plan.server
        self._trusted = server.trusted_certificate if server else ""
        self.journey_calendar = calendar_name(
            document.journey, ExportOptions(document.plan.plan_id, datetime.now(UTC), discreet)
        )

        self.url = QLineEdit(server.url if server else "")
        self.url.setPlaceholderText("https://cloud.example.org/remote.php/dav/")
        self.user = QLineEdit(server.user if server else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("An app password (see Help)"))
        self.remember = QCheckBox(tr("Keep the password in the system keyring"))
        self.keyring_note = QLabel(tr(NO_KEYRING))
        self.keyring_note.setWordWrap(True)
        has_keyring = keyring_available()
        self.remember.setChecked(has_keyring)
        self.remember.setEnabled(has_keyring)
        self.keyring_note.setVisible(not has_keyring)
        self.calendar = QComboBox()
        self.calendar.setAccessibleName(tr("Calendar on the server"))
        self.find_button = QPushButton(tr("&Find calendars"))
        self.find_button.clicked.connect(self.find_calendars)
        calendar_row = QHBoxLayout()
        calendar_row.addWidget(self.calendar, 1)
        calendar_row.addWidget(self.find_button)
        self.discreet = QCheckBox(tr("Discreet titles, for a calendar that others can see"))
        self.discreet.setChecked(server.discreet if server else discreet)
        self.discreet.toggled.connect(self._rename_new_calendar)
        relatives = document.plan.relatives
        self.relatives = QCheckBox(tr("Also publish a discreet calendar for relatives, named:"))
        self.relatives.setChecked(relatives is not None)
        self.relatives_name = QLineEdit(relatives.calendar_name if relatives else tr("Family trip"))
        self.relatives_name.setAccessibleName(tr("Name of the relatives' calendar"))
        self.relatives_name.setEnabled(self.relatives.isChecked())
        self.relatives.toggled.connect(self.relatives_name.setEnabled)
        relatives_row = QHBoxLayout()
        relatives_row.addWidget(self.relatives)
        relatives_row.addWidget(self.relatives_name, 1)

        form = QFormLayout()
        form.addRow(tr("Server &address:"), self.url)
        form.addRow(tr("User &name:"), self.user)
        form.addRow(tr("&Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.keyring_note)
        calendar_label = QLabel(tr("&Calendar:"))
        calendar_label.setBuddy(self.calendar)
        form.addRow(calendar_label, calendar_row)
        form.addRow("", self.discreet)
        form.addRow("", relatives_row)
        self.note = QLabel(
            tr(
                "Nothing is sent until you press Publish. The password is never written to the plan file. "
                "Dates are estimates: confirm every date with your hospital."
            )
        )
        self.note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result_line = plain_label(QLabel())
        self.result_line.setWordWrap(True)
        self.result_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_line.setAccessibleName(tr("Result"))
        # Room for a three-line result from the start, so that the notes above never get squeezed.
        self.result_line.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.result_line.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(tr("P&ublish"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.publish_button.clicked.connect(lambda: self.publish())
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        # The dialog grows with a longer result line instead of squeezing the notes above it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_line)
        layout.addWidget(self.buttons)
        self._fill_calendars([], server)
        self.url.textChanged.connect(self._warn_if_unencrypted)
        self._warn_if_unencrypted()
        self.resize(560, self.sizeHint().height())
        self._fill_saved_password()
        wheel_turns_focused_fields_only(self)

    # -- what the user entered ------------------------------------------------------------
    def _fill_saved_password(self) -> None:
        from carte_planner.publish.credentials import password_from_keyring
        from carte_planner.publish.errors import PublishError
        from carte_planner.publish.server import normalised_url

        if not self.url.text().strip() or not self.user.text().strip() or not self.remember.isEnabled():
            return
        try:
            saved, trouble = password_from_keyring(normalised_url(self.url.text()), self.user.text().strip())
        except PublishError:
            return
        if saved:
            self.password.setText(saved)
        elif trouble:
            self.result_line.setText(trouble)

    def _warn_if_unencrypted(self) -> None:
        if self.url.text().strip().lower().startswith("http://"):
            self.result_line.setText(
                tr("This address is not encrypted (http): use https:// unless the server is on this computer.")
            )
        elif self.result_line.text().startswith(tr("This address is not encrypted")):
            self.result_line.clear()

    def _fill_calendars(self, calendars: list, server: CalendarServer | None) -> None:
        self.calendar.clear()
        names = [calendar.name for calendar in calendars]
        if not calendars and server and server.calendar_name:
            names = [server.calendar_name]
        for name in names:
            self.calendar.addItem(name, (_EXISTING, name))
        self.calendar.addItem("", (_NEW, ""))
        self._rename_new_calendar()
        preferred = server.calendar_name if server else self.journey_calendar
        for index, name in enumerate(names):
            if name.casefold() == preferred.casefold():
                self.calendar.setCurrentIndex(index)
                return
        self.calendar.setCurrentIndex(self.calendar.count() - 1)

    def _rename_new_calendar(self) -> None:
        from carte_planner.export.ics import ExportOptions, calendar_name

        options = ExportOptions(self.document.plan.plan_id, datetime.now(UTC), self.discreet.isChecked())
        self.journey_calendar = calendar_name(self.document.journey, options)
        index = self.calendar.count() - 1
        if index >= 0:
            self.calendar.setItemText(index, tr("New calendar “%1”").replace("%1", self.journey_calendar))
            self.calendar.setItemData(index, (_NEW, self.journey_calendar))

    def _credentials(self) -> tuple[str, str, str] | None:
        url, user, password = self.url.text().strip(), self.user.text().strip(), self.password.text()
        missing = [
            label
            for label, value in (
                (tr("the server address"), url),
                (tr("the user name"), user),
                (tr("the password"), password),
            )
            if not value
        ]
        if missing:
            self.result_line.setText(tr("Enter %1.").replace("%1", tr(", ").join(missing)))
            return None
        return url, user, password

    # -- background work ------------------------------------------------------------------
    def busy(self) -> bool:
        return self._working

    def _start(self, work: Callable, on_success: Callable, status: str) -> None:
        self._working = True
        self.publish_button.setEnabled(False)
        self.find_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.result_line.setText(status)
        call = BackgroundCall(work, self)
        call.progressed.connect(self._show_progress)
        # The answer may start the next call (a certificate just trusted) while this thread is
        # still winding down: the dialog is idle again as soon as the answer is in.
        call.succeeded.connect(self._idle)
        call.succeeded.connect(on_success)
        call.failed.connect(self._idle)
        call.failed.connect(self._failed)
        call.finished.connect(call.deleteLater)
        self._call = call
        call.start()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _idle(self, _answer: object = None) -> None:
        self._working = False
        self.publish_button.setEnabled(True)
        self.find_button.setEnabled(True)
        self.progress.setVisible(False)

    def find_calendars(self) -> None:
        from carte_planner.publish.sync import list_calendars

        credentials = self._credentials()
        if credentials is None or self.busy():
            return
        url, user, password = credentials
        trusted = self._trusted
        known = self.document.plan.server
        scheme = known.auth_scheme if known and (known.url, known.user) == (url, user) else ""
        self._cancel = cancel = threading.Event()

        def work(_progress):
            return list_calendars(url, user, password, trusted, cancel, scheme)

        self._pending = self.find_calendars
        self._start(work, self._calendars_found, tr("Asking the server for your calendars…"))

    def _calendars_found(self, calendars: list) -> None:
        self._fill_calendars(calendars, self.document.plan.server)
        self.result_line.setText(ntr("{n} calendar found.", "{n} calendars found.", len(calendars)))

    def publish(self, on_conflict: str = "ask") -> None:
        from carte_planner.publish.errors import PublishError
        from carte_planner.publish.sync import OnConflict, PublishTarget, publish_plan

        credentials = self._credentials()
        if credentials is None or self.busy():
            return
        url, user, password = credentials
        kind, name = self.calendar.currentData() or (_NEW, self.journey_calendar)
        from carte_planner.export.calendar_language import calendar_language

        # Resolved here, in the window's thread: the publishing thread speaks no language of its own.
        self._language = calendar_language(self.document.plan, default=self.output_language)
        target = PublishTarget(
            url,
            user,
            name,
            kind == _NEW,
            self.discreet.isChecked(),
            self._trusted,
            self._language,
            remove_old_events=self._remove_old,
        )
        relatives = None
        if self.relatives.isChecked() and self.relatives_name.text().strip():
            # On the family's server; a relatives' calendar elsewhere is set up on the command line.
            relatives = PublishTarget(
                url,
                user,
                self.relatives_name.text().strip(),
                create_calendar=True,
                discreet=True,
                trusted_certificate=self._trusted,
                language=self._language,
                relatives=True,
            )
        plan, journey, checklist, holidays = (
            self.document.plan,
            self.document.journey,
            self.document.checklist,
            self._holidays(),
        )
        self._cancel = cancel = threading.Event()

        def work(progress):
            def to(where, plan):
                return publish_plan(
                    plan,
                    journey,
                    where,
                    password,
                    datetime.now(UTC),
                    checklist=checklist,
                    holidays=holidays,
                    on_conflict=OnConflict(on_conflict),
                    progress=progress,
                    cancel=cancel,
                )

            family = to(target, plan)
            if relatives is None:
                return family, None
            try:
                with_family = replace(plan, server=family.server, calendar_language=family.language)
                return family, to(relatives, with_family)
            except PublishError as error:
                # The family's calendar is published: its record is kept whatever happens here.
                return family, error

        self._pending = self.publish
        self._start(work, self._published, tr("Publishing…"))

    def _published(self, outcomes) -> None:
        from carte_planner.publish.credentials import save_password
        from carte_planner.publish.errors import PublishError

        outcome, relatives = outcomes
        self._remove_old = None
        server = outcome.server
        self.published.emit(server, outcome.language)
        if self.remember.isChecked():
            save_password(server.url, server.user, self.password.text())
        self._fill_calendars([], server)
        lines = [outcome.summary()]
        conflicts = list(outcome.conflicts)
        if isinstance(relatives, PublishError):
            if relatives.server is not None:
                self.relatives_published.emit(relatives.server)
            lines.append(tr("Relatives' calendar:") + " " + tr("Not published: %1").replace("%1", relatives.message))
        elif relatives is not None:
            self.relatives_published.emit(relatives.server)
            lines.append(tr("Relatives' calendar:") + " " + relatives.summary())
            conflicts += relatives.conflicts
        self.result_line.setText("\n".join(lines))
        if conflicts:
            choice = ask_conflict(self, [conflict.title or conflict.uid for conflict in conflicts])
            if choice is not None:
                self.publish(choice)

    def _failed(self, error: Exception) -> None:
        from carte_planner.publish.errors import Failure, PublishError
        from carte_planner.publish.server import certificate_fingerprint

        if not isinstance(error, PublishError):
            self.result_line.setText(tr("Not published: %1").replace("%1", str(error) or type(error).__name__))
            return
        if error.server is not None:
            self.published.emit(error.server, self._language)  # what was done is kept: publishing again finishes it
        certificate = error.certificate if error.failure is Failure.CERTIFICATE else ""
        if certificate and ask_trust(self, error.message, certificate_fingerprint(certificate)):
            self._trusted = certificate
            self._pending()
            return
        if error.failure is Failure.OLD_EVENTS:
            answer = ask_old_events(self, error.message)
            if answer is not None:
                self._remove_old = answer
                self.publish()
                return
        if error.failure is Failure.PASSWORD:
            self.password.clear()
            self.password.setFocus()
        self.result_line.setText(tr("Not published: %1").replace("%1", error.message))

    def finish(self) -> None:
        """Stop a publish under way and take in what it did (the window is closing): the server's
        answers so far are kept in the plan, and publishing again finishes the job."""
        if self._working and self._call is not None:
            self._cancel.set()
            # The request under way is left behind within a tenth of a second; the wait is a bound.
            self._call.wait(CANCEL_WAIT_MS)
            QCoreApplication.processEvents()

    def closeEvent(self, event) -> None:
        if self.busy():
            # Closing mid-way would lose the record of what was written: finish first.
            self.result_line.setText(tr("Still publishing: please wait until it has finished."))
            event.ignore()
            return
        super().closeEvent(event)
