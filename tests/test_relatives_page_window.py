"""File ▸ Save page for relatives…: a preview of exactly the page that is saved, what the
family allows on it, its language."""

from dataclasses import replace

from PySide6.QtWidgets import QFileDialog

from tests.discreet_words import MEDICAL_WORDS


def test_the_preview_shows_the_page_that_is_saved(window, tmp_path, monkeypatch):
    request = replace(window.document.request, stay_address="12 Garden Road", family_phones="+49 30 1234567")
    window.document.change(replace(request, hospital_name="Example Hospital"), "Details")
    from carte_planner.ui.relatives_page_dialog import RelativesPageDialog

    window.relatives_page_action.trigger()
    dialog = window.findChild(RelativesPageDialog)
    assert dialog is not None
    assert dialog.isVisible()
    shown = dialog.preview.toPlainText()
    assert "Our trip to Shanghai" in shown
    assert "Away from home" in shown
    for word in MEDICAL_WORDS:
        assert word not in shown.lower(), word
    assert "Garden" not in shown
    dialog.address.setChecked(True)
    dialog.phones.setChecked(True)
    assert "12 Garden Road" in dialog.preview.toPlainText()
    assert "Example Hospital" not in dialog.preview.toPlainText()
    dialog.hospital.setChecked(True)
    assert "Example Hospital" in dialog.preview.toPlainText()
    dialog.hospital.setChecked(False)
    assert "+49 30 1234567" in dialog.preview.toPlainText()
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert "Наша поездка" in dialog.preview.toPlainText()
    target = tmp_path / "for-grandma"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = dialog.save()
    assert saved == tmp_path / "for-grandma.html"
    assert saved.read_text(encoding="utf-8") == dialog.page()
    assert 'lang="ru"' in dialog.page()
