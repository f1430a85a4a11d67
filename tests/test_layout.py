"""The table layout rule (issue 15): every listing, both languages, 60/80/100/140 columns.

Ids, numbers, dates and codes are never split; columns left out are named under the table;
no line is wider than the terminal or ends in spaces; long lists sit under their row."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from conftest import run
from edzcli import output
from edzcli.view import View

WIDTHS = (60, 80, 100, 140)
ID_LIKE = re.compile(r"[\[(]?[a-z0-9][a-z0-9.\-]*[\])]?[,;:]?")
# an id, a date or a number inside Chinese prose, where no space sets it apart
GLUED = re.compile(r"[a-z0-9][a-z0-9.\-]*[a-z0-9]")
LANGS = ("zh", "en")
LISTINGS = [
    ["zones"],
    ["zones", "--all"],
    ["zones", "-r", "west", "-n", "8"],
    ["stats"],
    ["stats", "--all"],
    ["trend", "gdp"],
    ["trend", "gdp", "--from", "2020"],
    ["policies"],
    ["policies", "--points"],
    ["policies", "--doc", "2019", "--points"],
    ["search", "苏州"],
    ["sources"],
    ["indicators"],
    ["regions", "--as-of", "2024-10-20"],
    ["provinces", "--as-of", "2024-10-20"],
    ["history"],
    ["rankings"],
    ["rankings", "2023", "--list", "fdi"],
    ["about"],
    ["zone", "suzhou-gongye-yuanqu"],
    ["zone", "tianjin"],
    ["zone", "langfang"],  # Chinese notes with a source id and dates glued to the characters
    ["zone", "changchun-qiche"],
    ["sources", "xinhua-2024-10-20-etdz-40-years"],
]


def _cell_width(s: str) -> int:
    from rich.cells import cell_len

    return cell_len(s)


def render(monkeypatch: pytest.MonkeyPatch, args: list[str], lang: str, width: int) -> tuple[str, View]:
    """The command's table at `width` (off a terminal: COLUMNS), and the View it drew."""
    seen: list[View] = []
    real = output.render

    def spy(view: View, fmt: str, lg: str, stream=None, **kw) -> str:
        seen.append(view)
        return real(view, fmt, lg, stream, **kw)

    monkeypatch.setattr(output, "render", spy)
    r = run(CliRunner(), *args, "-f", "table", "--lang", lang, env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert r.exit_code == 0, (args, r.stdout, r.stderr)
    return r.stdout, seen[0]


def _dropped(out: str, view: View, lang: str) -> set[str]:
    m = re.search(r"left out to fit the terminal: (.*?) \(see|终端太窄，未显示：(.*?)（", out.replace("\n", " "))
    if not m:
        return set()
    named = (m.group(1) or m.group(2)).replace("、", ", ")
    return {c.key for c in view.human_columns() if c.label(lang) and c.label(lang) in named}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_kept_cells_are_never_split(monkeypatch, args, lang, width):
    out, view = render(monkeypatch, args, lang, width)
    lines = out.split("\n")
    assert all(_cell_width(line) <= width for line in lines), max(lines, key=_cell_width)
    assert all(line == line.rstrip() for line in lines)
    dropped = _dropped(out, view, lang)
    cols = view.human_columns()
    cells = output._human_rows(view, lang)
    flat = " ".join(out.split())  # a split word shows up as two tokens
    tokens = set(out.split())
    for row in cells:
        for c, cell in zip(cols, row, strict=True):
            if c.key == view.below or c.key in dropped:
                continue
            if c.numeric or c.keep:
                words = cell.split()
            elif view.vertical:  # ids, numbers and dates inside a record's prose
                words = [w for w in cell.split() if ID_LIKE.fullmatch(w) and _cell_width(w) <= width - 2]
                words += [w for w in GLUED.findall(cell) if len(w) >= 4 and _cell_width(w) <= width - 2]
            else:
                continue
            for word in words:
                assert any(word in t for t in tokens), (c.key, word, flat[:200])
    # every id, number and date of the JSON that the table shows is there whole
    for rec in view.records if isinstance(view.records, list) else []:
        if isinstance(rec, dict):
            for key in ("id", "zone", "indicator"):
                value = rec.get(key)
                if isinstance(value, str) and any(c.key == key and c.key not in dropped for c in cols):
                    assert any(value in t for t in tokens), (key, value)


@pytest.mark.parametrize("lang", LANGS)
def test_zones_at_100_columns_take_about_two_lines_a_zone(monkeypatch, lang):
    out, view = render(monkeypatch, ["zones"], lang, 100)
    n = len(view.rows)
    assert n >= 230
    assert len(out.splitlines()) <= 2 * n + 8, len(out.splitlines())


def test_policies_points_read_as_a_list(monkeypatch):
    out, view = render(monkeypatch, ["policies", "--area", "open-economy", "--points"], "en", 100)
    lines = out.splitlines()
    points = [p for row in view.rows for p in row["points"] or []]
    assert points
    bullets = [line for line in lines if line.startswith("    - ")]
    assert len(bullets) == len(points)
    # each point starts on its own line, under its measure, and wraps under itself
    assert len(lines) <= 2 * len(points) + 4 * len(view.rows) + 8, len(lines)
    for row in view.rows:
        assert any(line.startswith(row["id"]) for line in lines)


def test_left_out_columns_are_named_with_the_way_to_see_them(monkeypatch):
    out, _ = render(monkeypatch, ["trend", "gdp"], "en", 60)
    assert "left out to fit the terminal: " in out and "--format tsv" in out
    wide, _ = render(monkeypatch, ["trend", "gdp"], "en", 140)
    assert "left out" not in wide


def test_stacked_when_even_ids_do_not_fit(monkeypatch):
    out, view = render(monkeypatch, ["sources"], "en", 60)
    for s in view.rows[:20]:
        assert s["id"] in out.split()


def test_pipe_width_is_columns_or_80(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    r = run(CliRunner(), "zones", "-f", "table", "--lang", "en")
    assert max(_cell_width(line) for line in r.stdout.splitlines()) <= 80
    assert all(line == line.rstrip() for line in r.stdout.splitlines())


def test_json_is_unchanged_by_width(monkeypatch):
    a = run(CliRunner(), "zones", "-f", "json", env={"COLUMNS": "60"}).stdout
    b = run(CliRunner(), "zones", "-f", "json", env={"COLUMNS": "140"}).stdout
    assert json.loads(a) == json.loads(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国家级经开区", ["国", "家", "级", "经", "开", "区"]),
        # an id or a date glued to Chinese stays whole; punctuation holds on to its neighbour
        (
            "副本，kaiwulaw-2018-dev-zone-catalogue）作 2009-07；保留",
            ["副", "本，", "kaiwulaw-2018-dev-zone-catalogue）", "作", "2009-07；", "保", "留"],
        ),
        ("（2023 年版）", ["（2023", "年", "版）"]),
        ("Suzhou Industrial Park (SIP)", ["Suzhou", "Industrial", "Park", "(SIP)"]),
        ("“不管局”", ["“不", "管", "局”"]),
        ("（", ["（"]),
    ],
)
def test_wrap_units(text, expected):
    from edzcli.richtable import units

    assert units(text) == expected


def test_a_chinese_note_never_cuts_the_id_in_it(monkeypatch):
    out, _ = render(monkeypatch, ["zone", "langfang"], "zh", 60)
    assert "kaiwulaw-2018-dev-zone-catalogue）" in out
    assert not any(line.lstrip().startswith(("，", "。", "）", "、")) for line in out.splitlines())


def test_rich_wraps_as_before_once_edz_has_drawn(monkeypatch):
    import rich._wrap

    before = rich._wrap.re_word
    render(monkeypatch, ["zone", "langfang"], "zh", 60)
    assert rich._wrap.re_word is before
