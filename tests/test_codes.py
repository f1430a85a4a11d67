"""NBS division codes (issue 14 part 1): every active zone has province and city codes that agree
with its province and city; zone-level codes carry their vintage; `--city CODE` works."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import ROOT, run, tsv
from edzcli.loader import check_document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# GB/T 2260 province-level codes, typed from the standard (not from the data under test)
PROVINCE_CODES = {
    "beijing": "11", "tianjin": "12", "hebei": "13", "shanxi": "14", "inner-mongolia": "15",
    "liaoning": "21", "jilin": "22", "heilongjiang": "23", "shanghai": "31", "jiangsu": "32",
    "zhejiang": "33", "anhui": "34", "fujian": "35", "jiangxi": "36", "shandong": "37",
    "henan": "41", "hubei": "42", "hunan": "43", "guangdong": "44", "guangxi": "45",
    "hainan": "46", "chongqing": "50", "sichuan": "51", "guizhou": "52", "yunnan": "53",
    "tibet": "54", "shaanxi": "61", "gansu": "62", "qinghai": "63", "ningxia": "64", "xinjiang": "65",
}  # fmt: skip

# a few well-known prefecture codes, typed by hand
KNOWN_CITIES = {
    "苏州市": "320500", "广州市": "440100", "大连市": "210200", "北京市": "110000", "重庆市": "500000",
    "成都市": "510100", "武汉市": "420100", "宁波市": "330200", "青岛市": "370200", "乌鲁木齐市": "650100",
}  # fmt: skip

KNOWN_ZONE_CODES = {"qinhuangdao": "130371", "suzhou-gongye-yuanqu": "320576", "hefei": "340177", "lasa": "540172"}
ZONE_CODE_FLOOR = 32


def test_every_active_zone_has_sourced_codes(ds):
    for z in ds.active_zones:
        assert z.province_code and z.city_code, z.id
        assert z.codes_source in ds.sources, z.id
        assert z.code_vintage == 2023, z.id


def test_province_codes_agree_with_the_province(ds):
    assert set(PROVINCE_CODES) == set(ds.provinces)
    for z in ds.zones.values():
        assert z.province_code == PROVINCE_CODES[z.province], z.id


def test_city_codes_agree_with_the_city(ds):
    by_city: dict[str, set[str]] = {}
    by_code: dict[str, set[str]] = {}
    for z in ds.zones.values():
        assert z.city_code is not None
        assert z.city_code.startswith(z.province_code or "?"), z.id
        by_city.setdefault(z.city_zh, set()).add(z.city_code)
        by_code.setdefault(z.city_code, set()).add(z.city_zh)
        if ";" in z.city_zh:
            assert z.city_code_2 and z.city_code_2.startswith(z.province_code or "?"), z.id
        else:
            assert z.city_code_2 is None, z.id
    # one city, one code; one code, one city (the two-city zone aside)
    assert all(len(codes) == 1 for codes in by_city.values()), {c: v for c, v in by_city.items() if len(v) > 1}
    clash = {c: v for c, v in by_code.items() if len({n for n in v if ";" not in n}) > 1}
    assert not clash
    for city, code in KNOWN_CITIES.items():
        assert by_city[city] == {code}, city


def test_municipalities_use_the_province_level_code(ds):
    for z in ds.zones.values():
        if z.province in ("beijing", "tianjin", "shanghai", "chongqing"):
            assert z.city_code == PROVINCE_CODES[z.province] + "0000", z.id


def test_zone_codes_sit_under_their_city_and_carry_the_vintage(ds):
    coded = [z for z in ds.active_zones if z.zone_code]
    assert len(coded) >= ZONE_CODE_FLOOR
    for z in coded:
        assert z.zone_code and z.city_code and z.zone_code[:4] == z.city_code[:4] and z.zone_code != z.city_code, z.id
        assert z.zone_code[4] == "7", z.id  # NBS numbers development zones x7x at county level
        assert z.code_vintage is not None
    for zid, code in KNOWN_ZONE_CODES.items():
        assert ds.zones[zid].zone_code == code


def test_the_codes_script_and_its_output_are_in_the_repository(ds):
    import csv

    rows = list(csv.DictReader((ROOT / "tools" / "codes.csv").open(encoding="utf-8")))
    assert (ROOT / "tools" / "codes.py").is_file()
    assert {r["zone_id"] for r in rows} == set(ds.zones)
    for r in rows:
        z = ds.zones[r["zone_id"]]
        assert (r["province_code"], r["city_code"], r["city_code_2"] or None, r["zone_code"] or None) == (
            z.province_code,
            z.city_code,
            z.city_code_2,
            z.zone_code,
        ), z.id


@pytest.mark.parametrize("typed", ["320500", " 320500 ", "苏州", "Suzhou"])
def test_city_by_code_equals_city_by_name(runner, typed):
    by_name = tsv(run(runner, "zones", "--city", "苏州市", "-f", "tsv"))
    r = run(runner, "zones", "--city", typed, "-f", "tsv")
    assert r.exit_code == 0, r.output
    assert tsv(r) == by_name and len(by_name) == 9


def test_unknown_city_code_is_exit_2_with_a_suggestion(runner):
    r = run(runner, "zones", "--city", "320599")
    assert r.exit_code == 2
    assert "unknown city '320599'" in r.stderr and "did you mean" in r.stderr


def test_city_completion_offers_codes():
    from edzcli.completion import complete_city

    codes = [v if isinstance(v, str) else v[0] for v in complete_city("3205")]
    names = [v if isinstance(v, str) else v[0] for v in complete_city("苏")]
    assert "320500" in codes
    assert names and all(v.startswith("苏") for v in names)


def test_codes_in_zone_json_and_every_export(runner, tmp_path):
    rec = json.loads(run(runner, "zone", "suzhou-gongye-yuanqu", "-f", "json").stdout)
    assert (rec["province_code"], rec["city_code"], rec["zone_code"], rec["code_vintage"]) == ("32", "320500", "320576", 2023)
    import sqlite3

    db = tmp_path / "edz.db"
    assert run(runner, "export", "-f", "sqlite", "-o", str(db)).exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT city_code, zone_code, code_vintage FROM zones WHERE id='qinhuangdao'").fetchone() == (
        "130300",
        "130371",
        2023,
    )
    assert con.execute("SELECT count(*) FROM zones WHERE city_code IS NULL").fetchone() == (0,)


def _zone_doc(**codes):
    doc = tomllib.loads((ROOT / "tests" / "data" / "mini.toml").read_text(encoding="utf-8"))
    doc["zones"][0].update(codes)
    return doc


SRC = {"codes_source": "SOURCE", "code_vintage": 2023}


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ({"province_code": "3", "city_code": "320500", **SRC}, "must be 2 digits"),
        ({"province_code": "32", "city_code": "32050", **SRC}, "must be 6 digits"),
        ({"province_code": "32", "city_code": "３２０５００", **SRC}, "must be 6 digits"),
        ({"province_code": "32", "city_code": "330500", **SRC}, "is not inside province code"),
        ({"province_code": "32", "city_code": "320500", "city_code_2": "650200", **SRC}, "is not inside province code"),
        ({"province_code": "32", "city_code": "320500", "zone_code": "320671", **SRC}, "is not a county-level code"),
        ({"province_code": "32", "city_code": "320500", "zone_code": "320500", **SRC}, "is not a county-level code"),
        ({"province_code": "32", "city_code": "320500"}, "required with the other division codes"),
        ({"province_code": "32", "city_code": "320500", "codes_source": "SOURCE"}, "required with the other division codes"),
        ({"city_code": "320500", **SRC}, "required with the other division codes"),
        ({"code_vintage": 2023}, "code fields without a code"),
    ],
)
def test_bad_codes_are_named(codes, message):
    assert check_document(_zone_doc()) == []
    doc = _zone_doc(**codes)
    if "codes_source" in codes:
        doc["zones"][0]["codes_source"] = doc["sources"][0]["id"]
    problems = check_document(doc)
    assert any(message in p.message for p in problems), problems


def test_good_codes_pass():
    doc = _zone_doc(province_code="32", city_code="320500", zone_code="320576", code_vintage=2023)
    doc["zones"][0]["codes_source"] = doc["sources"][0]["id"]
    assert check_document(doc) == []
