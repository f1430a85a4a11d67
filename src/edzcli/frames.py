"""`edzcli.to_dataframe(name)`: one table of the dataset as a pandas DataFrame.

pandas is not a dependency of edz (`pip install 'edzcli[pandas]'` adds it); it is imported here,
only when this function runs, so `import edzcli` and every `edz` command stay as fast as before.
The tables and their columns are those of the SQLite export (`edz export -f sqlite`, described in
docs/schema.md), plus `rankings` with zone names: the same rows every export writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Dataset

PANDAS_HINT = "pandas is needed for to_dataframe: pip install 'edzcli[pandas]'"


def table_names() -> list[str]:
    from .export import SCHEMA

    return [t for t in SCHEMA if t != "meta"] + ["meta"]


def to_dataframe(name: str, ds: Dataset | None = None, *, include_removed: bool = False) -> Any:
    """The table `name` (`zones`, `stats`, `measures`, `rankings`, `sources`, … see
    `edzcli.frames.table_names()`) of `ds` (default: the bundled dataset) as a pandas.DataFrame.
    `zones` holds the active zones, as `edz zones` lists them (232); `include_removed=True` adds
    the zones that left the list, as the export has them. Raises InputError for an unknown table
    (with a suggestion) and ImportError naming the extra when pandas is missing."""
    from .errors import InputError
    from .export import SCHEMA, rows
    from .loader import load_dataset
    from .names import suggest

    valid = table_names()
    if name not in SCHEMA:
        raise InputError("table", name, valid, suggest(name, valid))
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:
        raise ImportError(PANDAS_HINT) from e
    data = ds if ds is not None else load_dataset()
    cols = [c for c, _ in SCHEMA[name][0]]
    records = [row for table, row in rows(data) if table == name]
    if name == "zones" and not include_removed:
        records = [r for r in records if r["status"] == "active"]
    if name == "rankings":  # names next to ids, as `edz rankings -f json` gives them
        for r in records:
            z = data.zones[r["zone"]]
            r["name_zh"], r["name_en"] = z.name_zh, z.name_en
        cols += ["name_zh", "name_en"]
    return pd.DataFrame.from_records([{c: r.get(c) for c in cols} for r in records], columns=cols)
