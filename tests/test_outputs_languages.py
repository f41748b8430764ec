"""The command line's text and JSON, the calendar file and the printout in every language:
under the pseudo-language no word escapes the catalogue; in Russian, Chinese and Arabic the
words are theirs; the printout's text layer reads back in the language."""

import json
import re
import subprocess
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState, build_checklist, checklist_items
from carte_planner.export.agenda import journey_json, journey_text
from carte_planner.export.checklist_document import checklist_document, checklist_text
from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.i18n import use_language
from carte_planner.resources import load_checklist_template, load_cities
from carte_planner.tz_tables import country_names
from tests.journeys import TODAY, planned
from tests.pseudo_words import escaped_words
from tests.tools import require

REQUEST = TripRequest(
    start=date(2027, 3, 1),
    city="guangzhou",
    home_tz="Europe/Berlin",
    travellers=("Anna", "Boris"),
    home_airport="BER",
    go_home=True,
    visa_stay_days=30,
)
TEXT_KEYS = {"title", "description", "message", "estimate_note", "label", "text", "question", "when"}


def outputs(language):
    """The plan made in `language`. Its words are chosen only where they are shown, so the
    language it was planned in must not matter: each test reads it in its own."""
    with use_language(language):
        journey = planned(REQUEST, TODAY)
        checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
        questions = checklist.stage_entries("ask")
        return journey, checklist, questions


def allowed_names(journey):
    """Proper names and locale data: places, airports, zones, countries, holidays, travellers,
    and the English month and weekday names the pseudo-language's dates use."""
    names = {"Anna", "Boris", "BER", "Europe", "Berlin", "Asia", "Shanghai", "UTC", "CD", "CLL", "FLT", "PET", "CT"}
    for city in load_cities():
        names.update(re.findall(r"[^\W\d_]+", city.name))
        names.update(city.airports)
        names.add(city.name_zh)
    for code, label in country_names().items():
        names.update(re.findall(r"[^\W\d_]+", label))
        names.add(code)
    for holiday in journey.holidays:
        names.update(re.findall(r"[^\W\d_]+", holiday.name))
    for month in range(1, 13):
        names.update({date(2027, month, 1).strftime("%B"), date(2027, month, 1).strftime("%b")})
    for day in range(1, 8):
        names.update({date(2027, 3, day).strftime("%A"), date(2027, 3, day).strftime("%a")})
    return names


