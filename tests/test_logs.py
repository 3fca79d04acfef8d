"""The log file: quiet when it cannot be written, and what a slow tablet needs (durations)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kompassen.catalogue.search.model import SearchQuery
from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.device.logs import close_logging, setup_logging
from serverutil import LiveServer


@pytest.fixture
def clean_logging() -> Iterator[None]:
    close_logging()
    yield
    close_logging()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a full disk)")
def test_a_full_disk_is_told_once_in_one_line(
    clean_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging(Path("/dev/full"))
    log = logging.getLogger("kompassen.test")
    for i in range(5):
        log.info("line %d", i)
        log.error("error %d", i)
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "loggfilen kan inte skrivas" in lines[0]
    assert "the log file cannot be written" in lines[0] and "/dev/full" in lines[0]


def test_a_log_folder_that_cannot_be_made_does_not_stop_the_app(
    clean_logging: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    setup_logging(blocker / "logs" / "kompassen.log")  # must not raise
    logging.getLogger("kompassen.test").warning("still running")
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_install_index_build_and_sync_durations_are_logged(ctx: AppContext, tmp_path: Path) -> None:
    """A slow tablet is diagnosed from its log: how long each expensive step took."""
    search = ctx.open_search()
    try:
        assert search.search(SearchQuery("klara", text="härbärge")).total > 0
    finally:
        search.close()
    server_clock = FixedClock(datetime(2026, 11, 23, 12, 5, tzinfo=ZoneInfo("Europe/Stockholm")))
    with LiveServer(clock=server_clock) as live:
        live.start(tmp_path / "server.db")
        client = ctx.sync_client(timeout=20.0)
        try:
            client.enrol(live.url, live.enrolment_code(), "Testplatta")
            assert client.sync(["klara"]).ok
        finally:
            client.close()
    logged = ctx.paths.log_file.read_text("utf-8")
    assert "INFO kompassen.catalogue.store.store: installed area klara (" in logged
    assert "services) in " in logged
    assert "INFO kompassen.catalogue.search.service: built search index klara (" in logged
    assert "INFO kompassen.sync.client: sync finished in " in logged
