"""Issue 15, parts 4 and 5: shell completion (bash, zsh, fish) that offers the values of every
option with a closed set of values and honours the shell named; help that teaches (examples that
run, plain metavars, what the data holds, sections, --data and --lang after the command)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, ROOT, run

EDZ = str(Path(sys.executable).parent / "edz")
BUNDLED = ROOT / "data" / "zones.toml"


def complete(runner, line: str, shell: str = "bash", env: dict[str, str] | None = None):
    """Ask edz for the completions of `line` (a trailing space: a new word) the way `shell`'s script does."""
    words = shlex.split(line)
    if line.endswith(" "):
        words.append("")
    e = {"_EDZ_COMPLETE": f"complete_{shell}", **(env or {})}
    if shell in ("bash", "zsh"):
        e |= {"COMP_WORDS": " ".join(shlex.quote(w) if w else "''" for w in words), "COMP_CWORD": str(len(words) - 1)}
    else:
        e["COMP_WORDS"] = line
    return runner.invoke(_app(), [], env=e)


def _app():
    from edzcli.cli import app

    return app


def offered(runner, line: str, **kw) -> list[str]:
    """The values bash is offered for `line` (exit 0, nothing on stderr, no traceback)."""
    r = complete(runner, line, **kw)
    assert r.exit_code == 0, (line, r.output)
    assert "Traceback" not in r.output and r.stderr == "", (line, r.stderr)
    lines = [x for x in r.stdout.split("\n") if x]
    assert all(x.startswith(("plain,", "file,")) for x in lines), (line, lines)
    return [x.split(",", 1)[1] if x.startswith("plain,") else "<files>" for x in lines]


# --------------------------------------------------------------------------- the scripts

MECHANISM = {
    "bash": ("complete -o nosort -F _edz_completion edz", "COMP_WORDS", "_EDZ_COMPLETE=complete_bash", "compopt -o default"),
    "zsh": ("#compdef edz", "compdef _edz_completion edz", "_describe", "_EDZ_COMPLETE=complete_zsh", "_path_files"),
    "fish": ("complete --command edz", "commandline -cp", "_EDZ_COMPLETE=complete_fish", "__fish_complete_path"),
}


@pytest.mark.parametrize("shell", sorted(MECHANISM))
def test_show_completion_prints_the_script_of_the_shell_named(runner, shell):
    r = run(runner, "--show-completion", shell)
    assert r.exit_code == 0, r.output
    for needle in MECHANISM[shell]:
        assert needle in r.stdout, (shell, needle)
    for other in set(MECHANISM) - {shell}:
        assert f"complete_{other}" not in r.stdout


def test_the_three_scripts_differ_and_the_console_script_agrees(runner):
    scripts = {sh: run(runner, "--show-completion", sh).stdout for sh in MECHANISM}
    assert len(set(scripts.values())) == 3
    for sh, text in scripts.items():  # the installed `edz`, as a user runs it
        p = subprocess.run([EDZ, "--show-completion", sh], capture_output=True, text=True)
        assert p.returncode == 0 and p.stdout == text, (sh, p.stderr)
    zsh = subprocess.run([EDZ, "--show-completion", "zsh"], capture_output=True, text=True).stdout
    assert zsh != scripts["bash"] and zsh.startswith("#compdef edz")  # printed bash's script before


def test_show_completion_without_a_shell_uses_the_current_one(runner):
    r = run(runner, "--show-completion")
    assert r.exit_code == 0 or "name it" in r.stderr  # a sandbox may hide the parent shell
    if r.exit_code == 0:
        assert any(all(n in r.stdout for n in needles) for needles in MECHANISM.values())


@pytest.mark.parametrize(("args", "needle"), [(["--show-completion", "tcsh"], "unknown shell 'tcsh'"),
                                              (["--install-completion", "csh"], "valid: bash, zsh, fish")])  # fmt: skip
