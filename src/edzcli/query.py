"""Pure query functions over a `Dataset`: no printing, no I/O.

Names typed by users are resolved to ids here (`resolve_*`, through `names`): a miss raises
`InputError` with the valid values and a "did you mean". Filters return typed records in a stable
order. The rules behind each command (`zone_listing`, `stats_year`, `policy_measures`, ...) live here
too, so the CLI only parses options; `coverage` and `citations` answer questions about the dataset.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from .errors import InputError, NotFoundError
from .labels import SOURCE_KINDS
from .model import (
    SERIES_RANK,
    Dataset,
    Figure,
    Indicator,
    Measure,
    Ranking,
    Source,
    Stat,
    Zone,
    ZoneFigure,
    convert,
    earliest_day,
)
from .names import choose, parse_int, resolve_name, suggest

ZONE_SORTS = ("province", "approved", "id", "name", "city", "region", "area")


# --------------------------------------------------------------------------- names


def resolve_region(ds: Dataset, text: str) -> str:
    """Region id from an id, Chinese or English name: `west`, `西部`, `West`, `WEST`, `西`."""
    names = {r.id: (r.id, r.name_zh, r.name_en, r.name_zh.rstrip("部")) for r in ds.regions.values()}
    valid = [f"{r.id}/{r.name_zh}" for r in ds.regions.values()]
    return resolve_name("region", text, names, valid, listing="edz regions")


def resolve_province(ds: Dataset, text: str) -> str:
    """Province id from an id, full or short Chinese name (traditional too), English name or pinyin."""
    from .names import fold, latin_key, pinyin_of

    key = fold(text)
    lk = latin_key(key)
    for p in ds.provinces.values():
        if key in (p.name_zh, p.short_zh) or (lk and lk in (p.id.replace("-", ""), latin_key(fold(p.name_en)))):
            return p.id
    by_pinyin = [p.id for p in ds.provinces.values() if lk and pinyin_of(p.short_zh) == lk]
    if len(by_pinyin) == 1:
        return by_pinyin[0]
    names = {p.id: (p.id, p.name_zh, p.short_zh, p.name_en) for p in ds.provinces.values()}
    return resolve_name("province", text, names, list(ds.provinces), listing="edz provinces")


class PlaceNote(NamedTuple):
    """Something the zone list must say about a place filter: `kind` is "several" (one name for
    several cities: Taizhou), "also" (the name also means a real city without a zone: Suzhou and
    宿州), or "none" (a real city with no national ETDZ: 深圳)."""

    kind: str
    query: str
    cities: tuple[tuple[str, str], ...]  # (Chinese name, province short name)


def resolve_city(ds: Dataset, text: str) -> tuple[set[str], list[PlaceNote]]:
    """The zones' `city_zh` values a city name means, and what to say about it: 苏州市, 苏州, Suzhou,
    大理 (大理白族自治州), 奎屯 or 克拉玛依 (the two-city zone), Taizhou (泰州 and 台州, both). A real
    city with no national ETDZ gives no cities and a note; anything else is an InputError."""
    from .names import fold, latin_key, prefectures
    from .search import city_index, short_place

    key = fold(text)
    keys = {key, short_place(key), latin_key(key)}
    found: set[str] = set()
    table = city_index(ds)
    for k in keys:
        found |= table.get(k, set())
    real = [(full, prov) for prov, full, short in prefectures() if {full, short, latin_key(pinyin_key(short))} & keys]
    zone_cities = {short_place(c) for f in found for c in _city_names(f)}
    without = tuple((full, prov) for full, prov in real if short_place(full) not in zone_cities)
    notes: list[PlaceNote] = []
    if found:
        if len(found) > 1:
            shown = tuple((c, ds.provinces[_province_of(ds, c)].short_zh) for c in sorted(found))
            notes.append(PlaceNote("several", text, shown))
        if without:
            notes.append(PlaceNote("also", text, without))
        return found, notes
    if without:
        return set(), [PlaceNote("none", text, without)]
    every = sorted({z.city_en for z in ds.zones.values()} | {z.city_zh for z in ds.zones.values()})
    shorts = sorted({short_place(c) for z in ds.zones.values() for c in _city_names(z.city_zh)})
    shorts += sorted({c for z in ds.zones.values() for c in (z.city_code, z.city_code_2) if c})
    raise InputError("city", text, every, suggest(text, [*shorts, *every]), listing="edz zones --format tsv (the city column)")


def pinyin_key(name: str) -> str:
    from .names import pinyin_of

    return pinyin_of(name)


def _city_names(city_zh: str) -> list[str]:
    from .search import city_parts

    return city_parts(city_zh)


def _province_of(ds: Dataset, city_zh: str) -> str:
    return next(z.province for z in ds.zones.values() if z.city_zh == city_zh)


def split_values(values: str | Iterable[str] | None) -> list[str]:
    """Repeated options and comma lists as one list: `-p 江苏 -p 浙江,安徽` → 江苏, 浙江, 安徽."""
    if values is None:
        return []
    items = [values] if isinstance(values, str) else list(values)
    out = []
    for item in items:
        for sep in "，、":
            item = item.replace(sep, ",")
        out += [v.strip() for v in item.split(",") if v.strip()]
    return out


DOCUMENT_LIST = "list"  # `edz policies --doc list`: the documents themselves


def resolve_document(ds: Dataset, text: str) -> str:
    """Document id from its key (2025, 2024, sip-2024), id, number, full title (either language,
    with or without 《》) or one of its aliases."""
    names = {d.id: (d.id, d.key, d.doc_no or "", d.title_zh, d.title_en, *d.aliases) for d in ds.documents.values()}
    return resolve_name("document", text.strip().strip("《》"), names, [d.key for d in ds.documents.values()] + [DOCUMENT_LIST])


def wants_document_list(text: str | None) -> bool:
    return text is not None and text.strip().lower() == DOCUMENT_LIST


def resolve_area(ds: Dataset, text: str, document: str | None = None) -> str:
    areas = [a for a in ds.areas.values() if document is None or a.document == document]
    names = {a.id: (a.id, a.name_zh, a.name_en) for a in areas}
    return resolve_name("area", text, names, [a.id for a in areas])


def resolve_indicator(ds: Dataset, text: str) -> str:
    """Indicator id from its id, Chinese or English name, a common short form (fdi, FDI, 外资, trade,
    税收: `labels.INDICATOR_ALIASES`) or a unique beginning of an id; else InputError with the
    ids it could mean."""
    from .labels import INDICATOR_ALIASES
    from .names import normalize

    key = normalize(text).replace("_", "-").replace(" ", "-")
    if key in ds.indicators:
        return key
    short = INDICATOR_ALIASES.get(key) or INDICATOR_ALIASES.get(normalize(text))
    if short in ds.indicators:
        return short
    names = {i.id: (i.id, i.name_zh, i.name_en) for i in ds.indicators.values()}
    starting = [i for i in ds.indicators if key and i.startswith(key)]
    if len(starting) == 1:
        return starting[0]
    try:
        return resolve_name("indicator", text, names, list(ds.indicators), listing="edz indicators")
    except InputError as e:
        if len(starting) > 1:
            raise InputError(
                "indicator", text, hint=f"it begins {len(starting)} ids: {', '.join(starting[:8])} (edz indicators lists them)"
            ) from None
        raise e from None


# --------------------------------------------------------------------------- zones


def _sort_key(ds: Dataset, key: str, lang: str = "zh") -> Callable[[Zone], Any]:
    order = {pid: i for i, pid in enumerate(ds.provinces)}
    region_order = {rid: i for i, rid in enumerate(ds.regions)}

    def approved(z: Zone) -> tuple[int, int, int]:
        """Chronological, with the unknown part of a partial date last within its period: a zone
        known only as "1984" sorts after Dalian's 1984-09-25, not before it. Unknown dates last."""
        if not z.approved:
            return (9999, 99, 99)
        parts = [int(p) for p in z.approved.split("-")] + [99, 99]
        return (parts[0], parts[1], parts[2])

    keys = {
        "province": lambda z: (order.get(z.province, 99), approved(z), z.id),
        "approved": lambda z: (approved(z), order.get(z.province, 99), z.id),
        "id": lambda z: z.id,
        # by the name shown: English names alphabetically, Chinese ones by pinyin (the id is the short name's pinyin)
        "name": (lambda z: (z.name_en.casefold(), z.id)) if lang == "en" else (lambda z: z.id),
        "city": lambda z: (z.city_en, z.id),
        "region": lambda z: (region_order.get(z.region, 9), order.get(z.province, 99), approved(z), z.id),
        # unknown areas last in either direction (see zone_listing)
        "area": lambda z: (z.area_km2 is None, z.area_km2 or 0.0, z.id),
    }
    return keys[key]


