"""The sync server, one life per process, for the server half of test_crash.py.

``python server_worker.py DB PORT`` (DB: a SQLite file or a PostgreSQL URL): a zygote (the protocol of ``crash_worker.py --zygote``)
that imports the server once, then for each ``LIFE SEED`` line on stdin forks a child that
serves ``DB`` on ``127.0.0.1:PORT`` (the real app under uvicorn, opening and recovering
server.db as a restarted server does) and prints ``LIFE READY`` once it accepts connections.
The parent SIGKILLs the child at random moments and asks for the next life on the same file.
"""

from __future__ import annotations

import functools
import socket
import sys
from pathlib import Path
from typing import Any

import uvicorn
from crash_worker import say, zygote

from kompassen.server.app import create_app

MODULES = ("kompassen.server.app", "uvicorn", "fastapi", "nacl.signing", "nacl.pwhash")


class _Server(uvicorn.Server):
    """uvicorn that says when it listens (the parent waits for that line)."""

    def __init__(self, config: uvicorn.Config, ready_line: str) -> None:
        super().__init__(config)
        self.ready_line = ready_line

    async def startup(self, sockets: Any = None) -> None:
        await super().startup(sockets)
        if self.started:
            say(self.ready_line)


def serve(life: int, seed: int, prefix: str = "", *, db: Path | str, port: int) -> None:
    """One server life: open server.db (or the PostgreSQL database), listen, serve until
    killed."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    app = create_app(db)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="on"
    )
    _Server(config, f"{prefix}READY").run(sockets=[sock])


def main(argv: list[str]) -> int:
    target: Path | str = argv[0] if "://" in argv[0] else Path(argv[0])
    return zygote(functools.partial(serve, db=target, port=int(argv[1])), MODULES)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
