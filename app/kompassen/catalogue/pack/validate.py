"""Area pack validation with line-precise messages in Swedish and English.

Four layers: the file can be read (size, UTF-8, JSON syntax, nesting depth, numbers, broken
characters: see ``device/files.parse_json``), its values can be stored (finite numbers, no
NUL or lone surrogate in any text: also for packs built in memory), it matches the JSON
Schema (``pack_schema.json``), and its references hold (keys unique, services point at
organisations that exist, codes exist in the taxonomy, …). What passes installs: the loader
relies on nothing the validator did not check.

Problems are collected, not just the first, but at most :data:`MAX_SCHEMA_PROBLEMS` per file
from the schema: a 33 MB pack with one wrong field is refused in about the time it takes to
parse it (the Rust validator finds the errors; Python's jsonschema, which words them, only
sees the failing records).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kompassen.catalogue.pack.fact_sources import fact_refs
from kompassen.catalogue.pack.locate import SourceMap
from kompassen.catalogue.pack.packdata import PACK_FILES, REQUIRED_FILES, PackData
from kompassen.catalogue.pack.schema import base_taxonomy, pack_schema
from kompassen.core.errors import KompassenError
from kompassen.device.files import (
    MAX_INT_DIGITS,
    MAX_JSON_DEPTH,
    TextFileError,
    parse_json,
    read_text_limited,
)

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

# The schema libraries are imported where they are used: opening the app must not pay
# ~150 ms for them when no pack is being installed.

# a pack file read whole larger than this is not a pack; a big services.json is streamed
# instead, up to stream.MAX_STREAM_BYTES (2 GB), see streamed.py and docs/DATA.md
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_SCHEMA_PROBLEMS = 100  # per file; PackError shows 50, and nobody fixes more at once


@dataclass(frozen=True, slots=True)
class PackProblem:
    """One thing wrong with a pack, located as precisely as we can."""

    file: str
    pointer: str  # JSON pointer, "" for the whole file
    sv: str
    en: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def describe(self, lang: str = "sv") -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        path = f" ({self.pointer})" if self.pointer else ""
        return f"{where}{path}: {self.en if lang == 'en' else self.sv}"


class PackError(KompassenError):
    """A pack that cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[PackProblem], pack: str = "") -> None:
        self.problems = problems
        head_sv = f"Områdespaketet {pack} har {len(problems)} fel".strip()
        head_en = f"The area pack {pack} has {len(problems)} error(s)".strip()
        lines_sv = "\n".join("  " + p.describe("sv") for p in problems[:50])
        lines_en = "\n".join("  " + p.describe("en") for p in problems[:50])
        super().__init__(sv=f"{head_sv}:\n{lines_sv}", en=f"{head_en}:\n{lines_en}")


