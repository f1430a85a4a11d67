"""Issue 11: numbers that add up — counts that reconcile, titles that tell the truth, one unit per
series, y/y only within a series, range answers (CAGR)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import run, tsv
from edzcli import query

# ----------------------------------------------------------------------------- counts that reconcile


def test_history_identity_every_year(ds):
    years = query.history(ds)
    as_of_year = int(ds.meta.as_of[:4])
    assert years[0].year == 1984 and years[-1].year >= as_of_year
    prev = 0
    for y in years:
        assert y.roster == prev + y.approved - y.removed, y
        prev = y.roster


def test_history_identity_in_the_output(runner):
    rows = tsv(run(runner, "history"))
    prev = 0
    for r in rows:
        assert int(r["zones"]) == prev + int(r["approved"]) - int(r["removed"]), r
        prev = int(r["zones"])


def test_history_counts_a_removal_once_its_approval_is_dated(runner):
    # Songming Yanglin had no approval date and was never counted; the 2018 catalogue dates it, so
    # its (inferred) 2025 removal now takes part in the arithmetic and no "never counted" note is left
    r = run(runner, "history", "--lang", "en", "-f", "markdown")
    rows = {x["year"]: x for x in tsv(run(runner, "history"))}
    assert rows["2025"]["removed"] == "1" and int(rows["2025"]["zones"]) == int(rows["2024"]["zones"]) - 1
    assert "never counted" not in r.stdout and "0 unknown approval dates" in r.stdout


# ----------------------------------------------------------------------------- titles tell the truth


class _FixedDate(dt.date):
    @classmethod
    def today(cls) -> _FixedDate:
        return cls(2026, 12, 2)


POINT_IN_TIME = [
    ["regions"],
    ["provinces"],
    ["history"],
    ["zones", "--as-of", "2024-10-20"],
    ["regions", "--as-of", "2024"],
]


@pytest.mark.parametrize("args", POINT_IN_TIME)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_title_or_note_shows_the_run_date(runner, monkeypatch, args, lang):
    monkeypatch.setattr(dt, "date", _FixedDate)
    out = run(runner, "--lang", lang, *args, "-f", "markdown").stdout
    assert "2026-12-02" not in out and "2026" not in out.split("\n")[0]


@pytest.mark.parametrize("cmd", ["regions", "provinces"])
def test_point_in_time_defaults_to_the_data_date(runner, ds, cmd):
    out = run(runner, cmd, "--lang", "en", "-f", "markdown").stdout
    assert ds.meta.as_of in out.split("\n")[0]
    assert "after the data's as-of date" not in out


@pytest.mark.parametrize("cmd", [["regions"], ["provinces"], ["zones"]])
def test_as_of_past_the_data_says_so(runner, cmd):
    out = run(runner, *cmd, "--as-of", "2030-01-01", "--lang", "en", "-f", "markdown").stdout
    assert "after the data's as-of date (2025-07-14)" in out


def test_limited_list_says_n_of_total(runner):
    en = run(runner, "zones", "--region", "west", "--limit", "5", "--lang", "en", "-f", "markdown").stdout
    assert "(5 of 50)" in en.split("\n")[0]
    zh = run(runner, "zones", "--region", "west", "--limit", "5", "-f", "markdown").stdout
    assert "50 个中的 5" in zh.split("\n")[0]
    full = run(runner, "zones", "--region", "west", "--lang", "en", "-f", "markdown").stdout
    assert "(50)" in full.split("\n")[0]


def test_stats_all_title_says_all_indicators(runner):
    assert "all indicators" in run(runner, "stats", "2024", "--all", "--lang", "en", "-f", "markdown").stdout
    assert "headline indicators" in run(runner, "stats", "2024", "--lang", "en", "-f", "markdown").stdout


# ----------------------------------------------------------------------------- one unit, one currency, one series


def _multi(ds):
    counts: dict[str, int] = {}
    for s in ds.stats:
        if s.period is None and s.as_of is None:
            counts[s.indicator] = counts.get(s.indicator, 0) + 1
    return [i for i, n in counts.items() if n > 1]


def test_every_multi_figure_indicator_has_one_unit_and_one_currency(runner, ds):
    from edzcli.model import unit_dimension

    inds = _multi(ds)
    assert len(inds) >= 10
    for ind in inds:
        data = json.loads(run(runner, "trend", ind, "-f", "json").stdout)
        assert {f["unit"] for f in data["figures"]} == {ds.indicators[ind].unit}, ind  # one display unit
        assert len({unit_dimension(f["unit_published"]) for f in data["figures"]}) == 1, ind  # one currency
        for f in data["figures"]:
            from edzcli.model import convert

            assert f["value"] == convert(f["value_published"], f["unit_published"], f["unit"]), (ind, f)


def test_yoy_never_crosses_series(runner, ds):
    for ind in _multi(ds):
        data = json.loads(run(runner, "trend", ind, "-f", "json").stdout)
        by_year = {}
        for f in data["figures"]:
            by_year.setdefault(f["year"], []).append(f)
        for f in data["figures"]:
            if f["yoy_basis"] == "computed":
                prev = [p for p in by_year[f["yoy_from_year"]] if p["series"] == f["series"]]
                assert f["yoy_from_year"] == f["year"] - 1 and prev, (ind, f)
                assert f["yoy_pct"] == round((f["value"] / prev[0]["value"] - 1) * 100, 1)
            elif f["yoy_basis"] == "published":
                assert f["yoy_pct"] == f["growth_published"]
            else:
                assert f["yoy_pct"] is None


def test_a_usd_figure_under_a_cny_indicator_is_refused(tmp_path):
    from edzcli.loader import check_file

    text = (Path(__file__).parent / "data" / "mini.toml").read_text(encoding="utf-8")
    bad = text.replace('unit = "trillion-cny"\n', 'unit = "100m-usd"\n', 2)
    assert bad != text
    p = tmp_path / "bad.toml"
    p.write_text(bad, encoding="utf-8")  # the indicator and one figure now in USD, the other still in CNY
    _, problems = check_file(str(p))
    assert any("currencies are never converted" in pr.format(str(p)) for pr in problems)


def test_exact_unit_conversion():
    from edzcli.model import convert

    assert convert(10137, "100m-cny", "trillion-cny") == 1.0137
    assert convert(18147.67, "100m-cny", "trillion-cny") == 1.814767
    assert convert(27.2, "billion-usd", "100m-usd") == 272
    assert convert(536, "100m-usd", "trillion-cny") is None  # never across currencies


def test_default_figure_follows_the_series_policy(ds):
    from edzcli.model import SERIES_RANK

    groups: dict[tuple, list] = {}
    for s in ds.stats:
        groups.setdefault((s.indicator, s.year, s.period or s.as_of), []).append(s)
    for key, stats in groups.items():
        prim = [s for s in stats if s.primary]
        assert len(prim) == 1, key
        assert SERIES_RANK[prim[0].series] == min(SERIES_RANK[s.series] for s in stats), key


@pytest.mark.parametrize("series", ["main", "evaluation", "default"])
def test_series_option_filters(runner, series):
    rows = tsv(run(runner, "trend", "gdp", "--series", series))
    assert rows
    if series == "default":
        assert all(r["primary"] == "true" for r in rows)
        assert len({r["year"] for r in rows}) == len(rows)
    else:
        assert {r["series"] for r in rows} == {"main-indicators" if series == "main" else "evaluation"}


def test_series_option_bad_value(runner):
    r = run(runner, "trend", "gdp", "--series", "mian")
    assert r.exit_code == 2 and "did you mean 'main'" in r.stderr


# ----------------------------------------------------------------------------- range answers


def _cagr(a: float, b: float, years: int) -> float:
    return round(((b / a) ** (1 / years) - 1) * 100, 1)


@pytest.mark.parametrize(
    ("indicator", "series", "first", "last", "a", "b"),
    [
        ("gdp", "evaluation", 2019, 2023, 10.5, 14.8),
        ("trade-total", "evaluation", 2019, 2023, 6.4, 10.2),
        ("fdi-actual", "evaluation", 2021, 2023, 381.6, 392),
        ("gdp", "main-indicators", 2017, 2024, 9.1, 16.9),
    ],
)
def test_cagr_equals_the_hand_computed_figure(runner, indicator, series, first, last, a, b):
    data = json.loads(run(runner, "trend", indicator, "-f", "json").stdout)
    rng = next(r for r in data["ranges"] if r["series"] == series)
    assert (rng["first_year"], rng["last_year"]) == (first, last)
    assert rng["cagr_pct"] == _cagr(a, b, last - first)
    assert rng["change_pct"] == round((b / a - 1) * 100, 1)
    assert rng["years_spanned"] == last - first


def test_done_when_gdp_from_2019(runner):
    out = run(runner, "trend", "gdp", "--from", "2019", "--lang", "en", "-f", "table", env={"COLUMNS": "300"}).stdout
    rows = tsv(run(runner, "trend", "gdp", "--from", "2019"))
    for y in range(2020, 2025):
        assert any(r["year"] == str(y) and r["yoy_pct"] for r in rows), y
    assert "█" in out or "#" in out
    assert "average annual growth (CAGR)" in out
    assert "no figure of this series for" not in out.split("evaluation series")[1].split("\n")[0]


def test_range_notes_missing_years(runner):
    out = run(runner, "trend", "gdp", "--series", "main", "--lang", "en", "-f", "markdown").stdout
    assert "no figure of this series for 2018-2021" in out


def test_trend_empty_range_is_exit_2_with_the_years(runner):
    r = run(runner, "trend", "gdp", "--from", "2030")
    assert r.exit_code == 2 and "2017-2024" in r.stderr
    assert run(runner, "stats", "2030").exit_code == 2


def test_bars_when_units_agree_after_conversion(runner):
    out = run(runner, "trend", "gdp", "--lang", "en", "-f", "table", env={"COLUMNS": "300"}).stdout
    line_2006 = next(line for line in out.split("\n") if line.strip().startswith("2006"))
    assert "█" in line_2006 or "#" in line_2006  # published in 亿元, drawn in 万亿元
    assert "no bar chart" not in out