def parse_sort(text: str, allowed: Sequence[str]) -> tuple[str, bool]:
    """`approved` → ascending, `-approved` → descending."""
    desc = text.startswith("-")
    key = text[1:] if desc else text
    if key not in allowed:
        raise InputError("sort key", text, [*allowed, *(f"-{a}" for a in allowed)], suggest(key, allowed))
    return key, desc


Names = str | Iterable[str] | None


def filter_zones(
    ds: Dataset,
    *,
    region: Names = None,
    province: Names = None,
    city: Names = None,
    industry: str | None = None,
    since: int | None = None,
    until: int | None = None,
    include_removed: bool = False,
    sort: str = "province",
    descending: bool = False,
    limit: int | None = None,
    lang: str = "zh",
) -> list[Zone]:
    """Zones matching every filter given. `region`, `province` and `city` are ids or names as a
    user types them (江苏, Jiangsu, 大理, Taizhou), one or several (a list or a comma list: the
    union); a name that is not understood raises InputError, never an empty answer. `industry`
    is text found in a leading industry (either language). Years are approval years (inclusive);
    a zone whose approval date is unknown never matches a year filter,
    unless its sourced bounds decide it (`year_test`)."""
    for what, year in (("--since year", since), ("--until year", until)):
        if year is not None and not 1 <= year <= 9999:  # a calendar year; 0 or 10000 is not a date
            raise InputError(what, year, hint="give a year from 1 to 9999, e.g. 2010")
    regions = {r if r in ds.regions else resolve_region(ds, r) for r in split_values(region)} if region is not None else None
    provinces = (
        {p if p in ds.provinces else resolve_province(ds, p) for p in split_values(province)} if province is not None else None
    )
    cities: set[str] | None = None
    if city is not None:
        cities = set()
        for c in split_values(city):
            cities |= resolve_city(ds, c)[0]
    needle = None
    if industry is not None:
        from .names import fold

        needle = fold(industry)
        if not needle:
            raise InputError("industry", industry, hint="give a word of a leading industry, e.g. 生物医药 or semiconductor")
    out = []
    for z in ds.zones.values():
        if not include_removed and not z.active:
            continue
        if regions is not None and z.region not in regions:
            continue
        if provinces is not None and z.province not in provinces:
            continue
        if cities is not None and z.city_zh not in cities:
            continue
        if needle is not None and not _has_industry(z, needle):
            continue
        if (since is not None or until is not None) and not year_test(z, since, until):
            continue
        out.append(z)
    if sort not in ZONE_SORTS:
        raise InputError("sort key", sort, ZONE_SORTS)
    out.sort(key=_sort_key(ds, sort, lang), reverse=descending)
    if sort == "area" and descending:  # unknown areas stay last
        out = [z for z in out if z.area_km2 is not None] + [z for z in out if z.area_km2 is None]
    if limit is not None:
        out = out[:limit]
    return out


