"""`edz map` and the pictures (`--format svg` / `html`, `--output`): the map's numbers are those
of `edz provinces`, every province is drawn once where its neighbours are, the SVG and HTML parse
and hold every label and value of the view, the README's pictures are up to date, and nothing of
this path is imported by the other commands."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import MINI, ROOT, run, tsv
from edzcli.tilegrid import COLS, GRID, ROWS

DATES = ["1985", "1990", "2000", "2010-06-30", "2013", "2025", "2024-10-20"]


def _counts(result) -> dict[str, str]:
    assert result.exit_code == 0, result.stderr
    return {r["province"]: r["zones"] for r in tsv(result)}


# --------------------------------------------------------------------------- the numbers


@pytest.mark.parametrize("day", DATES)
def test_map_numbers_equal_provinces_for_the_same_date(runner, day):
    got = _counts(run(runner, "map", "--as-of", day, "-f", "tsv"))
    want = _counts(run(runner, "provinces", "--as-of", day, "-f", "tsv"))
    assert got == want
    assert len(got) == 31


def test_map_default_is_today_like_provinces(runner):
    assert _counts(run(runner, "map", "-f", "tsv")) == _counts(run(runner, "provinces", "-f", "tsv"))
    assert sum(map(int, _counts(run(runner, "map", "-f", "tsv")).values())) == 232


def test_map_csv_and_json_carry_the_same_numbers(runner):
    t = _counts(run(runner, "map", "--as-of", "2010", "-f", "tsv"))
    csv_lines = run(runner, "map", "--as-of", "2010", "-f", "csv").stdout.strip().split("\n")
    header = csv_lines[0].split(",")
    c = {line.split(",")[0]: line.split(",")[header.index("zones")] for line in csv_lines[1:]}
    recs = json.loads(run(runner, "map", "--as-of", "2010", "-f", "json").stdout)
    assert c == t
    assert {r["province"]: str(r["zones"]) for r in recs} == t
    assert all(r["as_of"] == "2010-12-31" and r["since"] is None for r in recs)
    assert {"name_zh", "name_en", "short_zh", "region", "share_pct", "row", "col"} <= set(recs[0])


def test_map_range_counts_approvals_like_zones_all(runner, ds):
    got = _counts(run(runner, "map", "--since", "2010", "--until", "2012", "-f", "tsv"))
    listed = tsv(run(runner, "--lang", "en", "zones", "--since", "2010", "--until", "2012", "--all", "-f", "tsv"))
    by_name = {p.name_en: pid for pid, p in ds.provinces.items()}
    want = dict.fromkeys(ds.provinces, 0)
    for row in listed:
        want[by_name[row["province"]]] += 1
    assert got == {k: str(v) for k, v in want.items()}
    assert sum(want.values()) > 50  # the 2010-2012 wave: the test can fail


def test_map_share_is_of_the_national_total(runner):
    rows = tsv(run(runner, "map", "--as-of", "2000", "--value", "share", "-f", "tsv"))
    total = sum(int(r["zones"]) for r in rows)
    for r in rows:
        assert float(r["share_pct"]) == round(100 * int(r["zones"]) / total, 1)
    assert abs(sum(float(r["share_pct"]) for r in rows) - 100) < 1
    out = run(runner, "map", "--as-of", "2000", "--value", "share", "-f", "table").stdout
    jiangsu = next(r for r in rows if r["province"] == "jiangsu")
    assert f"{float(jiangsu['share_pct']):.1f}%" in out


def test_map_share_of_nothing_says_so(runner):
    out = run(runner, "map", "--as-of", "1980", "--value", "share", "-f", "table").stdout
    assert "n/a" in out and "全国合计为 0" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2000", "--since", "1990"], "not both"),
        (["--since", "2012", "--until", "2010"], "--since is after --until"),
        (["--value", "gdp"], "unknown map value 'gdp'"),
        (["--as-of", "20x0"], "invalid date"),
    ],
)
def test_map_bad_input_is_one_line_exit_2(runner, args, message):
    r = run(runner, "map", *args)
    assert r.exit_code == 2 and message in r.stderr and r.stderr.count("\n") == 1


def test_map_notes_the_undated_zones(runner, ds, tmp_path):
    # the bundled data has no undated zone any more (the 2018 catalogue dated the last one): use one
    assert [z.id for z in ds.zones.values() if z.approved is None] == []
    p = tmp_path / "undated.toml"
    p.write_text(MINI.read_text(encoding="utf-8").replace('approved = "2010"\n', "", 1), encoding="utf-8")
    out = run(runner, "--data", str(p), "map", "--as-of", "2011", "-f", "table").stdout
    assert "two" in out


# --------------------------------------------------------------------------- the layout


def test_grid_holds_every_province_once(ds):
    assert set(GRID) == set(ds.provinces)
    assert len(set(GRID.values())) == len(GRID) == 31
    assert all(1 <= r <= ROWS and 1 <= c <= COLS for r, c in GRID.values())


NEIGHBOURS = [
    ("beijing", "tianjin"),
    ("beijing", "hebei"),
    ("tianjin", "hebei"),
    ("jiangsu", "shanghai"),
    ("shanghai", "zhejiang"),
    ("jiangsu", "zhejiang"),
    ("guangdong", "guangxi"),
    ("sichuan", "chongqing"),
    ("heilongjiang", "jilin"),
    ("jilin", "liaoning"),
    ("hubei", "hunan"),
    ("henan", "hubei"),
    ("anhui", "jiangsu"),
]


@pytest.mark.parametrize(("a", "b"), NEIGHBOURS)
def test_layout_keeps_neighbours_touching(a, b):
    (ra, ca), (rb, cb) = GRID[a], GRID[b]
    assert max(abs(ra - rb), abs(ca - cb)) <= 1, (a, b)


def test_layout_is_roughly_geographic():
    assert GRID["xinjiang"][1] < GRID["gansu"][1] < GRID["shaanxi"][1] < GRID["henan"][1] < GRID["shandong"][1]
    assert GRID["heilongjiang"][0] < GRID["beijing"][0] < GRID["jiangsu"][0] < GRID["guangdong"][0] < GRID["hainan"][0]
    assert max(abs(GRID["beijing"][0] - GRID["hainan"][0]), abs(GRID["beijing"][1] - GRID["hainan"][1])) > 5


def _cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("regions", [False, True])
def test_map_draws_each_province_once_within_80_columns(runner, ds, lang, regions):
    args = ["--lang", lang, "map", "--as-of", "2000", "-f", "table"] + (["--regions"] if regions else [])
    out = run(runner, *args).stdout
    legend = "经开区数：" if lang == "zh" else "zones: "
    body = out.split("\n", 1)[1].split(legend)[0]  # between the title and the legend
    for p in ds.provinces.values():
        label = p.short_zh if lang == "zh" else p.name_en[:7]
        assert body.count(label) == 1, (label, body)
    if lang == "en":  # English names longer than a tile are cut, and the map says so
        assert "Inner M" in body and "Inner Mo" not in body and "cut to 7" in out
    assert max(_cells(line) for line in out.split("\n") if not line.startswith(("另有", "1 zone", "每格", "one tile"))) <= 80
    assert "\x1b[" not in out
    if regions:
        assert "┃" in body and "━" in body


def test_map_without_colour_shades_with_characters(runner):
    out = run(runner, "map", "--as-of", "2025", "-f", "table").stdout
    assert "\x1b[" not in out
    assert all(ch in out for ch in "░▒▓█")
    # the legend names each class with its character
    assert re.search(r"░ 1-\d+", out)


def test_map_on_a_cp1252_console_uses_ascii_shades():
    p = subprocess.run(
        [sys.executable, "-m", "edzcli", "map", "--as-of", "2025", "-f", "table"],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )
    out = p.stdout.decode("cp1252")
    assert p.returncode == 0 and "Jiangsu" in out and "#" in out and "?" not in out


def test_map_in_colour_uses_backgrounds_not_characters(runner, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = run(runner, "map", "--as-of", "2025", "-f", "table").stdout
    assert "\x1b[" in out and "▓" not in out


# --------------------------------------------------------------------------- SVG and HTML


def _svg_text(svg: str) -> str:
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    return "".join(t.text or "" for t in root.iter(ns + "text"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def _html_text(html: str) -> tuple[str, list[str]]:
    p = _Text()
    p.feed(html)
    p.close()
    return "".join(p.parts), p.tags


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s.replace("\xa0", " "))


def _view(name: str, lang: str):
    """The view a command line builds, through the same builders the CLI calls."""
    from edzcli import load_dataset, query, views

    ds = load_dataset()
    if name == "map":
        return views.map_view(ds, query.province_counts(ds, as_of="2000"), "zones", lang)
    figures = query.trend_figures(ds, "gdp")
    return views.trend_view(ds, "gdp", figures, query.range_changes(figures), lang, "█")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("name", "args"), [("map", ["map", "--as-of", "2000"]), ("trend", ["trend", "gdp"])])
def test_svg_and_html_parse_and_hold_every_label_and_value(runner, name, args, lang):
    from edzcli.output import _human_rows

    view = _view(name, lang)
    expected = [view.title or "", *view.notes]
    if view.picture is not None:
        expected += [t.label for t in view.picture.tiles] + [t.value for t in view.picture.tiles]
        expected += [label for _, label in view.picture.legend]
    else:
        expected += [c.label(lang) for c in view.human_columns() if c.label(lang)]
        expected += [cell for row in _human_rows(view, lang) for cell in row if cell]
    svg = run(runner, "--lang", lang, *args, "-f", "svg").stdout
    html = run(runner, "--lang", lang, *args, "-f", "html").stdout
    svg_text = _squash(_svg_text(svg))
    html_text, tags = _html_text(html)
    html_text = _squash(html_text)
    for item in expected:
        assert _squash(item) in svg_text, item
        assert _squash(item) in html_text, item
    assert "html" in tags and "title" in tags
    assert "edzsources" in svg_text  # the credit line
    if name == "trend":
        for row in view.rows:
            assert _squash(row["source"]) in svg_text


LISTINGS = [
    ["zones", "--region", "west"],
    ["stats", "2023"],
    ["policies"],
    ["zone", "guangzhou"],
    ["search", "宜宾"],
    ["sources", "--kind", "official"],
    ["indicators"],
    ["trend", "fdi-actual"],
    ["regions", "--as-of", "2024-10-20"],
    ["provinces"],
    ["history"],
    ["rankings"],
    ["about"],
    ["map", "--regions"],
]


@pytest.mark.parametrize("args", LISTINGS, ids=lambda a: a[0])
def test_every_listing_command_writes_svg_and_html(runner, args):
    svg = run(runner, *args, "-f", "svg")
    html = run(runner, *args, "-f", "html")
    assert svg.exit_code == 0 and html.exit_code == 0, (svg.stderr, html.stderr)
    root = ET.fromstring(svg.stdout)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "cdnjs" not in svg.stdout and "http" not in svg.stdout.replace("http://www.w3.org/2000/svg", "").split("<!--")[0]
    text, tags = _html_text(html.stdout)
    assert "pre" in tags and len(text) > 100


def test_svg_is_stable_and_has_no_web_fonts(runner):
    a = run(runner, "map", "--as-of", "2000", "-f", "svg").stdout
    b = run(runner, "map", "--as-of", "2000", "-f", "svg").stdout
    assert a == b
    assert "@font-face" not in a and 'clip-path="url(#edz-line-' in a


def test_svg_sizes_chinese_text_by_terminal_cells(runner):
    svg = run(runner, "map", "--as-of", "2000", "-f", "svg").stdout
    m = re.search(r'textLength="([0-9.]+)"[^>]*>黑龙江', svg)
    assert m and abs(float(m.group(1)) - 6 * 12.2) < 0.01  # three characters, six cells


# --------------------------------------------------------------------------- --output


def test_output_writes_the_same_text_atomically(runner, tmp_path):
    target = tmp_path / "map.svg"
    r = run(runner, "map", "--as-of", "2000", "-f", "svg", "-o", str(target))
    assert r.exit_code == 0 and r.stdout == ""
    assert target.read_text(encoding="utf-8") == run(runner, "map", "--as-of", "2000", "-f", "svg").stdout
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]  # no temporary file left
    assert target.stat().st_mode & 0o044  # a file to share, not a private temp file


@pytest.mark.parametrize(("suffix", "start"), [(".svg", "<svg"), (".html", "<!DOCTYPE html>"), (".json", "["), (".txt", "id\t")])
def test_output_format_follows_the_suffix(runner, tmp_path, suffix, start):
    target = tmp_path / f"out{suffix}"
    assert run(runner, "provinces", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith(start) or (suffix == ".txt" and text.startswith("province\t"))


def test_output_table_to_a_file_has_no_colour(runner, tmp_path, monkeypatch):
    target = tmp_path / "map.txt"
    assert run(runner, "map", "-f", "table", "-o", str(target)).exit_code == 0
    assert "\x1b[" not in target.read_text(encoding="utf-8")


def test_output_failure_keeps_the_old_file_and_exits_1(runner, tmp_path, monkeypatch):
    target = tmp_path / "map.svg"
    target.write_text("old", encoding="utf-8")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", boom)  # the last step of the atomic write fails
        r = run(runner, "map", "-f", "svg", "-o", str(target))
    assert r.exit_code == 1 and "No space left" in r.stderr and r.stderr.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.svg"]  # the temporary file is gone
    blocked = tmp_path / "file"
    blocked.write_text("x")
    r = run(runner, "map", "-o", str(blocked / "map.svg"))
    assert r.exit_code == 1 and r.stderr.startswith("edz: error: cannot write")


# --------------------------------------------------------------------------- README pictures


def test_readme_pictures_are_up_to_date():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import images
    finally:
        sys.path.pop(0)
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in images.generate(Path(tmp)).items():
            committed = ROOT / "docs" / name
            assert committed.exists(), f"docs/{name} missing: run python tools/images.py"
            # the generated text, not timestamps: Rich's ids are fixed (unique_id), nothing else varies
            assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
                f"docs/{name} is out of date: run python tools/images.py"
            )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/map-2000.svg" in readme and "docs/trend-gdp.svg" in readme


# --------------------------------------------------------------------------- start-up


def _modules_after(args: list[str]) -> str:
    code = (
        "import sys\n"
        f"sys.argv = ['edz', *{args!r}]\n"
        "from edzcli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('MODS=' + ','.join(sorted(m for m in sys.modules if m in "
        "('edzcli.richpicture', 'edzcli.tilegrid'))))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    return p.stderr.rsplit("MODS=", 1)[1]


@pytest.mark.parametrize(
    "args",
    [["zones", "--region", "west"], ["provinces"], ["provinces", "-f", "table"], ["trend", "gdp", "-f", "table"], ["--help"]],
)
def test_other_commands_never_import_the_map_or_picture_path(args):
    assert _modules_after(args) == ""


def test_the_map_and_svg_do_import_it():  # the guard above can fail
    assert _modules_after(["map", "-f", "table"]) == "edzcli.richpicture,edzcli.tilegrid"
    assert "edzcli.richpicture" in _modules_after(["zones", "-f", "svg"])


# --------------------------------------------------------------------------- a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_chromium_renders_the_map_svg(tmp_path):
    svg = ROOT / "docs" / "map-2000.svg"
    png = tmp_path / "out.png"
    profile = tmp_path / "profile"
    p = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            "--window-size=1200,900",
            str(svg),
        ],
        capture_output=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr[-500:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a drawn picture, not a blank page


def test_mini_dataset_map_works(runner):
    r = run(runner, "--data", str(MINI), "map", "-f", "tsv")
    assert r.exit_code == 0 and len(tsv(r)) >= 1


def test_html_gives_chinese_runs_two_columns_a_character(runner):
    html = run(runner, "zones", "--region", "west", "--limit", "5", "-f", "html").stdout
    m = re.search(r'<span style="display:inline-block;width:(\d+)ch;white-space:nowrap">(呼和浩特[^<]*)</span>', html)
    assert m and int(m.group(1)) == 2 * len(m.group(2))
    head = html.split("<code", 1)[0]
    assert "inline-block" not in head and "<title>" in head  # the title stays plain text
