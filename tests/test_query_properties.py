"""Properties of the query layer, checked by Hypothesis over the real dataset."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from edzcli import InputError, load_dataset
from edzcli.names import normalize
from edzcli.query import count_by_region, filter_zones, parse_sort, resolve_province, resolve_region, zones_on

DS = load_dataset()
PROVINCES = sorted(DS.provinces)
REGIONS = sorted(DS.regions)
years = st.one_of(st.none(), st.integers(min_value=1980, max_value=2030))


@settings(max_examples=300, deadline=None)
@given(
    region=st.one_of(st.none(), st.sampled_from(REGIONS)),
    province=st.one_of(st.none(), st.sampled_from(PROVINCES)),
    since=years,
    until=years,
)
def test_filters_are_conjunctive_and_sound(region, province, since, until):
    found = filter_zones(DS, region=region, province=province, since=since, until=until)
    everything = filter_zones(DS)
    assert {z.id for z in found} <= {z.id for z in everything}
    for z in found:
        assert z.active
        assert region is None or z.region == region
        assert province is None or z.province == province
        assert since is None or (z.approved_year is not None and z.approved_year >= since)
        assert until is None or (z.approved_year is not None and z.approved_year <= until)
    # completeness: nothing that satisfies the filters is left out
    expected = [
        z
        for z in everything
        if (region is None or z.region == region)
        and (province is None or z.province == province)
        and (since is None or (z.approved_year or -1) >= since)
        and (until is None or (z.approved_year or 10**9) <= until)
    ]
    assert {z.id for z in found} == {z.id for z in expected}


@settings(max_examples=200, deadline=None)
@given(
    key=st.sampled_from(["province", "approved", "id", "name", "city", "region"]), desc=st.booleans(), limit=st.integers(0, 300)
)
def test_sort_is_a_permutation_and_limit_a_prefix(key, desc, limit):
    full = filter_zones(DS, sort=key, descending=desc)
    assert sorted(z.id for z in full) == sorted(z.id for z in DS.active_zones)
    assert filter_zones(DS, sort=key, descending=desc, limit=limit) == full[:limit]


@given(
    st.sampled_from(PROVINCES),
    st.sampled_from(["id", "name_zh", "short_zh", "name_en"]),
    st.sampled_from([str, str.upper, str.lower]),
)
def test_every_province_name_resolves(pid, field, case):
    assert resolve_province(DS, case(getattr(DS.provinces[pid], field))) == pid


@given(st.text(max_size=30))
def test_resolve_region_returns_a_region_or_raises_input_error(text):
    try:
        rid = resolve_region(DS, text)
    except InputError as e:
        assert e.exit_code == 2 and "valid:" in str(e)
    else:
        assert rid in DS.regions


@given(st.text(max_size=20))
def test_parse_sort_rejects_or_accepts(text):
    try:
        key, _ = parse_sort(text, ("province", "approved"))
    except InputError:
        return
    assert key in ("province", "approved")


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1984, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_roster_on_a_day_is_consistent(day):
    on = zones_on(DS, day)
    counts = count_by_region(on)
    assert sum(counts.values()) == len(on)
    for z in on:
        assert z.approved is not None and z.present_on(day)
