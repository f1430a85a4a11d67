"""Load `data/zones.toml`, check it against the schema, and build typed records.

- `load_dataset(path=None)` returns a `Dataset`, parsed once per process per file version.
- `check_file(path)` returns every problem found (for `edz validate`), without raising.
- A TOML syntax error is reported as `file:line:col: message`; a schema error names the
  record and field (`zones[12] id='tianjin-xiqing' .province: ...`) and, where it can be
  found, the line the record starts on.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from . import labels as L
from .errors import DataError
from .model import (
    REGION_IDS,
    SERIES_RANK,
    Area,
    Dataset,
    Document,
    Highlight,
    Indicator,
    Measure,
    Meta,
    Province,
    Ranking,
    Region,
    Source,
    Stat,
    Zone,
    ZoneFigure,
    unit_dimension,
)

SCHEMA_VERSION = 1
DATA_ENV = "EDZ_DATA"

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
MAX_STRING = 10_000
MAX_LIST = 1_000
MAX_DATA_BYTES = 64 * 1024 * 1024  # a data file larger than this is refused before parsing (README)
MAX_DEPTH = 32  # deeper nesting under a field is refused with its location (the schema needs 3)
_BOM = b"\xef\xbb\xbf"

# allowed values of coded fields: the keys of the vocabularies in `labels` (one home, with their labels)
UNITS = tuple(L.UNITS)
SOURCE_KINDS = tuple(L.SOURCE_KINDS)
QUALIFIERS = tuple(L.QUALIFIERS)
HEADING_STATUS = tuple(L.HEADING_STATUS)
AREA_KINDS = tuple(L.AREA_KINDS)
FIGURE_SCOPES = tuple(L.FIGURE_SCOPES)


def default_data_path() -> Path:
    """The bundled dataset: inside the installed package (the wheel copies `data/zones.toml`
    to `edzcli/data/zones.toml`), else `data/zones.toml` of a source checkout (editable install)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "zones.toml"
    if packaged.is_file():
        return packaged
    return here.parent.parent / "data" / "zones.toml"


