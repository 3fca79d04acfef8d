"""The installer's defaults file: where it is looked for, what it may say, and that no file
an administrator (or a broken disk) could leave there stops the app from starting."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompassen.device import machine_defaults
from kompassen.device.machine_defaults import MachineDefaults, candidates, load, resolve_kiosk


def _env(path: Path) -> dict[str, str]:
    return {machine_defaults.DEFAULTS_ENV: str(path)}


def test_the_search_order_on_each_platform(tmp_path: Path) -> None:
    exe = str(tmp_path / "bundle" / "kompassen")
    assert candidates({}, platform="linux", frozen=False) == [Path("/etc/kompassen/defaults.json")]
    assert candidates({}, platform="linux", executable=exe, frozen=True) == [
        Path("/etc/kompassen/defaults.json"),
        tmp_path / "bundle" / "defaults.json",
    ]
    assert candidates(
        {"ProgramData": r"C:\ProgramData"}, platform="win32", executable=exe, frozen=True
    ) == [
        Path(r"C:\ProgramData") / "Kompassen" / "defaults.json",
        tmp_path / "bundle" / "defaults.json",
    ]
    # the variable wins alone; set empty it means "no machine defaults" (tests, portable use)
    only = tmp_path / "mine.json"
    assert candidates(_env(only), platform="linux", frozen=True) == [only]
    assert candidates({machine_defaults.DEFAULTS_ENV: ""}, platform="linux", frozen=True) == []


def test_the_first_existing_file_is_read(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "defaults.json").write_text('{"kiosk": true, "area": "vastra-sodermalm"}')
    got = load(
        {"ProgramData": str(tmp_path / "nowhere")},
        platform="win32",
        executable=str(bundle / "kompassen.exe"),
        frozen=True,
    )
    assert got == MachineDefaults(
        kiosk=True, area="vastra-sodermalm", source=bundle / "defaults.json"
    )
    assert load(_env(tmp_path / "missing.json")) == MachineDefaults()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('{"kiosk": false}', MachineDefaults(kiosk=False)),
        ('{"kiosk": "yes", "area": 3}', MachineDefaults()),  # wrong types: not said
        ('{"kiosk": 1}', MachineDefaults()),  # 1 is not a bool
        ('{"area": "  "}', MachineDefaults()),
        ('{"future_key": [1, 2], "kiosk": true}', MachineDefaults(kiosk=True)),
    ],
)
def test_only_known_keys_of_the_right_type_count(
    tmp_path: Path, text: str, want: MachineDefaults
) -> None:
    path = tmp_path / "defaults.json"
    path.write_text(text)
    got = load(_env(path))
    assert (got.kiosk, got.area) == (want.kiosk, want.area)


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[true]", b"\xff\xfe", b"null", b'{"kiosk": NaN}', b"[" * 10_000, b"x" * 70_000],
)
def test_a_bad_file_is_ignored_with_a_log_line(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "defaults.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="kompassen.device.machine_defaults"):
        assert load(_env(path)) == MachineDefaults()
    assert [r.getMessage() for r in caplog.records if str(path) in r.getMessage()]


def test_a_folder_or_unreadable_file_is_ignored(tmp_path: Path) -> None:
    assert load(_env(tmp_path)) == MachineDefaults()  # a folder where the file should be
    path = tmp_path / "defaults.json"
    path.write_text('{"kiosk": true}')
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads it anyway
            pytest.skip("running as root")
        assert load(_env(path)) == MachineDefaults()
    finally:
        path.chmod(0o600)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=300) | JSON.map(lambda v: json.dumps(v).encode()))
def test_any_file_at_all_never_raises(tmp_path: Path, raw: bytes) -> None:
    """Fuzzed: bytes or JSON of any shape give defaults or a partial answer, never an error."""
    path = tmp_path / "defaults.json"
    path.write_bytes(raw)
    got = load(_env(path))
    assert got.kiosk in (None, True, False)
    assert got.area is None or (isinstance(got.area, str) and got.area.strip() == got.area)


@pytest.mark.parametrize(
    ("flag", "user", "machine", "want"),
    [
        (None, None, None, False),
        (None, None, True, True),  # the installer's default
        (None, False, True, False),  # the user's choice over it
        (None, True, False, True),
        (False, True, True, False),  # --no-kiosk over both
        (True, False, False, True),  # --kiosk over both
    ],
)
def test_precedence(flag: bool | None, user: bool | None, machine: bool | None, want: bool) -> None:
    assert resolve_kiosk(flag, user, machine) is want
