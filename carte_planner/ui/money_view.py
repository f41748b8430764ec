"""The Money view: the family's own budget lines, totals in yuan and the home currency at its
own rate, what the last change of the plan did to them, and the deposit log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.budget import (
    BASES,
    CNY,
    DEPOSIT_KINDS,
    FAPIAO_STATES,
    HOME,
    Budget,
    BudgetLine,
    DepositEntry,
    basis_title,
    budget_change,
    cost,
    deposit_kind_title,
    fapiao_title,
    parse_amount,
    plan_counts,
)
from carte_planner.export.budget_report import (
    change_text,
    counts_text,
    deposit_text,
    home_code,
    shown_amount,
    total_lines,
)
from carte_planner.i18n import tr
from carte_planner.i18n.text import say
from carte_planner.ui.dates import from_qdate, medium_date, to_qdate
from carte_planner.ui.document import PlanDocument

KEY_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MoneyView(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.categories = document.reference.budget_categories
        hint = QLabel(
            tr(
                "Your own amounts only: Carte Planner knows no price. Amounts per night and per person follow "
                "the plan's nights and travellers."
            )
        )
        hint.setWordWrap(True)
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.currency.setPlaceholderText("EUR")
        self.currency.setAccessibleName(tr("Home currency (three letters)"))
        self.rate = QLineEdit()
        self.rate.setAccessibleName(tr("Conversion rate: yuan for one unit of the home currency"))
        self.rate_date = QDateEdit()
        self.rate_date.setCalendarPopup(True)
        self.rate_date.setAccessibleName(tr("Date of the conversion rate"))
        self.rate_problem = QLabel()
        rate_row = QGridLayout()
        for row, (label_text, field) in enumerate(
            (
                (tr("Home currency:"), self.currency),
                (tr("Rate (CNY for 1):"), self.rate),
                (tr("Rate's date:"), self.rate_date),
            )
        ):
            label = QLabel(label_text)
            label.setBuddy(field)
            rate_row.addWidget(label, row, 0)
            rate_row.addWidget(field, row, 1)
        rate_row.addWidget(self.rate_problem, 3, 0, 1, 3)
        rate_row.setColumnStretch(2, 1)

        self.lines = _table([tr("Category"), tr("What"), tr("Amount"), tr("Per"), tr("Subtotal")], tr("Budget lines"))
        self.category = QComboBox()
        for category in self.categories:
            self.category.addItem(category.title, category.key)
        self.category.setAccessibleName(tr("Category of the budget line"))
        for combo in (self.category,):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.label = QLineEdit()
        self.label.setAccessibleName(tr("What the budget line is for"))
        self.amount = QLineEdit()
        self.amount.setAccessibleName(tr("Amount of the budget line"))
        self.line_currency = QComboBox()
        self.line_currency.setAccessibleName(tr("Currency of the budget line"))
        self.basis = QComboBox()
        for basis in BASES:
            self.basis.addItem(basis_title(basis), basis)
        self.basis.setAccessibleName(tr("What the amount is per"))
        self.add_line_button = QPushButton(tr("Add line"))
        self.remove_line_button = QPushButton(tr("Remove line"))
        self.line_problem = QLabel()
        # Two rows: one row of six fields is wider than the view on a laptop.
        line_form = QGridLayout()
        line_form.addWidget(self.category, 0, 0)
        line_form.addWidget(self.label, 0, 1, 1, 2)
        line_form.addWidget(self.amount, 1, 0)
        line_form.addWidget(self.line_currency, 1, 1)
        line_form.addWidget(self.basis, 1, 2)
        line_form.addWidget(self.add_line_button, 1, 3)
        line_form.setColumnStretch(1, 1)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.remove_line_button)
        line_buttons.addWidget(self.line_problem, 1)

        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName(tr("Budget totals"))
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change = QLabel()
        self.change.setWordWrap(True)
        self.change.setAccessibleName(tr("What the last change of the plan did to the budget"))

        deposits_box = QGroupBox(tr("Deposit log"))
        self.deposits = _table(
            [tr("Date"), tr("Payment"), tr("Amount"), tr("Receipt"), "发票"], tr("Deposit payments and refunds")
        )
        self.deposit_day = QDateEdit()
        self.deposit_day.setCalendarPopup(True)
        self.deposit_day.setAccessibleName(tr("Date of the deposit payment"))
        self.deposit_kind = QComboBox()
        for kind in DEPOSIT_KINDS:
            self.deposit_kind.addItem(deposit_kind_title(kind), kind)
        self.deposit_kind.setAccessibleName(tr("Paid, topped up or refunded"))
        self.deposit_amount = QLineEdit()
        self.deposit_amount.setPlaceholderText("CNY")
        self.deposit_amount.setAccessibleName(tr("Amount of the deposit payment in yuan"))
        self.deposit_receipt = QCheckBox(tr("Receipt kept"))
        self.deposit_fapiao = QComboBox()
        for state in FAPIAO_STATES:
            self.deposit_fapiao.addItem(fapiao_title(state), state)
        self.deposit_fapiao.setAccessibleName(tr("State of the official receipt (发票)"))
        self.add_deposit_button = QPushButton(tr("Add payment"))
        self.remove_deposit_button = QPushButton(tr("Remove payment"))
        self.deposit_problem = QLabel()
        deposit_form = QGridLayout()
        for index, widget in enumerate(
            (
                self.deposit_day,
                self.deposit_kind,
                self.deposit_amount,
                self.deposit_receipt,
                self.deposit_fapiao,
                self.add_deposit_button,
            )
        ):
            deposit_form.addWidget(widget, index // 3, index % 3)
        deposit_form.addWidget(self.remove_deposit_button, 2, 0)
        self.deposit_held = QLabel()
        self.deposit_held.setWordWrap(True)
        deposits_layout = QVBoxLayout(deposits_box)
        deposits_layout.addWidget(self.deposits)
        deposits_layout.addLayout(deposit_form)
        deposits_layout.addWidget(self.deposit_problem)
        deposits_layout.addWidget(self.deposit_held)
        self.print_button = QPushButton(tr("Print budget…"))

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(rate_row)
        layout.addWidget(self.lines, 2)
        layout.addLayout(line_form)
        layout.addLayout(line_buttons)
        layout.addWidget(self.totals)
        layout.addWidget(self.change)
        layout.addWidget(deposits_box, 1)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.currency.editingFinished.connect(self._set_rate)
        self.rate.editingFinished.connect(self._set_rate)
        self.rate_date.editingFinished.connect(self._set_rate)
        self.add_line_button.clicked.connect(self.add_line)
        self.amount.returnPressed.connect(self.add_line)
        self.remove_line_button.clicked.connect(self.remove_line)
        self.add_deposit_button.clicked.connect(self.add_deposit)
        self.deposit_amount.returnPressed.connect(self.add_deposit)
        self.remove_deposit_button.clicked.connect(self.remove_deposit)
        document.papersChanged.connect(self.refresh)
        document.journeyChanged.connect(self._replanned)
        self._budget = self._cost()
        self.refresh()

    def _cost(self) -> Budget:
        return cost(self.document.plan.money, plan_counts(self.document.journey))

    @property
    def budget(self) -> Budget:
        return self._budget

    def _replanned(self) -> None:
        before, after = self._budget, self._cost()
        change = budget_change(before, after)
        self.change.setText(change_text(change, self.document.plan.money) if change else "")
        self.refresh()

    def refresh(self) -> None:
        money = self.document.plan.money
        self._budget = budget = self._cost()
        self.currency.setText(money.home_currency)
        self.rate.setText("" if money.rate is None else str(money.rate))
        self.rate_date.setDate(to_qdate(money.rate_date or self.document.today))
        self.line_currency.clear()
        self.line_currency.addItem(CNY, CNY)
        self.line_currency.addItem(home_code(money), HOME)
        titles = {c.key: c.title for c in self.categories}
        self.lines.setRowCount(len(budget.lines))
        for row, costed in enumerate(budget.lines):
            line = costed.line
            currency = CNY if line.currency == CNY else home_code(money)
            cells = (
                titles.get(line.category, line.category),
                line.label,
                f"{shown_amount(line.amount)} {currency}",
                f"{basis_title(line.basis)} × {costed.quantity}",
                f"{shown_amount(costed.total)} {currency}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(KEY_ROLE, line.key)
                if column in (2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(row, column, item)
        self.totals.setText("\n".join([counts_text(budget), *total_lines(budget, money)]))
        self.deposits.setRowCount(len(money.deposits))
        for row, entry in enumerate(money.deposits):
            cells = (
                medium_date(entry.day),
                deposit_kind_title(entry.kind),
                f"{shown_amount(entry.amount)} CNY",
                tr("receipt kept") if entry.receipt else tr("no receipt yet"),
                fapiao_title(entry.fapiao),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(KEY_ROLE, entry.key)
                self.deposits.setItem(row, column, item)
        self.deposit_held.setText(deposit_text(budget))
        self.remove_line_button.setEnabled(bool(budget.lines))
        self.remove_deposit_button.setEnabled(bool(money.deposits))

    # -- editing ------------------------------------------------------------------------
    def _set_rate(self) -> None:
        money = self.document.plan.money
        code = self.currency.text().strip().upper()
        if code and not (len(code) == 3 and code.isascii() and code.isalpha()):
            self.rate_problem.setText(tr("Write the currency's three-letter code, such as EUR or USD."))
            return
        text = self.rate.text().strip()
        try:
            rate = parse_amount(text) if text else None
        except ValueError:
            rate = None
        if text and not rate:
            self.rate_problem.setText(tr("Write the rate as a number, such as 7.85."))
            return
        self.rate_problem.clear()
        rate_date: date | None = from_qdate(self.rate_date.date()) if rate else None
        new = replace(money, home_currency=code, rate=rate, rate_date=rate_date)
        self.document.change_money(new, say("Change conversion rate"))

    def _new_key(self, prefix: str, taken: set[str]) -> str:
        number = len(taken) + 1
        while f"{prefix}{number}" in taken:
            number += 1
        return f"{prefix}{number}"

    def add_line(self) -> str | None:
        money = self.document.plan.money
        try:
            amount = parse_amount(self.amount.text())
        except ValueError:
            self.line_problem.setText(tr("Write the amount as a number, such as 1200 or 1 200.50."))
            self.amount.setFocus()
            return None
        self.line_problem.clear()
        key = self._new_key("line:", {line.key for line in money.lines})
        line = BudgetLine(
            key=key,
            category=str(self.category.currentData()),
            label=self.label.text().strip()[:200] or self.category.currentText(),
            amount=amount,
            currency=str(self.line_currency.currentData()),
            basis=str(self.basis.currentData()),
        )
        self.document.change_money(money.with_line(line), say("Add budget line"))
        self.label.clear()
        self.amount.clear()
        return key

    def remove_line(self) -> None:
        item = self.lines.item(self.lines.currentRow(), 0)
        if item is not None:
            money = self.document.plan.money.without_line(item.data(KEY_ROLE))
            self.document.change_money(money, say("Remove budget line"))

    def add_deposit(self) -> str | None:
        money = self.document.plan.money
        try:
            amount = parse_amount(self.deposit_amount.text())
        except ValueError:
            self.deposit_problem.setText(tr("Write the amount as a number, such as 1200 or 1 200.50."))
            self.deposit_amount.setFocus()
            return None
        self.deposit_problem.clear()
        key = self._new_key("deposit:", {d.key for d in money.deposits})
        entry = DepositEntry(
            key=key,
            day=from_qdate(self.deposit_day.date()),
            kind=str(self.deposit_kind.currentData()),
            amount=amount,
            receipt=self.deposit_receipt.isChecked(),
            fapiao=str(self.deposit_fapiao.currentData()),
        )
        self.document.change_money(money.with_deposit(entry), say("Add deposit payment"))
        self.deposit_amount.clear()
        return key

    def remove_deposit(self) -> None:
        item = self.deposits.item(self.deposits.currentRow(), 0)
        if item is not None:
            money = self.document.plan.money.without_deposit(item.data(KEY_ROLE))
            self.document.change_money(money, say("Remove deposit payment"))