def resolve_data_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Explicit path, else $EDZ_DATA, else the bundled file."""
    if path is not None and str(path) != "":
        return Path(path)
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    return default_data_path()


# --------------------------------------------------------------------------- field specs


class F(NamedTuple):
    """One field: its kind, whether it is required, allowed values, and what it refers to."""

    kind: str  # str slug date int float bool strs table
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # table whose id this must name


SPECS: dict[str, dict[str, F]] = {
    "meta": {
        "schema_version": F("int", True),
        "data_version": F("str", True),
        "as_of": F("date", True),
        "title_zh": F("str", True),
        "title_en": F("str", True),
    },
    "sources": {
        "id": F("slug", True),
        "outlet": F("str", True),
        "outlet_en": F("str"),
        "title": F("str", True),
        "title_zh": F("str"),
        "date": F("date"),
        "url": F("str"),
        "kind": F("str", True, SOURCE_KINDS),
        "note": F("str"),
        "note_zh": F("str"),
    },
    "regions": {
        "id": F("slug", True, REGION_IDS),
        "name_zh": F("str", True),
        "name_en": F("str", True),
    },
    "provinces": {
        "id": F("slug", True),
        "name_zh": F("str", True),
        "short_zh": F("str", True),
        "name_en": F("str", True),
        "region": F("slug", True, ref="regions"),
        "source": F("slug", True, ref="sources"),
    },
    "zones": {
        "id": F("slug", True),
        "name_zh": F("str", True),
        "short_zh": F("str", True),
        "aliases": F("strs"),
        "part_of": F("strs"),
        "name_sources": F("strs"),
        "former_names": F("strs"),
        "former_names_verified": F("bool"),
        "name_en": F("str", True),
        "name_en_status": F("str", True, tuple(L.NAME_EN_STATUS)),
        "name_en_source": F("slug", ref="sources"),
        "province": F("slug", True, ref="provinces"),
        "city_zh": F("str", True),
        "city_en": F("str", True),
        "province_code": F("str"),
        "city_code": F("str"),
        "city_code_2": F("str"),
        "zone_code": F("str"),
        "code_vintage": F("int"),
        "codes_source": F("slug", ref="sources"),
        "codes_note": F("str"),
        "codes_note_zh": F("str"),
        "region": F("slug", True, ref="regions"),
        "approved": F("date"),
        "approved_source": F("slug", ref="sources"),
        "approved_note": F("str"),
        "approved_note_zh": F("str"),
        "approved_after": F("date"),
        "approved_after_source": F("slug", ref="sources"),
        "approved_after_basis": F("str", False, tuple(L.BOUND_BASIS)),
        "approved_after_note": F("str"),
        "approved_after_note_zh": F("str"),
        "approved_before": F("date"),
        "approved_before_source": F("slug", ref="sources"),
        "approved_before_basis": F("str", False, tuple(L.BOUND_BASIS)),
        "approved_before_note": F("str"),
        "approved_before_note_zh": F("str"),
        "creation": F("str", True, tuple(L.CREATION)),
        "membership_source": F("slug", True, ref="sources"),
        "status": F("str", True, tuple(L.STATUS)),
        "removed": F("date"),
        "removed_basis": F("str", False, tuple(L.REMOVED_BASIS)),
        "removed_source": F("slug", ref="sources"),
        "removed_note": F("str"),
        "removed_note_zh": F("str"),
        "area_km2": F("float"),
        "area_kind": F("str", False, AREA_KINDS),
        "area_year": F("int"),
        "area_source": F("slug", ref="sources"),
        "industries_zh": F("strs"),
        "industries_en": F("strs"),
        "industries_source": F("slug", ref="sources"),
        "industries_translated": F("str", False, ("zh", "en")),
        "highlights": F("table"),
        "notes": F("strs"),
        "notes_zh": F("strs"),
    },
    "highlights": {  # a zone fact: text in both languages, its year, and the figure it states, if any
        "text_zh": F("str", True),
        "text_en": F("str", True),
        "source": F("slug", True, ref="sources"),
        "year": F("int"),
        "value": F("float"),
        "unit": F("str", False, UNITS),
        "qualifier": F("str", False, QUALIFIERS),
        "note": F("str"),
        "note_zh": F("str"),
    },
    "indicators": {
        "id": F("slug", True),
        "name_zh": F("str", True),
        "name_en": F("str", True),
        "unit": F("str", True, UNITS),
        "headline": F("bool"),
        "share_of": F("slug", ref="indicators"),
        "description_en": F("str"),
        "description_zh": F("str"),
    },
    "stats": {
        "indicator": F("slug", True, ref="indicators"),
        "year": F("int", True),
        "value": F("float", True),
        "unit": F("str", True, UNITS),
        "qualifier": F("str", False, QUALIFIERS),
        "period": F("str"),
        "as_of": F("date"),
        "scope": F("str", True),
        "scope_zh": F("str"),
        "series": F("str", False, tuple(L.SERIES)),
        "primary": F("bool"),
        "zones": F("int"),
        "growth_published": F("float"),
        "growth_source": F("slug", ref="sources"),
        "source": F("slug", True, ref="sources"),
        "note": F("str"),
        "note_zh": F("str"),
    },
    "documents": {
        "id": F("slug", True),
        "key": F("str", True),
        "title_zh": F("str", True),
        "title_en": F("str", True),
        "doc_no": F("str"),
        "issuer_zh": F("str", True),
        "issuer_en": F("str", True),
        "date": F("date"),
        "date_source": F("slug", ref="sources"),
        "aliases": F("strs"),
        "measure_count": F("int", True),
        "measures_partial": F("bool"),
        "source": F("slug", True, ref="sources"),
        "note": F("str"),
        "note_zh": F("str"),
    },
    "areas": {
        "id": F("slug", True),
        "document": F("slug", True, ref="documents"),
        "order": F("int", True),
        "name_zh": F("str", True),
        "name_en": F("str", True),
        "verified": F("bool", True),
    },
    "measures": {
        "id": F("slug", True),
        "document": F("slug", True, ref="documents"),
        "area": F("slug", True, ref="areas"),
        "number": F("int", True),
        "number_zh": F("str"),
        "heading_zh": F("str", True),
        "heading_en": F("str", True),
        "heading_status": F("str", True, HEADING_STATUS),
        "position_verified": F("bool", True),
        "points_zh": F("strs"),
        "points_en": F("strs"),
        "sources": F("strs", True),
        "note": F("str"),
        "note_zh": F("str"),
    },
    "rankings": {
        "edition": F("int", True),
        "data_year": F("int", True),
        "list": F("slug", True),
        "rank": F("int", True),
        "zone": F("slug", True, ref="zones"),
        "source": F("slug", True, ref="sources"),
        "verified": F("bool", True),
        "complete_to": F("int"),
        "note": F("str"),
        "note_zh": F("str"),
    },
    "zone_figures": {
        "zone": F("slug", True, ref="zones"),
        "indicator": F("slug", True, ref="indicators"),
        "year": F("int", True),
        "value": F("float", True),
        "unit": F("str", True, UNITS),
        "qualifier": F("str", False, QUALIFIERS),
        "scope": F("str", True, FIGURE_SCOPES),
        "scope_note": F("str"),
        "scope_note_zh": F("str"),
        "primary": F("bool"),
        "source": F("slug", True, ref="sources"),
        "note": F("str"),
        "note_zh": F("str"),
    },
}

TABLES = (
    "sources",
    "regions",
    "provinces",
    "zones",
    "indicators",
    "stats",
    "documents",
    "areas",
    "measures",
    "rankings",
    "zone_figures",
)
REQUIRED_TABLES = ("sources", "regions", "provinces", "zones")


class Problem(NamedTuple):
    """One thing wrong with a data file."""

    where: str  # record/field path, e.g. "zones[3] id='x' .province"
    message: str
    line: int | None = None
    col: int | None = None

    def format(self, path: str) -> str:
        loc = path
        if self.line is not None:
            loc += f":{self.line}"
            if self.col is not None:
                loc += f":{self.col}"
        return f"{loc}: {self.where}: {self.message}" if self.where else f"{loc}: {self.message}"


# --------------------------------------------------------------------------- checking


def _kind_ok(kind: str, value: Any) -> str | None:
    """None if `value` fits `kind`, else what was expected."""
    if kind in ("str", "slug", "date"):
        if not isinstance(value, str):
            return "a string"
        if not value.strip():
            return "a non-empty string"
        if len(value) > MAX_STRING:
            return f"a string of at most {MAX_STRING} characters"
        if kind == "slug" and not SLUG_RE.match(value):
            return "an ASCII slug (lower-case letters, digits and single hyphens)"
        if kind == "date" and not _date_ok(value):
            return "a date YYYY, YYYY-MM or YYYY-MM-DD"
        return None
    if kind == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**12 else "an integer"
    if kind == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok and value == value and abs(value) < 1e15 else "a finite number"
    if kind == "bool":
        return None if isinstance(value, bool) else "true or false"
    if kind == "strs":
        if not isinstance(value, list) or len(value) > MAX_LIST:
            return f"a list of at most {MAX_LIST} strings"
        if not all(isinstance(v, str) and v.strip() and len(v) <= MAX_STRING for v in value):
            return "a list of non-empty strings"
        return None
    if kind == "table":
        if not isinstance(value, list) or len(value) > MAX_LIST or not all(isinstance(v, dict) for v in value):
            return "a list of tables"
        return None
    raise AssertionError(kind)  # pragma: no cover


def _date_ok(value: str) -> bool:
    if not DATE_RE.match(value):
        return False
    try:
        from .model import earliest_day

        earliest_day(value)
    except ValueError:
        return False
    return True


def _describe(table: str, index: int, rec: Any) -> str:
    label = f"{table}[{index}]"
    if isinstance(rec, dict):
        rid = rec.get("id")
        if isinstance(rid, str):
            label += f" id={rid!r}"
        elif table == "stats":
            label += f" {rec.get('indicator')!r} {rec.get('year')!r}"
        elif table == "zone_figures":
            label += f" {rec.get('zone')!r} {rec.get('indicator')!r} {rec.get('year')!r}"
    return label


def _check_record(table: str, index: int, rec: Any, spec: dict[str, F], label: str | None = None) -> Iterator[Problem]:
    label = label or _describe(table, index, rec)
    if not isinstance(rec, dict):
        yield Problem(label, "must be a table")
        return
    for key in rec:
        if key not in spec:
            close = _close(key, spec)
            hint = f" (did you mean {close!r}?)" if close else ""
            yield Problem(f"{label} .{_name(key)}", f"unknown field{hint}")
    for key, f in spec.items():
        if key not in rec:
            if f.required:
                yield Problem(f"{label} .{key}", "missing required field")
            continue
        if isinstance(rec[key], (dict, list)) and _too_deep(rec[key]):
            yield Problem(f"{label} .{key}", f"nested more than {MAX_DEPTH} levels deep")
            continue
        want = _kind_ok(f.kind, rec[key])
        if want:
            yield Problem(f"{label} .{key}", f"must be {want}, got {_short(rec[key])}")
            continue
        if f.choices and rec[key] not in f.choices:
            yield Problem(f"{label} .{key}", f"{rec[key]!r} is not one of: {', '.join(f.choices)}")
        if f.kind == "table":
            for j, sub in enumerate(rec[key]):
                yield from _check_record(key, j, sub, SPECS[key], f"{label} .{key}[{j}]")


_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _name(key: str) -> str:
    """A key as shown in a message: bare when plain, else quoted (a key can hold a newline)."""
    return key if _PLAIN_KEY.match(key) else repr(key)


def _too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and tables nest deeper than `limit` (walked without recursion: the data can be
    thousands of levels deep, and repr() or a recursive check would overflow the stack)."""
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if depth > limit:
            return True
        children = v.values() if isinstance(v, dict) else v
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _close(word: str, options: Any) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return found[0] if found else None


