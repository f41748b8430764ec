"""The first-run hint: where a newcomer starts. Dismissed once, it stays dismissed."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from carte_planner.i18n import tr
from carte_planner.ui.settings import read_bool

DISMISSED_KEY = "hints/startDismissed"


class StartHint(QFrame):
    dismissed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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

    def dismiss(self) -> None:
        self.settings.setValue(DISMISSED_KEY, True)
        self.settings.sync()
        self.hide()
        self.dismissed.emit()
