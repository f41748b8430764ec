"""The printed checklist: the PDF's pages and the text a reader copies out of them."""

import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState, CustomItem, build_checklist
from carte_planner.export.checklist_document import checklist_document, checklist_text
from carte_planner.resources import load_checklist_template
from tests.journeys import planned
from tests.tools import require

# After the first preparation steps are due: the printout marks them overdue.
WITH_STEPS_OVERDUE = date(2027, 1, 20)
STATE = (
    ChecklistState()
    .with_done("records-pathology", True)
    .with_note("travel-insurance", "Policy 12-345 with the blue folder")
    .with_added(CustomItem("custom:1", "travel", "Bring grandmother's recipe book", date(2027, 2, 20)))
)


def make(**changes):
    changes.setdefault("home_tz", "Europe/Berlin")
    changes.setdefault("city", "guangzhou")
    start = changes.pop("start", date(2027, 3, 1))
    journey = planned(TripRequest(start=start, **changes), WITH_STEPS_OVERDUE)
    return journey, build_checklist(journey, load_checklist_template(), STATE)


def pdf_pages(path) -> list[str]:
    """Each page's text as pdftotext gives it, which is what a PDF viewer copies."""
    require("pdftotext", "poppler-utils")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return text.split("\f")[:-1]


def test_document_blocks_hold_every_item_with_its_due_date():
    journey, checklist = make()
    document = checklist_document(journey, checklist)
    html = document.full_html()
    for entry in checklist.entries:
        assert entry.title.replace("'", "'") in html.replace("&#x27;", "'")
    assert "广州" in html
    assert "☑ Pathology reports" in html
    assert "Policy 12-345" in html
    assert "Bring grandmother's recipe book" in html
    assert "overdue" in html
    assert document.footer.startswith(journey.estimate_note)


def test_text_and_markdown():
    journey, checklist = make()
    text = checklist_text(journey, checklist)
    assert "- [x] Pathology reports (due Wed 06 Jan 2027, assumed: preparation date)" in text
    assert "OVERDUE" in text
    markdown = checklist_text(journey, checklist, markdown=True)
    assert markdown.startswith("# CAR-T journey to Guangzhou (广州): checklist")
    assert "## Going home" in markdown


@pytest.fixture
def pdf(qapp, tmp_path):
    from carte_planner.ui.printing import write_pdf

    journey, checklist = make(hospital_name_zh="广州市第一人民医院", hospital_address_zh="广州市越秀区盘福路1号")
    path = tmp_path / "checklist.pdf"
    pages = write_pdf(checklist_document(journey, checklist), path)
    return path, pages, journey, checklist


def test_pdf_pages_and_footer(pdf):
    path, pages, *_ = pdf
    texts = pdf_pages(path)
    assert len(texts) == pages >= 3
    for number, text in enumerate(texts, start=1):
        assert "Dates are estimates: confirm every date with your hospital" in " ".join(text.split())
        assert f"Page {number} of {pages}" in text


def test_pdf_text_keeps_chinese_characters_exactly(pdf):
    path, *_ = pdf
    text = "".join(pdf_pages(path))
    # Not normalised: a look-alike Kangxi radical (U+2F00-U+2FDF) would fail these.
    assert "广州" in text
    assert "广州市第一人民医院" in text
    assert "广州市越秀区盘福路1号" in text
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text)
    assert "ﬁ" not in text


def test_pdf_holds_items_due_dates_ticks_notes_and_added_items(pdf):
    path, *_ = pdf
    flat = " ".join(" ".join(pdf_pages(path)).split())
    assert "☑ Pathology reports" in flat
    assert "☐ Antigen expression results" in flat
    assert "due Wed 06 Jan 2027" in flat
    assert "Note: Policy 12-345 with the blue folder" in flat
    assert "Bring grandmother's recipe book · due Sat 20 Feb 2027" in flat
    assert "In an emergency in mainland China, call 120" in flat
    assert "Day 0 (infusion)" in flat


def test_no_item_is_split_across_pages(pdf):
    path, _, _, checklist = pdf
    pages = [" ".join(page.split()) for page in pdf_pages(path)]
    for entry in checklist.entries:
        start = ("☑ " if entry.done else "☐ ") + entry.title[:30]
        end = entry.details[-25:]
        holding = [i for i, page in enumerate(pages) if start in page]
        assert holding, entry.title
        assert end in pages[holding[0]], f"{entry.title} is split across pages"


def test_letter_paper(qapp, tmp_path):
    from PySide6.QtGui import QPageSize

    from carte_planner.ui.printing import write_pdf

    journey, checklist = make()
    path = tmp_path / "letter.pdf"
    write_pdf(checklist_document(journey, checklist), path, QPageSize.PageSizeId.Letter)
    pages = PdfReader(path).pages
    assert len(pages) >= 3
    # US Letter is 8.5 × 11 inches: 612 × 792 points, on every page.
    assert {(round(page.mediabox.width), round(page.mediabox.height)) for page in pages} == {(612, 792)}


def test_a_failed_pdf_leaves_nothing(qapp, tmp_path):
    from carte_planner.ui.printing import write_pdf

    journey, checklist = make()
    with pytest.raises(OSError, match="Could not write"):
        write_pdf(checklist_document(journey, checklist), tmp_path / "missing" / "c.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_print_path_runs_offscreen(qapp, tmp_path):
    from carte_planner.ui.printing import make_printer, paint_document

    journey, checklist = make()
    printer = make_printer(tmp_path / "printed.pdf")
    assert paint_document(checklist_document(journey, checklist), printer) >= 3
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000


def test_the_visa_warning_is_on_the_first_page(pdf):
    path, _pages, journey, _ = pdf
    first = " ".join(pdf_pages(path)[0].split())
    warning = next(n for n in journey.warnings if n.code == "visa-stay-too-long")
    assert "Warning:" in first
    assert " ".join(warning.message.split()[:12]) in first
    assert "residence permit" in first


def test_holidays_around_the_trip_are_printed():
    journey, checklist = make(start=date(2027, 9, 13))
    html = checklist_document(journey, checklist).full_html()
    assert "Public holidays" in html
    assert "National Day (China) (provisional: check the official holiday notice for 2027)" in html


def test_text_and_markdown_checklists_carry_the_warnings():
    journey, checklist = make()
    assert "! Warning: The stay in China is planned at" in checklist_text(journey, checklist)
    assert "**Warning:** The stay in China is planned at" in checklist_text(journey, checklist, markdown=True)