@cache
def _validator(file_name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = pack_schema()
    return Draft202012Validator({"$defs": schema["$defs"], **schema["files"][file_name]})


@cache
def _fast_validator(file_name: str) -> Any:
    """Rust validator: ~250× faster on 10k services; says only *whether* a document is valid.

    Optional: the frozen tablet bundle leaves it out (15 MB of its 110 MB budget), and then
    jsonschema answers the same questions, slower on a big pack but with the same problems.
    """
    try:
        import jsonschema_rs
    except ImportError:
        return _PythonFast(_validator(file_name))
    schema = pack_schema()
    return jsonschema_rs.validator_for({"$defs": schema["$defs"], **schema["files"][file_name]})


@dataclass(frozen=True, slots=True)
class _PythonError:
    instance_path: list[Any]


class _PythonFast:
    """jsonschema in the Rust validator's shape (``is_valid``, errors with ``instance_path``)."""

    def __init__(self, validator: Draft202012Validator) -> None:
        self._validator = validator

    def is_valid(self, doc: Any) -> bool:
        return bool(self._validator.is_valid(doc))

    def iter_errors(self, doc: Any) -> Iterator[_PythonError]:
        for err in self._validator.iter_errors(doc):
            yield _PythonError(list(err.absolute_path))


def read_pack_dir(folder: Path) -> PackData:
    """Read and fully validate a pack folder; raise PackError listing every problem."""
    problems: list[PackProblem] = []
    documents: dict[str, Any] = {}
    texts: dict[str, str] = {}
    if not folder.is_dir():
        raise PackError(
            [
                PackProblem(
                    "", "", f"Mappen {folder} finns inte.", f"The folder {folder} does not exist."
                )
            ],
            str(folder),
        )
    for name in PACK_FILES:
        path = folder / name
        if not path.exists():
            if name in REQUIRED_FILES:
                problems.append(PackProblem(name, "", "Filen saknas.", "The file is missing."))
            continue
        text, doc, problem = _read_json(path)
        if problem:
            problems.append(problem)
            continue
        documents[name] = doc
        texts[name] = text
    problems.extend(unknown_files(folder))
    pack = PackData(documents, texts)
    if not problems:
        problems.extend(validate(pack, expected_id=folder.name))
    if problems:
        raise PackError(problems, folder.name)
    return pack


def unknown_files(folder: Path) -> list[PackProblem]:
    """A problem for every .json file in the pack folder that is not a pack file."""
    allowed = ", ".join(PACK_FILES)
    return [
        PackProblem(
            extra,
            "",
            f"Okänd fil i paketet (tillåtna: {allowed}).",
            f"Unknown file in the pack (allowed: {allowed}).",
        )
        # iterdir, not glob: a bundled pack may be a package resource (importlib.resources
        # Traversable), which has no glob under every resource reader (Nuitka's, a zip's)
        for extra in sorted(
            p.name
            for p in folder.iterdir()
            if p.name.endswith(".json") and p.name not in PACK_FILES
        )
    ]


def check_pack(pack: PackData, expected_id: str | None = None) -> PackData:
    """Validate an in-memory pack (from HSDS import, a release, the generator)."""
    problems = validate(pack, expected_id=expected_id)
    if problems:
        raise PackError(problems, pack.area_id)
    return pack


def _read_json(path: Path) -> tuple[str, Any, PackProblem | None]:
    """Text and document of one pack file, or the problem that stopped reading it."""
    name = path.name
    try:
        text = read_text_limited(path, MAX_FILE_BYTES, display=name)
        return text, parse_json(text, name), None
    except TextFileError as exc:
        problem = PackProblem(name, "", exc.problem_sv, exc.problem_en, exc.line, exc.column)
        return "", None, problem


# ---------------------------------------------------------------- schema and references

_EMPTY_SERVICES = {"format_version": 1, "organizations": [], "locations": [], "services": []}


def record_problems(section: str, index: int, value: Any, text: str) -> list[PackProblem]:
    """Values and schema of one streamed record of services.json (``index`` -1: a top-level
    value), worded as for the whole file; pointers are those in the whole file, lines not yet.

    The record is checked inside an otherwise empty services.json, so every message (and the
    schema used) is the one a whole-file check gives.
    """
    doc = dict(_EMPTY_SERVICES)
    doc[section] = [value] if index >= 0 else value
    name = "services.json"
    problems = _value_problems(name, doc, text)
    if not problems:
        try:
            if not _fast_validator(name).is_valid(doc):
                problems = _schema_problems(name, doc)
        except (TypeError, ValueError, OverflowError):
            problems = list(islice(_walk_values(name, doc), MAX_SCHEMA_PROBLEMS)) or [
                PackProblem(name, "", "Ogiltigt dokument.", "Invalid document.")
            ]
    if index < 0:
        return problems
    inner, outer = f"/{section}/0", f"/{section}/{index}"
    return [
        PackProblem(p.file, outer + p.pointer[len(inner) :], p.sv, p.en)
        if p.pointer == inner or p.pointer.startswith(inner + "/")
        else p
        for p in problems
    ]


def validate(
    pack: PackData, expected_id: str | None = None, *, services_streamed: bool = False
) -> list[PackProblem]:
    """All problems of a parsed pack: values, then schema, then references if those hold.

    ``services_streamed``: services.json holds only its empty lists here (its records are
    checked one by one, see :mod:`~kompassen.catalogue.pack.streamed`), so what points at
    services (guide steps, notices) is checked after them.
    """
    problems: list[PackProblem] = [
        PackProblem(name, "", "Filen saknas.", "The file is missing.")
        for name in REQUIRED_FILES
        if name not in pack.documents
    ]
    for name, doc in pack.documents.items():
        if name not in PACK_FILES:
            problems.append(
                PackProblem(name, "", "Okänd fil i paketet.", "Unknown file in the pack.")
            )
            continue
        bad_values = _value_problems(name, doc, pack.texts.get(name))
        if bad_values:
            problems.extend(bad_values)  # the schema validators cannot even be given these
            continue
        try:
            if not _fast_validator(name).is_valid(doc):
                # only a broken document pays for jsonschema's detailed (slow) error report
                problems.extend(_schema_problems(name, doc))
        except (TypeError, ValueError, OverflowError):  # a value Rust cannot take (int keys)
            problems.extend(
                list(islice(_walk_values(name, doc), MAX_SCHEMA_PROBLEMS))
                or [PackProblem(name, "", "Ogiltigt dokument.", "Invalid document.")]
            )
    if not problems:
        problems.extend(_reference_problems(pack, expected_id, services_streamed))
    return _locate_all(problems, pack.texts)


# --------------------------------------------------------------------- storable values

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _value_problems(name: str, doc: Any, text: str | None) -> list[PackProblem]:
    """Values SQLite and the HSDS export cannot keep: NaN/±inf, NUL, lone surrogates, …

    A file read from disk was parsed by ``parse_json`` (no NaN, huge integer, surrogate or
    deep nesting gets past it), so only a NUL (``\\u0000``) remains to look for, in its text.
    A pack built in memory (HSDS import, release) is serialised once to look; only a
    suspicious one is walked value by value to say where.
    """
    if text is not None:
        if "\\u0000" not in text:
            return []
    else:
        try:
            dumped = json.dumps(doc, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError, RecursionError):
            dumped = None  # NaN, a huge integer, a non-JSON value, or nested too deep
        if dumped is not None and "\\u0000" not in dumped and not _UNSTORABLE.search(dumped):
            return []
    return list(islice(_walk_values(name, doc), MAX_SCHEMA_PROBLEMS))


def _walk_values(name: str, doc: Any) -> Iterator[PackProblem]:
    """Every unstorable value with its pointer; a loop, not recursion (any depth)."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack:
        node, path = stack.pop()
        where = _pointer(path)
        if len(path) > MAX_JSON_DEPTH:
            yield PackProblem(
                name,
                where,
                f"Nästlad djupare än {MAX_JSON_DEPTH} nivåer.",
                f"Nested deeper than {MAX_JSON_DEPTH} levels.",
            )
        elif isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str) or _UNSTORABLE.search(key):
                    yield PackProblem(
                        name,
                        where,
                        "Ett fältnamn är ingen giltig text.",
                        "A field name is not valid text.",
                    )
                else:
                    stack.append((value, (*path, key)))
        elif isinstance(node, list | tuple):
            stack.extend((value, (*path, i)) for i, value in enumerate(node))
        elif isinstance(node, str):
            if "\x00" in node:
                yield PackProblem(
                    name,
                    where,
                    "Texten innehåller ett NUL-tecken (\\u0000).",
                    "The text holds a NUL character (\\u0000).",
                )
            elif _UNSTORABLE.search(node):
                yield PackProblem(
                    name,
                    where,
                    "Texten innehåller ett trasigt tecken (en ensam surrogatkod).",
                    "The text holds a broken character (a lone surrogate).",
                )
        elif isinstance(node, bool) or node is None:
            continue
        elif isinstance(node, int):
            if abs(node) >= 10**MAX_INT_DIGITS:
                yield PackProblem(
                    name,
                    where,
                    f"Heltalet har fler än {MAX_INT_DIGITS} siffror.",
                    f"The integer has more than {MAX_INT_DIGITS} digits.",
                )
        elif isinstance(node, float):
            if not math.isfinite(node):
                yield PackProblem(
                    name,
                    where,
                    "Talet måste vara ett vanligt tal (inte NaN eller oändligt).",
                    "The number must be an ordinary number (not NaN or infinite).",
                )
        else:
            yield PackProblem(
                name,
                where,
                f"Inget JSON-värde ({type(node).__name__}).",
                f"Not a JSON value ({type(node).__name__}).",
            )


# ---------------------------------------------------------------------------- schema


def _schema_problems(name: str, doc: Any) -> list[PackProblem]:
    """Worded schema problems, found fast: Rust finds them, Python words the failing records.

    The records of a file's top-level lists are independent in the schema (no uniqueItems,
    only ``landmarks`` has a minItems), so Python's validator sees a copy of the document
    whose lists hold only the records Rust found wrong (or the first record, to keep a
    minItems satisfied) and its errors are mapped back to the original indexes.
    """
    rust = list(islice(_fast_validator(name).iter_errors(doc), MAX_SCHEMA_PROBLEMS))
    reduced, original = _reduce(doc, rust)
    errors = sorted(_validator(name).iter_errors(reduced), key=lambda e: list(e.absolute_path))
    problems: list[PackProblem] = []
    covered: set[str] = set()  # the records (or top-level fields) Python found wrong
    for err in islice(errors, MAX_SCHEMA_PROBLEMS):
        if err.validator in ("oneOf", "anyOf") and err.context:
            # "null or hours": report what is wrong inside the hours, not "wrong shape"
            err = max(err.context, key=lambda e: len(e.absolute_path))
        path = list(err.absolute_path)
        if len(path) >= 2 and path[0] in original and isinstance(path[1], int):
            path[1] = original[path[0]][path[1]]
        sv, en = _schema_message(err)
        problems.append(PackProblem(name, _pointer(path), sv, en))
        covered.add(_pointer(path[:2]))
    # where the two disagree (Python's "$" also matches before a final newline), Rust decides
    for e in rust:
        path = list(e.instance_path)
        if _pointer(path[:2]) not in covered:
            covered.add(_pointer(path[:2]))
            problems.append(
                PackProblem(name, _pointer(path), f"Ogiltigt värde: {e.message}", e.message)
            )
    return problems


def _reduce(doc: Any, rust_errors: list[Any]) -> tuple[Any, dict[str, list[int]]]:
    """``doc`` with each top-level list cut to its failing records, and their old indexes."""
    if not isinstance(doc, dict):
        return doc, {}
    failing: dict[str, set[int]] = {}
    whole: set[str] = set()
    for e in rust_errors:
        path = list(e.instance_path)
        if path and isinstance(path[0], str):
            if len(path) >= 2 and isinstance(path[1], int):
                failing.setdefault(path[0], set()).add(path[1])
            else:
                whole.add(path[0])
    reduced = dict(doc)
    original: dict[str, list[int]] = {}
    for key, value in doc.items():
        if not isinstance(value, list) or key in whole:
            continue
        keep = sorted(failing.get(key, ())) or list(range(min(1, len(value))))
        reduced[key] = [value[i] for i in keep]
        original[key] = keep
    return reduced, original


def _pointer(parts: Iterable[Any]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


# The schema's patterns in words (sv, en): the office editor shows these to a coordinator who
# should not have to read a regular expression. tests/catalogue/test_validate.py checks that
# every pattern in pack_schema.json has its words.
PATTERN_WORDS: dict[str, tuple[str, str]] = {
    r"^[0-9+][0-9 \-]{1,20}$": (
        "ett telefonnummer med siffror, mellanslag och bindestreck (får börja med +)",
        "a phone number of digits, spaces and hyphens (may start with +)",
    ),
    r"^\d{4}-\d{2}-\d{2}$": ("ett datum som 2026-12-31", "a date such as 2026-12-31"),
    r"^(\d{4}(-\d{2}(-\d{2})?)?|unknown)$": (
        "ett år, en månad eller ett datum (2026, 2026-12, 2026-12-31) eller unknown",
        "a year, a month or a date (2026, 2026-12, 2026-12-31) or unknown",
    ),
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$": (
        "ett datum som 2026-12-31 eller en tidpunkt som 2026-12-31T22:00",
        "a date such as 2026-12-31 or a time such as 2026-12-31T22:00",
    ),
    r"^(([01]\d|2[0-3]):[0-5]\d|24:00)$": (
        "en tid som 08:00 eller 24:00",
        "a time such as 08:00 or 24:00",
    ),
    r"^[a-z0-9][a-z0-9-]{0,62}$": (
        "små bokstäver a–z, siffror och bindestreck (högst 63 tecken, först inget bindestreck)",
        "lower-case letters a–z, digits and hyphens (at most 63, not starting with a hyphen)",
    ),
    r"^[A-Za-z0-9_-]{1,32}$": (
        "bokstäver a–z, siffror, _ och - (högst 32 tecken)",
        "letters a–z, digits, _ and - (at most 32)",
    ),
    r"^([a-z0-9-]+\.)?(group|need|handover)\.[a-z0-9-]+$": (
        "en kod som need.shelter-tonight eller group.youth",
        "a code such as need.shelter-tonight or group.youth",
    ),
    r"^[a-z]{2,3}$": ("en språkkod som sv eller en", "a language code such as sv or en"),
    r"^#[0-9a-fA-F]{6}$": ("en färg som #1a6fb0", "a colour such as #1a6fb0"),
    r"^\d{4}\.\d{2}\.\d{2}(\.\d+)?$": (
        "en version som 2026.12.31 (eller 2026.12.31.2)",
        "a version such as 2026.12.31 (or 2026.12.31.2)",
    ),
    r"^[A-Za-z0-9+/]{43}=$": (
        "en publik nyckel: 44 tecken base64 (från kompassen keys generate)",
        "a public key: 44 characters of base64 (from kompassen keys generate)",
    ),
}


def _schema_message(err: ValidationError) -> tuple[str, str]:
    """Swedish for the validators we use; jsonschema's English as the English text."""
    v, val = err.validator, err.validator_value
    inst = err.instance
    if v == "required":
        missing = [k for k in val if isinstance(inst, dict) and k not in inst]
        field = ", ".join(f"”{k}”" for k in missing)
        return f"Fältet {field} saknas.", f"Missing field {', '.join(missing)}."
    if v == "additionalProperties":
        extra = (
            sorted(set(inst) - set(err.schema.get("properties", {})))
            if isinstance(inst, dict)
            else []
        )
        return (
            f"Okänt fält: {', '.join(extra)} (stavfel?).",
            f"Unknown field: {', '.join(extra)} (typo?).",
        )
    if v == "type":
        want = val if isinstance(val, str) else " eller ".join(val)
        names = {
            "string": "text",
            "number": "tal",
            "integer": "heltal",
            "boolean": "true/false",
            "array": "lista",
            "object": "objekt",
            "null": "null",
        }
        want_sv = " eller ".join(names.get(t, t) for t in ([val] if isinstance(val, str) else val))
        return f"Fel typ: ska vara {want_sv}, är {json.dumps(inst, ensure_ascii=False)[:60]}.", (
            f"Wrong type: must be {want}."
        )
    if v == "enum":
        allowed = ", ".join(json.dumps(x, ensure_ascii=False) for x in val)
        return (
            f"Otillåtet värde {json.dumps(inst, ensure_ascii=False)[:60]}; tillåtna: {allowed}.",
            err.message,
        )
    if v == "const":
        return f"Värdet ska vara {json.dumps(val)}.", err.message
    if v == "pattern":
        shown = json.dumps(inst, ensure_ascii=False)[:60]
        words = PATTERN_WORDS.get(val)
        if words is None:  # a pattern added to the schema without words yet
            return f"Fel format på {shown} (mönster {val}).", err.message
        return f"Fel format på {shown}: ska vara {words[0]}.", f"{err.message}: must be {words[1]}."
    if v in ("minItems", "minLength"):
        return "Får inte vara tom.", err.message
    if v == "uniqueItems":
        return "Listan innehåller dubbletter.", err.message
    if v in ("minimum", "maximum"):
        return f"Värdet {inst} ligger utanför tillåtet intervall.", err.message
    if v == "oneOf":
        return "Värdet har fel form (se formatbeskrivningen i docs/DATA.md).", err.message
    return f"Ogiltigt värde: {err.message}", err.message


