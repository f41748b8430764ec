"""What the bundle leaves out of what PyInstaller collects for PySide6: the Qt plugins,
libraries and translations a widgets application on a desktop never loads.

Each rule is a path prefix inside the bundle (forward slashes); benchmarks/RESULTS.md lists
what the rules save. Kept on purpose: the xcb and Wayland windows, offscreen (the command
line's PDF and the smoke test), the input methods (ibus and compose, for typing Chinese), the
desktop portal (file dialogs in sandboxes), CUPS printing, and Qt's own translations of
dialogs (qtbase_*.qm).
"""

from __future__ import annotations

QT = "PySide6/Qt/"

DROPPED_PREFIXES = (
    # Embedded-device and remote platforms, and their GL plumbing.
    QT + "plugins/platforms/libqeglfs",
    QT + "plugins/platforms/libqlinuxfb",
    QT + "plugins/platforms/libqminimal",
    QT + "plugins/platforms/libqvkkhrdisplay",
    QT + "plugins/platforms/libqvnc",
    QT + "plugins/egldeviceintegrations/",
    QT + "plugins/generic/",
    QT + "lib/libQt6EglF",
    QT + "lib/libQt6WlShellIntegration",
    # OpenGL is not used: the views paint with QPainter into plain widgets.
    QT + "plugins/xcbglintegrations/",
    QT + "plugins/wayland-graphics-integration-client/",
    QT + "plugins/wayland-shell-integration/libfullscreen-shell",
    QT + "plugins/wayland-shell-integration/libivi-shell",
    QT + "plugins/wayland-shell-integration/libwl-shell",
    QT + "plugins/wayland-shell-integration/libqt-shell",
    # The icon is PNG, read by QtGui itself; no other image format is opened.
    QT + "plugins/imageformats/",
    QT + "plugins/iconengines/",
    QT + "lib/libQt6Svg",
    "libQt6Svg",
    # The single-instance socket is local: no TLS, no network status.
    QT + "plugins/tls/",
    QT + "plugins/networkinformation/",
    # The GTK theme would load the system's GTK against the bundle's own GLib and Cairo;
    # Qt's Fusion style and its own dialogs (or the desktop portal's) serve instead.
    QT + "plugins/platformthemes/libqgtk3",
    # Meta catalogues that only point at other modules' translations.
    QT + "translations/qt_",
    QT + "translations/qtdeclarative",
    QT + "translations/qtmultimedia",
    QT + "translations/qtconnectivity",
    QT + "translations/qtlocation",
    QT + "translations/qtserialport",
    QT + "translations/qtwebengine",
    QT + "translations/qtwebsockets",
    QT + "translations/qthelp",
    QT + "translations/designer",
    QT + "translations/linguist",
    QT + "translations/assistant",
)

# System libraries that only the dropped GTK theme plugin needed.
DROPPED_LIBRARIES = (
    "libatk-",
    "libcairo",
    "libpango",
    "libgdk_pixbuf",
    "libpixman",
    "libthai",
    "libdatrie",
    "libfribidi",
    "libjpeg",
    "libharfbuzz",
    "libXrender",
    "libXext",
    "libxcb-glx",
)


def keep(dest: str) -> bool:
    """Whether a file PyInstaller collected goes into the bundle (dest: its path there)."""
    path = dest.replace("\\", "/")
    if path.startswith(DROPPED_PREFIXES):
        return False
    name = path.rsplit("/", 1)[-1]
    return not ("/" not in path and name.startswith(DROPPED_LIBRARIES))
