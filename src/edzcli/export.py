"""Export the whole dataset: SQLite (one table per entity, primary and foreign keys), JSON (one
document), or CSV (a folder with one file per table).

Every export is atomic: it is written next to the target under a temporary name and moved into
place only when complete, so a failed or interrupted export leaves the previous file intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .model import Dataset, record_dict, zone_record

EXPORT_FORMATS = ("sqlite", "json", "csv", "metadata")
DATASETTE_DATABASE = "edz"  # datasette names a database after its file: edz.db

# table: (columns with SQL types and constraints, extra table constraints)
SCHEMA: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "meta": ([("key", "TEXT PRIMARY KEY"), ("value", "TEXT")], []),
    "sources": (
        [("id", "TEXT PRIMARY KEY"), ("outlet", "TEXT NOT NULL"), ("outlet_en", "TEXT"), ("title", "TEXT NOT NULL"),
         ("date", "TEXT"), ("url", "TEXT"), ("kind", "TEXT NOT NULL"), ("note", "TEXT")],
        [],
    ),
    "regions": ([("id", "TEXT PRIMARY KEY"), ("name_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL")], []),
    "provinces": (
        [("id", "TEXT PRIMARY KEY"), ("name_zh", "TEXT NOT NULL"), ("short_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL"),
         ("region", "TEXT NOT NULL REFERENCES regions(id)"), ("source", "TEXT NOT NULL REFERENCES sources(id)")],
        [],
    ),
    "zones": (
        [("id", "TEXT PRIMARY KEY"), ("name_zh", "TEXT NOT NULL UNIQUE"), ("short_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL"),
         ("name_en_status", "TEXT NOT NULL"), ("name_en_source", "TEXT REFERENCES sources(id)"),
         ("province", "TEXT NOT NULL REFERENCES provinces(id)"), ("province_name_zh", "TEXT"), ("province_name_en", "TEXT"), ("city_zh", "TEXT NOT NULL"), ("city_en", "TEXT NOT NULL"),
         ("province_code", "TEXT"), ("city_code", "TEXT"), ("city_code_2", "TEXT"), ("zone_code", "TEXT"), ("code_vintage", "INTEGER"),
         ("codes_source", "TEXT REFERENCES sources(id)"), ("codes_note", "TEXT"),
         ("region", "TEXT NOT NULL REFERENCES regions(id)"), ("approved", "TEXT"), ("approved_precision", "TEXT"),
         ("approved_verified", "INTEGER NOT NULL"), ("approved_source", "TEXT REFERENCES sources(id)"), ("approved_note", "TEXT"),
         ("approved_after", "TEXT"), ("approved_after_source", "TEXT REFERENCES sources(id)"), ("approved_after_basis", "TEXT"), ("approved_after_note", "TEXT"),
         ("approved_before", "TEXT"), ("approved_before_source", "TEXT REFERENCES sources(id)"), ("approved_before_basis", "TEXT"), ("approved_before_note", "TEXT"),
         ("creation", "TEXT NOT NULL"), ("membership_source", "TEXT NOT NULL REFERENCES sources(id)"), ("status", "TEXT NOT NULL"),
         ("removed", "TEXT"), ("removed_basis", "TEXT"), ("removed_source", "TEXT REFERENCES sources(id)"), ("removed_note", "TEXT"),
         ("area_km2", "REAL"), ("area_kind", "TEXT"), ("area_year", "INTEGER"), ("area_source", "TEXT REFERENCES sources(id)"),
         ("industries_source", "TEXT REFERENCES sources(id)"), ("former_names_verified", "INTEGER NOT NULL")],
        [],
    ),
    "zone_names": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("kind", "TEXT NOT NULL"), ("name", "TEXT NOT NULL")],
        ["PRIMARY KEY (zone, kind, name)"],
    ),
    "zone_industries": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("lang", "TEXT NOT NULL"), ("position", "INTEGER NOT NULL"),
         ("industry", "TEXT NOT NULL")],
        ["PRIMARY KEY (zone, lang, position)"],
    ),
    "zone_highlights": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("position", "INTEGER NOT NULL"), ("text_zh", "TEXT NOT NULL"),
         ("text_en", "TEXT NOT NULL"), ("source", "TEXT NOT NULL REFERENCES sources(id)"), ("year", "INTEGER"),
         ("value", "REAL"), ("unit", "TEXT"), ("qualifier", "TEXT"), ("note", "TEXT")],
        ["PRIMARY KEY (zone, position)"],
    ),
    "zone_notes": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("position", "INTEGER NOT NULL"), ("note", "TEXT NOT NULL")],
        ["PRIMARY KEY (zone, position)"],
    ),
    "indicators": (
        [("id", "TEXT PRIMARY KEY"), ("name_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL"), ("unit", "TEXT NOT NULL"),
         ("headline", "INTEGER NOT NULL"), ("share_of", "TEXT REFERENCES indicators(id)"), ("description_en", "TEXT")],
        [],
    ),
    "stats": (
        [("id", "INTEGER PRIMARY KEY"), ("indicator", "TEXT NOT NULL REFERENCES indicators(id)"), ("year", "INTEGER NOT NULL"),
         ("value", "REAL NOT NULL"), ("unit", "TEXT NOT NULL"), ("qualifier", "TEXT"), ("period", "TEXT"), ("as_of", "TEXT"),
         ("scope", "TEXT NOT NULL"), ("series", "TEXT"), ("is_primary", "INTEGER NOT NULL"),
         ("zones", "INTEGER"), ("growth_published", "REAL"), ("growth_source", "TEXT REFERENCES sources(id)"),
         ("source", "TEXT NOT NULL REFERENCES sources(id)"), ("note", "TEXT")],
        [],
    ),
    "documents": (
        [("id", "TEXT PRIMARY KEY"), ("key", "TEXT NOT NULL UNIQUE"), ("title_zh", "TEXT NOT NULL"), ("title_en", "TEXT NOT NULL"),
         ("doc_no", "TEXT"), ("issuer_zh", "TEXT NOT NULL"), ("issuer_en", "TEXT NOT NULL"), ("date", "TEXT"),
         ("date_source", "TEXT REFERENCES sources(id)"), ("measure_count", "INTEGER NOT NULL"), ("measures_partial", "INTEGER NOT NULL"),
         ("source", "TEXT NOT NULL REFERENCES sources(id)"), ("note", "TEXT")],
        [],
    ),
    "areas": (
        [("id", "TEXT PRIMARY KEY"), ("document", "TEXT NOT NULL REFERENCES documents(id)"), ("position", "INTEGER NOT NULL"),
         ("name_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL"), ("verified", "INTEGER NOT NULL")],
        [],
    ),
    "measures": (
        [("id", "TEXT PRIMARY KEY"), ("document", "TEXT NOT NULL REFERENCES documents(id)"), ("area", "TEXT NOT NULL REFERENCES areas(id)"),
         ("number", "INTEGER NOT NULL"), ("number_zh", "TEXT"), ("heading_zh", "TEXT NOT NULL"), ("heading_en", "TEXT NOT NULL"),
         ("heading_status", "TEXT NOT NULL"), ("position_verified", "INTEGER NOT NULL"), ("verified", "INTEGER NOT NULL"), ("note", "TEXT")],
        [],
    ),
    "measure_points": (
        [("measure", "TEXT NOT NULL REFERENCES measures(id)"), ("lang", "TEXT NOT NULL"), ("position", "INTEGER NOT NULL"),
         ("point", "TEXT NOT NULL")],
        ["PRIMARY KEY (measure, lang, position)"],
    ),
    "measure_sources": (
        [("measure", "TEXT NOT NULL REFERENCES measures(id)"), ("source", "TEXT NOT NULL REFERENCES sources(id)")],
        ["PRIMARY KEY (measure, source)"],
    ),
    "rankings": (
        [("id", "INTEGER PRIMARY KEY"), ("edition", "INTEGER NOT NULL"), ("data_year", "INTEGER NOT NULL"), ("list", "TEXT NOT NULL"),
         ("rank", "INTEGER NOT NULL"), ("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("source", "TEXT NOT NULL REFERENCES sources(id)"),
         ("verified", "INTEGER NOT NULL"), ("complete_to", "INTEGER"), ("note", "TEXT")],
        [],
    ),
    "document_aliases": (
        [("document", "TEXT NOT NULL REFERENCES documents(id)"), ("alias", "TEXT NOT NULL")],
        ["PRIMARY KEY (document, alias)"],
    ),
    "zone_figures": (
        [("id", "INTEGER PRIMARY KEY"), ("zone", "TEXT NOT NULL REFERENCES zones(id)"),
         ("indicator", "TEXT NOT NULL REFERENCES indicators(id)"), ("year", "INTEGER NOT NULL"), ("value", "REAL NOT NULL"),
         ("unit", "TEXT NOT NULL"), ("qualifier", "TEXT"), ("scope", "TEXT NOT NULL"), ("scope_note", "TEXT"),
         ("is_primary", "INTEGER NOT NULL"), ("source", "TEXT NOT NULL REFERENCES sources(id)"), ("note", "TEXT")],
        [],
    ),
}  # fmt: skip


def rows(ds: Dataset) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every row of every table, as (table, {column: value}); the same rows feed SQLite and CSV."""
    m = record_dict(ds.meta)
    for k, v in m.items():
        yield "meta", {"key": k, "value": str(v)}
    for s in ds.sources.values():
        yield "sources", record_dict(s)
    for r in ds.regions.values():
        yield "regions", record_dict(r)
    for p in ds.provinces.values():
        yield "provinces", record_dict(p)
    zone_cols = [c for c, _ in SCHEMA["zones"][0]]
    for z in ds.zones.values():
        d = zone_record(ds, z)
        yield "zones", {c: d.get(c) for c in zone_cols}
        for alias in z.aliases:
            yield "zone_names", {"zone": z.id, "kind": "alias", "name": alias}
        for former in z.former_names:
            yield "zone_names", {"zone": z.id, "kind": "former", "name": former}
        for lang, items in (("zh", z.industries_zh), ("en", z.industries_en)):
            for i, industry in enumerate(items, 1):
                yield "zone_industries", {"zone": z.id, "lang": lang, "position": i, "industry": industry}
        for i, h in enumerate(z.highlights, 1):
            yield "zone_highlights", {"zone": z.id, "position": i, **record_dict(h)}
        for i, n in enumerate(z.notes, 1):
            yield "zone_notes", {"zone": z.id, "position": i, "note": n}
    for ind in ds.indicators.values():
        d = record_dict(ind)
        yield "indicators", d
    for i, st in enumerate(ds.stats, 1):
        d = record_dict(st)
        d["is_primary"] = d.pop("primary")
        yield "stats", {"id": i, **d}
    for doc in ds.documents.values():
        d = record_dict(doc)
        d["measures_partial"] = doc.measures_partial
        yield "documents", d
        for alias in doc.aliases:
            yield "document_aliases", {"document": doc.id, "alias": alias}
    for a in ds.areas.values():
        d = record_dict(a)
        d["position"] = d.pop("order")
        yield "areas", d
    for ms in ds.measures.values():
        d = record_dict(ms)
        points = {"zh": d.pop("points_zh"), "en": d.pop("points_en")}
        srcs = d.pop("sources")
        d["verified"] = ms.verified
        yield "measures", d
        for lang, pts in points.items():
            for i, pt in enumerate(pts, 1):
                yield "measure_points", {"measure": ms.id, "lang": lang, "position": i, "point": pt}
        for src in dict.fromkeys(srcs):
            yield "measure_sources", {"measure": ms.id, "source": src}
    for i, rk in enumerate(ds.rankings, 1):
        yield "rankings", {"id": i, **record_dict(rk)}
    for i, zf in enumerate(ds.zone_figures, 1):
        d = record_dict(zf)
        d["is_primary"] = d.pop("primary")
        yield "zone_figures", {"id": i, **d}


