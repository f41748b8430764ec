"""The first-run hint: where a newcomer starts, at the top of the request panel, so that it
takes no room from the views. Dismissed once, it stays dismissed."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from carte_planner.i18n import tr
from carte_planner.ui.settings import read_bool

DISMISSED_KEY = "hints/startDismissed"


class StartHint(QFrame):
    dismissed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._wanted_height = 0
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("startHint")
        self.label = QLabel(
            tr(
                "<b>Start here:</b> below, set the <b>first hospital day</b> your hospital gave you and the "
                "<b>hospital city</b>. Then check the phase lengths with the hospital. Every view follows at once; "
                "File ▸ Save keeps the plan, File ▸ Export to calendar puts it in your calendar app. "
                "View ▸ Request panel (Ctrl+0) hides these fields to give the journey the window."
            )
        )
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.close_button = QPushButton(tr("Got it"))
        self.close_button.setAccessibleName(tr("Hide this hint"))
        # The text above its button: the panel is narrow, and a button beside the text would
        # leave it a few words a line.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTrailing)
        self.setAccessibleName(tr("Where to start"))
        self.close_button.clicked.connect(self.dismiss)
        self.setVisible(not read_bool(settings, DISMISSED_KEY))

    def resizeEvent(self, event) -> None:
        # The hint asks for as many lines as its width needs: a parent layout does not pass
        # height-for-width on, and the last line was cut off. It only asks: its minimum stays
        # small, so a short screen still fits the window.
        super().resizeEvent(event)
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        text_width = event.size().width() - margins.left() - margins.right() - 2 * self.frameWidth()
        text_height = self.label.heightForWidth(max(text_width, 40)) + layout.spacing()
        text_height += self.close_button.sizeHint().height()
        height = text_height + margins.top() + margins.bottom() + 2 * self.frameWidth()
        if height != self._wanted_height:
            self._wanted_height = height
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._wanted_height))

    def dismiss(self) -> None:
        self.settings.setValue(DISMISSED_KEY, True)
        self.settings.sync()
        self.hide()
        self.dismissed.emit()
