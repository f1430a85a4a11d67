"""The README's examples keep working: every `$ edz ...` line runs with the exit status its
printed output implies, and the Python snippet runs as written."""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [m.group(1) for m in re.finditer(r"^\$ (edz .+)$", README, re.M)]


def test_readme_has_examples_and_both_setup_commands():
    assert len(COMMANDS) >= 5
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/edz zones --region west" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_cmd = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    assert test_cmd in README and test_cmd in ci


@pytest.mark.parametrize("line", COMMANDS)
def test_readme_command_runs(runner, line):
    args = shlex.split(line.split("|")[0])[1:]
    r = run(runner, *args)
    block = README[README.index("$ " + line) :]
    shown = block.split("\n$ ")[0]
    expected_error = "edz: error:" in shown.split("\n", 1)[1] if "\n" in shown else False
    if expected_error:
        assert r.exit_code in (1, 2) and r.stderr.startswith("edz: error:")
        assert r.stderr.strip() in shown
    else:
        assert r.exit_code == 0, (line, r.stderr)


def test_readme_python_snippet_runs():
    code = README.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert len(namespace["west"]) == 50  # type: ignore[arg-type]
    assert namespace["z"].id == "guangzhou"  # type: ignore[attr-defined]
