"""The cards for China: each 85.6 × 54 mm on A4 and Letter, with cut marks, whose Chinese
copies out of the PDF as exactly the same characters."""

import subprocess
from datetime import date

import pytest

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.export.cards import CARD_HEIGHT_MM, CARD_WIDTH_MM, all_cards, card_slots
from carte_planner.i18n import use_language
from carte_planner.storage.planfile import save_plan
from tests.journeys import TODAY, planned
from tests.test_hospital_sheet import ADDRESS_ZH, HOSPITAL_ZH, REQUEST, STAY_ZH, compact, pdf_text
from tests.tools import require

PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}


def write_cards(tmp_path, capsys, paper="a4", language="ru", request=REQUEST):
    plan_path = tmp_path / "family.carteplan"
    save_plan(plan_path, Plan(request, "p"))
    output = tmp_path / f"cards-{paper}.pdf"
    code = main(
        [
            "cards",
            "--plan",
            str(plan_path),
            "--pdf",
            str(output),
            "--paper",
            paper,
            "--lang",
            language,
            "--today",
            "2027-01-04",
        ]
    )
    assert code == 0, capsys.readouterr().err
    return output


@pytest.mark.qt
def test_the_chinese_copies_out_of_the_pdf_exactly(tmp_path, capsys):
    text = pdf_text(write_cards(tmp_path, capsys))
    flat = compact(text)
    for chinese in (HOSPITAL_ZH, ADDRESS_ZH, compact(STAY_ZH), "请送我到这家医院：", "治疗团队24小时电话："):
        assert chinese in flat, chinese
    assert "已于2027年4月6日接受CAR-T细胞治疗" in flat
    assert "Проведена терапия CAR-T-клетками: 6 апр. 2027" in text
    assert "+86 21 6437 0099" in text
    assert "120" in text
    assert "IVANOVA ANNA" in text


def test_cards_hold_only_catalogue_sentences_and_the_familys_own_text():
    journey = planned(REQUEST, TODAY)
    cards = all_cards(journey, "ar")
    typed = {
        REQUEST.hospital_name_zh,
        REQUEST.hospital_address_zh,
        REQUEST.stay_address_zh,
        REQUEST.stay_address,
        f"{REQUEST.hospital_name}, {REQUEST.hospital_address}",
        REQUEST.team_phone,
        "IVANOVA ANNA",
        "120",
    }
    from carte_planner.i18n.catalog import translations

    catalogue = {
        language: {str(text) for text in translations(language)._catalog.values()} for language in ("zh_CN", "ar")
    }
    for card in cards:
        for line in card.lines:
            if line.text in typed:
                continue
            # A sentence with the infusion date filled in: its text before the date is the catalogue's.
            sentence = line.text.split("2027")[0].split("6 ")[0].rstrip()
            assert any(entry.startswith(sentence) for entry in catalogue[line.language]), line.text


def pgm_rows(path):
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5"
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4][: width * height]
    return width, height, pixels


def dark_runs(values):
    """Centres of the runs of dark pixels in one line of pixels."""
    runs, start = [], None
    for index, value in enumerate([*values, 255]):
        if value < 128 and start is None:
            start = index
        elif value >= 128 and start is not None:
            runs.append((start + index - 1) / 2)
            start = None
    return runs


@pytest.mark.qt
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_each_card_is_85_6_by_54_mm_between_its_cut_marks(tmp_path, capsys, paper):
    require("pdftoppm", "poppler-utils")
    pdf = write_cards(tmp_path, capsys, paper)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width_mm, height_mm = PAPER_MM[paper]
    points = f"{width_mm / 25.4 * 72:.0f} x {height_mm / 25.4 * 72:.0f} pts"
    assert points in " ".join(info.split()).replace("  ", " ")
    # 254 dots per inch: ten pixels a millimetre.
    subprocess.run(["pdftoppm", "-r", "254", "-gray", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    width, _height, pixels = pgm_rows(tmp_path / "page.pgm")
    slots = card_slots(width_mm, height_mm)
    assert len(slots) >= 6
    left, top = slots[0]
    # The vertical cut marks above the first row, 3.5 mm above the cards.
    row = round((top - 3.5) * 10)
    marks = dark_runs(pixels[row * width : (row + 1) * width])
    assert len(marks) == 4  # the left and right edge of each of the two cards in the row
    assert marks[1] - marks[0] == pytest.approx(CARD_WIDTH_MM * 10, abs=3)
    assert marks[3] - marks[2] == pytest.approx(CARD_WIDTH_MM * 10, abs=3)
    # The horizontal cut marks left of the first column, 3.5 mm beside the cards.
    column = round((left - 3.5) * 10)
    edges = dark_runs([pixels[y * width + column] for y in range(len(pixels) // width)])
    assert len(edges) >= 6  # top and bottom of each card in the column
    assert edges[1] - edges[0] == pytest.approx(CARD_HEIGHT_MM * 10, abs=3)
    assert edges[3] - edges[2] == pytest.approx(CARD_HEIGHT_MM * 10, abs=3)


@pytest.mark.qt
def test_a_card_without_the_chinese_address_leaves_a_line_to_write_it_in(tmp_path, capsys):
    request = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin")
    with use_language("en"):
        cards = all_cards(planned(request, TODAY), "en")
    assert any(line.text.startswith("____") and line.language == "zh_CN" for line in cards[0].lines)
    assert write_cards(tmp_path, capsys, "letter", "en", request).stat().st_size > 0
