"""Issue 12: the analyst's tools — --fields, JSON lines, --no-headers, --bom, stable machine shapes,
to_dataframe, datasette metadata, licence and citation. Through the real command (CliRunner) and,
where the byte stream matters, the installed console script."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run, tsv

EDZ = Path(sys.executable).with_name("edz")
LISTINGS = [
    ["zones"],
    ["zone", "suzhou-gongye-yuanqu"],
    ["stats", "2023"],
    ["trend", "gdp"],
    ["indicators"],
    ["policies"],
    ["search", "宜宾"],
    ["sources"],
    ["regions", "--as-of", "2024-10-20"],
    ["provinces", "--as-of", "2024-10-20"],
    ["history"],
    ["rankings", "2024"],
    ["about"],
    ["map"],
    ["compare", "beijing", "tianjin"],
]


def edz(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The installed console script, bytes in and out."""
    return subprocess.run([str(EDZ), *args], capture_output=True, timeout=60, check=False)


# --------------------------------------------------------------------------- --fields


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "markdown", "table"])
def test_fields_pick_and_order_columns_in_every_format(runner, fmt):
    r = run(runner, "zones", "--region", "west", "--limit", "3", "--fields", "city_code,id,approved", "-f", fmt)
    assert r.exit_code == 0, r.output
    out = r.stdout
    if fmt == "tsv":
        assert out.splitlines()[0] == "city_code\tid\tapproved"
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(out))) == ["city_code", "id", "approved"]
    elif fmt == "json":
        recs = json.loads(out)
        assert [list(x) for x in recs] == [["city_code", "id", "approved"]] * 3
        assert recs[0] == {"city_code": "150100", "id": "huhehaote", "approved": "2000-07"}
    elif fmt == "jsonl":
        recs = [json.loads(line) for line in out.splitlines()]
        assert [list(x) for x in recs] == [["city_code", "id", "approved"]] * 3
    else:
        header = next(line for line in out.splitlines() if "city_code" in line)  # people see the headings
        assert header.index("city_code") < header.index("ID") < header.index("批准时间")
        assert "名称" not in header


@pytest.mark.parametrize("args", LISTINGS, ids=lambda a: a[0])
def test_every_listing_takes_fields_and_fields_help(runner, args):
    helped = run(runner, *args, "--fields", "help", "-f", "tsv")
    assert helped.exit_code == 0, helped.output
    rows = tsv(helped)
    assert rows and all(r["description"] for r in rows)
    assert list(rows[0]) == ["field", "default", "description"]
    first, last = rows[0]["field"], rows[-1]["field"]
    picked = run(runner, *args, "--fields", f"{last},{first}", "-f", "tsv")
    assert picked.exit_code == 0, picked.output
    assert picked.stdout.splitlines()[0] == f"{last}\t{first}"
    assert run(runner, "fields", args[0], "-f", "tsv").stdout == helped.stdout


@pytest.mark.parametrize(
    ("fields", "suggestion"), [("id,nmae", "'name'"), ("city_cod", "'city_code'"), ("approved,,", None), (" ", None)]
)
def test_unknown_field_is_exit_2_with_did_you_mean(runner, fields, suggestion):
    r = run(runner, "zones", "--fields", fields)
    if fields.strip(" ,") == "approved":
        assert r.exit_code == 0  # empty items are ignored
        return
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("edz: error: ")
    if suggestion:
        assert f"did you mean {suggestion}" in r.stderr


def test_fields_help_marks_the_default_columns(runner):
    rows = {r["field"]: r for r in tsv(run(runner, "zones", "--fields", "help"))}
    assert rows["id"]["default"] == "true" and rows["city_code"]["default"] == "false"
    en = {r["field"]: r for r in tsv(run(runner, "fields", "zones", "--lang", "en"))}
    assert "NBS" in en["zone_code"]["description"]
    assert run(runner, "fields", "zonez").exit_code == 2


def test_fields_values_are_the_same_in_every_format(runner):
    """A field shows the same value in TSV, CSV and JSON (no format has a private copy of the data)."""
    keys = "id,city_code,zone_code,approved_verified,area_km2,aliases"
    t = tsv(run(runner, "zones", "--fields", keys, "-f", "tsv"))
    c = list(csv.DictReader(io.StringIO(run(runner, "zones", "--fields", keys, "-f", "csv").stdout)))
    j = json.loads(run(runner, "zones", "--fields", keys, "-f", "json").stdout)
    assert len(t) == len(c) == len(j) == 232
    for a, b, rec in zip(t, c, j, strict=True):
        assert a == b
        assert a["approved_verified"] == ("true" if rec["approved_verified"] else "false")
        assert a["zone_code"] == (rec["zone_code"] or "")
        assert a["aliases"] == "; ".join(rec["aliases"])


# --------------------------------------------------------------------------- formats


