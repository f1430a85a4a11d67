"""Finding zones and everything else by name: `resolve_zone` / `get_zone` (one zone, or an error
naming the candidates) and `search` (one scored, stably ordered list over zones, measures,
indicators and sources, saying which field matched).

The zone lookup knows when it is sure (docs/decisions.md, "One zone lookup"):
1. an id, or a name stored for exactly one zone (name, short name, English name, alias, former
   name), folded (width, case, traditional characters, hyphens) → that zone;
2. else the distinctive part (generic words such as 经开区, 开发区, Development Zone, ETDZ removed)
   compared with every zone's distinctive parts, in characters and in pinyin. A city or province
   name with several zones gives the candidates, except that a name with the category's own
   words (天津经开区, Tianjin ETDZ) names the zone that carries the city's name;
3. else one-character typos (a homophone such as 苏洲 for 苏州, or one letter in pinyin/English):
   when they point to exactly one name, that name is resolved as in 2 and the caller is told;
4. else only "did you mean" candidates (exit 1), never a silent pick. A real city with no
   national ETDZ says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from .errors import NotFoundError
from .model import Dataset, Zone
from .names import (
    OTHER_KINDS_ZH,
    choose,
    fold,
    homophones,
    is_cjk,
    latin_key,
    one_substitution,
    pinyin_of,
    strip_generic,
    within_one_edit,
)

KIND_ORDER = {"zone": 0, "measure": 1, "indicator": 2, "source": 3}
# fuzzy matching looks at this many characters of a query at most: cost stays bounded
FUZZY_MAX = 40
# a distinctive part left after removing the city is not distinctive when it is one of these
NOT_DISTINCTIVE = frozenset(
    [
        "工业",
        "工业园区",
        "工业园",
        "汽车",
        "航天",
        "航空",
        "化学工业",
        "新兴技术",
        "经济",
        "技术",
        "产业",
        "国际",
        "临空",
        "综合",
        "高新",
        "新区",
        "港",
    ]
)


LATIN_NOT_DISTINCTIVE = frozenset(["china", "sino", "national", "international", "new", "west", "east", "north", "south", "the"])


def resolve_kinds(kind: str | None) -> tuple[str, ...]:
    """The kinds `search` looks in: all of them, or the one named (InputError otherwise)."""
    if kind is None:
        return tuple(KIND_ORDER)
    return (choose("kind", kind, list(KIND_ORDER)),)


def city_parts(city_zh: str) -> list[str]:
    """The prefecture-level units a zone's city names: 伊犁哈萨克自治州(奎屯市);克拉玛依市(独山子区) gives all four."""
    for sep in "();；（）":
        city_zh = city_zh.replace(sep, ";")
    return [c for c in city_zh.split(";") if c]


_SHORT_PLACE: dict[str, str] | None = None


def short_place(name: str) -> str:
    """苏州市 → 苏州, 大理白族自治州 → 大理, 阿克苏地区 → 阿克苏 (from the generated prefecture table)."""
    global _SHORT_PLACE
    if _SHORT_PLACE is None:
        from .names import prefectures

        _SHORT_PLACE = {full: short for _prov, full, short in prefectures()}
    known = _SHORT_PLACE.get(name)
    if known is not None:
        return known
    for suffix in ("市", "区", "县"):
        if name.endswith(suffix) and len(name) > 2:
            return name[: -len(suffix)]
    return name


def core_zh_names(name_zh: str, short_zh: str, city_zh: str, aliases: Iterable[str], former: Iterable[str]) -> list[str]:
    """The Chinese distinctive parts of a zone: each Chinese name with the generic words removed,
    and the short name without its city or province (苏州浒墅关 → 浒墅关). Also what tools/pinyin.py
    generates pinyin for."""
    cores = []
    prefixes = []
    for c in city_parts(city_zh):
        prefixes += [c, c.removesuffix("市")]
    for n in [name_zh, short_zh, *aliases, *former]:
        f = fold(n)
        if not is_cjk(f):
            continue
        core, _ = strip_generic(f)
        if not core:
            continue
        cores.append(core)
        for p in sorted(prefixes, key=len, reverse=True):
            rest = core[len(p) :]
            if core.startswith(p) and len(rest) >= 2 and rest not in NOT_DISTINCTIVE:
                cores.append(rest)
                break
    return list(dict.fromkeys(cores))