def _locate_all(problems: list[PackProblem], texts: dict[str, str]) -> list[PackProblem]:
    """Add line/column by finding each JSON pointer in its file's text."""
    maps: dict[str, SourceMap] = {}
    located = []
    for p in problems:
        text = texts.get(p.file)
        if p.line is not None or not text:
            located.append(p)
            continue
        if p.file not in maps:
            maps[p.file] = SourceMap(text)
        where = maps[p.file].line_column(p.pointer)
        if where is None:
            located.append(p)
            continue
        located.append(PackProblem(p.file, p.pointer, p.sv, p.en, *where))
    return located


def _reference_problems(
    pack: PackData, expected_id: str | None, services_streamed: bool = False
) -> Iterator[PackProblem]:
    area = pack.area
    problems: list[PackProblem] = []
    problems.extend(_area_id_problems(area, expected_id))
    services_doc = pack.doc("services.json")
    landmarks = pack.doc("landmarks.json")["landmarks"]
    guides = pack.doc("guides.json")["guides"]
    notices = pack.doc("notices.json")["notices"]

    orgs = _unique(problems, "services.json", "organizations", services_doc["organizations"])
    locs = _unique(problems, "services.json", "locations", services_doc["locations"])
    svcs = _unique(problems, "services.json", "services", services_doc["services"])
    lms = _unique(problems, "landmarks.json", "landmarks", landmarks)
    _unique(problems, "guides.json", "guides", guides)
    _unique(problems, "notices.json", "notices", notices)
    codes = _taxonomy_codes(problems, area["id"], pack.doc("taxonomy.json"))
    _check_ref(
        problems,
        "area.json",
        "/default_landmark",
        area["default_landmark"],
        lms,
        "Landmärket",
        "Landmark",
    )
    for i, loc in enumerate(services_doc["locations"]):
        _location_problems(problems, i, loc, lms)
    for i, svc in enumerate(services_doc["services"]):
        _service_ref_problems(problems, i, svc, orgs, locs)
        _service_problems(problems, i, svc, codes)
    _guide_problems(problems, guides, codes)
    if not services_streamed:
        _guide_service_problems(problems, guides, svcs)
        _notice_problems(problems, notices, svcs)
    yield from problems