def test_jsonl_is_one_compact_object_a_line(runner):
    r = run(runner, "zones", "-f", "jsonl")
    lines = r.stdout.splitlines()
    assert len(lines) == 232 and all(line.startswith("{") and line.endswith("}") for line in lines)
    assert [json.loads(x) for x in lines] == json.loads(run(runner, "zones", "-f", "json").stdout)
    one = run(runner, "zone", "beijing", "-f", "jsonl").stdout.splitlines()
    assert len(one) == 1 and json.loads(one[0])["city_code"] == "110000"


def test_no_headers_and_bom_through_the_console_script():
    plain = edz("zones", "--region", "west", "-f", "csv")
    bare = edz("zones", "--region", "west", "-f", "csv", "--no-headers")
    bom = edz("zones", "--region", "west", "-f", "csv", "--bom")
    assert plain.returncode == bare.returncode == bom.returncode == 0
    assert bare.stdout == plain.stdout.split(b"\n", 1)[1]
    assert bom.stdout == b"\xef\xbb\xbf" + plain.stdout
    assert bom.stdout.decode("utf-8-sig").startswith("id,name,")
    t = edz("zones", "-f", "tsv", "--no-headers", "--bom")
    assert t.stdout.startswith(b"\xef\xbb\xbfbeijing\t")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "table"])
def test_bom_and_no_headers_outside_tsv_csv_are_refused(runner, fmt):
    for flag in ("--bom", "--no-headers"):
        r = run(runner, "zones", "-f", fmt, flag)
        assert r.exit_code == 2 and r.stdout == "" and flag in r.stderr


# --------------------------------------------------------------------------- stable shapes


def test_one_zone_as_csv_has_the_same_columns_for_every_zone(runner, ds):
    headers = set()
    for zid in ("beijing", "suzhou-gongye-yuanqu", "bayannaoer", "kuitun-dushanzi", "jiuquan", "yibin-lingang"):
        rows = list(csv.reader(io.StringIO(run(runner, "zone", zid, "-f", "csv").stdout)))
        assert len(rows) == 2
        headers.add(tuple(rows[0]))
        row = dict(zip(rows[0], rows[1], strict=True))
        for key, value in row.items():
            if not key.endswith("source"):
                assert "[" not in value or key in ("notes", "approved_note"), (zid, key, value)
        z = ds.zones[zid]
        assert row["approved_source"] == (z.approved_source or "")
        assert row["name_en"] == z.name_en  # no source id inside the value
    assert len(headers) == 1
    header = next(iter(headers))
    assert {"approved_source", "area_source", "industries_source", "codes_source", "highlights_source"} <= set(header)
    assert tsv(run(runner, "zone", "beijing", "-f", "tsv"))[0].keys() == set(header)


def test_zone_record_is_the_same_in_zones_json_the_json_export_sqlite_and_csv(runner, tmp_path):
    listing = {z["id"]: z for z in json.loads(run(runner, "zones", "--all", "-f", "json").stdout)}
    exported = {z["id"]: z for z in json.loads(run(runner, "export", "-f", "json", "-o", "-").stdout)["zones"]}
    assert listing == exported
    db, folder = tmp_path / "edz.db", tmp_path / "csv"
    assert run(runner, "export", "-f", "sqlite", "-o", str(db)).exit_code == 0
    assert run(runner, "export", "-f", "csv", "-o", str(folder)).exit_code == 0
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    sql = {r["id"]: dict(r) for r in con.execute("SELECT * FROM zones")}
    with open(folder / "zones.csv", encoding="utf-8", newline="") as f:
        csv_rows = {r["id"]: r for r in csv.DictReader(f)}
    assert set(sql) == set(csv_rows) == set(listing)
    scalar = [k for k in next(iter(sql.values()))]
    for zid, rec in listing.items():
        for k in scalar:
            v = rec[k]
            assert sql[zid][k] == (int(v) if isinstance(v, bool) else v), (zid, k)
            want = "" if v is None else ("true" if v is True else "false" if v is False else str(v))
            if isinstance(v, float) and v.is_integer():
                want = str(int(v))
            assert csv_rows[zid][k] == want, (zid, k)


def test_booleans_are_true_false_in_text_and_0_1_only_in_sqlite(runner, tmp_path):
    folder = tmp_path / "csv"
    run(runner, "export", "-f", "csv", "-o", str(folder))
    for name in ("zones", "indicators", "measures", "rankings", "areas", "stats"):
        with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for col in ("approved_verified", "headline", "verified", "position_verified", "is_primary", "former_names_verified"):
            if col in rows[0]:
                assert {r[col] for r in rows} <= {"true", "false"}, (name, col)


def test_rankings_carry_zone_names(runner):
    recs = json.loads(run(runner, "rankings", "2024", "-f", "json").stdout)
    assert recs[0]["zone"] == "suzhou-gongye-yuanqu" and recs[0]["name_zh"] == "苏州工业园区"
    assert recs[0]["name_en"] == "Suzhou Industrial Park"
    assert all(r["name_zh"] and r["name_en"] for r in recs)


