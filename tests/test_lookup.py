"""The zone lookup knows when it is sure (issue 10): a table of realistic queries with expected
outcomes, the English phrasings that used to give a wrong zone, and the lookup's own rules."""

from __future__ import annotations

import csv
import json

import pytest

from conftest import ROOT, run
from edzcli.errors import NotFoundError
from edzcli.search import resolve_zone

with open(ROOT / "tests" / "data" / "zone_queries.csv", encoding="utf-8") as _f:
    TABLE = list(csv.DictReader(_f))


def outcome(ds, query):
    """("one", zone id, how) or ("candidates" | "none", candidate ids, message)."""
    try:
        r = resolve_zone(ds, query)
    except NotFoundError as e:
        return ("candidates" if e.candidates else "none", e.candidates, str(e))
    return ("one", r.zone.id, r.how)


def test_the_table_is_big_and_mixed():
    assert len(TABLE) >= 150
    kinds = {r["expected"] for r in TABLE}
    assert kinds == {"one", "candidates", "none"}
    assert sum(1 for r in TABLE if r["query"].isascii()) >= 80  # English, pinyin, abbreviations
    assert sum(1 for r in TABLE if any(ch in r["query"] for ch in "經開區廣蘇灣")) >= 20  # traditional characters


@pytest.mark.parametrize("row", TABLE, ids=[r["query"] for r in TABLE])
def test_query_table(ds, row):
    kind, got, how = outcome(ds, row["query"])
    want, zid, also = row["expected"], row["zone_id"], row["also_ok"]
    if kind == "one":
        # exit 0 must be the right zone: the worst bug is a confident wrong answer
        assert (got in {zid, also} and want == "one") or got == also, (row["query"], got, how, row["why"])
        return
    if want == "one":
        assert also == "candidates" and zid in got, (row["query"], kind, got, how)
    elif want == "candidates":
        assert kind == "candidates" or also == "none", (row["query"], kind, how)
        if zid and kind == "candidates":
            assert zid in got, (row["query"], got)
    # want == "none": any exit 1 is right (a suggestion is allowed, a zone is not)


def english_phrasings(ds):
    """'{X} Development Zone', '{X} Industrial Park', '{X} Development Area' for every zone city,
    every real prefecture and every zone's short name in pinyin, with the zones X may mean."""
    from edzcli.names import pinyin_of, prefectures
    from edzcli.search import city_parts, short_place

    names: dict[str, set[str]] = {}
    for z in ds.zones.values():
        names.setdefault(z.city_en, set()).update(w.id for w in ds.zones.values() if w.city_en == z.city_en)
        names.setdefault(pinyin_of(z.short_zh).capitalize(), set()).add(z.id)
    for _prov, _full, short in prefectures():
        here = {z.id for z in ds.zones.values() if any(short_place(p) == short for p in city_parts(z.city_zh))}
        names.setdefault(pinyin_of(short).capitalize(), set()).update(here)
    for x, right in sorted(names.items()):
        for pattern in ("{} Development Zone", "{} Industrial Park", "{} Development Area"):
            yield pattern.format(x), right


def test_no_english_phrasing_gives_a_wrong_zone(ds):
    from edzcli.names import fold, latin_key, pinyin_of

    phrasings = list(english_phrasings(ds))
    assert len(phrasings) > 1200
    wrong = []
    for q, right in phrasings:
        kind, got, _ = outcome(ds, q)
        if kind != "one":
            continue
        z = ds.zones[got]
        x = latin_key(fold(q.rsplit(" ", 2)[0]))
        if got not in right and latin_key(fold(z.city_en)) != x and pinyin_of(z.short_zh) != x:
            wrong.append((q, got))
    assert wrong == []


@pytest.mark.parametrize(
    ("query", "zone"),
    [
        ("苏洲工业园区", "suzhou-gongye-yuanqu"),
        ("广洲经济技术开发区", "guangzhou"),
        ("Tianjing Economic-Technological Development Area", "tianjin"),
    ],
)
def test_a_typo_is_resolved_and_said(runner, query, zone):
    r = run(runner, "zone", query, "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["id"] == zone
    assert zone in r.stderr and ("read" in r.stderr or "理解为" in r.stderr)


@pytest.mark.parametrize("query", ["Tianjin Development Zone", "Harbin Development Area", "Guangzhou Industrial Park", "HETDZ"])
def test_ambiguous_english_lists_candidates_with_cities(runner, query):
    r = run(runner, "zone", query)
    assert r.exit_code == 1 and "matches" in r.stderr and "市" in r.stderr, r.stderr


def test_a_larger_area_is_a_pointer_not_the_zone(runner):
    r = run(runner, "zone", "金普新区")
    assert r.exit_code == 1 and "dalian" in r.stderr and "larger area" in r.stderr


def test_a_real_city_without_a_zone_says_so(runner):
    r = run(runner, "zone", "深圳")
    assert r.exit_code == 1 and "深圳市" in r.stderr and "no national ETDZ" in r.stderr


@pytest.mark.parametrize("query", ["Development Zone", "经开区", "ETDZ", "开发区"])
def test_generic_words_alone_name_no_zone(runner, query):
    r = run(runner, "zone", query)
    assert r.exit_code == 1 and "generic" in r.stderr


def test_generated_pinyin_covers_every_name(ds):
    """tools/pinyin.py must be re-run when a Chinese zone name or alias is added."""
    from edzcli.names import name_pinyin
    from edzcli.search import core_zh_names

    missing = [
        c
        for z in ds.zones.values()
        for c in core_zh_names(z.name_zh, z.short_zh, z.city_zh, z.aliases, z.former_names)
        if c not in name_pinyin()
    ]
    assert missing == [], "run: python tools/pinyin.py NBS_DIR (see its docstring)"


def test_traditional_table_round_trips():
    from edzcli.names import fold

    assert fold("廣州經濟技術開發區") == "广州经济技术开发区"
    assert fold("瀋陽") == "沈阳"