def _year_decided(z: Zone, since: int | None, until: int | None) -> bool | None:
    """Do the zone's sourced bounds alone decide `since <= approval year <= until`? None: they
    do not (or it has none)."""
    results = []
    if since is not None:
        before_start = z.approved_by(_dt.date(since, 1, 1) - _dt.timedelta(days=1))
        results.append(None if before_start is None else not before_start)
    if until is not None:
        results.append(z.approved_by(_dt.date(until, 12, 31)))
    if any(r is False for r in results):
        return False
    if results and all(r is True for r in results):
        return True
    return None


def year_test(z: Zone, since: int | None, until: int | None) -> bool:
    """`since <= approval year <= until` by the bounds where they decide, else by the year."""
    decided = _year_decided(z, since, until) if z.approval_bounded else None
    if decided is not None:
        return decided
    year = z.approved_year
    if year is None:
        return False
    return (since is None or year >= since) and (until is None or year <= until)


def year_uncertain(z: Zone, since: int | None, until: int | None) -> bool:
    """True when the zone's bounds straddle a --since/--until boundary: the answer rests on an
    unsourced year (or the zone cannot be placed)."""
    return z.approval_bounded and (since is not None or until is not None) and _year_decided(z, since, until) is None


def _has_industry(z: Zone, needle: str) -> bool:
    from .names import fold

    return any(needle in fold(i) for i in (*z.industries_zh, *z.industries_en))


def count_by_region(zones: Iterable[Zone]) -> dict[str, int]:
    counts = {"east": 0, "central": 0, "west": 0, "northeast": 0}
    for z in zones:
        counts[z.region] = counts.get(z.region, 0) + 1
    return counts


def zones_on(ds: Dataset, day: _dt.date) -> list[Zone]:
    """The roster as it stood on `day`, from approval and removal dates (undated zones excluded)."""
    return [z for z in ds.zones.values() if z.present_on(day)]


# --------------------------------------------------------------------------- stats


class StatRow(NamedTuple):
    """One indicator in one year: the primary figure, the other published values, and the
    indicator's share of the national total where a share indicator exists."""

    indicator: Indicator
    stat: Figure
    alternatives: tuple[Figure, ...]
    share: Stat | None


LATEST_MIN_INDICATORS = 3


def latest_year(ds: Dataset, headline_only: bool = True) -> int:
    """The newest year with full-year figures for at least three headline indicators (a year with
    only a zone count is not what "the latest statistics" means); else the newest year at all."""
    per_year: dict[int, set[str]] = {}
    for s in ds.stats:
        if s.period is None and s.as_of is None and (not headline_only or ds.indicators[s.indicator].headline):
            per_year.setdefault(s.year, set()).add(s.indicator)
    if not per_year:
        raise InputError("year", "latest", [], hint="the dataset has no statistics")
    rich = [y for y, inds in per_year.items() if len(inds) >= LATEST_MIN_INDICATORS]
    return max(rich) if rich else max(per_year)


def full_year_years(ds: Dataset) -> list[int]:
    """Years with at least one full-year figure (not part of a year, not a count on one day)."""
    return sorted({s.year for s in ds.stats if s.period is None and s.as_of is None})


def check_year(ds: Dataset, year: int) -> int:
    """`year` when it has full-year figures, else InputError listing the years that have them (a year
    known only from January-September figures or a count on one day is not a year's statistics)."""
    years = full_year_years(ds)
    if year not in years:
        near = min(years, key=lambda y: abs(y - year)) if years else None
        valid = (year_ranges(years) or "").split(", ")
        partial = [s for s in ds.stats if s.year == year]
        if partial:
            what = ", ".join(sorted({f"{s.indicator} ({s.period or s.as_of})" for s in partial}))
            hint = f"{year} has only figures for part of the year or one day: {what} (edz export lists them)"
            raise InputError("year", year, valid, hint=hint)
        raise InputError("year", year, valid, str(near) if near is not None else None)
    return year


SERIES_CHOICES = ("all", "default", "main", "evaluation")
SERIES_ALIASES = {"main-indicators": "main", "primary": "default"}
_SERIES_CODE = {"main": "main-indicators", "evaluation": "evaluation"}


def resolve_series(text: str | None) -> str:
    """`--series` as typed: all (every published figure, the default one marked), default (one
    figure a year, by the series policy), main or evaluation (that MOFCOM release only)."""
    return "all" if text is None else choose("series", text, SERIES_CHOICES, aliases=SERIES_ALIASES)


def in_series(s: Figure, choice: str) -> bool:
    if choice == "all":
        return True
    if choice == "default":
        return s.primary
    return s.series == _SERIES_CODE[choice]


def display_unit(ds: Dataset, s: Figure) -> str:
    """The unit a figure is shown in: its indicator's for the aggregates; a zone's figure as published."""
    return s.unit if isinstance(s, ZoneFigure) else ds.indicators[s.indicator].unit


def display_value(ds: Dataset, s: Figure) -> float:
    """The figure in `display_unit` (exact; the loader refuses an aggregate whose unit cannot be
    converted to its indicator's, e.g. USD under a CNY indicator)."""
    value = convert(s.value, s.unit, display_unit(ds, s))
    return s.value if value is None else value


def year_ranges(years: Sequence[int]) -> str | None:
    """2004, 2006, 2017-2024."""
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


