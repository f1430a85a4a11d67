"""Malformed and adversarial data files: each is rejected with file:line:col or a record/field
path, exit 1, one line, no traceback."""

from __future__ import annotations

import re

import pytest

from conftest import MINI, run

BASE = MINI.read_text(encoding="utf-8")


def sub(old: str, new: str, count: int = 1) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, count)


ZONE_ONE = BASE[BASE.index("[[zones]]") : BASE.index("[[zones]]", BASE.index("[[zones]]") + 1)]

CASES: dict[str, tuple[str, str]] = {
    # --- TOML syntax: file:line:col
    "unterminated string": (sub('title_zh = "测试数据"', 'title_zh = "测试数据'), r":\d+:\d+: TOML syntax error"),
    "bad value": (sub("schema_version = 1", "schema_version = = 1"), r":\d+:\d+: TOML syntax error"),
    "duplicate key": (
        sub('title_en = "Test data"', 'title_en = "Test data"\ntitle_en = "again"'),
        r":\d+:\d+: TOML syntax error",
    ),
    "bad table header": (sub("[[regions]]", "[[regions]"), r":\d+:\d+: TOML syntax error"),
    "garbage line": (sub("[[sources]]", "this is not toml\n[[sources]]"), r":\d+:\d+: TOML syntax error"),
    "unclosed array": (sub('aliases = ["ONE"]', 'aliases = ["ONE"'), r":\d+:\d+: TOML syntax error"),
    "bad date literal": (sub('as_of = "2000-01-01"', "as_of = 2000-13-01"), r":\d+:\d+: TOML syntax error"),
    "control character": (sub("测试来源 A", "测试\x01来源"), r":\d+:\d+: TOML syntax error"),
    "lone surrogate escape": (sub("测试来源 A", "\\ud800"), r":\d+:\d+: TOML syntax error"),
    "empty file": ("", r"missing \[meta\]"),
    "only comments": ("# nothing here\n", r"missing \[meta\]"),
    "deep nesting": ("x = " + "[" * 5000 + "]" * 5000 + "\n", r"(nesting too deep|TOML syntax error|unknown table)"),
    # --- wrong types
    "schema version string": (sub("schema_version = 1", 'schema_version = "1"'), r"meta \.schema_version: must be an integer"),
    "future schema": (sub("schema_version = 1", "schema_version = 99"), r"schema version"),
    "zone id int": (sub('id = "one"', "id = 1"), r"zones\[0\] \.id: must be a string"),
    "zone id not slug": (sub('id = "one"', 'id = "One Zone"'), r"zones\[0\] id='One Zone' \.id: must be an ASCII slug"),
    "chinese id": (sub('id = "one"', 'id = "一号"'), r"must be an ASCII slug"),
    "aliases not list": (sub('aliases = ["ONE"]', 'aliases = "ONE"'), r"\.aliases: must be a list"),
    "alias empty": (sub('aliases = ["ONE"]', 'aliases = [""]'), r"\.aliases: must be a list of non-empty strings"),
    "alias int": (sub('aliases = ["ONE"]', "aliases = [1]"), r"\.aliases: must be a list of non-empty strings"),
    "value string": (sub("value = 1.5", 'value = "1.5"'), r"stats\[0\] 'gdp' 1999 \.value: must be a finite number"),
    "value bool": (sub("value = 1.5", "value = true"), r"\.value: must be a finite number"),
    "value nan": (sub("value = 1.5", "value = nan"), r"\.value: must be a finite number"),
    "value inf": (sub("value = 1.5", "value = inf"), r"\.value: must be a finite number"),
    "year float": (sub("year = 1999", "year = 1999.5"), r"\.year: must be an integer"),
    "year huge": (sub("year = 1999", "year = 99999999999999999"), r"\.year: must be an integer"),
    "headline string": (sub("headline = true", 'headline = "yes"'), r"\.headline: must be true or false"),
    "empty name": (sub('name_zh = "甲省"', 'name_zh = ""'), r"provinces\[0\] id='alpha' \.name_zh: must be a non-empty string"),
    "blank name": (sub('name_zh = "甲省"', 'name_zh = "   "'), r"\.name_zh: must be a non-empty string"),
    "huge string": (sub('title = "测试来源 A"', 'title = "' + "x" * 20000 + '"'), r"\.title: must be a string of at most"),
    "table instead of array": (
        sub('[[regions]]\nid = "east"', '[regions]\nid = "east"'),
        r"(regions: must be an array of tables|:\d+:\d+: TOML syntax error)",
    ),
    "record is a string": ("zones = ['x']\n" + BASE, r"(zones: must be an array|zones\[0\]: must be a table|TOML syntax error)"),
    "highlights not tables": (
        sub('aliases = ["ONE"]', 'aliases = ["ONE"]\nhighlights = ["text"]'),
        r"\.highlights: must be a list of tables",
    ),
    # --- bad dates
    "approved month 13": (sub('approved = "1990-05-01"', 'approved = "1990-13-01"'), r"\.approved: must be a date"),
    "approved feb 30": (sub('approved = "1990-05-01"', 'approved = "1990-02-30"'), r"\.approved: must be a date"),
    "approved words": (sub('approved = "1990-05-01"', 'approved = "May 1990"'), r"\.approved: must be a date"),
    "approved range": (sub('approved = "2010"', 'approved = "2013-2015"'), r"\.approved: must be a date"),
    # --- missing fields and tables
    "missing meta": (BASE.replace(BASE[BASE.index("[meta]") : BASE.index("[[sources]]")], ""), r"missing \[meta\]"),
    "missing zones": (re.sub(r"\[\[zones\]\][\s\S]*?(?=\[\[indicators\]\])", "", BASE), r"missing \[\[zones\]\]"),
    "missing outlet": (sub('outlet = "测试社"\n', ""), r"sources\[0\] id='src-a' \.outlet: missing required field"),
    "missing province": (sub('province = "alpha"\n', ""), r"zones\[0\] id='one' \.province: missing required field"),
    "missing stat source": (
        sub('primary = true\nsource = "src-a"', "primary = true"),
        r"stats\[0\] 'gdp' 1999 \.source: missing required field",
    ),
    "missing unit": (sub('unit = "trillion-cny"\nscope', "scope"), r"\.unit: missing required field"),
    # --- bad choices, unknown fields
    "unknown kind": (sub('kind = "news"', 'kind = "rumour"'), r"\.kind: 'rumour' is not one of"),
    "unknown unit": (sub('unit = "trillion-cny"\nscope', 'unit = "bananas"\nscope'), r"\.unit: 'bananas' is not one of"),
    "unknown region id": (sub('id = "east"', 'id = "south"'), r"regions\[0\] id='south' \.id: 'south' is not one of"),
    "unknown field": (sub('aliases = ["ONE"]', 'aliases = ["ONE"]\nsecret_rank = 1'), r"\.secret_rank: unknown field"),
    "misspelt field": (sub('city_en = "Yi"', 'city_eng = "Yi"'), r"\.city_eng: unknown field \(did you mean 'city_en'\?\)"),
    "unknown table": ("[[zonez]]\nid = 'x'\n" + BASE, r"zonez: unknown table \(did you mean 'zones'\?\)"),
    "bad status": (sub('status = "active"', 'status = "dormant"'), r"\.status: 'dormant' is not one of"),
    # --- dangling references
    "dangling approved source": (
        sub('approved_source = "src-a"', 'approved_source = "src-z"'),
        r"\.approved_source: no source with id 'src-z'",
    ),
    "dangling province": (
        sub('province = "alpha"', 'province = "alpah"'),
        r"\.province: no province with id 'alpah'; did you mean 'alpha'\?",
    ),
    "dangling region": (
        sub('region = "east"\nsource', 'region = "eest"\nsource'),
        r"provinces\[0\] id='alpha' \.region: no region",
    ),
    "dangling indicator": (
        sub('indicator = "gdp"\nyear = 1999', 'indicator = "gnp"\nyear = 1999'),
        r"\.indicator: no indicator with id 'gnp'",
    ),
    "dangling measure source": (sub('sources = ["src-a"]', 'sources = ["src-q"]'), r"\.sources: no source with id 'src-q'"),
    "dangling area": (
        sub('area = "open-economy"\nnumber = 1', 'area = "closed-economy"\nnumber = 1'),
        r"\.area: no area with id",
    ),
    "dangling highlight source": (
        sub('aliases = ["ONE"]', 'aliases = ["ONE"]\nhighlights = [{text_zh = "甲", text_en = "A", source = "nope"}]'),
        r"\.highlights\[0\]\.source: no source with id 'nope'",
    ),
    # --- duplicates and inconsistencies
    "duplicate zone id": (
        sub('id = "two"', 'id = "one"'),
        r"zones\[1\] id='one' \.id: duplicate id \(first used by zones\[0\]\)",
    ),
    "duplicate source id": (sub('id = "src-b"', 'id = "src-a"'), r"sources\[1\] id='src-a' \.id: duplicate id"),
    "duplicate zone twice": (BASE.replace(ZONE_ONE, ZONE_ONE + ZONE_ONE), r"duplicate id"),
    "region mismatch": (
        sub('city_en = "Yi"\nregion = "east"', 'city_en = "Yi"\nregion = "west"'),
        r"\.region: 'west' does not match province 'alpha'",
    ),
    "removed without date": (
        sub('removed = "2020-01-17"\n', ""),
        r"zones\[2\] id='three' \.removed: required for a removed zone",
    ),
    "active with removal": (sub('status = "removed"', 'status = "active"'), r"\.status: an active zone has removal fields"),
    "official name without source": (
        sub('name_en_source = "src-a"\n', ""),
        r"\.name_en_source: required when name_en_status is 'official'",
    ),
    "area without source": (
        sub('approved = "2010"', 'approved = "2010"\narea_km2 = 10\narea_kind = "approved"'),
        r"\.area_source: required with area_km2",
    ),
    "two primaries": (sub("primary = false", "primary = true"), r"2 primary values"),
    "measure count wrong": (sub("measure_count = 2", "measure_count = 16"), r"measure_count: says 16 but 2 measures are listed"),
    "negative area ok but kind missing": (
        sub('approved = "2010"', 'approved = "2010"\narea_km2 = -1\narea_source = "src-a"'),
        r"\.area_kind: required with area_km2",
    ),
}


