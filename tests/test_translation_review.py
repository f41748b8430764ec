"""The translation review's corrections, read in what a family gets in each language: the text
plan, the checklist, the calendar file, the printed PDFs, the window and the command line. Each
test looks for the corrected words and for the absence of the old ones, so that a later edit
of a catalogue or of the code cannot bring them back."""

import json
import re
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState, build_checklist
from carte_planner.export.agenda import journey_text
from carte_planner.export.checklist_document import checklist_document, checklist_text
from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.i18n import use_language
from carte_planner.resources import load_checklist_template
from carte_planner.storage.plan_codec import FORMAT
from tests.journeys import TODAY, planned
from tests.test_outputs_languages import calendar_texts, letters, pdf_text
from tests.tools import require

ZONES = {"zh_CN": "Europe/Berlin", "ru": "Europe/Moscow", "ar": "Asia/Riyadh"}


def request_for(language: str, **changes) -> TripRequest:
    """A plan from the family's home: Moscow for Russian, Riyadh for Arabic."""
    values = {"start": date(2027, 3, 1), "city": "guangzhou", "home_tz": ZONES[language], "go_home": True}
    return TripRequest(**{**values, **changes})


def read_outputs(language: str, tmp_path, **changes) -> dict[str, str]:
    """Everything a family reads of one plan in `language`: the text plan, the checklist, the
    calendar file's names and descriptions, and the checklist PDF's text layer."""
    from carte_planner.ui.printing import write_pdf

    journey = planned(request_for(language, **changes), TODAY)
    with use_language(language):
        checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
        plan = journey_text(journey, checklist.stage_entries("ask"))
        listed = checklist_text(journey, checklist)
        calendar = "\n".join(
            calendar_texts(export_ics(journey, ExportOptions("plan-x", datetime(2027, 1, 4, tzinfo=UTC))))
        )
        write_pdf(checklist_document(journey, checklist), tmp_path / f"{language}.pdf")
    # A PDF line wraps anywhere: its words are read as one flow.
    printed = " ".join(pdf_text(tmp_path / f"{language}.pdf").split())
    return {"plan": plan, "checklist": listed, "calendar": calendar, "pdf": printed}


def flat(text: str) -> str:
    """Words on single spaces, as a wrapped calendar description or PDF line reads."""
    return " ".join(text.split())


# Chinese


def test_chinese_names_the_hospital_city_in_chinese_alone(tmp_path, qapp):
    outputs = read_outputs("zh_CN", tmp_path)
    assert outputs["plan"].splitlines()[0] == "前往广州的 CAR-T 就医行程：典型方案"
    assert outputs["checklist"].splitlines()[0] == "前往广州的 CAR-T 就医行程：清单"
    assert outputs["calendar"].splitlines()[0] == "CAR-T 就医行程 — 广州"
    assert "飞往广州的去程航班" in outputs["calendar"]
    assert "广州医院附近的住处" in outputs["plan"]
    for name, text in outputs.items():
        assert "Guangzhou" not in text, name
        assert "前往 " not in text, name


def test_the_chinese_window_names_the_city_in_chinese_alone(qtbot, settings):
    from carte_planner.ui.language import apply_language
    from tests.test_window_languages import open_window

    apply_language("zh_CN")
    try:
        win = open_window(qtbot, settings)
        win.document.change(replace(win.document.request, city="guangzhou"), "Move")
        summary = win.summary.summary.text()
    finally:
        apply_language("en")
    assert "广州" in summary
    assert "Guangzhou" not in summary
    assert "广州 (广州)" not in summary


def test_the_first_hospital_day_is_shou_ci_dao_yuan_ri(tmp_path, qapp, qtbot, settings):
    from PySide6.QtWidgets import QLabel

    from carte_planner.ui.language import apply_language
    from tests.test_window_languages import open_window

    outputs = read_outputs("zh_CN", tmp_path)
    assert outputs["plan"].splitlines()[1].startswith("首次到院日：")
    assert "从首次到院日倒推" in outputs["checklist"]
    assert "首次到院日" in outputs["calendar"]
    for name, text in outputs.items():
        assert "第一个医院日" not in text, name
    apply_language("zh_CN")
    try:
        win = open_window(qtbot, settings)
        labels = [label.text() for label in win.findChildren(QLabel)]
    finally:
        apply_language("en")
    assert any(text.startswith("首次到院日（开始筛查）") for text in labels), labels
    assert not any("第一个医院日" in text for text in labels)


