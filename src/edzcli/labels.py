"""Every vocabulary and every people-facing text of edz, once, in both languages.

This is the one home of translations: a translator edits this file and nothing else.
- Vocabularies (`UNITS`, `SERIES`, `AREA_KINDS`, ...) map a stored code to its `(zh, en)` label.
  The loader takes the allowed values of a field from the keys, so a code cannot be valid in the
  data and unlabelled on screen.
- `COLUMNS` holds the column headings of each view, `TEXT` the titles, notes and messages;
  `{name}` fields in them are filled with `str.format`.
Pure data and a few tiny helpers; no imports, so every module may use it.
"""

from __future__ import annotations

from typing import Any

Label = tuple[str, str]  # (Chinese, English)
LANGS = ("zh", "en")


def t(label: Label, lang: str) -> str:
    """The label in `lang` (Chinese for anything but "en")."""
    return label[1] if lang == "en" else label[0]


def text(key: str, lang: str, **fields: object) -> str:
    """`TEXT[key]` in `lang`, with `{name}` fields filled in."""
    s = t(TEXT[key], lang)
    return s.format(**fields) if fields else s


def pick(zh: str, en: str, lang: str) -> str:
    """The data field for `lang` from a record's `*_zh` / `*_en` pair."""
    return en if lang == "en" else zh


def local(rec: Any, field: str, lang: str) -> Any:
    """A record's text `field` in `lang`. A note first written in English is stored as `field`, its
    Chinese form as `field_zh`: Chinese shows `field_zh` where the data has it. (A `field_zh` the data
    lacks falls back to `field`; tests/test_one_language.py keeps the bundled data complete.)"""
    if lang == "zh":
        zh = getattr(rec, f"{field}_zh", None)
        if zh:
            return zh
    return getattr(rec, field)


# --------------------------------------------------------------------------- vocabularies (stored codes)

UNITS: dict[str, Label] = {
    "trillion-cny": ("万亿元", "trillion CNY"),
    "100m-cny": ("亿元", "100m CNY"),
    "100m-usd": ("亿美元", "100m USD"),
    "billion-usd": ("十亿美元", "billion USD"),
    "percent": ("%", "%"),
    "count": ("个", "count"),
    "km2": ("平方公里", "km2"),
}
QUALIFIERS: dict[str, Label] = {"over": ("超过", "more than"), "about": ("约", "about"), "under": ("不足", "under")}
QUALIFIER_SIGN = {"over": ">", "about": "~", "under": "<"}
SOURCE_KINDS: dict[str, Label] = {
    "official": ("官方", "official"),
    "news": ("新闻", "news"),
    "repost": ("转载", "repost"),
    "reference": ("参考资料", "reference"),
    "document": ("文件", "document"),
}
HEADING_STATUS: dict[str, Label] = {
    "verified": ("已核实", "verified"),
    "summary": ("官方摘要措辞", "official summary wording"),
    "inferred": ("推断（非官方标题）", "inferred, not the official heading"),
}
SERIES: dict[str, Label] = {"main-indicators": ("主要指标", "main indicators"), "evaluation": ("考核评价", "evaluation")}
STATUS: dict[str, Label] = {"active": ("在册", "active"), "removed": ("已退出", "removed")}
# MOFCOM evaluation lists (rankings.list); a list the data names and this table lacks shows its id
RANKING_LIST_NAMES: dict[str, Label] = {
    "overall": ("综合", "overall"),
    "overall-central": ("中部综合", "overall, central"),
    "overall-west": ("西部综合", "overall, west"),
    "fdi": ("实际使用外资", "actual FDI"),
    "trade": ("进出口", "trade"),
}
REMOVED_BASIS: dict[str, Label] = {"confirmed": ("已证实", "confirmed"), "inferred": ("推断", "inferred")}
BOUND_BASIS: dict[str, Label] = {"stated": ("原文明言", "stated"), "inferred": ("推断", "inferred")}
NAME_EN_STATUS: dict[str, Label] = {"official": ("官方", "official"), "systematic": ("系统译名", "systematic")}
CREATION: dict[str, Label] = {
    "etdz": ("经国务院批准设立/升级为国家级经开区", "approved as a national ETDZ"),
    "equivalent-policy": (
        "享受国家级经开区政策设立，商务部按国家级经开区统计",
        "set up with national-ETDZ policies; counted as one by MOFCOM",
    ),
}
AREA_KINDS: dict[str, Label] = {
    "approved": ("核准面积", "approved"),
    "planned": ("规划面积", "planned"),
    "jurisdiction": ("管辖面积", "jurisdiction"),
    "built-up": ("建成区面积", "built-up"),
    "developed": ("已开发面积", "developed"),
}
FIGURE_SCOPES: dict[str, Label] = {  # whose figure a zone figure is
    "zone": ("经开区本身", "the zone itself"),
    "district": ("所在行政区（非经开区口径）", "host district, not the zone"),
    "new-area": ("所在新区（非经开区口径）", "host new area, not the zone"),
    "other": ("其他口径（见口径说明）", "another entity (see the scope note)"),
}
SEARCH_KINDS: dict[str, Label] = {
    "zone": ("经开区", "zone"),
    "measure": ("政策措施", "measure"),
    "indicator": ("指标", "indicator"),
    "source": ("来源", "source"),
}
SEARCH_FIELDS: dict[str, Label] = {
    "name": ("名称", "name"),
    "industries": ("主导产业", "leading industries"),
    "highlights": ("亮点", "highlights"),
    "notes": ("备注", "notes"),
    "points": ("要点", "key points"),
    "title": ("标题", "title"),
}
# short forms people type for an indicator id (`edz trend fdi`); folded keys
INDICATOR_ALIASES = {
    "fdi": "fdi-actual",
    "外资": "fdi-actual",
    "利用外资": "fdi-actual",
    "foreign investment": "fdi-actual",
    "trade": "trade-total",
    "外贸": "trade-total",
    "进出口": "trade-total",
    "foreign-trade": "trade-total",
    "税收": "tax-revenue",
    "tax": "tax-revenue",
    "taxes": "tax-revenue",
    "财政": "fiscal-revenue",
    "fiscal": "fiscal-revenue",
    "出口": "exports",
    "进口": "imports",
    "zones": "zone-count",
    "count": "zone-count",
    "数量": "zone-count",
    "gross domestic product": "gdp",
    "生产总值": "gdp",
}
LANG_ALIASES = {
    "cn": "zh",
    "zh-cn": "zh",
    "zh-hans": "zh",
    "中文": "zh",
    "chinese": "zh",
    "english": "en",
    "en-us": "en",
    "en-gb": "en",
}

