"""The apps depend on each other in one direction only, and no app reaches into another's private names.

Read from the source with `ast`, imports inside functions included, so a cycle cannot hide in a late import.
The project's wiring (settings, urls, wsgi) imports every app and is left out; every other top-level module
of the package (caching, site, release) counts as a node of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workbench"
WIRING = {"settings", "urls", "wsgi", "__init__"}


def _node(path: Path) -> str:
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py")


def _imports():
    """(importing node, imported node, names, file, line) for every import of another part of the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = _node(path)
        if source in WIRING:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("workbench."):
                parts = node.module.split(".")
                names = [alias.name for alias in node.names]
                if len(parts) == 2:
                    # `from workbench.teams import services` names modules; `from workbench import x` too.
                    found.append((source, parts[1], [], path, node.lineno))
                else:
                    found.append((source, parts[1], names, path, node.lineno))
            elif isinstance(node, ast.ImportFrom) and node.module == "workbench":
                for alias in node.names:
                    found.append((source, alias.name, [], path, node.lineno))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("workbench."):
                        found.append((source, alias.name.split(".")[1], [], path, node.lineno))
    return [(s, t, names, path, line) for s, t, names, path, line in found if s != t and t not in WIRING]


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for source, target, *_ in _imports():
        edges.setdefault(source, set()).add(target)
    return edges


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle in the graph, as the path that closes it, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for successor in sorted(edges.get(node, ())):
            if state.get(successor) == "open":
                return stack[stack.index(successor) :] + [successor]
            if successor not in state and (found := visit(successor)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_apps_import_each_other_in_one_direction():
    cycle = _cycle(graph())
    assert cycle is None, "the apps import each other in a circle: " + " → ".join(cycle)


# The review's apps, built on the canvases: none of the apps below them may import one.
REVIEW_APPS = {"comments", "workflow", "sharing", "notifications"}


@pytest.mark.parametrize("app", ["canvases", "teams", "document", "checker", "accounts"])
def test_the_lower_apps_do_not_import_the_review(app):
    above = {"review", "progress"} | REVIEW_APPS
    reached = graph().get(app, set()) & above
    assert not reached, f"{app} imports {sorted(reached)}, which are built on it"


def test_notifications_import_none_of_the_apps_that_record_and_tell():
    """Comments, the workflow and share links record activity and notify; notifications know them only through the
    ORM's relations (`comments.Comment` as a string) and the canvases' signals."""
    reached = graph().get("notifications", set()) & (REVIEW_APPS - {"notifications"})
    assert not reached, f"notifications imports {sorted(reached)}"


def test_the_review_is_four_apps_and_the_old_app_keeps_only_its_migrations():
    for app in REVIEW_APPS:
        assert (PACKAGE / app / "apps.py").is_file(), f"workbench/{app} is not an app"
        assert (PACKAGE / app / "models.py").is_file(), f"workbench/{app} has no models"
    review = PACKAGE / "review"
    modules = {p.relative_to(review).parts[0] for p in review.rglob("*.py")}
    assert modules == {"__init__.py", "apps.py", "migrations"}
    assert "review" not in graph(), "workbench.review imports other apps, yet it holds only migrations"
    assert all("review" not in targets for targets in graph().values()), "nothing imports workbench.review"


def test_no_app_imports_another_apps_private_names():
    private = [
        f"{path.relative_to(PACKAGE.parent)}:{line} takes {name} from workbench.{target}"
        for source, target, names, path, line in _imports()
        for name in names
        if name.startswith("_")
    ]
    assert private == []


def test_the_checker_finds_a_cycle_when_there_is_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None
