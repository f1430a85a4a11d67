"""Every vocabulary and every people-facing text of edz, once, in both languages.

This is the one home of translations: a translator edits this file and nothing else.
- Vocabularies (`UNITS`, `SERIES`, `AREA_KINDS`, ...) map a stored code to its `(zh, en)` label.
  The loader takes the allowed values of a field from the keys, so a code cannot be valid in the
  data and unlabelled on screen.
- `COLUMNS` holds the column headings of each view, `TEXT` the titles, notes and messages;
  `{name}` fields in them are filled with `str.format`.
Pure data and two tiny helpers; no imports, so every module may use it.
"""

from __future__ import annotations

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
REMOVED_BASIS: dict[str, Label] = {"confirmed": ("已证实", "confirmed"), "inferred": ("推断", "inferred")}
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
        "approved_note": ("批准时间说明", "note on the date"),
        "creation": ("设立方式", "how it was created"),
        "status": ("状态", "status"),
        "removed_note": ("退出说明", "removal note"),
        "area": ("面积", "area"),
        "industries": ("主导产业", "leading industries"),
        "rankings": ("综合考核排名（届次）", "evaluation rank (edition)"),
        "highlight": ("亮点 {i}", "highlight {i}"),
        "note": ("备注 {i}", "note {i}"),
        "membership_source": ("名录来源", "listed as national ETDZ by"),
    },
    "search": {
        "kind": ("类别", "kind"),
        "id": ("ID", "id"),
        "name": ("名称", "name"),
        "score": ("匹配度", "score"),
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
    # shown in English mode only: Chinese names are never systematic
    "zones.systematic": (
        "~ systematic English name (no official English name found)",
        "~ systematic English name (no official English name found)",
    ),
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
    "zone.approved_unverified": (" （未核实：尚无可引用来源）", " (unverified: no citable source yet)"),
    "rank.unverified": ("（未核实）", " (unverified)"),
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
        "{undated} 个批准时间未知（未计入）；官方数的口径（参评数、年中数）可能与年末名录不同。",
        "differences can come from: {year_only} approval dates known only to the year (counted from 1 January); "
        "{unsourced} approval dates not yet sourced; {undated} unknown approval dates (not counted); "
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