# --------------------------------------------------------------------------- column headings, per view

COLUMNS: dict[str, dict[str, Label]] = {
    "zones": {
        "id": ("ID", "id"),
        "name": ("名称", "name"),
        "province": ("省份", "province"),
        "city": ("城市", "city"),
        "region": ("地区", "region"),
        "approved": ("批准时间", "approved"),
        "approved_verified": ("批准时间有来源", "approved sourced"),
        "status": ("状态", "status"),
        "removed": ("退出时间", "removed"),
        "area_km2": ("面积（平方公里）", "area (km2)"),
        "area_kind": ("面积口径", "area kind"),
    },
    "figure": {  # one published figure, as `stats` and `trend` show it
        "indicator": ("指标ID", "indicator"),
        "name": ("指标", "indicator name"),
        "year": ("年份", "year"),
        "value": ("数值", "value"),
        "qualifier": ("限定", "qualifier"),
        "unit": ("单位", "unit"),
        "share_national": ("占全国比重(%)", "share of national total (%)"),
        "share_qualifier": ("比重限定", "share qualifier"),
        "yoy_pct": ("同比(%)", "y/y (%)"),
        "yoy_basis": ("同比依据", "y/y basis"),
        "value_published": ("公布数值", "value as published"),
        "unit_published": ("公布单位", "unit as published"),
        "zones": ("统计经开区数", "zones counted"),
        "series": ("口径", "series"),
        "primary": ("默认值", "primary"),
        "source": ("来源", "source"),
        "scope": ("口径", "scope"),
        "scope_note": ("口径说明", "scope note"),
        "bar": ("", ""),
    },
    "compare": {  # zones side by side: one row per field
        "key": ("键", "key"),
        "field": ("项目", "field"),
        "name": ("名称", "name"),
        "province": ("省份", "province"),
        "city": ("城市", "city"),
        "region": ("地区", "region"),
        "approved": ("批准为国家级", "approved as national ETDZ"),
        "area": ("面积", "area"),
        "industries": ("主导产业", "leading industries"),
        "rank": ("最新综合排名（届次）", "latest overall rank (edition)"),
        "facts": ("收录事实数", "facts in edz"),
    },
    "policies": {
        "id": ("ID", "id"),
        "document": ("文件", "document"),
        "area": ("部分", "area"),
        "number": ("序号", "no."),
        "heading": ("标题", "heading"),
        "heading_status": ("标题核实", "heading status"),
        "position_verified": ("位置已核实", "position verified"),
        "points": ("要点", "key points"),
        "sources": ("来源", "sources"),
    },
    "documents": {
        "key": ("--doc", "--doc"),
        "id": ("ID", "id"),
        "title": ("标题", "title"),
        "doc_no": ("文号", "document no."),
        "issuer": ("发文机关", "issuer"),
        "date": ("日期", "date"),
        "measures": ("措施数", "measures"),
        "listed": ("已收录", "listed"),
        "verified": ("标题已核实", "headings verified"),
        "source": ("来源", "source"),
        "note": ("说明", "note"),
    },
    "about": {
        "edz_version": ("edz 版本", "edz version"),
        "data_version": ("数据版本", "data version"),
        "as_of": ("数据截至", "as of"),
        "data_file": ("数据文件", "data file"),
        "licence_data": ("数据许可", "data licence"),
        "licence_code": ("代码许可", "code licence"),
        "zones_active": ("在册经开区", "active zones"),
        "zones_removed": ("已退出经开区", "removed zones"),
        "stats": ("统计数值", "figures"),
        "measures": ("政策措施", "measures"),
        "measures_heading_verified": ("标题已核实的措施", "measures with verified heading"),
        "documents": ("政策文件", "policy documents"),
        "zone_facts": ("经开区事实", "zone facts"),
        "zone_figures": ("经开区自身数据", "zone figures"),
        "sources": ("来源", "sources"),
        "coverage_membership": ("名录来源", "membership sourced"),
        "coverage_approved": ("批准时间有来源", "approval date sourced"),
        "coverage_name_en_official": ("官方英文名", "official English name"),
        "coverage_area": ("面积有来源", "area sourced"),
        "coverage_area_approved": ("核准面积", "approved area"),
        "coverage_industries": ("主导产业有来源", "leading industries sourced"),
        "coverage_approved_bounds": ("批准时间无来源但有来源界限", "no sourced date, sourced bounds"),
        "coverage_approved_both_bounds": ("其中上下限俱全", "of which both bounds"),
        "coverage_approved_neither": ("批准时间与界限均无来源", "neither a sourced date nor a sourced bound"),
        "coverage_codes": ("省、市区划代码有来源", "province and city codes sourced"),
        "coverage_zone_code": ("开发区自有统计区划代码", "zone's own NBS division code"),
        "coverage_facts": ("有事实的经开区", "zones with facts"),
        "coverage_figures": ("有自身数据的经开区", "zones with figures of their own"),
        "years_covered": ("有全年数值的年份：{name}", "years with a full-year figure: {name}"),
    },
    "zone": {  # one zone, shown as label: value lines
        "id": ("ID", "id"),
        "name_zh": ("中文名称", "Chinese name"),
        "name_en": ("英文名称", "English name"),
        "aliases": ("简称/别名", "short names, aliases"),
        "former_names": ("曾用名", "former names"),
        "province": ("省份", "province"),
        "city": ("城市", "city"),
        "codes": ("统计用区划代码", "NBS division codes"),
        "region": ("地区", "region"),
        "approved": ("批准为国家级", "approved as national ETDZ"),
        "approved_after": ("此时尚非国家级", "not yet national on"),
        "approved_after_note": ("依据", "evidence"),
        "approved_before": ("此时已是国家级", "national by"),
        "approved_before_note": ("依据", "evidence"),
        "approved_note": ("批准时间说明", "note on the date"),
        "creation": ("设立方式", "how it was created"),
        "status": ("状态", "status"),
        "removed_note": ("退出说明", "removal note"),
        "area": ("面积", "area"),
        "industries": ("主导产业", "leading industries"),
        "rankings": ("考核评价排名（届次）", "evaluation rank (edition)"),
        "highlight": ("亮点 {i}", "highlight {i}"),
        "note": ("备注 {i}", "note {i}"),
        "membership_source": ("名录来源", "listed as national ETDZ by"),
    },
    "search": {
        "kind": ("类别", "kind"),
        "id": ("ID", "id"),
        "name": ("名称", "name"),
        "score": ("匹配度", "score"),
        "field": ("匹配字段", "matched field"),
        "matched": ("匹配内容", "matched text"),
    },
    "sources": {
        "id": ("ID", "id"),
        "outlet": ("发布方", "outlet"),
        "title": ("标题", "title"),
        "date": ("日期", "date"),
        "kind": ("类型", "kind"),
        "url": ("网址", "URL"),
        "note": ("说明", "note"),
        "cited_by": ("被引用次数", "cited by"),
        "cited_by_detail": ("引用处", "cited by"),
    },
    "indicators": {
        "id": ("ID", "id"),
        "name": ("名称", "name"),
        "unit": ("单位", "unit"),
        "headline": ("主要指标", "headline"),
        "years": ("年份", "years"),
        "figures": ("数值个数", "figures"),
    },
    "regions": {
        "region": ("地区ID", "region id"),
        "name": ("地区", "region"),
        "zones": ("经开区数（据批准/退出时间）", "zones (from dates)"),
        "official": ("官方数", "official count"),
        "difference": ("差异", "difference"),
        "official_source": ("官方数来源", "source of official count"),
    },
    "provinces": {
        "province": ("省份ID", "province id"),
        "name": ("省份", "province"),
        "region": ("地区", "region"),
        "zones": ("经开区数", "zones"),
    },
    "map": {
        "province": ("省份ID", "province id"),
        "name": ("省份", "province"),
        "short": ("简称", "short name"),
        "region": ("地区", "region"),
        "zones": ("经开区数", "zones"),
        "share_pct": ("占全国(%)", "share of national total (%)"),
        "row": ("网格行", "grid row"),
        "col": ("网格列", "grid column"),
    },
    "history": {
        "year": ("年末", "year end"),
        "zones": ("经开区数（据时间）", "zones (from dates)"),
        "approved": ("当年批准", "approved that year"),
        "removed": ("当年退出", "removed that year"),
        "official": ("官方数", "official count"),
        "official_qualifier": ("官方数限定", "official qualifier"),
        "difference": ("差异", "difference"),
        "official_scope": ("官方数口径", "official count scope"),
        "official_source": ("官方数来源", "source"),
    },
    "fields": {
        "field": ("字段", "field"),
        "default": ("默认显示", "shown by default"),
        "description": ("说明", "description"),
    },
    "rankings": {
        "rank": ("名次", "rank"),
        "zone": ("经开区ID", "zone id"),
        "name": ("名称", "name"),
        "province": ("省份", "province"),
        "verified": ("已核实", "verified"),
        "source": ("来源", "source"),
    },
}