def _province_prefixes(ds: Dataset, z: Zone) -> list[str]:
    p = ds.provinces[z.province]
    return [p.name_zh, p.short_zh]


class _Index:
    """Every key a zone answers to, built once per dataset on the first lookup."""

    def __init__(self, ds: Dataset) -> None:
        from .names import prefectures

        self.ds = ds
        self.full: dict[str, set[str]] = {}
        self.part: dict[str, set[str]] = {}  # a larger area's names → the zones inside it
        self.cities: dict[str, set[str]] = {}  # a city name → the zones' city_zh values it means
        self.core: dict[str, set[str]] = {}
        self.eponym: dict[str, set[str]] = {}  # city/province key → zones whose distinctive part IS that name
        self.places: dict[str, set[str]] = {}  # city or province key → zone ids there
        self.place_names: dict[str, set[str]] = {}  # key → the place's Chinese names (for messages)
        self.prefectures: dict[str, list[tuple[str, str]]] = {}  # key → [(full name, province)] of real cities
        for z in ds.zones.values():
            names = [z.name_zh, z.short_zh, z.name_en, *z.aliases, *z.former_names]
            for k in (z.id, z.id.replace("-", "")):
                self._add(self.full, k, z.id)
            for n in names:
                f = fold(n)
                self._add(self.full, f, z.id)
                if is_cjk(f):
                    self._add(self.full, pinyin_of(f), z.id)
                else:
                    self._add(self.full, latin_key(f), z.id)
                    core, _ = strip_generic(f)
                    self._add(self.core, latin_key(core), z.id)
            cores = core_zh_names(z.name_zh, z.short_zh, z.city_zh, z.aliases, z.former_names)
            for p in _province_prefixes(ds, z):
                for c in list(cores):
                    if c.startswith(p) and len(c) - len(p) >= 2 and c[len(p) :] not in NOT_DISTINCTIVE:
                        cores.append(c[len(p) :])
            for c in cores:
                self._add(self.core, c, z.id)
                self._add(self.core, pinyin_of(c), z.id)
            # larger areas that contain the zone (金普新区): never the zone itself
            for n in z.part_of:
                f = fold(n)
                core, _ = strip_generic(f)
                for k in {f, latin_key(f), core, latin_key(core)}:
                    self._add(self.part, k, z.id)
            for c in core_zh_names("", "", z.city_zh, z.part_of, []):
                for k in (c, pinyin_of(c)):
                    self._add(self.part, k, z.id)
            # places
            self._add(self.cities, z.city_zh, z.city_zh)
            for code in (z.city_code, z.city_code_2):  # NBS division codes (issue 14): either city of a two-city zone
                if code:
                    self._add(self.cities, code, z.city_zh)
            if "(" not in z.city_zh and ";" not in z.city_zh:
                self._add(self.cities, latin_key(fold(z.city_en)), z.city_zh)
            for part in city_parts(z.city_zh):
                short = short_place(part)
                for k in {part, short, pinyin_of(short)}:
                    self._add(self.cities, k, z.city_zh)
                    self._add(self.places, k, z.id)
                    self.place_names.setdefault(k, set()).add(part)
                if short in cores or z.short_zh == short:
                    for k in (short, pinyin_of(short), latin_key(fold(z.city_en))):
                        self._add(self.eponym, k, z.id)
            if "(" not in z.city_zh and ";" not in z.city_zh:
                for k in {latin_key(fold(z.city_en))}:
                    self._add(self.places, k, z.id)
                    self.place_names.setdefault(k, set()).add(z.city_zh)
            prov = ds.provinces[z.province]
            for k in {
                prov.name_zh,
                prov.short_zh,
                latin_key(fold(prov.name_en)),
                pinyin_of(prov.short_zh),
                prov.id.replace("-", ""),
            }:
                self._add(self.places, k, z.id)
                self.place_names.setdefault(k, set()).add(prov.name_zh)
        # the first word of an English name (Golmud Kunlun → golmud) when it is no place of several zones
        for z in ds.zones.values():
            for n in (z.name_en, *z.aliases):
                core, _ = strip_generic(fold(n))
                words = core.split()
                if (
                    len(words) >= 2
                    and len(words[0]) >= 4
                    and words[0] not in LATIN_NOT_DISTINCTIVE
                    and words[0] not in self.places
                ):
                    self._add(self.core, words[0], z.id)
        for prov_short, full, short in prefectures():
            for k in {full, short, pinyin_of(short)}:
                self.prefectures.setdefault(k, []).append((full, prov_short))
        self.zh_full = sorted(k for k in self.full if is_cjk(k))
        self.zh_cores = sorted(k for k in self.core if is_cjk(k))
        self.latin_full = sorted(k for k in self.full if not is_cjk(k) and " " not in k)
        self.latin_cores = sorted(k for k in self.core if not is_cjk(k))

    @staticmethod
    def _add(table: dict[str, set[str]], key: str, zid: str) -> None:
        if key:
            table.setdefault(key, set()).add(zid)


