"""Arabic copies out of the printed PDFs as letters: no presentation forms, lām-alif in its
order, and whole words. The text is read back with pdftotext and not normalised (NFKC would
turn presentation forms back into letters and hide the very fault these tests look for)."""

import re
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState, build_checklist
from carte_planner.export.checklist_document import checklist_document
from carte_planner.export.pdf_text_layer import glyph_text, logical_to_unicode_map
from carte_planner.i18n import use_language
from carte_planner.resources import load_checklist_template
from tests.journeys import TODAY, planned
from tests.tools import require

REQUEST = TripRequest(
    start=date(2027, 3, 1),
    city="shanghai",
    home_tz="Asia/Dubai",
    travellers=("Ahmed", "Fatima"),
    hospital_name_zh="上海交通大学医学院附属瑞金医院",
    hospital_address_zh="上海市黄浦区瑞金二路197号",
    passport_names="AHMED ALI, FATIMA ALI",
    family_phones="+86 138 0000 1234",
)
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# pdftotext wraps each line and each left-to-right run in it in bidi embedding controls
# (U+202A-U+202C) of its own; they are not in the PDF.
EMBEDDINGS = re.compile("[\u202a-\u202c]")


def pdf_text(path) -> str:
    """The text as pdftotext gives it (the order a viewer copies), its words on single spaces."""
    require("pdftotext", "poppler-utils")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(EMBEDDINGS.sub("", result.stdout.decode("utf-8")).split())


def without_marks(text: str) -> str:
    """The words as the text layer holds them: Arabic vowel marks stay on the page only."""
    return ARABIC_MARKS.sub("", text)


def plain_arabic(text: str) -> bool:
    """Arabic words and spaces only: no digits, Latin or punctuation, whose place in a
    right-to-left line pdftotext guesses from the page (see the README)."""
    return bool(re.fullmatch(r"[\u0621-\u064a\u0670 ]+", without_marks(text))) and " " in text


@pytest.fixture(scope="module")
def arabic_checklist(qapp, tmp_path_factory):
    from carte_planner.ui.printing import write_pdf

    with use_language("ar"):
        journey = planned(REQUEST, TODAY)
        checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
        path = tmp_path_factory.mktemp("ar") / "checklist.pdf"
        write_pdf(checklist_document(journey, checklist), path)
    return path, journey, checklist


@pytest.fixture(scope="module")
def arabic_sheet(qapp, tmp_path_factory):
    from carte_planner.export.hospital_sheet import hospital_sheet
    from carte_planner.ui.printing import write_pdf

    with use_language("ar"):
        journey = planned(REQUEST, TODAY)
        path = tmp_path_factory.mktemp("ar") / "sheet.pdf"
        write_pdf(hospital_sheet(journey), path)
    return path


def test_the_checklist_copies_out_as_arabic_letters(arabic_checklist):
    path, _journey, checklist = arabic_checklist
    text = pdf_text(path)
    assert PRESENTATION_FORMS.findall(text) == []
    assert len(re.findall("[\u0621-\u064a]", text)) > 2000
    with use_language("ar"):  # the entries put their words in the language they are read in
        sentences = {entry.title for entry in checklist.entries if plain_arabic(entry.title)}
    assert len(sentences) >= 10
    # Lām-alif is one glyph for two letters: they come out in the order they were written.
    assert any("\u0644\u0627" in sentence for sentence in sentences)
    missing = [sentence for sentence in sentences if without_marks(sentence) not in text]
    assert missing == []


def test_words_with_vowel_marks_stay_whole(arabic_checklist):
    path, journey, _checklist = arabic_checklist
    text = pdf_text(path)
    with use_language("ar"):
        marked = {word for word in journey.estimate_note.split() if ARABIC_MARKS.search(word)}
    assert marked, "the estimate note has a word with a vowel mark"
    for word in marked:
        letters = without_marks(word).strip(".،:")
        assert re.search(rf"(?<!\S){re.escape(letters)}", text), word
    assert ARABIC_MARKS.findall(text) == []


