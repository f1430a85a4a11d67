"""Issue 14 part 2: an unsourced approval date is dated by sourced bounds where a page gives them.
The bound is shown beside the unverified year, JSON carries both, and --since/--until/--as-of say
when the bounds straddle the date asked (the answer then rests on an unverified year)."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from conftest import MINI, run, tsv
from edzcli import load_dataset
from edzcli.loader import check_document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_active_zone_is_dated_by_a_source_or_bounded(ds):
    """Issue 14's target: no active zone with neither a sourced date nor a sourced bound."""
    neither = [z.id for z in ds.active_zones if not z.approved_verified and not z.approval_bounded]
    assert neither == []


def test_every_bound_has_its_source_basis_and_words(ds):
    bounded = [z for z in ds.active_zones if z.approval_bounded]
    assert len(bounded) >= 7  # the seven zones of the June 2021 batch (the 2018 catalogue dates the rest)
    for z in bounded:
        assert not z.approved_verified
        for side in ("after", "before"):
            if getattr(z, f"approved_{side}"):
                assert getattr(z, f"approved_{side}_source") in ds.sources, z.id
                basis = getattr(z, f"approved_{side}_basis")
                note = getattr(z, f"approved_{side}_note")
                assert basis in ("stated", "inferred") and note, z.id
                # a source id must never read as a statement the source does not make
                assert note.startswith("INFERRED") == (basis == "inferred"), z.id


def test_bounds_never_contradict_the_year(ds):
    for z in ds.zones.values():
        lo, hi = z.approval_window
        if z.approved and lo:
            assert z.approved_year is not None and dt.date(z.approved_year, 12, 31) >= lo, z.id
        if z.approved and hi:
            assert z.approved_year is not None and dt.date(z.approved_year, 1, 1) <= hi, z.id
        if lo and hi:
            assert lo <= hi, z.id


def test_the_bayannur_lead_is_recorded(ds):
    # the low-confidence 2012 lead contradicted the unsourced 2013; the 2018 catalogue settles it
    z = ds.zones["bayannaoer"]
    assert z.approved == "2012-12" and z.approved_verified
    assert "2012" in (z.approved_note or "") and "replaces 2013, the unsourced year" in (z.approved_note or "")


def test_the_conflicts_of_the_second_pick_are_recorded(ds):
    """Pages that strained an unsourced year stay in the notes now that the 2018 catalogue dates
    the zone (docs/decisions.md, second pick of bounds; "The 2018 catalogue")."""
    expect = {
        "shaoxing-keqiao": ("2012-10", "2002"),  # China Daily's "ten years later"
        "quanzhou": ("2010-06", "Longyan"),  # Fujian's fifth national ETDZ in March 2012
        "zhangzhou-zhaoshangju": ("2010-04", "2012-02-02"),
        "dali": ("2014-02", "May 2015"),
        "wujiaqu": ("2012-08", "six national ETDZs"),
        "luan": ("2013-03", "provincial development zones"),
    }
    for zid, (date, words) in expect.items():
        z = ds.zones[zid]
        assert z.approved == date and z.approved_source == "kaiwulaw-2018-dev-zone-catalogue", zid
        assert words in (z.approved_note or "") and z.approved_note_zh, zid
    # the bound that strained a year is kept as evidence beside the catalogue's date
    assert ds.zones["zhangzhou-zhaoshangju"].approved_before == "2012-02-02"


def _mini_doc():
    return tomllib.loads(MINI.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"approved_before": "2009-05-01"}, "contradicts approved_before"),  # zone two says 2010
        ({"approved_after": "2011-01-01"}, "contradicts approved_after"),
        ({"approved_after": "2010-12-31"}, "contradicts approved_after"),
        ({"approved_after": "2010-06", "approved_before": "2010-05-31"}, "leaves no day after"),
        ({"approved_after": "2010-06-01", "approved_after_source": "src-a"}, "required with approved_after"),
        ({"approved_before_source": "src-a"}, "without approved_before"),
        ({"approved_after": "2010-06-01", "approved_after_basis": "guess"}, "is not one of"),
    ],
)
def test_bad_bounds_are_named(fields, message):
    doc = _mini_doc()
    full = {}
    for side in ("after", "before"):
        if f"approved_{side}" in fields:
            full.update({f"approved_{side}_source": "src-a", f"approved_{side}_basis": "stated", f"approved_{side}_note": "x"})
    full.update(fields)
    if message == "required with approved_after":
        full = fields
    doc["zones"][1].update(full)
    problems = check_document(doc)
    assert any(message in p.message for p in problems), problems


def _bounded_mini(tmp_path, **fields):
    """The mini dataset with zone two (unsourced 2010) given bounds, as a file for --data."""
    text = MINI.read_text(encoding="utf-8")
    lines = []
    for key, value in fields.items():
        lines.append(f"{key} = {json.dumps(value)}")
    text = text.replace('approved = "2010"\n', 'approved = "2010"\n' + "\n".join(lines) + "\n", 1)
    p = tmp_path / "bounded.toml"
    p.write_text(text, encoding="utf-8")
    return p


BOUNDS = {
    "approved_after": "2010-03-29",
    "approved_after_source": "src-a",
    "approved_after_basis": "stated",
    "approved_after_note": "still provincial",
    "approved_before": "2010-09-21",
    "approved_before_source": "src-b",
    "approved_before_basis": "inferred",
    "approved_before_note": "INFERRED: ranked as national",
}