def test_unknown_shell_is_exit_2(runner, args, needle):
    r = run(runner, *args)
    assert r.exit_code == 2 and needle in r.stderr and r.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("shell", "script_path", "rc", "line"),
    [
        ("bash", ".bash_completions/edz.sh", ".bashrc", "source '{home}/.bash_completions/edz.sh'"),
        ("zsh", ".zfunc/_edz", ".zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit"),
        ("fish", ".config/fish/completions/edz.fish", None, None),
    ],
)
def test_install_completion_writes_the_shells_script_once(tmp_path, shell, script_path, rc, line):
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("XDG_CONFIG_HOME", None)
    if rc:
        (tmp_path / rc).write_text("# my settings\nexport EDITOR=vi", encoding="utf-8")  # no final newline
    for _ in range(2):
        p = subprocess.run([EDZ, "--install-completion", shell], capture_output=True, text=True, env=env)
        assert p.returncode == 0, p.stderr
        assert f"{shell} completion installed in {tmp_path / script_path}" in p.stdout
    shown = subprocess.run([EDZ, "--show-completion", shell], capture_output=True, text=True, env=env).stdout
    assert (tmp_path / script_path).read_text(encoding="utf-8") == shown
    if rc:
        text = (tmp_path / rc).read_text(encoding="utf-8")
        assert text.startswith("# my settings\nexport EDITOR=vi\n")  # kept, a newline added before ours
        assert text.count(line.format(home=tmp_path)) == 1  # installing twice adds it once


def test_install_completion_for_powershell_points_to_show(runner, tmp_path):
    r = run(runner, "--install-completion", "powershell", env={"HOME": str(tmp_path)})
    assert r.exit_code == 2 and "edz --show-completion powershell" in r.stderr
    assert not any(tmp_path.iterdir())


# --------------------------------------------------------------------------- the values offered


def _values(items) -> list[str]:
    return [v if isinstance(v, str) else v[0] for v in items]


def test_static_closed_sets(runner):
    from edzcli.cli import CITE_FORMATS, FIELD_COMMANDS
    from edzcli.export import EXPORT_FORMATS
    from edzcli.labels import SEARCH_KINDS, SOURCE_KINDS
    from edzcli.output import FORMATS
    from edzcli.query import MAP_VALUES, SERIES_CHOICES, ZONE_SORTS

    table = {
        "edz --lang ": ["zh", "en"],
        "edz zones --lang e": ["en"],
        "edz zones -l ": ["zh", "en"],
        "edz zones --sort ": list(ZONE_SORTS),
        "edz zones --sort -a": ["-approved", "-area"],
        "edz zones -f ": list(FORMATS),
        "edz stats --format j": ["json", "jsonl"],
        "edz export -f ": list(EXPORT_FORMATS),
        "edz export --format s": ["sqlite"],
        "edz cite -f ": list(CITE_FORMATS),
        "edz search x --kind ": list(SEARCH_KINDS),
        "edz sources --kind ": list(SOURCE_KINDS),
        "edz map --value ": list(MAP_VALUES),
        "edz stats --series ": list(SERIES_CHOICES),
        "edz trend gdp --series m": ["main"],
        "edz fields ": list(FIELD_COMMANDS),
        "edz --show-completion ": ["bash", "zsh", "fish", "powershell", "pwsh"],
        "edz --install-completion f": ["fish"],
    }
    for line, expected in table.items():
        assert offered(runner, line) == expected, line


