"""Long values in the request panel can be read whole: the city, time zone, home country and
travellers show their start, and their tooltip holds all of it."""

from dataclasses import replace


def test_long_values_are_whole_in_their_tooltips(window):
    panel = window.panel
    travellers = ("Anna-Maria Lindqvist", "Boris Wojciechowski", "Carla Montenegro-Ruiz")
    window.document.change(replace(window.document.request, travellers=travellers), "Travellers")
    for field in (panel.city, panel.home_tz, panel.home_country):
        assert field.currentText()
        assert field.toolTip().startswith(field.currentText())
    assert panel.travellers.toolTip().startswith(panel.travellers.text())
    assert "Carla Montenegro-Ruiz" in panel.travellers.toolTip()
    assert panel.travellers.cursorPosition() == 0, "the start of the list is what shows"