def test_the_table_shows_the_bounds_beside_the_unverified_year(runner, tmp_path):
    p = _bounded_mini(tmp_path, **BOUNDS)
    out = run(runner, "--data", str(p), "zones", "-f", "markdown").stdout
    assert "| 2010* 2010-03 ..2010-09 |" in out
    assert "a..b 有来源的时间界限" in out
    one_side = _bounded_mini(tmp_path, **{k: v for k, v in BOUNDS.items() if "before" in k})
    assert "2010* ..2010-09" in run(runner, "--data", str(one_side), "zones", "-f", "markdown").stdout
    real = run(runner, "zones", "--province", "jiangsu", "-f", "markdown").stdout
    assert "| wuxi-huishan | 无锡惠山经济技术开发区 | 江苏省 | 无锡市 | 东部 | 2021-06* 2021-03 ..2021-07 |" in real


def test_json_and_tsv_carry_both_bounds(runner):
    rec = next(z for z in json.loads(run(runner, "zones", "-f", "json").stdout) if z["id"] == "wuxi-huishan")
    assert (rec["approved_after"], rec["approved_before"]) == ("2021-03-16", "2021-07-18")
    assert rec["approved_after_source"] and rec["approved_before_source"] and rec["approved_before_basis"] == "inferred"
    rows = tsv(run(runner, "zones", "--fields", "id,approved,approved_after,approved_before", "-f", "tsv"))
    assert {"id": "wuxi-huishan", "approved": "2021-06", "approved_after": "2021-03-16", "approved_before": "2021-07-18"} in rows
    # bounds stay in the data of a zone the 2018 catalogue has since dated (rizhao)
    assert {"id": "rizhao", "approved": "2010-04", "approved_after": "2007-09-14", "approved_before": "2011-09-21"} in rows
    detail = run(runner, "zone", "wuxi-huishan", "--lang", "en", "-f", "markdown").stdout
    assert "not yet national on" in detail and "2021-03-16 (inferred) [wuxi-dpc-2021-03-16-huishan]" in detail


@pytest.mark.parametrize(
    ("args", "listed", "uncertain"),
    [
        (["--since", "2010"], True, False),  # the bounds lie inside 2010: certain
        (["--until", "2010"], True, False),
        (["--since", "2011"], False, False),
        (["--as-of", "2010-12-31"], True, False),  # after the upper bound: national for sure
        (["--as-of", "2010-01-15"], False, False),  # before the lower bound: not yet, although 2010 counts from 1 January
        (["--as-of", "2010-06-30"], True, True),  # inside the bounds: the year decides, and a note says so
    ],
)
def test_since_until_as_of_use_the_bounds_and_say_when_they_straddle(runner, tmp_path, args, listed, uncertain):
    p = _bounded_mini(tmp_path, **BOUNDS)
    r = run(runner, "--data", str(p), "zones", *args, "-f", "markdown", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert ("| two |" in r.stdout) == listed
    assert ("uncertain:" in r.stdout and "two" in r.stdout.split("uncertain:")[1]) == uncertain


def test_a_year_straddling_bound_is_reported_on_the_real_data(runner):
    r = run(runner, "zones", "--province", "jiangsu", "--as-of", "2021-05-01", "-f", "markdown", "--lang", "en")
    note = next(line for line in r.stdout.splitlines() if line.startswith("uncertain:"))
    assert note.endswith("wuxi-huishan") or note.rstrip().endswith("wuxi-huishan")  # 2021-03-16 .. 2021-07-18
    assert "| wuxi-huishan |" not in r.stdout  # the unverified 2021-06 still places it after the date
    whole = run(runner, "zones", "--as-of", "2020-06-30", "--province", "hunan", "-f", "markdown", "--lang", "en").stdout
    assert "shaoyang, yongzhou" in whole.split("uncertain:")[1]  # provincial in 2018 and 2016, no upper bound


def test_bounds_place_a_zone_with_no_year(tmp_path):
    """A zone whose year was dropped (a bound contradicted it) is still placed where its bounds decide."""
    text = MINI.read_text(encoding="utf-8").replace('approved = "2010"\n', "", 1)
    text = text.replace('id = "two"\n', 'id = "two"\n', 1)
    p = tmp_path / "noyear.toml"
    extra = "\n".join(f"{k} = {json.dumps(v)}" for k, v in BOUNDS.items())
    p.write_text(
        text.replace('city_en = "Er"\nregion = "west"\n', 'city_en = "Er"\nregion = "west"\n' + extra + "\n", 1), encoding="utf-8"
    )
    from edzcli.query import roster_on, zone_listing

    ds = load_dataset(p)
    z = ds.zones["two"]
    assert z.approved is None and z.approval_bounded
    assert z.present_on(dt.date(2011, 1, 1)) is True and z.present_on(dt.date(2009, 1, 1)) is False
    assert z.present_on(dt.date(2010, 6, 1)) is None
    assert z in roster_on(ds, dt.date(2010, 6, 1))[1]  # cannot be placed: reported as undated
    assert [x.id for x in zone_listing(ds, since=2010, until=2010).zones] == ["two"]
    assert zone_listing(ds, since=2011).zones == []


def test_about_reports_dates_bounds_and_neither(runner):
    rec = json.loads(run(runner, "about", "-f", "json").stdout)
    cov = rec["coverage"]
    assert cov["approved"]["sourced"] >= 225  # the 2018 catalogue dates 52 zones more
    assert cov["approved_bounds"]["sourced"] >= 7
    assert cov["approved_neither"]["with_value"] == 0
    assert cov["approved"]["sourced"] + cov["approved_bounds"]["sourced"] + cov["approved_neither"]["with_value"] == 232
    en = run(runner, "about", "--lang", "en", "-f", "tsv").stdout
    assert "coverage_approved_neither" in en.splitlines()[0]