def _check_refs(doc: dict[str, Any]) -> Iterator[Problem]:
    ids: dict[str, set[str]] = {}
    for table in TABLES:
        ids[table] = {r["id"] for r in doc.get(table, []) if isinstance(r, dict) and isinstance(r.get("id"), str)}
    for table in TABLES:
        spec = SPECS[table]
        for i, rec in enumerate(doc.get(table, [])):
            if not isinstance(rec, dict):
                continue
            label = _describe(table, i, rec)
            for key, f in spec.items():
                value = rec.get(key)
                if f.ref and isinstance(value, str) and value not in ids[f.ref]:
                    close = _close(value, ids[f.ref])
                    hint = f"; did you mean {close!r}?" if close else ""
                    yield Problem(f"{label} .{key}", f"no {f.ref[:-1]} with id {value!r}{hint}")
            for field in ("sources", "name_sources"):
                if table in ("measures", "zones") and field in spec and isinstance(rec.get(field), list):
                    for s in rec[field]:
                        if isinstance(s, str) and s not in ids["sources"]:
                            yield Problem(f"{label} .{field}", f"no source with id {s!r}")
            if table == "zones" and isinstance(rec.get("highlights"), list):
                for j, h in enumerate(rec["highlights"]):
                    if isinstance(h, dict) and isinstance(h.get("source"), str) and h["source"] not in ids["sources"]:
                        yield Problem(f"{label} .highlights[{j}].source", f"no source with id {h['source']!r}")