def test_there_are_at_least_50_cases():
    assert len(CASES) >= 50


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_file_is_rejected_precisely(runner, tmp_path, name):
    text, pattern = CASES[name]
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    r = run(runner, "--data", str(path), "zones")
    assert r.exit_code == 1, (name, r.stdout[-300:], r.stderr)
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith(f"edz: error: {path}"), r.stderr
    assert r.stderr.count("\n") == 1, r.stderr
    assert re.search(pattern, r.stderr), (name, r.stderr)
    v = run(runner, "validate", str(path))
    assert v.exit_code == 1 and "Traceback" not in v.stdout + v.stderr


def test_binary_file(runner, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_bytes(b"[meta]\n\xff\xfe\x00binary")
    r = run(runner, "--data", str(path), "zones")
    assert r.exit_code == 1 and re.search(r":2:1: not valid UTF-8", r.stderr)


def test_directory_instead_of_file(runner, tmp_path):
    r = run(runner, "--data", str(tmp_path), "zones")
    assert r.exit_code == 1 and "is a directory" in r.stderr


def test_csv_export_neutralises_formulas_from_the_data(runner, tmp_path):
    import csv

    evil = BASE.replace(
        'name_en = "One Economic and Technological Development Zone"', 'name_en = "=HYPERLINK(\\"http://x\\",\\"y\\")"'
    )
    evil = evil.replace('title = "测试来源 A"', 'title = "@SUM(1+1)"')
    path = tmp_path / "evil.toml"
    path.write_text(evil, encoding="utf-8")
    out = tmp_path / "csv"
    r = run(runner, "--data", str(path), "export", "-f", "csv", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    with open(out / "zones.csv", encoding="utf-8") as f:
        names = [row["name_en"] for row in csv.DictReader(f)]
    assert names[0] == '\'=HYPERLINK("http://x","y")'
    with open(out / "sources.csv", encoding="utf-8") as f:
        assert next(row["title"] for row in csv.DictReader(f)) == "'@SUM(1+1)"
    listing = run(runner, "--data", str(path), "zones", "-f", "csv", "--lang", "en").stdout
    assert "'=HYPERLINK" in listing