@contextlib.contextmanager
def _atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; move it onto `target` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def export_sqlite(ds: Dataset, target: Path) -> None:
    import sqlite3

    with _atomic_file(target) as tmp:
        tmp.unlink()  # sqlite creates the file itself
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            for table, (cols, extra) in SCHEMA.items():
                body = ", ".join([f'"{c}" {t}' for c, t in cols] + extra)
                con.execute(f'CREATE TABLE "{table}" ({body})')
            for table, row in rows(ds):
                names = [c for c, _ in SCHEMA[table][0]]
                marks = ", ".join("?" for _ in names)
                quoted = ", ".join(f'"{c}"' for c in names)
                con.execute(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', [row.get(c) for c in names])
            con.execute("CREATE INDEX zones_province ON zones(province)")
            con.execute("CREATE INDEX zones_city_code ON zones(city_code)")
            con.execute("CREATE INDEX stats_indicator_year ON stats(indicator, year)")
            con.execute("CREATE INDEX zone_figures_zone ON zone_figures(zone, indicator, year)")
            con.commit()
            problems = con.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed: {problems[:3]}")
        finally:
            con.close()


def export_json(ds: Dataset, target: Path | None) -> str | None:
    """Write the dataset as one JSON document to `target`, or return it when target is None."""
    import json

    text = json.dumps(ds.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if target is None:
        return text
    with _atomic_file(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return None


def export_csv(ds: Dataset, target: Path) -> None:
    """A folder with one CSV per table (UTF-8, formula-like cells neutralised). The folder is
    built beside the target and swapped in whole."""
    import csv
    import shutil

    from .output import neutralise
    from .view import raw_text

    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        by_table: dict[str, list[dict[str, Any]]] = {t: [] for t in SCHEMA}
        for table, row in rows(ds):
            by_table[table].append(row)
        for table, table_rows in by_table.items():
            cols = [c for c, _ in SCHEMA[table][0]]
            with open(work / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(cols)
                for row in table_rows:
                    w.writerow([neutralise(raw_text(row.get(c))) for c in cols])
        old = None
        if target.exists():
            if not target.is_dir():
                raise IsADirectoryError(f"{target} exists and is not a folder")
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
        os.replace(work, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_text(target: Path, text: str) -> None:
    """Write `text` (UTF-8) to `target` atomically, as the exports are written: `--output` of
    the listing commands, `trend` and `map` (a picture or a table saved to a file)."""
    with _atomic_file(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # a picture or table to share, not a private temp file


def table_docs() -> dict[str, tuple[str, dict[str, str]]]:
    """table → (description, {column: description}) in English: the one text behind the
    datasette metadata and the export tables of docs/schema.md."""
    from .labels import TABLE_HELP, field_help

    out: dict[str, tuple[str, dict[str, str]]] = {}
    for table, (cols, _extra) in SCHEMA.items():
        docs = {}
        for c, _type in cols:
            label = field_help(table, c)
            if label is None:
                raise KeyError(f"no description for {table}.{c} (labels.FIELD_HELP)")
            docs[c] = label[1]
        out[table] = (TABLE_HELP[table][1], docs)
    return out


def datasette_metadata(ds: Dataset) -> dict[str, Any]:
    """datasette metadata (https://docs.datasette.io/en/stable/metadata.html) for the SQLite export."""
    from . import DATA_LICENSE, DATA_LICENSE_URL, __version__

    tables = {t: {"description": desc, "columns": cols} for t, (desc, cols) in table_docs().items()}
    return {
        "title": f"edz: {ds.meta.title_en} ({ds.meta.title_zh})",
        "description": (
            f"Data version {ds.meta.data_version}, as of {ds.meta.as_of} (edz {__version__}). Every figure and zone "
            "fact cites a row of the sources table; an approval date without approved_source is unverified."
        ),
        "license": DATA_LICENSE.replace("-", " "),
        "license_url": DATA_LICENSE_URL,
        "source": f"edz dataset, data version {ds.meta.data_version} (see the sources table for each fact's origin)",
        "databases": {DATASETTE_DATABASE: {"source": f"edz data version {ds.meta.data_version}", "tables": tables}},
    }


def export_metadata(ds: Dataset, target: Path | None) -> str | None:
    """Write the datasette metadata as JSON to `target`, or return it when target is None."""
    import json

    text = json.dumps(datasette_metadata(ds), ensure_ascii=False, indent=2) + "\n"
    if target is None:
        return text
    with _atomic_file(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return None


def schema_markdown() -> str:
    """The export tables as Markdown, for docs/schema.md (a test keeps the two equal)."""
    lines = []
    for table, (desc, cols) in table_docs().items():
        lines += [f"### `{table}`", desc[0].upper() + desc[1:] + ".", "", "| column | type | meaning |", "|---|---|---|"]
        types = dict(SCHEMA[table][0])
        for c, d in cols.items():
            lines.append(f"| `{c}` | {types[c].split()[0]} | {d} |")
        lines.append("")
    return "\n".join(lines)
