"""Validating (and installing) a pack whose services.json is read record by record.

A big ``services.json`` (from :data:`STREAM_FROM_BYTES` on; the limit is
:data:`~kompassen.catalogue.pack.stream.MAX_STREAM_BYTES`) is never held whole: the other
pack files are read and validated as usual, then each organisation, location and service is
decoded, checked (values, schema, keys, codes, hours) and handed to a sink in batches — the
loader's inserts inside its one transaction — and forgotten. What must be remembered is only
what references need: the keys of organisations, locations and services. Problems keep the
record's index (the JSON pointer) and its line, in Swedish and English, like the whole-file
check; a pack that fails anywhere installs nothing.

Smaller files go through :func:`~kompassen.catalogue.pack.validate.read_pack_dir` (their
memory is bounded by the threshold anyway), so both paths meet the same packs every day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kompassen.catalogue.pack.locate import SourceMap
from kompassen.catalogue.pack.packdata import FORMAT_VERSION, PACK_FILES, REQUIRED_FILES, PackData
from kompassen.catalogue.pack.stream import (
    STREAMED_LISTS,
    Progress,
    Record,
    open_limited,
    stream_records,
)
from kompassen.catalogue.pack.validate import (
    MAX_SCHEMA_PROBLEMS,
    PackError,
    PackProblem,
    _duplicate,
    _guide_service_problems,
    _location_problems,
    _notice_problems,
    _read_json,
    _service_problems,
    _service_ref_problems,
    _taxonomy_codes,
    record_problems,
    unknown_files,
    validate,
)
from kompassen.device.files import TextFileError

STREAM_FROM_BYTES = 4 * 1024 * 1024  # services.json this large or larger is streamed
BATCH = 500  # records handed to the sink at once: a few MB of rows at most

Sink = Callable[[str, list[tuple[int, dict[str, Any]]]], None]
"""``sink(section, [(index, record), …])``: validated records of one list, in file order."""

_TOP_LEVEL = ("format_version", *STREAMED_LISTS)


def streams(folder: Path) -> bool:
    """Whether the pack in ``folder`` is read record by record (its services.json is big)."""
    try:
        return (folder / "services.json").stat().st_size >= STREAM_FROM_BYTES
    except OSError:
        return False  # missing or unreadable: the whole-file path words it


@dataclass
class StreamedPack:
    """Every pack file but services.json, validated; services.json still on disk."""

    folder: Path
    head: PackData  # services.json as its empty form
    services_path: Path
    services_bytes: int
    service_count: int = 0  # known once streamed
    service_keys: set[str] = field(default_factory=set)

    @property
    def area_id(self) -> str:
        return self.head.area_id


def open_pack_dir(folder: Path) -> StreamedPack:
    """Read and validate all but the records of services.json; PackError on any problem."""
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
    size = 0
    for name in PACK_FILES:
        path = folder / name
        if not path.exists():
            if name in REQUIRED_FILES:
                problems.append(PackProblem(name, "", "Filen saknas.", "The file is missing."))
            continue
        if name == "services.json":
            try:
                fh, size = open_limited(path, name)
                fh.close()
            except TextFileError as exc:
                problems.append(
                    PackProblem(name, "", exc.problem_sv, exc.problem_en, exc.line, exc.column)
                )
            continue
        text, doc, problem = _read_json(path)
        if problem:
            problems.append(problem)
            continue
        documents[name] = doc
        texts[name] = text
    problems.extend(unknown_files(folder))
    documents["services.json"] = {
        "format_version": FORMAT_VERSION,
        "organizations": [],
        "locations": [],
        "services": [],
    }
    head = PackData(documents, texts)
    if not problems:
        problems.extend(validate(head, expected_id=folder.name, services_streamed=True))
    if problems:
        raise PackError(problems, folder.name)
    return StreamedPack(folder, head, folder / "services.json", size)


class _Check:
    """The state of one pass over services.json: keys seen, problems, the pending batch."""

    def __init__(self, pack: StreamedPack, sink: Sink | None) -> None:
        self.pack = pack
        self.sink = sink
        self.problems: list[PackProblem] = []  # the file's syntax, values and schema
        self.ref_problems: list[PackProblem] = []  # keys, codes, references: told only when
        # the schema holds everywhere, as the whole-file check does
        self.keys: dict[str, set[str]] = {name: set() for name in STREAMED_LISTS}
        self.complete: set[str] = set()  # lists whose last record has been read
        self.current = ""
        self.top_level: set[str] = set()
        self.pending: list[tuple[int, dict[str, Any]]] = []  # services read before their refs
        self.batch: list[tuple[int, dict[str, Any]]] = []
        self.codes = _taxonomy_codes([], pack.area_id, pack.head.doc("taxonomy.json"))
        self.landmarks = {lm["key"] for lm in pack.head.doc("landmarks.json")["landmarks"]}

    @property
    def full(self) -> bool:
        return max(len(self.problems), len(self.ref_problems)) >= MAX_SCHEMA_PROBLEMS

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.ref_problems)

    def record(self, rec: Record) -> None:
        if rec.section != self.current:
            self.flush()
            if self.current:
                self.complete.add(self.current)
            self.current = rec.section
        if rec.index < 0 or rec.index == 0:
            if rec.section in self.top_level:
                self.problems.append(
                    PackProblem(
                        "services.json",
                        f"/{rec.section}",
                        f"Fältet ”{rec.section}” förekommer mer än en gång.",
                        f"The field {rec.section} occurs more than once.",
                        rec.line,
                        rec.column,
                    )
                )
                return
            self.top_level.add(rec.section)
        found = record_problems(rec.section, rec.index, rec.value, rec.text)
        if rec.index < 0 or found:
            self._add(found, rec)
            return
        value: dict[str, Any] = rec.value
        problems: list[PackProblem] = []
        keys = self.keys[rec.section]
        if value["key"] in keys:
            problems.append(
                _duplicate("services.json", f"/{rec.section}/{rec.index}/key", value["key"])
            )
        keys.add(value["key"])
        if rec.section == "locations":
            _location_problems(problems, rec.index, value, self.landmarks)
        elif rec.section == "services":
            _service_problems(problems, rec.index, value, self.codes)
            if {"organizations", "locations"} <= self.complete:
                self._refs(problems, rec.index, value)
            else:
                self.pending.append((rec.index, _refs_of(value)))
        self._add(problems, rec, self.ref_problems)
        if not self.failed and self.sink is not None:
            self.batch.append((rec.index, value))
            if len(self.batch) >= BATCH:
                self.flush()

    def _refs(self, problems: list[PackProblem], index: int, value: dict[str, Any]) -> None:
        _service_ref_problems(
            problems, index, value, self.keys["organizations"], self.keys["locations"]
        )

    def _add(
        self, problems: list[PackProblem], rec: Record, into: list[PackProblem] | None = None
    ) -> None:
        """File problems with the line and column inside the record's text."""
        into = self.problems if into is None else into
        prefix = f"/{rec.section}" + (f"/{rec.index}" if rec.index >= 0 else "")
        smap: SourceMap | None = None
        for p in problems:
            if p.line is not None or not p.pointer.startswith(prefix):
                into.append(p)
                continue
            smap = smap or SourceMap(rec.text)
            at = smap.line_column(p.pointer[len(prefix) :])
            line, column = at if at is not None else (1, 1)
            if line == 1:
                column += rec.column - 1
            line += rec.line - 1
            into.append(PackProblem(p.file, p.pointer, p.sv, p.en, line, column))

    def flush(self) -> None:
        if self.batch and not self.failed and self.sink is not None:
            self.sink(self.current, self.batch)
        self.batch = []

    def finish(self) -> None:
        self.flush()
        for name in _TOP_LEVEL:
            if name not in self.top_level:
                self.problems.append(
                    PackProblem(
                        "services.json", "", f"Fältet ”{name}” saknas.", f"Missing field {name}."
                    )
                )
        if self.problems:
            return
        for index, refs in self.pending:
            self._refs(self.ref_problems, index, refs)
        guides = self.pack.head.doc("guides.json")["guides"]
        notices = self.pack.head.doc("notices.json")["notices"]
        _guide_service_problems(self.ref_problems, guides, self.keys["services"])
        _notice_problems(self.ref_problems, notices, self.keys["services"])


