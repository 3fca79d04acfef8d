"""Signed catalogue releases: release form, content hash, manifest, signature, delta.

The office signs a *manifest* that names the SHA-256 of the area's **release form** (the
canonical pack documents with every entity list sorted by its key). Because the signature
covers the content and not the transport, a device can rebuild the new content from a small
delta against what it already has and still check it against the office's signature.

The release form is what ``dump_area`` gives back after ``install_pack`` of the same form, so
a device can compute it from its own catalogue.db (see ``CatalogueStore.release_docs``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from operator import itemgetter
from typing import Any, TypeGuard

from kompassen.catalogue.pack.packdata import PACK_FILES, PackData, canonical_documents
from kompassen.catalogue.pack.schema import pack_schema
from kompassen.core.errors import KompassenError

MANIFEST_FORMAT = 1
DELTA_FORMAT = 1

# file → entity list → the field that identifies an entity in it
ENTITY_LISTS: dict[str, dict[str, str]] = {
    "services.json": {"organizations": "key", "locations": "key", "services": "key"},
    "landmarks.json": {"landmarks": "key"},
    "guides.json": {"guides": "key"},
    "notices.json": {"notices": "key"},
    "taxonomy.json": {"groups": "code", "needs": "code"},
}
_MANIFEST_KEYS = ("format", "area_id", "version", "pack_version", "sha256", "published_at")


class ReleaseError(KompassenError):
    """A release that cannot be used: the old catalogue stays as it was."""


class SignatureMismatch(ReleaseError):
    """The manifest is not signed by the area's signing key."""

    def __init__(self, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            sv=f"Katalogsläppets signatur stämmer inte{extra}.",
            en=f"The release signature does not match{extra}.",
        )


class DeltaMismatch(ReleaseError):
    """A delta that does not fit this device's catalogue: fetch the full snapshot instead."""


# ----------------------------------------------------------------------- release form


