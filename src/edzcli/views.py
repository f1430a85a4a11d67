"""Turn query results into `View`s: raw rows for machines, marks and notes for people, full
records for JSON. Pure functions, no I/O. Every label and note comes from `labels`; the few
`lang` tests left here choose between data fields, not translations."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from . import DATA_LICENSE, DATA_LICENSE_URL
from . import __license__ as CODE_LICENSE
from . import labels as L
from .labels import local, pick, t, text
from .model import (
    Dataset,
    Document,
    Figure,
    Measure,
    Province,
    Ranking,
    Region,
    Source,
    Stat,
    Zone,
    ZoneFigure,
    convert,
    record_dict,
)
from .model import zone_record as _zone_record
from .query import (
    COMPARE_INDICATORS,
    PlaceNote,
    ProvinceCounts,
    RangeChange,
    StatRow,
    TrendRow,
    YearCount,
    citations,
    coverage,
    display_unit,
    display_value,
    latest_zone_figures,
    year_ranges,
)
from .view import LEVELS, Column, Tile, TileMap, View, raw_text

if TYPE_CHECKING:
    import datetime as _dt

    from .search import Hit

UNVERIFIED_MARK = "*"
SYSTEMATIC_MARK = "~"


def _cols(view: str, *keys: str, numeric: tuple[str, ...] = (), keep: tuple[str, ...] = ()) -> list[Column]:
    """Columns of `view` in this order, headed by their labels in `labels.COLUMNS`; `keep` names
    the ids, dates and codes a table must never wrap (numeric columns are kept too)."""
    heads = L.COLUMNS[view]
    return [Column.of(k, heads[k], k in numeric, k in keep) for k in keys]


def unit_label(unit: str, lang: str) -> str:
    return t(L.UNITS.get(unit, (unit, unit)), lang)


def _region_name(r: Region, lang: str) -> str:
    return pick(r.name_zh, r.name_en, lang)


def _province_name(p: Province, lang: str) -> str:
    return pick(p.name_zh, p.name_en, lang)


# --------------------------------------------------------------------------- zones
# --------------------------------------------------------------------------- zones


def zone_record(ds: Dataset, z: Zone) -> dict[str, Any]:
    """A zone as JSON: every stored field, plus the derived flags scripts need (one definition,
    `model.zone_record`, shared with the exports)."""
    return _zone_record(ds, z)


# a zone as one flat row: what `edz zone ID -f tsv/csv/jsonl` shows for every zone, and the fields
# `edz zones --fields` can add; citations sit in their own *_source fields, never inside a value
_ZONE_KEYS = (*Zone._fields, "approved_verified", "approved_precision", "province_name_zh", "province_name_en")
ZONE_FLAT_KEYS = (*(k for k in _ZONE_KEYS if k != "highlights"), "highlights_zh", "highlights_en", "highlights_source")


def zone_flat(ds: Dataset, z: Zone) -> dict[str, Any]:
    rec = _zone_record(ds, z)
    del rec["highlights"]
    rec["highlights_zh"] = [h.text_zh for h in z.highlights]
    rec["highlights_en"] = [h.text_en for h in z.highlights]
    rec["highlights_source"] = [h.source for h in z.highlights]
    return {k: rec[k] for k in ZONE_FLAT_KEYS}


def _key_columns(keys: Sequence[str]) -> list[Column]:
    """Columns headed by their field name (fields picked with --fields are shown as typed)."""
    return [Column(k, k, k) for k in keys]


def zones_view(
    ds: Dataset,
    zones: Sequence[Zone],
    lang: str,
    *,
    show_status: bool = False,
    undated: Sequence[Zone] = (),
    total: int | None = None,
    day: _dt.date | None = None,
    beyond_data: bool = False,
    uncertain: Sequence[Zone] = (),
    place_notes: Sequence[PlaceNote] = (),
    show_area: bool = False,
) -> View:
    """The zone list; `undated` (with --as-of) are the zones that could not be placed in time;
    `total` is how many matched before --limit ("5 of 50"); `day` the --as-of day described;
    `uncertain` the zones whose sourced bounds straddle a --since/--until/--as-of date;
    `place_notes` what the city filter must say; `show_area` adds the area and its kind."""
    keys = ["id", "name", "province", "city", "region", "approved", "approved_verified", "status", "removed"]
    if show_area:
        keys += ["area_km2", "area_kind"]
    # approved may fold: a sourced-bounds cell ("2010* (2007-09-14..2011-09-21)") must not squeeze the id
    cols = _cols("zones", *keys, keep=("id", "removed"))
    extra = [k for k in ("province_id", "region_id", *ZONE_FLAT_KEYS) if k not in keys]
    cols += _key_columns(extra)
    rows, marks = [], []
    any_unverified = any_systematic = any_bounded = False
    for z in zones:
        row = {
            "id": z.id,
            "name": pick(z.name_zh, z.name_en, lang),
            "province": _province_name(ds.provinces[z.province], lang),
            "city": pick(z.city_zh, z.city_en, lang),
            "region": _region_name(ds.regions[z.region], lang),
            "approved": z.approved,
            "approved_verified": z.approved_verified,
            "status": z.status,
            "removed": z.removed,
            "area_km2": z.area_km2,
            "area_kind": z.area_kind,
        }
        mark: dict[str, str] = {}
        if z.approved and not z.approved_verified:
            mark["approved"] = UNVERIFIED_MARK
            any_unverified = True
        if z.approval_bounded:
            mark["approved"] = mark.get("approved", "") + " " + bounds_text(z)
            any_bounded = True
        if lang == "en" and z.name_en_status == "systematic":  # Chinese names are never systematic
            mark["name"] = SYSTEMATIC_MARK
            any_systematic = True
        rows.append(row)
        marks.append(mark)
    notes = []
    if any_unverified:
        notes.append(text("zones.unverified", lang))
    if any_bounded:
        notes.append(text("zones.bounds", lang))
    if uncertain:
        notes.append(text("zones.uncertain", lang, n=len(uncertain), ids=", ".join(z.id for z in uncertain)))
    if any_systematic:
        notes.append(text("zones.systematic", lang))
    note = undated_note(undated, lang)
    if note:
        notes.append(note)
    if beyond_data:
        notes.append(beyond_note(ds, lang))
    notes += [place_note(ds, n, lang) for n in place_notes]
    n = len(rows)
    count = text("zones.n_of", lang, n=n, total=total) if total is not None and total > n else str(n)
    if day is not None:
        title = text("zones.title_on", lang, day=day.isoformat(), count=count)
    else:
        title = text("zones.title", lang, n=count)
    view = View(cols, rows, lambda: [zone_record(ds, z) for z in zones], title=title, notes=notes, marks=marks)
    view.hidden = ("approved_verified", "removed")
    view.drop, view.shorten = ("region", "city", "province"), ("city",)
    view.optional = tuple(extra) + (() if show_status else ("status", "removed"))

    def more() -> list[dict[str, Any]]:
        return [{**zone_flat(ds, z), "province_id": z.province, "region_id": z.region} for z in zones]

    view.more = more
    view.human_values = {
        "status": lambda row, lg: t(L.STATUS[row["status"]], lg) + (f" {row['removed']}" if row["removed"] else ""),
        "approved": lambda row, lg: row["approved"] or "?",  # a bounded zone with no year still shows its bounds
        "area_kind": lambda row, lg: t(L.AREA_KINDS[row["area_kind"]], lg) if row["area_kind"] else "",
    }
    return view


def bounds_text(z: Zone) -> str:
    """`2011-05 ..2013-03`, `..2013-03`: the sourced bounds of an unsourced approval date, open ends empty."""
    # months in tables (days in JSON and edz zone); a space before ".." lets a narrow column fold there
    after, before = (z.approved_after or "")[:7], (z.approved_before or "")[:7]
    return f"{after} ..{before}" if after and before else f"{after}..{before}"


def place_note(ds: Dataset, note: PlaceNote, lang: str) -> str:
    """The sentence under a zone list for a city filter (Taizhou = two cities; 深圳 has no zone)."""
    from .names import pinyin_of
    from .search import short_place

    provinces = {p.short_zh: p for p in ds.provinces.values()}

    def city(name: str, prov: str) -> str:
        p = provinces.get(prov)
        if lang == "en":
            return f"{pinyin_of(short_place(name)).capitalize()} ({p.name_en if p else prov})"
        return f"{name}（{prov}）"

    cities = (
        text("list_sep", lang).join(city(c, p) for c, p in note.cities)
        if lang != "en"
        else ", ".join(city(c, p) for c, p in note.cities)
    )
    return text(f"zones.city_{note.kind}", lang, query=note.query, n=len(note.cities), cities=cities)


# --------------------------------------------------------------------------- stats


def stat_record(ds: Dataset, s: Figure) -> dict[str, Any]:
    """A figure as JSON: `value` and `unit` in the indicator's display unit (converted exactly),
    `value_published` and `unit_published` as the source gives them."""
    rec: dict[str, Any] = record_dict(s)
    ind = ds.indicators[s.indicator]
    rec["value"] = display_value(ds, s)
    rec["unit"] = display_unit(ds, s)
    rec["value_published"] = s.value
    rec["unit_published"] = s.unit
    rec["name_zh"] = ind.name_zh
    rec["name_en"] = ind.name_en
    return rec


# one published figure as `stats` and `trend` show it: its value, then where it comes from
_FIGURE_KEYS = ("value", "qualifier", "unit")
_PUBLISHED_KEYS = ("value_published", "unit_published", "zones")
_PROVENANCE_KEYS = ("series", "primary", "source")


def _figure_cells(ds: Dataset, s: Figure, primary: bool, lang: str) -> dict[str, Any]:
    """The cells of _FIGURE_KEYS, _PUBLISHED_KEYS and _PROVENANCE_KEYS for one figure (and its scope,
    for a zone's): the value in the display unit, and the value as published beside it for machines."""
    cells: dict[str, Any] = {
        "value": display_value(ds, s),
        "qualifier": s.qualifier,
        "unit": display_unit(ds, s),
        "value_published": s.value,
        "unit_published": s.unit,
        "zones": getattr(s, "zones", None),
        "series": s.series,
        "primary": primary,
        "source": s.source,
    }
    if isinstance(s, ZoneFigure):
        cells["scope"] = s.scope
        cells["scope_note"] = local(s, "scope_note", lang)
    return cells


def _zone_figure_notes(figures: Sequence[Figure], lang: str) -> list[str]:
    """Under a zone's figures: what each note says (conversions, conflicts, scope cautions)."""
    out = []
    for f in figures:
        if isinstance(f, ZoneFigure) and (f.note or f.scope_note):
            bits = [b for b in (local(f, "scope_note", lang), local(f, "note", lang)) if b]
            out.append(text("zone_figures.note", lang, indicator=f.indicator, year=f.year, note=" ".join(bits)))
    return out


def _zone_figure_columns(view: View, zone: Zone | None, lang: str) -> None:
    """A zone's figures carry their scope in every format, and their scope note for machines."""
    if zone is None:
        return
    heads = L.COLUMNS["figure"]
    view.columns.append(Column.of("scope", heads["scope"]))
    view.columns.append(Column.of("scope_note", heads["scope_note"]))
    view.hidden = (*view.hidden, "scope_note", "series", "share_national")
    view.human_values["scope"] = lambda row, lg: t(L.FIGURE_SCOPES[row["scope"]], lg)
    view.notes.append(text("zone_figures.scope", lang))


def _converted_note(ds: Dataset, stats: Sequence[Figure], lang: str, unit: str | None = None) -> str | None:
    """Say which figures were published in another unit and are shown converted (exactly)."""
    conv = []
    for s in stats:
        target = unit or display_unit(ds, s)
        if s.unit != target and convert(s.value, s.unit, target) is not None:
            conv.append(s)
    if not conv:
        return None
    items = ", ".join(f"{s.year} {raw_text(s.value)} {unit_label(s.unit, lang)}" for s in conv)
    return text("figures.converted", lang, items=items)


def _signed(value: Any, qualifier: str | None) -> str:
    """A value for people with its qualifier as a sign: >3, ~0.3."""
    return L.QUALIFIER_SIGN.get(qualifier or "", "") + raw_text(value)


_FIGURE_HUMAN: dict[str, Callable[[dict[str, Any], str], str]] = {
    "value": lambda row, lang: _signed(row["value"], row.get("qualifier")),
    "unit": lambda row, lang: unit_label(row["unit"], lang),
    "series": lambda row, lang: t(L.SERIES[row["series"]], lang),
}


def stats_view(
    ds: Dataset, year: int, rows_in: Sequence[StatRow], lang: str, *, all_indicators: bool = False, zone: Zone | None = None
) -> View:
    """One year's figures: of all national ETDZs, or with `zone` of that zone itself."""
    cols = _cols(
        "figure",
        "indicator",
        "name",
        "year",
        *_FIGURE_KEYS,
        "share_national",
        "share_qualifier",
        *_PUBLISHED_KEYS,
        *_PROVENANCE_KEYS,
        numeric=("year", "value", "share_national", "value_published", "zones"),
        keep=("indicator", "source"),
    )
    rows, marks, records = [], [], []
    has_alt = False
    for r in rows_in:
        for s in (r.stat, *r.alternatives):
            share = r.share if s is r.stat else None
            rows.append(
                {
                    "indicator": s.indicator,
                    "name": pick(r.indicator.name_zh, r.indicator.name_en, lang),
                    "year": s.year,
                    "share_national": share.value if share else None,
                    "share_qualifier": share.qualifier if share else None,
                    **_figure_cells(ds, s, primary=s is r.stat, lang=lang),
                }
            )
            mark = {}
            if s is not r.stat:
                mark["value"] = " (alt)"
                has_alt = True
            marks.append(mark)
            rec = stat_record(ds, s)
            rec["primary"] = s is r.stat
            rec["share_national"] = stat_record(ds, share) if share else None
            records.append(rec)
    view = View(
        cols,
        rows,
        records,
        marks=marks,
        hidden=("qualifier", "share_qualifier", "primary", *_PUBLISHED_KEYS),
        drop=("source", "series", "name"),
    )
    if zone is None:
        every = all_indicators or any(not r.indicator.headline for r in rows_in)
        view.title = text("stats.title_all" if every else "stats.title", lang, year=year)
    else:
        view.title = text("stats.zone_title", lang, zone=pick(zone.name_zh, zone.name_en, lang), year=year)
    view.human_values = {
        **_FIGURE_HUMAN,
        "share_national": lambda row, lang: _signed(row["share_national"], row["share_qualifier"]),
    }
    _zone_figure_columns(view, zone, lang)
    if has_alt:
        view.notes.append(text("stats.alt" if zone is None else "zone_figures.alt", lang))
    conv = _converted_note(ds, [s for r in rows_in for s in (r.stat, *r.alternatives)], lang)
    if conv:
        view.notes.append(conv)
    part = [s for s in ds.stats if s.year == year and s.period is not None] if zone is None else []
    if part:
        items = "; ".join(f"{s.indicator} {s.period} {_signed(s.value, s.qualifier)} {unit_label(s.unit, lang)}" for s in part)
        view.notes.append(text("stats.part_year", lang, year=year, items=items))
    view.notes.append(text("stats.signs", lang))
    if zone is not None:
        view.notes.extend(_zone_figure_notes([f for r in rows_in for f in (r.stat, *r.alternatives)], lang))
    return view


# --------------------------------------------------------------------------- policies


def measure_record(ds: Dataset, m: Measure) -> dict[str, Any]:
    rec: dict[str, Any] = record_dict(m)
    rec["verified"] = m.verified
    rec["area_name_zh"] = ds.areas[m.area].name_zh
    rec["area_name_en"] = ds.areas[m.area].name_en
    rec["document_key"] = ds.documents[m.document].key
    return rec


def policies_view(ds: Dataset, measures: Sequence[Measure], lang: str, *, points: bool = False) -> View:
    keys = ["id", "document", "area", "number", "heading", "heading_status", "position_verified"]
    if points:
        keys.append("points")
    cols = _cols("policies", *keys, "sources", numeric=("number",), keep=("id", "document", "sources"))
    rows, marks = [], []
    for m in measures:
        area = ds.areas[m.area]
        rows.append(
            {
                "id": m.id,
                "document": ds.documents[m.document].key,
                "area": pick(area.name_zh, area.name_en, lang),
                "number": m.number_zh if (lang == "zh" and m.number_zh) else m.number,  # 一、二… where published
                "heading": pick(m.heading_zh, m.heading_en, lang),
                "heading_status": m.heading_status,
                "position_verified": m.position_verified,
                "points": list(m.points_en if lang == "en" else m.points_zh) or None,
                "sources": list(m.sources),
            }
        )
        marks.append({"heading": UNVERIFIED_MARK} if m.heading_status == "inferred" else {})
    notes = []
    if any(m.heading_status == "inferred" for m in measures):
        notes.append(text("policies.inferred", lang))
    docs = sorted({m.document for m in measures}, key=list(ds.documents).index)
    title = " / ".join(document_title(ds.documents[d], lang) for d in docs)
    for d in docs:
        doc = ds.documents[d]
        if doc.measures_partial:
            listed = sum(1 for m in ds.measures.values() if m.document == d)
            notes.append(text("policies.partial", lang, listed=listed, total=doc.measure_count))
    view = View(cols, rows, [measure_record(ds, m) for m in measures], title=title or None, notes=notes, marks=marks)
    view.hidden = ("position_verified",)
    view.drop = ("document", "sources", "heading_status", "area")
    view.below = "points" if points else None
    view.human_values = {
        "heading_status": lambda row, lg: t(L.HEADING_STATUS[row["heading_status"]], lg),
        # people see the first source and how many more; TSV/CSV/JSON list them all
        "sources": lambda row, lg: row["sources"][0] + (f" (+{len(row['sources']) - 1})" if len(row["sources"]) > 1 else ""),
    }
    if any(len(m.sources) > 1 for m in measures):
        notes.append(text("policies.more_sources", lang))
    return view


def document_title(doc: Document, lang: str) -> str:
    title = pick(doc.title_zh, doc.title_en, lang)
    return text("policies.doc_title", lang, title=title, doc_no=doc.doc_no) if doc.doc_no else title


def documents_view(ds: Dataset, lang: str) -> View:
    """`edz policies --doc list`: every document, with what --doc accepts and how much is listed."""
    cols = _cols(
        "documents",
        "key",
        "id",
        "title",
        "doc_no",
        "issuer",
        "date",
        "measures",
        "listed",
        "verified",
        "source",
        "note",
        numeric=("measures", "listed", "verified"),
    )
    rows, records = [], []
    for d in ds.documents.values():
        ms = [m for m in ds.measures.values() if m.document == d.id]
        rows.append(
            {
                "key": d.key,
                "id": d.id,
                "title": pick(d.title_zh, d.title_en, lang),
                "doc_no": d.doc_no,
                "issuer": pick(d.issuer_zh, d.issuer_en, lang),
                "date": d.date,
                "measures": d.measure_count,
                "listed": len(ms),
                "verified": sum(1 for m in ms if m.heading_status == "verified"),
                "source": d.source,
                "note": local(d, "note", lang),
            }
        )
        rec = record_dict(d)
        rec["measures_listed"] = len(ms)
        rec["headings_verified"] = rows[-1]["verified"]
        records.append(rec)
    view = View(cols, rows, records, title=text("documents.title", lang), hidden=("note",))
    view.notes.append(text("documents.hint", lang))
    return view


# --------------------------------------------------------------------------- about


YEARS_WINDOW = (2000, 2024)  # the span issue 14 measures the aggregate series against


def years_covered(ds: Dataset) -> dict[str, list[int]]:
    """Headline indicator → the years with a full-year figure (any series)."""
    out: dict[str, list[int]] = {}
    for ind in ds.indicators.values():
        if ind.headline:
            out[ind.id] = sorted({s.year for s in ds.stats if s.indicator == ind.id and s.period is None and s.as_of is None})
    return out


def about_view(ds: Dataset, lang: str, version: str) -> View:
    cov = coverage(ds)
    active = ds.active_zones
    verified_headings = sum(1 for m in ds.measures.values() if m.heading_status == "verified")
    row: dict[str, Any] = {
        "edz_version": version,
        "data_version": ds.meta.data_version,
        "as_of": ds.meta.as_of,
        "data_file": ds.path,
        "licence_data": f"{DATA_LICENSE} ({DATA_LICENSE_URL})",
        "licence_code": CODE_LICENSE,
        "zones_active": len(active),
        "zones_removed": len(ds.zones) - len(active),
        "stats": len(ds.stats),
        "measures": len(ds.measures),
        "measures_heading_verified": verified_headings,
        "documents": len(ds.documents),
        "zone_facts": sum(len(z.highlights) for z in ds.zones.values()),
        "zone_figures": len(ds.zone_figures),
        "sources": len(ds.sources),
    }
    for key, c in cov.items():
        n = c["with_value"] if key == "approved_neither" else c["sourced"]  # neither: a count of gaps, not of sourced facts
        pct = 100.0 * n / c["zones"] if c["zones"] else 0.0
        row[f"coverage_{key}"] = f"{n}/{c['zones']} ({pct:.1f}%)"
    cols = _cols("about", *row)
    covered = years_covered(ds)
    head = L.COLUMNS["about"]["years_covered"]
    for ind_id, years in covered.items():
        ind = ds.indicators[ind_id]
        in_window = [y for y in years if YEARS_WINDOW[0] <= y <= YEARS_WINDOW[1]]
        key = "years_" + ind_id.replace("-", "_")
        name = pick(ind.name_zh, ind.name_en, lang)
        cols.append(Column(key, head[0].format(name=name), head[1].format(name=name)))
        row[key] = f"{len(in_window)}/{YEARS_WINDOW[1] - YEARS_WINDOW[0] + 1} ({YEARS_WINDOW[0]}-{YEARS_WINDOW[1]}): " + (
            year_ranges(years) or "-"
        )
    record = {k: v for k, v in row.items() if not k.startswith(("coverage_", "years_"))}
    record["coverage"] = cov
    record["years_covered"] = covered
    title = pick(ds.meta.title_zh, ds.meta.title_en, lang)
    return View(cols, [row], [record], title=title, vertical=True)


# --------------------------------------------------------------------------- one zone


def _src(ref: str | None) -> str:
    return f" [{ref}]" if ref else ""


def _joined(items: Sequence[str], lang: str) -> str:
    return text("list_sep", lang).join(items)


def _codes_text(z: Zone, lang: str) -> str | None:
    if not (z.province_code and z.city_code):
        return None
    return text(
        "zone.codes",
        lang,
        province=z.province_code,
        city=z.city_code,
        city2=text("zone.codes_city2", lang, code=z.city_code_2) if z.city_code_2 else "",
        zone=text("zone.codes_zone", lang, code=z.zone_code) if z.zone_code else "",
        vintage=z.code_vintage if z.code_vintage is not None else "?",
    ) + _src(z.codes_source)


def zone_detail_view(ds: Dataset, z: Zone, lang: str) -> View:
    """One zone as label: value lines; every fact is followed by its source id in brackets."""
    heads = L.COLUMNS["zone"]
    cols: list[Column] = []
    row: dict[str, Any] = {}

    def add(key: str, value: Any, head: str | None = None, **fmt: object) -> None:
        label = heads[head or key]
        cols.append(Column(key, label[0].format(**fmt), label[1].format(**fmt)))
        row[key] = value

    add("id", z.id)
    add("name_zh", z.name_zh)
    en_flag = "" if z.name_en_status == "official" else text("zone.systematic", lang)
    add("name_en", z.name_en + en_flag + _src(z.name_en_source))
    if z.aliases:
        add("aliases", _joined(z.aliases, lang))
    if z.former_names:
        flag = "" if z.former_names_verified else text("zone.unverified", lang)
        add("former_names", _joined(z.former_names, lang) + flag)
    add("province", _province_name(ds.provinces[z.province], lang))
    add("city", pick(z.city_zh, z.city_en, lang))
    add("codes", _codes_text(z, lang))
    add("region", _region_name(ds.regions[z.region], lang))
    if z.approved:
        flag = "" if z.approved_verified else text("zone.approved_unverified", lang)
        approved = f"{z.approved}{flag}{_src(z.approved_source)}"
    else:
        approved = None
    add("approved", approved)
    for side in ("after", "before"):
        bound = getattr(z, f"approved_{side}")
        if bound:
            basis = getattr(z, f"approved_{side}_basis") or "stated"
            head = f"approved_{side}"
            shown = text("zone.bound", lang, date=bound, basis=t(L.BOUND_BASIS[basis], lang))
            add(head, shown + _src(getattr(z, f"approved_{side}_source")))
            add(f"{head}_note", local(z, f"approved_{side}_note", lang))
    if z.approved_note:
        add("approved_note", local(z, "approved_note", lang))
    add("creation", t(L.CREATION[z.creation], lang))
    status = t(L.STATUS[z.status], lang)
    if z.removed and z.removed_basis == "confirmed":
        status += f" {z.removed} ({t(L.REMOVED_BASIS['confirmed'], lang)}){_src(z.removed_source)}"
    elif z.removed:  # the source is an input of our inference, not a statement of the removal
        status += f" {z.removed} " + text("zone.removed_inferred", lang, source=z.removed_source or "-")
    add("status", status)
    if z.removed_note:
        add("removed_note", local(z, "removed_note", lang))
    if z.area_km2 is not None:
        kind = L.AREA_KINDS[z.area_kind or "planned"]
        year = f", {z.area_year}" if z.area_year else ""
        add("area", f"{raw_text(z.area_km2)} km2 ({t(kind, lang)}{year}){_src(z.area_source)}")
    else:
        add("area", None)
    # the list in the language shown where it exists, else the one there is
    industries = industries_text(z, lang)
    add("industries", (industries + _src(z.industries_source)) if industries else None)
    ranks = [r for r in ds.rankings if r.zone == z.id]
    ranks.sort(key=lambda r: (r.list != "overall", -r.edition, r.list))
    if ranks:
        parts = []
        for r in ranks:
            name = t(L.RANKING_LIST_NAMES[r.list], lang) if r.list in L.RANKING_LIST_NAMES else r.list
            label = f"{r.edition}" + ("" if r.list == "overall" else f" {name}")
            parts.append(f"{label}: #{r.rank}" + ("" if r.verified else text("rank.unverified", lang)))
        add("rankings", "; ".join(parts))
    else:
        add("rankings", None)
    for i, h in enumerate(z.highlights, 1):
        year = f"{h.year}: " if h.year else ""
        add(f"highlight_{i}", year + pick(h.text_zh, h.text_en, lang) + _src(h.source), "highlight", i=i)
    for f in zone_figure_list(ds, z):
        ind = ds.indicators[f.indicator]
        key = f"figure_{f.indicator}_{f.year}" + ("" if f.primary else "_alt")
        cols.append(Column(key, f"{ind.name_zh} {f.year}", f"{ind.name_en} {f.year}"))
        row[key] = figure_text(f, lang) + _src(f.source)
    for i, n in enumerate(local(z, "notes", lang), 1):
        add(f"note_{i}", n, "note", i=i)
    add("membership_source", z.membership_source)
    rec = zone_record(ds, z)
    rec["rankings"] = [record_dict(r) for r in ranks]
    rec["figures"] = [record_dict(f) for f in zone_figure_list(ds, z)]
    title = pick(z.name_zh, z.name_en, lang)
    view = View(cols, [row], [rec], title=title, vertical=True)
    if rec["figures"]:
        view.notes.append(text("zone.figures_hint", lang, id=z.id))
    flat = zone_flat(ds, z)
    view.machine = View(_key_columns(ZONE_FLAT_KEYS), [flat], [flat], title=title, vertical=True)
    return view


def zone_figure_list(ds: Dataset, z: Zone) -> list[ZoneFigure]:
    from .query import zone_figures

    return zone_figures(ds, z.id)


def figure_text(f: ZoneFigure, lang: str) -> str:
    """3686 亿元; >30 亿美元 (alt); ~2800 个 [district: …] — for people."""
    out = f"{_signed(f.value, f.qualifier)} {unit_label(f.unit, lang)}"
    if not f.primary:
        out += " (alt)"
    if not f.zone_scope:
        out += f" [{t(L.FIGURE_SCOPES[f.scope], lang)}: {local(f, 'scope_note', lang)}]"
    return out


# --------------------------------------------------------------------------- compare


def compare_view(ds: Dataset, zones: Sequence[Zone], lang: str) -> View:
    """Zones side by side: one column per zone, one row per field. Figures are each zone's newest
    of its own scope, with their year: zones whose latest years differ are not made to look alike."""
    heads = L.COLUMNS["compare"]
    cols = [Column.of("key", heads["key"]), Column.of("field", heads["field"])] + [Column(z.id, z.id, z.id) for z in zones]
    rows: list[dict[str, Any]] = []
    latest = {z.id: latest_zone_figures(ds, z.id) for z in zones}

    def add(key: str, label: tuple[str, str], cells: dict[str, Any]) -> None:
        rows.append({"key": key, "field": t(label, lang), **cells})

    add("name", heads["name"], {z.id: pick(z.name_zh, z.name_en, lang) for z in zones})
    add("province", heads["province"], {z.id: _province_name(ds.provinces[z.province], lang) for z in zones})
    add("city", heads["city"], {z.id: pick(z.city_zh, z.city_en, lang) for z in zones})
    add("region", heads["region"], {z.id: _region_name(ds.regions[z.region], lang) for z in zones})
    add(
        "approved",
        heads["approved"],
        {z.id: (z.approved + ("" if z.approved_verified else UNVERIFIED_MARK)) if z.approved else None for z in zones},
    )
    add(
        "area",
        heads["area"],
        {
            z.id: f"{raw_text(z.area_km2)} km2 ({t(L.AREA_KINDS[z.area_kind or 'planned'], lang)})"
            if z.area_km2 is not None
            else None
            for z in zones
        },
    )
    add("industries", heads["industries"], {z.id: industries_text(z, lang) for z in zones})
    add("rank", heads["rank"], {z.id: _latest_rank(ds, z, lang) for z in zones})
    for ind_id in COMPARE_INDICATORS:
        ind = ds.indicators.get(ind_id)
        if ind is None:  # a data file without this indicator has no such figures: no row, not a crash
            continue
        cells = {}
        for z in zones:
            f = latest[z.id].get(ind_id)
            cells[z.id] = f"{figure_text(f, lang)} ({f.year})" if f else None
        add(f"figure:{ind_id}", (ind.name_zh, ind.name_en), cells)
    add("facts", heads["facts"], {z.id: len(z.highlights) for z in zones})
    records = []
    for z in zones:
        rec = zone_record(ds, z)
        rec["latest_rank"] = _latest_rank_record(ds, z)
        rec["latest_figures"] = {k: record_dict(f) for k, f in latest[z.id].items()}
        records.append(rec)
    view = View(cols, rows, records, title=text("compare.title", lang, n=len(zones)), hidden=("key",))
    view.notes.append(text("compare.years", lang))
    if any(z.approved and not z.approved_verified for z in zones):
        view.notes.append(text("zones.unverified", lang))
    for z in zones:  # whose figures they are, where the zone's own site reports for a wider administration
        for note in dict.fromkeys(local(f, "scope_note", lang) for f in latest[z.id].values() if f.scope_note):
            view.notes.append(f"{z.id}: {note}")
    missing = [z.id for z in zones if not latest[z.id]]
    if missing:
        view.notes.append(text("compare.no_figures", lang, ids=", ".join(missing)))
    return view


def _industries(z: Zone, lang: str) -> tuple[str, ...]:
    return z.industries_en if (lang == "en" or not z.industries_zh) and z.industries_en else z.industries_zh


def industries_text(z: Zone, lang: str) -> str | None:
    """The leading industries for people, in the language shown; a list that is edz's translation of
    the published one says so, so it is not mistaken for the zone's own wording."""
    items = _industries(z, lang)
    if not items:
        return None
    shown = "en" if items is z.industries_en else "zh"
    return _joined(items, lang) + (text("zone.industries_translated", lang) if z.industries_translated == shown else "")


def _overall_ranks(ds: Dataset, z: Zone) -> list[Ranking]:
    return sorted((r for r in ds.rankings if r.zone == z.id and r.list == "overall"), key=lambda r: -r.edition)


def _latest_rank(ds: Dataset, z: Zone, lang: str) -> str | None:
    ranks = _overall_ranks(ds, z)
    if not ranks:
        return None
    r = ranks[0]
    return f"#{r.rank} ({r.edition})" + ("" if r.verified else text("rank.unverified", lang))


def _latest_rank_record(ds: Dataset, z: Zone) -> dict[str, Any] | None:
    ranks = _overall_ranks(ds, z)
    return record_dict(ranks[0]) if ranks else None


# --------------------------------------------------------------------------- search, sources, indicators


def search_view(ds: Dataset, hits: Sequence[Hit], lang: str) -> View:
    cols = _cols("search", "kind", "id", "name", "score", "field", "matched", numeric=("score",), keep=("id",))
    rows = [
        {
            "kind": h.kind,
            "id": h.id,
            "name": pick(h.label_zh, h.label_en, lang),
            "score": h.score,
            "field": h.field,
            "matched": (pick(h.matched_zh, h.matched_en, lang) or h.matched) if h.field != "name" else None,
        }
        for h in hits
    ]
    records = [
        {
            "kind": h.kind,
            "id": h.id,
            "name_zh": h.label_zh,
            "name_en": h.label_en,
            "score": h.score,
            "field": h.field,
            "matched": h.matched,
        }
        for h in hits
    ]
    view = View(cols, rows, records, drop=("matched", "score", "field", "kind"))
    view.human_values = {
        "kind": lambda row, lg: t(L.SEARCH_KINDS[row["kind"]], lg),
        "field": lambda row, lg: t(L.SEARCH_FIELDS[row["field"]], lg),
        "matched": lambda row, lg: _clip(row["matched"] or "", 40),
    }
    return view


def _clip(text_: str, n: int) -> str:
    return text_ if len(text_) <= n else text_[: n - 1] + "…"


def sources_view(ds: Dataset, sources: Sequence[Source], lang: str) -> View:
    cols = _cols(
        "sources", "id", "outlet", "title", "date", "kind", "url", "cited_by", numeric=("cited_by",), keep=("id", "date")
    )
    uses = citations(ds)
    rows = [
        {
            "id": s.id,
            "outlet": pick(s.outlet, s.outlet_en or s.outlet, lang),
            "title": local(s, "title", lang),
            "date": s.date,
            "kind": s.kind,
            "url": s.url,
            "cited_by": len(uses.get(s.id, ())),
        }
        for s in sources
    ]
    records = []
    for s in sources:
        rec = record_dict(s)
        rec["cited_by"] = sorted(uses.get(s.id, ()))
        records.append(rec)
    view = View(cols, rows, records, drop=("url", "outlet", "kind", "cited_by"))
    view.human_values = {"kind": lambda row, lg: t(L.SOURCE_KINDS[row["kind"]], lg)}
    return view


def source_detail_view(ds: Dataset, s: Source, lang: str) -> View:
    uses = sorted(citations(ds).get(s.id, ()))
    heads = L.COLUMNS["sources"]
    fields: list[tuple[str, str, Any]] = [
        ("id", "id", s.id),
        ("outlet", "outlet", pick(s.outlet, s.outlet_en or s.outlet, lang)),
        ("title", "title", local(s, "title", lang)),
        ("date", "date", s.date),
        ("kind", "kind", t(L.SOURCE_KINDS[s.kind], lang)),
        ("url", "url", s.url),
        ("note", "note", local(s, "note", lang)),
        (
            "cited_by",
            "cited_by_detail",
            ", ".join(uses[:50]) + (f" … (+{len(uses) - 50})" if len(uses) > 50 else "") if uses else None,
        ),
    ]
    cols = [Column.of(k, heads[h]) for k, h, _ in fields]
    rec: dict[str, Any] = record_dict(s)
    rec["cited_by"] = uses
    return View(cols, [{k: v for k, _, v in fields}], [rec], title=s.id, vertical=True)


def indicators_view(ds: Dataset, lang: str) -> View:
    cols = _cols("indicators", "id", "name", "unit", "headline", "years", "figures", numeric=("figures",), keep=("id", "years"))
    rows, records = [], []
    for i in ds.indicators.values():
        years = sorted({s.year for s in ds.stats if s.indicator == i.id})
        n = sum(1 for s in ds.stats if s.indicator == i.id)
        rows.append(
            {
                "id": i.id,
                "name": pick(i.name_zh, i.name_en, lang),
                "unit": i.unit,
                "headline": i.headline,
                "years": year_ranges(years),
                "figures": n,
            }
        )
        rec = record_dict(i)
        rec["years"] = years
        records.append(rec)
    view = View(cols, rows, records, drop=("headline", "figures", "unit"))
    view.human_values = {"unit": lambda row, lg: unit_label(row["unit"], lg)}
    return view


# --------------------------------------------------------------------------- trend


def range_record(r: RangeChange) -> dict[str, Any]:
    return {
        "series": r.series,
        "first_year": r.first.stat.year,
        "last_year": r.last.stat.year,
        "years_spanned": r.last.stat.year - r.first.stat.year,
        "first_value": r.first.value,
        "last_value": r.last.value,
        "change": r.change,
        "change_pct": r.change_pct,
        "cagr_pct": r.cagr_pct,
        "missing_years": list(r.missing),
        "zones_differ": r.zones_differ,
    }


def _series_name(code: str | None, lang: str) -> str:
    return t(L.SERIES[code], lang) if code else text("series.unnamed", lang)


def _range_line(r: RangeChange, unit: str, lang: str, own: bool = False) -> str:
    line = text(
        "trend.range",
        lang,
        series=text("series.zone_own", lang) if own else _series_name(r.series, lang),
        first_year=r.first.stat.year,
        last_year=r.last.stat.year,
        first=raw_text(r.first.value),
        last=raw_text(r.last.value),
        unit=unit_label(unit, lang),
        change=("+" if r.change >= 0 else "") + raw_text(r.change),
        change_pct=f"{r.change_pct:+.1f}",
        cagr=f"{r.cagr_pct:+.1f}",
        span=text(
            "years_one" if r.last.stat.year - r.first.stat.year == 1 else "years_many",
            lang,
            n=r.last.stat.year - r.first.stat.year,
        ),
    )
    if r.missing:
        line += text("trend.range_missing", lang, years=year_ranges(r.missing))
    if r.zones_differ:
        line += text("trend.range_zones", lang, a=getattr(r.first.stat, "zones", None), b=getattr(r.last.stat, "zones", None))
    return line


def trend_view(
    ds: Dataset,
    indicator: str,
    figures: Sequence[TrendRow],
    ranges: Sequence[RangeChange],
    lang: str,
    bar_char: str = "█",
    series_choice: str = "all",
    zone: Zone | None = None,
) -> View:
    """Year by year, every figure of the chosen series (all zones, or `zone`'s own) in one display
    unit; y/y as published where the source gives it, else computed within one series
    (`query.figure`); under the table the change and CAGR over the range, one line per series."""
    ind = ds.indicators[indicator]
    cols = _cols(
        "figure",
        "year",
        *_FIGURE_KEYS,
        "yoy_pct",
        "yoy_basis",
        *_PUBLISHED_KEYS,
        *_PROVENANCE_KEYS,
        "bar",
        numeric=("year", "value", "yoy_pct", "value_published", "zones"),
        keep=("source",),
    )
    unit = figures[0].unit if figures and len({f.unit for f in figures}) == 1 else ind.unit
    # bars only when every value shown is in one unit after exact conversion; else a note says why not
    bars = all(f.unit == unit for f in figures)
    top = max((f.value for f in figures), default=0.0)
    rows, marks, records = [], [], []
    for f in figures:
        s = f.stat
        # a positive value always gets at least one block: an empty bar would read as "no figure"
        width = max(1, round(20 * f.value / top)) if bars and top > 0 and f.value > 0 else 0
        cells = _figure_cells(ds, s, primary=s.primary, lang=lang)
        cells["value"], cells["unit"] = f.value, f.unit
        bar = bar_char * width if width else ""
        rows.append({"year": s.year, "yoy_pct": f.yoy_pct, "yoy_basis": f.yoy_basis, "bar": bar, **cells})
        mark = {} if s.primary else {"value": " (alt)"}
        if f.yoy_basis == "computed":
            mark["yoy_pct"] = " c!" if f.zones_differ else " c"
        marks.append(mark)
        rec = stat_record(ds, s)
        rec["value"], rec["unit"] = f.value, f.unit
        rec["yoy_pct"] = f.yoy_pct
        rec["yoy_basis"] = f.yoy_basis
        rec["yoy_from_year"] = f.yoy_from.year if f.yoy_from else None
        rec["yoy_zones_differ"] = f.zones_differ
        records.append(rec)
    hidden = ("qualifier", "primary", "yoy_basis", *_PUBLISHED_KEYS)
    view = View(cols, rows, records, marks=marks, hidden=hidden, human_only=("bar",), drop=("bar", "source", "series"))
    view.title = text("trend.title", lang, name=pick(ind.name_zh, ind.name_en, lang), unit=unit_label(unit, lang))
    if zone is not None:
        view.title = text("trend.zone_title", lang, zone=pick(zone.name_zh, zone.name_en, lang), title=view.title)
    if series_choice != "all":
        view.title += text("trend.series_title", lang, series=series_choice)
    view.human_values = {**_FIGURE_HUMAN, "bar": lambda row, lg: row["bar"]}
    _zone_figure_columns(view, zone, lang)
    view.envelope = {
        "indicator": indicator,
        "zone": zone.id if zone is not None else None,
        "unit": unit,
        "series": series_choice,
        "ranges": [range_record(r) for r in ranges],
    }
    for r in ranges:
        view.notes.append(_range_line(r, unit, lang, own=zone is not None))
    years = sorted({f.stat.year for f in figures})
    gaps = [f"{a + 1}" if b == a + 2 else f"{a + 1}-{b - 1}" for a, b in pairwise(years) if b != a + 1]
    if any(not f.stat.primary for f in figures):
        view.notes.append(text("trend.alt" if zone is None else "zone_figures.alt", lang))
    conv = _converted_note(ds, [f.stat for f in figures], lang, unit)
    if conv:
        view.notes.append(conv)
    if gaps:
        view.notes.append(text("trend.gaps", lang, years=", ".join(gaps)))
    view.notes.append(text("trend.yoy", lang))
    if any(f.zones_differ for f in figures):
        view.notes.append(text("trend.zones_differ", lang))
    if not bars:
        view.notes.append(text("trend.no_bars", lang))
    if zone is None:
        view.notes.append(text("series.policy", lang))
    else:
        view.notes.extend(_zone_figure_notes([f.stat for f in figures], lang))
    return view


# --------------------------------------------------------------------------- counts over time


def beyond_note(ds: Dataset, lang: str) -> str:
    """A point-in-time view asked about a day after the data's as-of date."""
    return text("beyond_data", lang, as_of=ds.meta.as_of)


def undated_note(undated: Sequence[Zone], lang: str) -> str | None:
    if not undated:
        return None
    return text("undated", lang, n=len(undated), ids=", ".join(z.id for z in undated))


def regions_view(
    ds: Dataset,
    day: _dt.date,
    present: Sequence[Zone],
    undated: Sequence[Zone],
    official_day: _dt.date | None,
    official: dict[str, Stat],
    lang: str,
    beyond_data: bool = False,
) -> View:
    cols = _cols(
        "regions",
        "region",
        "name",
        "zones",
        "official",
        "difference",
        "official_source",
        numeric=("zones", "official", "difference"),
        keep=("region", "official_source"),
    )
    counts = {r: 0 for r in ds.regions}
    for z in present:
        counts[z.region] += 1

    def count_row(rid: str, name: str, n: int) -> dict[str, Any]:
        off = official.get(rid)
        return {
            "region": rid,
            "name": name,
            "zones": n,
            "official": off.value if off else None,
            "difference": n - off.value if off else None,
            "official_source": off.source if off else None,
        }

    rows = [count_row(rid, _region_name(r, lang), counts[rid]) for rid, r in ds.regions.items()]
    rows.append(count_row("total", text("regions.total", lang), len(present)))
    records = []
    for row in rows:
        rec = dict(row)
        rec["as_of"] = day.isoformat()
        rec["official_as_of"] = official_day.isoformat() if official_day and row["official"] is not None else None
        records.append(rec)
    view = View(cols, rows, records, drop=("official_source", "name"))
    view.title = text("regions.title", lang, day=day.isoformat())
    if official_day is not None:
        view.notes.append(text("regions.official_day", lang, day=official_day.isoformat()))
    note = undated_note(undated, lang)
    if note:
        view.notes.append(note)
    if beyond_data:
        view.notes.append(beyond_note(ds, lang))
    view.notes.append(text("regions.scheme", lang))
    return view


def provinces_view(ds: Dataset, found: ProvinceCounts, lang: str) -> View:
    cols = _cols("provinces", "province", "name", "region", "zones", numeric=("zones",), keep=("province",))
    rows = []
    for pid, p in ds.provinces.items():
        rows.append(
            {
                "province": pid,
                "name": _province_name(p, lang),
                "region": _region_name(ds.regions[p.region], lang),
                "zones": found.counts[pid],
            }
        )
    day = found.day.isoformat() if found.day else ""
    records = [{**row, "region": ds.provinces[str(row["province"])].region, "as_of": day} for row in rows]
    view = View(cols, rows, records, drop=("region",))
    view.title = text("provinces.title", lang, day=day, n=found.total)
    note = undated_note(found.undated, lang)
    if note:
        view.notes.append(note)
    if found.beyond_data:
        view.notes.append(beyond_note(ds, lang))
    return view


def _levels(counts: Sequence[int]) -> tuple[int, list[tuple[int, int, int]]]:
    """The legend's classes for counts: (step, [(level, low, high)]), equal steps of
    ceil(max / 4) from 1; level 0 is zero."""
    top = max(counts, default=0)
    step = max(1, -(-top // (LEVELS - 1)))
    classes = [(0, 0, 0)]
    for k in range(1, LEVELS):
        lo, hi = (k - 1) * step + 1, min(k * step, top)
        if lo <= hi:
            classes.append((k, lo, hi))
    return step, classes


def _share(n: int, total: int) -> float | None:
    return round(100.0 * n / total, 1) if total else None


def map_view(ds: Dataset, found: ProvinceCounts, value: str, lang: str, *, regions: bool = False) -> View:
    """`edz map`: one row a province (the same counts as `edz provinces`), and the tile-grid
    picture people see. `value` is one of `query.MAP_VALUES`."""
    from .tilegrid import GRID

    cols = _cols(
        "map", "province", "name", "short", "region", "zones", "share_pct", "row", "col",
        numeric=("zones", "share_pct", "row", "col"),
    )  # fmt: skip
    step, classes = _levels(list(found.counts.values()))
    rows, records, tiles = [], [], []
    off_grid: list[str] = []
    for pid, p in ds.provinces.items():
        n = found.counts[pid]
        share = _share(n, found.total)
        r, c = GRID.get(pid, (None, None))  # a province another data file adds has no tile
        rows.append(
            {
                "province": pid,
                "name": _province_name(p, lang),
                "short": pick(p.short_zh, p.name_en, lang),
                "region": _region_name(ds.regions[p.region], lang),
                "zones": n,
                "share_pct": share,
                "row": r,
                "col": c,
            }
        )
        records.append(
            {
                "province": pid,
                "name_zh": p.name_zh,
                "name_en": p.name_en,
                "short_zh": p.short_zh,
                "region": p.region,
                "zones": n,
                "share_pct": share,
                "row": r,
                "col": c,
                "as_of": found.day.isoformat() if found.day else None,
                "since": found.since,
                "until": found.until,
            }
        )
        shown = raw_text(n) if value == "zones" else (f"{share:.1f}%" if share is not None else "n/a")
        level = 0 if n == 0 else min(LEVELS - 1, 1 + (n - 1) // step)
        if r is not None and c is not None:
            tiles.append(Tile(r, c, pick(p.short_zh, p.name_en, lang), shown, level, p.region))
        else:
            off_grid.append(pid)
    if value == "zones":
        legend = [(k, str(lo) if lo == hi else f"{lo}-{hi}") for k, lo, hi in classes]
        legend_title = text("map.legend_zones", lang)
    else:
        total = found.total

        def pct(x: int) -> str:
            return f"{100.0 * x / total:.1f}" if total else "n/a"

        legend = [(k, f"{pct(lo)}%" if lo == hi else f"{pct(lo)}-{pct(hi)}%") for k, lo, hi in classes]
        legend_title = text("map.legend_share", lang)
    region_names = {rid: _region_name(rg, lang) for rid, rg in ds.regions.items()} if regions else None
    view = View(cols, rows, records, picture=TileMap(tiles, legend, legend_title, region_names))
    if found.day is not None:
        title = text("map.title_day", lang, day=found.day.isoformat(), n=found.total)
    else:
        since = str(found.since) if found.since is not None else "…"
        until = str(found.until) if found.until is not None else "…"
        title = text("map.title_range", lang, since=since, until=until, n=found.total)
        view.notes.append(text("map.range_scope", lang))
    view.title = text("map.title_share", lang, title=title) if value == "share" else title
    if value == "share" and not found.total:
        view.notes.append(text("map.no_total", lang))
    note = undated_note(found.undated, lang)
    if note:
        view.notes.append(note)
    if found.beyond_data:
        view.notes.append(beyond_note(ds, lang))
    if off_grid:
        view.notes.append(text("map.off_grid", lang, ids=", ".join(off_grid)))
    view.notes.append(text("map.layout", lang))
    if region_names:
        view.notes.append(text("map.regions_key", lang, names=_joined(list(region_names.values()), lang)))
    return view


def history_view(ds: Dataset, years: Sequence[YearCount], lang: str) -> View:
    cols = _cols(
        "history",
        "year",
        "zones",
        "approved",
        "removed",
        "official",
        "official_qualifier",
        "difference",
        "official_scope",
        "official_source",
        numeric=("year", "zones", "approved", "removed", "official", "difference"),
        keep=("official_source",),
    )
    rows = []
    for y in years:
        off = y.official
        rows.append(
            {
                "year": y.year,
                "zones": y.roster,
                "approved": y.approved,
                "removed": y.removed,
                "official": off.value if off else None,
                "official_qualifier": off.qualifier if off else None,
                # no difference against "more than 200": it would be a number nobody published
                "difference": (y.roster - off.value) if off and not off.qualifier else None,
                "official_scope": local(off, "scope", lang) if off else None,
                "official_source": off.source if off else None,
            }
        )
    view = View(cols, rows, [dict(r) for r in rows], hidden=("official_qualifier",), drop=("official_source", "official_scope"))
    view.human_values = {"official": lambda row, lg: _signed(row["official"], row["official_qualifier"])}
    first, last = (years[0].year, years[-1].year) if years else (None, None)
    view.title = text("history.title", lang, first=first, last=last, as_of=ds.meta.as_of)
    if years and ds.meta.as_of < f"{last}-12-31":
        view.notes.append(text("history.last_row", lang, year=last, as_of=ds.meta.as_of))
    for y in years:
        if y.removed_unplaced:
            view.notes.append(text("history.removed_unplaced", lang, year=y.year, ids=", ".join(y.removed_unplaced)))
    undated = sum(1 for z in ds.zones.values() if z.approved is None)
    year_only = sum(1 for z in ds.zones.values() if z.approved and len(z.approved) == 4)
    unsourced = sum(1 for z in ds.zones.values() if z.approved and not z.approved_verified)
    inferred = sorted(z.id for z in ds.zones.values() if z.removed and z.removed_basis == "inferred")
    view.notes.append(
        text(
            "history.why",
            lang,
            year_only=year_only,
            unsourced=unsourced,
            undated=undated,
            inferred=len(inferred),
            inferred_ids=", ".join(inferred) or "-",
        )
    )
    return view


def rankings_view(ds: Dataset, edition: int, list_id: str, rows_in: Sequence[Ranking], lang: str) -> View:
    cols = _cols("rankings", "rank", "zone", "name", "province", "verified", "source", numeric=("rank",), keep=("zone", "source"))
    rows, marks = [], []
    for r in rows_in:
        z = ds.zones[r.zone]
        rows.append(
            {
                "rank": r.rank,
                "zone": r.zone,
                "name": pick(z.name_zh, z.name_en, lang),
                "province": _province_name(ds.provinces[z.province], lang),
                "verified": r.verified,
                "source": r.source,
            }
        )
        marks.append({} if r.verified else {"name": UNVERIFIED_MARK})
    records = [
        {
            **record_dict(r),
            "name_zh": ds.zones[r.zone].name_zh,
            "name_en": ds.zones[r.zone].name_en,
            "province": ds.zones[r.zone].province,
        }
        for r in rows_in
    ]
    data_year = rows_in[0].data_year if rows_in else edition - 1
    view = View(cols, rows, records, marks=marks, drop=("source", "province", "verified"))
    suffix = "" if list_id == "overall" else f" [{list_id}]"
    view.title = text("rankings.title", lang, edition=edition, data_year=data_year, suffix=suffix)
    ranks = sorted({r.rank for r in rows_in})
    if ranks:
        contiguous = ranks == list(range(1, len(ranks) + 1))
        shown = f"1-{ranks[-1]}" if contiguous else ", ".join(map(str, ranks))
        # every published edition ranks all zones; the data holds only the ranks shown
        view.notes.append(text("rankings.partial", lang, shown=shown))
    if any(not r.verified for r in rows_in):
        view.notes.append(text("rankings.unverified", lang))
    return view


# --------------------------------------------------------------------------- --fields help


def fields_view(view: View, lang: str) -> View:
    """The fields a listing offers (`--fields help`, `edz fields COMMAND`): name, shown by default,
    and a one-line description (labels.FIELD_HELP, else the column's heading)."""
    cols = _cols("fields", "field", "default", "description")
    shown = {c.key for c in view.machine_columns()} if not view.selected else set()
    rows = []
    for c in view.columns:
        desc = L.FIELD_HELP.get(c.key)
        heading = c.label(lang)
        rows.append(
            {
                "field": c.key,
                "default": c.key in shown,
                "description": t(desc, lang) if desc else heading,
            }
        )
    return View(cols, rows, [dict(r) for r in rows], title=text("fields.title", lang))


# --------------------------------------------------------------------------- edz cite


def citation(ds: Dataset, version: str, fmt: str, lang: str) -> str:
    """How to cite edz and the data version in use: plain text or BibTeX."""
    from . import AUTHORS

    m = ds.meta
    year = m.data_version[:4]
    title = f"edz: {m.title_en}"
    if fmt == "bibtex":
        key = "edz_" + m.data_version.replace(".", "_")
        fields = [
            ("author", f"{{{AUTHORS}}}"),
            ("title", f"{{edz}}: {m.title_en} ({m.title_zh})"),
            ("year", year),
            ("version", f"software {version}, data {m.data_version}"),
            ("note", f"Data as of {m.as_of}; data licence {DATA_LICENSE.replace('-', ' ')}, code licence {CODE_LICENSE}"),
        ]
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
        return f"@misc{{{key},\n{body}\n}}\n"
    licence = f"Data licence {DATA_LICENSE.replace('-', ' ')} ({DATA_LICENSE_URL}); code licence {CODE_LICENSE}."
    line = f"{AUTHORS} ({year}). {title} ({m.title_zh}). Software version {version}; "
    line += f"data version {m.data_version}, as of {m.as_of}. " + licence
    return line + "\n\n" + text("cite.figures", lang) + "\n"
