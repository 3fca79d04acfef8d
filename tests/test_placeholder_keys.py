"""An area made from an import has placeholder office keys: nothing may be sealed or signed to them.

A report sealed to a key nobody holds could never be opened: it would be lost without a word,
on the tablet and at the office. So submitting refuses with words and keeps the draft, and
publishing explains what to do instead of "the key file's key is not the area's".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kompassen.core.office_keys import is_placeholder_key, placeholder_key

MESS = Path(__file__).resolve().parent / "fixtures" / "hsds_mess" / "v1_folder"
AREA = "fiktiva"


def run(
    *args: str, home: Path, stdin: str | None = None, lang: str = "sv"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "kompassen", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
        check=False,
    )


def _new_area(home: Path) -> None:
    report = home.parent / "import-report"  # not next to the fixture, inside the checkout
    done = run(
        "import-hsds", str(MESS), "--new-area", AREA, "--name", "Fiktiva",
        "--report", str(report), home=home,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_the_placeholder_is_per_area_and_purpose() -> None:
    key = placeholder_key(AREA, "sealing")
    assert is_placeholder_key(AREA, "sealing", key)
    assert not is_placeholder_key(AREA, "signing", key)
    assert not is_placeholder_key("annat", "sealing", key)


def test_a_report_to_an_area_without_office_keys_is_refused_and_nothing_queued(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    _new_area(home)
    report = {
        "kind": "unsolved",
        "area_id": AREA,
        "occurred_at": "2026-11-23T22:10:00+01:00",
        "needs": ["need.shelter-tonight"],
        "groups": [],
        "text": "Ingen sovplats i natt.",
        "lang": "sv",
    }
    for lang, words in (("sv", "inga kontorsnycklar"), ("en", "no office keys")):
        done = run("report", "submit", "-", home=home, stdin=json.dumps(report), lang=lang)
        assert done.returncode != 0
        assert words in done.stderr and "Traceback" not in done.stderr
    outbox = run("outbox", "--json", home=home)
    assert outbox.returncode == 0, outbox.stderr
    assert json.loads(outbox.stdout) == []


def test_publishing_an_area_with_placeholder_keys_says_what_to_do(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _new_area(home)
    done = run(
        "office", "publish", "--area", AREA, "--server", "http://127.0.0.1:9",
        "--key", str(tmp_path / "no-such-key.json"), "--user", "samordnare", home=home,
    )  # fmt: skip
    assert done.returncode != 0
    assert "platshållarnycklar" in done.stderr and "office keys generate" in done.stderr
    assert "Traceback" not in done.stderr
