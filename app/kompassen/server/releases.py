"""Catalogue releases on the server: accept signed releases, answer with a delta or in full.

The server checks what it is given (next version, content hash, signature by the area's pinned
signing key) so a device never downloads a release it would refuse anyway. The key is pinned
by the admin before the first release (``area-key register``, from the area pack the tablets
carry); a release signed by it that carries a new key rotates the pin, as it does on tablets.
Never trust on first use: a release that brought its own key would let any office token
holder lock the real key out of an area. Documents
are stored gzip-compressed; deltas are computed on demand and kept in a small memory cache.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections import OrderedDict
from typing import Any

from kompassen.catalogue.pack.packdata import PACK_FILES
from kompassen.catalogue.store.release import (
    ReleaseError,
    content_hash,
    make_delta,
    verify_manifest,
)
from kompassen.core.clock import Clock
from kompassen.server import audit
from kompassen.server.admin import AdminError, check_signing_key
from kompassen.server.db import Scope, ServerDb, utc_iso
from kompassen.server.errors import ApiError

_CACHE_SIZE = 16


def _bad_release(error: str, en: str, sv: str) -> ApiError:
    return ApiError(400, error, en=en, sv=sv)


def latest_version(db: ServerDb, area_id: str, scope: Scope) -> int:
    with db.read(scope) as conn:
        row = conn.execute(
            "SELECT MAX(version) AS version FROM release WHERE area_id = ?", (area_id,)
        ).fetchone()
    return int(row["version"] or 0) if row else 0


def _signing_key(documents: Any) -> str:
    """The (normalised) key the release carries for the next one, or ApiError 400."""
    try:
        key = documents["area.json"]["public_keys"]["signing"]
        return check_signing_key(key)
    except (KeyError, TypeError, AttributeError, AdminError) as exc:
        raise _bad_release(
            "no_signing_key",
            "area.json has no valid public_keys.signing (an Ed25519 key in base64) for the "
            "next release to be checked with.",
            "area.json saknar en giltig public_keys.signing (en Ed25519-nyckel i base64) att "
            "kontrollera nästa släpp med.",
        ) from exc


def _pack(documents: dict[str, Any]) -> bytes:
    text = json.dumps(documents, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=6)


def _unpack(blob: bytes) -> dict[str, Any]:
    docs: dict[str, Any] = json.loads(gzip.decompress(blob))
    return docs


class Releases:
    """Release storage and answers for one database."""

    def __init__(self, db: ServerDb, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._lock = threading.Lock()
        self._docs: OrderedDict[tuple[str, int], dict[str, Any]] = OrderedDict()
        self._deltas: OrderedDict[tuple[str, int, int], dict[str, Any]] = OrderedDict()

    def publish(
        self,
        manifest: dict[str, Any],
        signature: str,
        documents: dict[str, Any],
        *,
        actor: str = "",
        scope: Scope,
    ) -> None:
        """Store the release or raise ApiError (409 wrong version or no pinned key, 400
        hash/signature/shape); logged in the audit log as ``actor``'s, in the same
        transaction."""
        area_id = manifest["area_id"]
        version = manifest["version"]
        self._check_shape(area_id, documents)
        try:
            digest = content_hash(documents)
            blob = _pack(documents)
        except (ValueError, TypeError, RecursionError) as exc:
            raise _bad_release(
                "bad_documents",
                "The documents cannot be encoded as JSON.",
                "Dokumenten går inte att skriva som JSON.",
            ) from exc
        with self.db.transaction(scope) as conn:
            row = conn.execute(
                "SELECT MAX(version) AS version FROM release WHERE area_id = ?", (area_id,)
            ).one()
            latest = int(row["version"] or 0)
            if version != latest + 1:
                raise ApiError(
                    409,
                    "version_conflict",
                    en=f"The next release of {area_id} must be version {latest + 1}.",
                    sv=f"Nästa släpp för {area_id} måste ha version {latest + 1}.",
                )
            pinned = conn.execute(
                "SELECT signing_key FROM area_key WHERE area_id = ?", (area_id,)
            ).fetchone()
            if pinned is None:
                raise ApiError(
                    409,
                    "area_key_unknown",
                    en=f"The area's signing key is not registered on the server ({area_id}). "
                    "The server's admin registers it from the area pack first: "
                    f"kompassen-server area-key register {area_id} --from-pack DIR.",
                    sv=f"Områdets signeringsnyckel är inte registrerad på servern ({area_id}). "
                    "Serverns administratör registrerar den först från områdespaketet: "
                    f"kompassen-server area-key register {area_id} --from-pack MAPP.",
                )
            if digest != manifest["sha256"]:
                raise _bad_release(
                    "bad_hash",
                    "The documents do not match the manifest's sha256.",
                    "Dokumenten stämmer inte med manifestets sha256.",
                )
            carried = _signing_key(documents)
            try:
                verify_manifest(manifest, signature, pinned["signing_key"])
            except ReleaseError as exc:
                raise _bad_release("bad_signature", exc.en, exc.sv) from exc
            rotated = carried != pinned["signing_key"]
            if rotated:
                # a rotation, signed by the old key: the tablets that install this release
                # trust the new key from now on, and so does the server
                conn.execute(
                    "UPDATE area_key SET signing_key = ?, registered_by = ?, registered_at = ? "
                    "WHERE area_id = ?",
                    (carried, f"release {version}", utc_iso(self.clock.now()), area_id),
                )
            conn.execute(
                "INSERT INTO release (area_id, version, manifest, signature, documents_gz, "
                "published_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    area_id,
                    version,
                    json.dumps(manifest, sort_keys=True, ensure_ascii=False),
                    signature,
                    blob,
                    utc_iso(self.clock.now()),
                ),
            )
            audit.record(
                conn,
                utc_iso(self.clock.now()),
                actor,
                "publish",
                area_id=area_id,
                target=str(version),
                detail={
                    "version": version,
                    "pack_version": manifest["pack_version"],
                    "sha256": digest,
                    "bytes_gz": len(blob),
                    "key_rotated": rotated,
                },
            )

    @staticmethod
    def _check_shape(area_id: str, documents: dict[str, Any]) -> None:
        # every pack file, as release_form() gives them: a subset would verify here but make
        # every later delta to devices mismatch
        if set(documents) != set(PACK_FILES) or not all(
            isinstance(d, dict) for d in documents.values()
        ):
            raise _bad_release(
                "bad_documents",
                "The documents must be exactly the pack files, as objects: "
                + ", ".join(PACK_FILES),
                "Dokumenten måste vara exakt paketfilerna, som objekt: " + ", ".join(PACK_FILES),
            )
        area = documents.get("area.json")
        if not isinstance(area, dict) or area.get("id") != area_id:
            raise _bad_release(
                "bad_documents",
                "area.json is missing or names another area than the manifest.",
                "area.json saknas eller gäller ett annat område än manifestet.",
            )

    def _documents(self, area_id: str, version: int, scope: Scope) -> dict[str, Any] | None:
        key = (area_id, version)
        with self._lock:
            if key in self._docs:
                self._docs.move_to_end(key)
                return self._docs[key]
        with self.db.read(scope) as conn:
            row = conn.execute(
                "SELECT documents_gz FROM release WHERE area_id = ? AND version = ?", key
            ).fetchone()
        if row is None:
            return None
        docs = _unpack(row["documents_gz"])
        with self._lock:
            self._docs[key] = docs
            while len(self._docs) > _CACHE_SIZE // 4:
                self._docs.popitem(last=False)
        return docs

    def _delta(self, area_id: str, base: int, version: int, scope: Scope) -> dict[str, Any] | None:
        key = (area_id, base, version)
        with self._lock:
            if key in self._deltas:
                self._deltas.move_to_end(key)
                return self._deltas[key]
        old = self._documents(area_id, base, scope)
        new = self._documents(area_id, version, scope)
        if old is None or new is None:
            return None
        delta = make_delta(old, new)
        with self._lock:
            self._deltas[key] = delta
            while len(self._deltas) > _CACHE_SIZE:
                self._deltas.popitem(last=False)
        return delta

    def answer(self, area_id: str, since: int, scope: Scope) -> dict[str, Any] | None:
        """The release response for a device at ``since`` (None: the area has no release,
        or none ``scope`` may see)."""
        with self.db.read(scope) as conn:
            row = conn.execute(
                "SELECT version, manifest, signature FROM release WHERE area_id = ? "
                "ORDER BY version DESC LIMIT 1",
                (area_id,),
            ).fetchone()
        if row is None:
            return None
        version = int(row["version"])
        out: dict[str, Any] = {
            "area_id": area_id,
            "version": version,
            "manifest": json.loads(row["manifest"]),
            "signature": row["signature"],
        }
        delta = self._delta(area_id, since, version, scope) if 1 <= since < version else None
        if delta is not None:
            return out | {"kind": "delta", "base_version": since, "delta": delta}
        docs = self._documents(area_id, version, scope)
        return out | {"kind": "full", "base_version": None, "documents": docs}


def etag(area_id: str, version: int) -> str:
    return f'"{area_id}-v{version}"'


def etag_matches(header: str | None, area_id: str, version: int) -> bool:
    """If-None-Match: a list of (possibly weak) tags, or ``*``."""
    if not header:
        return False
    wanted = etag(area_id, version)
    for part in header.split(","):
        tag = part.strip()
        if tag == "*":
            return True
        tag = tag.removeprefix("W/")
        if tag == wanted or tag == wanted.strip('"'):
            return True
    return False
