"""Finding zones and everything else by name: `get_zone` (one zone or an error naming the
candidates) and `search` (one scored, stably ordered list over zones, measures, indicators
and sources).

Queries are normalised: full-/half-width folded, case folded, and the zone suffixes
经济技术开发区 / 经济开发区 / 经开区 / 开发区 (and their English forms) stripped, so 广州经开区,
广州经济技术开发区, ＧＵＡＮＧＺＨＯＵ and guangzhou all find the Guangzhou ETDZ.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .errors import NotFoundError
from .model import Dataset, Zone
from .names import choose, normalize, strip_suffix

KIND_ORDER = {"zone": 0, "measure": 1, "indicator": 2, "source": 3}
MAX_FUZZY = 1_000  # a longer query matches only exactly or as a substring: fuzzy matching is quadratic


def resolve_kinds(kind: str | None) -> tuple[str, ...]:
    """The kinds `search` looks in: all of them, or the one named (InputError otherwise)."""
    if kind is None:
        return tuple(KIND_ORDER)
    return (choose("kind", kind, list(KIND_ORDER)),)


def zone_keys(z: Zone) -> list[str]:
    """Every name a user may type for a zone, normalised."""
    names = [z.id, z.id.replace("-", " "), z.id.replace("-", ""), z.name_zh, z.short_zh, z.name_en, *z.aliases, *z.former_names]
    keys = {strip_suffix(n) for n in names if n}
    keys |= {normalize(n) for n in names if n}
    return sorted(k for k in keys if k)


def get_zone(ds: Dataset, query: str) -> Zone:
    """The one zone `query` names (id, Chinese name, short name, English name, alias or former
    name). Raises NotFoundError (exit 1) listing the candidates when it is ambiguous or unknown."""
    if query in ds.zones:
        return ds.zones[query]
    key = strip_suffix(query)
    if not key:
        raise NotFoundError(f"no zone matches {query!r}")
    exact = [z for z in ds.zones.values() if key in zone_keys(z)]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        active = [z for z in exact if z.active]
        if len(active) == 1:
            return active[0]
        raise NotFoundError(_ambiguous(query, exact, ds), [z.id for z in exact])
    hits = [h for h in search(ds, query, kinds=("zone",)) if h.score >= 60]
    if not hits:
        raise NotFoundError(f"no zone matches {query!r}; try 'edz search {query}'")
    if len(hits) == 1 or (hits[0].score >= 90 and hits[1].score < hits[0].score):
        return ds.zones[hits[0].id]
    raise NotFoundError(_ambiguous(query, [ds.zones[h.id] for h in hits[:10]], ds), [h.id for h in hits])


def _ambiguous(query: str, zones: list[Zone], ds: Dataset | None = None) -> str:
    listed = ", ".join(f"{z.id} ({z.name_zh})" for z in zones[:10])
    more = f" and {len(zones) - 10} more" if len(zones) > 10 else ""
    hint = ""
    if ds is not None:
        key = normalize(query)
        if any(
            key in (normalize(z.city_zh), normalize(z.city_zh.removesuffix("市")), normalize(z.city_en))
            for z in ds.zones.values()
        ):
            hint = f" (every zone in that city: edz zones --city {query})"
    return f"{query!r} matches {len(zones)} zones: {listed}{more}; give one of these ids{hint}"


class Hit(NamedTuple):
    kind: str  # zone, measure, indicator, source
    id: str
    label_zh: str
    label_en: str
    score: int  # 0-100
    matched: str  # the name that matched


def _score(key: str, candidate: str) -> int:
    if not key or not candidate:
        return 0
    if key == candidate:
        return 100
    if candidate.startswith(key):
        return 90 - min(10, len(candidate) - len(key))
    if key in candidate:
        return 75 - min(10, (len(candidate) - len(key)) // 2)
    if len(key) < 2 or len(key) > MAX_FUZZY:
        return 0
    import difflib

    matcher = difflib.SequenceMatcher(None, key, candidate, autojunk=False)
    if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:  # upper bounds of ratio(), in linear time
        return 0
    ratio = matcher.ratio()
    return int(ratio * 70) if ratio >= 0.6 else 0


def _candidates(ds: Dataset, kinds: tuple[str, ...]) -> Iterator[tuple[str, str, str, str, list[str]]]:
    if "zone" in kinds:
        for z in ds.zones.values():
            yield "zone", z.id, z.name_zh, z.name_en, zone_keys(z)
    if "measure" in kinds:
        for m in ds.measures.values():
            yield "measure", m.id, m.heading_zh, m.heading_en, [m.id, normalize(m.heading_zh), normalize(m.heading_en)]
    if "indicator" in kinds:
        for i in ds.indicators.values():
            yield "indicator", i.id, i.name_zh, i.name_en, [i.id, normalize(i.name_zh), normalize(i.name_en)]
    if "source" in kinds:
        for s in ds.sources.values():
            label = f"{s.outlet}: {s.title}"
            yield "source", s.id, label, label, [s.id, normalize(s.title), normalize(s.outlet), normalize(s.outlet_en or "")]


def search(
    ds: Dataset, text: str, *, kinds: tuple[str, ...] = ("zone", "measure", "indicator", "source"), limit: int | None = None
) -> list[Hit]:
    """Scored matches, best first; ties broken by kind (zones first) and id, so the order is stable."""
    key_full = normalize(text)
    key = strip_suffix(text)
    if not key_full:
        return []
    hits = []
    for kind, cid, zh, en, names in _candidates(ds, kinds):
        best, matched = 0, ""
        for n in names:
            sc = max(_score(key, n), _score(key_full, n))
            if sc > best:
                best, matched = sc, n
        if best > 0:
            hits.append(Hit(kind, cid, zh, en, best, matched))
    hits.sort(key=lambda h: (-h.score, KIND_ORDER[h.kind], h.id))
    return hits[:limit] if limit is not None else hits