def _area_id_problems(area: dict[str, Any], expected_id: str | None) -> list[PackProblem]:
    area_id = area["id"]
    if expected_id is not None and area_id != expected_id:
        return [
            PackProblem(
                "area.json",
                "/id",
                f"Områdets id ”{area_id}” måste vara samma som mappens namn ”{expected_id}”.",
                f"The area id '{area_id}' must equal the folder name '{expected_id}'.",
            )
        ]
    return []


def _duplicate(file: str, pointer: str, key: str) -> PackProblem:
    return PackProblem(
        file,
        pointer,
        f"Nyckeln ”{key}” förekommer mer än en gång.",
        f"The key '{key}' occurs more than once.",
    )


def _unique(
    problems: list[PackProblem], file: str, listname: str, items: list[dict[str, Any]]
) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item["key"] in seen:
            problems.append(_duplicate(file, f"/{listname}/{i}/key", item["key"]))
        seen.add(item["key"])
    return seen


def _taxonomy_codes(
    problems: list[PackProblem], area_id: str, taxonomy: dict[str, Any]
) -> dict[str, str]:
    """Every code the pack may use (base and the pack's own) → its kind."""
    base = base_taxonomy()
    codes = {t["code"]: kind for kind in ("groups", "needs", "handover") for t in base[kind]}
    for kind in ("groups", "needs"):
        for i, term in enumerate(taxonomy.get(kind, [])):
            code = term["code"]
            ptr = f"/{kind}/{i}/code"
            if not code.startswith(f"{area_id}."):
                problems.append(
                    PackProblem(
                        "taxonomy.json",
                        ptr,
                        f"Egna termer måste börja med områdets id: ”{area_id}.{code}”.",
                        f"Added terms must start with the area id: '{area_id}.{code}'.",
                    )
                )
            elif f".{kind[:-1]}." not in code:
                problems.append(
                    PackProblem(
                        "taxonomy.json",
                        ptr,
                        f"Koden ”{code}” ska innehålla ”.{kind[:-1]}.” eftersom den står under {kind}.",
                        f"The code '{code}' must contain '.{kind[:-1]}.' as it is listed under {kind}.",
                    )
                )
            elif code in codes:
                problems.append(
                    PackProblem(
                        "taxonomy.json",
                        ptr,
                        f"Koden ”{code}” finns redan.",
                        f"The code '{code}' already exists.",
                    )
                )
            codes[code] = kind
    return codes


