"""Screen-reader access to the painted views: each chip of the month grid and each bar of the
timeline is an accessible child with a name, a role, a state and a place on screen.

The month grid and the timeline paint their items, so Qt alone sees one blank widget. A
factory gives those widgets an interface whose children are the painted items, read from the
view each time an assistive tool asks, so they are never out of date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, QRectF
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from carte_planner.domain.journey import Journey, Occurrence
from carte_planner.ui.dates import day_span_label, span_text
from carte_planner.ui.palette import category_name


@dataclass(frozen=True)
class AccessibleItem:
    """One painted item as a screen reader gets it."""

    name: str
    description: str
    rect: QRectF  # in the view's coordinates
    selected: bool

    @classmethod
    def of_line(
        cls, text: str, line: Occurrence, rect: QRectF, selected_key: str, journey: Journey | None = None
    ) -> AccessibleItem:
        """A chip or bar showing `text` for one agenda line: named with its dates and its Day
        ±N, described by its kind."""
        days = day_span_label(journey, line.day, line.end) if journey is not None else ""
        return cls(
            ", ".join(part for part in (text, span_text(line.day, line.end), days) if part),
            category_name(line.item.category),
            rect,
            line.key == selected_key,
        )


class ItemInterface(QAccessibleInterface):
    """The `index`th painted item of a view. Asks the view afresh on every call."""

    def __init__(self, view_interface: ViewInterface, index: int) -> None:
        super().__init__()
        self._view_interface = view_interface
        self._index = index

    def _item(self) -> AccessibleItem | None:
        items = self._view_interface.items()
        return items[self._index] if 0 <= self._index < len(items) else None

    def isValid(self) -> bool:
        return self._item() is not None

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self):
        return self._view_interface.window()

    def parent(self) -> QAccessibleInterface:
        return self._view_interface

    def child(self, _index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def text(self, kind: QAccessible.Text) -> str:
        item = self._item()
        if item is None:
            return ""
        if kind == QAccessible.Text.Name:
            return item.name
        if kind == QAccessible.Text.Description:
            return item.description
        return ""

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:
        return None

    def rect(self) -> QRect:
        item = self._item()
        widget = self._view_interface.widget()
        if item is None:
            return QRect()
        local = item.rect.toAlignedRect()
        return QRect(widget.mapToGlobal(local.topLeft()), local.size())

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        item = self._item()
        state.selectable = True
        state.focusable = True
        if item is None:
            state.invalid = True
            return state
        state.selected = item.selected
        state.focused = item.selected and self._view_interface.widget().hasFocus()
        return state


class ViewInterface(QAccessibleWidget):
    """A painted view as a list of its items."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.List, widget.accessibleName())
        self._children: list[ItemInterface] = []

    def items(self) -> list[AccessibleItem]:
        return self.widget().accessible_items()  # type: ignore[attr-defined]

    def childCount(self) -> int:
        return len(self.items())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        if not 0 <= index < self.childCount():
            return None
        # The same interface object for an index every time: Qt compares them by identity.
        while len(self._children) <= index:
            self._children.append(ItemInterface(self, len(self._children)))
        return self._children[index]

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        for index, known in enumerate(self._children):
            if known is child:
                return index if index < self.childCount() else -1
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        point = self.widget().mapFromGlobal(QRect(x, y, 1, 1).topLeft())
        for index, item in enumerate(self.items()):
            if item.rect.contains(point.toPointF()):
                return self.child(index)
        return None


class AccessibleCanvas:
    """Mixed into a painted view, which provides `accessible_items()`: its items as
    `AccessibleItem`s. Tells assistive tools when the selection moves."""

    accessible_items: Callable[[], list[AccessibleItem]]

    def announce_selection(self) -> None:
        """Raise focus and selection events for the selected item, as a list view does."""
        widget = self._accessible_widget()
        if not QAccessible.isActive():
            return
        view = QAccessible.queryAccessibleInterface(widget)
        if view is None:
            return
        for index, item in enumerate(self.accessible_items()):
            if item.selected:
                child = view.child(index)
                if child is not None:
                    QAccessible.updateAccessibility(QAccessibleEvent(child, QAccessible.Event.Selection))
                    if widget.hasFocus():
                        QAccessible.updateAccessibility(QAccessibleEvent(child, QAccessible.Event.Focus))
                return

    def _accessible_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self


_interfaces: dict[int, ViewInterface] = {}


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, AccessibleCanvas) and isinstance(obj, QWidget):
        # Kept here as well as in Qt's cache: the Python object must live as long as Qt uses it.
        # Never dropped: Qt's cache may still point at it while the view is being deleted.
        interface = _interfaces.get(id(obj))
        if interface is None or interface.widget() is not obj:
            interface = _interfaces[id(obj)] = ViewInterface(obj)
        return interface
    return None


_installed = False


def install_accessibility() -> None:
    """Teach Qt's accessibility the painted views; once per process."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce(widget: QWidget, message: str) -> None:
    """Have a screen reader say `message` (a changed summary or warning) without moving the
    focus; the widget's description changes with it, for tools that read that instead."""
    if not QAccessible.isActive() or not message:
        return
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def name_typing_fields(root: QWidget) -> None:
    """The typing field inside an editable combo box is what takes the focus: it is named after
    its box, or a screen reader announces an unnamed text field."""
    from PySide6.QtWidgets import QComboBox

    for combo in root.findChildren(QComboBox):
        edit = combo.lineEdit()
        if edit is not None and not edit.accessibleName():
            edit.setAccessibleName(combo.accessibleName())


def name_list_boxes(root: QWidget) -> None:
    """Give each list box in `root` that no label names a hidden label of its own, with its
    accessible name: on Linux a screen reader names a list box by the label whose buddy it is,
    and else reads only its value ("Lodging")."""
    from PySide6.QtWidgets import QComboBox, QLabel

    labelled = {label.buddy() for label in root.findChildren(QLabel) if label.buddy() is not None}
    for combo in root.findChildren(QComboBox):
        if combo in labelled or combo.isEditable() or not combo.accessibleName():
            continue
        label = QLabel(combo.accessibleName(), combo.parentWidget())
        label.setBuddy(combo)
        label.hide()
