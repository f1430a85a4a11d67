"""Regenerate the pictures the README shows: `python tools/images.py` (or `--check`).

Each picture is edz's own `--format svg` output, written under docs/ by the `edz` of this
checkout; tests/test_pictures.py regenerates them into a temporary folder and compares the text,
so a change to the data, the labels or the renderer that alters a picture fails until this script
is run again. `--check` does the same comparison here and exits 1 on a difference.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# file under docs/ → the edz command line that draws it (always in Chinese, the reference)
IMAGES: dict[str, list[str]] = {
    "map-2000.svg": ["map", "--as-of", "2000", "--lang", "zh"],
    "trend-gdp.svg": ["trend", "gdp", "--lang", "zh"],
}


def generate(folder: Path) -> dict[str, Path]:
    """Draw every picture into `folder`; returns name → path."""
    out = {}
    for name, args in IMAGES.items():
        target = folder / name
        cmd = [sys.executable, "-m", "edzcli", "--data", str(ROOT / "data" / "zones.toml"), *args, "-f", "svg", "-o", str(target)]
        subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)
        out[name] = target
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on a difference")
    args = parser.parse_args()
    if not args.check:
        for path in generate(DOCS).values():
            print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
        return 0
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in generate(Path(tmp)).items():
            committed = DOCS / name
            if not committed.exists() or committed.read_text(encoding="utf-8") != path.read_text(encoding="utf-8"):
                stale.append(name)
    for name in stale:
        print(f"docs/{name} is out of date: run python tools/images.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