def _check_codes(
    problems: list[PackProblem],
    codes: dict[str, str],
    file: str,
    ptr: str,
    values: list[str],
    kind: str,
) -> None:
    for j, code in enumerate(values):
        if codes.get(code) != kind:
            known = "finns men är av fel sort" if code in codes else "finns inte i taxonomin"
            known_en = (
                "exists but is of the wrong kind" if code in codes else "is not in the taxonomy"
            )
            problems.append(
                PackProblem(
                    file,
                    f"{ptr}/{j}",
                    f"Koden ”{code}” {known} (väntade {kind}).",
                    f"The code '{code}' {known_en} (expected {kind}).",
                )
            )


def _check_ref(
    problems: list[PackProblem],
    file: str,
    ptr: str,
    value: str,
    known: set[str],
    what_sv: str,
    what_en: str,
) -> None:
    if value not in known:
        problems.append(
            PackProblem(
                file,
                ptr,
                f"{what_sv} ”{value}” finns inte i paketet.",
                f"{what_en} '{value}' does not exist in the pack.",
            )
        )


def _location_problems(
    problems: list[PackProblem], i: int, loc: dict[str, Any], lms: set[str]
) -> None:
    if "landmark" in loc:
        _check_ref(
            problems,
            "services.json",
            f"/locations/{i}/landmark",
            loc["landmark"],
            lms,
            "Landmärket",
            "Landmark",
        )
    if (loc.get("lat") is None) != (loc.get("lon") is None):
        problems.append(
            PackProblem(
                "services.json",
                f"/locations/{i}",
                "Ange både lat och lon, eller ingen av dem.",
                "Give both lat and lon, or neither.",
            )
        )


