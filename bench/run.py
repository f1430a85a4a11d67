"""Start-up benchmark for edz: `python bench/run.py [--rounds N] [--skip-baseline]`.

Not a test: it measures, prints a report, and never fails on a number.

1. Builds the naive baseline in its own virtual environment (bench/.envs/naive: typer 0.29.2 +
   rich 15, the script below: tomllib + a Rich table over data/zones.toml, one region).
2. Times, interleaved in the same rounds, the wall-clock run of:
   `edz zones --region west` piped, on a terminal (a pty) and with `--format json`,
   `edz stats 2023`, `edz --help`, `python3 -c pass`, and the baseline; and the lookups
   `edz zone` (a name, a typo, a 100,000-character query), `edz search` (an industry, 1,000 and
   100,000 characters) and `edz zones --city Taizhou`, each compared with `edz zones` piped.
3. Generates 10x and 100x synthetic datasets (bench/out/) and times
   `edz --data big.toml zones --region west` on each.
4. Prints medians, ratios to the baseline and to `python3 -c pass`, and peak memory (max RSS,
   measured in a separate pass through /usr/bin/time or a small launcher).

It runs the `edz` installed next to the Python running this script (the project's .venv).
"""

from __future__ import annotations

import argparse
import os
import pty
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVS = ROOT / "bench" / ".envs"
OUT = ROOT / "bench" / "out"
DATA = ROOT / "data" / "zones.toml"

NAIVE_SCRIPT = """
import sys, tomllib
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()

@app.command()
def zones(region: str = "west", data: str = {data!r}):
    with open(data, "rb") as f:
        doc = tomllib.load(f)
    table = Table(title="zones")
    for col in ("id", "name", "province", "city", "approved"):
        table.add_column(col)
    for z in doc["zones"]:
        if z.get("status") == "active" and z["region"] == region:
            table.add_row(z["id"], z["name_zh"], z["province"], z["city_zh"], z.get("approved", ""))
    Console().print(table)

if __name__ == "__main__":
    app()
"""


def naive_env() -> Path:
    """bench/.envs/naive with typer 0.29.2 and rich 15 (created once, reused)."""
    env = ENVS / "naive"
    py = env / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "typer==0.29.2", "rich==15.0.0"], check=True)
    script = env / "naive.py"
    script.write_text(NAIVE_SCRIPT.format(data=str(DATA)), encoding="utf-8")
    return env


def bench_env() -> dict[str, str]:
    """The environment of a user's shell: bytecode caching on (some sandboxes turn it off,
    which would add recompiling every module to every run), a fixed terminal width."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "EDZ_NO_CACHE", "EDZ_DATA")}
    env["COLUMNS"] = "120"
    return env


def run_once(cmd: list[str], tty: bool = False, ok: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Wall time in seconds of one run (stdout to a pipe or a pty), and its exit status; an exit
    status not in `ok` stops the benchmark."""
    env = bench_env()
    if tty:
        master, slave = pty.openpty()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=slave, stderr=subprocess.DEVNULL, env=env)
        os.close(slave)
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        os.close(master)
        proc.returncode = os.waitstatus_to_exitcode(status)
    else:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert proc.stdout is not None
        proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)[:200]}")
    del usage
    return elapsed, proc.returncode


LAUNCHER = (
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)\n"
    "    os.execvp(sys.argv[1], sys.argv[1:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "print(usage.ru_maxrss)\n"
)


def peak_rss_kib(cmd: list[str]) -> int:
    """Peak RSS of one run, measured from a small launcher: a child forked from this (large)
    benchmark process would report the parent's memory as its own peak."""
    time_bin = shutil.which("time", path="/usr/bin:/bin")
    if time_bin:
        out = subprocess.run([time_bin, "-f", "%M", *cmd], capture_output=True, text=True, env=bench_env())
        last = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
        if last.isdigit():
            return int(last)
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, text=True, env=bench_env())
    return int(out.stdout.strip() or 0)


