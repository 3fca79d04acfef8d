"""Unsaved edits survive a dropped session and a new process; bad drafts are set aside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from kompassen.compose import AppContext
from kompassen.office.editing import DraftStore, EditSession


def _draft_dir(ctx: AppContext) -> Path:
    return ctx.paths.data_dir / "office" / "drafts"


def test_a_dropped_session_is_restored_from_its_draft(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    assert s.notice is None and not (_draft_dir(ctx) / "klara.json").exists()
    svc = s.records("services")[0].record_id
    s.set("services", svc, "/name", "Utkastnamn")
    s.mark_checked("services", svc, "Anna", ctx.clock.now().date())
    assert (_draft_dir(ctx) / "klara.json").exists()
    edits = list(s.edits)
    del s  # the window closed without saving

    again = EditSession.open(ctx, "klara")
    assert again.edits == edits and again.dirty
    assert again.record("services", svc)["name"] == "Utkastnamn"
    assert again.notice is not None and again.notice.restored == 2
    assert "2 osparade ändringar" in again.notice.sv and "2 unsaved" in again.notice.en
    for e in reversed(again.edits):  # the restored edits undo like any others
        again.revert(e)
    assert again.documents() == again.installed_documents()
    assert not (_draft_dir(ctx) / "klara.json").exists()  # nothing left to restore
    # the other area has its own draft (none)
    assert EditSession.open(ctx, "vastra-sodermalm").notice is None


def test_a_draft_is_restored_in_a_new_process(ctx: AppContext, home: Path) -> None:
    s = EditSession.open(ctx, "klara")
    svc = s.records("services")[0].record_id
    s.set("services", svc, "/name", "Från förra processen")
    code = textwrap.dedent(
        f"""
        import json, sys
        from kompassen.compose import build
        from kompassen.office.editing import EditSession
        ctx = build({{"KOMPASSEN_HOME": {str(home)!r}}})
        s = EditSession.open(ctx, "klara")
        print(json.dumps([s.record("services", {svc!r})["name"], len(s.edits), s.notice.en]))
        ctx.close()
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KOMPASSEN_HOME": str(home)},
        check=True,
    )
    name, n, words = json.loads(out.stdout.strip().splitlines()[-1])
    assert (name, n) == ("Från förra processen", 1)
    assert "restored" in words


def test_a_damaged_draft_is_set_aside_not_deleted(ctx: AppContext) -> None:
    draft = _draft_dir(ctx) / "klara.json"
    draft.parent.mkdir(parents=True)
    draft.write_bytes(b'{"format": 1, "area_id": "klara", "edits": [tru')
    s = EditSession.open(ctx, "klara")
    assert not s.dirty and s.notice is not None
    kept = s.notice.set_aside
    assert kept is not None and kept.exists() and kept.parent == draft.parent
    assert kept.read_bytes() == b'{"format": 1, "area_id": "klara", "edits": [tru'
    assert "gick inte att läsa" in s.notice.sv and "could not be read" in s.notice.en
    assert str(kept) in s.notice.sv
    assert not draft.exists()


def test_a_foreign_or_outdated_draft_is_set_aside(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    svc = s.records("services")[0].record_id
    s.set("services", svc, "/name", "Gammalt utkast")
    draft = _draft_dir(ctx) / "klara.json"
    body = json.loads(draft.read_text())

    # another area's draft under this area's name
    draft.write_text(json.dumps({**body, "area_id": "vastra-sodermalm"}))
    s2 = EditSession.open(ctx, "klara")
    assert s2.notice is not None and "annat område" in s2.notice.sv
    assert "another area" in s2.notice.en and not s2.dirty

    # edits made on an older catalogue: the area was installed again since
    draft.write_text(json.dumps(body))
    other = EditSession.open(ctx, "klara", restore=False)
    other.set("services", svc, "/name", "Sparat av någon annan")
    other.drafts.discard("klara")
    other.save("Berit", ctx.clock.now())
    draft.write_text(json.dumps(body))
    s3 = EditSession.open(ctx, "klara")
    assert s3.notice is not None and s3.notice.set_aside is not None
    assert "annan version av katalogen" in s3.notice.sv
    assert "another version of the catalogue" in s3.notice.en
    assert s3.record("services", svc)["name"] == "Sparat av någon annan"
    assert len(list(draft.parent.glob("klara.set-aside-*.json"))) == 2


def test_edits_that_no_longer_fit_set_the_draft_aside(ctx: AppContext) -> None:
    store = DraftStore(ctx.paths.data_dir)
    s = EditSession.open(ctx, "klara")
    svc = s.records("services")[0].record_id
    s.set("services", svc, "/name", "x")
    body = json.loads(store.path("klara").read_text())
    body["edits"][0]["old"] = "not the name it has"
    store.path("klara").write_text(json.dumps(body))
    again = EditSession.open(ctx, "klara")
    assert not again.dirty and again.notice is not None
    assert "passar inte längre" in again.notice.sv and "no longer fit" in again.notice.en


def test_saving_discards_the_draft(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    svc = s.records("services")[0].record_id
    s.set("services", svc, "/name", "Sparat namn")
    s.save("Anna", ctx.clock.now())
    assert not (_draft_dir(ctx) / "klara.json").exists()
    again = EditSession.open(ctx, "klara")
    assert again.notice is None and not again.dirty
    assert again.record("services", svc)["name"] == "Sparat namn"