def _refs_of(service: dict[str, Any]) -> dict[str, Any]:
    """Only what a service points at: what waits for the lists after it."""
    return {"organization": service["organization"], "locations": service.get("locations", [])}


def check_services(
    pack: StreamedPack, *, sink: Sink | None = None, progress: Progress | None = None
) -> int:
    """Stream services.json: check every record, hand the valid ones to ``sink``.

    Returns the number of services; raises PackError (every problem up to
    ``MAX_SCHEMA_PROBLEMS``, with index and line) when any record or reference fails. The
    sink may have been given records before that: its caller's transaction undoes them.
    """
    check = _Check(pack, sink)
    try:
        for rec in stream_records(pack.services_path, progress=progress):
            check.record(rec)
            if check.full:
                break
        else:
            check.finish()
    except TextFileError as exc:  # the file cannot be read on: this is its one problem
        problem = PackProblem(
            "services.json", "", exc.problem_sv, exc.problem_en, exc.line, exc.column
        )
        raise PackError([problem], pack.folder.name) from None
    found = check.problems or check.ref_problems
    if found:
        raise PackError(found[:MAX_SCHEMA_PROBLEMS], pack.folder.name)
    pack.service_keys = check.keys["services"]
    pack.service_count = len(pack.service_keys)
    return pack.service_count


def validate_pack_dir(folder: Path, *, progress: Progress | None = None) -> tuple[str, int]:
    """``validate-pack``: the area id and service count of a valid pack, else PackError.

    A big services.json is streamed (nothing but keys kept), a small one read whole.
    """
    from kompassen.catalogue.pack.validate import read_pack_dir

    if streams(folder):
        pack = open_pack_dir(folder)
        return pack.area_id, check_services(pack, progress=progress)
    whole = read_pack_dir(folder)
    if progress is not None:
        size = (folder / "services.json").stat().st_size
        progress(size, size)
    return whole.area_id, len(whole.doc("services.json")["services"])
