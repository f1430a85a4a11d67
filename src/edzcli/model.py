"""Typed records of the dataset: immutable NamedTuples, no I/O, no validation here.

The loader (`edzcli.loader`) builds these from `data/zones.toml` after checking the schema;
`docs/schema.md` describes every field. NamedTuple rather than dataclass: the records are built
on every run of `edz`, and NamedTuple classes cost a fifth of a dataclass's import time.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, NamedTuple

REGION_IDS = ("east", "central", "west", "northeast")


def earliest_day(partial: str) -> _dt.date:
    """First day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) can stand for."""
    parts = [int(p) for p in partial.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return _dt.date(parts[0], parts[1], parts[2])


# unit id -> (dimension, size of one unit in the dimension's base): 万亿元 = 10^12 元, 亿美元 = 10^8 USD.
# Converting within a dimension is exact arithmetic; across dimensions (CNY vs USD) it is refused:
# an exchange rate is not arithmetic.
UNIT_SCALE: dict[str, tuple[str, int]] = {
    "trillion-cny": ("cny", 10**12),
    "100m-cny": ("cny", 10**8),
    "100m-usd": ("usd", 10**8),
    "billion-usd": ("usd", 10**9),
    "percent": ("percent", 1),
    "count": ("count", 1),
    "km2": ("km2", 1),
}


def unit_dimension(unit: str) -> str:
    return UNIT_SCALE[unit][0] if unit in UNIT_SCALE else unit


def convert(value: float, unit: str, to: str) -> float | None:
    """`value` in `unit` expressed in `to`, exactly (decimal arithmetic on the published digits:
    10137 亿元 is 1.0137 万亿元, not 1.0136999…); None when the two units measure different things."""
    if unit == to:
        return value
    if unit not in UNIT_SCALE or to not in UNIT_SCALE or UNIT_SCALE[unit][0] != UNIT_SCALE[to][0]:
        return None
    from decimal import Decimal

    exact = Decimal(repr(value)) * UNIT_SCALE[unit][1] / UNIT_SCALE[to][1]
    return float(exact)


def latest_day(partial: str) -> _dt.date:
    """Last day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) can stand for."""
    import calendar

    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 1:
        return _dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return _dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return _dt.date(parts[0], parts[1], parts[2])


def precision_of(partial: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[partial.count("-") + 1]


class Meta(NamedTuple):
    schema_version: int
    data_version: str
    as_of: str
    title_zh: str
    title_en: str


class Source(NamedTuple):
    id: str
    outlet: str
    title: str
    kind: str
    outlet_en: str | None = None
    date: str | None = None
    url: str | None = None
    note: str | None = None
    title_zh: str | None = None  # a descriptive [title] of ours, in Chinese (title is English)
    note_zh: str | None = None


class Region(NamedTuple):
    id: str
    name_zh: str
    name_en: str


class Province(NamedTuple):
    id: str
    name_zh: str
    short_zh: str
    name_en: str
    region: str
    source: str


class Highlight(NamedTuple):
    """One sourced fact about a zone (stored as `highlights`): text in both languages, the year it
    describes, and optionally the figure it states (value, unit, qualifier)."""

    text_zh: str
    text_en: str
    source: str
    year: int | None = None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    note: str | None = None
    note_zh: str | None = None


class Zone(NamedTuple):
    id: str
    name_zh: str
    short_zh: str
    name_en: str
    name_en_status: str
    province: str
    city_zh: str
    city_en: str
    region: str
    creation: str
    membership_source: str
    status: str
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    former_names_verified: bool = True
    name_en_source: str | None = None
    approved: str | None = None
    approved_source: str | None = None
    approved_note: str | None = None
    removed: str | None = None
    removed_basis: str | None = None
    removed_source: str | None = None
    removed_note: str | None = None
    area_km2: float | None = None
    area_kind: str | None = None
    area_year: int | None = None
    area_source: str | None = None
    industries_zh: tuple[str, ...] = ()
    industries_en: tuple[str, ...] = ()
    industries_source: str | None = None
    highlights: tuple[Highlight, ...] = ()
    notes: tuple[str, ...] = ()
    # NBS statistical division codes (统计用区划代码; province and city codes as in GB/T 2260)
    province_code: str | None = None
    city_code: str | None = None
    city_code_2: str | None = None
    zone_code: str | None = None
    code_vintage: int | None = None
    codes_source: str | None = None
    codes_note: str | None = None
    # bounds on an unsourced approval date: still not national on `approved_after`, national by
    # `approved_before`; each with its source, basis (stated / inferred) and the supporting words
    approved_after: str | None = None
    approved_after_source: str | None = None
    approved_after_basis: str | None = None
    approved_after_note: str | None = None
    approved_before: str | None = None
    approved_before_source: str | None = None
    approved_before_basis: str | None = None
    approved_before_note: str | None = None
    part_of: tuple[str, ...] = ()
    name_sources: tuple[str, ...] = ()
    # Chinese forms of the English notes above (the English field is the reference text of a note;
    # labels.local picks the one for the language shown), and which side of the industries is our
    # translation ("en": industries_en translates the published Chinese list; "zh": the reverse)
    approved_note_zh: str | None = None
    removed_note_zh: str | None = None
    codes_note_zh: str | None = None
    approved_after_note_zh: str | None = None
    approved_before_note_zh: str | None = None
    notes_zh: tuple[str, ...] = ()
    industries_translated: str | None = None

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def approved_verified(self) -> bool:
        """True when the approval date is backed by a source; an unsourced date is shown flagged."""
        return self.approved is not None and self.approved_source is not None

    @property
    def approved_year(self) -> int | None:
        return int(self.approved[:4]) if self.approved else None

    @property
    def approval_window(self) -> tuple[_dt.date | None, _dt.date | None]:
        """(first, last) day the approval can have fallen on by its sourced bounds (None: open).
        `approved_after` is a day the zone was still not national, so the window starts the day
        after it (after a month or year: after its first day); `approved_before` a day it was
        national, so the window ends then (a month or year: its last day)."""
        lo = earliest_day(self.approved_after) + _dt.timedelta(days=1) if self.approved_after else None
        hi = latest_day(self.approved_before) if self.approved_before else None
        return lo, hi

    @property
    def approval_bounded(self) -> bool:
        """True when the approval date is unsourced but at least one sourced bound brackets it."""
        return not self.approved_verified and (self.approved_after is not None or self.approved_before is not None)

    def approved_by(self, day: _dt.date) -> bool | None:
        """Was the zone approved on or before `day` by its sourced bounds? None when the bounds
        do not decide (or there are none); a sourced date is not asked here."""
        if not self.approval_bounded:
            return None
        lo, hi = self.approval_window
        if hi is not None and hi <= day:
            return True
        if lo is not None and lo > day:
            return False
        return None

    def present_on(self, day: _dt.date) -> bool | None:
        """Was the zone on the national list on `day`? None when its approval date is unknown.

        Partial dates count from their first possible day (an approval dated `2013` counts from
        2013-01-01); `docs/decisions.md` explains why. For an unsourced date, sourced bounds that
        decide the question win over the year (they never contradict it: the loader checks).
        """
        by_bounds = self.approved_by(day)
        if by_bounds is None:
            if self.approved is None:
                return None
            if earliest_day(self.approved) > day:
                return False
        elif not by_bounds:
            return False
        return not (self.removed is not None and earliest_day(self.removed) <= day)

    def bounds_straddle(self, day: _dt.date) -> bool:
        """True when the zone's approval is unsourced, bounded, and the bounds leave open whether
        it came by `day`: the answer rests on the unsourced year (or is unknown)."""
        return self.approval_bounded and self.approved_by(day) is None


class Indicator(NamedTuple):
    id: str
    name_zh: str
    name_en: str
    unit: str
    headline: bool = False
    share_of: str | None = None
    description_en: str | None = None
    description_zh: str | None = None


class Stat(NamedTuple):
    indicator: str
    year: int
    value: float
    unit: str
    scope: str
    source: str
    qualifier: str | None = None
    period: str | None = None
    as_of: str | None = None
    series: str | None = None
    primary: bool = True
    zones: int | None = None  # number of zones the figure counts, as published (e.g. 54)
    growth_published: float | None = None  # growth on the year before in %, as a source states it
    growth_source: str | None = None  # the source of growth_published when it is not `source`
    note: str | None = None
    scope_zh: str | None = None
    note_zh: str | None = None


# the series policy, one rule for every command: MOFCOM's main-indicators release where it exists,
# else its evaluation release, else a figure whose release is not named (lower rank = preferred)
SERIES_RANK: dict[str | None, int] = {"main-indicators": 0, "evaluation": 1, None: 2}


class Document(NamedTuple):
    id: str
    key: str
    title_zh: str
    title_en: str
    doc_no: str | None  # None: the document has no number (a Central Committee decision)
    issuer_zh: str
    issuer_en: str
    date: str | None  # None: no citable date
    measure_count: int
    source: str
    date_source: str | None = None
    aliases: tuple[str, ...] = ()
    measures_partial: bool = False  # True: fewer measures are listed than the document has
    note: str | None = None
    note_zh: str | None = None


class Area(NamedTuple):
    id: str
    document: str
    order: int
    name_zh: str
    name_en: str
    verified: bool


class Measure(NamedTuple):
    id: str
    document: str
    area: str
    number: int
    heading_zh: str
    heading_en: str
    heading_status: str
    position_verified: bool
    sources: tuple[str, ...]
    number_zh: str | None = None
    points_zh: tuple[str, ...] = ()
    points_en: tuple[str, ...] = ()
    note: str | None = None
    note_zh: str | None = None

    @property
    def verified(self) -> bool:
        return self.heading_status == "verified" and self.position_verified


class ZoneFigure(NamedTuple):
    """One published figure of one zone: the same indicator ids as the aggregate `Stat`s where they
    mean the same thing. `scope` says whose figure it is (`zone`, or the `district` / `new-area` /
    `other` entity named in `scope_note`); figures of different scopes are never one series."""

    zone: str
    indicator: str
    year: int
    value: float
    unit: str
    scope: str
    source: str
    qualifier: str | None = None
    scope_note: str | None = None
    primary: bool = True
    note: str | None = None
    scope_note_zh: str | None = None
    note_zh: str | None = None

    @property
    def zone_scope(self) -> bool:
        return self.scope == "zone"

    @property
    def series(self) -> str | None:
        """Always None: MOFCOM's two series are releases of aggregates, not of one zone."""
        return None


