"""The house shows the pipeline: stages as packages, imports only from a later stage to an
earlier one (or to the foundation every stage reads), no cycle, and modules and classes a
reader holds in one head. Read off the source with `ast`, so the layout cannot drift."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "framing"
STAGES = ("ingest", "analyse", "compare", "report")
FOUNDATION = {"framing.models", "framing.shared_claims", "framing.errors", "framing.lexicon"}
MAX_MODULE_LINES = 450
MAX_CLASS_LINES = 200


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def _imports(tree: ast.Module) -> set[str]:
    """The framing modules a module imports, at its top or inside a function."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("framing"):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("framing")}
    return names


def _stage(module: str) -> int | None:
    """The stage's place in the pipeline (0 = ingest), None for the top level."""
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 2 and parts[1] in STAGES else None


def _allowed(importer: str, imported: str) -> bool:
    if imported in FOUNDATION or importer == imported:
        return True
    if importer in FOUNDATION:
        return False  # the foundation reads no stage
    here, there = _stage(importer), _stage(imported)
    if here is None:  # the top level (pipeline, cli, serialise, …) joins the stages
        return True
    if STAGES[here] == "report":
        return there == here  # the report reads the Briefing JSON and models only
    return there is not None and there <= here


def test_imports_run_from_a_later_stage_to_an_earlier_one() -> None:
    modules = _modules()
    wrong = [
        f"{importer} imports {imported}"
        for importer, tree in modules.items()
        for imported in sorted(_imports(tree))
        if imported in modules and not _allowed(importer, imported) and imported != "framing"
    ]
    assert wrong == []


def test_the_package_root_is_read_for_its_version_only() -> None:
    """`from framing import __version__` is the one reach to the package root."""
    for name, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "framing":
                assert [a.name for a in node.names] == ["__version__"], name


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {
        m: {i for i in _imports(t) if i in modules and i != "framing"} for m, t in modules.items()
    }
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_modules_and_classes_fit_in_one_head() -> None:
    long_modules, long_classes = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            long_modules.append(f"{path.name}: {len(text.splitlines())}")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                length = node.end_lineno - node.lineno + 1
                if length > MAX_CLASS_LINES:
                    long_classes.append(f"{path.name}:{node.name}: {length}")
    assert long_modules == [] and long_classes == []


def test_every_stage_is_a_package_and_the_top_level_only_joins_them() -> None:
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == sorted(
        ["__init__", "__main__", "cache", "cli", "cli_cache", "cli_options", "cluster", "errors",
         "lexicon", "models", "outputs", "pipeline", "serialise", "shared_claims", "workers"]
    )  # fmt: skip
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file()