def test_values_from_the_data(runner, ds):
    from edzcli.query import full_year_years, ranking_lists

    lists = ranking_lists(ds)
    table = {
        "edz zones --region ": list(ds.regions),
        "edz zones --region 西": ["西部"],
        "edz zones -r east,w": ["east,west"],
        "edz zones --region east,": ["east,central", "east,west", "east,northeast"],
        "edz zones --province ": sorted(ds.provinces),
        "edz zones --province jiang": ["jiangsu", "jiangxi"],
        "edz zones --province Jiang": ["Jiangsu", "Jiangxi"],  # any case, the case typed kept
        "edz zones --province 江": ["江苏", "江西", "江苏省", "江西省"],
        "edz zones --city 3205": ["320500"],
        "edz zones --city 苏": ["苏州市"],
        "edz zones --city 大理": ["大理白族自治州"],
        "edz policies --area ": list(ds.areas),
        "edz policies --doc 2019 --area ": [a.id for a in ds.areas.values() if a.document == "opinion-2019"],
        "edz policies --doc ": [d.key for d in ds.documents.values()] + ["list"],
        "edz rankings ": [str(e) for e in sorted({e for e, _ in lists}, reverse=True)],
        "edz rankings --list fdi ": [str(e) for e, lst in lists if lst == "fdi"],
        "edz rankings 2010 --list ": sorted(lst for e, lst in lists if e == 2010),
        "edz rankings 2024 --list ": sorted(lst for e, lst in lists if e == 2024),
        "edz sources xinhua-2024-10": sorted(s for s in ds.sources if s.startswith("xinhua-2024-10")),
        "edz trend ": list(ds.indicators),
        "edz trend fd": [i for i in ds.indicators if i.startswith("fd")] + ["fdi"],  # ids, then the short form
        "edz stats ": [str(y) for y in reversed(full_year_years(ds))],
        "edz trend gdp --from 202": [str(y) for y in reversed(full_year_years(ds)) if str(y).startswith("202")],
        "edz zone suzhou": [z for z in ds.zones if z.startswith("suzhou")],
        "edz zone 苏州工业": ["苏州工业园区"],
        "edz stats --zone tianj": [z for z in ds.zones if z.startswith("tianj")],
        "edz compare tianjin guangzhou-": [z for z in ds.zones if z.startswith("guangzhou-")],
        "edz zone ": list(ds.zones),
    }
    for line, expected in table.items():
        got = offered(runner, line)
        if line.endswith(("--region ", "--province ", "--area ", "trend ", "zone ")):
            assert sorted(got) == sorted(expected), line
        else:
            assert got == expected, line
    assert len(offered(runner, "edz zones --city ")) >= 150  # every prefecture city with a zone
    assert "guangzhou" in offered(runner, "edz zones --city Guang") or "Guangzhou" in offered(runner, "edz zones --city Guang")


def test_fields_are_those_of_each_commands_fields_help(runner):
    from conftest import tsv
    from edzcli.cli import FIELD_COMMANDS, _fields_args
    from edzcli.loader import load_dataset

    ds = load_dataset()
    for command in FIELD_COMMANDS:
        args = _fields_args(command, ds, None, None, "tsv")
        expected = [r["field"] for r in tsv(run(runner, *args))]
        sample = " ".join(shlex.quote(a) for a in args[: args.index("--fields")])
        assert offered(runner, f"edz {sample} --fields ") == expected, command
    assert offered(runner, "edz zones --fields id,na") == [f"id,{f}" for f in expected_zones(runner) if f.startswith("na")]
    assert "id,id" not in offered(runner, "edz zones --fields id,")  # a field already listed is not offered again


def expected_zones(runner) -> list[str]:
    from conftest import tsv

    return [r["field"] for r in tsv(run(runner, "zones", "--fields", "help"))]


def test_paths_complete_file_names_and_free_text_nothing(runner):
    for line in ("edz --data ", "edz zones --data ", "edz zones -o ", "edz export -f csv -o ", "edz validate "):
        assert offered(runner, line) == ["<files>"], line
    for line in ("edz zones --industry ", "edz search ", "edz zones --as-of ", "edz sources --outlet "):
        assert offered(runner, line) == [], line  # free text: no file names either


def test_commands_and_options_complete(runner):
    assert offered(runner, "edz zo") == ["zones", "zone"]
    assert offered(runner, "edz ")[:4] == ["zones", "zone", "search", "compare"]  # the order of edz --help
    assert offered(runner, "edz zones --reg") == ["--region"]
    assert "--data" in offered(runner, "edz zones --d")


def test_data_before_or_after_the_command_feeds_the_values(runner, mini):
    ids = sorted(mini.zones)
    assert sorted(offered(runner, f"edz --data {MINI} zone ")) == ids
    assert sorted(offered(runner, f"edz zone --data {MINI} ")) == ids
    assert offered(runner, f"edz --data {MINI} rankings ") == []  # the fixture has no rankings
    assert sorted(offered(runner, "edz zone ", env={"EDZ_DATA": str(MINI)})) == ids


