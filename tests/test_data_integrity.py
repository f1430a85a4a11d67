"""The bundled dataset checks itself: ids, geography, sources, and the official counts."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from edzcli.loader import check_file
from edzcli.query import count_by_region

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# NBS four-region scheme (Chinese reference names of the provincial units)
NBS = {
    "east": {"北京市", "天津市", "河北省", "上海市", "江苏省", "浙江省", "福建省", "山东省", "广东省", "海南省"},
    "central": {"山西省", "安徽省", "江西省", "河南省", "湖北省", "湖南省"},
    "west": {
        "内蒙古自治区",
        "广西壮族自治区",
        "重庆市",
        "四川省",
        "贵州省",
        "云南省",
        "西藏自治区",
        "陕西省",
        "甘肃省",
        "青海省",
        "宁夏回族自治区",
        "新疆维吾尔自治区",
    },
    "northeast": {"辽宁省", "吉林省", "黑龙江省"},
}


def test_bundled_file_validates():
    path, problems = check_file()
    assert problems == [], [p.format(str(path)) for p in problems[:5]]


def test_232_active_zones_by_region_2025(ds):
    active = ds.active_zones
    assert len(active) == 232
    assert count_by_region(active) == {"east": 104, "central": 56, "west": 50, "northeast": 22}


def test_october_2024_roster_reconstructed_from_dates(ds):
    """Xinhua 2024-10-20: 229 zones, East 103 / Central 55 / West 50 / Northeast 21."""
    day = dt.date(2024, 10, 20)
    dated = [z for z in ds.zones.values() if z.present_on(day)]
    # a zone whose approval date is unknown counts if it had not left by then (it is on the 2025
    # list or left later); the test names them so a newly undated zone is noticed
    undated = [z for z in ds.zones.values() if z.approved is None and not (z.removed and z.removed <= day.isoformat())]
    assert [z.id for z in undated] in ([], ["songming-yanglin"])
    counts = count_by_region(dated + undated)
    assert sum(counts.values()) == 229
    assert counts == {"east": 103, "central": 55, "west": 50, "northeast": 21}


def test_four_upgrades_of_october_2024(ds):
    upgraded = {z.id for z in ds.zones.values() if z.approved == "2024-10-27"}
    assert upgraded == {"guangzhou-huadu", "guixi", "fuling", "shenyang-jinrongshangmao"}
    assert all(ds.zones[i].approved_verified for i in upgraded)


def test_removed_zones(ds):
    removed = {z.id: z for z in ds.zones.values() if not z.active}
    assert set(removed) == {"jiuquan", "shizuishan", "suihua", "songming-yanglin"}
    assert removed["jiuquan"].removed_basis == "confirmed" and removed["jiuquan"].removed.startswith("2020-01")
    assert removed["shizuishan"].removed_basis == "confirmed" and removed["shizuishan"].removed.startswith("2021-01")
    for z in removed.values():
        assert z.removed_source in ds.sources and z.removed_note


def test_first_zone_is_dalian_1984(ds):
    """Dalian, 1984-09-25, was the first; no zone has a month or day date before it."""
    assert ds.zones["dalian"].approved == "1984-09-25"
    earlier = [z.id for z in ds.zones.values() if z.approved and len(z.approved) >= 7 and z.approved[:7] < "1984-09"]
    assert earlier == []
    assert all(z.approved_year >= 1984 for z in ds.zones.values() if z.approved_year)


def test_ids_are_slugs_and_unique(ds):
    for table in (ds.sources, ds.regions, ds.provinces, ds.zones, ds.indicators, ds.documents, ds.areas, ds.measures):
        for key, rec in table.items():
            assert SLUG.match(key), key
            assert rec.id == key


def test_31_provinces_in_the_nbs_regions(ds):
    assert len(ds.provinces) == 31
    for p in ds.provinces.values():
        assert p.name_zh in NBS[p.region], (p.id, p.region)
    assert sum(len(v) for v in NBS.values()) == 31


def test_zone_region_matches_province_and_every_province_has_a_zone(ds):
    for z in ds.zones.values():
        assert z.region == ds.provinces[z.province].region, z.id
    assert {z.province for z in ds.active_zones} == set(ds.provinces)


def test_names_look_like_zone_names(ds):
    for z in ds.zones.values():
        assert z.name_zh.startswith(z.short_zh) or z.short_zh in z.name_zh, z.id
        assert z.name_en.isascii() and z.city_en.isascii(), z.id
        assert len({z.name_zh for z in ds.zones.values()}) == len(ds.zones)


def test_every_source_reference_resolves_and_every_source_is_used(ds):
    used: set[str] = set()
    for z in ds.zones.values():
        refs = [z.membership_source, z.approved_source, z.name_en_source, z.removed_source, z.area_source, z.industries_source]
        refs += [z.codes_source, z.approved_after_source, z.approved_before_source]
        refs += [h.source for h in z.highlights]
        refs += list(z.name_sources)
        used.update(r for r in refs if r)
    for p in ds.provinces.values():
        used.add(p.source)
    used.update(s.source for s in ds.stats)
    used.update(s.growth_source for s in ds.stats if s.growth_source)
    used.update(d.source for d in ds.documents.values())
    for m in ds.measures.values():
        used.update(m.sources)
    used.update(r.source for r in ds.rankings)
    used.update(d.date_source for d in ds.documents.values() if d.date_source)
    used.update(f.source for f in ds.zone_figures)
    assert used <= set(ds.sources), used - set(ds.sources)
    # a note may cite a source by its id: the figure a catalogue area replaced keeps its source there
    text = Path(ds.path).read_text(encoding="utf-8")
    in_notes = {sid for sid in set(ds.sources) - used if re.search(rf"[ (]{re.escape(sid)}[ ,;.)]", text)}
    assert len(in_notes) <= 80, "more sources cited only in notes than the replaced areas explain"
    assert set(ds.sources) - used - in_notes == set(), "sources nobody cites"


def test_sources_are_complete_citations(ds):
    for s in ds.sources.values():
        assert s.outlet.strip() and s.title.strip(), s.id
        if s.url:
            assert s.url.startswith(("http://", "https://")), s.id


def test_unverified_facts_are_never_counted_as_sourced(ds):
    for z in ds.zones.values():
        if z.approved_source is None:
            assert not z.approved_verified
        if z.name_en_status == "official":
            assert z.name_en_source
        if z.area_km2 is not None:
            assert z.area_source and z.area_kind


def test_every_stat_has_unit_source_and_known_indicator(ds):
    assert ds.stats
    for s in ds.stats:
        assert s.unit and s.source in ds.sources and s.indicator in ds.indicators


def test_headline_indicators_cover_2019_to_2024(ds):
    have = {(s.indicator, s.year) for s in ds.stats}
    for year in range(2019, 2025):
        assert ("gdp", year) in have, year
    for ind in ("trade-total", "high-tech-enterprises"):
        assert {y for i, y in have if i == ind} >= {2019, 2020, 2021, 2022, 2023, 2024}


def test_two_mofcom_series_for_2023_gdp(ds):
    gdp23 = {s.value: s for s in ds.stats if s.indicator == "gdp" and s.year == 2023 and s.period is None}
    assert set(gdp23) == {15.7, 14.8}
    assert gdp23[15.7].primary and not gdp23[14.8].primary
    assert gdp23[14.8].note or gdp23[15.7].note


def test_official_zone_counts_match_stats(ds):
    counts = {
        s.year: s.value for s in ds.stats if s.indicator == "zone-count" and s.primary and s.period is None and s.as_of is None
    }
    assert counts.get(2024) == 232
    assert counts.get(2023) == 229


def test_one_primary_per_indicator_year_period(ds):
    c = Counter((s.indicator, s.year, s.period, s.as_of) for s in ds.stats if s.primary)
    assert [k for k, n in c.items() if n > 1] == []


@pytest.mark.parametrize(("doc", "count"), [("plan-2025", 16), ("opinion-2019", 22), ("decision-2024", 7)])
def test_measure_counts(ds, doc, count):
    ms = [m for m in ds.measures.values() if m.document == doc]
    assert len(ms) == count == ds.documents[doc].measure_count
    assert sorted(m.number for m in ms) == sorted({m.number for m in ms})


def test_2025_areas_and_verified_headings(ds):
    areas = [a for a in ds.areas.values() if a.document == "plan-2025"]
    assert [a.id for a in sorted(areas, key=lambda a: a.order)] == [
        "new-productive-forces",
        "open-economy",
        "management-reform",
        "factor-support",
    ]
    verified = {m.heading_zh for m in ds.measures.values() if m.document == "plan-2025" and m.heading_status == "verified"}
    assert {"提升创新策源能力", "夯实制造业高质量发展基础", "打造安全稳固产业链供应链"} <= verified


def test_rankings_reference_zones(ds):
    for r in ds.rankings:
        assert r.zone in ds.zones and r.rank >= 1 and r.data_year <= r.edition


# Coverage may only go up: raise these floors when the data improves (docs/data.md, changelog).
COVERAGE_FLOORS = {
    "membership": 232,
    "approved": 225,  # 173, then 225 with the 2018 catalogue of development zones (issue 14)
    "name_en_official": 108,
    "area": 218,  # 111, then 218 with the catalogue's approved areas
    "area_approved": 216,  # 26, then 216
    "industries": 220,  # 135, then 220 with the catalogue's lists
    "facts": 28,
    "figures": 9,
    # no sourced date, but a sourced bound: 15, 38 after the second pick, then 7 once the catalogue
    # dated 52 zones (a bounded zone that gets a sourced date leaves this count: not a drop)
    "approved_bounds": 7,
    "approved_both_bounds": 1,
    "codes": 232,
    "zone_code": 32,
}
# issue 13: zone facts and zone figures may only grow
FACT_FLOOR = 87
ZONE_FIGURE_FLOOR = 38
# zones with neither a sourced approval date nor a sourced bound: may only go down (44, 21, 0)
NEITHER_CEILING = 0


def test_coverage_does_not_drop(ds):
    from edzcli.query import coverage

    cov = coverage(ds)
    for field, floor in COVERAGE_FLOORS.items():
        assert cov[field]["sourced"] >= floor, f"{field}: {cov[field]['sourced']} sourced, floor {floor}"
    assert sum(1 for m in ds.measures.values() if m.document == "plan-2025" and m.heading_status == "verified") >= 3
    assert sum(len(z.highlights) for z in ds.zones.values()) >= FACT_FLOOR
    assert len(ds.zone_figures) >= ZONE_FIGURE_FLOOR
    assert len(ds.documents) >= 4
    assert cov["approved_neither"]["with_value"] <= NEITHER_CEILING
    assert cov["approved"]["sourced"] + cov["approved_bounds"]["sourced"] + cov["approved_neither"]["with_value"] == 232


def test_about_reports_coverage(runner):
    import json

    from conftest import run

    data = json.loads(run(runner, "about", "-f", "json").stdout)
    assert data["zones_active"] == 232
    assert data["coverage"]["approved"]["sourced"] >= COVERAGE_FLOORS["approved"]
    assert data["coverage"]["approved"]["zones"] == 232


def test_aggregate_series_floors(ds):
    """Issue 14 part 3: years 2000-2024 with a full-year figure; raise the floors, never lower them."""

    def years(*inds: str) -> set[int]:
        return {
            s.year for s in ds.stats if s.indicator in inds and s.period is None and s.as_of is None and 2000 <= s.year <= 2024
        }

    assert len(years("gdp")) >= 13
    assert len(years("trade-total", "trade-total-usd")) >= 10
    assert len(years("fdi-actual")) >= 7
    assert len(years("tax-revenue")) >= 5


def test_2019_opinion_heading_floor(ds):
    """Issue 14 part 4: 17 headings verified (one in a full-text copy, 16 in Xinhua's summary)."""
    ms = [m for m in ds.measures.values() if m.document == "opinion-2019"]
    assert sum(1 for m in ms if m.heading_status == "verified") >= 17
    assert all(m.heading_status != "verified" or m.sources for m in ms)
    assert ds.measures["opinion-2019-17"].heading_zh.startswith("支持国家级经济技术开发区")
