"""Run-time hook of the bundle, in place of PyInstaller's own for PySide6: that one imports
QtCore at every start, which the command line's plan and export never need. PySide6 itself
writes the qt.conf that finds Qt's folders when it is first imported; this only names the
plugin folder, before any Qt code runs."""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6") if sys.platform == "win32" else os.path.join(sys._MEIPASS, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
