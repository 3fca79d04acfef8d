"""Build steps pyproject.toml cannot declare: the package list and the compiled translations.

Everything static (metadata, package-dir, package data) is in pyproject.toml. Here:

- the packages: every package under ``app/`` plus the two folders mapped into the package,
  ``kompassen.bundled`` (``data/``: the area packs) and ``kompassen.resources`` (``resources/``);
- ``build_py`` also runs PySide6's ``lrelease`` on ``resources/translations/*.ts``, so a wheel
  built anywhere (pip's isolated build included: PySide6 is a build requirement) ships the
  ``.qm`` files the app loads. An editable install writes them next to the sources instead.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "resources" / "translations"
# PySide6's own launcher finds the lrelease binary inside the installed wheel on every platform
LRELEASE = "from PySide6.scripts.pyside_tool import lrelease; lrelease()"


class BuildPyWithTranslations(build_py):
    """``build_py`` that also compiles the .ts translation sources into .qm files."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            out = TRANSLATIONS
        else:
            out = Path(self.build_lib, "kompassen", "resources", "translations")
        out.mkdir(parents=True, exist_ok=True)
        sources = sorted(TRANSLATIONS.glob("*.ts"))
        if not sources:
            raise SystemExit(f"no translation sources in {TRANSLATIONS}")
        for ts in sources:
            qm = out / f"{ts.stem}.qm"
            cmd = [sys.executable, "-c", LRELEASE, "-silent", str(ts), "-qm", str(qm)]
            try:
                subprocess.run(cmd, check=True)
            except (OSError, subprocess.CalledProcessError) as err:
                raise SystemExit(
                    f"lrelease failed on {ts.name} (is PySide6 installed?): {err}"
                ) from err
            if not qm.is_file():
                raise SystemExit(f"lrelease wrote no {qm}")


setup(
    packages=[*find_packages("app"), "kompassen.bundled", "kompassen.resources"],
    cmdclass={"build_py": BuildPyWithTranslations},
)