_INDEX: dict[int, _Index] = {}


def city_index(ds: Dataset) -> dict[str, set[str]]:
    """City name (full, short, pinyin, English; each city of a two-city zone) → the zones' `city_zh`."""
    return _index(ds).cities


def _index(ds: Dataset) -> _Index:
    idx = _INDEX.get(id(ds))
    if idx is None or idx.ds is not ds:
        idx = _INDEX[id(ds)] = _Index(ds)
    return idx


class Resolution(NamedTuple):
    zone: Zone
    how: str  # "exact" (a stored name or id), "place" (a distinctive part), "typo" (one character off)
    read_as: str  # the name the query was read as (for "read as …" notes)


def _order(ds: Dataset, ids: Iterable[str]) -> list[Zone]:
    order = {zid: i for i, zid in enumerate(ds.zones)}
    zones = sorted((ds.zones[i] for i in set(ids)), key=lambda z: (not z.active, order[z.id]))
    return zones


def _candidates_error(ds: Dataset, query: str, zones: list[Zone], hint: str = "") -> NotFoundError:
    return NotFoundError(
        f"{query!r} matches {len(zones)} zones: {_listing(zones)}; give one of these ids{hint}", [z.id for z in zones]
    )


def _place_hint(idx: _Index, key: str) -> str:
    """Where to see every zone of the place `key` names."""
    names = sorted(idx.place_names.get(key, ()))
    provs = [p for p in idx.ds.provinces.values() if p.name_zh in names]
    if provs:
        return f" (every zone there: edz zones --province {provs[0].short_zh})"
    if names:
        return f" (every zone there: edz zones --city {short_place(names[0])})"
    return ""


def _only(ids: set[str]) -> str:
    return next(iter(ids))


def _by_key(idx: _Index, query: str, key: str, strength: str) -> Resolution | None:
    """Step 2 for one distinctive part: a zone, None when the part names nothing, or an error.
    `strength` is what the generic words said: "strong" (经开区, ETDZ), "weak" (开发区) or ""."""
    ds = idx.ds
    exact = idx.core.get(key, set())
    place = idx.places.get(key, set())
    if place and not (exact - place):
        eponym = idx.eponym.get(key, set()) & place
        if len(place) == 1 and (not strength or eponym):
            return Resolution(ds.zones[_only(place)], "place", key)
        if strength == "strong" and len(eponym) == 1:
            return Resolution(ds.zones[_only(eponym)], "place", key)
        active = [z for z in _order(ds, place) if z.active]
        if len(active) == 1 and (not strength or eponym & {active[0].id}):
            return Resolution(active[0], "place", key)
        zones = [ds.zones[i] for i in sorted(eponym)] + [z for z in _order(ds, place) if z.id not in eponym]
        raise _candidates_error(ds, query, zones, _place_hint(idx, key))
    found = set(exact | place)
    if found and is_cjk(key) and len(key) >= 2:
        # a distinctive part inside another zone's (杭州湾 in 杭州湾上虞) is not distinctive
        found |= {zid for k in idx.zh_cores if key in k and k != key for zid in idx.core[k]}
    if len(found) == 1:
        return Resolution(ds.zones[_only(found)], "place", key)
    if len(found) > 1:
        active = [z for z in _order(ds, found) if z.active]
        if len(active) == 1 and len(exact) <= 1:
            return Resolution(active[0], "place", key)
        raise _candidates_error(ds, query, _order(ds, found))
    if is_cjk(key):
        # 上海虹桥 = 虹桥 in 上海: a place name before a distinctive part, among that place's zones
        for n in range(2, min(len(key) - 1, 7)):
            where = idx.places.get(key[:n])
            rest = key[n:]
            if where and len(rest) >= 2:
                inside = idx.core.get(rest, set()) & where
                if len(inside) == 1:
                    return Resolution(ds.zones[_only(inside)], "place", rest)
                if len(inside) > 1:
                    raise _candidates_error(ds, query, _order(ds, inside))
    return None


