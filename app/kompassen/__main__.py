"""``python -m kompassen``: same as the ``kompassen`` command."""

from kompassen.cli.main import run

run()