def stats_for_year(
    ds: Dataset, year: int, *, headline_only: bool = True, zone: str | None = None, series: str = "all"
) -> list[StatRow]:
    """Full-year figures for `year` in indicator order; share indicators are folded into the
    row of the indicator they are a share of when that one is shown too. With `zone`, the zone's
    own figures (`ZoneFigure`, every indicator, no national share) instead of the aggregates."""
    by_ind: dict[str, list[Figure]] = {}
    if zone is not None:
        for f in zone_figures(ds, zone):
            if f.year == year and f.zone_scope:  # another scope's figure never stands in a zone's row
                by_ind.setdefault(f.indicator, []).append(f)
        headline_only = False
    for s in ds.stats if zone is None else ():
        if s.year == year and s.period is None and s.as_of is None and in_series(s, series):
            by_ind.setdefault(s.indicator, []).append(s)
    shown = [i for i in ds.indicators.values() if i.id in by_ind and (i.headline or not headline_only)]
    shown_ids = {i.id for i in shown}
    share_for = {i.share_of: i.id for i in ds.indicators.values() if i.share_of}
    rows = []
    for ind in shown:
        if ind.share_of and ind.share_of in shown_ids and headline_only:
            continue  # folded into its base indicator's row
        stats = by_ind[ind.id]
        primary = next((s for s in stats if s.primary), stats[0])
        others = tuple(s for s in stats if s is not primary)
        share = None
        sid = share_for.get(ind.id)
        if sid and sid in by_ind:
            found = next((s for s in by_ind[sid] if s.primary), by_ind[sid][0])
            share = found if isinstance(found, Stat) else None  # a national share belongs to the aggregates
        rows.append(StatRow(ind, primary, others, share))
    return rows


def series(
    ds: Dataset, indicator: str, start: int | None = None, end: int | None = None, zone: str | None = None
) -> list[Figure]:
    """Full-year figures of one indicator, oldest first, every published value (primary first).
    With `zone`, that zone's own figures of its own scope only (a district's figure never joins
    the zone's series)."""
    if zone is not None:
        found: list[Figure] = [
            f
            for f in zone_figures(ds, zone, indicator)
            if f.zone_scope and (start is None or f.year >= start) and (end is None or f.year <= end)
        ]
        found.sort(key=lambda f: (f.year, not f.primary))
        return found
    out: list[Figure] = [
        s
        for s in ds.stats
        if s.indicator == indicator
        and s.period is None
        and s.as_of is None
        and (start is None or s.year >= start)
        and (end is None or s.year <= end)
    ]
    out.sort(key=lambda s: (s.year, not s.primary))
    return out


class TrendRow(NamedTuple):
    """One published figure as `trend` shows it: in the trend's display unit, with its change on
    the year before — the growth rate as published where the source gives one, else computed by
    edz from the previous year's figure of the same series (never across series)."""

    stat: Figure
    value: float  # in `unit` (exact conversion of the published value)
    unit: str  # the trend's display unit, or the figure's own where no exact conversion exists
    yoy_pct: float | None
    yoy_basis: str | None  # "published" | "computed" | None
    yoy_from: Figure | None  # the figure a computed change compares with
    zones_differ: bool  # a computed change between figures that count different numbers of zones


def trend_unit(ds: Dataset, indicator: str, pool: Sequence[Figure]) -> str:
    """The display unit of a trend: the indicator's; for one zone's figures, the unit they all
    share where they share one (a zone's 亿元 stays 亿元)."""
    units = {f.unit for f in pool}
    if pool and all(isinstance(f, ZoneFigure) for f in pool) and len(units) == 1:
        return units.pop()
    return ds.indicators[indicator].unit


def _in_unit(f: Figure, unit: str) -> tuple[float, str]:
    value = convert(f.value, f.unit, unit)
    return (f.value, f.unit) if value is None else (value, unit)


def _same_series_figure(pool: Sequence[Figure], year: int, series_code: str | None) -> Figure | None:
    """The figure of `year` in the same series (an unnamed release compares only with unnamed ones);
    the default figure first where a series has two."""
    cands = [s for s in pool if s.year == year and s.series == series_code]
    return next((s for s in cands if s.primary), cands[0] if cands else None)


def zones_differ(a: Figure, b: Figure) -> bool:
    za, zb = getattr(a, "zones", None), getattr(b, "zones", None)
    return za is not None and zb is not None and za != zb


def figure(ds: Dataset, s: Figure, pool: Sequence[Figure], unit: str | None = None) -> TrendRow:
    """`s` with its y/y, in `unit` (default: the indicator's); `pool` holds every full-year figure
    of the indicator (the year before may lie outside the range shown)."""
    value, shown_unit = _in_unit(s, unit or ds.indicators[s.indicator].unit)
    growth = getattr(s, "growth_published", None)
    if growth is not None:
        return TrendRow(s, value, shown_unit, growth, "published", None, False)
    prev = _same_series_figure(pool, s.year - 1, s.series)
    if prev is None or prev.qualifier or s.qualifier or shown_unit == "percent":
        return TrendRow(s, value, shown_unit, None, None, None, False)
    before, before_unit = _in_unit(prev, shown_unit)
    if not before or before_unit != shown_unit:
        return TrendRow(s, value, shown_unit, None, None, None, False)
    pct = round((value / before - 1) * 100, 1)
    return TrendRow(s, value, shown_unit, pct, "computed", prev, zones_differ(prev, s))


def trend_figures(
    ds: Dataset,
    indicator: str,
    start: int | None = None,
    end: int | None = None,
    series_choice: str = "all",
    zone: str | None = None,
) -> list[TrendRow]:
    """`edz trend`: the figures of one indicator (all zones, or one zone's own) in a year range and
    series (see `resolve_series`). An empty answer is an error naming the years that exist, like
    `edz stats 2030`."""
    check_range("year range", start, end, "--from is after --to")
    pool = series(ds, indicator, zone=zone)
    shown = [
        s for s in pool if (start is None or s.year >= start) and (end is None or s.year <= end) and in_series(s, series_choice)
    ]
    if not shown:
        have = sorted({s.year for s in pool if in_series(s, series_choice)})
        where = f"{start if start is not None else ''}..{end if end is not None else ''}"
        what = indicator if series_choice == "all" else f"{indicator} ({series_choice} series)"
        if zone is not None:
            what += f" of {zone}"
        hint = f"no {what} figure in that range; years with one: {year_ranges(have) or 'none'}"
        raise InputError("year range", where, hint=hint)
    unit = trend_unit(ds, indicator, shown)
    return [figure(ds, s, pool, unit) for s in shown]


