"""Random command lines: whatever a user types, edz exits 0, 1 or 2 and never shows a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from edzcli.cli import app

COMMANDS = ["zones", "stats", "policies", "about", "validate", "bogus", ""]
OPTIONS = [
    "--region",
    "-r",
    "--province",
    "-p",
    "--city",
    "-c",
    "--since",
    "--until",
    "--sort",
    "-s",
    "--limit",
    "-n",
    "--all",
    "-a",
    "--format",
    "-f",
    "--lang",
    "-l",
    "--area",
    "--doc",
    "-d",
    "--points",
    "--help",
    "--version",
    "--data",
]
VALUES = [
    "west",
    "东部",
    "东北",
    "江苏",
    "Jiangsu",
    "苏州",
    "2023",
    "1984",
    "0",
    "-1",
    "99999999999999999999999",
    "1e9",
    "json",
    "csv",
    "tsv",
    "table",
    "markdown",
    "zh",
    "en",
    "open-economy",
    "2025",
    "2019",
    "approved",
    "-approved",
    "",
    " ",
    "\x00",
    "ＷＥＳＴ",
    "💥",
    "'; DROP TABLE zones;--",
    "=1+1",
    "../../etc/passwd",
    "nan",
    "--",
    "-",
]
token = st.one_of(
    st.sampled_from(OPTIONS), st.sampled_from(VALUES), st.text(max_size=12), st.integers(-(10**30), 10**30).map(str)
)
RUNNER = CliRunner()


@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cmd=st.sampled_from(COMMANDS), rest=st.lists(token, max_size=6))
def test_random_command_lines_never_crash(cmd, rest):
    args = ([cmd] if cmd else []) + rest
    if "--data" in args or "validate" in args:
        # keep the fuzzer on the bundled data: paths are tested on purpose elsewhere
        args = [a for a in args if a not in ("--data", "validate")]
    r = RUNNER.invoke(app, args)
    out = r.stdout + r.stderr
    assert r.exit_code in (0, 1, 2), (args, r.exit_code, out[-500:], r.exception)
    assert "Traceback" not in out, (args, out[-500:])
    if r.exit_code == 2:
        assert r.stderr.startswith("edz: error: ") and r.stderr.count("\n") == 1, (args, r.stderr)
