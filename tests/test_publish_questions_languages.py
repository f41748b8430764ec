"""The publish dialog's questions (edits on the server, a moved calendar) speak the window's
language, as every other text does."""

import pytest
from PySide6.QtWidgets import QMessageBox

import carte_planner.ui.publish_dialog as publish_dialog
from carte_planner.i18n import use_language

WORDS = {
    "ru": ("Изменено на сервере", "Оставить их версию", "Другой календарь", "Удалить их оттуда"),
    "zh_CN": ("服务器上已被修改", "保留对方的", "另一个日历", "从那里删除"),
    "ar": ("تغيّر على الخادم", "أبقِ نسختهم", "تقويم آخر", "احذفها من هناك"),
}


@pytest.mark.parametrize("language", sorted(WORDS))
def test_the_questions_are_in_the_language_of_the_window(qtbot, monkeypatch, language):
    shown = []

    def answer(box):
        shown.append((box.windowTitle(), [button.text() for button in box.buttons()]))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    with use_language(language):
        assert publish_dialog.ask_conflict(None, ["Screening"]) is None
        assert publish_dialog.ask_old_events(None, "…") is None
    conflict_title, old_title = WORDS[language][0], WORDS[language][2]
    assert [title for title, _ in shown] == [conflict_title, old_title]
    assert WORDS[language][1] in shown[0][1]
    assert WORDS[language][3] in shown[1][1]
