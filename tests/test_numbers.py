"""Issue 11: numbers that add up — counts that reconcile, titles that tell the truth, one unit per
series, y/y only within a series, range answers (CAGR)."""

from __future__ import annotations

import datetime as dt

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


def test_history_2025_removal_without_approval_date_is_a_note(runner):
    r = run(runner, "history", "--lang", "en", "-f", "markdown")
    rows = {x["year"]: x for x in tsv(run(runner, "history"))}
    assert rows["2025"]["removed"] == "0" and rows["2025"]["zones"] == rows["2024"]["zones"]
    assert "songming-yanglin" in r.stdout and "never counted" in r.stdout


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