class RangeChange(NamedTuple):
    """Change over the range shown, between the first and last figures of one series."""

    series: str | None
    first: TrendRow
    last: TrendRow
    change: float  # last - first, in the display unit
    change_pct: float
    cagr_pct: float  # average annual growth between the two years
    missing: tuple[int, ...]  # years between them with no figure of this series
    zones_differ: bool


def range_changes(figures: Sequence[TrendRow]) -> list[RangeChange]:
    """One line per series with two or more full-year figures in the range (the policy's order:
    main indicators, evaluation, release not named). Figures with a qualifier (">6600") are left
    out: a growth rate from "more than" is not a number. Shares (percent) get none, nor figures
    that are not in one unit."""
    by_series: dict[str | None, dict[int, TrendRow]] = {}
    units = {f.unit for f in figures}
    for f in figures:
        if f.stat.qualifier or f.unit == "percent" or len(units) > 1:
            continue
        years = by_series.setdefault(f.stat.series, {})
        if f.stat.year not in years or (f.stat.primary and not years[f.stat.year].stat.primary):
            years[f.stat.year] = f
    out = []
    for code in sorted(by_series, key=lambda c: SERIES_RANK.get(c, 2)):
        years = by_series[code]
        if len(years) < 2:
            continue
        first, last = years[min(years)], years[max(years)]
        if first.value <= 0:
            continue
        span = last.stat.year - first.stat.year
        ratio = last.value / first.value
        out.append(
            RangeChange(
                series=code,
                first=first,
                last=last,
                change=round(last.value - first.value, 10),
                change_pct=round((ratio - 1) * 100, 1),
                cagr_pct=round((ratio ** (1 / span) - 1) * 100, 1),
                missing=tuple(y for y in range(first.stat.year + 1, last.stat.year) if y not in years),
                zones_differ=zones_differ(first.stat, last.stat),
            )
        )
    return out


# --------------------------------------------------------------------------- one zone's figures


def zone_figures(ds: Dataset, zone: str, indicator: str | None = None) -> list[ZoneFigure]:
    """A zone's figures in indicator order, newest year first, primary before alternatives."""
    order = {iid: i for i, iid in enumerate(ds.indicators)}
    out = [f for f in ds.zone_figures if f.zone == zone and (indicator is None or f.indicator == indicator)]
    out.sort(key=lambda f: (order.get(f.indicator, 999), -f.year, not f.primary))
    return out


def latest_zone_figures(ds: Dataset, zone: str) -> dict[str, ZoneFigure]:
    """indicator id → the zone's newest primary figure of its own scope."""
    out: dict[str, ZoneFigure] = {}
    for f in zone_figures(ds, zone):
        if f.primary and f.zone_scope and f.indicator not in out:
            out[f.indicator] = f
    return out


def zone_stats_year(ds: Dataset, zone: str, text: str | None) -> int:
    """The year `edz stats --zone` shows: as typed (one of the zone's years), or its newest year
    with a GDP, trade or FDI figure (else its newest year). NotFoundError when it has none."""
    years = sorted({f.year for f in ds.zone_figures if f.zone == zone})
    if not years:
        raise NotFoundError(f"edz has no figures of the zone {zone!r} itself (see docs/zone-figures.md for where we looked)")
    if text is None or text.strip().lower() == "latest":
        core = [f.year for f in ds.zone_figures if f.zone == zone and f.indicator in CORE_ZONE_INDICATORS]
        return max(core) if core else years[-1]
    year = parse_int("year", text, [str(y) for y in years])
    if year not in years:
        near = min(years, key=lambda y: abs(y - year))
        raise InputError(f"year for zone {zone}", year, [str(y) for y in years], str(near))
    return year


CORE_ZONE_INDICATORS = ("gdp", "trade-total", "fdi-actual")
COMPARE_INDICATORS = (
    "gdp",
    "trade-total",
    "fdi-actual",
    "fiscal-revenue",
    "industrial-output-above-scale",
    "high-tech-enterprises",
)


def compare_zones(ds: Dataset, queries: Sequence[str]) -> list[Zone]:
    """`edz compare`: two or more zones, each resolved like `edz zone`, no zone twice."""
    from .search import get_zone

    if len(queries) < 2:
        raise InputError("zones", " ".join(queries), hint="give at least two zones to compare")
    zones = [get_zone(ds, q) for q in queries]
    seen: set[str] = set()
    for q, z in zip(queries, zones, strict=True):
        if z.id in seen:
            raise InputError("zones", q, hint=f"{z.id} is named twice")
        seen.add(z.id)
    return zones


# --------------------------------------------------------------------------- policies


def filter_measures(ds: Dataset, *, document: str | None = None, area: str | None = None) -> list[Measure]:
    doc_order = {d: i for i, d in enumerate(ds.documents)}
    out = [m for m in ds.measures.values() if (document is None or m.document == document) and (area is None or m.area == area)]
    out.sort(key=lambda m: (doc_order.get(m.document, 99), m.number))
    return out


# --------------------------------------------------------------------------- the roster over time

COUNT_INDICATOR = "zone-count"


def parse_day(text: str) -> _dt.date:
    """YYYY-MM-DD, or YYYY-MM / YYYY meaning the last day of that month / year."""
    import calendar

    t = text.strip()
    parts = t.split("-")
    try:
        if len(parts) == 3 and len(parts[0]) == 4:
            return _dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2 and len(parts[0]) == 4:
            y, m = int(parts[0]), int(parts[1])
            return _dt.date(y, m, calendar.monthrange(y, m)[1])
        if len(parts) == 1 and len(t) == 4:
            return _dt.date(int(t), 12, 31)
    except ValueError:
        pass
    raise InputError("date", text, hint="give YYYY-MM-DD, YYYY-MM or YYYY")