def _service_ref_problems(
    problems: list[PackProblem], i: int, svc: dict[str, Any], orgs: set[str], locs: set[str]
) -> None:
    """The organisation and places a service points at (a streamed pack checks them once
    both lists are complete)."""
    base_ptr = f"/services/{i}"
    _check_ref(
        problems,
        "services.json",
        f"{base_ptr}/organization",
        svc["organization"],
        orgs,
        "Organisationen",
        "Organization",
    )
    for j, key in enumerate(svc.get("locations", [])):
        _check_ref(
            problems, "services.json", f"{base_ptr}/locations/{j}", key, locs, "Platsen", "Location"
        )


def _service_problems(
    problems: list[PackProblem], i: int, svc: dict[str, Any], codes: dict[str, str]
) -> None:
    """What one service must hold by itself: known codes, sane ages, hours and dates."""
    base_ptr = f"/services/{i}"
    _check_codes(problems, codes, "services.json", f"{base_ptr}/groups", svc["groups"], "groups")
    _check_codes(problems, codes, "services.json", f"{base_ptr}/needs", svc["needs"], "needs")
    _check_codes(
        problems,
        codes,
        "services.json",
        f"{base_ptr}/handover/modes",
        svc["handover"]["modes"],
        "handover",
    )
    ho = svc["handover"]
    if (
        ho.get("age_min") is not None
        and ho.get("age_max") is not None
        and ho["age_min"] > ho["age_max"]
    ):
        problems.append(
            PackProblem(
                "services.json",
                f"{base_ptr}/handover/age_max",
                "age_max är lägre än age_min.",
                "age_max is lower than age_min.",
            )
        )
    _fact_source_problems(problems, base_ptr, svc)
    _status_date_problems(problems, base_ptr, svc)
    hours = svc.get("hours") or {}
    for j, rule in enumerate(hours.get("weekly", [])):
        if rule["opens"] == rule["closes"] and rule["opens"] not in ("00:00", "24:00"):
            problems.append(
                PackProblem(
                    "services.json",
                    f"{base_ptr}/hours/weekly/{j}",
                    "Öppnar och stänger samma tid; skriv 00:00–24:00 för hela dygnet.",
                    "Opens and closes at the same time; write 00:00–24:00 for the whole day.",
                )
            )
    for j, exc in enumerate(hours.get("exceptions", [])):
        try:
            date.fromisoformat(exc["date"])
        except ValueError:
            problems.append(
                PackProblem(
                    "services.json",
                    f"{base_ptr}/hours/exceptions/{j}/date",
                    f"Datumet {exc['date']} finns inte.",
                    f"The date {exc['date']} does not exist.",
                )
            )
        closed = exc.get("closed", False)
        has_times = "opens" in exc and "closes" in exc
        if closed == has_times or (not closed and ("opens" in exc) != ("closes" in exc)):
            problems.append(
                PackProblem(
                    "services.json",
                    f"{base_ptr}/hours/exceptions/{j}",
                    "Ett undantag är antingen stängt (closed: true) eller har både opens och closes.",
                    "An exception is either closed (closed: true) or has both opens and closes.",
                )
            )