def test_equals_forms_and_other_shells(runner):
    # bash splits --region=we at '=': it arrives as three words
    r = runner.invoke(
        _app(), [], env={"_EDZ_COMPLETE": "complete_bash", "COMP_WORDS": "edz zones --region = we", "COMP_CWORD": "4"}
    )
    assert r.stdout.split() == ["plain,west"]
    z = complete(runner, "edz zones --region w", shell="zsh")
    assert z.stdout.split("\n")[:3] == ["plain", "west", "西部"]  # type, value, description
    z = complete(runner, "edz zones --region w", shell="zsh", env={"EDZ_LANG": "en"})
    assert z.stdout.split("\n")[:3] == ["plain", "west", "West"]
    f = complete(runner, "edz zones --region w", shell="fish")
    assert f.stdout == "plain,west\t西部\n"
    f = complete(runner, "edz zones --region=w", shell="fish")  # fish replaces the whole word
    assert f.stdout == "plain,--region=west\t西部\n"
    f = complete(runner, "edz zones --data ", shell="fish")
    assert f.stdout == "file,\n"
    z = complete(runner, "edz zone tianjin-", shell="zsh")
    assert "tianjin-binhai" in z.stdout.split("\n") or z.stdout  # ids with a description


@pytest.mark.parametrize(
    "env",
    [
        {"COMP_WORDS": "edz zones --region ", "COMP_CWORD": "3", "EDZ_DATA": "/nonexistent/zones.toml"},
        {"COMP_WORDS": "edz zones --region ", "COMP_CWORD": "not a number"},
        {"COMP_WORDS": "edz zone '苏州", "COMP_CWORD": "2"},
        {"COMP_WORDS": "edz zones --limit x --region ", "COMP_CWORD": "5"},
        {"COMP_WORDS": "edz --version ", "COMP_CWORD": "2"},
        {"COMP_WORDS": "edz nonsense --foo ", "COMP_CWORD": "3"},
        {"COMP_WORDS": "", "COMP_CWORD": "0"},
    ],
)
def test_completion_never_fails(runner, env, tmp_path):
    r = runner.invoke(_app(), [], env={"_EDZ_COMPLETE": "complete_bash", **env})
    assert r.exit_code == 0, r.output
    assert "Traceback" not in r.output and r.stderr == ""
    assert "edz 0.1.0" not in r.stdout  # --version does not answer a completion request