def _check_unique(doc: dict[str, Any]) -> Iterator[Problem]:
    for table in TABLES:
        seen: dict[str, int] = {}
        for i, rec in enumerate(doc.get(table, [])):
            if isinstance(rec, dict) and isinstance(rec.get("id"), str):
                if rec["id"] in seen:
                    yield Problem(f"{_describe(table, i, rec)} .id", f"duplicate id (first used by {table}[{seen[rec['id']]}])")
                else:
                    seen[rec["id"]] = i


def _check_semantics(doc: dict[str, Any]) -> Iterator[Problem]:
    """Rules that span fields or records."""
    provinces = {p.get("id"): p for p in doc.get("provinces", []) if isinstance(p, dict)}
    for i, z in enumerate(doc.get("zones", [])):
        if not isinstance(z, dict):
            continue
        label = _describe("zones", i, z)
        prov = provinces.get(z.get("province"))
        if prov is not None and z.get("region") != prov.get("region"):
            yield Problem(
                f"{label} .region",
                f"{z.get('region')!r} does not match province {z.get('province')!r} (region {prov.get('region')!r})",
            )
        if z.get("status") == "removed":
            for key in ("removed", "removed_basis", "removed_source"):
                if key not in z:
                    yield Problem(f"{label} .{key}", "required for a removed zone")
        elif any(k in z for k in ("removed", "removed_basis", "removed_source")):
            yield Problem(f"{label} .status", "an active zone has removal fields")
        if z.get("name_en_status") == "official" and "name_en_source" not in z:
            yield Problem(f"{label} .name_en_source", "required when name_en_status is 'official'")
        for field, src in (
            ("area_km2", "area_source"),
            ("industries_zh", "industries_source"),
            ("industries_en", "industries_source"),
        ):
            if field in z and src not in z:
                yield Problem(f"{label} .{src}", f"required with {field}: no source, no figure")
        if "part_of" in z and "name_sources" not in z:
            yield Problem(f"{label} .name_sources", "required with part_of: say which source places the zone in that area")
        if "area_km2" in z and "area_kind" not in z:
            yield Problem(f"{label} .area_kind", "required with area_km2")
        yield from _check_codes(label, z)
        yield from _check_bounds(label, z)
    primaries: dict[tuple[Any, Any, Any], list[int]] = {}
    members: dict[tuple[Any, Any, Any], list[int]] = {}
    ind_units = {i.get("id"): i.get("unit") for i in doc.get("indicators", []) if isinstance(i, dict)}
    stats = doc.get("stats", [])
    for i, s in enumerate(stats):
        if not isinstance(s, dict):
            continue
        group = (s.get("indicator"), s.get("year"), s.get("period") or s.get("as_of"))
        primaries.setdefault(group, [])
        members.setdefault(group, []).append(i)
        if s.get("primary", True):
            primaries[group].append(i)
        want, got = ind_units.get(s.get("indicator")), s.get("unit")
        if isinstance(want, str) and isinstance(got, str) and unit_dimension(want) != unit_dimension(got):
            yield Problem(
                f"stats[{i}] {s.get('indicator')!r} {s.get('year')!r} .unit",
                f"{got!r} cannot be shown in the indicator's unit {want!r}: currencies are never converted; "
                "put the figure under an indicator of its own currency",
            )
    for (ind_id, year, _period), idx in primaries.items():
        if len(idx) > 1:
            yield Problem(
                f"stats[{idx[1]}] {ind_id!r} {year!r}",
                f"{len(idx)} primary values for this indicator, year and period; mark all but one primary = false",
            )
        elif len(idx) == 1 and len(members[(ind_id, year, _period)]) > 1:
            # the series policy: the default figure is of the best-ranked series present
            group_stats = [stats[j] for j in members[(ind_id, year, _period)]]
            best = min(SERIES_RANK.get(g.get("series"), 2) for g in group_stats)
            if SERIES_RANK.get(stats[idx[0]].get("series"), 2) != best:
                yield Problem(
                    f"stats[{idx[0]}] {ind_id!r} {year!r} .primary",
                    "the default figure must follow the series policy: MOFCOM's main-indicators release where it "
                    "exists, else the evaluation release",
                )
    yield from _check_zone_facts(doc)
    yield from _check_zone_figures(doc)
    docs = {d.get("id"): d for d in doc.get("documents", []) if isinstance(d, dict)}
    areas = {a.get("id"): a for a in doc.get("areas", []) if isinstance(a, dict)}
    for i, m in enumerate(doc.get("measures", [])):
        if isinstance(m, dict):
            area = areas.get(m.get("area"))
            if area is not None and area.get("document") != m.get("document"):
                yield Problem(
                    f"{_describe('measures', i, m)} .area", f"area {m.get('area')!r} belongs to document {area.get('document')!r}"
                )
    for did, d in docs.items():
        count = sum(1 for m in doc.get("measures", []) if isinstance(m, dict) and m.get("document") == did)
        if not isinstance(d.get("measure_count"), int) or not count:
            continue
        if d.get("measures_partial") and count >= d["measure_count"]:
            yield Problem(f"documents id={did!r} .measures_partial", f"all {count} measures are listed: drop measures_partial")
        elif not d.get("measures_partial") and count != d["measure_count"]:
            yield Problem(
                f"documents id={did!r} .measure_count",
                f"says {d['measure_count']} but {count} measures are listed (set measures_partial = true if only some are known)",
            )


