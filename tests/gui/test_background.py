"""The generic background operation under the search and sync runners (and the report form).

A real worker thread each time (and the synchronous mode the GUI tests use): the resource is
built and closed on the worker, answers arrive on the GUI thread, the newest operation per key
wins, a user error reaches the caller in words, and a bug reaches ``sys.excepthook``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kompassen.core.errors import KompassenError
from kompassen.gui.workers.background import Background


class Resource:
    """Remembers which threads built, used and closed it."""

    def __init__(self) -> None:
        self.built_on = threading.current_thread().name
        self.closed_on: str | None = None
        self.calls: list[str] = []

    def close(self) -> None:
        self.closed_on = threading.current_thread().name


@pytest.fixture
def made(qapp: object) -> list[Resource]:
    return []


def _factory(made: list[Resource]) -> Resource:
    r = Resource()
    made.append(r)
    return r


@pytest.fixture(params=[False, True], ids=["thread", "synchronous"])
def bg(request: pytest.FixtureRequest, made: list[Resource]) -> Iterator[Background[Resource]]:
    b: Background[Resource] = Background(
        lambda: _factory(made), name="test-bg", close=Resource.close, synchronous=request.param
    )
    yield b
    b.close()


def test_answers_come_on_the_gui_thread_and_the_resource_lives_on_the_worker(
    qtbot: QtBot, bg: Background[Resource], made: list[Resource]
) -> None:
    got: list[tuple[str, str]] = []
    bg.submit(
        lambda r: threading.current_thread().name,
        done=lambda ran_on: got.append((ran_on, threading.current_thread().name)),
    )
    assert got == []  # never before submit returns, not even synchronously
    qtbot.waitUntil(lambda: len(got) == 1)
    gui = threading.main_thread().name
    threaded = not bg._sync
    assert got == [("test-bg" if threaded else gui, gui)]
    bg.close()
    [resource] = made
    assert resource.built_on == resource.closed_on == ("test-bg" if threaded else gui)


def test_the_newest_operation_per_key_wins_and_order_is_kept(
    qtbot: QtBot, bg: Background[Resource]
) -> None:
    gate = threading.Event()
    done: list[str] = []
    bg.submit(lambda r: gate.wait(10) and "first", done=done.append)
    if not bg._sync:
        qtbot.waitUntil(lambda: bg.busy and bg.queued == 0)  # the worker holds "first"
    bg.submit(lambda r: "typed h", key="search", done=done.append)
    bg.submit(lambda r: "unkeyed", done=done.append)
    assert bg.waiting("search")
    bg.submit(lambda r: "typed hä", key="search", done=done.append)
    gate.set()
    assert bg.drain(10)
    assert done == ["first", "typed hä", "unkeyed"]  # the replacement kept its place
    assert not bg.busy


def test_a_user_error_reaches_the_caller_in_words(qtbot: QtBot, bg: Background[Resource]) -> None:
    errors: list[KompassenError] = []

    def full(_r: Resource) -> None:
        raise KompassenError(sv="Disken är full.", en="The disk is full.")

    with qtbot.captureExceptions() as bugs:
        bg.submit(full, done=lambda _x: pytest.fail("no result"), failed=errors.append)
        assert bg.drain(10)
    assert [e.message("en") for e in errors] == ["The disk is full."]
    assert bugs == []


def test_a_bug_reaches_the_excepthook_and_the_caller_hears_of_it(
    qtbot: QtBot, bg: Background[Resource]
) -> None:
    errors: list[KompassenError] = []

    def broken(_r: Resource) -> None:
        raise ZeroDivisionError("division by zero")

    with qtbot.captureExceptions() as bugs:
        bg.submit(broken, failed=errors.append)
        assert bg.drain(10)
    assert [(t, str(e)) for t, e, _tb in bugs] == [(ZeroDivisionError, "division by zero")]
    assert "ZeroDivisionError" in errors[0].message("sv") and "oväntat" in errors[0].sv
    # the worker survives a bug
    got: list[int] = []
    bg.submit(lambda _r: 2, done=got.append)
    assert bg.drain(10) and got == [2]


def test_close_drops_what_waits_unless_asked_to_drain(qtbot: QtBot, made: list[Resource]) -> None:
    saved: list[int] = []
    b: Background[Resource] = Background(lambda: _factory(made), name="test-bg")
    for i in range(5):
        b.submit(lambda r, i=i: r.calls.append(str(i)) or i, done=saved.append)
    b.close(drain=True)
    assert saved == [0, 1, 2, 3, 4]  # done before close returned, answers delivered
    assert made[0].calls == ["0", "1", "2", "3", "4"]
    b.submit(lambda r: pytest.fail("ran after close"))  # dropped, quietly
    assert not b.busy

    gate = threading.Event()
    ran: list[int] = []
    b2: Background[Resource] = Background(lambda: _factory(made), name="test-bg2")
    b2.submit(lambda r: gate.wait(10))
    qtbot.waitUntil(lambda: b2.busy and b2.queued == 0)
    b2.submit(lambda r: ran.append(1))
    threading.Timer(0.05, gate.set).start()
    b2.close()
    assert ran == []