def _typo_keys(idx: _Index, text: str, full: bool) -> tuple[list[str], list[str]]:
    """(sure, unsure) stored keys one character away from `text`. Sure: a Chinese homophone
    (苏洲 for 苏州), or one letter in a Latin name of six letters or more. Unsure, offered only as
    "did you mean": any other one-character change (沉阳 for 沈阳 is as close to 德阳)."""
    if not text or len(text) > FUZZY_MAX:
        return [], []
    keys = idx.full if full else idx.core
    sure, unsure = [], []
    if is_cjk(text):
        for k in idx.zh_full if full else idx.zh_cores:
            if abs(len(k) - len(text)) > 1:
                continue
            pos = one_substitution(text, k)
            if pos is not None and homophones(text[pos], k[pos]):
                sure.append(k)
            elif len(text) >= 2 and within_one_edit(text, k) and k in keys:
                unsure.append(k)
        return sure, unsure
    lk = latin_key(text)
    if len(lk) < 5:
        return [], []
    for k in idx.latin_full if full else idx.latin_cores:
        if abs(len(k) - len(lk)) <= 1 and within_one_edit(lk, k):
            (sure if len(lk) >= 6 else unsure).append(k)
    return sure, unsure


def resolve_zone(ds: Dataset, query: str) -> Resolution:
    """The one zone `query` names, and how it was read. Raises NotFoundError (exit 1) with the
    candidates when several are plausible, with "did you mean" when only weak matches exist, and
    says so when the query names a real place that has no national ETDZ."""
    if query in ds.zones:
        return Resolution(ds.zones[query], "exact", query)
    q = fold(query[: FUZZY_MAX * 25])
    if not q:
        raise NotFoundError(f"no zone matches {query!r}")
    idx = _index(ds)
    for k in dict.fromkeys((q, q if is_cjk(q) else latin_key(q))):
        if k in ds.zones:
            return Resolution(ds.zones[k], "exact", k)
        ids = idx.full.get(k, set())
        if ids and not len(idx.places.get(k, ())) > 1:  # 天津 alone is a city of six zones
            zones = _order(ds, ids)
            active = [z for z in zones if z.active]
            if len(zones) == 1 or len(active) == 1:
                return Resolution((active or zones)[0], "exact", k)
            raise _candidates_error(ds, query, zones)
    core, strength = strip_generic(q)
    key = core if is_cjk(core) else latin_key(core)
    for k in dict.fromkeys((q, latin_key(q), key, pinyin_of(key) if is_cjk(key) else key)):
        inside = idx.part.get(k)
        if k and inside:
            named = idx.core.get(k, set()) | idx.full.get(k, set()) | idx.places.get(k, set())
            if named and named <= inside:  # 南沙: the zone's own name as well as its district's
                break
            if named:  # Jinzhou: 锦州 (a zone) and 金州 (an area containing another)
                raise _candidates_error(ds, query, _order(ds, named | inside))
            zones = _order(ds, inside)
            raise NotFoundError(
                f"{query!r} is a larger area than a zone; it contains {_listing(zones)} "
                f"(the area's figures are not the zone's; give a zone id)",
                [z.id for z in zones],
            )
    if not core:
        # 台商投资区 is generic yet names three zones; 开发区 names every zone, so no one
        called = [z for z in ds.zones.values() if q == "台商投资区" and q in z.name_zh]
        if called:
            raise _candidates_error(ds, query, called)
        raise NotFoundError(f"{query!r} has only generic words and names no zone; give a place name (edz zones lists them)")
    if is_cjk(core) and any(core.endswith(w) for w in OTHER_KINDS_ZH):
        raise NotFoundError(f"{query!r} is another kind of zone (high-tech, bonded, free-trade), not a national ETDZ")
    got = _by_key(idx, query, key, strength)
    if got is not None:
        return got
    if is_cjk(q) and len(q) >= 4:
        # a whole zone name inside the query (中新苏州工业园区), or the query cut one character short
        inside = {
            zid
            for k in idx.zh_full
            if len(k) >= 5 and (k in q or (k.startswith(q) and len(k) == len(q) + 1))
            for zid in idx.full[k]
        }
        if len(inside) == 1:
            return Resolution(ds.zones[_only(inside)], "place", q)
    none_here = _no_zone_place(idx, key)
    if none_here:
        raise NotFoundError(f"{query!r}: {none_here}")
    # typos: of the whole name first (苏洲工业园区), then of the distinctive part (广洲 + 经开区)
    maybe: set[str] = set()
    for text, full in ((q if is_cjk(q) else latin_key(q), True), (key, False)):
        sure, unsure = _typo_keys(idx, text, full)
        table = idx.full if full else idx.core
        sure_zones = {zid for k in sure for zid in table.get(k, set()) | idx.places.get(k, set())}
        if len(set(sure)) == 1 or len(sure_zones) == 1:
            k = sure[0]
            if full and len(table[k]) == 1:
                return Resolution(ds.zones[_only(table[k])], "typo", k)
            got = _by_key(idx, query, k, strength)
            if got is not None:
                return Resolution(got.zone, "typo", k)
        maybe |= sure_zones | {zid for k in unsure for zid in table.get(k, set())}
    if maybe:
        zones = _order(ds, maybe)
        raise NotFoundError(f"no zone is named {query!r}; did you mean {_listing(zones)}?", [z.id for z in zones])
    hits = [h for h in search(ds, query, kinds=("zone",), names_only=True) if h.score >= 50]
    if not hits:
        raise NotFoundError(f"no zone matches {query!r}; try 'edz search {query[:60]}'")
    zones = [ds.zones[h.id] for h in hits]
    raise NotFoundError(f"no zone is named {query!r}; did you mean {_listing(zones)}?", [h.id for h in hits])


