"""Filters that never drop a value, search that covers what people ask, forgiving ids and an API
that raises instead of answering [] (issue 10)."""

from __future__ import annotations

import json

import pytest

from conftest import run, tsv
from edzcli.errors import InputError
from edzcli.query import filter_zones, get_source, resolve_indicator, zone_listing


def ids(runner, *args):
    r = run(runner, "zones", *args, "-f", "tsv")
    assert r.exit_code == 0, r.stderr
    return [row["id"] for row in tsv(r)]


# ----------------------------------------------------------------------------- union of filters


def test_repeated_and_comma_provinces_are_the_union(runner, ds):
    js = {z.id for z in ds.active_zones if z.province == "jiangsu"}
    zj = {z.id for z in ds.active_zones if z.province == "zhejiang"}
    assert js and zj
    assert set(ids(runner, "-p", "江苏", "-p", "浙江")) == js | zj
    assert set(ids(runner, "-p", "江苏,浙江")) == js | zj
    assert set(ids(runner, "-p", "Jiangsu，zhejiang")) == js | zj


def test_repeated_regions_are_the_union(runner, ds):
    want = {z.id for z in ds.active_zones if z.region in ("east", "central")}
    assert set(ids(runner, "-r", "east", "-r", "central")) == want
    assert set(ids(runner, "-r", "东部,中部")) == want


def test_taizhou_means_both_cities_and_says_so(runner, ds):
    both = {z.id for z in ds.active_zones if z.city_zh in ("泰州市", "台州市")}
    assert {"jingjiang", "taizhouwan"} <= both
    assert set(ids(runner, "--city", "Taizhou", "--lang", "en")) == both
    out = run(runner, "zones", "--city", "Taizhou", "--lang", "en", "-f", "table").stdout
    assert "names 2 cities" in out and "Jiangsu" in out and "Zhejiang" in out
    out = run(runner, "zones", "--city", "Taizhou", "-f", "table").stdout
    assert "泰州市" in out and "台州市" in out and "均已列出" in out


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("大理", "dali"),
        ("红河", "mengzi"),
        ("阿克苏", "kuche"),
        ("伊犁", "kuitun-dushanzi"),
        ("克拉玛依", "kuitun-dushanzi"),
        ("奎屯", "kuitun-dushanzi"),
        ("xian", "xian"),
        ("Xi'an", "xian"),
        ("苏州市", "kunshan"),
        ("蘇州", "kunshan"),
    ],
)
def test_short_prefecture_names_and_either_city_of_a_two_city_zone(runner, name, zone):
    assert zone in ids(runner, "--city", name)


def test_a_real_city_with_no_zone_is_an_empty_answer_with_a_note(runner):
    r = run(runner, "zones", "--city", "深圳", "-f", "table")
    assert r.exit_code == 0 and "深圳市" in r.stdout and "没有国家级经开区" in r.stdout
    r = run(runner, "zones", "--city", "Shenzhen", "--lang", "en", "-f", "table")
    assert r.exit_code == 0 and "no national ETDZ" in r.stdout
    assert ids(runner, "--city", "深圳") == []


def test_suzhou_also_names_a_city_without_a_zone(runner):
    out = run(runner, "zones", "--city", "Suzhou", "--lang", "en", "-f", "table").stdout
    assert "also names" in out and "Anhui" in out


def test_not_a_place_is_an_input_error_pointing_to_the_listing(runner):
    r = run(runner, "zones", "--city", "Atlantis")
    assert r.exit_code == 2 and "edz zones" in r.stderr and "..." not in r.stderr
    r = run(runner, "zones", "--province", "Atlantis")
    assert r.exit_code == 2 and "edz provinces" in r.stderr and "..." not in r.stderr


def test_the_api_resolves_names_or_raises(ds):
    js = filter_zones(ds, province="江苏")
    assert js and all(z.province == "jiangsu" for z in js)
    assert filter_zones(ds, province="jiangsu") == js
    assert {z.city_zh for z in filter_zones(ds, city="Taizhou")} == {"泰州市", "台州市"}
    assert filter_zones(ds, city="深圳") == []  # a real city: an answer, not a misunderstanding
    for bad in ({"province": "Atlantis"}, {"region": "middle-earth"}, {"city": "Gotham"}, {"industry": "  "}):
        with pytest.raises(InputError):
            filter_zones(ds, **bad)
    assert zone_listing(ds, city="Taizhou").notes[0].kind == "several"


