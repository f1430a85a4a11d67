"""Bad input: one line on stderr naming what is valid, exit 2, never a traceback."""

from __future__ import annotations

import pytest

from conftest import run


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["zones", "--region", "wset"], "did you mean 'west'"),
        (["zones", "--region", "north"], "valid: east/东部"),
        (["zones", "--province", "Jiangsuu"], "did you mean"),
        (["zones", "--province", "Atlantis"], "unknown province 'Atlantis'"),
        (["zones", "--city", "Gotham"], "unknown city 'Gotham'"),
        (["zones", "--format", "jsn"], "did you mean 'json'"),
        (["zones", "--lang", "fr"], "unknown language 'fr'"),
        (["zones", "--sort", "aproved"], "did you mean 'approved'"),
        (["zones", "--limit", "many"], "--limit"),
        (["zones", "--limit", "-1"], "--limit"),
        (["zones", "--since", "2020", "--until", "2010"], "--since is after --until"),
        (["zones", "--bogus"], "No such option"),
        (["stats", "20x3"], "unknown year '20x3'"),
        (["policies", "--doc", "2020"], "unknown document '2020'"),
        (["nonsense"], "No such command"),
    ],
)
def test_bad_input_is_one_line_exit_2(runner, args, needle):
    r = run(runner, *args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert needle in r.stderr
    assert r.stderr.startswith("edz: error: ")
    assert r.stderr.count("\n") == 1
    assert "Traceback" not in r.stderr + r.stdout
    assert r.stdout == ""


def test_missing_data_file_exit_1(runner, tmp_path):
    r = run(runner, "--data", str(tmp_path / "nope.toml"), "zones")
    assert r.exit_code == 1
    assert "no such data file" in r.stderr


def test_env_var_selects_data(runner, mini_path):
    r = run(runner, "zones", env={"EDZ_DATA": str(mini_path)})
    assert r.exit_code == 0
    assert r.stdout.count("\n") == 3  # header + 2 active zones of the fixture


def test_no_arguments_prints_help_exit_0(runner):
    r = run(runner)
    assert r.exit_code == 0
    assert "Usage: edz" in r.stdout


def test_every_command_has_help_text(runner):
    from typer.main import get_command

    from edzcli.cli import app

    group = get_command(app)
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        assert cmd.help, f"edz {name} has no help text"
        r = run(runner, name, "--help")
        assert r.exit_code == 0 and "Usage:" in r.stdout


def test_version(runner):
    from edzcli import __version__

    r = run(runner, "--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"edz {__version__}"


def test_compare_and_rankings_on_a_data_file_without_those_records(runner):
    """A data file with no trade indicator and no rankings: compare leaves the row out (no crash),
    rankings says there are none (exit 1), neither is an internal error."""
    from conftest import MINI, run

    ids = [line.split("\t")[0] for line in run(runner, "--data", str(MINI), "zones").stdout.splitlines()[1:3]]
    r = run(runner, "--data", str(MINI), "compare", *ids)
    assert r.exit_code == 0, r.stderr
    assert "internal error" not in r.stderr
    r = run(runner, "--data", str(MINI), "rankings")
    assert r.exit_code == 1
    assert "no rankings" in r.stderr and "internal error" not in r.stderr


@pytest.mark.parametrize(
    "args", [("zones", "--since", "0"), ("zones", "--until", "0"), ("zones", "--since", "-5"), ("map", "--since", "10000")]
)
def test_a_year_that_is_no_calendar_year_is_bad_input(runner, args):
    """Found by the random command lines: --since 0 was an internal error (date(0, 1, 1))."""
    from conftest import run

    r = run(runner, *args)
    assert r.exit_code == 2, (args, r.stderr)
    assert "1 to 9999" in r.stderr and "internal error" not in r.stderr