def _listing(zones: list[Zone]) -> str:
    more = f" and {len(zones) - 10} more" if len(zones) > 10 else ""
    return ", ".join(f"{z.id} ({z.name_zh}, {z.city_zh})" for z in zones[:10]) + more


def _no_zone_place(idx: _Index, key: str) -> str | None:
    """ "深圳 (深圳市, 广东) has no national ETDZ" when `key` names real cities without zones."""
    cities = idx.prefectures.get(key)
    if not cities:
        return None
    shown = ", ".join(f"{full} ({prov})" for full, prov in cities)
    return f"{shown} has no national ETDZ (edz zones --province lists a province's zones)"


def get_zone(ds: Dataset, query: str) -> Zone:
    """The one zone `query` names (see `resolve_zone`)."""
    return resolve_zone(ds, query).zone


def zone_keys(z: Zone) -> list[str]:
    """Every name a user may type for a zone, normalised (the names `search` compares)."""
    names = [z.id, z.id.replace("-", " "), z.id.replace("-", ""), z.name_zh, z.short_zh, z.name_en, *z.aliases, *z.former_names]
    keys = {fold(n) for n in names if n}
    keys |= {strip_generic(k)[0] for k in keys}
    return sorted(k for k in keys if k)


# --------------------------------------------------------------------------- search


class Hit(NamedTuple):
    kind: str  # zone, measure, indicator, source
    id: str
    label_zh: str
    label_en: str
    score: int  # 0-100
    matched: str  # the text that matched
    field: str = "name"  # which field matched: name, industries, highlights, notes, points, outlet, ...
    matched_zh: str = ""  # the matched text (of a field other than the name) in each language, for people
    matched_en: str = ""


