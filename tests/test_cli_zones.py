"""`edz zones` on the real dataset: the counts users rely on, filters, formats."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import run, tsv


def test_default_lists_the_232_active_zones(runner):
    r = run(runner, "zones")
    assert r.exit_code == 0, r.stderr
    rows = tsv(r)
    assert len(rows) == 232
    assert rows[0].keys() >= {"id", "name", "province", "city", "region", "approved", "approved_verified"}
    assert len({row["id"] for row in rows}) == 232


@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("west", 50),
        ("WEST", 50),
        ("西部", 50),
        ("西", 50),
        ("East", 104),
        ("东部", 104),
        ("central", 56),
        ("中部", 56),
        ("northeast", 22),
        ("东北", 22),
    ],
)
def test_region_filter_counts_of_2025(runner, value, count):
    r = run(runner, "zones", "--region", value)
    assert r.exit_code == 0, r.stderr
    assert len(tsv(r)) == count


def test_region_west_names_western_provinces_only(runner):
    rows = tsv(run(runner, "zones", "--region", "west", "--lang", "en"))
    assert {row["region"] for row in rows} == {"West"}
    assert "Sichuan" in {row["province"] for row in rows}
    assert "Jiangsu" not in {row["province"] for row in rows}


@pytest.mark.parametrize("value", ["江苏省", "江苏", "Jiangsu", "jiangsu", "ＪＩＡＮＧＳＵ"])
def test_province_accepts_chinese_short_english_and_fullwidth(runner, value):
    rows = tsv(run(runner, "zones", "--province", value))
    assert len(rows) == 27  # Jiangsu has the most national ETDZs (zones-roster.csv: 27)
    assert {row["province"] for row in rows} == {"江苏省"}


def test_city_filter(runner):
    zh = tsv(run(runner, "zones", "--city", "苏州"))
    en = tsv(run(runner, "zones", "--city", "Suzhou"))
    assert zh and [r["id"] for r in zh] == [r["id"] for r in en]
    assert "suzhou-gongye-yuanqu" in {r["id"] for r in zh}
    assert {r["city"] for r in zh} == {"苏州市"}


def test_since_until_filter_on_approval_year(runner, ds):
    rows = tsv(run(runner, "zones", "--since", "2021", "--until", "2021"))
    expected = {z.id for z in ds.active_zones if z.approved_year == 2021}
    assert {r["id"] for r in rows} == expected
    assert all(r["approved"].startswith("2021") for r in rows)


def test_first_zone_by_approval_is_dalian(runner):
    rows = tsv(run(runner, "zones", "--sort", "approved", "--limit", "1"))
    assert [r["id"] for r in rows] == ["dalian"]
    assert rows[0]["approved"].startswith("1984-09")


def test_reverse_sort_and_limit(runner):
    rows = tsv(run(runner, "zones", "--sort", "-approved", "--limit", "3"))
    assert len(rows) == 3
    dates = [r["approved"] for r in rows]
    assert dates == sorted(dates, reverse=True)


def test_removed_zones_hidden_by_default_and_shown_with_all(runner):
    ids = {r["id"] for r in tsv(run(runner, "zones"))}
    assert "jiuquan" not in ids
    rows = tsv(run(runner, "zones", "--all"))
    assert len(rows) == 236
    by_id = {r["id"]: r for r in rows}
    assert by_id["jiuquan"]["status"] == "removed" and by_id["jiuquan"]["removed"].startswith("2020")
    assert by_id["dalian"]["status"] == "active" and by_id["dalian"]["removed"] == ""
    table = run(runner, "zones", "--all", "--province", "甘肃", "-f", "table").stdout
    assert "已退出" in table


def test_json_keys_are_dataset_ids_and_utf8(runner):
    r = run(runner, "zones", "--region", "west", "--format", "json")
    data = json.loads(r.stdout)
    assert len(data) == 50
    assert "\\u" not in r.stdout  # unescaped UTF-8
    first = data[0]
    assert {"id", "name_zh", "name_en", "province", "region", "approved", "approved_source", "approved_verified"} <= first.keys()
    assert first["region"] == "west"


def test_csv_parses_and_matches_tsv(runner):
    c = run(runner, "zones", "--province", "上海", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(c.stdout)))
    assert [r["id"] for r in rows] == [r["id"] for r in tsv(run(runner, "zones", "--province", "上海"))]


def test_markdown_has_a_row_per_zone(runner):
    out = run(runner, "zones", "--region", "northeast", "-f", "markdown", "--lang", "en").stdout
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 22 + 1  # header + zones


def test_table_format_into_a_pipe_follows_columns(runner, ds):
    # issue 15 changed this: `-f table` off a terminal is laid out at COLUMNS (else 80), not at its natural width
    out = run(runner, "zones", "-f", "table", env={"COLUMNS": "300"}).stdout
    assert "…" not in out
    for z in ds.active_zones:
        assert z.name_zh in out
    narrow = run(runner, "zones", "-f", "table").stdout
    assert max(len(line) for line in narrow.splitlines()) <= 80
    for z in ds.active_zones:
        assert z.id in narrow.split()


def test_unverified_dates_are_flagged_in_every_format(runner, ds):
    unverified = [z for z in ds.active_zones if z.approved and not z.approved_verified]
    if not unverified:
        pytest.skip("every approval date is sourced")
    z = unverified[0]
    row = {r["id"]: r for r in tsv(run(runner, "zones"))}[z.id]
    assert row["approved_verified"] == "false"
    table = run(runner, "zones", "--province", ds.provinces[z.province].name_zh, "-f", "table").stdout
    assert f"{z.approved}*" in table and "未核实" in table
    md = run(runner, "zones", "--province", ds.provinces[z.province].name_zh, "-f", "markdown", "--lang", "en").stdout
    assert f"{z.approved}*" in md and "unverified" in md
    rec = {x["id"]: x for x in json.loads(run(runner, "zones", "-f", "json").stdout)}[z.id]
    assert rec["approved_verified"] is False and rec["approved_source"] is None


def test_lang_en_uses_english_names(runner):
    rows = {r["id"]: r for r in tsv(run(runner, "zones", "--lang", "en"))}
    assert rows["suzhou-gongye-yuanqu"]["name"] == "Suzhou Industrial Park"
    assert rows["beijing"]["province"] == "Beijing"


def test_global_lang_option_before_command(runner):
    rows = tsv(run(runner, "--lang", "en", "zones", "--region", "west", "--limit", "1"))
    assert rows[0]["region"] == "West"


def test_empty_result_is_header_only_exit_0(runner):
    r = run(runner, "zones", "--region", "west", "--province", "江苏")
    assert r.exit_code == 0
    assert r.stdout.strip().split("\n") == ["id\tname\tprovince\tcity\tregion\tapproved\tapproved_verified"]
