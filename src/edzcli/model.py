"""Typed records of the dataset. Plain frozen dataclasses: no I/O, no validation here.

The loader (`edzcli.loader`) builds these from `data/zones.toml` after checking the schema;
`docs/schema.md` describes every field.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

REGION_IDS = ("east", "central", "west", "northeast")


def earliest_day(partial: str) -> _dt.date:
    """First day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) can stand for."""
    parts = [int(p) for p in partial.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return _dt.date(parts[0], parts[1], parts[2])


def precision_of(partial: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[partial.count("-") + 1]


@dataclass(frozen=True, slots=True)
class Meta:
    schema_version: int
    data_version: str
    as_of: str
    title_zh: str
    title_en: str


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    outlet: str
    title: str
    kind: str
    outlet_en: str | None = None
    date: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Province:
    id: str
    name_zh: str
    short_zh: str
    name_en: str
    region: str
    source: str


@dataclass(frozen=True, slots=True)
class Highlight:
    text_zh: str
    text_en: str
    source: str


@dataclass(frozen=True, slots=True)
class Zone:
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

    def present_on(self, day: _dt.date) -> bool | None:
        """Was the zone on the national list on `day`? None when its approval date is unknown.

        Partial dates count from their first possible day (an approval dated `2013` counts from
        2013-01-01); `docs/decisions.md` explains why.
        """
        if self.approved is None:
            return None
        if earliest_day(self.approved) > day:
            return False
        return not (self.removed is not None and earliest_day(self.removed) <= day)


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    unit: str
    headline: bool = False
    share_of: str | None = None
    description_en: str | None = None


@dataclass(frozen=True, slots=True)
class Stat:
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
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    key: str
    title_zh: str
    title_en: str
    doc_no: str
    issuer_zh: str
    issuer_en: str
    date: str
    measure_count: int
    source: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Area:
    id: str
    document: str
    order: int
    name_zh: str
    name_en: str
    verified: bool


@dataclass(frozen=True, slots=True)
class Measure:
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

    @property
    def verified(self) -> bool:
        return self.heading_status == "verified" and self.position_verified


@dataclass(frozen=True, slots=True)
class Ranking:
    edition: int
    data_year: int
    list: str
    rank: int
    zone: str
    source: str
    verified: bool
    complete_to: int | None = None
    note: str | None = None


@dataclass(slots=True)
class Dataset:
    """Everything in one file, with lookup indexes built once by the loader."""

    path: str
    meta: Meta
    sources: dict[str, Source]
    regions: dict[str, Region]
    provinces: dict[str, Province]
    zones: dict[str, Zone]
    indicators: dict[str, Indicator]
    stats: list[Stat]
    documents: dict[str, Document]
    areas: dict[str, Area]
    measures: dict[str, Measure]
    rankings: list[Ranking] = field(default_factory=list)

    @property
    def active_zones(self) -> list[Zone]:
        return [z for z in self.zones.values() if z.active]

    def stat_years(self) -> list[int]:
        return sorted({s.year for s in self.stats})

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return {
            "meta": asdict(self.meta),
            "sources": [asdict(s) for s in self.sources.values()],
            "regions": [asdict(r) for r in self.regions.values()],
            "provinces": [asdict(p) for p in self.provinces.values()],
            "zones": [asdict(z) for z in self.zones.values()],
            "indicators": [asdict(i) for i in self.indicators.values()],
            "stats": [asdict(s) for s in self.stats],
            "documents": [asdict(d) for d in self.documents.values()],
            "areas": [asdict(a) for a in self.areas.values()],
            "measures": [asdict(m) for m in self.measures.values()],
            "rankings": [asdict(r) for r in self.rankings],
        }
