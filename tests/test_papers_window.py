"""The Documents and Money views in the window: what a family sees and does there."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox

from carte_planner.storage.attachments import files_folder
from carte_planner.storage.planfile import load_plan
from carte_planner.ui.dates import medium_date
from tests.journeys import REFERENCE
from tests.test_window_languages import open_window


def test_the_views_are_reached_from_the_keyboard_and_named(window, qtbot):
    qtbot.keySequence(window, QKeySequence("Ctrl+5"))
    assert window.tabs.currentWidget() is window.documents_page
    qtbot.keySequence(window, QKeySequence("Ctrl+6"))
    assert window.tabs.currentWidget() is window.money_page
    for widget in (
        window.documents.tree,
        window.documents.state,
        window.documents.files,
        window.money.lines,
        window.money.amount,
        window.money.rate,
        window.money.deposits,
    ):
        assert widget.accessibleName(), widget
    file_menu = window.menuBar().actions()[0].menu()
    assert window.budget_print_action in file_menu.actions()
    assert window.cards_action in file_menu.actions()
    assert window.handover_action in file_menu.actions()
    assert window.documents_print_action in file_menu.actions()


def test_documents_per_person_with_states_that_undo(window):
    view = window.documents
    window.tabs.setCurrentWidget(view.parentWidget().parentWidget())
    groups = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert groups == ["Patient", "Caregiver", "Whole trip"]
    assert view.select("passport:2")
    view.state.setCurrentIndex(2)
    view.state.activated.emit(2)
    assert window.document.plan.papers.mark("passport:2").state == "received"
    assert view.tree.currentItem().text(view.STATE) == "received"
    window.document.undo_stack.undo()
    assert window.document.plan.papers.mark("passport:2").state == "needed"
    view.grouping.setCurrentIndex(1)
    packets = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert packets[:2] == ["Chinese consulate (visa)", "Hospital's international office"]


def test_a_document_due_date_follows_a_change_of_the_plan(window):
    view = window.documents
    assert view.select("discharge-summary")
    before = view.current().due
    window.panel.start.setDate(window.panel.start.date().addDays(7))
    assert view.select("discharge-summary")
    assert view.current().due == date.fromordinal(before.toordinal() + 7)


def due_shown(view, title: str) -> str:
    """The Due column of the document's row, as the tree shows it."""
    for index in range(view.tree.topLevelItemCount()):
        group = view.tree.topLevelItem(index)
        for row in range(group.childCount()):
            if group.child(row).text(0) == title:
                return group.child(row).text(view.DUE)
    raise AssertionError(f"no row for {title}")


def test_a_plan_changed_behind_another_tab_shows_its_new_dates_when_the_documents_tab_opens(window, qtbot):
    view = window.documents
    page = view.parentWidget().parentWidget()
    window.tabs.setCurrentWidget(page)
    assert view.select("discharge-summary")
    title = view.current().title
    before = view.current().due
    window.tabs.setCurrentWidget(window.month)
    assert not view.isVisible()
    window.panel.start.setDate(window.panel.start.date().addDays(7))
    window.tabs.setCurrentWidget(page)
    later = date.fromordinal(before.toordinal() + 7)
    assert due_shown(view, title).endswith(medium_date(later))
    # The row chosen before the change is still the one chosen.
    assert view.tree.currentItem().text(0) == title


def test_a_dropped_file_is_attached_beside_the_saved_plan_and_a_missing_one_says_so(
    window, tmp_path, monkeypatch, qtbot
):
    plan_path = tmp_path / "family.carteplan"
    monkeypatch.setattr(
        "carte_planner.ui.window_files.QFileDialog.getSaveFileName", lambda *a, **k: (str(plan_path), "")
    )
    assert window.save_as()
    view = window.documents
    window.tabs.setCurrentWidget(view.parentWidget().parentWidget())
    assert view.select("visa:1")
    scan = tmp_path / "visa scan.pdf"
    scan.write_bytes(b"%PDF scan")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(scan))])
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    view.dropEvent(drop)
    assert (files_folder(plan_path) / "visa scan.pdf").read_bytes() == b"%PDF scan"
    assert view.files.item(0).text() == "visa scan.pdf"
    assert window.save()
    assert load_plan(plan_path, REFERENCE).papers.mark("visa:1").attachments == ("visa scan.pdf",)
    (files_folder(plan_path) / "visa scan.pdf").unlink()
    view.refresh()
    assert view.select("visa:1")
    assert view.files.item(0).text() == "visa scan.pdf (missing)"
    assert "1 missing" in view.tree.currentItem().text(view.FILES)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    view.files.setCurrentRow(0)
    assert view.open_attachment() is False
    assert "no longer in the folder" in shown[0]