def roster_on(ds: Dataset, day: _dt.date) -> tuple[list[Zone], list[Zone]]:
    """(zones on the list on `day` by their dates, zones whose approval date is unknown and that
    had not left by then). The second group cannot be placed in time and is reported apart."""
    present = [z for z in ds.zones.values() if z.present_on(day)]
    undated = [z for z in ds.zones.values() if z.present_on(day) is None and not (z.removed and earliest_day(z.removed) <= day)]
    return present, undated


def _described_day(s: Stat) -> _dt.date:
    return earliest_day(s.as_of) if s.as_of else _dt.date(s.year, 12, 31)


def official_counts(ds: Dataset, day: _dt.date) -> tuple[_dt.date | None, dict[str, Stat]]:
    """The most recent officially reported zone counts on or before `day`: the date they
    describe and {"total" | region id: stat}."""
    counts = [
        s
        for s in ds.stats
        if s.primary and s.period is None and (s.indicator == COUNT_INDICATOR or s.indicator.startswith(COUNT_INDICATOR + "-"))
    ]
    counts = [
        s for s in counts if s.indicator == COUNT_INDICATOR or s.indicator.removeprefix(COUNT_INDICATOR + "-") in ds.regions
    ]
    days = sorted({_described_day(s) for s in counts if _described_day(s) <= day})
    if not days:
        return None, {}
    last = days[-1]
    out: dict[str, Stat] = {}
    for s in counts:
        if _described_day(s) == last:
            key = "total" if s.indicator == COUNT_INDICATOR else s.indicator.removeprefix(COUNT_INDICATOR + "-")
            out[key] = s
    return last, out


def count_by_province(ds: Dataset, zones: Iterable[Zone]) -> dict[str, int]:
    """Zones per province, every province present (0 where none), in the dataset's order."""
    counts = {p: 0 for p in ds.provinces}
    for z in zones:
        counts[z.province] += 1
    return counts


class ProvinceCounts(NamedTuple):
    """Zones per province, as `edz provinces` and `edz map` count them: the roster on `day`, or
    (with a year range) the zones approved in `since`..`until`, later removals included."""

    counts: dict[str, int]
    total: int
    undated: list[Zone]  # zones with an unknown approval date: never counted, always reported
    day: _dt.date | None
    since: int | None = None
    until: int | None = None
    beyond_data: bool = False  # `day` is after the data's as-of date (the view must say so)


def province_counts(
    ds: Dataset, *, as_of: str | None = None, since: int | None = None, until: int | None = None
) -> ProvinceCounts:
    """The one count behind `edz provinces` and `edz map`: `as_of` (a date as typed; default
    the data's as-of date) for the roster on that day, or `since`/`until` (approval years, inclusive) for the
    zones approved in that range, whether or not they are still on the list (as
    `edz zones --since --until --all` lists them). The two cannot be combined."""
    if as_of is not None and (since is not None or until is not None):
        raise InputError("--as-of", as_of, hint="give either --as-of DATE or --since/--until YEAR, not both")
    if since is not None or until is not None:
        check_range("year range", since, until, "--since is after --until")
        found = filter_zones(ds, since=since, until=until, include_removed=True)
        undated = [z for z in ds.zones.values() if z.approved is None]
        return ProvinceCounts(count_by_province(ds, found), len(found), undated, None, since, until)
    day, beyond = roster_day(ds, as_of)
    present, undated = roster_on(ds, day)
    return ProvinceCounts(count_by_province(ds, present), len(present), undated, day, beyond_data=beyond)


# what `edz map --value` can show per province. A zone figure (issue 13) would add its id here
# with (sum, zones that state it, zones): the map shows the sum only beside "n/N zones"
MAP_VALUES = ("zones", "share")


def map_value(text: str) -> str:
    return choose("map value", text, MAP_VALUES, aliases={"count": "zones", "pct": "share", "percent": "share"})


class YearCount(NamedTuple):
    year: int
    roster: int  # zones on the list at the year end by their dates
    undated: int  # zones with no approval date that may or may not count
    approved: int  # approvals dated in that year
    removed: int  # removals dated in that year of zones the roster counted (approval date known)
    official: Stat | None
    removed_unplaced: tuple[str, ...] = ()  # removed that year, approval date unknown: never in the roster


def data_day(ds: Dataset) -> _dt.date:
    """The day the data describe (`meta.as_of`): the default of every point-in-time view."""
    return earliest_day(ds.meta.as_of)


def roster_day(ds: Dataset, as_of: str | None) -> tuple[_dt.date, bool]:
    """The day a point-in-time view describes: `as_of` as typed, else the data's as-of date (never
    the clock), and whether that day lies after the data's as-of date (the view must say so)."""
    day = parse_day(as_of) if as_of is not None else data_day(ds)
    return day, day > data_day(ds)


def history(ds: Dataset) -> list[YearCount]:
    """Zones on the list at each year end, from approval and removal dates, beside the official
    year-end count where one is stored."""
    years = [z.approved_year for z in ds.zones.values() if z.approved_year is not None]
    if not years:
        return []
    official = {
        s.year: s for s in ds.stats if s.indicator == COUNT_INDICATOR and s.primary and s.period is None and s.as_of is None
    }
    last = max([*years, *official]) if official else max(years)
    out = []
    for y in range(min(years), last + 1):
        present, undated = roster_on(ds, _dt.date(y, 12, 31))
        gone = [z for z in ds.zones.values() if z.removed and int(z.removed[:4]) == y]
        out.append(
            YearCount(
                year=y,
                roster=len(present),
                undated=len(undated),
                approved=sum(1 for z in ds.zones.values() if z.approved_year == y),
                # count = previous + approved - removed by construction: a zone whose approval date
                # is unknown was never in the roster, so its removal is a note, not arithmetic
                removed=sum(1 for z in gone if z.approved is not None),
                official=official.get(y),
                removed_unplaced=tuple(z.id for z in gone if z.approved is None),
            )
        )
    return out