Figure = Stat | ZoneFigure  # one published figure: of all national ETDZs together, or of one zone


class Ranking(NamedTuple):
    edition: int
    data_year: int
    list: str
    rank: int
    zone: str
    source: str
    verified: bool
    complete_to: int | None = None
    note: str | None = None
    note_zh: str | None = None


def record_dict(rec: Any) -> Any:
    """A record as plain JSON-ready data: NamedTuples to dicts, tuples to lists, recursively."""
    if hasattr(rec, "_asdict"):
        return {k: record_dict(v) for k, v in rec._asdict().items()}
    if isinstance(rec, (list, tuple)):
        return [record_dict(v) for v in rec]
    return rec


def zone_record(ds: Dataset, z: Zone) -> dict[str, Any]:
    """A zone as plain data: every stored field plus the derived ones scripts need. The one
    definition behind `edz zones -f json`, the JSON export and the SQLite/CSV zones table."""
    rec: dict[str, Any] = z._asdict()  # flat fields: cheaper than record_dict's recursion (every listing pays it)
    for k, v in rec.items():
        if isinstance(v, tuple):
            rec[k] = [record_dict(x) for x in v] if v and hasattr(v[0], "_asdict") else list(v)
    rec["approved_verified"] = z.approved_verified
    rec["approved_precision"] = precision_of(z.approved) if z.approved else None
    prov = ds.provinces.get(z.province)
    rec["province_name_zh"] = prov.name_zh if prov else None
    rec["province_name_en"] = prov.name_en if prov else None
    return rec