def test_the_sheet_copies_out_as_arabic_letters_beside_exact_chinese(arabic_sheet):
    text = pdf_text(arabic_sheet)
    assert PRESENTATION_FORMS.findall(text) == []
    with use_language("ar"):
        journey = planned(REQUEST, TODAY)
    for label in ("المرافقون", "عنوان المستشفى", "الوصول إلى الصين", "الدخول إلى المستشفى", "الفريق المعالج"):
        assert label in text
    assert "الخلايا" in text  # lām-alif inside a word
    assert "上海交通大学医学院附属瑞金医院" in text
    assert "上海市黄浦区瑞金二路197号" in text
    assert "+86 138 0000 1234" in text
    assert "AHMED ALI" in text
    assert journey.city.name_zh in text


def test_a_document_without_arabic_is_left_as_qt_wrote_it(qapp):
    from carte_planner.export.pdf_text_layer import with_logical_text_layer
    from carte_planner.ui.printing import render_pdf

    with use_language("ru"):
        journey = planned(REQUEST, TODAY)
        checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
        data, _pages = render_pdf(checklist_document(journey, checklist))
    assert with_logical_text_layer(data) is data


QT_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfrange
<0000> <0000> <0000>
<0001> <0005> [<0031> <FE91> <FEFB> <0651> <0627> ]
<0006> <0007> <FEE3>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def test_a_cmap_maps_each_shaped_glyph_to_its_letters():
    rewritten = logical_to_unicode_map(QT_CMAP)
    assert rewritten.startswith(QT_CMAP[: QT_CMAP.index(b"3 beginbfrange")])
    assert rewritten.endswith(QT_CMAP[QT_CMAP.index(b"endcmap") :])
    pairs = dict(re.findall(rb"<([0-9A-F]{4})> <([0-9A-F]*)>", rewritten))
    assert pairs == {
        b"0000": b"0000",
        b"0001": b"0031",
        b"0002": b"0628",  # bā', initial form
        b"0003": b"06270644",  # lām-alif, drawn alif then lām: a reader reverses the run
        b"0004": b"",  # shadda
        b"0005": b"0627",
        b"0006": b"0645",  # a range onto consecutive code points: FEE3, FEE4
        b"0007": b"0645",
    }


def test_a_cmap_without_presentation_forms_is_unchanged():
    latin = QT_CMAP.replace(b"<FE91> <FEFB> <0651>", b"<0041> <0042> <0043>").replace(b"<FEE3>", b"<0044>")
    assert logical_to_unicode_map(latin) is latin


ARABIC_FORMS = st.one_of(st.integers(0xFB50, 0xFDFF), st.integers(0xFE70, 0xFEFE)).map(chr)


@given(ARABIC_FORMS.filter(lambda c: unicodedata.decomposition(c).startswith("<")))
def test_every_presentation_form_becomes_letters(form):
    text = glyph_text(form)
    assert PRESENTATION_FORMS.findall(text) == []
    assert text == "" or unicodedata.normalize("NFKC", form).strip() == text[::-1]


def test_a_phone_number_after_arabic_words_keeps_its_order(qapp, tmp_path):
    from carte_planner.ui.printing import write_pdf

    request = replace(
        REQUEST,
        hospital_name_zh="",
        hospital_address_zh="",
        hospital_name="مستشفى روي جين",
        hospital_phone="+86 21 6437 0045",
    )
    with use_language("ar"):
        journey = planned(request, TODAY)
        checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
        write_pdf(checklist_document(journey, checklist), tmp_path / "checklist.pdf")
    text = pdf_text(tmp_path / "checklist.pdf")
    # Without an isolate it prints (and copies out) as "0045 6437 21 86+".
    assert "مستشفى روي جين" in text
    assert "+86 21 6437 0045" in text


def test_print_to_file_gives_the_same_text_layer(qapp, tmp_path):
    """The print dialog's "Print to File" paints on a PDF printer of its own, outside the export."""
    from carte_planner.export.hospital_sheet import hospital_sheet
    from carte_planner.ui.printing import make_printer, paint_document

    path = tmp_path / "printed.pdf"
    with use_language("ar"):
        journey = planned(REQUEST, TODAY)
        assert paint_document(hospital_sheet(journey), make_printer(path)) == 1
    text = pdf_text(path)
    assert PRESENTATION_FORMS.findall(text) == []
    assert "عنوان المستشفى" in text


def test_a_direction_marks_empty_glyph_copies_out_as_nothing():
    """Qt names the empty glyph of U+200E (before an Arabic Day number's sign) U+0009."""
    assert glyph_text("\t") == ""
    assert glyph_text(" ") == " "
