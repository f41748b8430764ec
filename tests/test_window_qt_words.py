"""The words Qt draws itself (standard buttons, the text fields' context menu, the scroll
bar's, the file and print dialogs) follow the window's language, and go back to English."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

import carte_planner.ui
from carte_planner.i18n import LANGUAGES, current_language
from carte_planner.ui.language import QT_CATALOGUES, apply_language, qt_speaks
from tests.gui import forget_changes

# The real static prompt, before the test configuration replaces it for every test.
REAL_QUESTION = QMessageBox.question

Button = QDialogButtonBox.StandardButton
Answer = QMessageBox.StandardButton

# What a reader of each language sees; the English is Qt's own.
CONTEXT_MENU = {
    "en": ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"],
    "ru": [
        "&Отменить действие",
        "&Повторить действие",
        "&Вырезать",
        "&Копировать",
        "В&ставить",
        "Удалить",
        "Выделить всё",
    ],
    "ar": ["&تراجع", "أ&عد", "&قصّ", "ا&نسخ", "أل&صق", "احذف", "حدّد الكلّ"],
    "zh_CN": ["撤消(&U)", "重做(&R)", "剪切(&T)", "复制(&C)", "粘贴(&P)", "删除", "全选"],
}
SAVE_DISCARD_CANCEL = {
    "en": ("Save", "Discard", "Cancel"),
    # Qt's own "Reject" for Discard is replaced by the application's "Don't save".
    "ru": ("Сохранить", "Не сохранять", "Отмена"),
    "ar": ("احفظ", "لا تحفظ", "ألغِ"),
    "zh_CN": ("保存", "不保存", "取消"),
}
TRANSLATED = ["ru", "ar", "zh_CN"]


@pytest.fixture
def speak(qtbot):
    """Switch the language for one test, and back to English after it."""
    yield apply_language
    apply_language("en")


def context_menu_texts() -> list[str]:
    field = QLineEdit()
    menu = field.createStandardContextMenu()
    return [action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator()]


def button_texts(box: QDialogButtonBox) -> tuple[str, ...]:
    return tuple(box.button(button).text() for button in (Button.Save, Button.Discard, Button.Cancel))


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_text_fields_context_menu_speaks_the_language_and_english_again(speak, language):
    assert context_menu_texts() == CONTEXT_MENU["en"]
    speak(language)
    assert context_menu_texts() == CONTEXT_MENU[language]
    speak("en")
    assert context_menu_texts() == CONTEXT_MENU["en"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_standard_buttons_take_the_new_words_while_they_are_shown(qtbot, speak, language):
    box = QDialogButtonBox(Button.Save | Button.Discard | Button.Cancel)
    qtbot.addWidget(box)
    box.show()
    assert button_texts(box) == SAVE_DISCARD_CANCEL["en"]
    speak(language)
    qtbot.waitUntil(lambda: button_texts(box) == SAVE_DISCARD_CANCEL[language])
    speak("en")
    qtbot.waitUntil(lambda: button_texts(box) == SAVE_DISCARD_CANCEL["en"])


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_scroll_bar_and_the_dialogs_qt_draws_speak_the_language(speak, language):
    english = [("QScrollBar", "Scroll here"), ("QScrollBar", "Page up"), ("QFileDialog", "File &name:")]
    english += [("QPrintDialog", "Print"), ("QPrintPreviewDialog", "Page Setup")]
    speak(language)
    for context, text in english:
        assert QCoreApplication.translate(context, text) != text, (context, text)


def test_english_and_the_pseudo_language_read_no_qt_translation(speak):
    speak("ru")
    assert qt_speaks() is not None
    for language in ("en", "pseudo"):
        speak(language)
        assert qt_speaks() is None
        assert context_menu_texts() == CONTEXT_MENU["en"]


def test_every_language_but_english_has_qts_words():
    """A language added to View ▸ Language needs Qt's catalogue too (and the bundle keeps it)."""
    assert set(QT_CATALOGUES) == set(LANGUAGES) - {"en"} == set(TRANSLATED)


def answer_the_prompt(seen: dict[str, tuple[str, ...]]) -> None:
    """Reads the prompt's buttons as the user sees them, then cancels it."""
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen["buttons"] = tuple(box.button(b).text().replace("&", "") for b in (Answer.Save, Answer.Discard, Answer.Cancel))
    box.button(Answer.Cancel).click()


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_unsaved_changes_prompt_answers_in_the_window_language(window, qtbot, monkeypatch, speak, language):
    window.panel.travellers.setText("Anna, Boris")
    window.panel.travellers.editingFinished.emit()
    # View ▸ Language, as the user switches it: the window speaks the language in place.
    action = next(a for a in window.language_group.actions() if a.data() == language)
    action.trigger()
    successor = window
    assert current_language() == language
    assert successor.document.modified
    monkeypatch.setattr(QMessageBox, "question", REAL_QUESTION)
    seen: dict[str, tuple[str, ...]] = {}
    QTimer.singleShot(0, lambda: answer_the_prompt(seen))
    assert successor.maybe_save() is False  # cancelled: the plan stays open, unsaved
    assert seen["buttons"] == SAVE_DISCARD_CANCEL[language]


