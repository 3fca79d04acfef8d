"""Fuzz: settings and token files with random bytes or random JSON.

The settings file falls back to defaults (and is kept aside when damaged), never a
traceback, and whatever loads saves and loads again the same; a damaged token file means
"not enrolled", never an exception.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.device.settings import LANGS, THEMES, Settings, SettingsStore
from kompassen.sync.tokens import TokenStore

from .mutate import FUZZ, RAW_VALUES, json_values

FIELDS = ["area", "lang", "theme", "text_step", "server_url", "landmarks", "unknown"]

contents = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6).map(
        lambda d: json.dumps(d).encode()
    ),
    st.tuples(st.sampled_from(FIELDS), st.sampled_from(RAW_VALUES)).map(
        lambda kv: ("{" + json.dumps(kv[0]) + ": " + kv[1] + "}").encode()
    ),
    st.just(b"\xef\xbb\xbf{}"),
    st.just(b"{" * 100_000),
)


@settings(FUZZ, max_examples=300)
@given(contents)
def test_any_settings_file_gives_usable_settings(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "settings.json"
        path.write_bytes(raw)
        store = SettingsStore(path)
        loaded = store.load()
        assert isinstance(loaded, Settings)
        assert loaded.lang in LANGS and loaded.theme in THEMES
        assert loaded.text_step in (0, 1, 2) and type(loaded.text_step) is int
        assert isinstance(loaded.area, str) and loaded.area
        assert isinstance(loaded.server_url, str)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in loaded.landmarks.items())
        store.save(loaded)
        assert store.load() == loaded


def test_a_missing_settings_file_is_the_defaults_and_nothing_is_moved(tmp_path: Path) -> None:
    assert SettingsStore(tmp_path / "settings.json").load() == Settings()
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_settings_file_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"lang": "en", "x": ' + "[" * 5000 + "]" * 5000 + "}", "utf-8")
    assert SettingsStore(path).load() == Settings()
    assert (tmp_path / "settings.damaged").exists() and not path.exists()


@settings(FUZZ, max_examples=150)
@given(contents)
def test_any_token_file_is_credentials_or_not_enrolled(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "device-token.json"
        path.write_bytes(raw)
        tokens = TokenStore(path, use_keyring=False)
        creds = tokens.load()
        assert creds is None or (isinstance(creds.token, str) and creds.token)
        assert tokens.where in ("file", "keyring")
