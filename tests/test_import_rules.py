"""The import rules of docs/ARCHITECTURE.md, enforced with import-linter's contracts."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "app" / "kompassen"


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a dev dependency"
    done = subprocess.run([exe], cwd=PKG.parents[1], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" not in done.stdout.lower().replace("0 broken", "")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_gui_imports_pyside6_even_lazily() -> None:
    """import-linter sees module-level graphs; this also catches imports inside functions."""
    offenders = [
        str(p.relative_to(PKG))
        for p in PKG.rglob("*.py")
        if "gui" not in p.relative_to(PKG).parts
        and any(n.split(".")[0] in ("PySide6", "shiboken6") for n in _imports(p))
    ]
    assert offenders == []


def test_core_imports_nothing_of_the_project() -> None:
    offenders = [
        str(p.relative_to(PKG))
        for p in (PKG / "core").rglob("*.py")
        for n in _imports(p)
        if n.startswith("kompassen") and not n.startswith("kompassen.core")
    ]
    assert offenders == []


def test_app_starts_without_server_extras() -> None:
    """The tablet app never pulls in FastAPI/uvicorn (they are the optional ``server`` extra)."""
    code = (
        "import sys, kompassen.cli.main, kompassen.compose, kompassen.gui.app\n"
        "bad = [m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_first_start_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    """A new tablet creates and migrates both databases on its first start; sqlite-utils
    (~9 MB resident for the life of the process) must not come along with that."""
    code = (
        "import sys\n"
        "from kompassen.compose import build\n"
        "ctx = build()\n"
        "ctx.catalogue.reader.areas()\n"  # opened on first use: created, migrated, packs installed
        "ctx.device_db\n"
        "ctx.outbox.counts()\n"
        "ctx.close()\n"
        "assert 'sqlite_utils' not in sys.modules, 'sqlite_utils was imported'\n"
    )
    env = {**os.environ, "KOMPASSEN_HOME": str(tmp_path / "home"), "KOMPASSEN_KEYRING": "0"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
