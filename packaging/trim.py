"""What the bundle leaves out of what PyInstaller collects for PySide6: the Qt plugins,
libraries and translations a widgets application on a desktop never loads.

Each rule is a path prefix inside the bundle (forward slashes); benchmarks/RESULTS.md lists
what the rules save. Kept on purpose: the xcb and Wayland windows, offscreen (the command
line's PDF and the smoke test), the input methods (ibus and compose, for typing Chinese), the
desktop portal (file dialogs in sandboxes), CUPS printing, and Qt's own translations of
dialogs in the app's languages (carte_planner/ui/language.py: QT_CATALOGUES).
"""

from __future__ import annotations

from collections.abc import Collection

# PySide6 keeps Qt under PySide6/Qt/ on Linux and macOS, directly under PySide6/ on Windows;
# the rules below are paths inside that folder. Plugin names are matched without their
# platform's prefix (libqvnc.so, qvnc.dll), so the rules apply on every platform.

DROPPED_PREFIXES = (
    # Embedded-device and remote platforms, and their GL plumbing.
    "plugins/platforms/qeglfs",
    "plugins/platforms/qlinuxfb",
    "plugins/platforms/qminimal",
    "plugins/platforms/qvkkhrdisplay",
    "plugins/platforms/qvnc",
    "plugins/platforms/qdirect2d",
    "plugins/egldeviceintegrations/",
    "plugins/generic/",
    "lib/libQt6EglF",
    "lib/libQt6WlShellIntegration",
    # OpenGL is not used: the views paint with QPainter into plain widgets (and no plugin left
    # links libQt6OpenGL).
    "plugins/xcbglintegrations/",
    "lib/libQt6OpenGL",
    "plugins/wayland-graphics-integration-client/",
    "plugins/wayland-shell-integration/fullscreen-shell",
    "plugins/wayland-shell-integration/ivi-shell",
    "plugins/wayland-shell-integration/wl-shell",
    "plugins/wayland-shell-integration/qt-shell",
    # The icon is PNG, read by QtGui itself; no other image format is opened. (libQt6Svg stays:
    # the Adwaita window decorations, GNOME's on Wayland, draw their buttons with it.)
    "plugins/imageformats/",
    "plugins/iconengines/",
    # The single-instance socket is local: no TLS, no network status.
    "plugins/tls/",
    "plugins/networkinformation/",
    # The GTK theme would load the system's GTK against the bundle's own GLib and Cairo;
    # Qt's Fusion style and its own dialogs (or the desktop portal's) serve instead.
    "plugins/platformthemes/qgtk3",
)

# Libraries at the top of the bundle: links to the Qt libraries dropped above, and system
# libraries that only the dropped plugins needed (the GTK theme above all).
DROPPED_LIBRARIES = (
    "libQt6EglF",
    "libQt6WlShellIntegration",
    "libQt6OpenGL",
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
    "libgraphite2",
    # GIO and what it links (the GTK theme's): Qt's GLib event loop needs only libglib.
    "libgio-2.0",
    "libgobject-2.0",
    "libgmodule-2.0",
    "libmount",
    "libblkid",
    "libselinux",
)

# Sources of the app's message catalogues: it reads the compiled .mo files (and the template,
# for the pseudo-language).
DROPPED_SUFFIXES = (".po",)


def qt_path(dest: str) -> str | None:
    """A collected file's path inside Qt's folder, with a plugin's "lib" prefix removed; None
    for a file outside it."""
    path = dest.replace("\\", "/")
    for root in ("PySide6/Qt/", "PySide6/"):
        if path.startswith(root):
            inner = path[len(root) :]
            folder, _, name = inner.rpartition("/")
            if folder.startswith("plugins/") and name.startswith("lib"):
                name = name[3:]
            return f"{folder}/{name}" if folder else name
    return None


# Babel's CLDR data for every locale is about 35 MiB; the app formats dates and names
# countries only in the languages it has catalogues for (carte_planner/i18n), whose locales
# and their parents are these. "root" is every locale's last parent.
BABEL_LOCALES = ("root", "en", "zh", "ru", "ar")


def keep_babel_locale(path: str) -> bool:
    """Whether a file of babel/locale-data/ belongs to a language the app speaks."""
    name = path.rsplit("/", 1)[-1]
    stem = name.removesuffix(".dat")
    return stem == name or any(stem == code or stem.startswith(code + "_") for code in BABEL_LOCALES)


def keep_qt_file(inner: str, qt_catalogues: Collection[str]) -> bool:
    """Whether a file of Qt's folder goes into the bundle: Qt's translations only of the
    catalogues the app loads (qtbase_zh_CN...), none of the other languages'."""
    if inner.startswith(DROPPED_PREFIXES):
        return False
    if inner.startswith("translations/"):
        return inner.removeprefix("translations/").removesuffix(".qm") in qt_catalogues
    return True


def keep(dest: str, qt_catalogues: Collection[str]) -> bool:
    """Whether a file PyInstaller collected goes into the bundle (dest: its path there;
    qt_catalogues: the names of the Qt translations the app loads, "qtbase_ru"...)."""
    inner = qt_path(dest)
    if inner is not None:
        return keep_qt_file(inner, qt_catalogues)
    path = dest.replace("\\", "/")
    if path.startswith("babel/locale-data/"):
        return keep_babel_locale(path)
    if path.startswith("carte_planner/resources/") and path.endswith(DROPPED_SUFFIXES):
        return False
    return "/" in path or not path.startswith(DROPPED_LIBRARIES)
