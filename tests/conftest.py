from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

# Deterministic output whatever the CI terminal is (Typer's own test suite does the same).
os.environ["TERMINAL_WIDTH"] = "3000"
os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
os.environ.pop("FORCE_COLOR", None)
os.environ.pop("EDZ_DATA", None)
os.environ.pop("EDZ_LANG", None)
os.environ.pop("EDZ_NO_CACHE", None)
# keep the parsed-data cache of test runs out of the user's home
os.environ["EDZ_CACHE_DIR"] = tempfile.mkdtemp(prefix="edz-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini.toml"


@pytest.fixture(scope="session")
def mini_path() -> Path:
    return MINI


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def ds():
    from edzcli import load_dataset

    return load_dataset()


@pytest.fixture(scope="session")
def mini():
    from edzcli import load_dataset

    return load_dataset(MINI)


def run(runner: CliRunner, *args: str, **kw):
    """Invoke the real `edz` command in-process."""
    from edzcli.cli import app

    return runner.invoke(app, list(args), **kw)


def tsv(result) -> list[dict[str, str]]:
    lines = result.stdout.rstrip("\n").split("\n")
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