def _check_zone_facts(doc: dict[str, Any]) -> Iterator[Problem]:
    """A fact's figure is a value with its unit: one without the other is not a figure."""
    for i, z in enumerate(doc.get("zones", [])):
        if not isinstance(z, dict):
            continue
        for j, h in enumerate(z.get("highlights", ())):
            if isinstance(h, dict) and ("value" in h) != ("unit" in h):
                yield Problem(f"{_describe('zones', i, z)} .highlights[{j}]", "a figure needs both value and unit")
            elif isinstance(h, dict) and "qualifier" in h and "value" not in h:
                yield Problem(f"{_describe('zones', i, z)} .highlights[{j}].qualifier", "a qualifier needs a value")


def _check_zone_figures(doc: dict[str, Any]) -> Iterator[Problem]:
    """A figure of another scope names its entity; one primary value per zone, indicator, year and
    scope; and a zone figure is never stored in a share-of-national indicator."""
    indicators = {i.get("id"): i for i in doc.get("indicators", []) if isinstance(i, dict)}
    primaries: dict[tuple[Any, ...], list[int]] = {}
    for i, f in enumerate(doc.get("zone_figures", [])):
        if not isinstance(f, dict):
            continue
        label = _describe("zone_figures", i, f)
        if f.get("scope") != "zone" and "scope_note" not in f:
            yield Problem(f"{label} .scope_note", f"required when scope is {f.get('scope')!r}: name the entity the figure is for")
        ind = indicators.get(f.get("indicator"))
        if ind is not None and ind.get("share_of"):
            yield Problem(f"{label} .indicator", "a share of the national total is not a zone figure")
        key = (f.get("zone"), f.get("indicator"), f.get("year"), f.get("scope"))
        primaries.setdefault(key, [])
        if f.get("primary", True):
            primaries[key].append(i)
    for (zone, ind_id, year, _scope), idx in primaries.items():
        if len(idx) > 1:
            yield Problem(
                f"zone_figures[{idx[1]}] {zone!r} {ind_id!r} {year!r}",
                f"{len(idx)} primary values for this zone, indicator, year and scope; mark all but one primary = false",
            )


CODE_DIGITS = {"province_code": 2, "city_code": 6, "city_code_2": 6, "zone_code": 6}


def _check_codes(label: str, z: dict[str, Any]) -> Iterator[Problem]:
    """Division codes: digits of the right length, each inside the unit above it, with a source and vintage."""
    present = [k for k in CODE_DIGITS if k in z]
    for key in present:
        n = CODE_DIGITS[key]
        value = z[key]
        if not (len(value) == n and value.isascii() and value.isdigit()):
            yield Problem(f"{label} .{key}", f"must be {n} digits, got {_short(value)}")
            return
    if not present:
        if "code_vintage" in z or "codes_note" in z:
            yield Problem(f"{label} .code_vintage", "code fields without a code")
        return
    for key in ("province_code", "city_code", "codes_source", "code_vintage"):
        if key not in z:
            yield Problem(f"{label} .{key}", "required with the other division codes")
            return
    prov, city = z["province_code"], z["city_code"]
    for key in ("city_code", "city_code_2"):
        if key in z and not z[key].startswith(prov):
            yield Problem(f"{label} .{key}", f"{z[key]!r} is not inside province code {prov!r}")
    if "zone_code" in z:
        # a county-level code sits under its prefecture (4 digits), or under the province for a municipality
        parent = prov if city.endswith("0000") else city[:4]
        if not z["zone_code"].startswith(parent) or z["zone_code"] == city:
            yield Problem(f"{label} .zone_code", f"{z['zone_code']!r} is not a county-level code under city code {city!r}")


def _check_bounds(label: str, z: dict[str, Any]) -> Iterator[Problem]:
    """A bound comes with its source, basis and note; the two bounds leave room for an approval;
    a bound never contradicts the approval date (drop an unsourced year that it contradicts, and
    say so in approved_note)."""
    from .model import earliest_day, latest_day

    for side in ("after", "before"):
        key = f"approved_{side}"
        if key in z:
            for part in ("source", "basis", "note"):
                if f"{key}_{part}" not in z:
                    yield Problem(f"{label} .{key}_{part}", f"required with {key}")
        elif any(f"{key}_{part}" in z for part in ("source", "basis", "note")):
            yield Problem(f"{label} .{key}", f"{key}_source/basis/note without {key}")
    after, before, approved = z.get("approved_after"), z.get("approved_before"), z.get("approved")
    if after and before and latest_day(before) <= earliest_day(after):
        yield Problem(f"{label} .approved_before", f"{before!r} leaves no day after approved_after {after!r}")
    if approved:
        lo, hi = earliest_day(approved), latest_day(approved)
        if after and hi <= earliest_day(after):
            yield Problem(f"{label} .approved", f"{approved!r} contradicts approved_after {after!r}; drop the year and note why")
        if before and lo > latest_day(before):
            yield Problem(
                f"{label} .approved", f"{approved!r} contradicts approved_before {before!r}; drop the year and note why"
            )


