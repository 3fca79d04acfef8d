"""Fuzz: mutated HSDS folders (Klara exported by ``export_hsds``) through ``import_hsds``.

Every mutation either imports or is refused with an HsdsError (a KompassenError, in both
languages) and the catalogue stays exactly as it was; nothing else escapes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from kompassen.catalogue.hsds.export import export_hsds
from kompassen.catalogue.hsds.importer import import_hsds
from kompassen.catalogue.pack.validate import check_pack
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.errors import KompassenError

from .catalogue import KLARA, snapshot
from .mutate import FUZZ, mutated_text

_EXPORTED: dict[str, bytes] = {}

CELLS = st.sampled_from(
    ["NaN", "nan", "inf", "-inf", "1e999", "", " ", "\x00", "0x10", "1" * 5000, "-0", "💥", '"']
) | st.text(max_size=40)


@pytest.fixture
def klara(store: CatalogueStore, tmp_path: Path) -> Iterator[CatalogueStore]:
    store.install_dir(KLARA, origin="bundled")
    if not _EXPORTED:  # the export is the same every time: make it once
        out = tmp_path / "export"
        export_hsds(store, "klara", out)
        for path in out.rglob("*"):
            if path.is_file():
                _EXPORTED[str(path.relative_to(out))] = path.read_bytes()
    yield store


def _folder(tmp_path: Path) -> Path:
    folder = Path(tempfile.mkdtemp(dir=tmp_path)) / "hsds"
    for rel, data in _EXPORTED.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


@st.composite
def csv_damage(draw: st.DrawFn, text: str) -> str:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    kind = draw(st.sampled_from(["cell", "cell", "cell", "drop column", "wide row", "cut", "dup"]))
    if kind == "cell" and len(rows) > 1:
        r = draw(st.integers(min_value=1, max_value=len(rows) - 1))
        c = draw(st.integers(min_value=0, max_value=len(rows[r]) - 1))
        rows[r][c] = draw(CELLS)
    elif kind == "drop column" and rows and rows[0]:
        c = draw(st.integers(min_value=0, max_value=len(rows[0]) - 1))
        rows = [row[:c] + row[c + 1 :] for row in rows]
    elif kind == "wide row" and len(rows) > 1:
        rows[1] = [*rows[1], "extra"]
    elif kind == "dup" and len(rows) > 1:
        rows.append(rows[1])
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    result = out.getvalue()
    if kind == "cut":
        result = result[: draw(st.integers(min_value=0, max_value=len(result)))]
    return result


def _json(name: str) -> Any:
    return json.loads(_EXPORTED[name])


@pytest.mark.slow
@settings(FUZZ, max_examples=250)
@given(data=st.data())
def test_mutated_hsds_folders_import_or_change_nothing(
    klara: CatalogueStore, tmp_path: Path, data: st.DataObject
) -> None:
    folder = _folder(tmp_path)
    names = sorted(n for n in _EXPORTED if n.endswith(".csv") or n == "datapackage.json")
    name = data.draw(st.sampled_from(names), label="file")
    if name.endswith(".json"):
        text = data.draw(mutated_text(_json(name)), label="json")
    else:
        text = data.draw(csv_damage(_EXPORTED[name].decode("utf-8")), label="csv")
    (folder / name).write_text(text, "utf-8", errors="surrogatepass")
    before = snapshot(klara)
    try:
        import_hsds(klara, folder, "klara")
    except KompassenError as err:
        event("refused")
        assert err.message("sv") and err.message("en")
        assert snapshot(klara) == before
        return
    event("imported")
    check_pack(dump_area(klara.conn, "klara"))  # what got in is a valid pack again


def test_the_area_exported_imports_again_unchanged(klara: CatalogueStore, tmp_path: Path) -> None:
    """The baseline of the fuzz test: the unmutated export is accepted and changes nothing
    (was broken by a NaN coordinate the loader stored as NULL next to a kept longitude)."""
    before = snapshot(klara)[0]
    import_hsds(klara, _folder(tmp_path), "klara")
    assert snapshot(klara)[0] == before


def test_a_deep_datapackage_is_refused(klara: CatalogueStore, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "datapackage.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    before = snapshot(klara)
    with pytest.raises(KompassenError) as info:
        import_hsds(klara, folder, "klara")
    assert "deeper than 64 levels" in info.value.message("en")
    assert snapshot(klara) == before
    shutil.rmtree(folder)


@pytest.mark.parametrize(
    "name, data",
    [
        ("datapackage.json", b'{"resources": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        ("datapackage.json", b'{"resources": [], "version": ' + b"9" * 5000 + b"}"),
        ("locations.csv", b"id,name,latitude\n\xff\xfe,x,NaN\n"),
    ],
)
def test_cli_import_hsds_refuses_in_words(
    klara: CatalogueStore, tmp_path: Path, home: Path, name: str, data: bytes
) -> None:
    folder = _folder(tmp_path)
    (folder / name).write_bytes(data)
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "kompassen", "import-hsds", str(folder), "--area", "klara"],
        capture_output=True,
        text=True,
        env={**env, "KOMPASSEN_LANG": "en"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.startswith("kompassen: ")
    assert name in done.stderr
