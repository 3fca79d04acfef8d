"""What every page of the field window is given: built once by the window, no globals."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from kompassen.catalogue.store.reader import CatalogueReader
from kompassen.compose import AppContext
from kompassen.core.clock import Clock
from kompassen.device.events import EventLog
from kompassen.device.settings import SettingsStore
from kompassen.gui.field.state import FieldState
from kompassen.gui.i18n import Translations
from kompassen.gui.theme import Theme
from kompassen.gui.workers.background import Background
from kompassen.gui.workers.search_runner import SearchRunner
from kompassen.gui.workers.sync_runner import SyncRunner

if TYPE_CHECKING:
    from kompassen.reports.drafts import Drafts
    from kompassen.reports.outbox import Outbox
    from kompassen.sync.client import SyncClient
    from kompassen.sync.status import SyncStatus


@dataclass
class Navigator:
    """How a page asks the window to show another page (set by the window)."""

    open_service: Callable[[str], None]
    open_guide: Callable[[str], None]
    # the report form, prefilled: {"kind", "text", "needs", "groups", "landmark_id", "service_id"}
    open_report: Callable[[Mapping[str, Any] | None], None]
    back: Callable[[], None]


@dataclass(frozen=True)
class DeviceStores:
    """What the device.db worker writes to (the connection is shared, under its writer lock)."""

    drafts: Drafts
    outbox: Outbox


@dataclass
class FieldServices:
    reader: CatalogueReader
    runner: SearchRunner
    clock: Clock
    state: FieldState
    theme: Theme
    translations: Translations
    settings: SettingsStore
    events: EventLog
    drafts: Drafts
    outbox: Outbox
    sync: SyncRunner  # the sync worker; started by the window after its first paint
    # device.db writes from the window (draft saves, submit): one fsync each, off the GUI thread;
    # drain it before reading what it wrote, close it with drain=True before the app exits
    device: Background[DeviceStores]
    nav: Navigator


def _nowhere(*_args: object) -> None:
    """A navigation target before the window has wired the real one."""


def _sync_status(ctx: AppContext) -> SyncStatus:
    from kompassen.sync.status import read_status

    return read_status(ctx.outbox, ctx.tokens, ctx.device_db)


def build_services(
    ctx: AppContext,
    area_id: str,
    *,
    synchronous: bool = False,
    theme: Theme | None = None,
    translations: Translations | None = None,
    sync_factory: Callable[[], SyncClient] | None = None,
) -> FieldServices:
    """Everything the pages need, from the app context (the window replaces ``nav``)."""
    settings = ctx.settings.load()
    reader = ctx.catalogue.reader
    area = reader.area(area_id)
    state = FieldState(area, reader.landmarks(area_id), settings.lang)
    state.set_landmark(settings.landmark_for(area_id) or area.default_landmark_id, quiet=True)
    return FieldServices(
        reader=reader,
        runner=SearchRunner(
            partial(ctx.open_search, lean=True), synchronous=synchronous, healer=ctx
        ),
        clock=ctx.clock,
        state=state,
        theme=theme or Theme(settings.theme, settings.text_step),
        translations=translations or Translations(),
        settings=ctx.settings,
        events=ctx.events,
        drafts=ctx.drafts,
        outbox=ctx.outbox,
        sync=SyncRunner(
            # called on the worker: httpx loads there, later; its own catalogue connection
            sync_factory or partial(ctx.sync_client, own_catalogue=True),
            settings=ctx.settings,
            clock=ctx.clock,
            areas=lambda: [a.id for a in reader.areas()],
            tokens=lambda: ctx.tokens,
            status=partial(_sync_status, ctx),
            synchronous=synchronous,
        ),
        device=Background(
            partial(DeviceStores, ctx.drafts, ctx.outbox),
            name="kompassen-device",
            synchronous=synchronous,
        ),
        nav=Navigator(_nowhere, _nowhere, _nowhere, _nowhere),
    )
