"""Translations: the .ts sources cover every string, English is complete, switching works."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "translations"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def _keys(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if (msg.find("translation") is None or msg.find("translation").get("type") != "obsolete")
    }


def test_ts_sources_are_up_to_date(tmp_path: Path) -> None:
    """Running lupdate on the code finds no string the committed .ts files lack."""
    gui = sorted(str(p) for p in (REPO / "app" / "kompassen" / "gui").rglob("*.py"))
    fresh = tmp_path / "fresh_en.ts"
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", *gui, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = _keys(fresh) - _keys(TS_DIR / "kompassen_en.ts")
    assert not missing, f"run `make ts` and translate: {sorted(missing)[:10]}"
    assert _keys(fresh) - _keys(TS_DIR / "kompassen_sv.ts") == set()


def test_english_translation_is_complete_and_keeps_placeholders() -> None:
    problems = []
    for msg in _messages(TS_DIR / "kompassen_en.ts"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        if tr.get("type") == "obsolete":
            continue
        forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
        if tr.get("type") == "unfinished" or not all(f.strip() for f in forms):
            problems.append(f"untranslated: {source!r}")
            continue
        want = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            got = sorted(set(PLACEHOLDER.findall(form)))
            if msg.get("numerus") == "yes" and "%n" not in got and "%n" in want:
                # "1 result" may spell the number out; every other placeholder must stay
                got = sorted({*got, "%n"})
            if got != want:
                problems.append(f"placeholders differ: {source!r} → {form!r}")
    assert not problems, "\n".join(problems[:20])


def test_swedish_plural_forms_are_filled() -> None:
    for msg in _messages(TS_DIR / "kompassen_sv.ts"):
        if msg.get("numerus") == "yes":
            forms = [f.text or "" for f in msg.find("translation").iter("numerusform")]
            assert len(forms) == 2 and all(forms), msg.findtext("source")


def test_qm_files_are_built_by_the_build() -> None:
    """`make` (run, test) builds the .qm files the app loads."""
    for lang in ("sv", "en"):
        qm = TS_DIR / f"kompassen_{lang}.qm"
        assert qm.exists() and qm.stat().st_size > 100, f"{qm} missing: run make"
