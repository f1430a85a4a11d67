"""The three descriptions of a record agree: the model's fields, the loader's schema table and the
export schema. A field added to one and forgotten in another fails here, not in a user's export."""

import pytest

from edzcli import export, labels, loader

# export columns that are derived (not stored) or renamed because the stored name is an SQL keyword
DERIVED = {
    "zones": {"approved_verified", "approved_precision", "province_name_zh", "province_name_en"},
    "measures": {"verified"},
    "stats": {"id"},
    "rankings": {"id"},
    "zone_figures": {"id"},
}
RENAMED = {"stats": {"primary": "is_primary"}, "areas": {"order": "position"}, "zone_figures": {"primary": "is_primary"}}
# list-valued fields go to child tables
CHILD_TABLES = {
    ("zones", "aliases"): "zone_names",
    ("zones", "former_names"): "zone_names",
    ("zones", "part_of"): "zone_names",
    ("zones", "name_sources"): "zone_name_sources",
    ("zones", "industries_zh"): "zone_industries",
    ("zones", "industries_en"): "zone_industries",
    ("zones", "highlights"): "zone_highlights",
    ("zones", "notes"): "zone_notes",
    ("zones", "notes_zh"): "zone_notes",
    ("measures", "points_zh"): "measure_points",
    ("measures", "points_en"): "measure_points",
    ("measures", "sources"): "measure_sources",
    ("documents", "aliases"): "document_aliases",
}


@pytest.mark.parametrize("table", sorted(loader.RECORD_CLASSES))
def test_model_fields_equal_schema_fields(table: str) -> None:
    assert list(loader.RECORD_CLASSES[table]._fields) and set(loader.RECORD_CLASSES[table]._fields) == set(loader.SPECS[table])


@pytest.mark.parametrize("table", sorted(loader.RECORD_CLASSES))
def test_export_schema_has_every_field(table: str) -> None:
    spec = loader.SPECS[table]
    cols = {c for c, _ in export.SCHEMA[table][0]}
    renamed = RENAMED.get(table, {})
    for field, f in spec.items():
        if f.kind in ("strs", "table"):
            assert CHILD_TABLES.get((table, field)) in export.SCHEMA, f"{table}.{field} has no child table"
        else:
            assert renamed.get(field, field) in cols, f"{table}.{field} is missing from the export schema"
    extra = cols - {renamed.get(k, k) for k in spec} - DERIVED.get(table, set())
    assert not extra, f"export columns of {table} that the schema does not know: {extra}"


def test_coded_fields_take_their_values_from_labels() -> None:
    """A code valid in the data always has a label on screen: the loader's choices are the label keys."""
    zones = loader.SPECS["zones"]
    assert zones["status"].choices == tuple(labels.STATUS)
    assert zones["creation"].choices == tuple(labels.CREATION)
    assert zones["area_kind"].choices == tuple(labels.AREA_KINDS)
    assert loader.SPECS["stats"]["unit"].choices == tuple(labels.UNITS)
    assert loader.SPECS["stats"]["series"].choices == tuple(labels.SERIES)
    assert loader.SPECS["sources"]["kind"].choices == tuple(labels.SOURCE_KINDS)
    assert loader.SPECS["measures"]["heading_status"].choices == tuple(labels.HEADING_STATUS)
    assert loader.SPECS["zone_figures"]["scope"].choices == tuple(labels.FIGURE_SCOPES)
    assert loader.SPECS["zone_figures"]["unit"].choices == tuple(labels.UNITS)
    assert loader.SPECS["highlights"]["unit"].choices == tuple(labels.UNITS)


def test_every_label_has_both_languages() -> None:
    tables = [
        labels.TEXT,
        *labels.COLUMNS.values(),
        labels.UNITS,
        labels.SERIES,
        labels.STATUS,
        labels.CREATION,
        labels.FIGURE_SCOPES,
    ]
    for table in tables:
        for key, (zh, en) in table.items():
            if key != "bar":
                assert zh and en, key


def _imports() -> dict[str, set[str]]:
    """edzcli module → the edzcli modules it imports (anywhere in the file, TYPE_CHECKING aside)."""
    import ast
    from pathlib import Path

    src = Path(loader.__file__).parent
    graph: dict[str, set[str]] = {}
    for path in src.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in ast.walk(node)
        }
        deps = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and id(node) not in typing_only:
                if node.module:
                    deps.add(node.module.split(".")[0])
                else:
                    deps.update(a.name for a in node.names)
        graph[path.stem] = deps
    return graph


def test_no_import_cycle_inside_the_package() -> None:
    graph = _imports()
    assert "views" in graph["cli"] or graph["cli"], "the graph was not read"

    def visit(node: str, stack: tuple[str, ...]) -> None:
        for dep in graph.get(node, ()):
            assert dep not in stack, " -> ".join((*stack, dep))
            visit(dep, (*stack, dep))

    for module in graph:
        visit(module, (module,))


def test_renderers_and_builders_meet_only_in_view() -> None:
    graph = _imports()
    assert "richtable" not in graph["views"] and "output" not in graph["views"]
    assert "output" not in graph["richtable"] and "views" not in graph["output"]
