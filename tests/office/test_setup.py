"""The first-run steps without Qt: keys that open only with their passphrase, never written
over, the area's keys replaced through the editing core (so in the history), the signing key
pinned on the real server, and when the window should offer the wizard at all."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.core.errors import KompassenError
from kompassen.core.office_keys import placeholder_key
from kompassen.office import setup
from kompassen.office.client import OfficeClient
from kompassen.office.editing import EditSession
from kompassen.reports.keys import KEY_FILE, PUBLIC_FILE, fingerprint, read_key_file
from kompassen.server import admin
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer

AREA = "klara"
PASS = "korrekt hast batteri häftklammer"


def _placeholders(ctx: AppContext, who: str = "import") -> None:
    """Klara as an import leaves an area: placeholder keys, nobody holds the private half."""
    s = EditSession.open(ctx, AREA)
    for purpose in ("sealing", "signing"):
        s.set("area", AREA, f"/public_keys/{purpose}", placeholder_key(AREA, purpose))
    s.save(who, datetime(2026, 11, 23, 11, 0))


def _area_keys(ctx: AppContext) -> tuple[str, str, str]:
    a = next(a for a in ctx.catalogue.reader.areas() if a.id == AREA)
    return a.id, a.sealing_public_key, a.signing_public_key


def test_keys_open_with_their_passphrase_and_not_with_another(tmp_path: Path) -> None:
    made = setup.create(tmp_path / "k", PASS, strength="interactive")
    assert made.key_file == tmp_path / "k" / KEY_FILE and made.public_file.name == PUBLIC_FILE
    assert made.key_file.stat().st_mode & 0o777 == 0o600
    assert read_key_file(made.key_file, PASS) == made.keys
    with pytest.raises(KompassenError, match="Fel lösenfras"):
        read_key_file(made.key_file, PASS + "x")
    assert setup.open_existing(tmp_path / "k", PASS).keys == made.keys
    fp = setup.fingerprints(made.keys)
    assert fp["signing"] == fingerprint(made.keys.signing_public)
    assert len(fp["sealing"].split(" ")) == 4 and fp["sealing"] != fp["signing"]


def test_never_overwrites_and_refuses_a_short_passphrase(tmp_path: Path) -> None:
    folder = tmp_path / "k"
    made = setup.create(folder, PASS, strength="interactive")
    before = made.key_file.read_bytes()
    assert setup.existing_key_files(folder) == [made.key_file, made.public_file]
    with pytest.raises(KompassenError, match="Skriver inte över"):
        setup.create(folder, PASS, strength="interactive")
    assert made.key_file.read_bytes() == before
    with pytest.raises(KompassenError, match="minst 8 tecken"):
        setup.create(tmp_path / "other", "kort", strength="interactive")
    assert not (tmp_path / "other").exists()


def test_passphrase_words() -> None:
    assert not setup.passphrase_words("abc").ok
    assert "minst 8" in setup.passphrase_words("abc").sv
    weak = setup.passphrase_words("aaaaaaaaaaaa")
    assert weak.level == 1 and "Svag" in weak.sv
    assert setup.passphrase_words(PASS).level == 3
    mismatch = setup.passphrase_words(PASS, PASS + "!")
    assert not mismatch.ok and "inte lika" in mismatch.sv and "not the same" in mismatch.en
    assert setup.passphrase_words(PASS, PASS).ok


def test_the_area_keys_are_replaced_and_in_the_history(ctx: AppContext, clock: FixedClock) -> None:
    _placeholders(ctx)
    assert setup.needs_first_run(_area_keys(ctx), ctx.paths.data_dir)
    made = setup.create(tmp := ctx.paths.data_dir / "k", PASS, strength="interactive")
    result = setup.write_area_keys(ctx, AREA, made.keys, "Anna", clock.now())
    assert result is not None and result.history_rows == 2
    _, sealing, signing = _area_keys(ctx)
    assert (sealing, signing) == (made.keys.sealing_public, made.keys.signing_public)
    rows = [r for r in EditSession.open(ctx, AREA).history("area", AREA) if r.updated_by == "Anna"]
    assert {r.field for r in rows} == {"/public_keys/sealing", "/public_keys/signing"}
    assert {r.previous for r in rows} == {placeholder_key(AREA, p) for p in ("sealing", "signing")}
    # again: nothing to do
    assert setup.write_area_keys(ctx, AREA, made.keys, "Anna", clock.now()) is None
    # the key file is known once remembered: no wizard at the next start
    assert setup.needs_first_run(_area_keys(ctx), ctx.paths.data_dir)
    setup.remember_key_file(ctx.paths.data_dir, made.key_file)
    assert setup.known_key_file(ctx.paths.data_dir) == made.key_file.resolve()
    assert not setup.needs_first_run(_area_keys(ctx), ctx.paths.data_dir)
    assert tmp.is_dir()


def test_unsaved_editor_edits_are_not_saved_with_the_keys(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    before = _area_keys(ctx)
    editor = EditSession.open(ctx, AREA)
    svc = editor.records("services")[0].record_id
    editor.set("services", svc, "/name", "Osparad ändring")
    made = setup.create(tmp_path / "k", PASS, strength="interactive")
    with pytest.raises(setup.SetupError, match="1 osparade ändringar"):
        setup.write_area_keys(ctx, AREA, made.keys, "Anna", clock.now())
    assert _area_keys(ctx) == before
    assert EditSession.open(ctx, AREA).dirty  # the editor's draft is still there


def test_placeholder_detection(ctx: AppContext, tmp_path: Path) -> None:
    area_id, sealing, signing = _area_keys(ctx)
    made = setup.create(tmp_path / "k", PASS, strength="interactive")
    setup.remember_key_file(ctx.paths.data_dir, made.key_file)
    assert not setup.needs_first_run((area_id, sealing, signing), ctx.paths.data_dir)
    placeholder = placeholder_key(area_id, "signing")
    assert setup.needs_first_run((area_id, sealing, placeholder), ctx.paths.data_dir)
    made.key_file.unlink()  # the remembered file is gone: known no more
    assert setup.known_key_file(ctx.paths.data_dir) is None
    assert setup.needs_first_run((area_id, sealing, signing), ctx.paths.data_dir)


def test_the_signing_key_is_registered_on_the_real_server(
    tmp_path: Path, clock: FixedClock
) -> None:
    made = setup.create(tmp_path / "k", PASS, strength="interactive")
    with LiveServer(clock=clock) as live:
        live.start(tmp_path / "server.db")
        admin.set_office_user(live.app.state.db, live.app.state.clock, OFFICE_NAME, OFFICE_PASSWORD)
        client = OfficeClient.sign_in(live.url, OFFICE_NAME, OFFICE_PASSWORD)
        try:
            assert setup.register_signing_key(client, AREA, made.keys).outcome == "registered"
            assert setup.register_signing_key(client, AREA, made.keys).outcome == "unchanged"
            pinned = {
                k["area_id"]: k["signing_key"] for k in admin.list_area_keys(live.app.state.db)
            }
            assert pinned[AREA] == made.keys.signing_public
        finally:
            client.close()


def test_backup_words_say_what_is_lost(tmp_path: Path) -> None:
    sv = " ".join(setup.backup_words(tmp_path / KEY_FILE))
    assert str(tmp_path / KEY_FILE) in sv and "två kopior" in sv and "kassaskåp" in sv
    assert "aldrig öppnas" in sv and "nytt områdespaket" in sv
    en = " ".join(setup.backup_words(tmp_path / KEY_FILE, "en"))
    assert "two copies" in en and "never be opened" in en
