#!/usr/bin/env python3
"""Match edz zones to NBS statistical division codes (统计用区划代码; province and city codes as in GB/T 2260).

Development-time tool: its output (codes.csv) is reviewed by hand before any code
goes into data/zones.toml. edz itself never runs it.

Compilation read
    "中华人民共和国行政区划（五级）", modood/Administrative-divisions-of-China,
    https://github.com/modood/Administrative-divisions-of-China, licence WTFPL v2.
    It is a crawl of the National Bureau of Statistics' 统计用区划和城乡划分代码.
    Current vintage: 2023 (cut-off 2023-06-30, published 2023-09-11), files dist/*.csv at
    commit dc3a1d7acd85ca1b0979543e9259604142c52e8e. (That commit's message repeats the 2022
    cut-off date, but the README of 5739d76 and the data, e.g. 苏州工业园区 320571 -> 320576,
    are the 2023 vintage.) Earlier vintages, for notes only:
    2022 d33ad30ac7ef24cd29773a243f6f42b7d269e39b, 2021 0b7fd75e6bd8fef6c63d7f02cfaf0a39b33fc199,
    2020 78b6f36127ff8dc8e6ca3d82e43ab10619b553d2, 2019 2824502ba4a6875bceafee81f926789635db1d00,
    2018 31aaa3c31dc767a01f8f5e724c795f02f4540437, 2017 c893e3b007c0484b63b184efa237d35251ab670d.
    Only the data files are read; none of the compilation's code is used.

Getting the input (one directory per vintage holding provinces.csv, cities.csv, areas.csv):
    for f in provinces cities areas; do
        git --git-dir=REPO.git show dc3a1d7:dist/$f.csv > nbs-2023/$f.csv
    done

Usage
    edz zones --all -f json > zones.json        # or pass data/zones.toml directly
    python tools/codes.py nbs-2023 --zones zones.json --previous 2022=nbs-2022 ... -o codes.csv

Conventions
    province_code  2 digits (NBS provinces.csv).
    city_code      6 digits of the prefecture-level unit named in edz city_zh (NBS 4-digit
                   city code + "00"). For the four municipalities it is the province-level code
                   (110000, 120000, 310000, 500000), not NBS's 市辖区/县 groups (1101, 5001, 5002).
                   For a county-level city under direct provincial administration (e.g. 石河子市,
                   NBS group 6590 自治区直辖县级行政区划) it is that city's own 6-digit code.
    city_code_2    the second unit when city_zh names two (separated by ";", "、" or "/").
    zone_code      only where the current vintage lists the zone itself as a county-level unit
                   in the zone's own city, under the zone's name (allowing a leading province
                   name and a "市" after the city name). Weaker matches (a former name, the
                   pre-upgrade "经济开发区" form, another city, an earlier vintage) go to note.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: tomli is edz's own dependency there
    import tomli as tomllib

COLUMNS = [
    "zone_id",
    "name_zh",
    "province_code",
    "city_code",
    "city_code_2",
    "zone_code",
    "zone_code_name",
    "code_vintage",
    "note",
]
MUNICIPALITIES = {"11", "12", "31", "50"}
CITY_SPLIT = re.compile(r"[;；、/]")
PAREN = re.compile(r"^(?P<city>[^(（]+)[(（](?P<sub>[^)）]+)[)）]$")
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Vintage:
    """One vintage of the compilation: provinces, cities and county-level units."""

    year: str
    provinces: dict[str, str]  # name -> 2-digit code
    province_names: dict[str, str]  # 2-digit code -> name
    cities: dict[str, dict[str, str]]  # province code -> {city name -> 4-digit code}
    areas: list[dict[str, str]]  # rows: code, name, cityCode, provinceCode
    areas_by_code: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, year: str, directory: Path) -> Vintage:
        provinces: dict[str, str] = {}
        for row in read_csv(directory / "provinces.csv"):
            provinces[row["name"]] = row["code"]
        cities: dict[str, dict[str, str]] = defaultdict(dict)
        for row in read_csv(directory / "cities.csv"):
            cities[row["provinceCode"]][row["name"]] = row["code"]
        areas = read_csv(directory / "areas.csv")
        return cls(
            year=year,
            provinces=provinces,
            province_names={code: name for name, code in provinces.items()},
            cities=dict(cities),
            areas=areas,
            areas_by_code={row["code"]: row for row in areas},
        )

    def city_name(self, city4: str) -> str:
        for names in self.cities.values():
            for name, code in names.items():
                if code == city4:
                    return name
        return ""


@dataclass
class Zone:
    zone_id: str
    name_zh: str
    province_zh: str
    city_zh: str
    former_names: list[str]
    aliases: list[str]  # Chinese ones only

    @property
    def other_names(self) -> list[str]:
        return self.former_names + self.aliases


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_zones(path: Path) -> list[Zone]:
    """Read `edz zones --all -f json` output, or data/zones.toml."""
    if path.suffix == ".toml":
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        province_zh = {p["id"]: p["name_zh"] for p in data["provinces"]}
        records = [dict(z, province_name_zh=province_zh[z["province"]]) for z in data["zones"]]
    else:
        records = json.loads(path.read_text(encoding="utf-8"))
    zones = []
    for z in records:
        zones.append(
            Zone(
                zone_id=z["id"],
                name_zh=z["name_zh"],
                province_zh=z["province_name_zh"],
                city_zh=z.get("city_zh") or "",
                former_names=list(z.get("former_names") or []),
                aliases=[n for n in z.get("aliases") or [] if CJK.search(n)],
            )
        )
    return zones


def city_short(city_name: str) -> str:
    """The bare place name used inside zone names: 秦皇岛市 -> 秦皇岛."""
    if city_name.endswith("市"):
        return city_name[:-1]
    return city_name[:2]


def province_short(province_name: str) -> str:
    for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"):
        if province_name.endswith(suffix):
            return province_name[: -len(suffix)]
    return province_name


def normalise(name: str, province_name: str, city_name: str) -> str:
    """Drop a leading province name and a 市 after the city name, as NBS names often carry."""
    city = city_short(city_name)
    prov = province_short(province_name)
    if prov and name.startswith(prov) and name[len(prov) :].startswith(city):
        name = name[len(prov) :]
    if city and name.startswith(city + "市"):
        name = city + name[len(city) + 1 :]
    return name


def year_ranges(years: list[str]) -> str:
    """["2017", "2018", "2020"] -> "2017-2018, 2020"."""
    nums = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for n in nums:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


@dataclass
class CityHit:
    code6: str  # 6-digit code as written to the CSV
    city4: str  # the 4-digit NBS city code whose county-level units are searched
    name: str
    note: str = ""


def resolve_city(v: Vintage, prov: str, part: str) -> tuple[CityHit | None, list[str]]:
    """Find one city named in city_zh. Returns the hit (or None) and notes."""
    notes: list[str] = []
    sub = ""
    m = PAREN.match(part)
    if m:
        part, sub = m["city"].strip(), m["sub"].strip()
    hit: CityHit | None = None
    if prov in MUNICIPALITIES and part == v.province_names.get(prov):
        hit = CityHit(prov + "0000", "", part)
    elif part in v.cities.get(prov, {}):
        c4 = v.cities[prov][part]
        hit = CityHit(c4 + "00", c4, part)
    else:
        direct = [a for a in v.areas if a["provinceCode"] == prov and a["cityCode"].endswith("90") and a["name"] == part]
        if direct:
            a = direct[0]
            group = v.city_name(a["cityCode"])
            hit = CityHit(
                a["code"],
                "",
                part,
                f"city_code {a['code']} is the county-level code of {part} (NBS group {a['cityCode']}00 {group})",
            )
    if hit is None:
        elsewhere = [
            f"{code}00 in {v.province_names.get(p, p)}"
            for p, names in v.cities.items()
            for name, code in names.items()
            if name == part
        ]
        if elsewhere:
            notes.append(f"MISMATCH: city {part} is not in this province (NBS: {', '.join(elsewhere)})")
        else:
            notes.append(f"UNRESOLVED: city {part} not found in NBS {v.year}")
        return None, notes
    if hit.note:
        notes.append(hit.note)
    if sub:
        scope = hit.city4 or hit.code6[:4]
        subs = [a for a in v.areas if a["cityCode"] == scope and a["name"] == sub]
        if subs:
            notes.append(f"{sub} = {subs[0]['code']}")
        else:
            notes.append(f"{sub} not found under {hit.code6}")
    return hit, notes


def exact_matches(v: Vintage, zone: Zone, city4s: set[str]) -> list[dict[str, str]]:
    prov_name = zone.province_zh
    out = []
    for a in v.areas:
        if a["cityCode"] not in city4s:
            continue
        cname = v.city_name(a["cityCode"])
        if normalise(a["name"], prov_name, cname) == normalise(zone.name_zh, prov_name, cname):
            out.append(a)
    return out


def match_zone(cur: Vintage, previous: list[Vintage], zone: Zone) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(zone_id=zone.zone_id, name_zh=zone.name_zh, code_vintage=cur.year)
    notes: list[str] = []

    prov = cur.provinces.get(zone.province_zh, "")
    if not prov:
        notes.append(f"UNRESOLVED: province {zone.province_zh} not in NBS {cur.year}")
    row["province_code"] = prov

    parts = [p.strip() for p in CITY_SPLIT.split(zone.city_zh) if p.strip()]
    if not parts:
        notes.append("UNRESOLVED: edz has no city_zh")
    if len(parts) > 2:
        notes.append(f"city_zh names {len(parts)} units; only two are coded")
    hits: list[CityHit] = []
    for part in parts[:2]:
        hit, city_notes = resolve_city(cur, prov, part) if prov else (None, [])
        notes.extend(city_notes)
        if hit:
            if hit.code6[:2] != prov:
                notes.append(f"MISMATCH: city {hit.code6} is not in province {prov}")
            hits.append(hit)
    if hits:
        row["city_code"] = hits[0].code6
    if len(hits) > 1:
        row["city_code_2"] = hits[1].code6

    # Municipalities: search every county-level unit of the province.
    city4s = {h.city4 for h in hits if h.city4}
    if any(h.code6.endswith("0000") for h in hits):
        city4s |= {a["cityCode"] for a in cur.areas if a["provinceCode"] == prov}
    city4s |= {h.code6[:4] for h in hits if not h.city4 and not h.code6.endswith("0000")}

    exact = exact_matches(cur, zone, city4s)
    if len(exact) == 1:
        row["zone_code"] = exact[0]["code"]
        row["zone_code_name"] = exact[0]["name"]
        if exact[0]["name"] != zone.name_zh:
            notes.append(f"NBS name differs from edz name_zh: {exact[0]['name']}")
    elif len(exact) > 1:
        listed = ", ".join(f"{a['code']} {a['name']}" for a in exact)
        notes.append(f"AMBIGUOUS: several NBS units match ({listed}); none recorded")

    # Weaker evidence, reported but never recorded as zone_code.
    if not exact:
        forms = list(zone.other_names)
        if zone.name_zh.endswith("经济技术开发区"):
            forms.append(zone.name_zh[: -len("经济技术开发区")] + "经济开发区")
        for a in cur.areas:
            if a["cityCode"] not in city4s:
                continue
            cname = cur.city_name(a["cityCode"])
            nbs = normalise(a["name"], zone.province_zh, cname)
            hit_forms = [f for f in forms if normalise(f, zone.province_zh, cname) == nbs]
            if hit_forms:
                form = hit_forms[0]
                if form in zone.former_names:
                    why = f"edz former name {form}"
                elif form in zone.aliases:
                    why = f"edz alias {form}"
                else:
                    why = f"the pre-upgrade form {form} of the name"
                notes.append(
                    f"CANDIDATE (not recorded): NBS {cur.year} lists {a['code']} {a['name']} in the same city, matching {why}"
                )
    others = [
        a
        for a in cur.areas
        if a["cityCode"] not in city4s and a["name"] in (zone.name_zh, normalise(zone.name_zh, zone.province_zh, zone.city_zh))
    ]
    for a in others:
        notes.append(f"same name in another city: {a['code']} {a['name']} (not this zone)")

    # Earlier vintages: exact matches whose code differs from the current one.
    history: dict[tuple[str, str], list[str]] = defaultdict(list)
    for old in previous:
        old_city4s = {c for c in city4s if any(a["cityCode"] == c for a in old.areas)}
        for a in exact_matches(old, zone, old_city4s):
            if a["code"] != row["zone_code"]:
                history[(a["code"], a["name"])].append(old.year)
    for (code, name), years in sorted(history.items()):
        now = cur.areas_by_code.get(code)
        if now is None:
            fate = f"code not listed in {cur.year}"
        elif now["name"] == name:
            fate = f"still listed in {cur.year}"
        else:
            fate = f"in {cur.year} the same code is {now['name']}"
        notes.append(f"NBS {year_ranges(years)}: {code} {name} ({fate})")

    row["note"] = "; ".join(notes)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("compilation", type=Path, help="directory with provinces.csv, cities.csv, areas.csv")
    ap.add_argument("--vintage", default="2023", help="vintage year of COMPILATION (default 2023)")
    ap.add_argument("--zones", type=Path, required=True, help="edz zones JSON or data/zones.toml")
    ap.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="YEAR=DIR",
        help="an earlier vintage, for notes only (repeatable)",
    )
    ap.add_argument("-o", "--output", type=Path, default=Path("codes.csv"))
    args = ap.parse_args(argv)

    try:
        cur = Vintage.load(args.vintage, args.compilation)
        previous = []
        for spec in args.previous:
            year, sep, directory = spec.partition("=")
            if not sep or not year.isdigit():
                print(f"codes.py: --previous wants YEAR=DIR, got {spec!r}", file=sys.stderr)
                return 2
            previous.append(Vintage.load(year, Path(directory)))
        zones = load_zones(args.zones)
    except (OSError, KeyError, ValueError) as exc:
        print(f"codes.py: cannot read input: {exc}", file=sys.stderr)
        return 1

    rows = [match_zone(cur, previous, z) for z in zones]
    with args.output.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)

    coded = sum(1 for r in rows if r["city_code"])
    zone_level = sum(1 for r in rows if r["zone_code"])
    flagged = sum(1 for r in rows if "MISMATCH" in r["note"] or "UNRESOLVED" in r["note"])
    print(
        f"{len(rows)} zones: {coded} with city codes, {zone_level} zone-level codes, "
        f"{flagged} mismatched/unresolved -> {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