# ----------------------------------------------------------------------------- industry, area


@pytest.mark.parametrize("text", ["生物医药", "新能源汽车", "semiconductor"])
def test_zones_by_industry(runner, ds, text):
    found = ids(runner, "--industry", text)
    assert found
    for zid in found:
        z = ds.zones[zid]
        assert any(text.lower() in i.lower() for i in (*z.industries_zh, *z.industries_en)), zid


def test_sort_by_area_with_an_area_column(runner):
    rows = tsv(run(runner, "zones", "--sort", "-area", "-f", "tsv"))
    assert "area_km2" in rows[0] and "area_kind" in rows[0]
    areas = [float(r["area_km2"]) for r in rows if r["area_km2"]]
    assert areas == sorted(areas, reverse=True) and len(areas) >= 50
    assert all(not r["area_km2"] for r in rows[len(areas) :])  # unknown areas last
    plain = tsv(run(runner, "zones", "-f", "tsv"))
    assert "area_km2" not in plain[0]  # the default listing keeps its columns
    assert "area_km2" in tsv(run(runner, "zones", "--with-area", "-f", "tsv"))[0]


# ----------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("text", "field"), [("生物医药", "industries"), ("新能源汽车", "industries"), ("semiconductor", "industries")]
)
def test_search_finds_industries_and_says_which_field(runner, text, field):
    hits = tsv(run(runner, "search", text, "--kind", "zone"))
    assert hits and hits[0]["field"] == field and hits[0]["matched"]
    assert all(h["field"] in ("industries", "highlights", "notes", "name") for h in hits)


def test_search_looks_in_highlights_notes_and_points(ds):
    from edzcli.search import search

    z = next(z for z in ds.zones.values() if z.highlights)
    words = z.highlights[0].text_zh[:8]
    assert any(h.id == z.id and h.field in ("highlights", "name") for h in search(ds, words, kinds=("zone",)))
    m = next(m for m in ds.measures.values() if m.points_zh)
    assert any(h.id == m.id for h in search(ds, m.points_zh[0][:10], kinds=("measure",)))


def test_search_and_zone_answer_a_huge_query_quickly(runner):
    # bounded cost: fuzzy matching looks at the first characters only (timed in bench/run.py)
    q = "开发区" * 40000
    assert run(runner, "search", q).exit_code == 0
    assert run(runner, "zone", q).exit_code == 1


# ----------------------------------------------------------------------------- forgiving ids


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("fdi", "fdi-actual"),
        ("FDI", "fdi-actual"),
        ("外资", "fdi-actual"),
        ("trade", "trade-total"),
        ("税收", "tax-revenue"),
        ("实际使用外资", "fdi-actual"),
        ("fdi_actual", "fdi-actual"),
        ("gdp", "gdp"),
    ],
)
def test_indicator_short_forms(ds, text, want):
    assert resolve_indicator(ds, text) == want


def test_indicator_prefix_of_several_names_them(runner):
    r = run(runner, "trend", "gdp-s")
    assert r.exit_code == 2 and "gdp-share-national" in r.stderr


def test_source_by_unique_prefix_and_outlet(runner, ds):
    sid = next(s for s in ds.sources if s.startswith("xinhua-"))
    parts = sid.split("-")
    prefixes = ("-".join(parts[:n]) for n in range(2, len(parts) + 1))
    prefix = next(p for p in prefixes if sum(s.startswith(p) for s in ds.sources) == 1)
    assert prefix != sid and get_source(ds, prefix).id == sid
    r = run(runner, "sources", "xinhua")
    assert r.exit_code == 2 and "begins" in r.stderr
    rows = tsv(run(runner, "sources", "--outlet", "新华社"))
    assert rows and all("新华社" in row["outlet"] for row in rows)
    assert run(runner, "sources", "--outlet", "no such outlet").exit_code == 2


def test_ranking_error_names_what_is_missing(runner):
    r = run(runner, "rankings", "2024", "--list", "overall-west")
    assert r.exit_code == 2 and "exists only for edition 2010" in r.stderr


def test_json_of_a_city_filter_is_the_records(runner):
    recs = json.loads(run(runner, "zones", "--city", "Taizhou", "-f", "json").stdout)
    assert {r["city_zh"] for r in recs} == {"泰州市", "台州市"}
