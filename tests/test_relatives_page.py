"""The page for relatives (carte-planner share): one self-contained HTML file, no script, no
resource from the network, markup a strict parser reads back, the plan's dates, the discreet
words of the relatives' calendar, and nothing of the family's documents or money."""

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from carte_planner.cli import main
from carte_planner.domain.journey import Category
from carte_planner.domain.plan import Plan
from carte_planner.export.relatives_page import PageOptions, relatives_page
from carte_planner.i18n import use_language
from carte_planner.storage.planfile import save_plan
from tests.discreet_words import MEDICAL_WORDS
from tests.journeys import planned
from tests.test_papers_privacy import MONEY, PAPERS, REQUEST, TODAY, assert_no_secret

PRIVATE = replace(
    REQUEST,
    hospital_name="Example Hospital",
    diagnosis="AML relapse",
    stay_address="12 <Garden> Road & Co",
    family_phones="+49 30 1234567",
)


def parsed(page: str) -> ET.Element:
    """The page read back by a strict XML parser: every tag closed, every & escaped."""
    return ET.fromstring(page.split("\n", 1)[1])  # after <!DOCTYPE html>


def write_page(tmp_path, capsys, *flags, language="en"):
    plan_path = tmp_path / "trip.carteplan"
    save_plan(plan_path, Plan(PRIVATE, "plan-page", papers=PAPERS, money=MONEY))
    page = tmp_path / "relatives.html"
    argv = ["share", "--plan", str(plan_path), "--html", str(page), "--today", "2027-01-04", "--lang", language]
    assert main([*argv, *flags]) == 0, capsys.readouterr().err
    assert "relatives.html" in capsys.readouterr().out
    return page.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "zh_CN", "ru", "ar"])
def test_the_page_is_self_contained_and_valid(tmp_path, capsys, language):
    page = write_page(tmp_path, capsys, "--with-address", "--with-phones", language=language)
    assert page.startswith("<!DOCTYPE html>\n")
    root = parsed(page)
    assert root.get("lang") == language.replace("_", "-")
    assert root.get("dir") == ("rtl" if language == "ar" else "ltr")
    assert "<script" not in page.lower()
    for element in root.iter():
        assert element.tag not in ("script", "link", "img", "iframe", "object", "embed", "base")
        for name, value in element.attrib.items():
            assert "http" not in value.lower(), (element.tag, name)
            assert not name.lower().startswith("on"), (element.tag, name)
    assert "url(" not in page  # no style that fetches anything
    assert "@import" not in page


def test_the_pages_dates_are_the_plans(tmp_path, capsys):
    page = write_page(tmp_path, capsys)
    journey = planned(PRIVATE, TODAY)
    summary = journey.summary
    glance = {
        dt.text: [t.get("datetime") for t in dd.iter("time")]
        for dt, dd in zip(parsed(page).iter("dt"), parsed(page).iter("dd"), strict=True)
    }
    outbound = next(item for item in journey.items if item.category is Category.FLIGHT)
    assert glance["Leaving home"] == [outbound.start.isoformat()]
    assert glance["Arrival in Shanghai"] == [summary.arrival.isoformat()]
    assert glance["Away from home"] == [summary.arrival.isoformat(), summary.return_date.isoformat()]
    assert glance["Back home"] == [summary.return_date.isoformat()]
    rows = [[t.get("datetime") for t in row.iter("time")] for row in parsed(page).iter("tr")]
    expected = sorted(
        (item.start, item.end)
        for item in journey.items
        if item.category in (Category.FLIGHT, Category.ACCOMMODATION, Category.MILESTONE, Category.OUTPATIENT_VISIT)
    )
    assert rows == [[s.isoformat()] if s == e else [s.isoformat(), e.isoformat()] for s, e in expected]


@pytest.mark.parametrize("language", ["en", "zh_CN", "ru", "ar"])
def test_the_page_names_no_treatment_and_no_papers_or_money(tmp_path, capsys, language):
    page = write_page(tmp_path, capsys, "--with-address", "--with-phones", language=language)
    text = page.lower()
    for word in (*MEDICAL_WORDS, "relapse", "example"):
        assert word not in text, word
    assert_no_secret(page.encode("utf-8"))
    titles = {row.findall("td")[1].text for row in parsed(page).iter("tr")}
    with use_language(language):
        from carte_planner.i18n import tr

        assert titles <= {tr("Travel"), tr("Away"), tr("Appointment")}


def test_address_and_phones_only_when_the_family_allows_them(tmp_path, capsys):
    hidden = write_page(tmp_path, capsys)
    assert "Garden" not in hidden
    assert "1234567" not in hidden
    shown = write_page(tmp_path, capsys, "--with-address", "--with-phones")
    assert "12 &lt;Garden&gt; Road &amp; Co" in shown  # escaped, shown as typed
    assert "+49 30 1234567" in shown
    assert "Road & Co" in "".join(parsed(shown).itertext())


def test_every_text_is_escaped():
    journey = planned(replace(PRIVATE, stay_address='<script>alert("x")</script>'), TODAY)
    page = relatives_page(journey, PageOptions(address=True), TODAY)
    assert "<script" not in page
    parsed(page)
    assert re.search(r"&lt;script&gt;", page)


def test_every_word_of_the_page_is_in_the_language_picked(tmp_path, capsys):
    page = write_page(tmp_path, capsys, language="ru")
    text = "".join(parsed(page).itertext())
    assert "Страница составлена" in text
    assert not re.search(r"\b(Page|made|Travel|Away|Appointment|glance|Leaving|Back home)\b", text)


def test_the_hospital_is_named_only_when_the_family_allows_it(tmp_path, capsys):
    assert "Example Hospital" not in write_page(tmp_path, capsys, "--with-address", "--with-phones")
    shown = write_page(tmp_path, capsys, "--with-hospital")
    glance = dict(zip((dt.text for dt in parsed(shown).iter("dt")), parsed(shown).iter("dd"), strict=True))
    assert "".join(glance["Appointments at"].itertext()) == "Example Hospital"
