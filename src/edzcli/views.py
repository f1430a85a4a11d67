"""Turn query results into `View`s: columns with Chinese and English labels, raw rows for
machines, marks and notes for people, full records for JSON. Pure functions, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from .model import Dataset, Measure, Stat, Zone, precision_of, record_dict
from .output import Column, View
from .query import StatRow

UNITS = {
    "trillion-cny": ("万亿元", "trillion CNY"),
    "100m-cny": ("亿元", "100m CNY"),
    "100m-usd": ("亿美元", "100m USD"),
    "billion-usd": ("十亿美元", "billion USD"),
    "percent": ("%", "%"),
    "count": ("个", "count"),
    "km2": ("平方公里", "km2"),
}
QUALIFIER_SIGN = {"over": ">", "about": "~", "under": "<"}
HEADING_STATUS = {
    "verified": ("已核实", "verified"),
    "summary": ("官方摘要措辞", "official summary wording"),
    "inferred": ("推断（非官方标题）", "inferred, not the official heading"),
}
SERIES = {"main-indicators": ("主要指标", "main indicators"), "evaluation": ("考核评价", "evaluation")}
STATUS = {"active": ("在册", "active"), "removed": ("已退出", "removed")}

UNVERIFIED_MARK = "*"
SYSTEMATIC_MARK = "~"


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def unit_label(unit: str, lang: str) -> str:
    return _t(UNITS.get(unit, (unit, unit)), lang)


# --------------------------------------------------------------------------- zones


def zone_record(ds: Dataset, z: Zone) -> dict[str, Any]:
    """A zone as JSON: every stored field, plus the derived flags scripts need."""
    rec: dict[str, Any] = record_dict(z)
    rec["approved_verified"] = z.approved_verified
    rec["approved_precision"] = precision_of(z.approved) if z.approved else None
    rec["province_name_zh"] = ds.provinces[z.province].name_zh
    rec["province_name_en"] = ds.provinces[z.province].name_en
    return rec


def zones_view(ds: Dataset, zones: Sequence[Zone], lang: str, *, show_status: bool = False) -> View:
    cols = [
        Column("id", "ID", "id"),
        Column("name", "名称", "name"),
        Column("province", "省份", "province"),
        Column("city", "城市", "city"),
        Column("region", "地区", "region"),
        Column("approved", "批准时间", "approved"),
        Column("approved_verified", "批准时间有来源", "approved sourced"),
    ]
    if show_status:
        cols += [Column("status", "状态", "status"), Column("removed", "退出时间", "removed")]
    rows, marks = [], []
    any_unverified = any_systematic = False
    for z in zones:
        prov = ds.provinces[z.province]
        region = ds.regions[z.region]
        row = {
            "id": z.id,
            "name": z.name_zh if lang == "zh" else z.name_en,
            "province": prov.name_zh if lang == "zh" else prov.name_en,
            "city": z.city_zh if lang == "zh" else z.city_en,
            "region": region.name_zh if lang == "zh" else region.name_en,
            "approved": z.approved,
            "approved_verified": z.approved_verified,
            "status": z.status,
            "removed": z.removed,
        }
        mark: dict[str, str] = {}
        if z.approved and not z.approved_verified:
            mark["approved"] = UNVERIFIED_MARK
            any_unverified = True
        if lang == "en" and z.name_en_status == "systematic":
            mark["name"] = SYSTEMATIC_MARK
            any_systematic = True
        rows.append(row)
        marks.append(mark)
    notes = []
    if any_unverified:
        notes.append(
            "* 未核实：该批准时间尚无可引用的来源"
            if lang == "zh"
            else "* unverified: no citable source for this approval date yet"
        )
    if any_systematic:
        notes.append("~ systematic English name (no official English name found)")
    n = len(rows)
    title = f"国家级经济技术开发区（{n} 个）" if lang == "zh" else f"National ETDZs ({n})"
    view = View(cols, rows, lambda: [zone_record(ds, z) for z in zones], title=title, notes=notes, marks=marks)
    view.hidden = ("approved_verified", "removed")
    view.human_values = {
        "status": lambda row, lg: _t(STATUS[row["status"]], lg) + (f" {row['removed']}" if row["removed"] else "")
    }
    return view


# --------------------------------------------------------------------------- stats


def stat_record(ds: Dataset, s: Stat) -> dict[str, Any]:
    rec: dict[str, Any] = record_dict(s)
    ind = ds.indicators[s.indicator]
    rec["name_zh"] = ind.name_zh
    rec["name_en"] = ind.name_en
    return rec


# one published figure as `stats` and `trend` show it: its value, then where it comes from
_FIGURE_COLUMNS = (
    Column("value", "数值", "value", numeric=True),
    Column("qualifier", "限定", "qualifier"),
    Column("unit", "单位", "unit"),
)
_PROVENANCE_COLUMNS = (
    Column("series", "口径", "series"),
    Column("primary", "默认值", "primary"),
    Column("source", "来源", "source"),
)


def _figure_cells(s: Stat, primary: bool) -> dict[str, Any]:
    """The cells of _FIGURE_COLUMNS and _PROVENANCE_COLUMNS for one figure."""
    return {
        "value": s.value,
        "qualifier": s.qualifier,
        "unit": s.unit,
        "series": s.series,
        "primary": primary,
        "source": s.source,
    }


def _human_value(row: dict[str, Any], lang: str) -> str:
    from .output import raw_text

    sign = QUALIFIER_SIGN.get(row.get("qualifier") or "", "")
    return sign + raw_text(row["value"])


_FIGURE_HUMAN: dict[str, Callable[[dict[str, Any], str], str]] = {
    "value": _human_value,
    "unit": lambda row, lang: unit_label(row["unit"], lang),
    "series": lambda row, lang: _t(SERIES[row["series"]], lang),
}


def stats_view(ds: Dataset, year: int, rows_in: Sequence[StatRow], lang: str) -> View:
    cols = [
        Column("indicator", "指标ID", "indicator"),
        Column("name", "指标", "indicator name"),
        Column("year", "年份", "year", numeric=True),
        *_FIGURE_COLUMNS,
        Column("share_national", "占全国比重(%)", "share of national total (%)", numeric=True),
        Column("share_qualifier", "比重限定", "share qualifier"),
        *_PROVENANCE_COLUMNS,
    ]
    rows, marks, records = [], [], []
    has_alt = False
    for r in rows_in:
        for s in (r.stat, *r.alternatives):
            share = r.share if s is r.stat else None
            rows.append(
                {
                    "indicator": s.indicator,
                    "name": r.indicator.name_zh if lang == "zh" else r.indicator.name_en,
                    "year": s.year,
                    "share_national": share.value if share else None,
                    "share_qualifier": share.qualifier if share else None,
                    **_figure_cells(s, primary=s is r.stat),
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
    view = View(cols, rows, records, marks=marks, hidden=("qualifier", "share_qualifier", "primary"))
    view.title = f"国家级经开区主要指标 {year} 年" if lang == "zh" else f"National ETDZs: headline indicators, {year}"
    view.human_values = {
        **_FIGURE_HUMAN,
        "share_national": lambda row, lang: (
            QUALIFIER_SIGN.get(row["share_qualifier"] or "", "") + _fmt_num(row["share_national"])
        ),
    }
    if has_alt:
        view.notes.append(
            "(alt) 另一公布值（商务部另一口径或相互矛盾的报道）；每项第一行为 edz 默认采用的数值，"
            "取舍理由见 --format json 的 note"
            if lang == "zh"
            else "(alt) another published value (MOFCOM's other series, or a conflicting report); the first row of each "
            "indicator is edz's default, and --format json gives the note saying why"
        )
    view.notes.append("> 超过  ~ 约" if lang == "zh" else "> more than, ~ about (as published)")
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
    cols = [
        Column("id", "ID", "id"),
        Column("document", "文件", "document"),
        Column("area", "部分", "area"),
        Column("number", "序号", "no.", numeric=True),
        Column("heading", "标题", "heading"),
        Column("heading_status", "标题核实", "heading status"),
        Column("position_verified", "位置已核实", "position verified"),
    ]
    if points:
        cols.append(Column("points", "要点", "key points"))
    cols.append(Column("sources", "来源", "sources"))
    rows, marks = [], []
    for m in measures:
        area = ds.areas[m.area]
        rows.append(
            {
                "id": m.id,
                "document": ds.documents[m.document].key,
                "area": area.name_zh if lang == "zh" else area.name_en,
                "number": m.number_zh if (lang == "zh" and m.number_zh) else m.number,
                "heading": m.heading_zh if lang == "zh" else m.heading_en,
                "heading_status": m.heading_status,
                "position_verified": m.position_verified,
                "points": list(m.points_zh if lang == "zh" else m.points_en) or None,
                "sources": list(m.sources),
            }
        )
        marks.append({"heading": UNVERIFIED_MARK} if m.heading_status == "inferred" else {})
    notes = []
    if any(m.heading_status == "inferred" for m in measures):
        notes.append(
            "* 推断标题：官方原文标题尚未核实，此为 edz 根据已证实要点所拟的描述性标题"
            if lang == "zh"
            else "* inferred: the official heading is not verified yet; this is edz's descriptive title from attested points"
        )
    docs = sorted({m.document for m in measures}, key=list(ds.documents).index)
    title = " / ".join(
        f"{ds.documents[d].title_zh}（{ds.documents[d].doc_no}）"
        if lang == "zh"
        else f"{ds.documents[d].title_en} ({ds.documents[d].doc_no})"
        for d in docs
    )
    view = View(cols, rows, [measure_record(ds, m) for m in measures], title=title or None, notes=notes, marks=marks)
    view.hidden = ("position_verified",)
    view.human_values = {
        "heading_status": lambda row, lg: _t(HEADING_STATUS[row["heading_status"]], lg),
        # people see the first source and how many more; TSV/CSV/JSON list them all
        "sources": lambda row, lg: row["sources"][0] + (f" (+{len(row['sources']) - 1})" if len(row["sources"]) > 1 else ""),
    }
    if any(len(m.sources) > 1 for m in measures):
        notes.append(
            "(+N) 另有 N 个来源：edz policies --format json 或 tsv 列出全部"
            if lang == "zh"
            else "(+N) N more sources: edz policies --format json or tsv lists them all"
        )
    return view


# --------------------------------------------------------------------------- about


def coverage(ds: Dataset) -> dict[str, dict[str, int]]:
    """How many active zones have each fact, and how many of those carry a source."""
    active = ds.active_zones
    n = len(active)

    def cnt(pred: Any) -> int:
        return sum(1 for z in active if pred(z))

    return {
        "membership": {"zones": n, "with_value": n, "sourced": cnt(lambda z: bool(z.membership_source))},
        "approved": {
            "zones": n,
            "with_value": cnt(lambda z: z.approved is not None),
            "sourced": cnt(lambda z: z.approved_verified),
        },
        "name_en_official": {"zones": n, "with_value": n, "sourced": cnt(lambda z: z.name_en_status == "official")},
        "area": {
            "zones": n,
            "with_value": cnt(lambda z: z.area_km2 is not None),
            "sourced": cnt(lambda z: z.area_source is not None),
        },
        "area_approved": {
            "zones": n,
            "with_value": cnt(lambda z: z.area_kind == "approved"),
            "sourced": cnt(lambda z: z.area_kind == "approved" and z.area_source is not None),
        },
        "industries": {
            "zones": n,
            "with_value": cnt(lambda z: bool(z.industries_zh or z.industries_en)),
            "sourced": cnt(lambda z: bool(z.industries_zh or z.industries_en) and z.industries_source is not None),
        },
    }


def about_view(ds: Dataset, lang: str, version: str) -> View:
    cov = coverage(ds)
    active = ds.active_zones
    verified_headings = sum(1 for m in ds.measures.values() if m.heading_status == "verified")
    labels = {
        "edz_version": ("edz 版本", "edz version"),
        "data_version": ("数据版本", "data version"),
        "as_of": ("数据截至", "as of"),
        "data_file": ("数据文件", "data file"),
        "zones_active": ("在册经开区", "active zones"),
        "zones_removed": ("已退出经开区", "removed zones"),
        "stats": ("统计数值", "figures"),
        "measures": ("政策措施", "measures"),
        "measures_heading_verified": ("标题已核实的措施", "measures with verified heading"),
        "sources": ("来源", "sources"),
    }
    row: dict[str, Any] = {
        "edz_version": version,
        "data_version": ds.meta.data_version,
        "as_of": ds.meta.as_of,
        "data_file": ds.path,
        "zones_active": len(active),
        "zones_removed": len(ds.zones) - len(active),
        "stats": len(ds.stats),
        "measures": len(ds.measures),
        "measures_heading_verified": verified_headings,
        "sources": len(ds.sources),
    }
    cov_labels = {
        "membership": ("名录来源", "membership sourced"),
        "approved": ("批准时间有来源", "approval date sourced"),
        "name_en_official": ("官方英文名", "official English name"),
        "area": ("面积有来源", "area sourced"),
        "area_approved": ("核准面积", "approved area"),
        "industries": ("主导产业有来源", "leading industries sourced"),
    }
    for key, c in cov.items():
        labels[f"coverage_{key}"] = cov_labels[key]
        pct = 100.0 * c["sourced"] / c["zones"] if c["zones"] else 0.0
        row[f"coverage_{key}"] = f"{c['sourced']}/{c['zones']} ({pct:.1f}%)"
    cols = [Column(k, v[0], v[1]) for k, v in labels.items()]
    record = {k: v for k, v in row.items() if not k.startswith("coverage_")}
    record["coverage"] = cov
    title = ds.meta.title_zh if lang == "zh" else ds.meta.title_en
    return View(cols, [row], [record], title=title, vertical=True)


# --------------------------------------------------------------------------- one zone


def _src(ref: str | None) -> str:
    return f" [{ref}]" if ref else ""


def zone_detail_view(ds: Dataset, z: Zone, lang: str) -> View:
    """One zone as label: value lines; every fact is followed by its source id in brackets."""
    zh = lang == "zh"
    prov = ds.provinces[z.province]
    region = ds.regions[z.region]
    fields: list[tuple[str, str, str, Any]] = []

    def add(key: str, label_zh: str, label_en: str, value: Any) -> None:
        fields.append((key, label_zh, label_en, value))

    add("id", "ID", "id", z.id)
    add("name_zh", "中文名称", "Chinese name", z.name_zh)
    en_flag = "" if z.name_en_status == "official" else (" （系统译名，非官方）" if zh else " (systematic, not official)")
    add("name_en", "英文名称", "English name", z.name_en + en_flag + _src(z.name_en_source))
    if z.aliases:
        add("aliases", "简称/别名", "short names, aliases", "、".join(z.aliases) if z.aliases else None)
    if z.former_names:
        flag = "" if z.former_names_verified else (" （未核实）" if zh else " (unverified)")
        add("former_names", "曾用名", "former names", "、".join(z.former_names) + flag)
    add("province", "省份", "province", prov.name_zh if zh else prov.name_en)
    add("city", "城市", "city", z.city_zh if zh else z.city_en)
    add("region", "地区", "region", region.name_zh if zh else region.name_en)
    if z.approved:
        flag = "" if z.approved_verified else (" （未核实：尚无可引用来源）" if zh else " (unverified: no citable source yet)")
        approved = f"{z.approved}{flag}{_src(z.approved_source)}"
    else:
        approved = None
    add("approved", "批准为国家级", "approved as national ETDZ", approved)
    if z.approved_note:
        add("approved_note", "批准时间说明", "note on the date", z.approved_note)
    creation = {
        "etdz": ("经国务院批准设立/升级为国家级经开区", "approved as a national ETDZ"),
        "equivalent-policy": (
            "享受国家级经开区政策设立，商务部按国家级经开区统计",
            "set up with national-ETDZ policies; counted as one by MOFCOM",
        ),
    }[z.creation]
    add("creation", "设立方式", "how it was created", _t(creation, lang))
    status = _t(STATUS[z.status], lang)
    if z.removed:
        basis = {"confirmed": ("已证实", "confirmed"), "inferred": ("推断", "inferred")}[z.removed_basis or "inferred"]
        status += f" {z.removed} ({_t(basis, lang)}){_src(z.removed_source)}"
    add("status", "状态", "status", status)
    if z.removed_note:
        add("removed_note", "退出说明", "removal note", z.removed_note)
    if z.area_km2 is not None:
        kind = {
            "approved": ("核准面积", "approved"),
            "planned": ("规划面积", "planned"),
            "jurisdiction": ("管辖面积", "jurisdiction"),
            "built-up": ("建成区面积", "built-up"),
            "developed": ("已开发面积", "developed"),
        }[z.area_kind or "planned"]
        year = f", {z.area_year}" if z.area_year else ""
        add("area", "面积", "area", f"{_fmt_num(z.area_km2)} km2 ({_t(kind, lang)}{year}){_src(z.area_source)}")
    else:
        add("area", "面积", "area", None)
    industries = z.industries_zh if (zh and z.industries_zh) or not z.industries_en else z.industries_en
    add(
        "industries",
        "主导产业",
        "leading industries",
        ("、".join(industries) + _src(z.industries_source)) if industries else None,
    )
    ranks = [r for r in ds.rankings if r.zone == z.id]
    ranks.sort(key=lambda r: (r.list != "overall", -r.edition, r.list))
    if ranks:
        parts = []
        for r in ranks:
            label = f"{r.edition}" + ("" if r.list == "overall" else f" {r.list}")
            parts.append(f"{label}: #{r.rank}" + ("" if r.verified else ("（未核实）" if zh else " (unverified)")))
        add("rankings", "综合考核排名（届次）", "evaluation rank (edition)", "; ".join(parts))
    else:
        add("rankings", "综合考核排名（届次）", "evaluation rank (edition)", None)
    for i, h in enumerate(z.highlights, 1):
        add(f"highlight_{i}", f"亮点 {i}", f"highlight {i}", (h.text_zh if zh else h.text_en) + _src(h.source))
    for i, n in enumerate(z.notes, 1):
        add(f"note_{i}", f"备注 {i}", f"note {i}", n)
    add("membership_source", "名录来源", "listed as national ETDZ by", z.membership_source)
    cols = [Column(k, lz, le) for k, lz, le, _ in fields]
    row = {k: v for k, _, _, v in fields}
    rec = zone_record(ds, z)
    rec["rankings"] = [record_dict(r) for r in ranks]
    title = z.name_zh if zh else z.name_en
    return View(cols, [row], [rec], title=title, vertical=True)


def _fmt_num(v: float) -> str:
    from .output import raw_text

    return raw_text(v)


# --------------------------------------------------------------------------- search, sources, indicators


def search_view(ds: Dataset, hits: Sequence[Any], lang: str) -> View:
    kinds = {
        "zone": ("经开区", "zone"),
        "measure": ("政策措施", "measure"),
        "indicator": ("指标", "indicator"),
        "source": ("来源", "source"),
    }
    cols = [
        Column("kind", "类别", "kind"),
        Column("id", "ID", "id"),
        Column("name", "名称", "name"),
        Column("score", "匹配度", "score", numeric=True),
    ]
    rows = [{"kind": h.kind, "id": h.id, "name": h.label_zh if lang == "zh" else h.label_en, "score": h.score} for h in hits]
    records = [
        {"kind": h.kind, "id": h.id, "name_zh": h.label_zh, "name_en": h.label_en, "score": h.score, "matched": h.matched}
        for h in hits
    ]
    view = View(cols, rows, records)
    view.human_values = {"kind": lambda row, lg: _t(kinds[row["kind"]], lg)}
    return view


def sources_view(ds: Dataset, sources: Sequence[Any], lang: str) -> View:
    cols = [
        Column("id", "ID", "id"),
        Column("outlet", "发布方", "outlet"),
        Column("title", "标题", "title"),
        Column("date", "日期", "date"),
        Column("kind", "类型", "kind"),
        Column("url", "网址", "URL"),
        Column("cited_by", "被引用次数", "cited by", numeric=True),
    ]
    uses = citations(ds)
    rows = [
        {
            "id": s.id,
            "outlet": s.outlet if lang == "zh" or not s.outlet_en else s.outlet_en,
            "title": s.title,
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
    return View(cols, rows, records)


def source_detail_view(ds: Dataset, s: Any, lang: str) -> View:
    uses = sorted(citations(ds).get(s.id, ()))
    fields = [
        ("id", "ID", "id", s.id),
        ("outlet", "发布方", "outlet", s.outlet + (f" ({s.outlet_en})" if s.outlet_en else "")),
        ("title", "标题", "title", s.title),
        ("date", "日期", "date", s.date),
        ("kind", "类型", "kind", s.kind),
        ("url", "网址", "URL", s.url),
        ("note", "说明", "note", s.note),
        (
            "cited_by",
            "引用处",
            "cited by",
            ", ".join(uses[:50]) + (f" … (+{len(uses) - 50})" if len(uses) > 50 else "") if uses else None,
        ),
    ]
    cols = [Column(k, lz, le) for k, lz, le, _ in fields]
    rec: dict[str, Any] = record_dict(s)
    rec["cited_by"] = uses
    return View(cols, [{k: v for k, _, _, v in fields}], [rec], title=s.id, vertical=True)


def citations(ds: Dataset) -> dict[str, set[str]]:
    """source id → the records citing it (`zone:dalian.approved`, `stat:gdp:2023`, ...)."""
    uses: dict[str, set[str]] = {}

    def cite(src: str | None, where: str) -> None:
        if src:
            uses.setdefault(src, set()).add(where)

    for z in ds.zones.values():
        cite(z.membership_source, f"zone:{z.id}.membership")
        cite(z.approved_source, f"zone:{z.id}.approved")
        cite(z.name_en_source, f"zone:{z.id}.name_en")
        cite(z.removed_source, f"zone:{z.id}.removed")
        cite(z.area_source, f"zone:{z.id}.area")
        cite(z.industries_source, f"zone:{z.id}.industries")
        for i, h in enumerate(z.highlights, 1):
            cite(h.source, f"zone:{z.id}.highlight{i}")
    for p in ds.provinces.values():
        cite(p.source, f"province:{p.id}")
    for st in ds.stats:
        cite(st.source, f"stat:{st.indicator}:{st.year}")
    for d in ds.documents.values():
        cite(d.source, f"document:{d.id}")
    for m in ds.measures.values():
        for src in m.sources:
            cite(src, f"measure:{m.id}")
    for r in ds.rankings:
        cite(r.source, f"ranking:{r.edition}:{r.list}:{r.rank}")
    return uses


def indicators_view(ds: Dataset, lang: str) -> View:
    cols = [
        Column("id", "ID", "id"),
        Column("name", "名称", "name"),
        Column("unit", "单位", "unit"),
        Column("headline", "主要指标", "headline"),
        Column("years", "年份", "years"),
        Column("figures", "数值个数", "figures", numeric=True),
    ]
    rows, records = [], []
    for i in ds.indicators.values():
        years = sorted({s.year for s in ds.stats if s.indicator == i.id})
        n = sum(1 for s in ds.stats if s.indicator == i.id)
        rows.append(
            {
                "id": i.id,
                "name": i.name_zh if lang == "zh" else i.name_en,
                "unit": i.unit,
                "headline": i.headline,
                "years": _year_ranges(years),
                "figures": n,
            }
        )
        rec = record_dict(i)
        rec["years"] = years
        records.append(rec)
    view = View(cols, rows, records)
    view.human_values = {"unit": lambda row, lg: unit_label(row["unit"], lg)}
    return view


def _year_ranges(years: Sequence[int]) -> str | None:
    if not years:
        return None
    out, start, prev = [], years[0], years[0]
    for y in [*years[1:], None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if y is not None:
            start = prev = y
    return ", ".join(out)


# --------------------------------------------------------------------------- trend


def trend_view(ds: Dataset, indicator: str, stats: Sequence[Stat], lang: str, bar_char: str = "█") -> View:
    """Year by year, every published value (the default one first); year-on-year change only
    between consecutive years whose default values share unit and series and have no qualifier
    (MOFCOM's two series differ by up to a trillion yuan: comparing across them is meaningless)."""
    ind = ds.indicators[indicator]
    cols = [
        Column("year", "年份", "year", numeric=True),
        *_FIGURE_COLUMNS,
        Column("yoy_pct", "同比(%)", "y/y (%)", numeric=True),
        *_PROVENANCE_COLUMNS,
        Column("bar", "", ""),
    ]
    primary = {s.year: s for s in stats if s.primary}
    top = max((s.value for s in primary.values()), default=0.0)
    rows, marks, records = [], [], []
    gaps = []
    years = sorted({s.year for s in stats})
    for a, b in pairwise(years):
        if b != a + 1:
            gaps.append(f"{a + 1}" if b == a + 2 else f"{a + 1}-{b - 1}")
    for s in stats:
        prev = primary.get(s.year - 1)
        yoy = None
        # series labels exist only where MOFCOM's two series disagree: an unlabelled figure compares
        same_series = prev is not None and (prev.series is None or s.series is None or prev.series == s.series)
        comparable = prev is not None and same_series and prev.unit == s.unit and not prev.qualifier and not s.qualifier
        if s.primary and prev is not None and comparable and prev.value:
            yoy = round((s.value / prev.value - 1) * 100, 1)
        width = round(20 * s.value / top) if s.primary and top > 0 and s.unit == ind.unit else 0
        rows.append(
            {
                "year": s.year,
                "yoy_pct": yoy,
                "bar": bar_char * width if width else "",
                **_figure_cells(s, primary=s.primary),
            }
        )
        marks.append({} if s.primary else {"value": " (alt)"})
        rec = stat_record(ds, s)
        rec["yoy_pct"] = yoy
        records.append(rec)
    view = View(cols, rows, records, marks=marks, hidden=("qualifier", "primary"), human_only=("bar",))
    view.title = (
        f"{ind.name_zh}（{unit_label(ind.unit, 'zh')}）" if lang == "zh" else f"{ind.name_en} ({unit_label(ind.unit, 'en')})"
    )
    view.human_values = {**_FIGURE_HUMAN, "bar": lambda row, lg: row["bar"]}
    if any(not s.primary for s in stats):
        view.notes.append(
            "(alt) 另一口径公布的数值；同比按默认值计算"
            if lang == "zh"
            else "(alt) value published in the other series; y/y uses the default values"
        )
    if gaps:
        view.notes.append(
            ("无数据年份（不插值）：" if lang == "zh" else "years with no figure (not interpolated): ") + ", ".join(gaps)
        )
    view.notes.append(
        "同比为 edz 根据相邻两年同一口径的默认值计算，非官方公布增速；口径不同则不计算"
        if lang == "zh"
        else "y/y is computed by edz from two default values of the same series, not an officially published growth rate; "
        "none across series"
    )
    return view


# --------------------------------------------------------------------------- counts over time


def undated_note(undated: Sequence[Zone], lang: str) -> str | None:
    if not undated:
        return None
    ids = ", ".join(z.id for z in undated)
    if lang == "zh":
        return f"另有 {len(undated)} 个经开区批准时间未知，无法判断当日是否在册，未计入：{ids}"
    return f"{len(undated)} zone(s) with an unknown approval date cannot be placed in time and are not counted: {ids}"


def regions_view(
    ds: Dataset,
    day: Any,
    present: Sequence[Zone],
    undated: Sequence[Zone],
    official_day: Any,
    official: dict[str, Stat],
    lang: str,
) -> View:
    cols = [
        Column("region", "地区ID", "region id"),
        Column("name", "地区", "region"),
        Column("zones", "经开区数（据批准/退出时间）", "zones (from dates)", numeric=True),
        Column("official", "官方数", "official count", numeric=True),
        Column("difference", "差异", "difference", numeric=True),
        Column("official_source", "官方数来源", "source of official count"),
    ]
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

    rows = [count_row(rid, r.name_zh if lang == "zh" else r.name_en, counts[rid]) for rid, r in ds.regions.items()]
    rows.append(count_row("total", "合计" if lang == "zh" else "Total", len(present)))
    records = []
    for row in rows:
        rec = dict(row)
        rec["as_of"] = day.isoformat()
        rec["official_as_of"] = official_day.isoformat() if official_day and row["official"] is not None else None
        records.append(rec)
    view = View(cols, rows, records)
    view.title = f"各地区国家级经开区（{day.isoformat()}）" if lang == "zh" else f"National ETDZs by region, {day.isoformat()}"
    if official_day is not None:
        view.notes.append(
            f"官方数为 {official_day.isoformat()} 时公布的数"
            if lang == "zh"
            else f"official counts are those reported for {official_day.isoformat()}"
        )
    note = undated_note(undated, lang)
    if note:
        view.notes.append(note)
    view.notes.append(
        "地区按国家统计局四大区域划分（辽宁属东北）"
        if lang == "zh"
        else "regions follow the NBS four-region scheme (Liaoning in the Northeast)"
    )
    return view


def provinces_view(ds: Dataset, day: Any, present: Sequence[Zone], undated: Sequence[Zone], lang: str) -> View:
    cols = [
        Column("province", "省份ID", "province id"),
        Column("name", "省份", "province"),
        Column("region", "地区", "region"),
        Column("zones", "经开区数", "zones", numeric=True),
    ]
    counts = {p: 0 for p in ds.provinces}
    for z in present:
        counts[z.province] += 1
    rows = []
    for pid, p in ds.provinces.items():
        region = ds.regions[p.region]
        rows.append(
            {
                "province": pid,
                "name": p.name_zh if lang == "zh" else p.name_en,
                "region": region.name_zh if lang == "zh" else region.name_en,
                "zones": counts[pid],
            }
        )
    records = [{**row, "region": ds.provinces[str(row["province"])].region, "as_of": day.isoformat()} for row in rows]
    view = View(cols, rows, records)
    view.title = (
        f"各省国家级经开区（{day.isoformat()}，共 {len(present)} 个）"
        if lang == "zh"
        else f"National ETDZs by province, {day.isoformat()} ({len(present)})"
    )
    note = undated_note(undated, lang)
    if note:
        view.notes.append(note)
    return view


def history_view(ds: Dataset, years: Sequence[Any], lang: str) -> View:
    cols = [
        Column("year", "年末", "year end", numeric=True),
        Column("zones", "经开区数（据时间）", "zones (from dates)", numeric=True),
        Column("approved", "当年批准", "approved that year", numeric=True),
        Column("removed", "当年退出", "removed that year", numeric=True),
        Column("official", "官方数", "official count", numeric=True),
        Column("difference", "差异", "difference", numeric=True),
        Column("official_scope", "官方数口径", "official count scope"),
        Column("official_source", "官方数来源", "source"),
    ]
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
                "official_scope": off.scope if off else None,
                "official_source": off.source if off else None,
            }
        )
    cols.insert(5, Column("official_qualifier", "官方数限定", "official qualifier"))
    view = View(cols, rows, [dict(r) for r in rows], hidden=("official_qualifier",))
    view.human_values = {
        "official": lambda row, lg: QUALIFIER_SIGN.get(row["official_qualifier"] or "", "") + _fmt_num(row["official"]),
    }
    view.title = (
        "国家级经开区数量：名录推算与官方数"
        if lang == "zh"
        else "National ETDZs at each year end: from the roster's dates and as officially reported"
    )
    undated = [z for z in ds.zones.values() if z.approved is None]
    year_only = sum(1 for z in ds.zones.values() if z.approved and len(z.approved) == 4)
    unsourced = sum(1 for z in ds.zones.values() if z.approved and not z.approved_verified)
    if lang == "zh":
        view.notes.append(
            f"差异的可能原因：{year_only} 个经开区批准时间只精确到年（按当年1月1日计）；{unsourced} 个批准时间尚无来源；"
            f"{len(undated)} 个批准时间未知（未计入）；官方数的口径（参评数、年中数）可能与年末名录不同。"
        )
    else:
        view.notes.append(
            f"differences can come from: {year_only} approval dates known only to the year (counted from 1 January); "
            f"{unsourced} approval dates not yet sourced; {len(undated)} unknown approval dates (not counted); "
            "official counts with another scope (zones evaluated, mid-year counts)."
        )
    return view


