"""Renderers and the environment: encodings, NO_COLOR, narrow terminals, closed pipes, CSV injection."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import MINI, ROOT, run
from edzcli.output import neutralise, to_csv, to_markdown, to_tsv
from edzcli.view import Column, View, raw_text


@pytest.mark.parametrize("charset", ["gbk", "cp1252", "ascii"])
@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json", "markdown"])
def test_legacy_stdout_encodings_do_not_crash(charset, fmt):
    r = run(CliRunner(charset=charset), "zones", "--region", "west", "-f", fmt)
    assert r.exit_code == 0, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    text = r.stdout
    if fmt == "json":
        data = json.loads(text)  # lossless: escaped where the encoding lacks a character
        assert len(data) == 50 and any(d["name_zh"].endswith("经济技术开发区") for d in data)
    if charset != "gbk":
        # Chinese cannot be shown: edz switches to English instead of printing '????'
        assert "?" * 3 not in text
        if fmt == "tsv":
            assert "West" in text
        if fmt == "table":  # 80 columns off a terminal: the region column is left out, and says so
            assert "huhehaote" in text and "left out to fit the terminal: region" in text


def test_gbk_keeps_chinese(runner):
    r = run(CliRunner(charset="gbk"), "zones", "--region", "west")
    assert "西部" in r.stdout


def test_explicit_zh_on_ascii_replaces_instead_of_crashing():
    r = run(CliRunner(charset="ascii"), "zones", "--region", "west", "--lang", "zh")
    assert r.exit_code == 0
    assert "?" in r.stdout


def _edz(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "edzcli", *args], capture_output=True, text=True, env=full, cwd=ROOT, **kw)


def test_python_dash_m_runs():
    p = _edz("--data", str(MINI), "zones")
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[0].startswith("id\tname")


def test_closed_pipe_is_quiet():
    # `edz zones | head -1`: the reader goes away early; no 'Broken pipe' noise, no traceback.
    p = subprocess.run(
        f"{sys.executable} -m edzcli zones --all -f json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert p.stdout == '[\n  {\n    "'[:10]
    assert "Traceback" not in p.stderr and "Broken pipe" not in p.stderr
    assert p.stderr == ""


def test_no_color_and_narrow_terminal_table():
    env = {"NO_COLOR": "1", "COLUMNS": "40", "TERM": "xterm"}
    p = _edz("zones", "--region", "west", "-f", "table", env=env)
    assert p.returncode == 0, p.stderr
    assert "\x1b[" not in p.stdout
    assert "…" not in p.stdout


def test_tsv_escapes_tabs_and_newlines():
    v = View([Column("a", "甲", "A")], [{"a": "x\ty\nz"}], [])
    assert to_tsv(v) == "a\nx y z\n"


def test_csv_neutralises_formulas():
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("+1+1") == "'+1+1"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("-2.7") == "-2.7"  # a number stays a number
    assert neutralise("plain") == "plain"
    v = View([Column("a", "甲", "A")], [{"a": "=1+1"}], [])
    assert to_csv(v) == "a\n'=1+1\n"


def test_raw_text_numbers_without_float_noise():
    assert raw_text(15.7) == "15.7"
    assert raw_text(85000.0) == "85000"
    assert raw_text(4900000.0) == "4900000"
    assert raw_text(None) == ""
    assert raw_text(True) == "true"


def test_markdown_escapes_pipes_and_says_na():
    v = View([Column("a", "甲", "A"), Column("b", "乙", "B")], [{"a": "x|y", "b": None}], [])
    assert "| x\\|y | n/a |" in to_markdown(v, "en")


def test_table_on_pipe_is_full_width_and_has_no_colour(runner):
    out = run(runner, "--data", str(MINI), "zones", "-f", "table").stdout
    assert "一号经济技术开发区" in out and "\x1b[" not in out


@pytest.mark.parametrize("args", [["zones", "--region", "west"], ["zones", "-f", "json"], ["stats", "2023"], ["--help"]])
def test_piped_and_json_paths_do_not_import_rich(args):
    """Start-up budget: Rich is imported only where a table is drawn."""
    code = (
        "import sys\n"
        f"sys.argv = ['edz', *{args!r}]\n"
        "from edzcli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('RICH=' + str(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.'))[:3]))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "RICH=[]" in p.stderr, p.stderr[-500:]
    table = subprocess.run(
        [sys.executable, "-c", code.replace(repr(args), repr([*args[:1], "-f", "table"]))], capture_output=True, text=True
    )
    if args[0] != "--help":
        assert "RICH=['rich'" in table.stderr  # the guard can fail: the table path does import it