def _ints(value: Any) -> Any:
    """Integral floats as ints: SQLite's REAL columns give back ``59.0`` for a pack's ``59``."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _ints(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_ints(v) for v in value]
    return value


def _sortable(items: Any, id_field: str) -> TypeGuard[list[dict[str, Any]]]:
    return isinstance(items, list) and all(
        isinstance(e, dict) and isinstance(e.get(id_field), str) for e in items
    )


def _sort_lists(docs: dict[str, Any]) -> dict[str, Any]:
    for name, lists in ENTITY_LISTS.items():
        doc = docs.get(name)
        if not isinstance(doc, dict):
            continue
        for list_key, id_field in lists.items():
            items = doc.get(list_key)
            if _sortable(items, id_field):
                doc[list_key] = sorted(items, key=itemgetter(id_field))
    return docs


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = defs[node["$ref"].rsplit("/", 1)[1]]
    return node


def _required_lists(value: Any, node: dict[str, Any], defs: dict[str, Any]) -> Any:
    """Put back the required arrays ``canonical`` dropped as empty: the form must validate."""
    node = _resolve(node, defs)
    if isinstance(value, dict):
        props = node.get("properties", {})
        for name in node.get("required", []):
            if name not in value and _resolve(props.get(name, {}), defs).get("type") == "array":
                value[name] = []
        for name, sub in value.items():
            if name in props:
                _required_lists(sub, props[name], defs)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for item in value:
            _required_lists(item, node["items"], defs)
    return value


def release_form(pack: PackData) -> dict[str, Any]:
    """The canonical documents of a pack with entity lists sorted by key (or code).

    Numbers with an integral value are written as integers and required arrays are kept
    even when empty, so the form is a valid pack and survives install → dump unchanged.
    """
    schema = pack_schema()
    docs = _ints(canonical_documents(pack))
    for name, doc in docs.items():
        _required_lists(doc, schema["files"][name], schema["$defs"])
    return _sort_lists(docs)


def _compact(doc: Any) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def content_hash(docs: dict[str, Any]) -> str:
    """SHA-256 (hex) of the compact, key-sorted JSON of release-form documents."""
    return hashlib.sha256(_compact(docs)).hexdigest()


# ---------------------------------------------------------------- manifest and signing


def make_manifest(area_id: str, version: int, docs: dict[str, Any], published_at: str) -> dict:
    return {
        "format": MANIFEST_FORMAT,
        "area_id": area_id,
        "version": version,
        "pack_version": docs["area.json"]["version"],
        "sha256": content_hash(docs),
        "published_at": published_at,
    }


def _b64(text: Any, what_sv: str, what_en: str) -> bytes:
    if not isinstance(text, str):
        raise ReleaseError(sv=f"{what_sv} saknas.", en=f"The {what_en} is missing.")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ReleaseError(
            sv=f"{what_sv} är inte giltig base64.", en=f"The {what_en} is not valid base64."
        ) from exc


def sign_manifest(manifest: dict, signing_private_b64: str) -> str:
    """Ed25519 signature (base64) of the manifest, with the 32-byte seed of the signing key."""
    from nacl.signing import SigningKey

    seed = _b64(signing_private_b64, "Den privata signeringsnyckeln", "private signing key")
    if len(seed) != 32:
        raise ReleaseError(
            sv="Den privata signeringsnyckeln ska vara 32 byte.",
            en="The private signing key must be 32 bytes.",
        )
    signed = SigningKey(seed).sign(_compact(manifest))
    return base64.b64encode(signed.signature).decode("ascii")


def verify_manifest(manifest: dict, signature_b64: str, signing_public_b64: str) -> None:
    """Raise SignatureMismatch unless the manifest is signed by that public key."""
    from nacl.exceptions import BadSignatureError, CryptoError
    from nacl.signing import VerifyKey

    if not isinstance(manifest, dict):
        raise ReleaseError(sv="Katalogsläppets manifest saknas.", en="The release manifest is missing.")
    key = _b64(signing_public_b64, "Områdets signeringsnyckel", "area's signing key")
    signature = _b64(signature_b64, "Signaturen", "signature")
    if len(key) != 32 or len(signature) != 64:
        raise SignatureMismatch("fel längd / wrong length" if len(key) == 32 else "")
    try:
        message = _compact(manifest)
        VerifyKey(key).verify(message, signature)
    except (BadSignatureError, CryptoError, ValueError, TypeError) as exc:
        raise SignatureMismatch() from exc


def check_manifest(manifest: Any) -> dict[str, Any]:
    """The manifest if it has the documented shape, else ReleaseError."""
    if not isinstance(manifest, dict) or set(manifest) != set(_MANIFEST_KEYS):
        raise ReleaseError(
            sv="Katalogsläppets manifest har fel form.", en="The release manifest has the wrong shape."
        )
    ok = (
        manifest["format"] == MANIFEST_FORMAT
        and isinstance(manifest["area_id"], str)
        and _is_int(manifest["version"])
        and manifest["version"] >= 1
        and isinstance(manifest["pack_version"], str)
        and isinstance(manifest["sha256"], str)
        and isinstance(manifest["published_at"], str)
    )
    if not ok:
        raise ReleaseError(
            sv="Katalogsläppets manifest har fel form.", en="The release manifest has the wrong shape."
        )
    return manifest


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


# ------------------------------------------------------------------------------ delta


def _index(items: list[dict[str, Any]], id_field: str) -> dict[str, dict[str, Any]] | None:
    """Entities by id, or None when the list cannot be addressed by id (then: replace it)."""
    if not _sortable(items, id_field):
        return None
    by_id = {e[id_field]: e for e in items}
    return by_id if len(by_id) == len(items) else None


def _file_delta(name: str, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    lists_of = ENTITY_LISTS.get(name, {})
    put: dict[str, Any] = {}
    unset: list[str] = []
    lists: dict[str, Any] = {}
    for key in sorted(set(old) | set(new)):
        if key in lists_of:
            id_field = lists_of[key]
            before = _index(old.get(key, []), id_field)
            after = _index(new.get(key, []), id_field)
            if before is not None and after is not None:
                upsert = [e for i, e in after.items() if before.get(i) != e]
                delete = sorted(set(before) - set(after))
                if upsert or delete:
                    change: dict[str, Any] = {}
                    if upsert:
                        change["upsert"] = upsert
                    if delete:
                        change["delete"] = delete
                    lists[key] = change
                continue
        if key not in new:
            unset.append(key)
        elif key not in old or old[key] != new[key]:
            put[key] = new[key]
    out: dict[str, Any] = {}
    if put:
        out["set"] = put
    if unset:
        out["unset"] = unset
    if lists:
        out["lists"] = lists
    return out


def make_delta(old_docs: dict[str, Any], new_docs: dict[str, Any]) -> dict[str, Any]:
    """What turns one release form into another: changed entities by id, deletions, scalars.

    Both sides must be release forms (entity lists sorted, empty lists left out), which is
    what ``apply_delta`` rebuilds; files that did not change are left out.
    """
    files: dict[str, Any] = {}
    for name in sorted(set(old_docs) | set(new_docs)):
        if name not in PACK_FILES:
            raise ReleaseError(
                sv=f"Okänd fil i släppet: {name}.", en=f"Unknown file in the release: {name}."
            )
        old, new = old_docs.get(name), new_docs.get(name)
        if old == new:
            continue
        if not isinstance(old, dict) or not isinstance(new, dict):
            files[name] = {"replace": new}
            continue
        change = _file_delta(name, old, new)
        if change:
            files[name] = change
    return {"format": DELTA_FORMAT, "files": files}


def _bad(why_sv: str, why_en: str) -> ReleaseError:
    return ReleaseError(
        sv=f"Katalogsläppets ändringar har fel form: {why_sv}.",
        en=f"The release delta is malformed: {why_en}.",
    )


def _apply_file(name: str, old: Any, change: Any) -> Any:
    if not isinstance(change, dict) or not change:
        raise _bad(f"{name} är inte ett objekt", f"{name} is not an object")
    if set(change) - {"set", "unset", "lists", "replace"}:
        raise _bad(f"okänd åtgärd i {name}", f"unknown operation in {name}")
    if "replace" in change:
        if len(change) != 1:
            raise _bad(f"”replace” med annat i {name}", f"'replace' mixed with others in {name}")
        if change["replace"] is None:
            return None
        if not isinstance(change["replace"], dict):
            raise _bad(f"{name} ersätts inte med ett objekt", f"{name} replaced by a non-object")
        return change["replace"]
    if not isinstance(old, dict):
        raise _bad(f"{name} finns inte att ändra", f"{name} does not exist to change")
    doc = dict(old)
    put = change.get("set", {})
    unset = change.get("unset", [])
    lists = change.get("lists", {})
    if not isinstance(put, dict) or not isinstance(unset, list) or not isinstance(lists, dict):
        raise _bad(f"fel typer i {name}", f"wrong types in {name}")
    if not all(isinstance(k, str) for k in put):
        raise _bad(f"fältnamn som inte är text i {name}", f"non-text field names in {name}")
    for key in unset:
        if not isinstance(key, str) or key not in doc:
            raise _bad(
                f"tar bort ett fält som inte finns i {name}", f"unset of a missing field in {name}"
            )
        del doc[key]
    doc.update(put)
    lists_of = ENTITY_LISTS.get(name, {})
    for key, ops in lists.items():
        if key not in lists_of:
            raise _bad(f"okänd lista {key} i {name}", f"unknown list {key} in {name}")
        doc[key] = _apply_list(name, key, lists_of[key], doc.get(key, []), ops)
    return doc


def _apply_list(name: str, key: str, id_field: str, items: Any, ops: Any) -> list[Any]:
    where_sv, where_en = f"{name} {key}", f"{name} {key}"
    if not isinstance(ops, dict) or not ops or set(ops) - {"upsert", "delete"}:
        raise _bad(f"fel form på {where_sv}", f"wrong shape of {where_en}")
    by_id = _index(items, id_field) if isinstance(items, list) else None
    if by_id is None:
        raise _bad(f"{where_sv} går inte att ändra per id", f"{where_en} cannot be changed by id")
    delete = ops.get("delete", [])
    upsert = ops.get("upsert", [])
    if not isinstance(delete, list) or not isinstance(upsert, list):
        raise _bad(f"fel typer i {where_sv}", f"wrong types in {where_en}")
    for ident in delete:
        if not isinstance(ident, str) or ident not in by_id:
            raise _bad(
                f"tar bort något som inte finns i {where_sv}", f"deletes a missing id in {where_en}"
            )
        del by_id[ident]
    seen: set[str] = set()
    for entity in upsert:
        if not isinstance(entity, dict) or not isinstance(entity.get(id_field), str):
            raise _bad(
                f"en post utan {id_field} i {where_sv}",
                f"an entry without {id_field} in {where_en}",
            )
        if entity[id_field] in seen:
            raise _bad(f"samma id två gånger i {where_sv}", f"the same id twice in {where_en}")
        seen.add(entity[id_field])
        by_id[entity[id_field]] = entity
    return [by_id[i] for i in sorted(by_id)]


def apply_delta(old_docs: dict[str, Any], delta: dict[str, Any]) -> dict[str, Any]:
    """The new release form from the old one and a delta; ReleaseError if it does not fit.

    ``old_docs`` is not changed; the result shares unchanged parts with it.
    """
    if not isinstance(old_docs, dict):
        raise _bad("inget att ändra", "nothing to change")
    if not isinstance(delta, dict) or set(delta) != {"format", "files"}:
        raise _bad("fel fält", "wrong fields")
    if delta["format"] != DELTA_FORMAT or isinstance(delta["format"], bool):
        raise _bad("okänt format", "unknown format")
    files = delta["files"]
    if not isinstance(files, dict):
        raise _bad("”files” är inte ett objekt", "'files' is not an object")
    docs = dict(old_docs)
    for name, change in files.items():
        if name not in PACK_FILES:
            raise _bad(f"okänd fil {name!r}", f"unknown file {name!r}")
        doc = _apply_file(name, docs.get(name), change)
        if doc is None:
            docs.pop(name, None)
        else:
            docs[name] = doc
    return docs