def _status_date_problems(problems: list[PackProblem], base_ptr: str, svc: dict[str, Any]) -> None:
    """A temporary closure's dates: real dates, from ≤ until, and only on a temporary closure
    (a date on an active or ended service would say something the status does not)."""
    key = svc["key"]
    days: dict[str, date] = {}
    for field in ("status_from", "status_until"):
        if field not in svc:
            continue
        if svc["status"] != "temporarily-closed":
            problems.append(
                PackProblem(
                    "services.json",
                    f"{base_ptr}/{field}",
                    f"Tjänsten ”{key}”: {field} får bara anges när status är temporarily-closed "
                    f"(här {svc['status']}).",
                    f"Service '{key}': {field} is only allowed when the status is "
                    f"temporarily-closed (here {svc['status']}).",
                )
            )
        try:
            days[field] = date.fromisoformat(svc[field])
        except ValueError:
            problems.append(
                PackProblem(
                    "services.json",
                    f"{base_ptr}/{field}",
                    f"Tjänsten ”{key}”: datumet {svc[field]} i {field} finns inte.",
                    f"Service '{key}': the date {svc[field]} in {field} does not exist.",
                )
            )
    if (
        "status_from" in days
        and "status_until" in days
        and days["status_from"] > days["status_until"]
    ):
        problems.append(
            PackProblem(
                "services.json",
                f"{base_ptr}/status_until",
                f"Tjänsten ”{key}”: status_until ({svc['status_until']}) är före status_from "
                f"({svc['status_from']}).",
                f"Service '{key}': status_until ({svc['status_until']}) is before status_from "
                f"({svc['status_from']}).",
            )
        )


