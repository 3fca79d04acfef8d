"""Signed catalogue releases: the release form survives the catalogue, deltas rebuild the
signed content, and a release that does not check out leaves the old catalogue untouched."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.validate import check_pack, read_pack_dir
from kompassen.catalogue.search.model import SearchQuery
from kompassen.catalogue.search.service import SearchService
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.release import (
    DeltaMismatch,
    ReleaseError,
    SignatureMismatch,
    apply_delta,
    content_hash,
    make_delta,
    make_manifest,
    release_form,
    sign_manifest,
    verify_manifest,
)
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.testing.synthetic import generate_pack

REPO = Path(__file__).resolve().parents[2]
KEYS = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
PUBLISHED = "2026-11-23T12:00:00+01:00"
AREA = "synthetic-40"


def synthetic(n: int = 40, seed: int = 3) -> PackData:
    """A synthetic pack whose public keys are the development keys (their private halves are
    known; the generator's own keys are hashes with no private half)."""
    pack = generate_pack(n, seed=seed)
    pack.documents["area.json"]["public_keys"] = {
        "sealing": KEYS["sealing_public"],
        "signing": KEYS["signing_public"],
        "note": "UTVECKLINGSNYCKLAR / development keys",
    }
    return pack


def full(docs: dict[str, Any], version: int, key: str = KEYS["signing_private"]) -> dict:
    aid = docs["area.json"]["id"]
    manifest = make_manifest(aid, version, docs, PUBLISHED)
    return {
        "area_id": aid,
        "version": version,
        "manifest": manifest,
        "signature": sign_manifest(manifest, key),
        "kind": "full",
        "base_version": None,
        "documents": docs,
    }


def delta(old: dict[str, Any], new: dict[str, Any], base: int, version: int) -> dict:
    response = full(new, version)
    del response["documents"]
    return response | {"kind": "delta", "base_version": base, "delta": make_delta(old, new)}


def edited(docs: dict[str, Any], *edits: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    out = copy.deepcopy(docs)
    for edit in edits:
        edit(out)
    return release_form(PackData(out))


def rename_first(docs: dict[str, Any]) -> None:
    docs["services.json"]["services"][0]["name"] = "Nattcafé Påhittat (ändrat)"


def add_service(docs: dict[str, Any]) -> None:
    svc = copy.deepcopy(docs["services.json"]["services"][1])
    svc |= {"key": "zz-ny-tjanst", "name": "Fiktiva Stödpunkten Kvastfenan"}
    docs["services.json"]["services"].append(svc)


def drop_third(docs: dict[str, Any]) -> None:
    services = docs["services.json"]["services"]
    gone = services.pop(2)["key"]
    for guide in docs["guides.json"]["guides"]:
        for step in guide["steps"]:
            step["services"] = [s for s in step.get("services", []) if s != gone]
    docs["notices.json"]["notices"] = [
        n for n in docs["notices.json"]["notices"] if n.get("service") != gone
    ]


def state(store: CatalogueStore, area_id: str = AREA) -> tuple[str, int, int | None, int]:
    """Everything a failed release must leave alone."""
    return (
        content_hash(store.release_docs(area_id)),
        store.reader.area(area_id).catalogue_version,
        store.release_version(area_id),
        store.conn.execute("SELECT count(*) FROM area_release").fetchone()[0],
    )


@pytest.fixture
def installed(store: CatalogueStore) -> Iterator[tuple[CatalogueStore, dict[str, Any]]]:
    """A store with the synthetic area installed as a bundled pack, and its release form."""
    pack = synthetic()
    store.install(pack)
    yield store, release_form(pack)


# ------------------------------------------------------------------------ release form


@pytest.mark.parametrize(
    "make",
    [
        lambda: read_pack_dir(REPO / "data" / "areas" / "klara"),
        lambda: read_pack_dir(REPO / "data" / "areas" / "vastra-sodermalm"),
        lambda: generate_pack(100, seed=1),
        lambda: generate_pack(400, seed=9),
    ],
    ids=["klara", "vastra-sodermalm", "synthetic-100", "synthetic-400"],
)
def test_release_form_survives_install_and_dump(
    store: CatalogueStore, make: Callable[[], PackData]
) -> None:
    """Otherwise a device could never verify a delta against its own catalogue."""
    pack = make()
    docs = release_form(pack)
    store.install(pack)
    assert release_form(dump_area(store.conn, pack.area_id)) == docs
    assert content_hash(store.release_docs(pack.area_id)) == content_hash(docs)
    # the release form is itself a valid pack, and installing it changes nothing either
    check_pack(PackData(docs))
    store.install(PackData(docs, origin="release"))
    assert content_hash(store.release_docs(pack.area_id)) == content_hash(docs)


def test_release_form_sorts_entities_and_keeps_required_empty_lists() -> None:
    pack = generate_pack(30, seed=2)
    pack.documents["services.json"]["services"].reverse()
    pack.documents["notices.json"]["notices"] = []
    docs = release_form(pack)
    keys = [s["key"] for s in docs["services.json"]["services"]]
    assert keys == sorted(keys)
    assert docs["notices.json"]["notices"] == []
    assert content_hash(docs) == content_hash(
        release_form(generate_pack(30, seed=2)) | {"notices.json": docs["notices.json"]}
    )


def test_integral_coordinates_hash_the_same_after_the_catalogue(store: CatalogueStore) -> None:
    """A pack's ``18`` comes back from SQLite's REAL column as ``18.0``."""
    pack = synthetic()
    landmark = pack.documents["landmarks.json"]["landmarks"][0]
    landmark["lon"] = 18
    landmark["lat"] = 59.0 + 0.3  # keep it in the area
    store.install(pack)
    assert content_hash(store.release_docs(AREA)) == content_hash(release_form(pack))


def test_content_hash_is_over_compact_sorted_json() -> None:
    import hashlib

    docs = {"b": [1, "å"], "a": {"y": 1, "x": 2}}
    expected = hashlib.sha256('{"a":{"x":2,"y":1},"b":[1,"å"]}'.encode()).hexdigest()
    assert content_hash(docs) == expected


# ------------------------------------------------------------------------------ delta


def test_delta_of_identical_docs_is_empty() -> None:
    docs = release_form(synthetic())
    d = make_delta(docs, copy.deepcopy(docs))
    assert d == {"format": 1, "files": {}}
    assert apply_delta(docs, d) == docs


def test_delta_carries_only_what_changed() -> None:
    old = release_form(synthetic())
    new = edited(old, rename_first, add_service, drop_third)
    d = make_delta(old, new)
    assert set(d["files"]) <= {"services.json", "guides.json", "notices.json"}
    services = d["files"]["services.json"]["lists"]["services"]
    assert {s["key"] for s in services["upsert"]} == {
        old["services.json"]["services"][0]["key"],
        "zz-ny-tjanst",
    }
    assert len(services["delete"]) == 1
    assert len(json.dumps(d)) < len(json.dumps(new)) / 5
    assert content_hash(apply_delta(old, d)) == content_hash(new)


BASE = release_form(synthetic(25, seed=4))
SERVICE_KEYS = [s["key"] for s in BASE["services.json"]["services"]]
text = st.text(alphabet="abcåäö XYZ-", min_size=1, max_size=12)


@st.composite
def random_edit(draw: st.DrawFn) -> Callable[[dict[str, Any]], None]:
    kind = draw(st.sampled_from(["rename", "delete", "add", "area", "taxonomy", "landmark", "top"]))
    i = draw(st.integers(0, len(SERVICE_KEYS) - 1))
    word = draw(text)

    def edit(docs: dict[str, Any]) -> None:
        services = docs["services.json"]["services"]
        if kind == "rename" and services:
            services[i % len(services)]["name"] = word
        elif kind == "delete" and services:
            services.pop(i % len(services))
        elif kind == "add" and services:
            services.append(services[i % len(services)] | {"key": f"ny-{word}-{i}", "name": word})
        elif kind == "area":
            docs["area.json"]["title"] = word
        elif kind == "taxonomy":
            docs["taxonomy.json"]["needs"][0]["sv"] = word
        elif kind == "landmark":
            docs["landmarks.json"]["landmarks"].pop(i % len(docs["landmarks.json"]["landmarks"]))
        else:
            docs["guides.json"]["format_version"] = 2

    return edit


@settings(max_examples=60, deadline=None)
@given(st.lists(random_edit(), max_size=6), st.lists(random_edit(), max_size=6))
def test_apply_of_make_delta_rebuilds_the_new_docs(
    edits_old: list[Callable[[dict[str, Any]], None]],
    edits_new: list[Callable[[dict[str, Any]], None]],
) -> None:
    old = edited(BASE, *edits_old)
    new = edited(BASE, *edits_new)
    before = content_hash(old)
    d = make_delta(old, new)
    json.dumps(d)  # it travels as JSON
    assert apply_delta(old, d) == new
    assert content_hash(apply_delta(old, d)) == content_hash(new)
    assert content_hash(old) == before  # the old docs are not changed


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
file_names = st.sampled_from(["services.json", "notices.json", "area.json", "taxonomy.json", "x"])
list_ops = st.dictionaries(
    st.sampled_from(["upsert", "delete", "other"]),
    st.lists(
        st.sampled_from([*SERVICE_KEYS[:3], "nope"])
        | st.fixed_dictionaries({"key": st.sampled_from([*SERVICE_KEYS[:3], "ny"])})
        | json_values,
        max_size=3,
    )
    | json_values,
    max_size=2,
)
file_ops = st.dictionaries(
    st.sampled_from(["set", "unset", "lists", "replace", "other"]),
    st.dictionaries(st.sampled_from(["services", "groups", "title", "x"]), list_ops | json_values)
    | st.lists(st.sampled_from(["title", "format_version", "x"]) | json_values, max_size=3)
    | json_values,
    max_size=3,
)
junk_deltas = (
    st.fixed_dictionaries(
        {
            "format": st.sampled_from([1, 2, True, "1"]),
            "files": st.dictionaries(file_names, file_ops),
        }
    )
    | json_values
)


@settings(max_examples=300, deadline=None)
@given(junk_deltas)
def test_malformed_delta_raises_release_error_only(junk: Any) -> None:
    before = content_hash(BASE)
    try:
        result = apply_delta(BASE, junk)
    except ReleaseError:
        pass
    else:
        assert isinstance(result, dict)
    assert content_hash(BASE) == before


# -------------------------------------------------------------------------- signature


def test_signature_verifies_and_catches_tampering() -> None:
    docs = release_form(synthetic())
    manifest = make_manifest(AREA, 3, docs, PUBLISHED)
    assert manifest == {
        "format": 1,
        "area_id": AREA,
        "version": 3,
        "pack_version": docs["area.json"]["version"],
        "sha256": content_hash(docs),
        "published_at": PUBLISHED,
    }
    signature = sign_manifest(manifest, KEYS["signing_private"])
    verify_manifest(manifest, signature, KEYS["signing_public"])
    for field, value in (("sha256", "0" * 64), ("version", 4), ("area_id", "klara")):
        with pytest.raises(SignatureMismatch):
            verify_manifest(manifest | {field: value}, signature, KEYS["signing_public"])
    with pytest.raises(SignatureMismatch):  # another key (a valid curve point)
        verify_manifest(manifest, signature, KEYS["sealing_public"])
    other = sign_manifest(manifest, KEYS["sealing_private"])
    with pytest.raises(SignatureMismatch) as err:
        verify_manifest(manifest, other, KEYS["signing_public"])
    assert "signatur stämmer inte" in err.value.sv and "signature does not match" in err.value.en
    for bad_sig, bad_key in (
        ("inte base64!", KEYS["signing_public"]),
        (signature, "AAAA"),
        (None, KEYS["signing_public"]),
    ):
        with pytest.raises(ReleaseError):
            verify_manifest(manifest, bad_sig, bad_key)  # type: ignore[arg-type]


# ------------------------------------------------------------------- applying on device


def test_full_then_delta_on_a_real_store(
    installed: tuple[CatalogueStore, dict[str, Any]],
) -> None:
    store, v0 = installed
    search = SearchService(store.conn, store.clock)
    assert store.release_version(AREA) is None
    assert search.search(SearchQuery(AREA, text="Kvastfenan")).total == 0

    v1 = edited(v0, add_service)
    catalogue_version = store.apply_release(full(v1, 1))
    assert store.release_version(AREA) == 1
    assert store.reader.area(AREA).catalogue_version == catalogue_version == 2
    assert content_hash(store.release_docs(AREA)) == content_hash(v1)
    hits = search.search(SearchQuery(AREA, text="Kvastfenan")).hits
    assert [h.id for h in hits] == [f"{AREA}/zz-ny-tjanst"]

    v2 = edited(v1, rename_first, drop_third)
    store.apply_release(delta(v1, v2, base=1, version=2))
    assert store.release_version(AREA) == 2
    assert content_hash(store.release_docs(AREA)) == content_hash(v2)
    renamed = search.search(SearchQuery(AREA, text="ändrat")).hits
    assert renamed and renamed[0].name == "Nattcafé Påhittat (ändrat)"
    row = store.conn.execute(
        "SELECT origin, release_version FROM area_release ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert tuple(row) == ("release", 2)


def test_a_release_survives_reopening_and_is_not_overwritten_by_the_bundled_pack(
    installed: tuple[CatalogueStore, dict[str, Any]], tmp_path: Path
) -> None:
    store, v0 = installed
    store.apply_release(full(edited(v0, add_service), 1))
    store.close()
    newer = synthetic()
    newer.documents["area.json"]["version"] = "2027.01.01"
    newer.write(tmp_path / "areas" / AREA)
    again = CatalogueStore(store.path, store.backup_dir, store.clock).open()
    try:
        assert again.install_bundled(tmp_path / "areas") == []
        assert again.release_version(AREA) == 1
        assert again.reader.area(AREA).service_count == 41
    finally:
        again.close()


def test_a_delta_that_does_not_fit_can_be_retried_as_full(
    installed: tuple[CatalogueStore, dict[str, Any]],
) -> None:
    store, v0 = installed
    v1 = edited(v0, add_service)
    store.apply_release(full(v1, 1))
    v2 = edited(v1, rename_first)
    with pytest.raises(DeltaMismatch):  # the server thought the device had release 0
        store.apply_release(delta(v0, v2, base=0, version=2))

    # right base number, but the server's release 1 differs where the delta does not look
    def retitle(docs: dict[str, Any]) -> None:
        docs["area.json"]["title"] = "Serverns egen titel"

    server_v1 = edited(v1, retitle)
    server_v2 = edited(server_v1, rename_first)
    with pytest.raises(DeltaMismatch):
        store.apply_release(delta(server_v1, server_v2, base=1, version=2))
    assert content_hash(store.release_docs(AREA)) == content_hash(v1)
    store.apply_release(full(server_v2, 2))
    assert content_hash(store.release_docs(AREA)) == content_hash(server_v2)
    assert store.reader.area(AREA).title == "Serverns egen titel"


def _bad_responses(v0: dict[str, Any]) -> dict[str, Callable[[], dict[str, Any]]]:

    def v2_() -> dict[str, Any]:
        return edited(v0, add_service, rename_first)

    def tampered() -> dict[str, Any]:
        r = full(v2_(), 2)
        r["documents"] = edited(v2_(), drop_third)
        return r

    def resigned_other_key() -> dict[str, Any]:
        return full(v2_(), 2, key=KEYS["sealing_private"])

    def partial() -> dict[str, Any]:
        r = full(v2_(), 2)
        r["documents"] = {k: v for k, v in v2_().items() if k != "services.json"}
        return r

    def truncated_delta() -> dict[str, Any]:
        r = delta(v0, v2_(), base=1, version=2)
        r["delta"]["files"]["services.json"]["lists"]["services"]["upsert"].pop()
        return r

    def signed_but_invalid() -> dict[str, Any]:
        bad = copy.deepcopy(v2_())
        bad["services.json"]["services"][0]["needs"] = ["need.finns-inte"]
        return full(bad, 2)

    def manifest_for_other_version() -> dict[str, Any]:
        return full(v2_(), 2) | {"version": 3}

    def other_area() -> dict[str, Any]:
        docs = copy.deepcopy(v2_())
        docs["area.json"]["id"] = "klara"
        return full(docs, 2)

    return {
        "tampered documents": tampered,
        "signed with another key": resigned_other_key,
        "partial snapshot": partial,
        "truncated delta": truncated_delta,
        "delta on the wrong base": lambda: delta(v0, v2_(), base=0, version=2),
        "old version": lambda: full(v2_(), 1),
        "older version": lambda: full(v2_(), 0),
        "signed but invalid pack": signed_but_invalid,
        "manifest for another version": manifest_for_other_version,
        "area not installed": other_area,
        "unknown kind": lambda: full(v2_(), 2) | {"kind": "patch"},
        "no signature": lambda: full(v2_(), 2) | {"signature": None},
        "version as text": lambda: full(v2_(), 2) | {"version": "2"},
        "documents as a list": lambda: full(v2_(), 2) | {"documents": [1, 2]},
        "not an object": lambda: [],  # type: ignore[dict-item]
    }


@pytest.mark.parametrize("case", list(_bad_responses({})))
def test_a_bad_release_leaves_the_catalogue_unchanged(
    installed: tuple[CatalogueStore, dict[str, Any]], case: str
) -> None:
    store, v0 = installed
    store.apply_release(full(v0, 1))
    before = state(store)
    response = _bad_responses(v0)[case]()
    with pytest.raises(ReleaseError):
        store.apply_release(response)
    assert state(store) == before


def test_junk_responses_raise_release_error_only(
    installed: tuple[CatalogueStore, dict[str, Any]],
) -> None:
    store, v0 = installed
    store.apply_release(full(v0, 1))
    before = state(store)
    good = delta(v0, edited(v0, rename_first), base=1, version=2)
    keys = st.sampled_from(sorted(good))

    @settings(
        max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.dictionaries(keys, json_values | junk_deltas, max_size=4), junk_deltas)
    def check(overrides: dict[str, Any], junk_delta: Any) -> None:
        for response in (good | overrides, good | {"delta": junk_delta}):
            if response == good:
                continue
            with pytest.raises(ReleaseError):
                store.apply_release(response)
            assert state(store) == before

    check()
