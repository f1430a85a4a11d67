"""`edz stats` and `edz policies` on the real dataset."""

from __future__ import annotations

import json

from conftest import run, tsv


def test_stats_2023_keeps_both_mofcom_gdp_series(runner):
    r = run(runner, "stats", "2023")
    assert r.exit_code == 0, r.stderr
    gdp = [row for row in tsv(r) if row["indicator"] == "gdp"]
    values = {row["value"]: row for row in gdp}
    assert set(values) == {"15.7", "14.8"}
    assert values["15.7"]["primary"] == "true" and values["14.8"]["primary"] == "false"
    assert all(row["unit"] == "trillion-cny" and row["source"] for row in gdp)


def test_stats_rows_have_unit_and_source(runner):
    for row in tsv(run(runner, "stats", "2024", "--all")):
        assert row["unit"], row
        assert row["source"], row


def test_stats_default_is_latest_substantive_year(runner, ds):
    rows = tsv(run(runner, "stats"))
    assert {r["year"] for r in rows} == {"2024"}  # 2025 has only a zone count so far
    assert {"gdp", "trade-total", "fdi-actual"} <= {r["indicator"] for r in rows}
    assert tsv(run(runner, "stats", "latest")) == rows


def test_stats_share_of_national_total(runner):
    rows = {r["indicator"]: r for r in tsv(run(runner, "stats", "2024")) if r["primary"] == "true"}
    assert rows["trade-total"]["share_national"] == "24.5"
    assert rows["fdi-actual"]["share_national"] == "23.4"


def test_stats_unknown_year_lists_years(runner, ds):
    r = run(runner, "stats", "1850")
    assert r.exit_code == 2
    assert "unknown year 1850" in r.stderr
    assert "2017-2025" in r.stderr and "1993" in r.stderr  # years as ranges, so the list is never cut
    assert r.stderr.count("\n") == 1
    assert r.stdout == ""


def test_stats_table_shows_alt_marker_and_sources(runner):
    out = run(runner, "stats", "2023", "-f", "table", "--lang", "en").stdout
    assert "14.8 (alt)" in out
    assert "15.7" in out


def test_stats_json_records(runner):
    data = json.loads(run(runner, "stats", "2023", "-f", "json").stdout)
    gdp = [d for d in data if d["indicator"] == "gdp"]
    assert {d["series"] for d in gdp} == {"main-indicators", "evaluation"}
    assert all(d["source"] for d in data)


def test_policies_2025_has_16_measures_in_4_areas(runner):
    rows = tsv(run(runner, "policies"))
    assert len(rows) == 16
    assert {r["document"] for r in rows} == {"2025"}
    assert len({r["area"] for r in rows}) == 4


def test_policies_verification_state_is_visible(runner, ds):
    rows = tsv(run(runner, "policies", "--lang", "en"))
    verified = [r for r in rows if r["heading_status"] == "verified"]
    assert len(verified) == sum(1 for m in ds.measures.values() if m.document == "plan-2025" and m.heading_status == "verified")
    table = run(runner, "policies", "-f", "table", "--lang", "en").stdout
    assert "inferred" in table and "not verified" in table


def test_policies_area_by_id_and_chinese_name(runner):
    by_id = tsv(run(runner, "policies", "--area", "open-economy"))
    by_zh = tsv(run(runner, "policies", "--area", "提升开放型经济水平"))
    assert by_id and [r["id"] for r in by_id] == [r["id"] for r in by_zh]


def test_policies_2019_has_22(runner):
    rows = tsv(run(runner, "policies", "--doc", "2019"))
    assert len(rows) == 22


def test_policies_unknown_area(runner):
    r = run(runner, "policies", "--area", "open-econmy")
    assert r.exit_code == 2
    assert "did you mean 'open-economy'" in r.stderr
