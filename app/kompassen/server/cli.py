"""``kompassen-server --db PATH [--host H] [--port N]``: run the sync server."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="kompassen-server", description="Kompassen sync server")
    p.add_argument("--db", type=Path, required=True, help="path to the server's SQLite database")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8750, help="port (default 8750)")
    args = p.parse_args(argv)
    try:
        import uvicorn

        from kompassen.server.app import create_app
    except ImportError as exc:
        print(
            f"kompassen-server: serverdelen är inte installerad ({exc.name}). "
            "Installera med: pip install 'kompassen[server]'",
            file=sys.stderr,
        )
        return 2
    try:
        app = create_app(args.db)
    except OSError as exc:
        print(f"kompassen-server: kan inte öppna databasen {args.db}: {exc}", file=sys.stderr)
        return 2
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