def check_document(doc: dict[str, Any]) -> list[Problem]:
    """Every schema problem in a parsed TOML document."""
    problems: list[Problem] = []
    if "meta" not in doc:
        problems.append(Problem("meta", "missing [meta] table"))
    else:
        problems.extend(_check_record("meta", 0, doc["meta"], SPECS["meta"], "meta"))
        sv = doc["meta"].get("schema_version") if isinstance(doc["meta"], dict) else None
        if isinstance(sv, int) and sv != SCHEMA_VERSION:
            problems.append(Problem("meta .schema_version", f"this edz reads schema version {SCHEMA_VERSION}, the file has {sv}"))
    for key in doc:
        if key != "meta" and key not in TABLES:
            close = _close(key, TABLES)
            problems.append(Problem(_name(key), "unknown table" + (f" (did you mean {close!r}?)" if close else "")))
    for table in TABLES:
        rows = doc.get(table)
        if rows is None:
            if table in REQUIRED_TABLES:
                problems.append(Problem(table, f"missing [[{table}]] records"))
            continue
        if not isinstance(rows, list):
            problems.append(Problem(table, f"must be an array of tables ([[{table}]])"))
            continue
        if len(rows) > 1_000_000:
            problems.append(Problem(table, "too many records"))
            continue
        for i, rec in enumerate(rows):
            problems.extend(_check_record(table, i, rec, SPECS[table]))
    if problems:
        return problems
    # the likeliest cause first: a duplicate id, then a dangling reference, then the rest
    problems.extend(_check_unique(doc))
    problems.extend(_check_refs(doc))
    problems.extend(_check_semantics(doc))
    return problems


# --------------------------------------------------------------------------- building


RECORD_CLASSES: dict[str, type[Any]] = {
    "sources": Source,
    "regions": Region,
    "provinces": Province,
    "zones": Zone,
    "indicators": Indicator,
    "stats": Stat,
    "documents": Document,
    "areas": Area,
    "measures": Measure,
    "rankings": Ranking,
    "zone_figures": ZoneFigure,
}


def _pack(doc: dict[str, Any]) -> dict[str, Any]:
    """A validated document as positional rows in each record class's field order, with the
    exact value types of the records (tuples, floats). This is what the cache stores: loading it
    is then one `tuple.__new__` per row, with no per-row dictionaries."""
    packed: dict[str, Any] = {"meta": tuple(doc["meta"].get(f) for f in Meta._fields)}
    # one object per distinct string: marshal then writes a repeated one (a source id, a unit, a
    # province, a shared note, an industry) as a back-reference, so the cache is smaller and loads faster
    memo: dict[str, str] = {}
    one = memo.setdefault
    for table, cls in RECORD_CLASSES.items():
        spec = SPECS[table]
        defaults = cls._field_defaults
        rows = []
        for rec in doc.get(table, ()):
            values = []
            for f in cls._fields:
                v = rec.get(f, defaults.get(f))
                kind = spec[f].kind if f in spec else ""
                if type(v) is str:
                    v = one(v, v)
                elif kind == "strs" and v is not None:
                    v = tuple(one(x, x) for x in v)
                elif kind == "float" and v is not None:
                    v = float(v)
                elif kind == "table":
                    v = tuple(
                        tuple(
                            float(h[g]) if g == "value" and g in h else (one(h[g], h[g]) if type(h.get(g)) is str else h.get(g))
                            for g in Highlight._fields
                        )
                        for h in v or ()
                    )
                values.append(v)
            rows.append(tuple(values))
        packed[table] = rows
    return packed


def _build(path: str, packed: dict[str, Any]) -> Dataset:
    new = tuple.__new__

    def rows(table: str) -> list[Any]:
        cls = RECORD_CLASSES[table]
        return [new(cls, r) for r in packed[table]]

    def by_id(table: str) -> dict[str, Any]:
        return {r.id: r for r in rows(table)}

    zones: dict[str, Zone] = {}
    at = Zone._fields.index("highlights")
    for r in packed["zones"]:
        if r[at]:  # the zone's facts as records: a slice and one tuple.__new__, not _replace (5x slower)
            r = (*r[:at], tuple(new(Highlight, h) for h in r[at]), *r[at + 1 :])
        z = new(Zone, r)
        zones[z.id] = z
    return Dataset(
        path,
        new(Meta, packed["meta"]),
        by_id("sources"),
        by_id("regions"),
        by_id("provinces"),
        zones,
        by_id("indicators"),
        rows("stats"),
        by_id("documents"),
        by_id("areas"),
        by_id("measures"),
        rows("rankings"),
        rows("zone_figures"),
    )


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([A-Za-z_]+)[ \t]*\]\]", re.M)


