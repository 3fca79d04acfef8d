"""A smaller ICU data library for the bundle: Qt's 32 MB ``libicudata`` cut to the languages we ship.

PySide6's QtCore links ICU, whose data library holds every locale's collation, names, units and
calendars, 300 character-set converters, the transliterators and the dictionaries for Thai,
Lao, Khmer, Burmese and CJK word breaking: 32 MB, a seventh of the bundle. The app speaks Swedish
and English and converts nothing but UTF-8. So the build takes the data package out of the
wheel's library, removes with ICU's own ``icupkg`` what those two languages never read, and links
the rest back into a library of the same name and symbol with ``genccode`` and the C compiler
(4.4 MB). A language outside the kept set falls back to ICU's root data, as ICU does for any
locale it lacks; tests/test_bundle.py compares collation, case mapping and time-zone names in the
frozen app with the full library's.

Linux only: Qt for Windows uses the ICU that ships with Windows. Without ``icupkg``/``genccode``
(Debian: icu-devtools) or a C compiler the full library is kept and the build says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

# the languages whose locale data stays (the app's translations); root is always kept
KEEP_LANGUAGES = frozenset({"sv", "en"})
# item kinds no Qt widgets app reads: converters (Qt converts UTF-8/16 itself), word-break
# dictionaries of scripts we do not lay out, transliteration and spoof-detection data
DROP_SUFFIXES = (".cnv", ".dict", ".cfu")
DROP_FOLDERS = ("translit",)
_LOCALE = re.compile(r"[a-z]{2,3}")  # a locale resource's first part (not "root", "pool", ...)


def keep_item(name: str) -> bool:
    """Whether an item of the ICU data package (``coll/sv.res``, ``nfkc.nrm``…) stays."""
    parts = name.split("/")
    base = parts[-1]
    if len(parts) > 1 and parts[0] in DROP_FOLDERS:
        return False
    if base.endswith(DROP_SUFFIXES):
        return False
    if base.endswith(".res"):
        first = base.removesuffix(".res").split("_")[0]
        if _LOCALE.fullmatch(first):
            return first in KEEP_LANGUAGES
    return True


def _data_symbol(library: Path) -> tuple[str, int, int] | None:
    """(symbol, file offset, size) of the ``icudtNN_dat`` blob in ICU's data library."""
    nm = subprocess.run(
        ["nm", "-D", "-S", str(library)], capture_output=True, text=True, check=True
    ).stdout
    sym = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", nm, re.M)
    if sym is None:
        return None
    address, size = int(sym.group(1), 16), int(sym.group(2), 16)
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in sections.splitlines():
        cols = line.replace("[", " ").replace("]", " ").split()
        if len(cols) >= 6 and cols[1] == ".rodata":
            start, offset = int(cols[3], 16), int(cols[4], 16)
            return sym.group(3), address - start + offset, size
    return None


def trimmed_icudata(library: Path, work: Path) -> tuple[Path | None, str]:
    """Build the smaller library from ``library`` in ``work``: (its path or None, what happened)."""
    tools = {t: shutil.which(t) for t in ("icupkg", "genccode", "cc", "nm", "readelf", "strip")}
    missing = [t for t, found in tools.items() if found is None]
    if missing:
        return (
            None,
            f"full ICU data kept: {', '.join(missing)} not found (apt install icu-devtools gcc)",
        )
    found = _data_symbol(library)
    if found is None:
        return None, f"full ICU data kept: no icudtNN_dat symbol in {library.name}"
    symbol, offset, size = found
    entry = symbol.removesuffix("_dat")  # icudt73
    out = work / "icu"
    shutil.rmtree(out, ignore_errors=True)
    (out / "pkg").mkdir(parents=True)
    with library.open("rb") as f:
        f.seek(offset)
        data = f.read(size)
    full = out / f"{entry}l.dat"
    full.write_bytes(data)
    listing = subprocess.run(
        ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
    ).stdout.split()
    drop = [item for item in listing if not keep_item(item)]
    (out / "drop.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
    # the output keeps the input's name: icupkg names the package's items after it
    small = out / "pkg" / full.name
    # --ignore-deps: the root break rules name the dropped dictionaries; ICU then breaks
    # those scripts without a dictionary, as it does for any script it has none for
    subprocess.run(
        ["icupkg", "--ignore-deps", "-r", str(out / "drop.txt"), str(full), str(small)],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["genccode", "-a", "gcc", "-e", entry, "-d", str(out), str(small)],
        check=True,
        capture_output=True,
    )
    assembly = next(out.glob("*.S"))
    lib = out / library.name
    soname = library.name
    subprocess.run(
        ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(lib), str(assembly)],
        check=True,
    )
    subprocess.run(["strip", "--strip-unneeded", str(lib)], check=True)
    kept = len(listing) - len(drop)
    return lib, (
        f"ICU data {size / 1e6:.1f} MB -> {lib.stat().st_size / 1e6:.1f} MB "
        f"({kept} of {len(listing)} items: {', '.join(sorted(KEEP_LANGUAGES))} and root)"
    )
