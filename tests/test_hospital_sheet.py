"""The sheet for China: one page in Chinese with the family's language beside it, whose
Chinese hospital name and address copy out of the PDF as exactly the same characters."""

import json
import subprocess
from datetime import date

import pytest

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.i18n import use_language
from carte_planner.i18n.dates import format_day
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from tests.journeys import REFERENCE, planned
from tests.tools import require

HOSPITAL_ZH = "上海交通大学医学院附属瑞金医院"
ADDRESS_ZH = "上海市黄浦区瑞金二路197号"
STAY_ZH = "上海市黄浦区建国中路28号 3单元1201室"
REQUEST = TripRequest(
    start=date(2027, 3, 1),
    city="shanghai",
    home_tz="Europe/Moscow",
    travellers=("Anna", "Boris"),
    hospital_name="Ruijin Hospital",
    hospital_name_zh=HOSPITAL_ZH,
    hospital_address="197 Ruijin 2nd Road, Huangpu",
    hospital_address_zh=ADDRESS_ZH,
    hospital_phone="+86 21 6437 0045",
    passport_names="IVANOVA ANNA, IVANOV BORIS",
    stay_address="28 Jianguo Middle Road, unit 3-1201",
    stay_address_zh=STAY_ZH,
    family_phones="+86 138 0000 0001, +86 138 0000 0002",
    interpreter_phone="+86 139 1111 2222",
    team_phone="+86 21 6437 0099",
)


def pdf_text(path) -> str:
    require("pdftotext", "poppler-utils")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "trip.carteplan"
    path.write_bytes(plan_to_bytes(Plan(REQUEST, "plan-sheet")))
    return path


def test_the_sheet_fields_are_kept_in_the_plan_file(plan_file):
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    assert data["request"]["sheet"]["stay_address_zh"] == STAY_ZH
    assert plan_from_bytes(plan_file.read_bytes(), REFERENCE).request == REQUEST


@pytest.mark.qt
def test_the_sheet_reads_back_in_chinese_and_russian(plan_file, tmp_path, capsys):
    output = tmp_path / "sheet.pdf"
    assert main(["sheet", "--plan", str(plan_file), "--pdf", str(output), "--lang", "ru", "--today", "2027-01-04"]) == 0
    assert "Лист для больницы" in capsys.readouterr().out
    text = pdf_text(output)
    pages = text.split("\f")[:-1]
    assert len(pages) == 1
    flat = compact(text)
    # The Chinese hospital name and addresses are exact, large enough to read, and copy out as text.
    for chinese in (HOSPITAL_ZH, ADDRESS_ZH, compact(STAY_ZH)):
        assert chinese in flat
    journey = planned(REQUEST)
    for value in ("IVANOVA ANNA", "IVANOV BORIS", "Ruijin Hospital", "+86 138 0000 0001", "+86 139 1111 2222"):
        assert compact(value) in flat
    assert "+862164370099" in flat
    assert "120" in flat
    with use_language("zh_CN"):
        chinese_days = [format_day(journey.item(k).start) for k in ("milestone:admission", "milestone:infusion")]
    with use_language("ru"):
        russian_days = [format_day(journey.item(k).start) for k in ("milestone:admission", "milestone:infusion")]
    for day in (*chinese_days, *russian_days):
        assert compact(day) in flat
    for label in (
        "患者姓名（同护照）",
        "入院日期",
        "回输",
        "急救电话",
        "日期均为估计",
        "Даты — это оценки",
        "Скорая помощь",
    ):
        assert compact(label) in flat, label


@pytest.mark.qt
def test_the_sheet_follows_the_window_language_when_none_is_given(plan_file, tmp_path):
    output = tmp_path / "sheet.pdf"
    assert main(["sheet", "--plan", str(plan_file), "--pdf", str(output), "--lang", "ar"]) == 0
    flat = compact(pdf_text(output))
    assert HOSPITAL_ZH in flat
    assert compact("الفريق المعالج") in flat


def test_arrival_is_the_day_the_flight_lands_in_china():
    """An overnight flight from Moscow lands the next day: the sheet gives that day."""
    from carte_planner.export.hospital_sheet import sheet_rows

    journey = planned(REQUEST)
    outbound = journey.item("flight:outbound")
    assert outbound.end > outbound.start
    with use_language("en"):
        rows = {row.other or row.chinese: row.value for row in sheet_rows(journey, "en")}
        assert format_day(outbound.end) in rows["Date of arrival in China"]
        assert format_day(outbound.start) not in rows["Date of arrival in China"]


def test_arabic_commas_separate_passport_names():
    from dataclasses import replace

    from carte_planner.export.hospital_sheet import sheet_rows

    journey = planned(replace(REQUEST, passport_names="AHMED MAHMOUD، FATMA HASSAN"))
    rows = {row.chinese: row.value for row in sheet_rows(journey, "ar")}
    assert rows["患者姓名（同护照）"] == "AHMED MAHMOUD"
    assert rows["陪同人员姓名（同护照）"] == "FATMA HASSAN"


@pytest.mark.qt
def test_the_sheet_reads_like_a_chinese_patient_form(tmp_path, capsys):
    """Title 患者就医信息单, the labels a nurse expects, the family's typed diagnosis, allergies,
    languages and (only when given) passport numbers, on one page."""
    from dataclasses import replace

    request = replace(
        REQUEST,
        birth_date="1971-05-02",
        diagnosis="AML, relapsed (FLT3-ITD)",
        allergies="Penicillin",
        languages="Russian, some English",
    )
    path = tmp_path / "trip.carteplan"
    path.write_bytes(plan_to_bytes(Plan(request, "plan-sheet")))
    output = tmp_path / "sheet.pdf"
    assert main(["sheet", "--plan", str(path), "--pdf", str(output), "--lang", "ru", "--today", "2027-01-04"]) == 0
    capsys.readouterr()
    text = pdf_text(output)
    assert len(text.split("\f")[:-1]) == 1
    flat = compact(text)
    labels = (
        "患者就医信息单",
        "患者姓名（同护照）",
        "出生日期",
        "诊断",
        "过敏史",
        "使用语言",
        "预计出院日期",
        "主治医疗组电话（24小时）",
        "翻译电话",
        "在华住址",
    )
    for label in labels:
        assert label in flat, label
    for value in ("1971-05-02", "AML,relapsed(FLT3-ITD)", "Penicillin", "Russian,someEnglish"):
        assert value in flat, value
    assert "护照号码" not in flat  # not asked for: no passport numbers on the sheet
    path.write_bytes(plan_to_bytes(Plan(replace(request, passport_numbers="75 1234567"), "plan-sheet")))
    assert main(["sheet", "--plan", str(path), "--pdf", str(output), "--today", "2027-01-04"]) == 0
    assert "护照号码" in compact(pdf_text(output))
