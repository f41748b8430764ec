"""Category colours and names, shared by every view and the legend."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from carte_planner.domain.categories import CATEGORIES
from carte_planner.domain.journey import Category
from carte_planner.i18n import tr


def holiday_tint(palette: QPalette) -> QColor:
    """The wash over a public holiday's day: light enough for any text on it to stay legible."""
    tint = QColor(CATEGORIES[Category.HOLIDAY].colour)
    tint.setAlpha(40 if luminance(palette.base().color()) > 0.18 else 60)
    return tint


def category_colour(category: Category) -> QColor:
    return QColor(CATEGORIES[category].colour)


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21: text needs 4.5, focus rings and large shapes 3."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever has the higher contrast ratio on `background` (one of them
    always reaches 4.5:1)."""
    # Worked out once per colour: every chip and bar of every repaint asks.
    rgba = background.rgba()
    black = _black_text.get(rgba)
    if black is None:
        black = _black_text[rgba] = contrast_ratio(_BLACK, background) >= contrast_ratio(_WHITE, background)
    return QColor(_BLACK if black else _WHITE)


_BLACK, _WHITE = QColor("#000000"), QColor("#FFFFFF")
_black_text: dict[int, bool] = {}


def readable_on(colour: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """`colour`, darkened or lightened (away from the background) until it reaches `minimum`
    against `background`: keeps the hue of a signal colour while making its text legible."""
    result = QColor(colour)
    darken = luminance(background) > 0.18
    for _ in range(40):
        if contrast_ratio(result, background) >= minimum:
            return result
        result = result.darker(110) if darken else result.lighter(110)
        if not darken and result.lightness() >= 250:
            break
    return text_colour_on(background)


def _backgrounds(palette: QPalette) -> list[QColor]:
    return [palette.base().color(), palette.alternateBase().color(), palette.window().color()]


# Worked out once per colour and palette: the views ask again for each chip on every repaint.
_readable: dict[tuple[int, tuple[int, ...]], QColor] = {}


def readable_on_all(colour: QColor, palette: QPalette) -> QColor:
    """`colour` made legible on the palette's base, alternate base and window colours at once."""
    backgrounds = _backgrounds(palette)
    key = (colour.rgba(), tuple(background.rgba() for background in backgrounds))
    found = _readable.get(key)
    if found is None:
        found = QColor(colour)
        for _ in range(3):
            for background in backgrounds:
                found = readable_on(found, background)
        if len(_readable) > 512:
            _readable.clear()
        _readable[key] = found
    return QColor(found)


WARNING = QColor("#B35900")
OVERDUE = QColor("#B33C00")


def warning_text(palette: QPalette) -> QColor:
    """Text for a value outside its range or refused: amber, legible on this palette."""
    return readable_on_all(WARNING, palette)


def overdue_text(palette: QPalette) -> QColor:
    return readable_on_all(OVERDUE, palette)


def muted_text(palette: QPalette) -> QColor:
    """Text that matters less (past dates, other months' days) and still reads at 4.5:1."""
    text, base = palette.text().color(), palette.base().color()
    mixed = QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )
    return readable_on_all(mixed, palette)


def focus_colour(palette: QPalette) -> QColor:
    """The painted views' focus ring: the highlight, unless it is fainter than 3:1 on the base."""
    return readable_on(palette.highlight().color(), palette.base().color(), 3.0)


def dark_palette() -> QPalette:
    """A dark palette (Fusion style) for screenshots and the contrast tests."""
    palette = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d8ee6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#555555",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9a9a9a"))
    return palette


def chip_fill(category: Category, busy: bool, palette: QPalette) -> QColor:
    """A chip's or bar's colour: lighter (on light palettes) or darker for a span that does not
    keep anyone busy, such as the stay or the manufacturing wait."""
    fill = category_colour(category)
    if busy:
        return fill
    return fill.lighter(135) if palette.base().color().lightness() > 128 else fill.darker(135)


def category_name(category: Category) -> str:
    return tr(CATEGORIES[category].label)
