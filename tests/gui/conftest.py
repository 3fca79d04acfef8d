"""GUI fixtures: the field pages' services built on the real app context."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kompassen.compose import AppContext
from kompassen.gui.field.services import FieldServices, build_services


@pytest.fixture(autouse=True)
def swedish_after_each_test() -> Iterator[None]:
    """A test that switched to English must not leave the translator installed for the next."""
    yield
    app = QCoreApplication.instance()
    if app is not None:
        for t in app.findChildren(QTranslator):
            QCoreApplication.removeTranslator(t)
            t.deleteLater()


@pytest.fixture
def services(ctx: AppContext, qapp: object) -> Iterator[FieldServices]:
    """Field services on Klara with a synchronous search runner (no threads)."""
    svc = build_services(ctx, "klara", synchronous=True)
    svc.theme.apply(ctx.clock.now(), force=True)
    yield svc
    svc.device.close(drain=True)
    svc.runner.close()