def test_chinese_minor_wording(tmp_path, qapp):
    outputs = read_outputs("zh_CN", tmp_path)
    everything = "\n".join(outputs.values())
    assert "特殊血液成分（如辐照血）" in outputs["plan"]
    assert "特殊血液制品" not in everything
    assert "第 1 次门诊复诊" in outputs["plan"]
    assert "门诊复诊 1" not in everything
    assert "患者，陪护人" in outputs["calendar"]
    assert "患者, 陪护人" not in flat(outputs["calendar"]).replace("\\,", ",")
    assert "请拨打您本国的急救电话" in outputs["checklist"]
    assert "请拨打 您本国" not in everything
    assert "到期" not in outputs["checklist"]


# Russian


def test_russian_names_the_doctors_a_family_calls(tmp_path, qapp):
    outputs = read_outputs("ru", tmp_path)
    warning_signs = (
        "звоните врачу, наблюдающему пациента дома (гематологу), и лечащим врачам в Китае. "
        "В экстренном случае на родине звоните на номер экстренной помощи (Россия: 103)."
    )
    assert warning_signs in outputs["checklist"]
    assert flat(warning_signs) in outputs["pdf"]
    assert "120, а также лечащие врачи больницы" in outputs["pdf"]
    assert "врачу, наблюдающему пациента дома (гематологу), или лечащим врачам в Китае" in flat(outputs["calendar"])
    for name, text in outputs.items():
        assert "команд" not in text.lower(), name


def test_russian_minor_wording(tmp_path, qapp):
    outputs = read_outputs("ru", tmp_path)
    everything = "\n".join(outputs.values())
    assert "Например, повышение температуры, озноб" in outputs["checklist"]
    assert "жар," not in everything
    assert "— Ухаживающий родственник" in outputs["plan"]
    assert not re.search(r"Ухаживающий(?! родственник)", everything)
    assert "за 7 дней до окончания срока, то есть не позднее" in flat(outputs["calendar"])
    # An abbreviated date ("21 апр. 2027 г.") never takes a second full stop.
    assert "г.." not in everything
    assert "Экстренная помощь на родине" in outputs["pdf"]


def test_the_russian_online_registration_hint_names_the_host(tmp_path):
    # 2027-05-01 is Labour Day in China: the day of arrival is a closed day.
    journey = planned(request_for("ru", start=date(2027, 5, 6), go_home=False, arrive_days_before=5), TODAY)
    with use_language("ru"):
        texts = [str(item.description) for item in journey.items if item.key.startswith("visa:registration")]
    assert texts
    assert all("попросите принимающую сторону или арендодателя зарегистрировать вас онлайн" in t for t in texts)


# Arabic


def test_arabic_seizures_deposit_and_the_ambiguous_bi_weekly(tmp_path, qapp):
    outputs = read_outputs("ar", tmp_path)
    everything = "\n".join(outputs.values())
    assert "والارتجاف والتشنجات (نوبات الصرع) أو النزيف" in outputs["checklist"]
    assert letters("التشنجات (نوبات الصرع)") in letters(outputs["pdf"])
    assert "والنوبات" not in everything
    assert "ومبلغ التأمين (الوديعة) وكيفية استرداده" in outputs["plan"]
    assert "العربون" not in everything
    note = 'وكلمة "bi-weekly" قد تعني مرتين في الأسبوع أو مرة كل أسبوعين'
    assert note in outputs["plan"]
    assert note in flat(outputs["calendar"])
    assert "«أسبوعيًا أو كل أسبوعين» بعبارة" not in everything


def test_an_arabic_extension_too_soon_after_arrival_reads_before_the_stay_ends():
    journey = planned(request_for("ar", go_home=False, visa_stay_days=7), TODAY)
    with use_language("ar"):
        text = journey_text(journey, ())
    assert "فلا يمكن تقديم طلب التمديد قبل انتهائها بـ7 أيام" in text
    assert "لتقديم طلب التمديد قبل 7" not in text


def test_arabic_minor_wording(tmp_path, qapp):
    outputs = read_outputs("ar", tmp_path)
    everything = "\n".join(outputs.values())
    assert "بـ يوم" not in everything
    assert "اتصل برقم الطوارئ في بلدك" in outputs["checklist"]
    assert "بـرقم" not in everything
    assert "المريض، المرافق" in flat(outputs["calendar"]).replace("\\,", ",")
    assert "جواز السفر يبقى لدى المكتب أثناء التمديد" in outputs["plan"] + outputs["checklist"]
    assert "محتجز" not in everything
    assert "تقارير التشريح المرضي" in outputs["checklist"]
    assert "مرتين في الأسبوع (يومي الاثنين والخميس)" in outputs["plan"]