# --------------------------------------------------------------------------- titles, notes, messages

TEXT: dict[str, Label] = {
    # zones
    "zones.title": ("国家级经济技术开发区（{n} 个）", "National ETDZs ({n})"),
    "zones.title_on": ("{day} 在册的国家级经济技术开发区（{count} 个）", "National ETDZs on the list on {day} ({count})"),
    "zones.n_of": ("{total} 个中的 {n}", "{n} of {total}"),
    "beyond_data": (
        "所选日期晚于数据截至日期 {as_of}：此后的批准或退出不在数据中",
        "the date asked for is after the data's as-of date ({as_of}): later approvals or removals are not in the data",
    ),
    "zones.unverified": ("* 未核实：该批准时间尚无可引用的来源", "* unverified: no citable source for this approval date yet"),
    "zones.bounds": (
        "a..b 有来源的时间界限：a 时尚未升级为国家级，b 时已是国家级（详见 edz zone ID）",
        "a..b sourced bounds: not yet national in a, national by b (edz zone ID gives the days and sources)",
    ),
    "zones.uncertain": (
        "不确定：{n} 个经开区的有来源时间界限跨越所问日期，是否计入取决于未核实的年份：{ids}",
        "uncertain: the sourced bounds of {n} zone(s) straddle the date asked, so whether they count rests on "
        "an unverified year: {ids}",
    ),
    # shown in English mode only: Chinese names are never systematic
    "zones.systematic": (
        "~ systematic English name (no official English name found)",
        "~ systematic English name (no official English name found)",
    ),
    "zones.city_several": ("“{query}”指 {n} 个城市：{cities}；均已列出", "'{query}' names {n} cities: {cities}; all are shown"),
    "zones.city_also": (
        "“{query}”也指 {cities}，当地没有国家级经开区",
        "'{query}' also names {cities}, which has no national ETDZ",
    ),
    "zones.city_none": ("{cities} 没有国家级经开区", "{cities}: no national ETDZ there"),
    "undated": (
        "另有 {n} 个经开区批准时间未知，无法判断当日是否在册，未计入：{ids}",
        "{n} zone(s) with an unknown approval date cannot be placed in time and are not counted: {ids}",
    ),
    # stats and trend
    "stats.title": ("国家级经开区主要指标 {year} 年", "National ETDZs: headline indicators, {year}"),
    "stats.title_all": ("国家级经开区全部指标 {year} 年", "National ETDZs: all indicators, {year}"),
    "stats.alt": (
        "(alt) 另一公布值（商务部另一口径或相互矛盾的报道）；每项第一行为 edz 默认采用的数值，取舍理由见 --format json 的 note",
        "(alt) another published value (MOFCOM's other series, or a conflicting report); the first row of each "
        "indicator is edz's default, and --format json gives the note saying why",
    ),
    "stats.part_year": (
        "{year} 年另有非全年数值（不作全年数显示）：{items}",
        "{year} also has figures for part of the year only, not shown as full-year figures: {items}",
    ),
    "stats.signs": ("> 超过  ~ 约", "> more than, ~ about (as published)"),
    "stats.zone_title": ("{zone} {year} 年数据（经开区自身口径）", "{zone}: the zone's own figures, {year}"),
    "trend.zone_title": ("{zone}：{title}", "{zone}: {title}"),
    "zone_figures.scope": (
        "口径：仅列经开区本身的数据；所在行政区、新区的数据不作为经开区数据显示",
        "scope: the zone's own figures only; a host district's or new area's figures are never shown as the zone's",
    ),
    "zone_figures.alt": (
        "(alt) 另一来源公布的不同数值；每项第一行为 edz 默认采用的数值，理由见下方说明",
        "(alt) a different value published by another source; the first row is edz's default, the note below says why",
    ),
    "zone_figures.note": ("{indicator} {year}：{note}", "{indicator} {year}: {note}"),
    "zone.figures_hint": (
        "经开区数据：edz stats --zone {id}、edz trend 指标 --zone {id}",
        "zone figures: edz stats --zone {id}, edz trend INDICATOR --zone {id}",
    ),
    "compare.title": ("经开区对比（{n} 个）", "Zones side by side ({n})"),
    "compare.years": (
        "数据为各经开区最新一年的自身数据，括号内为年份；年份不同时不可直接比较",
        "figures are each zone's newest of its own, with the year in brackets; figures of different years do not compare",
    ),
    "compare.no_figures": (
        "以下经开区尚无自身数据（查找情况见 docs/zone-figures.md）：{ids}",
        "no figures of their own yet (where we looked: docs/zone-figures.md): {ids}",
    ),
    "trend.title": ("{name}（{unit}）", "{name} ({unit})"),
    "trend.series_title": ("，{series} 口径", ", {series} series"),
    "trend.alt": (
        "(alt) 另一口径公布的数值（非 edz 默认值）；其同比只与同一口径相比",
        "(alt) a value published in the other series (not edz's default); its y/y compares only within that series",
    ),
    "figures.converted": (
        "按公布单位换算（精确换算，币种不变）：{items}；公布值见 --format json 的 value_published",
        "converted exactly from the unit as published (never between currencies): {items}; --format json keeps value_published",
    ),
    "trend.range": (
        "{series}口径 {first_year}–{last_year} 年：{first} → {last} {unit}，变化 {change}（{change_pct}%），"
        "年均增长 {cagr}%（{span}）",
        "{series} series {first_year}-{last_year}: {first} -> {last} {unit}, change {change} ({change_pct}%), "
        "average annual growth (CAGR) {cagr}% over {span}",
    ),
    "trend.range_missing": ("；其间缺 {years} 年数据（不插值）", "; no figure of this series for {years} (not interpolated)"),
    "trend.range_zones": (
        "；统计的经开区数不同（{a} → {b} 个），变化含新增或退出的经开区",
        "; the two figures count different numbers of zones ({a} -> {b}), so the change includes zones added or removed",
    ),
    "trend.zones_differ": (
        "c! 为 edz 计算的同比，但两年统计的经开区数不同，变化含新增或退出的经开区",
        "c! computed y/y between figures that count different numbers of zones: it includes zones added or removed",
    ),
    "trend.no_bars": (
        "无柱状图：所示数值单位不一致",
        "no bar chart: the values shown are not in one unit",
    ),
    "years_one": ("{n} 年", "{n} year"),
    "years_many": ("{n} 年", "{n} years"),
    "series.zone_own": ("经开区自身数据", "the zone's own"),
    "series.unnamed": ("未注明发布口径", "release not named"),
    "series.policy": (
        "口径规则：每年默认采用商务部“主要指标”口径，无则用“考核评价”口径，再无则用未注明口径的数值；"
        "同比用来源公布的增速，无则由 edz 仅在同一口径内计算；--series main|evaluation|default|all 可选",
        "series policy: each year's default figure is MOFCOM's main-indicators release where one exists, else the "
        "evaluation release, else a figure whose release is not named; y/y is the growth rate as published, else "
        "computed by edz only within one series; choose with --series main|evaluation|default|all",
    ),
    "trend.gaps": ("无数据年份（不插值）：{years}", "years with no figure (not interpolated): {years}"),
    "trend.yoy": (
        "同比：未标注者为来源公布的增速；c 为 edz 根据相邻两年同一口径的数值计算，非官方增速；口径不同则不计算",
        "y/y: unmarked = the growth rate as published; c = computed by edz from two consecutive figures of the same "
        "series, not an official rate; none across series",
    ),
    # policies
    "policies.inferred": (
        "* 推断标题：官方原文标题尚未核实，此为 edz 根据已证实要点所拟的描述性标题",
        "* inferred: the official heading is not verified yet; this is edz's descriptive title from attested points",
    ),
    "policies.more_sources": (
        "(+N) 另有 N 个来源：edz policies --format json 或 tsv 列出全部",
        "(+N) N more sources: edz policies --format json or tsv lists them all",
    ),
    "policies.doc_title": ("{title}（{doc_no}）", "{title} ({doc_no})"),
    "policies.partial": (
        "本文件共 {total} 项措施，edz 只收录有来源的 {listed} 项（其余标题未找到可引用的来源）",
        "the document has {total} measures; edz lists the {listed} whose headings a source gives",
    ),
    "documents.title": ("edz 收录的政策文件", "Policy documents in edz"),
    "documents.hint": (
        "edz policies --doc 键（或文件标题、文号）列出该文件的措施",
        "edz policies --doc KEY (or the title or number) lists a document's measures",
    ),
    # one zone
    "zone.systematic": (" （系统译名，非官方）", " (systematic, not official)"),
    "zone.industries_translated": ("（edz 译自英文来源）", " (edz's translation of the Chinese source)"),
    "zone.unverified": (" （未核实）", " (unverified)"),
    "zone.codes": (
        "省 {province}，市 {city}{city2}{zone}（{vintage} 年版）",
        "province {province}, city {city}{city2}{zone} ({vintage} vintage)",
    ),
    "zone.codes_city2": ("、{code}", " and {code}"),
    "zone.codes_zone": ("，开发区 {code}", ", zone {code}"),
    "zone.removed_inferred": (
        "（推断；推断依据之一 {source}，该来源本身未提及退出，见退出说明）",
        "(inferred; {source} is one input of the inference and does not itself state the removal: see the removal note)",
    ),
    "zone.bound": ("{date}（{basis}）", "{date} ({basis})"),
    "zone.approved_unverified": (" （未核实：尚无可引用来源）", " (unverified: no citable source yet)"),
    "rank.unverified": ("（未核实）", " (unverified)"),
    "zone.read_as": (
        "edz: 把 '{query}' 理解为 {name}（{id}），相差一个字",
        "edz: read '{query}' as {name} ({id}), one character apart",
    ),
    "list_sep": ("、", ", "),
    # regions, provinces, history
    "regions.title": ("各地区国家级经开区（{day}）", "National ETDZs by region, {day}"),
    "regions.total": ("合计", "Total"),
    "regions.official_day": ("官方数为 {day} 时公布的数", "official counts are those reported for {day}"),
    "regions.scheme": (
        "地区按国家统计局四大区域划分（辽宁属东北）",
        "regions follow the NBS four-region scheme (Liaoning in the Northeast)",
    ),
    "provinces.title": ("各省国家级经开区（{day}，共 {n} 个）", "National ETDZs by province, {day} ({n})"),
    "map.title_day": ("各省国家级经开区（{day}，共 {n} 个）", "National ETDZs by province, {day} ({n})"),
    "map.title_range": (
        "各省 {since}–{until} 年批准的国家级经开区（共 {n} 个）",
        "National ETDZs approved {since}-{until}, by province ({n})",
    ),
    "map.title_share": ("{title}：占全国比重", "{title}: share of the national total"),
    "map.legend_zones": ("经开区数：", "zones: "),
    "map.legend_share": ("占全国比重：", "share of national total: "),
    "map.range_scope": (
        "按批准年份计数，含后来退出名录的经开区（同 edz zones --since --until --all）",
        "counted by approval year, zones that later left the list included (as edz zones --since --until --all)",
    ),
    "map.no_total": ("全国合计为 0，比重无从计算", "the national total is 0: no share can be computed"),
    "map.off_grid": (
        "网格中没有位置、未画出的省份（数字见 --format tsv）：{ids}",
        "not on the grid, not drawn (see --format tsv): {ids}",
    ),
    "map.cut": (
        "省名截为 {n} 个字符以适应终端宽度；全名见 --format tsv",
        "names cut to {n} letters to fit the terminal; full names: --format tsv",
    ),
    "map.layout": (
        "每格一个省级单位，位置近似地理（geofacet china_prov_grid1 网格）；数字见 --format tsv/csv/json",
        "one tile per provincial unit, placed roughly by geography (geofacet's china_prov_grid1); "
        "the numbers: --format tsv/csv/json",
    ),
    "map.regions_key": ("粗线为四大区域分界：{names}", "heavy lines divide the four regions: {names}"),
    # pictures written to a file (--format svg / html)
    "picture.credit": (
        "edz {version} · 数据版本 {data_version}（截至 {as_of}）· 每个数值的来源：edz sources",
        "edz {version} · data {data_version} (as of {as_of}) · the source of every figure: edz sources",
    ),
    "picture.sources": ("来源：{ids}", "sources: {ids}"),
    "history.title": (
        "国家级经开区数量 {first}–{last} 年末：名录推算与官方数（数据截至 {as_of}）",
        "National ETDZs at each year end {first}-{last}: from the roster's dates and as officially reported (data as of {as_of})",
    ),
    "history.last_row": (
        "{year} 年一行反映数据截至 {as_of} 的名录，并非年末",
        "the {year} row shows the roster as of the data's date ({as_of}), not the year end",
    ),
    "history.removed_unplaced": (
        "{year} 年退出但批准时间未知、从未计入名录推算（不参与加减）：{ids}",
        "removed in {year} but never counted, its approval date being unknown (left out of the arithmetic): {ids}",
    ),
    "history.why": (
        "差异的可能原因：{year_only} 个经开区批准时间只精确到年（按当年1月1日计）；{unsourced} 个批准时间尚无来源；"
        "{undated} 个批准时间未知（未计入）；{inferred} 个退出时间为推断（{inferred_ids}）；"
        "官方数的口径（参评数、年中数）可能与年末名录不同。",
        "differences can come from: {year_only} approval dates known only to the year (counted from 1 January); "
        "{unsourced} approval dates not yet sourced; {undated} unknown approval dates (not counted); "
        "{inferred} removal dates inferred ({inferred_ids}); "
        "official counts with another scope (zones evaluated, mid-year counts).",
    ),
    # rankings
    "rankings.title": (
        "国家级经开区综合发展水平考核评价 {edition} 年（{data_year} 年数据）{suffix}",
        "MOFCOM comprehensive evaluation, {edition} edition (ranks {data_year} data){suffix}",
    ),
    "rankings.partial": ("部分名单：仅有第 {shown} 名", "partial list: only ranks {shown} are known"),
    "rankings.unverified": (
        "* 未核实：来自非官方整理，未见官方公布",
        "* unverified: from an unofficial compilation, not seen in an official release",
    ),
    "fields.title": (
        "可用字段（--fields a,b,c 按此顺序只显示这些字段）",
        "Fields (--fields a,b,c shows only these, in that order)",
    ),
    "cite.figures": (
        "引用单个数值或事实时，请同时引用其原始来源：edz sources ID 给出发布方、标题、日期与网址。",
        "When you quote a figure or fact, cite its original source too: edz sources ID gives outlet, title, date and URL.",
    ),
    # renderers and the command line
    "md.field_value": ("字段|值", "field|value"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "na": ("无", "n/a"),
    "table.dropped": (
        "终端太窄，未显示：{cols}（加宽终端，或用 --format tsv 查看全部列）",
        "left out to fit the terminal: {cols} (see them in a wider terminal or with --format tsv)",
    ),
    "nothing_matches": ("edz: 没有符合条件的结果 (nothing matches)", "edz: nothing matches"),
}

# --------------------------------------------------------------------------- field descriptions
# One line per field, for `--fields help` / `edz fields COMMAND`, the datasette metadata of the
# SQLite export (`edz export -f metadata`) and the export tables in docs/schema.md (generated from
# here; a test keeps them equal). A field not listed here is described by its column heading.

FIELD_HELP: dict[str, Label] = {
    # zones
    "id": ("稳定的 ASCII 标识（从不改名）", "stable ASCII id (never renamed)"),
    "name": ("名称（按 --lang 显示中文或英文）", "name in the language of --lang"),
    "name_zh": ("现用中文全称", "current official Chinese name"),
    "name_en": ("英文名称（官方或系统译名，见 name_en_status）", "English name (official or systematic, see name_en_status)"),
    "short_zh": ("去掉“经济技术开发区”的简称", "short name without 经济技术开发区"),
    "aliases": ("用户常用的其他名称", "other names users type"),
    "former_names": ("有来源的曾用名", "earlier official names where a source states them"),
    "former_names_verified": ("曾用名是否有可引用来源", "whether the former names have a citable source"),
    "name_en_status": (
        "official：官方英文名；systematic：edz 系统译名",
        "official (published English name) or systematic (edz's)",
    ),
    "name_en_source": ("官方英文名的来源 ID", "source id of the official English name"),
    "province": (
        "省份（列表中为名称；JSON 与导出中为省份 ID）",
        "province (a name in listings; the province id in JSON and exports)",
    ),
    "province_id": ("省份 ID", "province id"),
    "province_name_zh": ("省份中文名", "province name in Chinese"),
    "province_name_en": ("省份英文名", "province name in English"),
    "city": ("所在地级市（按 --lang）", "prefecture-level city in the language of --lang"),
    "city_zh": ("所在地级市（直辖市为该市）", "prefecture-level city (for a municipality, the municipality)"),
    "city_en": ("所在城市的拼音", "pinyin of the city"),
    "province_code": ("国家统计局/GB/T 2260 省级代码（2 位）", "2-digit NBS / GB/T 2260 province code"),
    "city_code": ("地级市代码（6 位；直辖市用省级代码）", "6-digit city code (municipalities: the province-level code)"),
    "city_code_2": ("跨两市的经开区的第二个城市代码", "the second city's code for a zone in two cities"),
    "zone_code": ("国家统计局为该开发区本身所设的县级统计用区划代码", "the zone's own county-level NBS statistical code"),
    "code_vintage": ("区划代码的年份版本（代码随版本变化）", "NBS vintage of the division codes (codes change between vintages)"),
    "codes_source": ("区划代码的来源 ID", "source id of the division codes"),
    "codes_note": ("区划代码说明：旧版代码、未采用的近似匹配", "earlier-vintage codes and near matches not recorded"),
    "region": (
        "四大区域（列表中为名称；JSON 与导出中为 ID）",
        "NBS four-region scheme (a name in listings; the id in JSON and exports)",
    ),
    "region_id": ("地区 ID", "region id"),
    "approved": (
        "批准为国家级经开区的日期（YYYY、YYYY-MM 或 YYYY-MM-DD）",
        "date of approval as a national ETDZ (YYYY, YYYY-MM or YYYY-MM-DD)",
    ),
    "approved_source": ("批准日期的来源 ID；为空即未核实", "source id of the approval date; empty = unverified"),
    "approved_note": ("批准日期的说明与冲突", "notes and conflicts on the approval date"),
    "approved_verified": ("批准日期是否有来源（true/false）", "whether the approval date has a source (true/false)"),
    "approved_precision": ("批准日期精度：year、month 或 day", "precision of the approval date: year, month or day"),
    "approved_after": ("有来源的下限：此日尚未升级为国家级", "sourced lower bound: a day the zone was not yet national"),
    "approved_after_source": ("下限的来源 ID", "source id of the lower bound"),
    "approved_after_basis": ("下限依据：stated 原文明言，inferred 推断", "basis of the lower bound: stated or inferred"),
    "approved_after_note": ("支持下限的原文要点（edz 概述）", "what the source says for the lower bound, summarised"),
    "approved_before": ("有来源的上限：此日已是国家级", "sourced upper bound: a day the zone was already national"),
    "approved_before_source": ("上限的来源 ID", "source id of the upper bound"),
    "approved_before_basis": ("上限依据：stated 原文明言，inferred 推断", "basis of the upper bound: stated or inferred"),
    "approved_before_note": ("支持上限的原文要点（edz 概述）", "what the source says for the upper bound, summarised"),
    "creation": (
        "etdz：国务院批准；equivalent-policy：享受国家级政策、商务部按经开区统计",
        "etdz (approved) or equivalent-policy (counted as one by MOFCOM)",
    ),
    "membership_source": ("列其为国家级经开区的来源 ID", "source id listing the zone as a national ETDZ"),
    "status": ("active：在册；removed：已退出", "active or removed"),
    "removed": ("退出名录的日期", "date the zone left the national list"),
    "removed_basis": ("退出依据：confirmed 已证实，inferred 据数量推断", "confirmed (reported) or inferred (from the counts)"),
    "removed_source": ("退出的来源 ID", "source id of the removal"),
    "removed_note": ("退出的原因与证据", "reason and evidence for the removal"),
    "area_km2": ("面积（平方公里）", "area in km2"),
    "area_kind": (
        "面积类型：核准、规划、管辖、建成区、已开发",
        "kind of area: approved, planned, jurisdiction, built-up, developed",
    ),
    "area_year": ("面积数所指年份", "year the area figure refers to"),
    "area_source": ("面积的来源 ID", "source id of the area"),
    "industries_zh": ("主导产业（中文）", "leading industries (Chinese)"),
    "industries_en": ("主导产业（英文）", "leading industries (English)"),
    "industries_source": ("主导产业的来源 ID", "source id of the leading industries"),
    "highlights_zh": ("亮点（中文，一句一条）", "highlights, one sentence each (Chinese)"),
    "highlights_en": ("亮点（英文）", "highlights (English)"),
    "highlights_source": ("各条亮点的来源 ID（顺序对应）", "source id of each highlight, in the same order"),
    "notes": ("其他须知", "anything else a user must know"),
    # sources
    "outlet": ("发布方（原文）", "publisher as printed"),
    "outlet_en": ("发布方英文名", "publisher in English"),
    "title": ("标题（原文）或方括号内的说明", "headline as published, or a bracketed description"),
    "date": ("日期", "date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    "url": ("网址", "URL"),
    "kind": (
        "类型（来源：official/news/repost/reference/document；搜索结果：zone/measure/indicator/source）",
        "kind (of a source: official, news, repost, reference, document; of a search hit: zone, measure, indicator, source)",
    ),
    "note": ("说明（edz 自己的话）", "note, in edz's own words"),
    "cited_by": ("引用该来源的记录（列表中为个数）", "records citing this source (a count in listings)"),
    # indicators and figures
    "indicator": ("指标 ID", "indicator id"),
    "unit": ("单位 ID", "unit id"),
    "headline": ("是否为主要指标（edz stats 默认显示）", "headline indicator (shown by edz stats by default)"),
    "share_of": ("本指标为哪一指标占全国的比重", "the indicator whose national share this is"),
    "description_en": ("指标说明（英文）", "description of the indicator (English)"),
    "year": ("数据年份", "data year"),
    "years": ("有数据的年份", "years with figures"),
    "figures": ("数值个数", "number of figures"),
    "value": ("数值（按公布）", "value as published"),
    "qualifier": ("限定：over 超过、about 约、under 不足", "qualifier: over, about, under"),
    "share_national": ("占全国比重（%）", "share of the national total (%)"),
    "share_qualifier": ("比重的限定", "qualifier of the share"),
    "yoy_pct": ("同比（%，edz 计算）", "year-on-year change (%, computed by edz)"),
    "series": ("商务部口径：main-indicators 或 evaluation", "MOFCOM series: main-indicators or evaluation"),
    "primary": ("是否为 edz 默认采用的数值", "whether this is edz's default value"),
    "is_primary": ("是否为 edz 默认采用的数值", "whether this is edz's default value"),
    "period": ("非全年数据的时段", "period when not the full year"),
    "as_of": ("数值所指日期", "day the figure describes"),
    "scope": ("统计范围（多少个经开区）", "which zones the figure covers"),
    "source": ("来源 ID", "source id"),
    "bar": ("条形图（仅供阅读）", "bar chart (for people only)"),
    # documents, areas, measures
    "documents.key": ("--doc 接受的键", "key that --doc accepts"),
    "title_zh": ("中文标题", "title in Chinese"),
    "title_en": ("英文标题", "title in English"),
    "doc_no": ("文号", "document number"),
    "issuer_zh": ("发文机关", "issuer (Chinese)"),
    "issuer_en": ("发文机关（英文）", "issuer (English)"),
    "measure_count": ("措施条数", "number of measures"),
    "document": ("文件 ID", "document id"),
    "area": ("部分 ID", "area (part of a document) id"),
    "position": ("顺序（从 1 起）", "order, from 1"),
    "verified": ("是否已核实", "whether verified"),
    "number": ("措施序号", "measure number"),
    "number_zh": ("中文序号，如（三）", "Chinese number, e.g. （三）"),
    "heading": ("措施标题", "measure heading"),
    "heading_zh": ("措施标题（中文）", "measure heading (Chinese)"),
    "heading_en": ("措施标题（英文）", "measure heading (English)"),
    "heading_status": (
        "verified 已核实、summary 官方摘要措辞、inferred 推断",
        "verified, summary (official summary wording) or inferred",
    ),
    "position_verified": ("部分与序号是否已核实", "whether area and number are attested"),
    "points": ("已证实的要点", "attested key points"),
    "sources": ("来源 ID 列表", "source ids"),
    "measure": ("措施 ID", "measure id"),
    "point": ("要点", "key point"),
    "lang": ("语言：zh 或 en", "language: zh or en"),
    "industry": ("主导产业", "leading industry"),
    "zone": ("经开区 ID", "zone id"),
    "text_zh": ("中文", "Chinese text"),
    "text_en": ("英文", "English text"),
    # rankings, counts, search
    "edition": ("考核评价届次（年份）", "evaluation edition (year)"),
    "data_year": ("所评数据年份", "year whose data is ranked"),
    "list": ("榜单：overall 或分项", "list: overall or a sub-list"),
    "rank": ("名次", "rank"),
    "complete_to": ("该榜单已知到第几名", "how far down the list is known"),
    "zones": ("经开区数", "number of zones"),
    "official": ("官方公布数", "officially reported count"),
    "difference": ("名录推算数减官方数", "count from the roster's dates minus the official count"),
    "official_source": ("官方数来源 ID", "source id of the official count"),
    "score": ("匹配度", "match score"),
    # the Chinese form of a note or text written first in English (issue 15: one language at a time)
    "note_zh": ("说明的中文（英文见 note）", "the note in Chinese (English: note)"),
    "notes_zh": ("其他须知的中文（顺序与 notes 对应）", "the notes in Chinese, in the order of notes"),
    "approved_note_zh": ("批准日期说明的中文", "the note on the approval date in Chinese"),
    "approved_after_note_zh": ("下限说明的中文", "the note on the lower bound in Chinese"),
    "approved_before_note_zh": ("上限说明的中文", "the note on the upper bound in Chinese"),
    "removed_note_zh": ("退出说明的中文", "the note on the removal in Chinese"),
    "codes_note_zh": ("区划代码说明的中文", "the note on the codes in Chinese"),
    "industries_translated": (
        "哪一语言的主导产业是 edz 的译文：en 英文译自中文原文；zh 中文译自英文原文；空 = 均为原文",
        "which language of the industries is edz's translation: en (from the published Chinese), "
        "zh (from the published English); empty: both as published",
    ),
    "sources.title_zh": (
        "方括号内说明的中文（edz 所写；原文标题不译）",
        "the bracketed description in Chinese (edz's; published titles are not translated)",
    ),
    "description_zh": ("指标说明（中文）", "description of the indicator (Chinese)"),
    "scope_zh": ("统计范围的中文", "the scope in Chinese"),
    "scope_note_zh": ("口径说明的中文", "the note on the scope in Chinese"),
}

# the tables of the SQLite / CSV export, and the columns whose meaning there differs from FIELD_HELP
TABLE_HELP: dict[str, Label] = {
    "meta": ("数据集元数据：键与值", "dataset metadata as key/value pairs"),
    "sources": ("每个数值与事实引用的来源", "the sources every figure and fact cites"),
    "regions": ("国家统计局四大区域", "the NBS four-region scheme"),
    "provinces": ("31 个省级行政区", "the 31 provincial units"),
    "zones": ("国家级经开区，一行一个（含已退出的）", "national ETDZs, one row each (removed ones included)"),
    "zone_names": ("经开区的别名与曾用名", "aliases and former names of the zones"),
    "zone_name_sources": ("经开区别名的来源", "the sources of the zones' aliases"),
    "zone_industries": ("经开区的主导产业，按语言与顺序", "leading industries of the zones, by language and order"),
    "zone_highlights": ("经开区亮点，各带来源", "zone highlights, each with its source"),
    "zone_notes": ("经开区备注", "notes on the zones"),
    "indicators": ("edz stats 与 edz trend 的指标", "indicators of edz stats and edz trend"),
    "stats": ("全国经开区合计数值，一行一个公布值", "aggregate figures for the national ETDZs, one published value a row"),
    "documents": ("政策文件", "policy documents"),
    "areas": ("文件的各部分", "the parts of each document"),
    "measures": ("政策措施", "reform measures"),
    "measure_points": ("措施的已证实要点", "attested key points of the measures"),
    "measure_sources": ("措施的来源", "the sources of each measure"),
    "rankings": ("商务部综合发展水平考核评价名次", "MOFCOM comprehensive evaluation ranks"),
    "zone_figures": ("单个经开区自身公布的数值，一行一个", "one zone's own published figures, one value a row"),
    "document_aliases": ("政策文件的别名", "other names of the policy documents"),
}
FIELD_HELP.update(
    {
        "stats.id": ("行号（每次导出重新编号，非稳定 ID）", "row number (renumbered on every export, not a stable id)"),
        "rankings.id": ("行号（每次导出重新编号，非稳定 ID）", "row number (renumbered on every export, not a stable id)"),
        "meta.key": ("元数据键", "metadata key"),
        "meta.value": ("元数据值", "metadata value"),
        "zone_names.kind": (
            "alias：别名；former：曾用名；part-of：所在的更大区域（其数值不是经开区的）",
            "alias, former (name), or part-of (a larger area the zone lies in; its figures are not the zone's)",
        ),
        "zone_name_sources.source": ("别名的来源 ID", "source id of an alias"),
        "zone_names.name": ("名称", "the name"),
        "provinces.name_zh": ("省份全称", "full Chinese name"),
        "provinces.short_zh": ("省份简称", "short Chinese name"),
        "provinces.name_en": ("省份英文名", "English name"),
        "provinces.region": ("所属地区 ID", "region id"),
        "provinces.source": ("地区划分的来源 ID", "source id of the region scheme"),
        "regions.name_zh": ("地区中文名", "Chinese name"),
        "regions.name_en": ("地区英文名", "English name"),
        "zones.province": ("省份 ID", "province id"),
        "zones.region": ("地区 ID", "region id"),
        "indicators.name_zh": ("指标中文名", "indicator name in Chinese"),
        "indicators.name_en": ("指标英文名", "indicator name in English"),
        "areas.name_zh": ("部分中文名", "name of the part in Chinese"),
        "areas.name_en": ("部分英文名", "name of the part in English"),
        "areas.verified": ("部分名称是否已核实", "whether the part's name is verified"),
        "measures.verified": ("标题与位置均已核实", "heading and position both verified"),
        "sources.kind": (
            "official 官方、news 新闻、repost 转载、reference 参考资料、document 文件",
            "official, news, repost, reference or document",
        ),
        "sources.date": ("发布日期", "publication date"),
        "documents.date": ("签发日期", "date signed or issued"),
        "zone_highlights.source": ("该条亮点的来源 ID", "source id of the highlight"),
        "zone_notes.note": ("备注（edz 自己的话）", "note, in edz's own words"),
        "zone_industries.industry": ("一个主导产业", "one leading industry"),
        "zone_figures.id": ("行号（每次导出重新编号，非稳定 ID）", "row number (renumbered on every export, not a stable id)"),
        "zone_figures.scope": (
            "数值归属：zone 经开区本身、district 所在区、new-area 所在新区、other 其他",
            "whose figure: zone (the zone itself), district, new-area or other (see scope_note)",
        ),
        "zone_figures.scope_note": ("口径说明：数值所属实体", "the entity the figure belongs to, where not the zone"),
        "zone_highlights.year": ("亮点所指年份", "year the highlight refers to"),
        "documents.date_source": ("签发日期的来源 ID", "source id of the date"),
        "stats.growth_published": ("来源所述的同比增长（%）", "change on the year before in %, as a source states it"),
        "stats.growth_source": ("同比增长的来源 ID（与 source 不同时）", "source id of growth_published when it is not source"),
        "stats.zones": ("该数值统计的经开区个数（按公布）", "number of zones the figure counts, as published"),
        "documents.measures_partial": (
            "所列措施少于文件实有条数时为 true",
            "true when fewer measures are listed than the document has",
        ),
        "document_aliases.alias": ("--doc 接受的另一个名称", "another name --doc accepts"),
    }
)


def field_help(table: str, column: str) -> Label | None:
    """The description of `column` in `table`: the table's own entry, else the shared one."""
    return FIELD_HELP.get(f"{table}.{column}") or FIELD_HELP.get(column)
