"""The device's sync client: enrol once, then push the outbox and pull catalogue releases.

Nothing is lost and nothing is sent twice as two reports: an item is marked ``sent`` only
after the server answered for it, and the server stores by (device, uuid), so resending after
a lost answer gives ``duplicate``. Every network or server failure becomes words in a
:class:`SyncReport` (and in device.db's ``sync_state``), never an exception from :meth:`sync`.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from kompassen import __version__
from kompassen.catalogue.store.db import CatalogueDbError
from kompassen.catalogue.store.release import DeltaMismatch, ReleaseError
from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.device.db import DeviceDb, DeviceDbError
from kompassen.reports.outbox import USAGE_KIND
from kompassen.sync.status import (
    STATE_ERROR_EN,
    STATE_ERROR_SV,
    STATE_LAST_SYNC,
    SyncStatus,
    read_status,
)
from kompassen.sync.tokens import Credentials, TokenStore
from kompassen.sync.transport import (
    KEPT_EN,
    KEPT_SV,
    MAX_RELEASE_BYTES,
    Api,
    SyncError,
    _body,
    answer_json,
    new_http_client,
    not_kompassen,
    response_error,
    server_root,
)

if TYPE_CHECKING:
    from kompassen.catalogue.store.store import CatalogueStore
    from kompassen.reports.outbox import Outbox

STATE_ANSWERS_AFTER = "answers_after"


def _int(value: str | None) -> int:
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0


__all__ = ["SyncClient", "SyncError", "SyncReport", "SyncStatus"]

log = logging.getLogger(__name__)

MAX_BATCH = 500  # the server's limit per request


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What one :meth:`SyncClient.sync` did. ``warnings`` (sv, en): releases not installed."""

    ok: bool  # False when the server could not be reached or refused us
    sent: int
    duplicates: int
    rejected: int
    queued_left: int
    catalogue_updates: list[tuple[str, int]]  # (area_id, new release version)
    error_sv: str | None
    error_en: str | None
    finished_at: str
    warnings: list[tuple[str, str]] = field(default_factory=list)
    answers: int = 0  # answers from the office stored (new or newer) in this sync


@dataclass
class _Push:
    sent: int = 0
    duplicates: int = 0
    rejected: int = 0
    error: SyncError | None = None


def _error_code(resp: httpx.Response) -> str | None:
    """The ``error`` of a Kompassen error answer, or None when it is not one (read with the
    bounded parser: a hostile answer may nest deeper than Python can recurse)."""
    body = _body(resp)
    code = body.get("error") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


def _not_enrolled() -> SyncError:
    return SyncError(
        sv=f"Enheten är inte ansluten till någon server. Anslut med en kod från kontoret – {KEPT_SV}.",
        en=f"This device is not enrolled with a server. Enrol with a code from the office – {KEPT_EN}.",
        kind="not_enrolled",
    )


def _incomplete() -> SyncError:
    return SyncError(
        sv="Servern svarade inte för alla rapporter – de som saknades ligger kvar i utkorgen.",
        en="The server did not answer for every report – the missing ones stay in the outbox.",
        kind="server",
    )


