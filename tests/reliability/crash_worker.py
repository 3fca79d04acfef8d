"""A device that submits and syncs in a loop until it is killed (for test_crash.py).

``python crash_worker.py LIFE SEED [MAX_CYCLES]`` with KOMPASSEN_HOME set to an enrolled
device's home: one device life. It starts like the app (``compose.build``; opening the outbox
runs ``recover()``, which puts rows a killed predecessor left in ``sending`` back in the queue),
then loops: submit one report through the sealed outbox, print ``SUBMITTED <uuid>`` once
``submit`` has returned (the report is committed), and every cycle or every few cycles print
``SYNC``, run ``sync(pull=False)`` and print ``SYNCED <stored> <duplicates> <ok>``; then
``CYCLE``. Every line is flushed at once, so what the parent read is what happened before
the kill. No hooks in the product: the parent kills the process with SIGKILL at random moments.

``python crash_worker.py --zygote``: imports once, then for each ``LIFE SEED`` line on stdin
forks a child that lives one life as above (its lines prefixed with ``LIFE``), prints
``PID LIFE <pid>``, waits for the child and prints ``DEAD LIFE <wait status>``. The parent
kills the child, not the zygote: each life is still a separate process that dies by SIGKILL,
but a restart costs a fork instead of an interpreter start and the imports (~1 s on the VM).
"""

from __future__ import annotations

import importlib
import os
import random
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import timedelta

from kompassen.compose import build
from kompassen.core.report import Report

AREA = "klara"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def live(life: int, seed: int, max_cycles: int = 10**9, prefix: str = "") -> None:
    """One device life: open the app, then submit-and-sync until killed (or max_cycles)."""
    rng = random.Random(seed)
    ctx = build()
    key = ctx.catalogue.reader.area(AREA).sealing_public_key
    outbox = ctx.outbox
    client = ctx.sync_client()
    # sync every cycle for some lives, every k cycles for others (several reports per batch)
    every = 1 if rng.random() < 0.5 else rng.randint(2, 5)
    say(f"{prefix}READY {every}")
    for cycle in range(max_cycles):
        occurred = (ctx.clock.now() - timedelta(minutes=5)).isoformat(timespec="seconds")
        report = Report(
            kind="observation",
            area_id=AREA,
            occurred_at=occurred,
            text=f"Krocktest: liv {life}, varv {cycle}. Många sover ute vid torget.",
            needs=("need.shelter-tonight",),
        )
        uuid = outbox.submit(report, key)
        say(f"{prefix}SUBMITTED {uuid}")
        if (cycle + 1) % every == 0:
            say(f"{prefix}SYNC")
            r = client.sync(pull=False)
            say(f"{prefix}SYNCED {r.sent} {r.duplicates} {int(r.ok)}")
        say(f"{prefix}CYCLE")
    client.close()
    ctx.close()


DEVICE_MODULES = ("kompassen.reports.outbox", "kompassen.sync.client", "httpx", "nacl.public")


def zygote(life_fn: Callable[..., None] = live, modules: Sequence[str] = DEVICE_MODULES) -> int:
    """Fork one child per life asked for on stdin; see the module docstring.

    ``life_fn(life, seed, prefix=...)`` is what a child does (server_worker.py serves).
    """
    for module in modules:
        importlib.import_module(module)  # once, before forking
    say("ZYGOTE")
    for line in sys.stdin:
        life, seed = (int(x) for x in line.split())
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                life_fn(life, seed, prefix=f"{life} ")
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        say(f"PID {life} {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"DEAD {life} {status}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--zygote"]:
        return zygote()
    live(int(argv[0]), int(argv[1]), int(argv[2]) if len(argv) > 2 else 10**9)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