def synthetic(factor: int) -> Path:
    """The real dataset with its zones (and their facts and figures) repeated `factor` times (new ids
    and names), same schema."""
    import tomllib

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"zones-x{factor}.toml"
    if path.exists() and path.stat().st_mtime > DATA.stat().st_mtime:
        return path
    text = DATA.read_text(encoding="utf-8")
    doc = tomllib.loads(text)
    zones_start = text.index("[[zones]]")
    zones_end = min((text.index(h) for h in ("[[indicators]]", "[[stats]]") if h in text[zones_start:]), default=len(text))
    zones_block = text[zones_start:zones_end]
    copies = [zones_block]
    ids = [z["id"] for z in doc["zones"]]
    names = [z["name_zh"] for z in doc["zones"]]
    for n in range(1, factor):
        block = zones_block
        for zid in ids:
            block = block.replace(f'id = "{zid}"\n', f'id = "{zid}-x{n}"\n', 1)
        for name in names:
            block = block.replace(f'name_zh = "{name}"\n', f'name_zh = "{name}{n}"\n', 1)
        copies.append(block)
    # each zone's own figures too, for the copies (the zone facts are inside the zone blocks)
    import re

    figures = re.findall(r"^\[\[zone_figures\]\]\n(?:[^\n\[].*\n)+", text, re.M)
    extra = []
    for n in range(1, factor):
        for block in figures:
            extra.append("\n" + re.sub(r'^(zone = "[^"]+)"$', rf'\g<1>-x{n}"', block, count=1, flags=re.M))
    path.write_text(text[:zones_start] + "".join(copies) + text[zones_end:] + "".join(extra), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--skip-baseline", action="store_true", help="do not build or time the naive baseline")
    args = ap.parse_args()

    edz = shutil.which("edz", path=str(Path(sys.executable).parent)) or "edz"
    py = sys.executable
    cases: dict[str, tuple[list[str], bool]] = {
        "python3 -c pass": ([py, "-c", "pass"], False),
        "edz zones --region west (piped)": ([edz, "zones", "--region", "west"], False),
        "edz zones --region west (terminal)": ([edz, "zones", "--region", "west"], True),
        "edz zones --region west --format json": ([edz, "zones", "--region", "west", "--format", "json"], False),
        "edz stats 2023": ([edz, "stats", "2023"], False),
        "edz --help": ([edz, "--help"], False),
    }
    if not args.skip_baseline:
        env = naive_env()
        cases["naive baseline (typer 0.29.2 + rich 15)"] = (
            [str(env / "bin" / "python"), str(env / "naive.py"), "--region", "west"],
            True,
        )
    long_query = ("Development Zone " * 6000)[:100_000]
    lookups: dict[str, tuple[list[str], bool]] = {
        "edz zone 广州经开区": ([edz, "zone", "广州经开区"], False),
        "edz zone 苏洲工业园区 (a typo)": ([edz, "zone", "苏洲工业园区"], False),
        "edz zone <100,000 characters> (exit 1)": ([edz, "zone", long_query], False),
        "edz search 生物医药": ([edz, "search", "生物医药"], False),
        "edz search <1,000 characters>": ([edz, "search", long_query[:1000]], False),
        "edz search <100,000 characters>": ([edz, "search", long_query], False),
        "edz zones --city Taizhou": ([edz, "zones", "--city", "Taizhou"], False),
    }
    exits = {"edz zone <100,000 characters> (exit 1)": (1,)}
    cases.update(lookups)
    scale = {f: synthetic(f) for f in (10, 100)}
    for f, path in scale.items():
        cases[f"edz --data x{f} zones --region west"] = ([edz, "--data", str(path), "zones", "--region", "west"], False)

    # byte-compile edz as an install would, then warm the OS cache and edz's parsed-data cache
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "src")], check=False, env=bench_env())
    for name, (cmd, tty) in cases.items():
        run_once(cmd, tty, exits.get(name, (0,)))
    times: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(args.rounds):
        for name, (cmd, tty) in cases.items():
            t, _ = run_once(cmd, tty, exits.get(name, (0,)))
            times[name].append(t)
    # the memory pass runs without a terminal: ask edz for the table explicitly where the timed run had one
    mem_cmds = {name: [*cmd, "--format", "table"] if tty and cmd[0] == edz else cmd for name, (cmd, tty) in cases.items()}
    rss = {name: max(peak_rss_kib(cmd) for _ in range(3)) for name, cmd in mem_cmds.items()}

    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    base = med.get("naive baseline (typer 0.29.2 + rich 15)")
    bare = med["python3 -c pass"]
    print(f"edz start-up benchmark: {args.rounds} interleaved rounds, median wall time, peak RSS")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print()
    print("| command | median ms | x baseline | x python -c pass | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|")
    for name in cases:
        ratio = f"{med[name] / base:.2f}" if base else "-"
        print(f"| {name} | {med[name]:.1f} | {ratio} | {med[name] / bare:.1f} | {rss[name] / 1024:.1f} |")
    real = med["edz zones --region west (piped)"]
    print()
    print(
        f"scale: 1x {real:.1f} ms, 10x {med['edz --data x10 zones --region west']:.1f} ms "
        f"({med['edz --data x10 zones --region west'] / real:.2f}x), "
        f"100x {med['edz --data x100 zones --region west']:.1f} ms ({med['edz --data x100 zones --region west'] / real:.2f}x)"
    )
    print("lookups against edz zones --region west (piped): " + ", ".join(f"{n} {med[n] / real:.2f}x" for n in lookups))
    if base:
        print("targets: piped and JSON <= 0.50x baseline, table <= 0.80x, 10x data <= 1.3x, peak RSS <= 40 MiB")
    print("target: every lookup <= 1.5x edz zones (piped)")


if __name__ == "__main__":
    main()
