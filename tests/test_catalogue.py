"""Issue 14: approval times and approved areas from the 2018 catalogue of development zones
(《中国开发区审核公告目录》(2018年版)), read in a third-party copy of its national-ETDZ table
(docs/decisions.md, "The 2018 catalogue"; tools/apply_catalogue.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run

CAT = "kaiwulaw-2018-dev-zone-catalogue"
ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT.parent / "shared" / "sources" / "catalogue-2018-etdz.csv"


def test_the_catalogue_source_says_what_it_is(ds):
    src = ds.sources[CAT]
    assert src.kind == "reference" and src.url and "358d79b" in src.url
    # a copy, how it was read, and what it was not checked against
    for words in ("third-party extraction", "twice, independently", "not been checked against the published PDF"):
        assert words in (src.note or ""), words
    assert ds.sources["gscn-2018-03-24-dev-zone-catalogue"].date == "2018-03-24"


# zone -> (approval as the catalogue gives it, approved area in km2 = hectares / 100)
ROWS = {
    "tianjin-xiqing": ("2010-12", 16.88),
    "dongli": ("2014-02", 7.217),
    "bayannaoer": ("2012-12", 4.33),
    "daqing": ("2012-10", 3.6023),
    "shiyan": ("2012-12", 20.0297),
    "nanning": ("2001-05", 10.796),
    "wujiaqu": ("2012-08", 14.8),
    "shizuishan": ("2011-04", 15.0),  # removed in 2021; dated all the same
}


@pytest.mark.parametrize("zid", sorted(ROWS))
def test_catalogue_rows_land_as_sourced_dates_and_approved_areas(ds, zid):
    date, area = ROWS[zid]
    z = ds.zones[zid]
    assert (z.approved, z.approved_source, z.approved_verified) == (date, CAT, True)
    assert (z.area_km2, z.area_kind, z.area_year, z.area_source) == (area, "approved", 2018, CAT)
    assert "2018 catalogue" in (z.approved_note or "") and "2018年版" in (z.approved_note_zh or "")


def test_every_date_from_the_catalogue_is_a_month_and_says_where_it_comes_from(ds):
    dated = [z for z in ds.zones.values() if z.approved_source == CAT]
    assert len(dated) >= 56
    for z in dated:
        assert len(z.approved or "") == 7, z.id  # YYYY-MM: the catalogue gives year and month
        assert (z.approved_note or "").startswith("Year and month as the 2018 catalogue"), z.id
        assert (z.approved_note_zh or "").startswith("年月取自2018年版"), z.id


@pytest.mark.parametrize(
    ("zid", "old_year"),
    [
        ("bayannaoer", "2013"),
        ("shuangyashan", "2013"),
        ("yixing", "2011"),
        ("huaian", "2011"),
        ("luan", "2011"),
        ("zhangzhou-zhaoshangju", "2012"),
        ("shiyan", "2013"),
        ("shizuishan", "2013"),
    ],
)
def test_an_unsourced_year_the_catalogue_contradicts_is_replaced_and_said_so(ds, zid, old_year):
    z = ds.zones[zid]
    assert not z.approved.startswith(old_year)
    assert f"replaces {old_year}, the unsourced year" in (z.approved_note or "")
    assert f"未经核实的年份 {old_year}" in (z.approved_note_zh or "")


# a sourced date the catalogue contradicts is kept; the catalogue's value is in the note
CONFLICTS = {
    "langfang": ("2009-12", "2009-07"),
    "yangzhou": ("2009-07-24", "2009-08"),
    "suqian": ("2013-06", "2013-01"),
    "shuyang": ("2013-12", "2013-11"),
    "lishui": ("2014-11-03", "2014-10"),
    "zhangzhou-taishang": ("2012-01-21", "2012-02"),
    "linyi": ("2011", "2010-12"),
    "zouping": ("2011-11", "2010-11"),
    "xinxiang": ("2012-08-17", "2012-07"),
    "luoyang": ("2012-10", "2012-07"),
    "loudi": ("2013", "2012-10"),
}


@pytest.mark.parametrize("zid", sorted(CONFLICTS))
def test_a_sourced_date_the_catalogue_contradicts_is_kept_and_the_conflict_recorded(ds, zid):
    kept, catalogue = CONFLICTS[zid]
    z = ds.zones[zid]
    assert z.approved == kept and z.approved_source != CAT
    assert f"Conflict: the 2018 catalogue of development zones (a third-party copy of its table, {CAT}) gives {catalogue};" in (
        z.approved_note or ""
    )
    assert f"作 {catalogue}" in (z.approved_note_zh or "")


def test_a_replaced_area_keeps_the_old_figure_in_a_note(ds):
    z = ds.zones["huaian"]
    assert (z.area_km2, z.area_kind) == (6.8, "approved")
    assert any("jurisdiction area of 128.0 km2" in n for n in z.notes)
    assert any("管辖面积 128.0 平方公里" in n for n in z.notes_zh)
    replaced = [z for z in ds.zones.values() if z.area_source == CAT and any("before it, edz showed" in n for n in z.notes)]
    assert len(replaced) >= 60
    for z in replaced:
        assert len(z.notes) == len(z.notes_zh), z.id


def test_an_approved_area_already_sourced_is_kept_and_a_different_catalogue_value_noted(ds):
    z = ds.zones["xiamen-haicang"]
    assert z.area_km2 == 100.0 and z.area_source != CAT
    assert any("approved area of 63.16 km2" in n for n in z.notes)
    # the encyclopedia copy that claimed to quote the catalogue (110 km2) gives way to the catalogue's table
    assert ds.zones["changchun-qiche"].area_km2 == 5.99


def test_the_bound_the_catalogue_contradicts_is_dropped_with_a_note(ds):
    z = ds.zones["xuancheng"]
    assert z.approved == "2014-10" and z.approved_before is None
    assert "2014-09-19" in (z.approved_note or "") and "dropped" in (z.approved_note or "")


@pytest.mark.parametrize("zid", ["hanchuan", "shaoyang"])
def test_zones_still_provincial_in_the_catalogue_get_a_bound(ds, zid):
    z = ds.zones[zid]
    assert not z.approved_verified and z.approved == "2021-06"
    assert (z.approved_after, z.approved_after_source, z.approved_after_basis) == ("2018", CAT, "stated")
    assert "provincial" in (z.approved_after_note or "")


def test_the_table_shows_the_catalogue_date_without_the_unverified_mark(runner):
    r = run(runner, "--lang", "en", "zone", "bayannaoer", "-f", "json")
    assert r.exit_code == 0
    assert '"approved": "2012-12"' in r.stdout and '"approved_verified": true' in r.stdout


@pytest.mark.skipif(not CSV.exists(), reason="the catalogue transcription sits beside the repository, not in it")
def test_the_tool_has_nothing_left_to_write(tmp_path):
    """Running tools/apply_catalogue.py again on the data changes nothing (idempotent)."""
    data = tmp_path / "zones.toml"
    data.write_bytes((ROOT / "data" / "zones.toml").read_bytes())
    r = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "apply_catalogue.py"), str(CSV), str(data)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 changed" in r.stderr
    assert data.read_bytes() == (ROOT / "data" / "zones.toml").read_bytes()