def test_a_broken_data_file_offers_nothing(runner, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[zones]\nid = 1\n", encoding="utf-8")
    assert offered(runner, f"edz --data {bad} zone ") == []
    assert offered(runner, f"edz --data {bad} zones --sort ") != []  # a closed set needs no data


def test_unknown_instruction_says_so(runner):
    r = runner.invoke(_app(), [], env={"_EDZ_COMPLETE": "complete_tcsh"})
    assert r.exit_code == 1 and "unknown completion instruction" in r.stderr


def _modules_after(line: str) -> set[str]:
    """Modules loaded by one completion request through the console script's code path."""
    words = line.split(" ")
    code = (
        "import os, sys\n"
        "from edzcli.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "_EDZ_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return set(p.stderr.split())


def test_completion_is_lean():
    static = _modules_after("edz zones --sort ")
    assert not any(m == "rich" or m.startswith("rich.") for m in static)
    assert "edzcli.loader" not in static  # a closed set known to the code does not load the data
    data = _modules_after("edz zones --region ")
    assert "edzcli.loader" in data and not any(m.startswith("rich") for m in data)
    fields = _modules_after("edz zones --fields ")
    assert not any(m.startswith("rich") for m in fields)


# the shells themselves, where installed


def _script(shell: str) -> str:
    return subprocess.run([EDZ, "--show-completion", shell], capture_output=True, text=True, check=True).stdout


def _shell_env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(EDZ).parent}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
def test_real_bash(tmp_path):
    (tmp_path / "edz.bash").write_text(_script("bash"), encoding="utf-8")
    probe = (
        f"source {tmp_path / 'edz.bash'}\n"
        'COMP_WORDS=(edz zones --region w); COMP_CWORD=3; _edz_completion edz; echo "1:${COMPREPLY[*]}"\n'
        'COMP_WORDS=(edz zones --sort -a); COMP_CWORD=3; _edz_completion edz; echo "2:${COMPREPLY[*]}"\n'
        "COMP_WORDS=(edz zones --industry ''); COMP_CWORD=3; _edz_completion edz; echo \"3:${#COMPREPLY[@]}\"\n"
        "complete -p edz\n"
    )
    out = subprocess.run(["bash", "--norc", "-c", probe], capture_output=True, text=True, env=_shell_env()).stdout
    assert "1:west\n" in out and "2:-approved -area\n" in out and "3:0\n" in out
    assert "-F _edz_completion edz" in out


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish not installed")
def test_real_fish(tmp_path):
    (tmp_path / "edz.fish").write_text(_script("fish"), encoding="utf-8")
    probe = (
        f"source {tmp_path / 'edz.fish'}\n"
        "complete -C 'edz zones --region w'\n"
        "echo ---\n"
        "complete -C 'edz stats --format t'\n"
        "echo ---\n"
        "complete -C 'edz zones --industry '\n"
    )
    out = subprocess.run(["fish", "--no-config", "-c", probe], capture_output=True, text=True, env=_shell_env()).stdout
    first, second, third = out.split("---\n")
    assert first == "west\t西部\n"
    assert second.split() == ["table", "tsv"]
    assert third == ""  # free text: no file names


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh not installed")
def test_real_zsh(tmp_path):
    """The zsh script's own loop, with compadd and _describe stubbed (they only run in a widget)."""
    (tmp_path / "edz.zsh").write_text(_script("zsh"), encoding="utf-8")
    probe = (
        'compadd() { print -r -- "compadd ${(j:,:)${(@P)${@[-1]}}}" }\n'
        '_describe() { print -r -- "describe ${(j:,:)${(@P)3}}" }\n'
        '_path_files() { print -r -- "files $@" }\n'
        'compdef() { print -r -- "compdef $@" }\n'
        f"source {tmp_path / 'edz.zsh'}\n"
        "words=(edz zones --region w); CURRENT=4; _edz_completion\n"
        "words=(edz zones -f j); CURRENT=4; _edz_completion\n"
        "words=(edz zones --data ''); CURRENT=4; _edz_completion\n"
    )
    out = subprocess.run(["zsh", "-f", "-c", probe], capture_output=True, text=True, env=_shell_env()).stdout
    assert out.split("\n")[:4] == ["compdef _edz_completion edz", "describe west:西部", "compadd json,jsonl", "files -f"]


# --------------------------------------------------------------------------- help that teaches


def _docs():
    from edzcli.cli import COMMAND_DOCS, ROOT_EXAMPLES

    return COMMAND_DOCS, ROOT_EXAMPLES


def _all_examples() -> list[str]:
    docs, root = _docs()
    return [cmd for d in docs.values() for cmd, _ in d.examples] + [cmd for cmd, _ in root]


def test_every_command_has_two_or_three_examples_of_itself(runner):
    from typer.main import get_command

    docs, root = _docs()
    names = set(get_command(_app()).commands)  # type: ignore[attr-defined]
    assert set(docs) == names
    for name, doc in docs.items():
        assert 2 <= len(doc.examples) <= 3, name
        help_text = run(runner, name, "--help").stdout
        assert help_text.rstrip().endswith(doc.examples[-1][0] + "  # " + doc.examples[-1][1]), name  # help ends with them
        for cmd, note in doc.examples:
            assert shlex.split(cmd)[:2] == ["edz", name] and note, (name, cmd)
            assert f"{cmd}  # {note}" in help_text
    assert 2 <= len(root) <= 3 and all(f"{c}  # {n}" in run(runner, "--help").stdout for c, n in root)


@pytest.mark.parametrize("example", _all_examples())
def test_every_help_example_runs(runner, example, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(BUNDLED, tmp_path / "zones.toml")  # for the examples that name a file
    r = run(runner, *shlex.split(example)[1:])
    assert r.exit_code == 0, (example, r.stderr)
    assert r.stdout or any(tmp_path.iterdir()), example


def _helps(runner) -> dict[str, str]:
    from typer.main import get_command

    names = list(get_command(_app()).commands)  # type: ignore[attr-defined]
    return {"edz": run(runner, "--help").stdout} | {name: run(runner, name, "--help").stdout for name in names}


BAD_METAVAR = re.compile(r"<\w+>|\{[^}]*\}|\[x[<>]|\[\d+<=x|\w:(?:INTEGER|TEXT)\b")


def test_no_generic_metavar_in_any_help(runner):
    for name, text in _helps(runner).items():
        assert "Usage:" in text, name
        assert not BAD_METAVAR.search(text), (name, BAD_METAVAR.search(text))


def test_every_value_has_a_named_metavar():
    from typer.main import get_command

    group = get_command(_app())
    commands = [("edz", group), *group.commands.items()]  # type: ignore[attr-defined]
    for name, cmd in commands:
        for p in cmd.params:
            if p.param_type_name == "option" and (getattr(p, "is_flag", False) or p.name == "help"):
                continue
            assert p.metavar and re.fullmatch(r"\[?[A-Z]+\]?(\.\.\.)?", p.metavar), (name, p.name, p.metavar)


def test_usage_lines_name_the_arguments(runner):
    usage = {name: text.split("\n", 1)[0] for name, text in _helps(runner).items()}
    assert usage["zone"] == "Usage: edz zone [OPTIONS] ZONE"
    assert usage["compare"] == "Usage: edz compare [OPTIONS] ZONE..."
    assert usage["stats"] == "Usage: edz stats [OPTIONS] [YEAR]"
    assert usage["trend"] == "Usage: edz trend [OPTIONS] INDICATOR"
    assert usage["validate"] == "Usage: edz validate [OPTIONS] [PATH]"
    assert usage["fields"] == "Usage: edz fields [OPTIONS] COMMAND"


def test_commands_listed_in_sections_with_one_line_summaries(runner):
    from edzcli.cli import COMMAND_ORDER, SECTIONS

    docs, _ = _docs()
    text = run(runner, "--help", env={"COLUMNS": "80"}).stdout
    listed = re.findall(r"^  ([a-z]+) +(\S.*)$", text.split("Zones:", 1)[1].split("Examples:")[0], re.M)
    assert [n for n, _ in listed] == list(COMMAND_ORDER)
    assert COMMAND_ORDER[:4] == ("zones", "zone", "search", "compare") and COMMAND_ORDER[-1] == "validate"
    for name, summary in listed:
        assert summary == docs[name].summary, name  # whole, on one line, at 80 columns
        assert len(f"  {name:<10}  {summary}") <= 78 and not summary.endswith(("...", ".")), name
    for title, _ in SECTIONS:
        assert f"\n{title}:\n" in text


def test_rankings_and_stats_help_name_what_the_data_holds(runner, ds, mini):
    from edzcli.query import full_year_years, ranking_lists, year_ranges

    text = " ".join(run(runner, "rankings", "--help").stdout.split())
    editions = sorted({e for e, _ in ranking_lists(ds)}, reverse=True)
    assert f"Editions in the data: {', '.join(map(str, editions))}." in text
    for lst in {lst for _, lst in ranking_lists(ds)}:
        assert f"{lst} (" in text
    stats = " ".join(run(runner, "stats", "--help").stdout.split())
    assert f"Years with full-year figures in the data: {year_ranges(full_year_years(ds))}" in stats
    # from the data in use: the fixture's years, before or after the command
    for args in (["--data", str(MINI), "stats", "--help"], ["stats", "--data", str(MINI), "--help"]):
        text = " ".join(run(runner, *args).stdout.split())
        assert f"in the data: {year_ranges(full_year_years(mini))} (default" in text, args
    assert "The data has no rankings." in run(runner, "--data", str(MINI), "rankings", "--help").stdout
    broken = run(runner, "--data", "/nonexistent.toml", "rankings", "--help")
    assert broken.exit_code == 0 and "Examples:" in broken.stdout and "Editions" not in broken.stdout


def test_top_level_help_does_not_load_the_data():
    code = (
        "import sys\nfrom edzcli.__main__ import main\nsys.argv = ['edz', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(str('edzcli.loader' in sys.modules) + ' ' + str(any(m.startswith('rich') for m in sys.modules)))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stderr.strip() == "False False", p.stderr


def test_help_says_how_to_switch_language(runner):
    text = " ".join(run(runner, "--help").stdout.split())
    assert "--lang en" in text and "EDZ_LANG=en" in text and "EDZ_LANG=zh" in text
    assert "EDZ_LANG=en|zh" in " ".join(run(runner, "zones", "--help").stdout.split())


# --------------------------------------------------------------------------- --data and --lang after the command

AFTER = [
    ["zones", "--region", "east"],
    ["zone", "one"],
    ["search", "一号"],
    ["stats"],
    ["trend", "gdp"],
    ["indicators"],
    ["regions"],
    ["provinces"],
    ["history"],
    ["map"],
    ["policies", "--doc", "list"],
    ["sources"],
    ["fields", "zones"],
    ["about"],
    ["cite"],
]


@pytest.mark.parametrize("args", AFTER, ids=lambda a: a[0])
def test_data_and_lang_work_after_the_command(runner, args):
    before = run(runner, "--data", str(MINI), "--lang", "en", *args)
    assert before.exit_code == 0, before.stderr
    after = run(runner, *args, "--data", str(MINI), "--lang", "en")
    assert (after.exit_code, after.stdout) == (0, before.stdout), args
    bundled = run(runner, "--lang", "en", *args)
    assert bundled.stdout != before.stdout or args[0] in ("cite", "fields")  # the fixture really was used


def test_lang_and_data_after_compare(runner):
    # (the fixture has no trade figures, which edz compare cannot do without: views.compare_view)
    before = run(runner, "--data", str(BUNDLED), "--lang", "en", "compare", "tianjin", "guangzhou")
    after = run(runner, "compare", "tianjin", "guangzhou", "--lang", "en", "--data", str(BUNDLED))
    assert before.exit_code == 0 and (after.exit_code, after.stdout) == (0, before.stdout)
    assert before.stdout != run(runner, "compare", "tianjin", "guangzhou").stdout


def test_data_after_export_and_validate(runner, tmp_path):
    r = run(runner, "validate", "--data", str(MINI))
    assert r.exit_code == 0 and r.stdout.strip() == f"{MINI}: ok"
    r = run(runner, "export", "-f", "json", "-o", "-", "--data", str(MINI))
    assert r.exit_code == 0 and '"one"' in r.stdout and "suzhou" not in r.stdout


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["export", "-f", "json", "-o", "-", "--lang", "en"], "(edz --lang LANG export ...)"),
        (["validate", "-l", "en"], "(edz -l LANG validate ...)"),
        (["zones", "--version"], "(edz --version)"),
        (["zones", "--show-completion", "bash"], "(edz --show-completion SHELL)"),
    ],
)
def test_a_root_option_where_it_cannot_work_says_to_put_it_before(runner, args, hint):
    r = run(runner, *args)
    assert r.exit_code == 2 and r.stdout == ""
    assert "is an option of edz itself" in r.stderr and "put it before the command" in r.stderr and hint in r.stderr
    assert r.stderr.count("\n") == 1


