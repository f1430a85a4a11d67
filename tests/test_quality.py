"""Lint, format and type checks are part of the suite, so the one test command covers them."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.skipif(shutil.which("ruff") is None and _run("ruff", "--version").returncode != 0, reason="ruff not installed")
def test_ruff_lint_clean():
    p = _run("ruff", "check", "src", "tests", "bench")
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.mark.skipif(_run("ruff", "--version").returncode != 0, reason="ruff not installed")
def test_ruff_format_clean():
    p = _run("ruff", "format", "--check", "src", "tests", "bench")
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.mark.skipif(_run("mypy", "--version").returncode != 0, reason="mypy not installed")
def test_mypy_strict_clean():
    p = _run("mypy", "--no-error-summary")
    assert p.returncode == 0, p.stdout + p.stderr
