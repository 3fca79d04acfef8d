"""Labels and freshness from the installed catalogue (the bundled Klara area)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kompassen.catalogue.store.store import CatalogueStore
from kompassen.office.stats.tables import catalogue_labels, freshness

AREAS = Path(__file__).resolve().parents[3] / "data" / "areas"


def test_labels_and_freshness(store: CatalogueStore) -> None:
    store.install_bundled(AREAS)
    reader = store.reader
    labels = catalogue_labels(reader, "klara")
    term = reader.terms("klara")[0]
    assert labels.chip(term.code)[0] == term.label.sv
    sid = reader.service_ids("klara")[0]
    name = reader.service(sid).name
    assert labels.service(sid) == (name, name)
    assert labels.service(sid.rsplit("/", 1)[-1]) == (name, name)
    assert labels.chip("no.such") == ("no.such", "no.such")
    lm = reader.landmarks("klara")[0]
    assert labels.place(lm.id)[0] == lm.name
    t = freshness(reader, "klara", date(2026, 11, 23))
    assert t.total is not None
    assert t.total.cells[0].value == len(reader.service_ids("klara"))
    assert sum(r.cells[0].value for r in t.rows) == t.total.cells[0].value
    assert not any(c.hidden for r in t.rows for c in r.cells)