def rankings_view(ds: Dataset, edition: int, list_id: str, rows_in: Sequence[Any], lang: str) -> View:
    cols = [
        Column("rank", "名次", "rank", numeric=True),
        Column("zone", "经开区ID", "zone id"),
        Column("name", "名称", "name"),
        Column("province", "省份", "province"),
        Column("verified", "已核实", "verified"),
        Column("source", "来源", "source"),
    ]
    rows, marks = [], []
    for r in rows_in:
        z = ds.zones[r.zone]
        p = ds.provinces[z.province]
        rows.append(
            {
                "rank": r.rank,
                "zone": r.zone,
                "name": z.name_zh if lang == "zh" else z.name_en,
                "province": p.name_zh if lang == "zh" else p.name_en,
                "verified": r.verified,
                "source": r.source,
            }
        )
        marks.append({} if r.verified else {"name": UNVERIFIED_MARK})
    records = [record_dict(r) for r in rows_in]
    data_year = rows_in[0].data_year if rows_in else edition - 1
    view = View(cols, rows, records, marks=marks)
    suffix = "" if list_id == "overall" else f" [{list_id}]"
    view.title = (
        f"国家级经开区综合发展水平考核评价 {edition} 年（{data_year} 年数据）{suffix}"
        if lang == "zh"
        else f"MOFCOM comprehensive evaluation, {edition} edition (ranks {data_year} data){suffix}"
    )
    ranks = sorted({r.rank for r in rows_in})
    if ranks:
        contiguous = ranks == list(range(1, len(ranks) + 1))
        shown = f"1-{ranks[-1]}" if contiguous else ", ".join(map(str, ranks))
        # every published edition ranks all zones; the data holds only the ranks shown
        view.notes.append(f"部分名单：仅有第 {shown} 名" if lang == "zh" else f"partial list: only ranks {shown} are known")
    if any(not r.verified for r in rows_in):
        view.notes.append(
            "* 未核实：来自非官方整理，未见官方公布"
            if lang == "zh"
            else "* unverified: from an unofficial compilation, not seen in an official release"
        )
    return view