def _read(path: Path) -> bytes:
    """The file's bytes: a regular file of at most MAX_DATA_BYTES, opened without blocking, so a
    FIFO, a device (/dev/zero) or a huge file is refused in one line instead of hanging or
    exhausting memory."""
    import stat

    shown = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise DataError(shown, "no such data file") from None
    except IsADirectoryError:
        raise DataError(shown, "is a directory, not a data file") from None
    except OSError as e:
        raise DataError(shown, f"cannot read: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DataError(shown, "is a directory, not a data file")
        if not stat.S_ISREG(st.st_mode):
            raise DataError(shown, "is not a regular file (a device, pipe or socket); edz reads data files only")
        if st.st_size > MAX_DATA_BYTES:
            raise DataError(shown, f"is larger than {MAX_DATA_BYTES // 2**20} MiB ({st.st_size} bytes); edz refuses it unread")
        chunks = []
        left = MAX_DATA_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise DataError(shown, f"is larger than {MAX_DATA_BYTES // 2**20} MiB; edz refuses it")
        return b"".join(chunks)
    except OSError as e:
        raise DataError(shown, f"cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)


def _parse_bytes(shown: str, raw: bytes) -> tuple[str, dict[str, Any]]:
    # imported here: a run served from the parsed-data cache never pays for the TOML parser
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, no-redef, unused-ignore]
    if raw.startswith(_BOM):
        why = "starts with a UTF-8 byte-order mark (BOM); TOML files must not have one: save as UTF-8 without BOM"
        raise DataError(shown, why, 1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        bad_line = raw[: e.start].count(b"\n") + 1
        bad_col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise DataError(shown, "not valid UTF-8", bad_line, bad_col) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        pos = _TOML_POS.search(msg)
        line: int | None = None
        col: int | None = None
        if pos:
            line, col = int(pos.group(1)), int(pos.group(2))
            msg = _TOML_POS.sub("", msg).strip()
        raise DataError(shown, f"TOML syntax error: {msg}", line, col) from None
    except RecursionError:
        raise DataError(shown, "TOML nesting too deep") from None
    return text, doc


def _parse(path: Path) -> tuple[str, dict[str, Any]]:
    return _parse_bytes(str(path), _read(path))


def _locate(text: str, problem: Problem) -> Problem:
    """Add the line where the record named in `problem.where` starts, when it can be found."""
    m = re.match(r"([a-z_]+)\[(\d+)\]", problem.where)
    if not m or problem.line is not None:
        return problem
    table, index = m.group(1), int(m.group(2))
    n = -1
    for h in _HEADER.finditer(text):
        if h.group(1) == table:
            n += 1
            if n == index:
                line = text.count("\n", 0, h.start()) + 1
                return Problem(problem.where, problem.message, line, 1)
    return problem


def check_file(path: str | os.PathLike[str] | None = None) -> tuple[Path, list[Problem]]:
    """Every problem in a data file; a syntax error is the only problem reported if there is one."""
    p = resolve_data_path(path)
    try:
        text, doc = _parse(p)
    except DataError as e:
        return p, [Problem("", e.detail, e.line, e.col)]
    return p, [_locate(text, pr) for pr in check_document(doc)]


_CACHE: dict[tuple[str, int, int], Dataset] = {}
CACHE_ENV = "EDZ_CACHE_DIR"
NO_CACHE_ENV = "EDZ_NO_CACHE"
CACHE_FORMAT = 9  # 3: positional rows (see _pack); 4: zone facts, zone_figures; 5: stats.zones, growth_published,
# growth_source; 6: a header with the layout digest, payload length and CRC-32, verified before the payload is used;
# 7: zones gained part_of, name_sources; 8: Chinese forms of notes (*_zh), industries_translated;
# 9: one object per distinct string (back-references in the payload)
CACHE_MAGIC = b"EDZCACHE"
CACHE_HEADER = len(CACHE_MAGIC) + 16 + 12  # magic, layout digest, payload length (8) and CRC-32 (4)
MAX_CACHE_BYTES = 4 * MAX_DATA_BYTES  # a larger cache file is not read at all
CACHE_KEEP = 8


def _home() -> str | None:
    """The user's home folder when it is an absolute path; None when there is no usable one."""
    home = os.environ.get("HOME")
    if home is None:
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError, OSError, AttributeError):
            return None
    return home if home and os.path.isabs(home) else None


def cache_dir() -> Path | None:
    """Where validated documents are cached between runs; None when caching is off.

    `$EDZ_CACHE_DIR` when set (the user named it), else `$XDG_CACHE_HOME/edz` when that is an
    absolute path (the XDG spec says to ignore a relative one), else `~/.cache/edz` when there is
    an absolute home folder, else no cache: edz never writes into the current folder on its own."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "edz"
    home = _home()
    return Path(home) / ".cache" / "edz" if home else None


def _blake2b(data: bytes, size: int) -> bytes:
    try:  # the C module itself: importing hashlib would also load OpenSSL's bindings (~3 ms)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Python implementations
        from hashlib import blake2b
    return blake2b(data, digest_size=size).digest()


_LAYOUT: list[bytes] = []


def cache_layout() -> bytes:
    """A digest of everything a cached document's meaning depends on besides the data file: the
    field names and order of every record class, the schema, the cache format, this edz version
    and the marshal format. A cache written under any other layout is never read."""
    if not _LAYOUT:
        import marshal

        from . import __version__

        key = (
            SCHEMA_VERSION,
            CACHE_FORMAT,
            __version__,
            marshal.version,
            sys.version_info[:2],
            Meta._fields,
            Highlight._fields,
            tuple((table, cls._fields) for table, cls in RECORD_CLASSES.items()),
        )
        _LAYOUT.append(_blake2b(repr(key).encode(), 16))
    return _LAYOUT[0]


def _cache_file(raw: bytes) -> Path | None:
    """Keyed by the file's content (BLAKE2b) and the layout: an edited file is never served
    stale, whatever its path or timestamp, and another edz's cache is never even opened."""
    d = cache_dir()
    if d is None:
        return None
    from . import __version__

    digest = _blake2b(raw, 20).hex()
    return d / f"{digest}-s{SCHEMA_VERSION}-c{CACHE_FORMAT}-v{__version__}-{cache_layout()[:6].hex()}.marshal"


def _cache_read(path: Path | None) -> dict[str, Any] | None:
    """The cached document, or None unless the file verifies: a regular file (opened without
    following a link or blocking on a FIFO), of bounded size, with our magic, our layout, the
    payload length and the CRC-32 of the payload it was written with, and the expected shape."""
    if path is None:
        return None
    import marshal
    import stat
    import struct
    import zlib

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None  # absent (the usual first run), a symlink, unreadable
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not CACHE_HEADER < st.st_size <= MAX_CACHE_BYTES:
            return None
        with open(fd, "rb", closefd=False) as f:
            data = f.read(st.st_size + 1)  # marshal.load(file) reads piecemeal and is ~8x slower than loads()
        head = data[:CACHE_HEADER]
        size, crc = struct.unpack("<QI", head[-12:])
        payload = memoryview(data)[CACHE_HEADER:]
        if (
            head[: len(CACHE_MAGIC)] != CACHE_MAGIC
            or head[len(CACHE_MAGIC) : len(CACHE_MAGIC) + 16] != cache_layout()
            or size != len(payload)
            or zlib.crc32(payload) != crc
        ):
            return None
        doc = marshal.loads(payload)
    except Exception:  # corrupt in a way the checks above cannot see: parse the TOML instead
        return None
    finally:
        os.close(fd)
    if not isinstance(doc, dict) or not isinstance(doc.get("meta"), tuple) or set(doc) != {"meta", *RECORD_CLASSES}:
        return None
    if len(doc["meta"]) != len(Meta._fields):
        return None
    for table, cls in RECORD_CLASSES.items():
        rows = doc[table]
        if not isinstance(rows, list) or any(not isinstance(r, tuple) or len(r) != len(cls._fields) for r in rows):
            return None  # written by another layout: parse the TOML instead
    at, width = Zone._fields.index("highlights"), len(Highlight._fields)
    if any(len(h) != width for r in doc["zones"] for h in r[at]):
        return None  # facts of another layout
    return doc


def _cache_write(path: Path | None, doc: dict[str, Any]) -> None:
    """Best effort and atomic (a complete temporary file renamed over the old one, so concurrent
    first runs leave one good file): a read-only or full cache folder only costs speed."""
    if path is None:
        return
    import marshal
    import struct
    import tempfile
    import zlib

    try:
        payload = marshal.dumps(doc)
        head = CACHE_MAGIC + cache_layout() + struct.pack("<QI", len(payload), zlib.crc32(payload))
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(head)
                f.write(payload)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _cache_prune(path.parent, keep=path)
    except (OSError, ValueError):
        pass


_CACHE_NAME = re.compile(r"^[0-9a-f]{40}-s\d+-c\d+-v[^/]+\.marshal$")
_CACHE_TEMP = re.compile(r"^\.tmp-[A-Za-z0-9_]+\.marshal$")


def _cache_prune(folder: Path, keep: Path) -> None:
    """Keep the newest few cached documents (every edit of a data file adds one); remove
    temporary files a killed run left behind (older than a minute, so not a concurrent writer's)."""
    import time

    now = time.time()
    files = []
    for f in folder.iterdir():
        with contextlib.suppress(OSError):
            if _CACHE_TEMP.match(f.name):
                if now - f.lstat().st_mtime > 60:
                    f.unlink()
            elif _CACHE_NAME.match(f.name):  # only files of edz's own naming: the folder may be shared
                files.append((f.lstat().st_mtime, f))
    files.sort(key=lambda t: t[0], reverse=True)
    for _mtime, old in files[CACHE_KEEP:]:
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def load_dataset(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and validate a dataset (default: the bundled one, or $EDZ_DATA).

    Parsed once per process for each version of a file (keyed by path, mtime and size), and
    cached between processes as a validated document keyed by the file's content hash
    (`$EDZ_CACHE_DIR`, else `$XDG_CACHE_HOME/edz`; `EDZ_NO_CACHE=1` turns it off).
    Raises `DataError` with `file:line:col` or a record/field path on the first problem.
    """
    p = resolve_data_path(path)
    try:
        st = p.stat()
        key: tuple[str, int, int] | None = (str(p.resolve()), st.st_mtime_ns, st.st_size)
    except OSError:
        key = None
    if key is not None and key in _CACHE:
        return _CACHE[key]
    raw = _read(p)
    cached = _cache_file(raw)
    doc = _cache_read(cached)
    if doc is None:
        text, doc = _parse_bytes(str(p), raw)
        problems = check_document(doc)
        if problems:
            first = _locate(text, problems[0])
            n = len(problems) - 1
            more = f" (and {n} more problem{'s' if n > 1 else ''}; run 'edz validate')" if n else ""
            raise DataError(str(p), f"{first.where}: {first.message}{more}", first.line, first.col)
        doc = _pack(doc)
        _cache_write(cached, doc)
    ds = _build(str(p), doc)
    if key is not None:
        _CACHE[key] = ds
    return ds