# --------------------------------------------------------------------------- pandas


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch):
    import edzcli

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas → ImportError
    with pytest.raises(ImportError, match=r"pip install 'edzcli\[pandas\]'"):
        edzcli.to_dataframe("zones")


def test_to_dataframe_unknown_table_is_an_input_error():
    import edzcli

    with pytest.raises(edzcli.InputError, match="did you mean 'zones'"):
        edzcli.to_dataframe("zone")


def test_to_dataframe_gives_the_export_rows():
    pd = pytest.importorskip("pandas")
    import edzcli

    zones = edzcli.to_dataframe("zones")
    assert isinstance(zones, pd.DataFrame)
    assert len(zones) == 232 and set(zones.status) == {"active"}
    assert len(edzcli.to_dataframe("zones", include_removed=True)) == 236
    assert zones.set_index("id").loc["suzhou-gongye-yuanqu", "zone_code"] == "320576"
    ranks = edzcli.to_dataframe("rankings", edzcli.load_dataset())
    assert {"zone", "name_zh", "name_en"} <= set(ranks.columns)
    assert len(edzcli.to_dataframe("stats")) == len(edzcli.load_dataset().stats)


def test_to_dataframe_from_the_shell_and_pandas_not_imported_by_edz():
    pytest.importorskip("pandas")
    code = "import edzcli; print(len(edzcli.to_dataframe('zones')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "232"
    code = "import sys, edzcli.cli; edzcli.load_dataset(); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- datasette


def test_metadata_export_structure(runner, tmp_path, ds):
    from edzcli import export
    from edzcli.labels import TABLE_HELP

    target = tmp_path / "metadata.json"
    r = run(runner, "export", "-f", "metadata", "-o", str(target))
    assert r.exit_code == 0, r.output
    meta = json.loads(target.read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY 4.0" and meta["license_url"].startswith("https://creativecommons.org/")
    assert ds.meta.data_version in meta["description"] and ds.meta.data_version in meta["source"]
    tables = meta["databases"]["edz"]["tables"]
    assert set(tables) == set(export.SCHEMA) == set(TABLE_HELP)
    for name, (cols, _extra) in export.SCHEMA.items():
        assert tables[name]["description"]
        assert list(tables[name]["columns"]) == [c for c, _ in cols]
        assert all(isinstance(d, str) and d for d in tables[name]["columns"].values()), name


def test_schema_md_has_the_same_table_descriptions_as_the_metadata():
    from edzcli.export import schema_markdown

    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    start, end = "<!-- export-tables:start -->\n", "<!-- export-tables:end -->"
    assert doc[doc.index(start) + len(start) : doc.index(end)] == schema_markdown()


@pytest.mark.skipif(shutil.which("datasette", path=str(EDZ.parent)) is None, reason="datasette is not installed")
def test_datasette_serves_the_export_with_its_metadata(tmp_path):
    db, meta = tmp_path / "edz.db", tmp_path / "metadata.json"
    assert edz("export", "-f", "sqlite", "-o", str(db)).returncode == 0
    assert edz("export", "-f", "metadata", "-o", str(meta)).returncode == 0
    datasette = str(EDZ.with_name("datasette"))
    out = subprocess.run(
        [datasette, str(db), "-m", str(meta), "--get", "/edz/zones.json?id=suzhou-gongye-yuanqu&_shape=objects"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["rows"]
    assert rows[0]["zone_code"] == "320576"
    info = subprocess.run(
        [datasette, str(db), "-m", str(meta), "--get", "/-/metadata.json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert json.loads(info.stdout)["license"] == "CC BY 4.0"


# --------------------------------------------------------------------------- licence and citation


def test_licence_files_and_citation_cff():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (ROOT / "DATA-LICENSE.md").read_text(encoding="utf-8")
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    import edzcli

    assert "cff-version: 1.2.0" in cff and f'version: "{edzcli.__version__}"' in cff and "license: MIT" in cff
    assert "license: CC-BY-4.0" in cff


def test_cite_plain_and_bibtex(runner, ds):
    plain = run(runner, "cite")
    assert plain.exit_code == 0
    assert ds.meta.data_version in plain.stdout and "CC BY 4.0" in plain.stdout and "edz sources" in plain.stdout
    bib = run(runner, "cite", "--format", "bibtex").stdout
    assert bib.startswith("@misc{edz_") and bib.count("{") == bib.count("}")
    assert f"data {ds.meta.data_version}" in bib
    en = run(runner, "cite", "--lang", "en").stdout
    assert "cite its original source" in en and "引用" not in en
    bad = run(runner, "cite", "-f", "bibtx")
    assert bad.exit_code == 2 and "did you mean 'bibtex'" in bad.stderr


def test_about_shows_the_licences(runner):
    rec = json.loads(run(runner, "about", "-f", "json").stdout)
    assert rec["licence_data"].startswith("CC-BY-4.0") and rec["licence_code"] == "MIT"
    assert "data licence" in run(runner, "about", "--lang", "en", "-f", "markdown").stdout
