"""The publish preview's diff: records added, removed and changed field by field, against
the last published release or the catalogue as the session found it."""

from __future__ import annotations

import copy
import json

from kompassen.compose import AppContext
from kompassen.office.editing import (
    ABSENT,
    EditSession,
    diff_docs,
    published,
    remember_published,
)


def test_diff_lists_added_removed_and_changed_fields_with_names(ctx: AppContext) -> None:
    old = ctx.catalogue.release_docs("klara")
    new = copy.deepcopy(old)
    services = new["services.json"]["services"]
    gone = services.pop(0)
    changed = next(x for x in services if x.get("phones"))
    changed_name = changed["name"]
    changed["phones"][0]["number"] = "08-111 22 33"
    changed["needs"] = [*changed.get("needs", []), "need.food"]
    added = copy.deepcopy(changed) | {"key": "ny-tjanst", "name": "Ny tjänst"}
    services.append(added)
    new["area.json"]["title"] = "Ny titel"
    new["services.json"]["organizations"][0]["url"] = ""  # same meaning as absent

    d = diff_docs(old, new)
    assert [(r.record_id, r.name_sv) for r in d.added()] == [("ny-tjanst", "Ny tjänst")]
    assert [(r.record_id, r.name("sv")) for r in d.removed("services")] == [
        (gone["key"], gone["name"])
    ]
    (svc,) = d.changed("services")
    assert svc.record_id == changed["key"] and svc.name_sv == changed_name
    paths = {f.path: (f.old, f.new) for f in svc.fields}
    assert paths["/phones/0/number"][1] == "08-111 22 33"
    assert paths["/needs"][1][-1] == "need.food"  # a list of codes is one value
    (area,) = d.changed("area")
    assert [(f.path, f.new) for f in area.fields] == [("/title", "Ny titel")]
    org = old["services.json"]["organizations"][0]
    if not org.get("url"):
        assert not d.changed("organizations")
    assert d.counts()["services"] == {"added": 1, "removed": 1, "changed": 1}
    assert not diff_docs(old, copy.deepcopy(old))


def test_a_field_added_or_removed_is_absent_on_one_side() -> None:
    old = {"landmarks.json": {"landmarks": [{"key": "a", "name": "A", "lat": 1, "lon": 2}]}}
    new = {
        "landmarks.json": {
            "landmarks": [{"key": "a", "name": "A", "lat": 1, "aliases": ["Ä"], "lon": 2}]
        }
    }
    (rc,) = diff_docs(old, new).changed("landmarks")
    (f,) = rc.fields
    assert (f.path, f.old, f.new) == ("/aliases", ABSENT, ["Ä"])
    (f,) = diff_docs(new, old).changed("landmarks")[0].fields
    assert (f.old, f.new) == (["Ä"], ABSENT)


def test_release_diff_baseline_is_the_last_published_release(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    assert s.baseline()[0] is None and not s.release_diff()  # nothing published: as opened
    svc = s.records("services")[0].record_id
    s.set("services", svc, "/name", "Ändrat före publicering")
    (rc,) = s.release_diff().changed("services")
    assert [f.path for f in rc.fields] == ["/name"]
    s.save("Anna", ctx.clock.now())
    # saved but not published: the preview still shows the change against the opened area
    assert s.release_diff().changed("services")
    path = s.remember_published(7)
    assert path.parent == ctx.paths.data_dir / "office" / "published"
    assert s.baseline()[0] == 7 and not s.release_diff()
    s.set("services", svc, "/name", "Efter publicering")
    (rc,) = EditSession.open(ctx, "klara").release_diff().changed("services")
    assert (rc.fields[0].old, rc.fields[0].new) == ("Ändrat före publicering", "Efter publicering")


def test_a_damaged_published_copy_falls_back_to_the_catalogue(ctx: AppContext) -> None:
    docs = ctx.catalogue.release_docs("klara")
    path = remember_published(ctx.paths.data_dir, "klara", 3, docs)
    got = published(ctx.paths.data_dir, "klara")
    assert got is not None and got.version == 3 and got.docs == docs
    path.write_text(json.dumps({"area_id": "other", "version": 3, "documents": {}}))
    assert published(ctx.paths.data_dir, "klara") is None
    path.write_bytes(b"\x00not json")
    assert published(ctx.paths.data_dir, "klara") is None
    s = EditSession.open(ctx, "klara")
    assert s.baseline() == (None, s.installed_documents())
