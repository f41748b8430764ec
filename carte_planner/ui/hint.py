"""The first-run hint: where a newcomer starts. Dismissed once, it stays dismissed."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

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
                "<b>Start here:</b> on the left, set the <b>first hospital day</b> your hospital gave you and the "
                "<b>hospital city</b>. Then check the phase lengths with the hospital. Every view follows at once; "
                "File ▸ Save keeps the plan, File ▸ Export to calendar puts it in your calendar app."
            )
        )
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.close_button = QPushButton(tr("Got it"))
        self.close_button.setAccessibleName(tr("Hide this hint"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
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
        text_width = (
            event.size().width()
            - self.close_button.sizeHint().width()
            - layout.spacing()
            - margins.left()
            - margins.right()
            - 2 * self.frameWidth()
        )
        text_height = max(self.label.heightForWidth(max(text_width, 40)), self.close_button.sizeHint().height())
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