# --------------------------------------------------------------------------- rankings


def ranking_lists(ds: Dataset) -> list[tuple[int, str]]:
    """(edition, list) pairs that exist, newest first."""
    return sorted({(r.edition, r.list) for r in ds.rankings}, key=lambda p: (-p[0], p[1]))


def rankings(ds: Dataset, edition: int | None = None, list_id: str = "overall") -> tuple[int, list[Ranking]]:
    lists = ranking_lists(ds)
    if not lists:
        raise NotFoundError(f"the data file {ds.path} has no rankings")  # a valid question with no answer
    lists_here = sorted({lst for _, lst in lists})
    if list_id not in lists_here:
        raise InputError("ranking list", list_id, lists_here, suggest(list_id, lists_here))
    editions = sorted({e for e, lst in lists if lst == list_id}, reverse=True)
    if edition is None:
        edition = editions[0]
    elif edition not in editions:
        every = sorted({e for e, _ in lists}, reverse=True)
        only = ", ".join(str(e) for e in editions)
        if edition in every:  # the edition exists, the list does not: say which is missing
            others = sorted({lst for e, lst in lists if e == edition})
            raise InputError(
                "ranking list",
                list_id,
                hint=f"list {list_id} exists only for edition{'s' if len(editions) > 1 else ''} {only}; "
                f"edition {edition} has: {', '.join(others)}",
            )
        near = min(editions, key=lambda e: abs(e - edition))
        raise InputError("edition", edition, [str(e) for e in editions], str(near))
    rows = sorted((r for r in ds.rankings if r.edition == edition and r.list == list_id), key=lambda r: r.rank)
    return edition, rows


def parse_edition(ds: Dataset, text: str) -> int:
    """An edition year typed by a user; InputError listing the editions when it is not a number."""
    return parse_int("edition", text, [str(e) for e in sorted({r.edition for r in ds.rankings})])


# --------------------------------------------------------------------------- what the commands ask


def check_range(what: str, start: int | None, end: int | None, hint: str) -> None:
    """InputError when both ends of a year range are given and the first is after the second."""
    if start is not None and end is not None and start > end:
        raise InputError(what, f"{start}..{end}", hint=hint)


class ZoneListing(NamedTuple):
    zones: list[Zone]
    undated: list[Zone]  # with --as-of: zones whose approval date is unknown (cannot be placed in time)
    total: int = 0  # how many matched before --limit
    day: _dt.date | None = None  # with --as-of: the day described
    beyond_data: bool = False  # that day is after the data's as-of date
    uncertain: tuple[Zone, ...] = ()  # bounds straddle a --since/--until/--as-of date: placed by an unsourced year
    notes: tuple[PlaceNote, ...] = ()  # what the city filter must say (Taizhou = two cities, 深圳 has none)


def zone_listing(
    ds: Dataset,
    *,
    region: Names = None,
    province: Names = None,
    city: Names = None,
    industry: str | None = None,
    since: int | None = None,
    until: int | None = None,
    include_removed: bool = False,
    sort: str = "province",
    limit: int | None = None,
    as_of: str | None = None,
    lang: str = "zh",
) -> ZoneListing:
    """`edz zones`: names as typed by a user (resolved here), a sort key with optional `-`, and
    `as_of` (a date as typed) for the roster on that day; the limit applies after everything else."""
    key, desc = parse_sort(sort, ZONE_SORTS)
    check_range("year range", since, until, "--since is after --until")
    notes: list[PlaceNote] = []
    cities: list[str] | None = None
    if city is not None:
        cities = []
        for c in split_values(city):
            found_cities, said = resolve_city(ds, c)
            cities += sorted(found_cities)
            notes += said
    found = filter_zones(
        ds,
        region=region,
        province=province,
        city=cities,
        industry=industry,
        since=since,
        until=until,
        include_removed=include_removed or as_of is not None,
        sort=key,
        descending=desc,
        lang=lang,
    )
    undated: list[Zone] = []
    day, beyond = None, False
    uncertain: list[Zone] = []
    pool: list[Zone] = []
    if since is not None or until is not None or as_of is not None:
        # the zones the other filters keep, whatever their date: which of them did the bounds leave open?
        pool = filter_zones(
            ds,
            region=region,
            province=province,
            city=cities,
            industry=industry,
            include_removed=include_removed or as_of is not None,
        )
        uncertain = [z for z in pool if year_uncertain(z, since, until)]
    if as_of is not None:
        day, beyond = roster_day(ds, as_of)
        found = [z for z in found if z.present_on(day)]
        undated = roster_on(ds, day)[1]
        uncertain += [z for z in pool if z.bounds_straddle(day) and z not in uncertain]
    total = len(found)
    if limit is not None:
        found = found[:limit]
    return ZoneListing(found, undated, total, day, beyond, tuple(uncertain), tuple(notes))


def stats_year(ds: Dataset, text: str | None) -> int:
    """The data year `edz stats` shows: as typed, or the latest (`None` or "latest")."""
    if text is None or text.strip().lower() == "latest":
        return latest_year(ds)
    return check_year(ds, parse_int("year", text, (year_ranges(full_year_years(ds)) or "").split(", ")))