@pytest.mark.parametrize(("args", "least"), [(["zones", "--limit", "-1"], 0), (["search", "x", "-n", "0"], 1)])
def test_limit_below_its_least_is_exit_2(runner, args, least):
    r = run(runner, *args)
    assert r.exit_code == 2 and f"N must be {least} or more" in r.stderr


CLOSED_SETS = {"REGION", "PROVINCE", "CITY", "KEY", "FORMAT", "LANG", "ZONE", "ZONE...", "SERIES", "FIELDS", "AREA", "DOC",
               "[YEAR]", "INDICATOR", "[EDITION]", "LIST", "[ID]", "VALUE", "KIND", "COMMAND", "[SHELL]"}  # fmt: skip
FREE = {"PATH", "[PATH]", "TEXT", "N", "DATE", "YEAR"}  # paths complete file names; the rest is typed


def test_every_closed_set_parameter_has_a_completer():
    from typer.main import get_command

    from edzcli.completion import completer_for

    group = get_command(_app())
    for name, cmd in [("edz", group), *group.commands.items()]:  # type: ignore[attr-defined]
        for p in cmd.params:
            if not p.metavar:
                continue
            assert p.metavar in CLOSED_SETS | FREE, (name, p.name, p.metavar)  # a new metavar: decide which it is
            if p.metavar in CLOSED_SETS:
                assert completer_for(cmd.name, p.name) is not None, (name, p.name)


def test_a_normal_run_does_not_import_completion():
    code = (
        "import sys\nfrom edzcli.__main__ import main\nsys.argv = ['edz', 'zones', '--region', 'west']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(str('edzcli.completion' in sys.modules))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stderr.strip() == "False", p.stderr
    from edzcli import completion

    assert completion.COMPLETE_VAR == "_EDZ_COMPLETE"  # the name cli.py reads without importing it


def test_a_root_option_missing_its_value_after_a_command_is_not_misdirected(runner):
    r = run(runner, "zones", "--data")
    assert r.exit_code == 2 and "requires an argument" in r.stderr and "option of edz itself" not in r.stderr