def json_texts(data, key=None):
    if isinstance(data, dict):
        for name, value in data.items():
            yield from json_texts(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from json_texts(value, key)
    elif isinstance(data, str) and key in TEXT_KEYS:
        yield data


def escaped(texts, allowed):
    return {text[:90]: words for text in texts if (words := escaped_words(text, allowed))}


def calendar_texts(data: bytes):
    calendar = Calendar.from_ical(data)
    texts = [str(calendar.get("X-WR-CALNAME"))]
    for component in calendar.walk():
        for name in ("SUMMARY", "DESCRIPTION"):
            if component.get(name) is not None:
                texts.append(str(component.get(name)))
    return texts


def pdf_text(path) -> str:
    require("pdftotext", "poppler-utils")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    # Not normalised: Arabic must come out as letters, not as presentation forms.
    return re.sub("[\u202a-\u202e\u200e\u200f]", "", result.stdout.decode("utf-8"))


def test_no_word_of_the_text_agenda_or_json_escapes_the_catalogue():
    journey, _checklist, questions = outputs("pseudo")
    allowed = allowed_names(journey)
    with use_language("pseudo"):
        text = journey_text(journey, questions)
        data = json.loads(journey_json(journey, questions))
    lines = [line for line in text.splitlines() if line.strip("-")]
    assert escaped(lines, allowed) == {}
    assert escaped(list(json_texts(data)), allowed) == {}


def test_no_word_of_the_calendar_file_escapes_the_catalogue():
    journey, _checklist, _questions = outputs("pseudo")
    allowed = allowed_names(journey)
    for discreet in (False, True):
        with use_language("pseudo"):
            data = export_ics(journey, ExportOptions("plan-x", datetime(2027, 1, 4, tzinfo=UTC), discreet=discreet))
        assert escaped(calendar_texts(data), allowed) == {}


def test_no_word_of_the_checklist_text_escapes_the_catalogue():
    journey, checklist, _questions = outputs("pseudo")
    with use_language("pseudo"):
        text = checklist_text(journey, checklist, markdown=True)
    lines = [line.lstrip("#-[] x") for line in text.splitlines()]
    assert escaped(lines, allowed_names(journey)) == {}


def test_no_word_of_the_printout_escapes_the_catalogue(tmp_path, qapp):
    from carte_planner.ui.printing import write_pdf

    journey, checklist, _questions = outputs("pseudo")
    with use_language("pseudo"):
        write_pdf(checklist_document(journey, checklist), tmp_path / "pseudo.pdf")
    text = pdf_text(tmp_path / "pseudo.pdf")
    # A wrapped line breaks a bracketed stretch; the text layer is read as one flow.
    assert escaped([" ".join(text.split())], allowed_names(journey)) == {}


@pytest.mark.parametrize(
    ("language", "script"),
    [("ru", r"[\u0400-\u04FF]"), ("zh_CN", r"[\u4E00-\u9FFF]"), ("ar", r"[\u0600-\u06FF]")],
)
def test_the_command_line_speaks_the_language(capsys, tmp_path, language, script):
    common = ["--start", "2027-03-01", "--city", "Guangzhou", "--home-tz", "Europe/Berlin", "--today", "2027-01-04"]
    assert main(["plan", *common, "--lang", language]) == 0
    agenda = capsys.readouterr().out
    assert main(["plan", *common, "--lang", language, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["export", *common, "--lang", language, "-o", str(tmp_path / "plan.ics")]) == 0
    written = capsys.readouterr().out
    calendar = calendar_texts((tmp_path / "plan.ics").read_bytes())
    for text in (agenda.splitlines()[0], data["items"][0]["title"], data["estimate_note"], written, calendar[0]):
        assert re.search(script, text), text


@pytest.mark.parametrize(("language", "words"), [("ru", "Проверка годности к перелёту"), ("ar", "فحص اللياقة للسفر")])
def test_the_printout_reads_back_in_the_language(tmp_path, qapp, language, words):
    from carte_planner.ui.printing import write_pdf

    journey, checklist, _questions = outputs("en")
    with use_language(language):
        write_pdf(checklist_document(journey, checklist), tmp_path / "out.pdf")
        title = journey.item("milestone:infusion").title
    text = letters(pdf_text(tmp_path / "out.pdf"))
    assert letters(words) in text
    # Word by word: pdftotext orders a right-to-left line's numbers and Latin words visually.
    assert all(letters(word) in text for word in title.split())


def letters(text: str) -> str:
    """The letters and digits only: the PDF's text layer leaves Arabic vowel marks out."""
    return "".join(c for c in text if c.isalnum() and unicodedata.category(c) != "Mn")


@pytest.mark.parametrize(
    ("language", "names", "germany"),
    [
        ("zh_CN", {"清明节", "劳动节", "端午节"}, "德国"),
        ("ru", {"Праздник Цинмин (день поминовения)", "День труда", "Праздник драконьих лодок"}, "Германия"),
        ("ar", {"عيد العمال", "مهرجان قوارب التنين"}, "ألمانيا"),
    ],
)
def test_chinas_holidays_and_the_home_country_are_named_in_the_language(language, names, germany):
    journey = planned(REQUEST, TODAY)
    with use_language(language):
        emergency = journey.home_emergency_text()
        china = {holiday.name for holiday in journey.holidays if holiday.country == "CN"}
    assert names <= china
    assert not {"Labor Day", "Dragon Boat Festival", "Tomb-Sweeping Day"} & china
    assert germany in emergency
    assert "112" in emergency
    assert "Germany" not in emergency


def test_chinas_swapped_days_off_name_their_date_in_the_language():
    from carte_planner.domain.holiday_names import holiday_name

    with use_language("zh_CN"):
        assert holiday_name("CN", "Day off (substituted from 10/10/2026)") == "调休（与2026年10月10日调换）"
        assert holiday_name("CN", "Mid-Autumn Festival; National Day (observed)") == "中秋节；国庆节（补休）"
        assert holiday_name("DE", "Tag der Deutschen Einheit") == "Tag der Deutschen Einheit"
    with use_language("en"):
        assert holiday_name("CN", "Labor Day (observed)") == "Labor Day (observed)"


def test_one_plan_reads_in_every_language_without_planning_again():
    """The domain gives codes and parameters: the same journey, planned once, is put into
    words in each language where it is shown, and back in English afterwards."""
    journey, checklist, questions = outputs("en")
    english = journey_text(journey, questions)
    scripts = {"ru": r"[\u0400-\u04FF]", "zh_CN": r"[\u4E00-\u9FFF]", "ar": r"[\u0600-\u06FF]"}
    for language, script in scripts.items():
        with use_language(language):
            text = journey_text(journey, questions)
            titles = [item.title for item in journey.items]
            notices = [notice.message for notice in journey.notices]
            entries = [entry.title for entry in checklist.entries]
        assert text != english
        for words in (*titles, *notices, *entries):
            assert re.search(script, words), (language, words)
    assert journey_text(journey, questions) == english


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("ru", ["(2 дня)", "через 5 дней", "минимум 6 дней", "через 1 день"]),
        ("ar", ["(يومين)", "بمدة 5 أيام", "6 أيام", "بمدة يوم واحد"]),
        ("en", ["(2 days)", "Day 0 5 days after", "at least 6 days", "1 day after admission"]),
    ],
)
def test_counts_in_a_sentence_take_the_languages_plural_forms(language, counts):
    """Each count in a sentence is its own plural phrase: Russian's день/дня/дней, Arabic's
    dual and its 3-10 plural, not one form for every number."""
    request = TripRequest(
        start=date(2027, 3, 1), city="guangzhou", home_tz="Europe/Berlin", phase_days=(("admission", 2),), day0_offset=5
    )
    journey = planned(request, TODAY)
    with use_language(language):
        message = next(n.message for n in journey.notices if n.code == "admission-too-short")
    for count in counts:
        assert count in message, (count, message)


