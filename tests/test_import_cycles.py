"""No import cycles anywhere in the package, imports inside functions included.

A cycle hidden by an import inside a function still ties two modules into one: neither can be
understood, tested or loaded without the other. grimp reads every ``import`` statement of every
module (module level, inside functions and under ``TYPE_CHECKING``), so this graph is the whole
truth, not only what runs at import time.
"""

from __future__ import annotations

import grimp


def strongly_connected(adj: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (the package has hundreds of modules)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(adj):
        if root in index:
            continue
        work = [(root, iter(sorted(adj[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(adj.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.append(top)
                    if top == node:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def test_the_checker_finds_a_cycle() -> None:
    """The checker itself can fail: a two-module and a three-module cycle are found."""
    adj = {"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"e"}, "e": {"c"}, "f": {"a"}}
    assert sorted(strongly_connected(adj)) == [["a", "b"], ["c", "d", "e"]]


def test_no_import_cycles_in_the_package() -> None:
    graph = grimp.build_graph("kompassen", include_external_packages=False, cache_dir=None)
    adj = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert len(adj) > 100  # the whole package was read
    cycles = strongly_connected(adj)
    details = []
    for comp in cycles:
        members = set(comp)
        for m in comp:
            for dep in sorted(adj[m] & members):
                lines = graph.get_import_details(importer=m, imported=dep)
                where = ", ".join(f"l.{d['line_number']}" for d in lines)
                details.append(f"{m} -> {dep} ({where})")
    assert cycles == [], "import cycles:\n" + "\n".join(details)