def _score(key: str, candidate: str) -> int:
    if not key or not candidate:
        return 0
    if key == candidate:
        return 100
    if candidate.startswith(key):
        return 90 - min(10, len(candidate) - len(key))
    if key in candidate:
        return 75 - min(10, (len(candidate) - len(key)) // 2)
    if len(key) < 2 or len(key) > FUZZY_MAX or len(candidate) > FUZZY_MAX * 2:
        return 0
    if set(key).isdisjoint(candidate):  # no character in common: the ratio is 0 (the same answer, no matcher)
        return 0
    import difflib

    matcher = difflib.SequenceMatcher(None, key, candidate, autojunk=False)
    if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:  # upper bounds of ratio(), in linear time
        return 0
    ratio = matcher.ratio()
    return int(ratio * 70) if ratio >= 0.6 else 0


def _text_score(key: str, text: str) -> int:
    """A query found inside a longer text (an industry, a highlight, a note): substring only."""
    if len(key) < 2 or key not in text:
        return 0
    return 70 if len(text) <= len(key) + 4 else 60


Fields = list[tuple[str, list[tuple[str, str]]]]  # (field, [(Chinese form, English form), ...])


def _pairs(zh: Sequence[str], en: Sequence[str]) -> list[tuple[str, str]]:
    """Items of a field in both languages, item by item where the two lists correspond; else each
    item beside the whole list of the other language (never an item shown in the wrong language)."""
    if len(zh) == len(en):
        return list(zip(zh, en, strict=True))
    if not en or not zh:
        return [(x, x) for x in (*zh, *en)]
    return [(x, "; ".join(en)) for x in zh] + [("; ".join(zh), x) for x in en]


def _candidates(ds: Dataset, kinds: tuple[str, ...], names_only: bool) -> Iterator[tuple[str, str, str, str, list[str], Fields]]:
    if "zone" in kinds:
        for z in ds.zones.values():
            texts: Fields = []
            if not names_only:
                texts = [
                    ("industries", _pairs(z.industries_zh, z.industries_en)),
                    ("highlights", [(h.text_zh, h.text_en) for h in z.highlights]),
                    ("notes", _pairs(z.notes_zh, z.notes) if z.notes_zh else _pairs((), z.notes)),
                ]
            yield "zone", z.id, z.name_zh, z.name_en, zone_keys(z), texts
    if "measure" in kinds:
        for m in ds.measures.values():
            texts = [("points", _pairs(m.points_zh, m.points_en)), ("notes", [(m.note_zh or m.note, m.note)] if m.note else [])]
            yield "measure", m.id, m.heading_zh, m.heading_en, [m.id, fold(m.heading_zh), fold(m.heading_en)], texts
    if "indicator" in kinds:
        for i in ds.indicators.values():
            yield "indicator", i.id, i.name_zh, i.name_en, [i.id, fold(i.name_zh), fold(i.name_en)], []
    if "source" in kinds:
        for s in ds.sources.values():
            label_zh = f"{s.outlet}: {s.title_zh or s.title}"
            label_en = f"{s.outlet_en or s.outlet}: {s.title}"
            names = [s.id, fold(s.title), fold(s.outlet), fold(s.outlet_en or "")]
            # our Chinese description of an untitled source is matched as text, not scored as a name
            texts = [("title", [(s.title_zh, s.title)])] if s.title_zh and not names_only else []
            yield "source", s.id, label_zh, label_en, names, texts


def search(
    ds: Dataset,
    text: str,
    *,
    kinds: tuple[str, ...] = ("zone", "measure", "indicator", "source"),
    limit: int | None = None,
    names_only: bool = False,
) -> list[Hit]:
    """Scored matches, best first; ties broken by kind (zones first) and id, so the order is stable.
    Names are scored by closeness; industries, highlights, key points and notes by containing the
    query (`Hit.field` says which). Only the first characters of a long query are compared."""
    key_full = fold(text[: FUZZY_MAX * 25])[: FUZZY_MAX * 2]
    key = strip_generic(key_full)[0]
    if not key_full:
        return []
    hits = []
    for kind, cid, zh, en, names, texts in _candidates(ds, kinds, names_only):
        best, matched, field, pair = 0, "", "name", ("", "")
        for n in names:
            sc = max(_score(key, n), _score(key_full, n))
            if sc > best:
                best, matched = sc, n
        if best < 70:
            for fname, values in texts:
                for p in values:
                    for v in dict.fromkeys(p):
                        sc = _text_score(key_full, fold(v))
                        if sc > best:
                            best, matched, field, pair = sc, v, fname, p
        if best > 0:
            hits.append(Hit(kind, cid, zh, en, best, matched, field, *pair))
    hits.sort(key=lambda h: (-h.score, KIND_ORDER[h.kind], h.id))
    return hits[:limit] if limit is not None else hits