class Dataset:
    """Everything in one file, with lookup tables built once by the loader."""

    __slots__ = (
        "areas",
        "documents",
        "indicators",
        "measures",
        "meta",
        "path",
        "provinces",
        "rankings",
        "regions",
        "sources",
        "stats",
        "zone_figures",
        "zones",
    )

    def __init__(
        self,
        path: str,
        meta: Meta,
        sources: dict[str, Source],
        regions: dict[str, Region],
        provinces: dict[str, Province],
        zones: dict[str, Zone],
        indicators: dict[str, Indicator],
        stats: list[Stat],
        documents: dict[str, Document],
        areas: dict[str, Area],
        measures: dict[str, Measure],
        rankings: list[Ranking],
        zone_figures: list[ZoneFigure] | None = None,
    ) -> None:
        self.path = path
        self.meta = meta
        self.sources = sources
        self.regions = regions
        self.provinces = provinces
        self.zones = zones
        self.indicators = indicators
        self.stats = stats
        self.documents = documents
        self.areas = areas
        self.measures = measures
        self.rankings = rankings
        self.zone_figures = zone_figures if zone_figures is not None else []

    def __repr__(self) -> str:
        return f"<Dataset {self.path!r}: {len(self.zones)} zones, {len(self.stats)} figures, {len(self.measures)} measures>"

    @property
    def active_zones(self) -> list[Zone]:
        return [z for z in self.zones.values() if z.active]

    def stat_years(self) -> list[int]:
        return sorted({s.year for s in self.stats})

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": record_dict(self.meta),
            "sources": record_dict(list(self.sources.values())),
            "regions": record_dict(list(self.regions.values())),
            "provinces": record_dict(list(self.provinces.values())),
            "zones": [zone_record(self, z) for z in self.zones.values()],
            "indicators": record_dict(list(self.indicators.values())),
            "stats": record_dict(self.stats),
            "documents": record_dict(list(self.documents.values())),
            "areas": record_dict(list(self.areas.values())),
            "measures": record_dict(list(self.measures.values())),
            "rankings": record_dict(self.rankings),
            "zone_figures": record_dict(self.zone_figures),
        }