def test_an_own_document_is_added_for_a_person(window):
    view = window.documents
    view.own_title.setText("Letter from the employer")
    view.own_whose.setCurrentIndex(2)
    key = view.add_own()
    assert view.current().key == key
    assert view.current().traveller == "Caregiver"


def test_money_lines_totals_in_two_currencies_and_a_plan_change(window):
    view = window.money
    window.tabs.setCurrentWidget(view.parentWidget().parentWidget())
    view.currency.setText("eur")
    view.rate.setText("7,80")
    view.currency.editingFinished.emit()
    view.rate.editingFinished.emit()
    assert window.document.plan.money.home_currency == "EUR"
    assert window.document.plan.money.rate == Decimal("7.80")
    view.category.setCurrentIndex(view.category.findData("lodging"))
    view.label.setText("Apartment")
    view.amount.setText("300")
    view.basis.setCurrentIndex(view.basis.findData("night"))
    view.add_line()
    nights = view.budget.counts.nights
    stay = window.document.journey.item("stay:accommodation")
    assert nights == (stay.end - stay.start).days
    assert view.lines.item(0, 4).text() == f"{300 * nights:,.2f} CNY".replace(",", "\u2009")
    assert "Total: " in view.totals.text()
    assert "EUR" in view.totals.text()
    window.panel.start.setDate(window.panel.start.date())  # no change, no message
    assert view.change.text() == ""
    window.document.change(
        window.document.request.__class__(
            **{**window.document.request.__dict__, "phase_days": (("manufacturing", 28),)}
        ),
        "longer",
    )
    assert view.budget.counts.nights == nights + 7
    assert "+2\u2009100.00 CNY" in view.change.text()


def test_a_wrong_amount_is_explained_and_nothing_is_added(window):
    view = window.money
    view.amount.setText("a lot")
    assert view.add_line() is None
    assert "number" in view.line_problem.text()
    assert window.document.plan.money.lines == ()


def test_the_deposit_log(window):
    view = window.money
    view.deposit_amount.setText("50000")
    view.deposit_receipt.setChecked(True)
    view.add_deposit()
    view.deposit_kind.setCurrentIndex(view.deposit_kind.findData("refund"))
    view.deposit_amount.setText("20000")
    view.add_deposit()
    assert view.deposits.rowCount() == 2
    assert "30\u2009000.00 CNY" in view.deposit_held.text()


@pytest.fixture
def speak():
    from carte_planner.ui.language import apply_language

    yield apply_language
    apply_language("en")


@pytest.mark.parametrize(
    ("language", "documents", "money"),
    [("zh_CN", "证件", "费用"), ("ru", "Документы", "Деньги"), ("ar", "المستندات", "المال")],
)
def test_the_views_speak_the_window_language(qtbot, settings, speak, language, documents, money):
    speak(language)
    win = open_window(qtbot, settings)
    tabs = [win.tabs.tabText(i).replace("&", "") for i in range(win.tabs.count())]
    assert any(documents in tab for tab in tabs), tabs
    assert any(money in tab for tab in tabs), tabs
    assert win.documents.tree.headerItem().text(0) != "Document"
    assert win.money.lines.horizontalHeaderItem(0).text() != "Category"


def test_save_as_takes_the_attached_files_along(window, tmp_path, monkeypatch):
    first, second = tmp_path / "first.carteplan", tmp_path / "second.carteplan"
    names = iter([first, second])
    monkeypatch.setattr(
        "carte_planner.ui.window_files.QFileDialog.getSaveFileName", lambda *a, **k: (str(next(names)), "")
    )
    assert window.save_as()
    scan = tmp_path / "passport.png"
    scan.write_bytes(b"png")
    assert window.documents.select("passport:1")
    assert window.documents.attach_files([scan]) == ["passport.png"]
    assert window.save_as()
    assert (files_folder(second) / "passport.png").read_bytes() == b"png"
    assert load_plan(second, REFERENCE).papers.mark("passport:1").attachments == ("passport.png",)
    window.documents.refresh()
    assert window.documents.select("passport:1")
    assert window.documents.files.item(0).text() == "passport.png"
