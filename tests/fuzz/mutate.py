"""Mutations of JSON documents for the fuzz tests: values, structure and raw text.

A mutation picks a node by walking a drawn path into the document, then changes it: a value
the loader cannot store (NaN, a lone surrogate, NUL, a 4,301-digit integer, nesting 1,000
deep), a wrong type, a missing key, a duplicated record, a huge string, or damage to the
text itself (cut short, a stray byte, a byte order mark). Raw JSON that Python cannot
produce with ``json.dumps`` (deep nesting, huge integers written as digits) goes in through
a placeholder that is replaced in the text.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

HOLE = "@@FUZZ-HOLE@@"

# bounded and seeded: the same examples on every run, a few seconds to a minute per test
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

RAW_VALUES = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    '"a\\ud800b"',
    '"\\udfff"',
    '"a\\u0000b"',
    "1" * 4301,
    "-" + "9" * 41,
    "[" * 65 + "]" * 65,
    "[" * 1000 + "]" * 1000,
    '{"a":' * 600 + "1" + "}" * 600,
]

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def path_into(draw: st.DrawFn, doc: Any) -> list[Any]:
    """A path from the root to some node of ``doc`` (possibly the root itself)."""
    path: list[Any] = []
    node = doc
    for _ in range(draw(st.integers(min_value=0, max_value=7))):
        if isinstance(node, dict) and node:
            key: Any = draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            key = draw(st.integers(min_value=0, max_value=len(node) - 1))
        else:
            break
        path.append(key)
        node = node[key]
    return path


def _set(doc: Any, path: list[Any], value: Any) -> Any:
    if not path:
        return value
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return doc


def _delete(doc: Any, path: list[Any]) -> Any:
    if not path:
        return doc
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    return doc


def _duplicate(doc: Any, path: list[Any]) -> Any:
    if not path:
        return doc
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if isinstance(parent, list):
        parent.append(copy.deepcopy(parent[path[-1]]))
    return doc


@st.composite
def mutated_text(draw: st.DrawFn, doc: Any) -> str:
    """The JSON text of ``doc`` after one drawn mutation (value, structure or text)."""
    doc = copy.deepcopy(doc)
    path = draw(path_into(doc))
    kind = draw(
        st.sampled_from(
            [
                "raw",
                "raw",
                "raw",
                "value",
                "value",
                "delete",
                "duplicate",
                "huge",
                "newline",
                "text",
            ]
        )
    )
    raw: str | None = None
    if kind == "raw":
        raw = draw(st.sampled_from(RAW_VALUES))
        doc = _set(doc, path, HOLE)
    elif kind == "value":
        doc = _set(doc, path, draw(json_values))
    elif kind == "delete":
        doc = _delete(doc, path)
    elif kind == "duplicate":
        doc = _duplicate(doc, path)
    elif kind == "huge":
        doc = _set(doc, path, "x" * draw(st.sampled_from([70, 10_000, 300_000])))
    elif kind == "newline":
        node: Any = doc
        for key in path:
            node = node[key]
        if isinstance(node, str):
            doc = _set(doc, path, node + draw(st.sampled_from(["\n", "\t", " ", "\u2028"])))
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), indent=2)
    if raw is not None:
        text = text.replace(json.dumps(HOLE), raw, 1)
    if kind == "text":
        damage = draw(st.sampled_from(["cut", "byte", "bom", "brackets"]))
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if damage == "cut":
            text = text[:at]
        elif damage == "byte":
            text = text[:at] + draw(st.sampled_from(["{", "]", '"', "\\", ",", "\x00"])) + text[at:]
        elif damage == "bom":
            text = "\ufeff" + text
        else:
            text = text[:at] + "[" * 2000 + text[at:]
    return text


@st.composite
def mutated_document(draw: st.DrawFn, doc: Any) -> Any:
    """``doc`` with one Python-level value no JSON text gives (as a pack built in memory)."""
    doc = copy.deepcopy(doc)
    path = draw(path_into(doc))
    nested: list[Any] = []
    for _ in range(draw(st.sampled_from([70, 2000]))):
        nested = [nested]
    value = draw(
        st.sampled_from(
            [
                float("nan"),
                float("inf"),
                "a\ud800",
                "a\x00b",
                10**5000,
                nested,
                {1: "int key"},
                (1, 2),
                b"bytes",
                {"set"},
            ]
        )
        | json_values
    )
    return _set(doc, path, value)
