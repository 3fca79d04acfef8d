"""Fuzz: mutated area packs through the real validate-pack and install-pack paths.

Starts from the shipped Klara pack. For every mutation: ``read_pack_dir`` (what
``validate-pack`` runs) accepts it or raises PackError, ``install_dir`` (``install-pack``)
does exactly the same, a refusal leaves the catalogue as it was, and nothing else (no
RecursionError, ValueError, IntegrityError) escapes. A few cases also go through the CLI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from kompassen.catalogue.hsds.export import export_hsds
from kompassen.catalogue.hsds.importer import import_hsds
from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.validate import PackError, read_pack_dir
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.errors import KompassenError

from .catalogue import DOCS, KLARA, snapshot
from .mutate import FUZZ, mutated_document, mutated_text


@pytest.fixture
def klara(store: CatalogueStore) -> CatalogueStore:
    store.install_dir(KLARA, origin="bundled")
    return store


@pytest.mark.slow
@settings(FUZZ, max_examples=250)
@given(
    st.sampled_from(sorted(DOCS)).flatmap(lambda f: st.tuples(st.just(f), mutated_text(DOCS[f])))
)
def test_mutated_pack_files_validate_and_install_alike(
    klara: CatalogueStore, tmp_path: Path, case: tuple[str, str]
) -> None:
    file, text = case
    folder = Path(tempfile.mkdtemp(dir=tmp_path)) / "klara"
    shutil.copytree(KLARA, folder)
    (folder / file).write_text(text, "utf-8", errors="surrogatepass")
    before = snapshot(klara)
    try:
        read_pack_dir(folder)
        accepted = True
    except PackError as err:
        accepted = False
        assert err.problems and err.message("sv") and err.message("en")
    try:
        klara.install_dir(folder, origin="local")
        installed = True
    except KompassenError as err:
        installed = False
        assert err.message("sv") and err.message("en")
    event("installed" if installed else "refused")
    assert installed == accepted, "validate-pack and install-pack disagree"
    if not installed:
        assert snapshot(klara) == before
        return
    # what installs can leave as HSDS and come back (a NaN coordinate once could not)
    out = Path(tempfile.mkdtemp(dir=tmp_path)) / "hsds"
    export_hsds(klara, "klara", out)
    import_hsds(klara, out, "klara")


@settings(FUZZ, max_examples=150)
@given(
    st.sampled_from(sorted(DOCS)).flatmap(
        lambda f: st.tuples(st.just(f), mutated_document(DOCS[f]))
    )
)
def test_mutated_packs_in_memory_install_or_are_refused_in_words(
    klara: CatalogueStore, case: tuple[str, Any]
) -> None:
    """Packs from an HSDS import or a release: no file text, the same guarantees."""
    file, doc = case
    docs = {**DOCS, file: doc}
    before = snapshot(klara)
    try:
        klara.install(PackData(docs, origin="hsds-import"))
        event("installed")
    except PackError as err:
        event("refused")
        assert err.problems and err.message("sv") and err.message("en")
        assert snapshot(klara) == before


CLI_CASES = {
    "lone surrogate": ("services.json", '"name": "', '"name": "\\ud800'),
    "NaN landmark": ("landmarks.json", '"lat": ', '"lat": NaN, "x": '),
    "deep": ("services.json", '"services": [', '"services": [' + "[" * 3000 + "]" * 3000 + ", "),
}


@pytest.mark.parametrize("case", list(CLI_CASES))
def test_cli_validate_and_install_refuse_in_one_clear_line(
    case: str, tmp_path: Path, home: Path
) -> None:
    file, old, new = CLI_CASES[case]
    folder = tmp_path / "klara"
    shutil.copytree(KLARA, folder)
    text = (folder / file).read_text("utf-8")
    assert old in text
    (folder / file).write_text(text.replace(old, new, 1), "utf-8")
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    for command in ("validate-pack", "install-pack"):
        done = subprocess.run(
            [sys.executable, "-m", "kompassen", command, str(folder)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith("kompassen: Områdespaketet klara har 1 fel"), done.stderr
        assert f"{file}:" in done.stderr
