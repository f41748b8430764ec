"""The catalogues: complete, faithful to the English placeholders, plural forms for each
language, compiled files that match their sources, and the glossary's terms kept."""

import re
import sys
import tomllib
from pathlib import Path

import pytest

from carte_planner.i18n import ntr, tr, use_language
from carte_planner.i18n.catalog import language_for_locale

ROOT = Path(__file__).parent.parent
LOCALE = ROOT / "resources" / "locale"
sys.path.insert(0, str(ROOT / "scripts"))

from update_translations import extract, mo_bytes, read_catalog  # noqa: E402

LANGUAGES = ["zh_CN", "ru", "ar"]
PLURALS = {"zh_CN": 1, "ru": 3, "ar": 6}
PLACEHOLDER = re.compile(r"%\d|\{\w+\}|<[a-z0-9]+>")


def catalog(code):
    return read_catalog(LOCALE / code / "LC_MESSAGES" / "carte_planner.po", code)


def entries(code):
    return [m for m in catalog(code) if m.id]


def test_the_template_holds_every_string_of_the_code():
    code_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id}
    template = read_catalog(LOCALE / "carte_planner.pot")
    assert code_ids == {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}, "run `make translations`"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_entry_is_translated(code):
    template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_catalog(LOCALE / "carte_planner.pot") if m.id}
    translated = {}
    for message in entries(code):
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        translated[key] = all(strings) and not message.fuzzy
    assert set(translated) == template
    assert [key for key, done in translated.items() if not done] == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_placeholders_match_the_english(code):
    for message in entries(code):
        if isinstance(message.id, str):
            assert sorted(PLACEHOLDER.findall(message.string)) == sorted(PLACEHOLDER.findall(message.id)), message.id
            continue
        source = set(PLACEHOLDER.findall(message.id[1]))
        for form in message.string:
            # A form for exactly one or two may spell the number out ("يومان"), never lose the rest.
            assert set(PLACEHOLDER.findall(form)) <= source, message.id
            assert source - {"{n}"} <= set(PLACEHOLDER.findall(form)), message.id


@pytest.mark.parametrize("code", LANGUAGES)
def test_plural_forms_are_complete(code):
    plural = [m for m in entries(code) if not isinstance(m.id, str)]
    assert plural, "the catalogue has plural entries"
    for message in plural:
        assert len(message.string) == PLURALS[code], message.id
        assert all(message.string), message.id


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(code):
    compiled = (LOCALE / code / "LC_MESSAGES" / "carte_planner.mo").read_bytes()
    assert compiled == mo_bytes(catalog(code)), "run `make translations` to compile the .po file"


def test_russian_and_arabic_plurals_follow_the_number():
    with use_language("ru"):
        forms = [ntr("{n} day in China", "{n} days in China", n) for n in (1, 2, 5, 21, 22, 111)]
    assert forms == [
        "1 день в Китае",
        "2 дня в Китае",
        "5 дней в Китае",
        "21 день в Китае",
        "22 дня в Китае",
        "111 дней в Китае",
    ]
    with use_language("ar"):
        forms = [ntr("{n} day in China", "{n} days in China", n) for n in (1, 2, 3, 11, 100)]
    assert forms[0] == "يوم واحد في الصين"
    assert forms[1] == "يومان في الصين"
    assert forms[2] == "3 أيام في الصين"
    assert forms[3] == "11 يومًا في الصين"
    assert forms[4] == "100 يوم في الصين"
    with use_language("en"):
        assert [ntr("{n} day in China", "{n} days in China", n) for n in (1, 2)] == [
            "1 day in China",
            "2 days in China",
        ]


def test_english_is_the_fallback_for_a_missing_catalogue_or_entry():
    with use_language("xx"):
        assert tr("Your trip") == "Your trip"
    with use_language("ru"):
        assert tr("A sentence no catalogue has") == "A sentence no catalogue has"
        assert tr("Your trip") == "Ваша поездка"


@pytest.mark.parametrize(
    ("system", "expected"),
    [("ru_RU.UTF-8", "ru"), ("zh_CN", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("ar_EG", "ar"), ("de_DE", "en"), ("C", "en")],
)
def test_the_system_locale_chooses_the_catalogue(system, expected):
    assert language_for_locale(system) == expected


def glossary():
    return tomllib.loads((LOCALE / "glossary.toml").read_text(encoding="utf-8"))


def test_the_glossary_names_every_required_term_in_every_language():
    terms = glossary()
    assert set(terms) >= {
        "day-0",
        "leukapheresis",
        "lymphodepleting-chemotherapy",
        "cell-infusion",
        "fit-to-fly",
        "exit-entry",
        "police-registration",
        "invitation-letter",
        "first-hospital-day",
        "home-medical-team",
        "treating-team",
        "seizures",
        "deposit",
    }
    for entry in terms.values():
        for code in LANGUAGES:
            assert entry[code]["term"], (entry["en"], code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_catalogues_use_the_glossary_terms(code):
    terms = glossary()
    for message in entries(code):
        english = message.id if isinstance(message.id, str) else message.id[1]
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for entry in terms.values():
            if entry["en"].lower() in english.lower():
                wanted = entry[code].get("match", entry[code]["term"])
                for text in strings:
                    assert wanted.lower() in text.lower(), (english, entry["en"], text)


@pytest.mark.parametrize(
    ("language", "shown"),
    [("ru", {1: " год", 3: " года", 5: " лет"}), ("ar", {5: " سنوات", 15: " سنةً"}), ("en", {1: " year", 5: " years"})],
)
def test_a_spin_boxs_unit_follows_its_number(qapp, language, shown):
    from PySide6.QtCore import QSignalBlocker
    from PySide6.QtWidgets import QSpinBox

    from carte_planner.i18n import ntr
    from carte_planner.ui.counted import counted_suffix
    from carte_planner.ui.fields import show_value

    with use_language(language):
        box = QSpinBox()
        box.setRange(0, 20)
        counted_suffix(box, lambda n: ntr(" year", " years", n))
        for value, suffix in shown.items():
            box.setValue(value)
            assert box.suffix() == suffix
        # The request panel shows the plan's values with the box's signals blocked.
        for value, suffix in shown.items():
            with QSignalBlocker(box):
                show_value(box, value)
            assert box.suffix() == suffix
