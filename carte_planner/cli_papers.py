"""The command line's `budget` (the family's own amounts for a plan file, and what a change
given on the command line, a what-if, does to them), `documents`, `cards` and `handover`."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date

from carte_planner.domain.budget import budget_change, cost, plan_counts
from carte_planner.domain.journey import Journey
from carte_planner.domain.plan import Plan
from carte_planner.domain.reference import Reference
from carte_planner.i18n import ntr, tr


def run_budget(args: argparse.Namespace, plan: Plan, journey: Journey, today: date, reference: Reference) -> int:
    from carte_planner.cli import UsageError, _pdf_output, _tell, _write_pdf, write_out
    from carte_planner.domain.planner import plan_journey
    from carte_planner.export.budget_report import budget_csv, budget_document, budget_json, budget_text, change_text
    from carte_planner.storage.planfile import load_plan

    if not args.plan:
        raise UsageError(
            "--plan: " + tr("the budget is kept in a plan file: give the .carteplan file whose budget to show")
        )
    budget = cost(plan.money, plan_counts(journey))
    saved = load_plan(args.plan, reference)
    before = cost(saved.money, plan_counts(plan_journey(replace(saved.request), today, reference)))
    change = budget_change(before, budget)
    categories = reference.budget_categories
    if args.pdf:
        output = _pdf_output(args)
        _write_pdf(budget_document(budget, plan.money, categories), output, args.paper, args.plan)
        if output is not None:
            _tell(tr("Wrote the budget to {file}.").format(file=output))
        return 0
    if args.format == "json":
        write_out(budget_json(budget, plan.money))
    elif args.format == "csv":
        write_out(budget_csv(budget, plan.money))
    else:
        text = budget_text(budget, plan.money, categories)
        write_out(text + (change_text(change, plan.money) + "\n" if change else ""))
    return 0


def run_cards(args: argparse.Namespace, journey: Journey) -> int:
    """The taxi and wallet cards as a PDF: Qt paints them, with no display."""
    import os

    from carte_planner.cli import _pdf_output, _tell, write_out
    from carte_planner.export.cards import all_cards
    from carte_planner.i18n import current_language

    output = _pdf_output(args)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QPageSize
    from PySide6.QtWidgets import QApplication

    from carte_planner.storage.atomic import WriteError, atomic_write
    from carte_planner.ui.cards_print import render_cards_pdf

    _app = QApplication.instance() or QApplication(["carte-planner"])
    size = QPageSize.PageSizeId.Letter if args.paper == "letter" else QPageSize.PageSizeId.A4
    try:
        data = render_cards_pdf(all_cards(journey, current_language()), size, output)
        if output is None:
            write_out(data)
            return 0
        atomic_write(output, data, protect=[args.plan] if args.plan else [])
    except OSError as error:
        raise WriteError(f"--pdf: {error}") from None
    _tell(tr("Wrote the cards to {file}. Print them at actual size, not fitted to the page.").format(file=output))
    return 0


def run_handover(args: argparse.Namespace, plan: Plan, journey: Journey, reference: Reference) -> int:
    from carte_planner.cli import _pdf_output, _tell, _write_pdf
    from carte_planner.domain.checklist import build_checklist
    from carte_planner.domain.documents import build_documents
    from carte_planner.export.handover import handover_document

    checklist = build_checklist(journey, reference.checklist_template, plan.checklist)
    documents = build_documents(journey, reference.documents_template, plan.papers)
    output = _pdf_output(args)
    pages = _write_pdf(handover_document(journey, checklist, documents), output, args.paper, args.plan)
    if output is not None:
        _tell(
            ntr(
                "Wrote the going-home packet ({n} page) to {file}. The dates are estimates.",
                "Wrote the going-home packet ({n} pages) to {file}. The dates are estimates.",
                pages,
            ).replace("{file}", str(output))
        )
    return 0


def run_documents(args: argparse.Namespace, plan: Plan, journey: Journey, reference: Reference) -> int:
    from carte_planner.cli import _pdf_output, _tell, _write_pdf, write_out
    from carte_planner.domain.documents import build_documents
    from carte_planner.export.documents_list import documents_document, documents_text

    template = reference.documents_template
    documents = build_documents(journey, template, plan.papers)
    if not args.pdf:
        write_out(documents_text(documents, template, args.packet))
        return 0
    output = _pdf_output(args)
    _write_pdf(documents_document(documents, template, args.packet), output, args.paper, args.plan)
    if output is not None:
        _tell(tr("Wrote the documents list to {file}.").format(file=output))
    return 0