class SyncClient:
    """Push the outbox, pull releases; one per worker thread (it owns an httpx.Client).

    Catalogue writes (installing a release) happen on the thread that calls :meth:`sync`;
    the catalogue connection allows that (``check_same_thread=False``), but the caller must
    not write the catalogue from another thread at the same time. device.db is safe: every
    outbox change goes through DeviceDb's writer lock.
    """

    def __init__(
        self,
        outbox: Outbox,
        catalogue: CatalogueStore | Callable[[], CatalogueStore],
        tokens: TokenStore,
        db: DeviceDb,
        clock: Clock,
        *,
        batch_size: int = 200,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        owns_catalogue: bool = False,
    ) -> None:
        self._outbox = outbox
        self._owns_catalogue = owns_catalogue
        self._catalogue = catalogue
        self._tokens = tokens
        self._db = db
        self._clock = clock
        self._batch_size = max(1, min(batch_size, MAX_BATCH))
        self._http = new_http_client(timeout, transport)

    # ------------------------------------------------------------------------ enrol

    def enrol(self, server_url: str, code: str, name: str = "") -> Credentials:
        """Trade a one-time code from the office for a device token, and keep it."""
        root = server_root(server_url)
        if not code.strip():
            raise SyncError(
                sv="Skriv koden från kontoret.",
                en="Enter the code from the office.",
                kind="bad_code",
            )
        api = Api(self._http, root, outbox=False)  # no reports involved: errors say so
        api.check_health()
        body: dict[str, Any] = {"code": code.strip()}
        if name.strip():
            body["name"] = name.strip()
        data = api.json("POST", "/enrol", body=body)
        device_id, token = data.get("device_id"), data.get("token")
        if not isinstance(device_id, str) or not isinstance(token, str) or not token:
            raise SyncError(
                sv=f"{root} svarade konstigt på anslutningen. Kontrollera adressen.",
                en=f"{root} gave a strange answer to the enrolment. Check the address.",
                kind="not_kompassen",
            )
        creds = Credentials(root, device_id, token)
        self._tokens.save(creds)
        log.info("enrolled with %s as device %s (token in %s)", root, device_id, self._tokens.where)
        return creds

    # ------------------------------------------------------------------------- sync

    def sync(
        self, area_ids: Sequence[str] = (), *, server_url: str | None = None, pull: bool = True
    ) -> SyncReport:
        """Push every queued report in batches, then pull releases for ``area_ids``.

        Never raises for network or server trouble: the report says what happened. Records
        ``last_sync_at`` (on success) and ``last_sync_error_sv/_en`` in device.db.
        """
        started = time.perf_counter()  # logged: a slow tablet is diagnosed from its log
        push = _Push()
        updates: list[tuple[str, int]] = []
        warnings: list[tuple[str, str]] = []
        error: SyncError | None = None
        answers = 0
        creds = self._tokens.load()
        try:
            if creds is None:
                raise _not_enrolled()
            api = Api(self._http, server_root(server_url or creds.server_url), creds.token)
            self._aggregate_usage()
            push = self._push(api)
            error = push.error
            if error is None and pull:
                for area_id in area_ids:
                    self._pull(api, area_id, updates, warnings)
            if error is None:
                try:
                    answers = self._pull_answers(api)
                except SyncError as err:  # the reports are sent: it stays a success
                    log.warning("the office's answers were not fetched: %s", err.en)
                self._send_versions(api)
        except SyncError as err:
            error = err
        queued_left = self._outbox.counts().get("queued", 0)
        report = SyncReport(
            ok=error is None,
            sent=push.sent,
            duplicates=push.duplicates,
            rejected=push.rejected,
            queued_left=queued_left,
            catalogue_updates=updates,
            error_sv=error.sv if error else None,
            error_en=error.en if error else None,
            finished_at=self._clock.now().isoformat(timespec="seconds"),
            warnings=warnings,
            answers=answers,
        )
        self._record(report)
        log.info("sync finished in %.2f s (ok=%s)", time.perf_counter() - started, report.ok)
        return report

    def _record(self, report: SyncReport) -> None:
        if report.ok:
            self._db.set_state(STATE_LAST_SYNC, report.finished_at)
        self._db.set_state(STATE_ERROR_SV, report.error_sv)
        self._db.set_state(STATE_ERROR_EN, report.error_en)
        log.info(
            "sync ok=%s sent=%d dup=%d rejected=%d left=%d updates=%s error=%s",
            report.ok,
            report.sent,
            report.duplicates,
            report.rejected,
            report.queued_left,
            report.catalogue_updates,
            report.error_en,
        )

    def _push(self, api: Api) -> _Push:
        out = _Push()
        self._outbox.recover()
        size = self._batch_size
        while True:
            batch = self._outbox.take_batch(size)
            if not batch:
                return out
            uuids = [item.uuid for item, _ in batch]
            body = {
                "items": [
                    {
                        "uuid": item.uuid,
                        "area_id": item.area_id,
                        "created_at": item.created_at,
                        "sealed": base64.b64encode(blob).decode("ascii"),
                        **({"kind": "usage", "day": item.day} if item.kind == USAGE_KIND else {}),
                    }
                    for item, blob in batch
                ]
            }
            try:
                data = api.json("POST", "/submissions", body=body)
            except SyncError as err:
                if err.kind == "too_large" and len(batch) > 1:
                    self._outbox.recover()  # back to queued without counting an attempt
                    size = max(1, len(batch) // 2)
                    continue
                self._outbox.mark_failed(uuids, err.sv, err.en)
                out.error = err
                return out
            except BaseException:
                self._outbox.mark_failed(
                    uuids, "Avbröts under sändningen.", "Interrupted while sending."
                )
                raise
            if not self._answer(batch, data, out):
                out.error = _incomplete()
                return out

    def _answer(self, batch: list[Any], data: dict[str, Any], out: _Push) -> bool:
        """Mark each item by the server's answer; False when some item got no answer."""
        results = data.get("results")
        by_uuid: dict[str, dict[str, Any]] = {}
        if isinstance(results, list):
            for r in results:
                if isinstance(r, dict) and isinstance(r.get("uuid"), str):
                    by_uuid.setdefault(r["uuid"], r)
        sent: list[str] = []
        missing: list[str] = []
        for item, _ in batch:
            r = by_uuid.get(item.uuid)
            status = r.get("status") if r else None
            if r is not None and status in ("stored", "duplicate"):
                sent.append(item.uuid)
                if status == "stored":
                    out.sent += 1
                else:
                    out.duplicates += 1
            elif r is not None and status == "rejected":
                why = r.get("sv") or r.get("error") or "okänt fel"
                code = r.get("error") or "unknown"
                self._outbox.mark_rejected(
                    item.uuid,
                    f"Servern tog inte emot rapporten: {why}",
                    f"The server refused the report ({code})",
                )
                out.rejected += 1
            else:
                missing.append(item.uuid)
        if sent:
            self._outbox.mark_sent(sent)
        if missing:
            self._outbox.mark_failed(missing, _incomplete().sv, _incomplete().en)
        return not missing

    def _pull(
        self,
        api: Api,
        area_id: str,
        updates: list[tuple[str, int]],
        warnings: list[tuple[str, str]],
    ) -> None:
        try:  # opened now if it was not (a callable): sending never needed it
            if callable(self._catalogue):
                self._catalogue = self._catalogue()
            since = self._catalogue.release_version(area_id) or 0
        except CatalogueDbError as exc:
            if exc.kind == "corrupt":
                raise  # the caller rebuilds it
            warnings.append(
                (
                    f"Katalogen för {area_id} uppdaterades inte: {exc.sv}",
                    f"The catalogue of {area_id} was not updated: {exc.en}",
                )
            )
            return
        catalogue = self._catalogue
        for attempt in (since, 0) if since else (0,):
            resp = api.request(
                "GET",
                f"/areas/{quote(area_id, safe='')}/release",
                params={"since": attempt},
                ok=(200, 304, 403, 404),
                max_bytes=MAX_RELEASE_BYTES,
            )
            if resp.status_code == 403 and _error_code(resp) == "not_your_area":
                # another district's area (a pack shipped with the app): this tablet belongs
                # to its own district's, the shipped pack stays as it is
                log.info("the server keeps %s's releases for that district's tablets", area_id)
                return
            if resp.status_code == 403:
                raise response_error(resp, api.root)
            if resp.status_code != 200:
                return
            data = answer_json(resp, api.root)  # bounded parse; SyncError in words if refused
            try:
                catalogue.apply_release(data)
            except DeltaMismatch as exc:
                log.warning(
                    "delta for %s did not fit (%s); fetching the full release", area_id, exc.en
                )
                if attempt == 0:
                    warnings.append((exc.sv, exc.en))
                continue
            except ReleaseError as exc:
                log.warning("release for %s refused: %s", area_id, exc.en)
                warnings.append(
                    (
                        f"Katalogen för {area_id} uppdaterades inte: {exc.sv} "
                        "Den gamla katalogen används.",
                        f"The catalogue of {area_id} was not updated: {exc.en} "
                        "The old catalogue is kept.",
                    )
                )
                return
            updates.append((area_id, int(data["version"])))
            return

    # ------------------------------------------------------------------ usage, answers

    def _reader(self) -> Any:
        if callable(self._catalogue):
            self._catalogue = self._catalogue()
        return self._catalogue.reader

    def _aggregate_usage(self) -> None:
        """Closed days of usage events into the outbox before pushing (never fails a sync)."""
        from kompassen.reports.usage import aggregate_closed_days

        try:
            reader = self._reader()
            aggregate_closed_days(
                self._db, self._clock, lambda area_id: reader.area(area_id).sealing_public_key
            )
        except (CatalogueDbError, DeviceDbError) as exc:
            log.warning("usage not aggregated this time: %s", exc.en)

    def _pull_answers(self, api: Api) -> int:
        """Fetch the office's answers to this tablet's reports; how many were stored.

        Each is checked against the installed area's signing key and must answer a report
        in this outbox; a bad one is logged and skipped, never stopping the sync.
        """
        from kompassen.reports.answers import AnswerError, verify

        after = _int(self._db.get_state(STATE_ANSWERS_AFTER))
        stored = 0
        keys: dict[str, str | None] = {}
        for _ in range(1000):  # bounded: 200 per page
            data = api.json("GET", "/device/answers", params={"after": after, "limit": 200})
            items = data.get("items")
            if not isinstance(items, list):
                raise not_kompassen(api.root)
            for raw in items:
                seq = raw.get("seq") if isinstance(raw, dict) else None
                if not isinstance(seq, int) or isinstance(seq, bool):
                    log.warning("answer without a sequence number skipped")
                    continue
                after = max(after, seq)
                try:
                    answer = self._verified(raw, keys, verify)
                except AnswerError as exc:
                    log.warning("answer %d refused: %s", seq, exc.en)
                    continue
                if self._outbox.store_answer(answer, seq):
                    stored += 1
                else:
                    log.warning("answer %d is not to a report of this tablet (or older)", seq)
            self._db.set_state(STATE_ANSWERS_AFTER, str(after))
            nxt = data.get("next_after")
            if not isinstance(nxt, int) or isinstance(nxt, bool) or not items:
                break
        return stored

    def _verified(self, raw: dict[str, Any], keys: dict[str, str | None], verify: Any) -> Any:
        from kompassen.reports.answers import AnswerError

        payload, signature, area_id = raw.get("payload"), raw.get("signature"), raw.get("area_id")
        if not (
            isinstance(payload, str) and isinstance(signature, str) and isinstance(area_id, str)
        ):
            raise AnswerError(sv="Svaret saknar fält.", en="The answer lacks fields.")
        if area_id not in keys:
            try:
                keys[area_id] = self._reader().area(area_id).signing_public_key
            except (CatalogueDbError, LookupError, KompassenError):
                keys[area_id] = None
        key = keys[area_id]
        if key is None:
            raise AnswerError(
                sv="Området finns inte på surfplattan.", en="The area is not on this tablet."
            )
        answer = verify(payload, signature, key)
        if answer.area_id != area_id or answer.uuid != raw.get("uuid"):
            raise AnswerError(
                sv="Svaret gäller en annan rapport.", en="The answer is about another report."
            )
        return answer

    # ---------------------------------------------------------------------- versions

    def versions(self) -> dict[str, Any]:
        """What this tablet runs: the app version and each installed area's pack version and
        catalogue release (``areas`` None when the catalogue cannot be read just now)."""
        areas: list[dict[str, Any]] | None
        try:
            if callable(self._catalogue):
                self._catalogue = self._catalogue()
            catalogue = self._catalogue
            areas = [
                {
                    "area_id": a.id,
                    "pack_version": a.pack_version,
                    "catalogue_release": catalogue.release_version(a.id),
                }
                for a in catalogue.reader.areas()
            ]
        except CatalogueDbError as exc:
            log.warning("versions sent without the areas: %s", exc.en)
            areas = None
        return {"app_version": __version__, "areas": areas}

    def _send_versions(self, api: Api) -> None:
        """Tell the server what this tablet runs (the office's device list shows it).

        Not part of what the sync promises: a server too old to know the call (404/405) or
        one that refuses it is logged, and the reports and releases still count as done.
        """
        try:
            resp = api.request("PUT", "/device/versions", body=self.versions(), ok=(200, 404, 405))
        except SyncError as err:  # the sending is done: it stays a success
            log.warning("the server did not take this tablet's versions: %s", err.en)
            return
        if resp.status_code != 200:
            log.info("the server keeps no versions (HTTP %d)", resp.status_code)

    # ------------------------------------------------------------------------ status

    def status(self) -> SyncStatus:
        return read_status(self._outbox, self._tokens, self._db)

    def close(self) -> None:
        self._http.close()
        if self._owns_catalogue and not callable(self._catalogue):
            self._catalogue.close()
