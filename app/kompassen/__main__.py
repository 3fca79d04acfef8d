"""``python -m kompassen``: same as the ``kompassen`` command."""

from kompassen.cli import main

raise SystemExit(main())