def _fact_source_problems(problems: list[PackProblem], base_ptr: str, svc: dict[str, Any]) -> None:
    """Source ids unique within the record, and every fact's "source" one of them (a fact
    without a source is allowed: the worklist reports it as unsourced)."""
    ids: set[str] = set()
    for j, src in enumerate(svc["sources"]):
        if isinstance(src, dict):
            if src["id"] in ids:
                problems.append(
                    PackProblem(
                        "services.json",
                        f"{base_ptr}/sources/{j}/id",
                        f"Källan ”{src['id']}” finns två gånger i tjänsten ”{svc['key']}”.",
                        f"The source '{src['id']}' appears twice in the service '{svc['key']}'.",
                    )
                )
            ids.add(src["id"])
    for ptr, ref in fact_refs(svc):
        if ref not in ids:
            problems.append(
                PackProblem(
                    "services.json",
                    base_ptr + ptr,
                    f"Tjänsten ”{svc['key']}” har ingen källa med id ”{ref}”.",
                    f"The service '{svc['key']}' has no source with the id '{ref}'.",
                )
            )


def _guide_problems(
    problems: list[PackProblem], guides: list[dict[str, Any]], codes: dict[str, str]
) -> None:
    for i, guide in enumerate(guides):
        _check_codes(
            problems, codes, "guides.json", f"/guides/{i}/groups", guide.get("groups", []), "groups"
        )
        _check_codes(problems, codes, "guides.json", f"/guides/{i}/needs", guide["needs"], "needs")


def _guide_service_problems(
    problems: list[PackProblem], guides: list[dict[str, Any]], svcs: set[str]
) -> None:
    for i, guide in enumerate(guides):
        for j, step in enumerate(guide["steps"]):
            for k, key in enumerate(step.get("services", [])):
                _check_ref(
                    problems,
                    "guides.json",
                    f"/guides/{i}/steps/{j}/services/{k}",
                    key,
                    svcs,
                    "Tjänsten",
                    "Service",
                )


def _notice_problems(
    problems: list[PackProblem], notices: list[dict[str, Any]], svcs: set[str]
) -> None:
    for i, notice in enumerate(notices):
        if "service" in notice:
            _check_ref(
                problems,
                "notices.json",
                f"/notices/{i}/service",
                notice["service"],
                svcs,
                "Tjänsten",
                "Service",
            )
