"""PyInstaller runtime hook: where Qt finds its plugins in the bundle (packaging/kompassen.spec).

Replaces PyInstaller's own pyi_rth_pyside6, which imports PySide6.QtCore in every process to
check for an embedded qt.conf: ~100 ms (Qt and ICU loaded) before `kompassen --version` or a
one-shot `kompassen search` can print, which never need Qt. PySide6's PyPI wheels embed their
qt.conf themselves when QtCore is first imported; the plugin path is all that is left to set.
"""

import os
import sys

_base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
_qt = (
    os.path.join(_base, "PySide6")
    if sys.platform == "win32"
    else os.path.join(_base, "PySide6", "Qt")
)
os.environ.setdefault("QT_PLUGIN_PATH", os.path.join(_qt, "plugins"))
del _base, _qt