def test_an_arabic_weekday_in_a_sentence_is_yawm_al():
    from carte_planner.domain.assumptions import visit_rhythm_text

    with use_language("ar"):
        assert str(visit_rhythm_text("weekly", ("TU",))) == "مرة في الأسبوع (يوم الثلاثاء)"
    with use_language("en"):
        assert str(visit_rhythm_text("weekly", ("TU",))) == "once a week (Tuesday)"


@pytest.mark.parametrize(("value", "suffix"), [(2, " يومان"), (5, " أيام"), (12, " يومًا")])
def test_arabic_spin_boxes_count_days_and_hours(qapp, value, suffix):
    from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

    from carte_planner.i18n import ntr, tr
    from carte_planner.ui.counted import counted_suffix

    with use_language("ar"):
        days = QSpinBox()
        days.setRange(0, 30)
        counted_suffix(days, lambda n: ntr(" day", " days", n))
        days.setValue(value)
        hours = QDoubleSpinBox()
        hours.setRange(1, 40)
        counted_suffix(hours, lambda h: ntr(" hour", " hours", int(h)) if h == int(h) else tr(" h"))
        shown = {}
        for number in (2, 5, 12.5):
            hours.setValue(number)
            shown[number] = hours.suffix()
    assert days.suffix() == suffix
    assert shown == {2: " ساعتان", 5: " ساعات", 12.5: " ساعة"}


# All three


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", "'many' 不是有效的整数"),
        ("ru", "'many' — это не целое число"),
        ("ar", "القيمة 'many' ليست عددًا صحيحًا"),
    ],
)
def test_a_number_option_refuses_in_the_language(capsys, language, words):
    code = main(["plan", "--travellers", "many", "--lang", language])
    err = capsys.readouterr().err
    assert code == 2
    assert words in err
    assert "int" not in err


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", "文件由更新版本的 Carte Planner 创建"),
        ("ru", "его создала более новая версия Carte Planner"),
        ("ar", "أُنشئ بإصدار أحدث من Carte Planner"),
    ],
)
def test_a_plan_from_a_newer_version_is_refused_in_the_language(capsys, tmp_path, language, words):
    path = tmp_path / "newer.carteplan"
    path.write_text(json.dumps({"format": FORMAT, "version": 999}), encoding="utf-8")
    assert main(["plan", "--plan", str(path), "--lang", language]) != 0
    err = capsys.readouterr().err
    assert words in err
    assert "newer version" not in err


def test_chinese_help_headings_take_the_chinese_colon(capsys):
    with pytest.raises(SystemExit):
        main(["plan", "--help", "--lang", "zh_CN"])
    out = capsys.readouterr().out
    assert "\n选项：\n" in out
    assert "选项:" not in out


def raw_pdf_text(path) -> str:
    """The text in the order it is drawn (pdftotext -raw): a left-to-right line keeps its
    full stop at its end whatever the page's main direction."""
    require("pdftotext", "poppler-utils")
    result = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return re.sub("[\u202a-\u202e\u200e\u200f\u2066-\u2069]", "", result.stdout.decode("utf-8"))


def test_the_arabic_sheets_chinese_note_keeps_its_own_direction(tmp_path, qapp):
    from carte_planner.export.hospital_sheet import hospital_sheet
    from carte_planner.ui.printing import write_pdf

    journey = planned(request_for("ar"), TODAY)
    with use_language("ar"):
        write_pdf(hospital_sheet(journey), tmp_path / "sheet.pdf")
    text = raw_pdf_text(tmp_path / "sheet.pdf")
    assert "日期均为估计：以医院自己的安排为准。" in text
    assert "。日期均为估计" not in text


@pytest.mark.parametrize(("language", "day"), [("zh_CN", "由 2027-02-20 调休"), ("ar", "بدلًا من 20 فبراير 2027")])
def test_a_swapped_home_holiday_gives_its_date_in_the_language(language, day):
    journey = planned(request_for("ru"), TODAY)
    with use_language(language):
        text = journey_text(journey, ())
    assert not re.search(r"\d\d/\d\d/\d{4}", text)
    assert day in text