def stats_rows(
    ds: Dataset, year: int, *, all_indicators: bool = False, zone: str | None = None, series: str = "all"
) -> list[StatRow]:
    """The rows `edz stats YEAR` shows: the headline indicators, or every indicator when the year
    has no headline figure (a year known only for, say, a patent count still answers). With
    `zone`, every figure of that zone in that year; `series` as `resolve_series` returns it (no
    figure of the chosen series that year is an InputError)."""
    if zone is not None:
        return stats_for_year(ds, year, zone=zone)
    rows = stats_for_year(ds, year, headline_only=not all_indicators, series=series)
    if not rows and not all_indicators:
        rows = stats_for_year(ds, year, headline_only=False, series=series)
    if not rows and series != "all":
        have = sorted({s.year for s in ds.stats if s.period is None and s.as_of is None and in_series(s, series)})
        raise InputError("series", series, hint=f"no {series} figure for {year}; years with one: {year_ranges(have) or 'none'}")
    return rows


DEFAULT_DOCUMENT = "2025"  # `edz policies` without --doc or --area: the newest work plan


def policy_measures(ds: Dataset, document: str | None = None, area: str | None = None) -> list[Measure]:
    """`edz policies`: document and area as typed; an area implies its document; neither means
    the default document."""
    doc = resolve_document(ds, document) if document is not None else None
    area_id = None
    if area is not None:
        area_id = resolve_area(ds, area, doc)
        doc = ds.areas[area_id].document
    if doc is None:
        doc = resolve_document(ds, DEFAULT_DOCUMENT)
    return filter_measures(ds, document=doc, area=area_id)


# --------------------------------------------------------------------------- sources and coverage


def get_source(ds: Dataset, source_id: str) -> Source:
    """A source by id, or by the unique beginning of one (`xinhua-2024`); several sources with
    that beginning are named in the InputError."""
    key = source_id.strip().lower()
    if key in ds.sources:
        return ds.sources[key]
    starting = [s for s in ds.sources if key and s.startswith(key)]
    if len(starting) == 1:
        return ds.sources[starting[0]]
    if starting:
        raise InputError(
            "source id", source_id, hint=f"it begins {len(starting)} ids: {', '.join(starting[:8])} (edz sources lists them)"
        )
    raise InputError("source id", source_id, [], suggest(source_id, ds.sources), hint=None)


def filter_sources(ds: Dataset, kind: str | None = None, outlet: str | None = None) -> list[Source]:
    """Sources in data order; `kind` is one of `labels.SOURCE_KINDS`; `outlet` is text in the
    outlet's name, Chinese or English (新华社, Xinhua, china daily). An outlet no source has is an
    InputError naming the closest one."""
    from .names import fold

    key = choose("source kind", kind, list(SOURCE_KINDS)) if kind is not None else None
    out = [s for s in ds.sources.values() if key is None or s.kind == key]
    if outlet is not None:
        needle = fold(outlet)
        out = [s for s in out if needle and (needle in fold(s.outlet) or needle in fold(s.outlet_en or ""))]
        if not out:
            outlets = sorted({s.outlet for s in ds.sources.values()} | {s.outlet_en for s in ds.sources.values() if s.outlet_en})
            raise InputError("outlet", outlet, outlets, suggest(outlet, outlets), listing="edz sources")
    return out


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
        cite(z.codes_source, f"zone:{z.id}.codes")
        cite(z.approved_after_source, f"zone:{z.id}.approved_after")
        cite(z.approved_before_source, f"zone:{z.id}.approved_before")
        for src in z.name_sources:
            cite(src, f"zone:{z.id}.names")
        for i, h in enumerate(z.highlights, 1):
            cite(h.source, f"zone:{z.id}.highlight{i}")
    for p in ds.provinces.values():
        cite(p.source, f"province:{p.id}")
    for st in ds.stats:
        cite(st.source, f"stat:{st.indicator}:{st.year}")
        cite(st.growth_source, f"stat:{st.indicator}:{st.year}.growth")
    for d in ds.documents.values():
        cite(d.source, f"document:{d.id}")
    for m in ds.measures.values():
        for src in m.sources:
            cite(src, f"measure:{m.id}")
    for r in ds.rankings:
        cite(r.source, f"ranking:{r.edition}:{r.list}:{r.rank}")
    for d in ds.documents.values():
        cite(d.date_source, f"document:{d.id}.date")
    for f in ds.zone_figures:
        cite(f.source, f"zone-figure:{f.zone}:{f.indicator}:{f.year}")
    return uses


def coverage(ds: Dataset) -> dict[str, dict[str, int]]:
    """How many active zones have each fact, and how many of those carry a source."""
    active = ds.active_zones
    n = len(active)
    with_figures = {f.zone for f in ds.zone_figures if f.zone_scope}

    def cnt(pred: Callable[[Zone], bool]) -> int:
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
        "approved_bounds": {
            "zones": n,
            "with_value": cnt(lambda z: z.approval_bounded),
            "sourced": cnt(lambda z: z.approval_bounded and bool(z.approved_after_source or z.approved_before_source)),
        },
        "approved_both_bounds": {
            "zones": n,
            "with_value": cnt(lambda z: z.approval_bounded and bool(z.approved_after and z.approved_before)),
            "sourced": cnt(lambda z: z.approval_bounded and bool(z.approved_after_source and z.approved_before_source)),
        },
        "approved_neither": {
            "zones": n,
            "with_value": cnt(lambda z: not z.approved_verified and not z.approval_bounded),
            "sourced": 0,
        },
        "codes": {
            "zones": n,
            "with_value": cnt(lambda z: bool(z.province_code and z.city_code)),
            "sourced": cnt(lambda z: bool(z.province_code and z.city_code) and z.codes_source is not None),
        },
        "zone_code": {
            "zones": n,
            "with_value": cnt(lambda z: z.zone_code is not None),
            "sourced": cnt(lambda z: z.zone_code is not None and z.codes_source is not None and z.code_vintage is not None),
        },
        "facts": {"zones": n, "with_value": cnt(lambda z: bool(z.highlights)), "sourced": cnt(lambda z: bool(z.highlights))},
        "figures": {
            "zones": n,
            "with_value": cnt(lambda z: z.id in with_figures),
            "sourced": cnt(lambda z: z.id in with_figures),
        },
    }