# Requests that raise most of the planner's notices: a too-short admission, a trip home that
# does not fit, a stay too long for the visa, an infusion day outside admission, chemotherapy
# before admission, dates set for items the plan no longer has, one traveller, a past
# preparation step, a home country without holiday data, holidays on treatment days.
HOSTILE = [
    TripRequest(
        start=date(2027, 2, 8),
        city="beijing",
        home_tz="America/New_York",
        travellers=("Anna",),
        go_home=True,
        phase_days=(("admission", 2), ("outpatient", 80)),
        day0_offset=5,
        moved=(("prep:visa-apply", date(2027, 1, 1)), ("gone:key", date(2027, 3, 3))),
        home_country="US",
    ),
    TripRequest(
        start=date(2027, 9, 20),
        city="shanghai",
        home_tz="Asia/Dubai",
        travellers=("Anna", "Boris", "Chen"),
        chemotherapy_days=(-9, -2),
        day0_offset=3,
        home_country="AE",
        moved=(("milestone:infusion", date(2027, 12, 1)),),
    ),
    TripRequest(start=date(2028, 1, 10), city="guangzhou", home_tz="Pacific/Apia", visa_stay_days=10),
]


@pytest.mark.parametrize("request_", HOSTILE)
def test_no_notice_of_any_plan_escapes_the_catalogue(request_):
    journey = planned(request_, date(2027, 2, 1))
    checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
    questions = checklist.stage_entries("ask")
    allowed = allowed_names(journey) | set(request_.travellers)
    options = ExportOptions("plan-x", datetime(2027, 1, 4, tzinfo=UTC), checklist=tuple(checklist_items(checklist)))
    with use_language("pseudo"):
        texts = journey_text(journey, questions).splitlines()
        texts += json_texts(json.loads(journey_json(journey, questions)))
        texts += calendar_texts(export_ics(journey, replace(options, holidays=True)))
        texts += checklist_text(journey, checklist).splitlines()
    assert journey.notices
    assert escaped(texts, allowed) == {}


def test_placeholder_travellers_are_role_words_in_the_language():
    """Until names are typed, the travellers are "Patient" and "Caregiver": words of the
    reader's language, in titles and in the calendar; on the hospital's sheet they are no names."""
    from carte_planner.export.hospital_sheet import sheet_rows

    journey = planned(TripRequest(start=date(2027, 3, 1), city="guangzhou", home_tz="Europe/Berlin"), TODAY)
    with use_language("ru"):
        titles = [item.title for item in journey.items if item.traveller]
        data = export_ics(journey, ExportOptions("plan-x", datetime(2027, 1, 4, tzinfo=UTC)))
        rows = sheet_rows(journey, "ru")
    assert any(title.endswith("— Пациент") for title in titles)
    assert any(title.endswith("— Ухаживающий родственник") for title in titles)
    summaries = " ".join(calendar_texts(data))
    assert "Patient" not in summaries
    assert "Caregiver" not in summaries
    assert rows[0].value == ""


def test_the_city_list_speaks_the_language(capsys):
    assert main(["cities", "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert "аэропорты: CAN" in out
    assert "airports" not in out


@pytest.mark.parametrize("typed", ["Гуанчжоу", "гуанчжоу", "قوانغتشو", "广州", "Guangzhou"])
def test_a_city_is_found_by_its_name_in_the_familys_language(typed):
    journey = planned(TripRequest(start=date(2027, 3, 1), city=typed, home_tz="Europe/Moscow"), TODAY)
    assert journey.city.key == "guangzhou"


@pytest.mark.parametrize(("language", "city"), [("ru", "Гуанчжоу"), ("ar", "قوانغتشو"), ("en", "Guangzhou")])
def test_the_hospital_city_is_named_in_the_familys_language(language, city):
    journey, _checklist, questions = outputs("en")
    with use_language(language):
        heading = journey_text(journey, questions).splitlines()[0]
        accommodation = journey.item("stay:accommodation").title
        calendar = calendar_texts(export_ics(journey, ExportOptions("plan-x", datetime(2027, 1, 4, tzinfo=UTC))))
    assert f"{city} (广州)" in heading
    assert city in accommodation
    assert city in calendar[0]
