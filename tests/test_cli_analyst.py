"""The analyst's commands: zone, search, trend, indicators, regions, provinces, history, rankings,
sources, export, validate, --as-of."""

from __future__ import annotations

import csv
import json
import re
import sqlite3

import pytest

from conftest import MINI, run, tsv

# ----------------------------------------------------------------------------- edz zone


@pytest.mark.parametrize(
    "query", ["guangzhou", "廣州開發區", "广州经济技术开发区", "广州经开区", "广州开发区", "ＧＵＡＮＧＺＨＯＵ", "Guangzhou ETDZ"]
)
def test_zone_lookup_forgives_suffixes_width_and_case(runner, query):
    r = run(runner, "zone", query, "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["id"] == "guangzhou"


def test_zone_city_of_several_zones_lists_them(runner):
    # 广州 hosts four zones: the bare city name is a question, not the Guangzhou ETDZ (issue 10)
    r = run(runner, "zone", "广州")
    assert r.exit_code == 1 and "guangzhou-nansha" in r.stderr and "edz zones --city 广州" in r.stderr


def test_zone_short_name_of_sip(runner):
    rec = json.loads(run(runner, "zone", "苏州工业园区", "-f", "json").stdout)
    assert rec["id"] == "suzhou-gongye-yuanqu" and rec["province"] == "jiangsu"


def test_zone_record_shows_sources_and_flags(runner, ds):
    out = run(runner, "zone", "dalian", "-f", "table").stdout
    z = ds.zones["dalian"]
    assert z.approved in out
    if z.approved_source:
        assert f"[{z.approved_source}]" in out


def test_zone_highlight_from_the_seed_articles(runner, ds):
    with_highlights = [z for z in ds.zones.values() if z.highlights]
    assert len(with_highlights) >= 5
    z = with_highlights[0]
    out = run(runner, "zone", z.id, "--lang", "en", "-f", "markdown").stdout
    assert z.highlights[0].text_en in out and z.highlights[0].source in out


def test_zone_ambiguous_lists_candidates_exit_1(runner):
    r = run(runner, "zone", "苏州")
    assert r.exit_code == 1
    assert "matches" in r.stderr and "suzhou-gongye-yuanqu" in r.stderr
    assert r.stderr.count("\n") == 1


def test_zone_unknown_exit_1(runner):
    r = run(runner, "zone", "Atlantis Free Port")
    assert r.exit_code == 1 and "no zone matches" in r.stderr


def test_removed_zone_shows_its_removal(runner):
    rec = json.loads(run(runner, "zone", "酒泉", "-f", "json").stdout)
    assert rec["status"] == "removed" and rec["removed"].startswith("2020")


# ----------------------------------------------------------------------------- edz search


def test_search_ranks_exact_zone_first_and_is_stable(runner):
    a = tsv(run(runner, "search", "宜宾临港"))
    b = tsv(run(runner, "search", "宜宾临港"))
    assert a == b
    assert a[0]["id"] == "yibin-lingang" and a[0]["kind"] == "zone"


def test_search_forgives_a_typo(runner):
    hits = tsv(run(runner, "search", "Kunshann", "--kind", "zone"))
    assert hits and hits[0]["id"] == "kunshan"


def test_search_finds_measures_and_indicators(runner):
    kinds = {h["kind"] for h in tsv(run(runner, "search", "创新"))}
    assert "measure" in kinds
    assert tsv(run(runner, "search", "GDP", "--kind", "indicator"))[0]["id"] == "gdp"


def test_search_unknown_kind(runner):
    r = run(runner, "search", "x", "--kind", "zoen")
    assert r.exit_code == 2 and "did you mean 'zone'" in r.stderr


# ----------------------------------------------------------------------------- trend, indicators


def test_trend_gdp_has_both_series_and_no_interpolation(runner, ds):
    rows = tsv(run(runner, "trend", "gdp", "--from", "2019", "--to", "2024"))
    years = [int(r["year"]) for r in rows]
    stored = {
        s.year for s in ds.stats if s.indicator == "gdp" and 2019 <= s.year <= 2024 and s.period is None and s.as_of is None
    }
    assert set(years) == stored  # no year that was not published
    y2023 = [r for r in rows if r["year"] == "2023"]
    assert {r["value"] for r in y2023} == {"15.7", "14.8"}


def test_trend_yoy_is_computed_from_primary_values(runner, ds):
    rows = {(r["year"], r["primary"]): r for r in tsv(run(runner, "trend", "gdp"))}
    p23 = next(s for s in ds.stats if s.indicator == "gdp" and s.year == 2023 and s.primary and s.as_of is None)
    p24 = next(s for s in ds.stats if s.indicator == "gdp" and s.year == 2024 and s.primary and s.as_of is None)
    assert float(rows[("2024", "true")]["yoy_pct"]) == round((p24.value / p23.value - 1) * 100, 1)
    assert rows[("2024", "true")]["yoy_basis"] == "computed"
    # issue 11: a published growth rate is shown as published (2023's evaluation figure: +5.6%)
    a23 = next(s for s in ds.stats if s.indicator == "gdp" and s.year == 2023 and not s.primary)
    assert float(rows[("2023", "false")]["yoy_pct"]) == a23.growth_published
    assert rows[("2023", "false")]["yoy_basis"] == "published"


def test_trend_table_draws_bars(runner):
    out = run(runner, "trend", "gdp", "-f", "table").stdout
    assert ("█" in out and "y/y" in out) or "同比" in out


def test_trend_unknown_indicator(runner):
    r = run(runner, "trend", "gpd")
    assert r.exit_code == 2 and "did you mean 'gdp'" in r.stderr


def test_indicators_lists_years(runner):
    rows = {r["id"]: r for r in tsv(run(runner, "indicators"))}
    covered = set()
    for part in rows["gdp"]["years"].split(", "):
        a, _, b = part.partition("-")
        covered |= set(range(int(a), int(b or a) + 1))
    assert set(range(2019, 2025)) <= covered


# ----------------------------------------------------------------------------- roster over time


def test_regions_october_2024_matches_xinhua(runner):
    rows = {r["region"]: r for r in tsv(run(runner, "regions", "--as-of", "2024-10-20"))}
    assert rows["total"]["official"] == "229"
    for rid, n in {"east": 103, "central": 55, "west": 50, "northeast": 21}.items():
        assert rows[rid]["official"] == str(n)


def test_regions_now(runner):
    rows = {r["region"]: r for r in tsv(run(runner, "regions"))}
    assert rows["total"]["zones"] == "232"
    assert rows["west"]["zones"] == "50"


def test_provinces_has_31_and_sums_to_232(runner):
    rows = tsv(run(runner, "provinces"))
    assert len(rows) == 31
    assert sum(int(r["zones"]) for r in rows) == 232
    by = {r["province"]: r for r in rows}
    assert by["jiangsu"]["zones"] == "27"


def test_zones_as_of_before_the_2024_upgrades(runner):
    before = {r["id"] for r in tsv(run(runner, "zones", "--as-of", "2024-10-26"))}
    after = {r["id"] for r in tsv(run(runner, "zones", "--as-of", "2024-10-27"))}
    assert after - before == {"guangzhou-huadu", "guixi", "fuling", "shenyang-jinrongshangmao"}
    assert "jiuquan" in {r["id"] for r in tsv(run(runner, "zones", "--as-of", "2019-12-31"))}
    assert "jiuquan" not in before


def test_as_of_bad_date(runner):
    r = run(runner, "zones", "--as-of", "2024-13-01")
    assert r.exit_code == 2 and "invalid date" in r.stderr


def test_history_has_year_ends_and_official_counts(runner):
    rows = {r["year"]: r for r in tsv(run(runner, "history"))}
    assert rows["1984"]["zones"] != "0"
    assert rows["2024"]["official"] == "232"
    # 233: Songming Yanglin's inferred removal is kept in 2025 (its note says why); the note under
    # the table names the inferred removals among the causes of a difference
    assert (rows["2024"]["zones"], rows["2024"]["difference"]) == ("233", "1")
    assert "songming-yanglin, suihua" in run(runner, "history", "--lang", "en", "-f", "markdown").stdout
    assert [y for y, r in rows.items() if "2017" <= y <= "2022" and r["difference"] not in ("", "0")] == []


# ----------------------------------------------------------------------------- rankings, sources


def test_rankings_latest_overall_sip_first(runner):
    rows = tsv(run(runner, "rankings"))
    assert rows[0]["rank"] == "1" and rows[0]["zone"] == "suzhou-gongye-yuanqu"


def test_rankings_unknown_edition(runner):
    r = run(runner, "rankings", "1999")
    assert r.exit_code == 2 and "unknown edition 1999" in r.stderr


def test_rankings_table_says_partial(runner, ds):
    editions = sorted({r.edition for r in ds.rankings if r.list == "overall"})
    out = run(runner, "rankings", str(editions[-1]), "-f", "table", "--lang", "en").stdout
    assert "edition" in out


def test_sources_list_and_one(runner, ds):
    rows = tsv(run(runner, "sources"))
    assert len(rows) == len(ds.sources)
    sid = next(iter(ds.sources))
    rec = json.loads(run(runner, "sources", sid, "-f", "json").stdout)
    assert rec["id"] == sid and rec["cited_by"]


def test_sources_unknown_id(runner):
    r = run(runner, "sources", "no-such-source")
    assert r.exit_code == 2


# ----------------------------------------------------------------------------- export


def test_export_sqlite_opens_and_answers_sql(runner, tmp_path):
    db = tmp_path / "edz.db"
    r = run(runner, "export", "--format", "sqlite", "--output", str(db))
    assert r.exit_code == 0, r.stderr
    con = sqlite3.connect(db)
    (n,) = con.execute("SELECT count(*) FROM zones WHERE status = 'active'").fetchone()
    assert n == 232
    west = con.execute(
        "SELECT count(*) FROM zones z JOIN provinces p ON p.id = z.province WHERE p.region = 'west' AND z.status = 'active'"
    ).fetchone()[0]
    assert west == 50
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = con.execute("SELECT \"table\" FROM pragma_foreign_key_list('zones')").fetchall()
    assert ("provinces",) in fks and ("sources",) in fks
    (gdp,) = con.execute("SELECT value FROM stats WHERE indicator = 'gdp' AND year = 2023 AND is_primary = 1").fetchone()
    assert gdp == 15.7


def test_export_json_and_csv(runner, tmp_path):
    j = tmp_path / "edz.json"
    assert run(runner, "export", "-f", "json", "-o", str(j)).exit_code == 0
    data = json.loads(j.read_text(encoding="utf-8"))
    assert len(data["zones"]) == 236
    d = tmp_path / "csv"
    assert run(runner, "export", "-f", "csv", "-o", str(d)).exit_code == 0
    with open(d / "zones.csv", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 236


def test_failed_export_leaves_previous_file_intact(runner, tmp_path, monkeypatch):
    from edzcli import export

    target = tmp_path / "edz.db"
    target.write_bytes(b"previous export")

    def boom(ds):
        yield "meta", {"key": "schema_version", "value": "1"}
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "rows", boom)
    r = run(runner, "export", "-f", "sqlite", "-o", str(target))
    assert r.exit_code == 1 and "No space left" in r.stderr
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["edz.db"]  # no temporary file left behind


def test_export_bad_format(runner, tmp_path):
    r = run(runner, "export", "-f", "xlsx", "-o", str(tmp_path / "x"))
    assert r.exit_code == 2 and "valid: sqlite, json, csv" in r.stderr


def test_mini_dataset_through_every_listing_command(runner):
    for args in (
        ["zones"],
        ["stats"],
        ["policies"],
        ["indicators"],
        ["sources"],
        ["regions"],
        ["provinces"],
        ["history"],
        ["about"],
    ):
        for fmt in ("table", "tsv", "csv", "json", "markdown"):
            r = run(runner, "--data", str(MINI), *args, "-f", fmt)
            assert r.exit_code == 0, (args, fmt, r.stderr)


def test_history_never_subtracts_from_a_more_than_figure(runner):
    rows = {r["year"]: r for r in tsv(run(runner, "history"))}
    assert rows["2014"]["official"] == "200" and rows["2014"]["official_qualifier"] == "over"
    assert rows["2014"]["difference"] == ""
    md = run(runner, "history", "-f", "markdown").stdout
    assert "| >200 |" in md


def test_rankings_partial_note_names_the_known_ranks(runner, ds):
    known = sorted({r.rank for r in ds.rankings if r.edition == 2021 and r.list == "fdi"})
    out = run(runner, "rankings", "2021", "--list", "fdi", "--lang", "en", "-f", "markdown").stdout
    assert "partial list: only ranks " in out
    if known != list(range(1, len(known) + 1)):
        assert ", ".join(map(str, known)) in out


EVERY_COMMAND = [
    ["zones", "--region", "west"],
    ["zone", "宜宾临港"],
    ["search", "宜宾"],
    ["stats", "2023"],
    ["trend", "gdp"],
    ["indicators"],
    ["policies", "--points"],
    ["policies", "--doc", "2019"],
    ["regions", "--as-of", "2024-10-20"],
    ["provinces"],
    ["history"],
    ["rankings", "2021"],
    ["sources", "--kind", "official"],
    ["sources", "xinhua-2024-10-20-etdz-40-years"],
    ["about"],
]


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json", "markdown"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_in_every_format_and_language(runner, fmt, lang):
    for args in EVERY_COMMAND:
        r = run(runner, *args, "-f", fmt, "--lang", lang)
        assert r.exit_code == 0, (args, fmt, lang, r.stderr)
        assert r.stdout.strip(), (args, fmt, lang)
        if fmt == "json":
            json.loads(r.stdout)
        if fmt in ("tsv", "csv"):
            sep = "\t" if fmt == "tsv" else ","
            header = r.stdout.split("\n", 1)[0].split(sep)
            assert all(re.fullmatch(r"[a-z0-9_]+", h) for h in header), (args, header)  # stable ids


def test_shell_completion_offers_dataset_values(runner):
    from edzcli.completion import complete_area, complete_indicator, complete_province, complete_region, complete_year

    def values(items):
        return [v if isinstance(v, str) else v[0] for v in items]

    assert values(complete_region("we")) == ["west"]
    assert "西部" in values(complete_region("西"))
    assert "jiangsu" in values(complete_province("jiang"))
    assert values(complete_area("open")) == ["open-economy", "open-economy-2019"]
    assert "gdp" in values(complete_indicator("gd"))
    assert "2023" in values(complete_year("202"))
    r = run(runner, env={"_EDZ_COMPLETE": "complete_bash", "COMP_WORDS": "edz zones --region w", "COMP_CWORD": "3"})
    assert r.stdout.split() == ["plain,west"]