@pytest.mark.qt_log_ignore("qtbase_missing.qm is not in")
def test_a_missing_qt_translation_is_reported_and_qt_stays_english(qtlog, monkeypatch, speak):
    monkeypatch.setitem(QT_CATALOGUES, "ru", "qtbase_missing")
    speak("ru")
    assert qt_speaks() is None
    assert any("qtbase_missing.qm is not in" in record.message for record in qtlog.records)
    assert context_menu_texts() == CONTEXT_MENU["en"]


# The answers of the app's own message boxes, as each language reads them (Russian keeps "OK").
MESSAGE_BOX_BUTTONS = {
    "Yes": {"en": "&Yes", "ru": "&Да", "ar": "&نعم", "zh_CN": "是(&Y)"},
    "No": {"en": "&No", "ru": "&Нет", "ar": "&لا", "zh_CN": "否(&N)"},
    "Save": {"en": "Save", "ru": "Сохранить", "ar": "احفظ", "zh_CN": "保存"},
    "Discard": {"en": "Discard", "ru": "Не сохранять", "ar": "لا تحفظ", "zh_CN": "不保存"},
    "Cancel": {"en": "Cancel", "ru": "Отмена", "ar": "ألغِ", "zh_CN": "取消"},
    "Close": {"en": "Close", "ru": "Закрыть", "ar": "أغلق", "zh_CN": "关闭"},
    "Open": {"en": "Open", "ru": "Открыть", "ar": "افتح", "zh_CN": "打开"},
    "Ok": {"en": "OK", "ru": "OK", "ar": "حسنًا", "zh_CN": "确定"},
}


def test_every_answer_the_app_asks_for_is_in_the_table():
    """A message box with a new kind of button gets its words checked below."""
    ui = Path(carte_planner.ui.__file__).parent
    used = {name for path in ui.glob("*.py") for name in re.findall(r"StandardButton\.(\w+)", path.read_text("utf-8"))}
    assert {"Save", "Discard", "Cancel"} <= used
    assert used - {"NoButton"} <= set(MESSAGE_BOX_BUTTONS)


@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_message_box_answers_speak_the_language(qtbot, speak, language):
    speak(language)
    box = QMessageBox()
    qtbot.addWidget(box)
    for name, words in MESSAGE_BOX_BUTTONS.items():
        button = box.addButton(getattr(Answer, name))
        assert button.text() == words[language], name


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_print_preview_speaks_the_window_language(window, qtbot, speak, language):
    from PySide6.QtWidgets import QPushButton

    from carte_planner.ui.print_preview import PrintPreview

    successor = window.switch_language(language)
    qtbot.addWidget(successor, before_close_func=forget_changes)
    successor.print_action.trigger()
    qtbot.waitUntil(lambda: bool(successor.findChildren(PrintPreview)))
    preview = successor.findChildren(PrintPreview)[0]
    qtbot.waitUntil(preview.isVisible)
    texts = {button.text() for button in preview.findChildren(QPushButton)}
    preview.close()
    assert len(texts) == 3
    assert not texts & {"&Print…", "Save as P&DF…", "&Close", "Close"}


def dialog_labels(dialog) -> set[str]:
    from PySide6.QtWidgets import QLabel

    return {label.text() for label in dialog.findChildren(QLabel) if any(c.isalpha() for c in label.text())}


def qt_dialogs() -> list:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QFileDialog

    files = QFileDialog(None, "")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as where no desktop offers one
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    printer = QPrinter()
    return [files, QPrintDialog(printer), printer]


@pytest.mark.parametrize("language", TRANSLATED)
def test_qts_file_and_print_dialogs_have_no_english_label_left(speak, language):
    """Including "&Look in:" and "Page &Set:", which Qt's catalogues hold without the &."""
    files, printing, _printer = qt_dialogs()
    english = dialog_labels(files) | dialog_labels(printing)
    assert {"&Look in:", "Files of &type:", "File &name:", "Page &Set:"} <= english
    speak(language)
    files, printing, _printer = qt_dialogs()
    translated = dialog_labels(files) | dialog_labels(printing)
    assert len(translated) >= len(english) - 1
    assert not translated & english


START_UP = """
from PySide6.QtWidgets import QDialogButtonBox
from carte_planner.ui.app import make_app
from carte_planner.ui.language import qt_speaks
app = make_app([])
box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
print(box.buttons()[0].text(), qt_speaks() is not None)
"""


@pytest.mark.parametrize(("system", "expected"), [("ru_RU.UTF-8", "Сохранить True"), ("C.UTF-8", "Save False")])
def test_the_first_start_gives_qts_words_the_systems_language(tmp_path, system, expected):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "LANG": system}
    env |= {"QT_QPA_PLATFORM": "offscreen", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    result = subprocess.run([sys.executable, "-c", START_UP], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
