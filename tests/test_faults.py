"""Nothing lost, nothing wrong, under faults (issue #17): the parsed-data cache is right or absent,
an export never replaces what is not its own and never loses the old target, I/O errors are the
user's world (exit 0 for a reader gone away, exit 1 in one line otherwise, 130 for Ctrl-C), and
hostile input sizes are refused in one line.

Most cases run the installed console script (`edz`) in a temporary HOME and cache folder; cases
that need root (device nodes) or a mount (a full tmpfs) skip cleanly elsewhere.
"""

from __future__ import annotations

import errno
import json
import marshal
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import MINI, ROOT, run

# The console script installed next to the interpreter running the tests (the project's venv);
# EDZ_TEST_EDZ may name another build of edz to run the same cases against.
EDZ = Path(os.environ.get("EDZ_TEST_EDZ") or Path(sys.executable).with_name("edz"))
DATA = ROOT / "data" / "zones.toml"
FORMATS = ("table", "tsv", "csv", "json", "markdown")

pytestmark = pytest.mark.skipif(not EDZ.exists(), reason="the edz console script is not installed")


class Edz:
    """Runs the installed `edz` with HOME and the cache in a temporary folder of its own."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.home = base / "home"
        self.cache = base / "xdg-cache"
        self.cwd = base / "work"
        for d in (self.home, self.cwd):
            d.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("EDZ_") and k != "PYTHONUNBUFFERED"}
        env.update(HOME=str(self.home), XDG_CACHE_HOME=str(self.cache), LC_ALL="C.UTF-8")
        self.env = env

    def __call__(self, *args: str, env: dict[str, str | None] | None = None, **kw) -> subprocess.CompletedProcess[str]:
        kw.setdefault("capture_output", True)
        kw.setdefault("text", True)
        kw.setdefault("timeout", 60)
        return subprocess.run([str(EDZ), *args], env=self.environ(env), cwd=kw.pop("cwd", self.cwd), **kw)

    def popen(self, *args: str, env: dict[str, str | None] | None = None, **kw) -> subprocess.Popen[bytes]:
        return subprocess.Popen([str(EDZ), *args], env=self.environ(env), cwd=self.cwd, **kw)

    def environ(self, extra: dict[str, str | None] | None) -> dict[str, str]:
        env = dict(self.env)
        for k, v in (extra or {}).items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = v
        return env


@pytest.fixture()
def edz(tmp_path: Path) -> Edz:
    return Edz(tmp_path)


def one_line_error(p: subprocess.CompletedProcess[str], needle: str = "") -> None:
    assert "Traceback" not in p.stderr + p.stdout, p.stderr
    assert p.stderr.count("\n") == 1 and p.stderr.startswith("edz: error: "), p.stderr
    assert needle in p.stderr, p.stderr


# --------------------------------------------------------------------------- cache


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    """A copy of a data file, an empty cache folder, and a loader that forgets between loads."""
    from edzcli import loader

    def make(src: Path = MINI) -> tuple[Path, Path, object]:
        p = tmp_path / "data.toml"
        shutil.copyfile(src, p)
        cache = tmp_path / "cache"
        monkeypatch.setenv("EDZ_CACHE_DIR", str(cache))
        monkeypatch.delenv("EDZ_NO_CACHE", raising=False)
        loader._CACHE.clear()
        fresh = Same(loader.load_dataset(p))  # parses, validates and writes the cache
        loader._CACHE.clear()
        return p, cache, fresh

    yield make
    loader._CACHE.clear()


class Same:
    """A dataset compared by every record and value, types included (1 and 1.0 differ)."""

    def __init__(self, ds) -> None:
        self.text = repr([getattr(ds, slot) for slot in type(ds).__slots__])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.text == self.text

    def __repr__(self) -> str:
        return f"<dataset {len(self.text)} characters>"


def _load_again(p: Path) -> Same:
    from edzcli import loader

    loader._CACHE.clear()
    return Same(loader.load_dataset(p))


def _cache_files(cache: Path) -> list[Path]:
    return sorted(f for f in cache.glob("*.marshal") if not f.name.startswith("."))


def test_no_one_bit_flip_in_the_cache_is_ever_served(fresh_cache):
    p, cache, fresh = fresh_cache()
    (f,) = _cache_files(cache)
    good = f.read_bytes()
    rng = random.Random(17)
    positions = sorted({rng.randrange(len(good)) for _ in range(48)} | {0, 9, 30, len(good) - 1})
    for pos in positions:
        bad = bytearray(good)
        bad[pos] ^= 1 << rng.randrange(8)
        f.write_bytes(bytes(bad))
        assert _load_again(p) == fresh, f"a cache with byte {pos} flipped was served"
        # the bad file is not kept: the next run finds a good one again
        assert _cache_files(cache) == [f] and f.read_bytes() == good, f"byte {pos}: the bad cache file was kept"


def _permute(doc: dict) -> dict:
    """Same shape, fields in another order: zones' name_zh and short_zh swapped."""
    from edzcli.model import Zone

    i, j = Zone._fields.index("name_zh"), Zone._fields.index("short_zh")
    rows = []
    for r in doc["zones"]:
        r = list(r)
        r[i], r[j] = r[j], r[i]
        rows.append(tuple(r))
    return {**doc, "zones": rows}


def test_a_cache_written_with_another_field_order_is_not_served(fresh_cache):
    import struct
    import zlib

    p, cache, fresh = fresh_cache()
    (f,) = _cache_files(cache)
    data = f.read_bytes()
    if data.startswith(b"EDZCACHE"):  # a writer whose layout differs says so in its header
        payload = marshal.dumps(_permute(marshal.loads(data[36:])))
        other_layout = bytes(16)
        f.write_bytes(b"EDZCACHE" + other_layout + struct.pack("<QI", len(payload), zlib.crc32(payload)) + payload)
    else:  # a bare marshal file (edz before #17)
        f.write_bytes(marshal.dumps(_permute(marshal.loads(data))))
    assert _load_again(p) == fresh


@pytest.mark.parametrize("seed", range(12))
def test_random_bytes_after_a_valid_header_are_not_served(fresh_cache, seed):
    p, cache, fresh = fresh_cache()
    (f,) = _cache_files(cache)
    head = f.read_bytes()[:36]
    rng = random.Random(seed)
    f.write_bytes(head + bytes(rng.randrange(256) for _ in range(rng.choice([1, 64, 4096]))))
    assert _load_again(p) == fresh


def test_a_huge_length_after_a_valid_header_cannot_exhaust_memory(edz, fresh_cache):
    p, cache, _fresh = fresh_cache()
    (f,) = _cache_files(cache)
    data = f.read_bytes()
    head = data[:36] if data.startswith(b"EDZCACHE") else b""
    f.write_bytes(head + b"[\xff\xff\xff\x7f" + bytes(range(256)) * 4)  # "a list of 2**31 - 1 items"
    expected = edz("--data", str(p), "zones", env={"EDZ_NO_CACHE": "1"})
    got = edz("--data", str(p), "zones", env={"EDZ_CACHE_DIR": str(cache)}, preexec_fn=_limited_memory)
    assert (got.returncode, got.stdout, got.stderr) == (0, expected.stdout, "")


def test_a_fifo_where_the_cache_file_should_be_does_not_hang(edz, fresh_cache, monkeypatch):
    from edzcli import loader

    p, cache, _fresh = fresh_cache()
    (f,) = _cache_files(cache)
    f.unlink()
    os.mkfifo(f)
    expected = edz("--data", str(p), "zones", env={"EDZ_NO_CACHE": "1"})
    try:
        got = edz("--data", str(p), "zones", env={"EDZ_CACHE_DIR": str(cache)}, timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail("edz hung on a FIFO in place of its cache file")
    assert got.returncode == 0 and got.stdout == expected.stdout and got.stderr == ""
    assert stat.S_ISREG(os.lstat(f).st_mode)  # ignored and rewritten as a regular file
    assert loader._cache_read(f) is not None


def test_a_cache_file_that_is_a_symlink_or_device_is_not_read(fresh_cache, tmp_path):
    from edzcli import loader

    p, cache, fresh = fresh_cache()
    (f,) = _cache_files(cache)
    real = tmp_path / "elsewhere.marshal"
    f.rename(real)
    f.symlink_to(real)
    assert loader._cache_read(f) is None
    assert _load_again(p) == fresh
    assert not f.is_symlink()


def test_cache_folder_follows_xdg_and_never_the_current_folder(monkeypatch):
    from edzcli import loader

    for var in ("EDZ_CACHE_DIR", "EDZ_NO_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", "/home/someone")
    assert loader.cache_dir() == Path("/home/someone/.cache/edz")
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/x")
    assert loader.cache_dir() == Path("/var/cache/x/edz")
    for rel in ("rel-cache", "", "./c"):
        monkeypatch.setenv("XDG_CACHE_HOME", rel)  # relative or empty: invalid by the spec, ignored
        assert loader.cache_dir() == Path("/home/someone/.cache/edz")
    monkeypatch.delenv("XDG_CACHE_HOME")
    for home in ("", "relative/home", "~"):
        monkeypatch.setenv("HOME", home)
        assert loader.cache_dir() is None
    monkeypatch.delenv("HOME")
    import pwd

    def no_entry(uid: int):
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    assert loader.cache_dir() is None  # no usable home: no cache, rather than ./~/.cache


@pytest.mark.parametrize(
    "env",
    [{"XDG_CACHE_HOME": "rel-cache"}, {"XDG_CACHE_HOME": None, "HOME": ""}, {"XDG_CACHE_HOME": None, "HOME": "~"}],
    ids=["relative-xdg", "empty-home", "tilde-home"],
)
def test_nothing_is_written_to_the_current_folder(edz, env):
    p = edz("zones", "--region", "west", env=env)
    assert p.returncode == 0, p.stderr
    assert list(edz.cwd.iterdir()) == []
    if env.get("XDG_CACHE_HOME") == "rel-cache":  # falls back to $HOME/.cache/edz
        assert list((edz.home / ".cache" / "edz").glob("*.marshal"))


def test_concurrent_first_runs_leave_one_good_file(edz):
    procs = [edz.popen("--data", str(MINI), "zones", stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outs = [pr.communicate(timeout=60) for pr in procs]
    assert all(pr.returncode == 0 for pr in procs), outs
    assert len({o for o, _ in outs}) == 1 and all(e == b"" for _, e in outs)
    files = list((edz.cache / "edz").iterdir())
    assert len(files) == 1 and files[0].suffix == ".marshal" and not files[0].name.startswith(".")
    again = edz("--data", str(MINI), "zones")
    assert again.stdout.encode() == outs[0][0]


# --------------------------------------------------------------------------- exports


def _temps(folder: Path) -> list[str]:
    """Files edz's exports may leave behind: temporary files, journals, swapped-out folders."""
    return sorted(n for n in os.listdir(folder) if n.startswith(".") and (".tmp" in n or n.endswith(".old") or "journal" in n))


def _mknod(path: Path, major: int, minor: int) -> None:
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    except (PermissionError, AttributeError, OSError) as e:
        pytest.skip(f"cannot create a device node here ({e}); needs root")


def test_export_writes_through_devices_and_never_replaces_them(edz):
    # copies of /dev/null and /dev/full in a temp folder: never the machine's real /dev
    null, full = edz.base / "null", edz.base / "full"
    _mknod(null, 1, 3)
    _mknod(full, 1, 7)
    for fmt in ("json", "sqlite"):
        p = edz("export", "--format", fmt, "--output", str(null))
        assert p.returncode == 0, p.stderr
        assert stat.S_ISCHR(os.lstat(null).st_mode), f"{fmt}: /dev/null was replaced"
        p = edz("export", "--format", fmt, "--output", str(full))
        assert p.returncode == 1
        one_line_error(p, "No space left on device")
        assert stat.S_ISCHR(os.lstat(full).st_mode), f"{fmt}: /dev/full was replaced"
    p = edz("export", "--format", "csv", "--output", str(null))
    assert p.returncode == 1 and stat.S_ISCHR(os.lstat(null).st_mode)
    p = edz("zones", "--region", "west", "--output", str(null))  # a listing's --output: the same writer
    assert p.returncode == 0 and stat.S_ISCHR(os.lstat(null).st_mode), p.stderr
    assert _temps(edz.base) == []


def test_export_through_a_stdout_link_writes_stdout(edz):
    out = edz.base / "out"
    out.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    if not Path("/proc/self/fd/1").exists():
        pytest.skip("no /proc")
    p = edz("export", "--format", "json", "--output", str(out))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["meta"]["schema_version"] == 1
    assert out.is_symlink() and os.readlink(out) == "/proc/self/fd/1"


def test_export_into_a_fifo_writes_through(edz):
    fifo = edz.base / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    p = edz("export", "--format", "json", "--output", str(fifo), timeout=30)
    reader.join(10)
    assert p.returncode == 0, p.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(got[0])["zones"]


def test_export_follows_a_symlink_and_refuses_a_dangling_one(edz):
    real = edz.base / "real.json"
    real.write_text("old", encoding="utf-8")
    link = edz.base / "link.json"
    link.symlink_to(real)
    p = edz("export", "--format", "json", "--output", str(link))
    assert p.returncode == 0, p.stderr
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["zones"]
    dangling = edz.base / "dangling.json"
    dangling.symlink_to(edz.base / "nowhere" / "x.json")
    p = edz("export", "--format", "json", "--output", str(dangling))
    assert p.returncode == 1
    one_line_error(p, "symbolic link")
    assert dangling.is_symlink()
    assert _temps(edz.base) == []


def test_export_into_a_missing_folder_is_an_error(edz):
    for fmt in ("json", "sqlite", "csv"):
        p = edz("export", "--format", fmt, "--output", str(edz.base / "typo" / f"x.{fmt}"))
        assert p.returncode == 1
        one_line_error(p, "no such folder")
    p = edz("zones", "--output", str(edz.base / "typo" / "zones.tsv"))
    assert p.returncode == 1
    one_line_error(p, "no such folder")
    assert not (edz.base / "typo").exists()


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_export_mode_is_what_the_umask_gives(edz, umask):
    for fmt in ("json", "sqlite", "csv"):
        target = edz.base / f"x.{fmt}"
        p = edz("export", "--format", fmt, "--output", str(target), umask=umask)
        assert p.returncode == 0, p.stderr
        want = (0o777 if fmt == "csv" else 0o666) & ~umask
        assert stat.S_IMODE(os.stat(target).st_mode) == want, fmt
        if fmt == "csv":
            assert stat.S_IMODE(os.stat(target / "zones.csv").st_mode) == 0o666 & ~umask


def test_csv_export_refuses_a_folder_that_is_not_its_own(edz):
    folder = edz.base / "mine"
    folder.mkdir()
    (folder / "thesis.txt").write_text("years of work", encoding="utf-8")
    p = edz("export", "--format", "csv", "--output", str(folder))
    assert p.returncode == 1
    one_line_error(p, "thesis.txt")
    assert (folder / "thesis.txt").read_text(encoding="utf-8") == "years of work"


def test_csv_reexport_replaces_its_own_folder_and_leaves_nothing_beside(edz):
    target = edz.base / "csv"
    for _ in range(2):
        p = edz("export", "--format", "csv", "--output", str(target))
        assert p.returncode == 0, p.stderr
    assert (target / "zones.csv").exists() and _temps(edz.base) == []


def test_csv_swap_failure_never_leaves_the_target_missing(mini, tmp_path, monkeypatch):
    from edzcli import errors, export

    target = tmp_path / "x.csv"
    export.export_csv(mini, target)
    before = {f.name: f.read_bytes() for f in target.iterdir()}
    (target / "zones.csv").write_text("marker", encoding="utf-8")
    before["zones.csv"] = b"marker"
    monkeypatch.setattr(export, "_exchange", lambda a, b: False, raising=False)  # the rename-and-restore path
    real_rename, real_replace = os.rename, os.replace

    def failing(fn):
        def move(src, dst, *a, **kw):
            if Path(dst) == target and Path(src).name.endswith(".tmp"):
                raise OSError(errno.EIO, "Input/output error")
            return fn(src, dst, *a, **kw)

        return move

    monkeypatch.setattr(os, "rename", failing(real_rename))
    monkeypatch.setattr(os, "replace", failing(real_replace))
    with pytest.raises((OSError, errors.EdzError)):
        export.export_csv(mini, target)
    assert target.is_dir(), "the old export is gone"
    assert {f.name: f.read_bytes() for f in target.iterdir()} == before
    assert _temps(tmp_path) == []


def test_sqlite_export_passes_integrity_and_foreign_key_checks(edz):
    target = edz.base / "x.db"
    p = edz("export", "--format", "sqlite", "--output", str(target))
    assert p.returncode == 0, p.stderr
    con = sqlite3.connect(target)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT count(*) FROM zones").fetchone()[0] > 200
    finally:
        con.close()
    assert _temps(edz.base) == []


def _interrupt_mid_export(edz: Edz, sig: int, target: Path) -> tuple[subprocess.Popen[bytes], bool]:
    """Start an SQLite export and send `sig` while its temporary file exists."""
    for _ in range(5):
        pr = edz.popen("export", "--format", "sqlite", "--output", str(target), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while pr.poll() is None and time.monotonic() < deadline:
            if _temps(target.parent):
                pr.send_signal(sig)
                pr.communicate(timeout=30)
                return pr, True
            time.sleep(0.0005)
        pr.communicate(timeout=30)
    return pr, False


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"])
def test_a_handled_signal_mid_export_removes_the_temp_file_and_keeps_the_old(edz, sig, code):
    target = edz.base / "x.db"
    target.write_bytes(b"the old export")
    pr, hit = _interrupt_mid_export(edz, sig, target)
    if not hit:
        pytest.skip("the export finished before the signal could be sent")
    assert pr.returncode == code
    assert _temps(edz.base) == []
    assert target.read_bytes() == b"the old export"
    assert b"Traceback" not in pr.stderr.read() if pr.stderr and not pr.stderr.closed else True


def test_leftovers_of_a_killed_export_are_swept_by_the_next(edz):
    target = edz.base / "x.db"
    target.write_bytes(b"the old export")
    _pr, hit = _interrupt_mid_export(edz, signal.SIGKILL, target)
    if not hit:
        pytest.skip("the export finished before the signal could be sent")
    assert target.read_bytes() == b"the old export"
    assert _temps(edz.base), "SIGKILL left nothing behind?"
    p = edz("export", "--format", "sqlite", "--output", str(target))
    assert p.returncode == 0, p.stderr
    assert _temps(edz.base) == []


@pytest.fixture()
def full_disk(tmp_path):
    """A tiny tmpfs (root only; skipped elsewhere)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tmpfs")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {r.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def test_a_full_disk_is_one_line_exit_1_and_the_old_target_intact(edz, full_disk):
    (full_disk / "x.json").write_text("old json", encoding="utf-8")
    (full_disk / "x.db").write_text("old db", encoding="utf-8")
    for fmt, name in (("json", "x.json"), ("sqlite", "x.db"), ("csv", "x.csv")):
        p = edz("export", "--format", fmt, "--output", str(full_disk / name))
        assert p.returncode == 1, (fmt, p.stderr)
        one_line_error(p, "No space left on device")
    assert (full_disk / "x.json").read_text(encoding="utf-8") == "old json"
    assert (full_disk / "x.db").read_text(encoding="utf-8") == "old db"
    assert sorted(os.listdir(full_disk)) == ["x.db", "x.json"]


# --------------------------------------------------------------------------- stdout, stderr, signals


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_reader_closing_the_pipe_is_exit_0_and_silent(edz, fmt, unbuffered):
    env = {"PYTHONUNBUFFERED": unbuffered or None}
    # the reader is gone before edz writes anything: every size of output meets the closed pipe
    pr = edz.popen("zones", "--all", "-f", fmt, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pr.stdout.close()
    _, err = pr.communicate(timeout=60)
    assert (pr.returncode, err) == (0, b"")


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED"])
def test_head_on_output_larger_than_the_pipe_buffer_is_exit_0(edz, unbuffered):
    # `edz zones --all --format json | head -1`: more than 64 KiB, the reader leaves after one line
    pr = edz.popen(
        "zones",
        "--all",
        "--format",
        "json",
        env={"PYTHONUNBUFFERED": unbuffered or None},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert pr.stdout.readline() == b"[\n"
    pr.stdout.close()
    _, err = pr.communicate(timeout=60)
    assert (pr.returncode, err) == (0, b"")


def _shell(edz: Edz, script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", "-c", script, str(EDZ)], env=edz.env, cwd=edz.cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("script", "needle"),
    [
        ('"$0" zones >&-', "standard output is closed"),
        ('"$0" zones > /dev/full', "No space left on device"),
        ('"$0" --help > /dev/full', "No space left on device"),
        ('"$0" --version > /dev/full', "No space left on device"),
        ('"$0" zones --format json > /dev/full', "No space left on device"),
    ],
)
def test_a_closed_or_full_stdout_is_exit_1_in_one_line(edz, script, needle):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    p = _shell(edz, script)
    assert p.returncode == 1
    one_line_error(p, needle)


def test_a_closed_or_full_stderr_is_silent(edz):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    for script, code in (
        ('"$0" zones > /dev/full 2>&-', 1),
        ('"$0" zones > /dev/full 2> /dev/full', 1),
        ('"$0" zone atlantis 2>&-', 1),
        ('"$0" zones --region wset 2> /dev/full', 2),
        ('"$0" zones --region west 2>&-', 0),
    ):
        p = _shell(edz, script)
        assert p.returncode == code, (script, p.stderr)
        assert p.stderr == "", script


def _startup_time() -> float:
    """How long the interpreter, the console script's own first import (`re`) and the package's
    `__init__` take here: until then no edz code has run (a Ctrl-C while the interpreter itself
    starts is its own business); right after it the entry point installs its handler."""
    code = "import re, sys; import edzcli"
    times = []
    for _ in range(3):
        t = time.monotonic()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.monotonic() - t)
    return max(times)


def test_ctrl_c_at_any_moment_is_130_in_at_most_one_line(edz):
    edz("zones", "--all")  # warm the cache, as a user's second run would be
    t = time.monotonic()
    edz("zones", "--all")
    whole = time.monotonic() - t
    start = _startup_time() * 1.5 + 0.02  # margin: a loaded CI machine starts the real run slower
    moments = [start + (whole - start) * i / 8 for i in range(8)]
    for moment in moments:
        pr = edz.popen("zones", "--all", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(moment)
        pr.send_signal(signal.SIGINT)
        _, err = pr.communicate(timeout=60)
        text = err.decode(errors="replace")
        assert "Traceback" not in text and "KeyboardInterrupt" not in text, (moment, text)
        assert text.count("\n") <= 1, (moment, text)
        # 0: it had finished; -SIGINT: it came before Python's own handler or after it was torn down
        assert pr.returncode in (0, 130, -signal.SIGINT), (moment, pr.returncode, text)


def test_a_newline_in_a_query_cannot_forge_a_second_line(runner):
    for args in (
        ["zone", "west\nedz: error: injected"],
        ["zones", "--province", "x\ny"],
        ["search", "\x1b[31mred\nx", "--kind", "nope\nedz: ok"],
        ["--data", "no\nsuch.toml", "zones"],
        ["export", "--format", "json\nx", "--output", "-"],
    ):
        r = run(runner, *args)
        assert r.exit_code in (1, 2), (args, r.stderr)
        assert r.stderr.count("\n") == 1 and "\x1b" not in r.stderr, (args, r.stderr)
        assert r.stderr.startswith("edz: error: ")


# --------------------------------------------------------------------------- hostile input sizes


def _limited_memory() -> None:  # a regression must fail the test, not exhaust the machine
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def test_a_device_or_fifo_as_data_file_is_refused_unread(edz):
    fifo = edz.base / "data.fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        try:
            p = edz("--data", path, "zones", timeout=20, preexec_fn=_limited_memory)
        except subprocess.TimeoutExpired:
            pytest.fail(f"edz hung reading {path}")
        assert p.returncode == 1
        one_line_error(p, "not a regular file")


def test_a_data_file_over_the_size_limit_is_refused_before_parsing(tmp_path, monkeypatch, runner):
    from edzcli import loader

    big = tmp_path / "big.toml"
    with open(big, "wb") as f:
        f.truncate(64 * 2**20 + 1)  # sparse: costs no disk
    monkeypatch.setattr(loader, "_parse_bytes", lambda *a: pytest.fail("parsed a file over the limit"))
    for args in (["--data", str(big), "zones"], ["validate", str(big)]):
        r = run(runner, *args)
        assert r.exit_code == 1
        assert "larger than 64 MiB" in r.stderr + r.stdout


DEEP_CASES = {
    "dotted-keys": "notes" + ".a" * 3000 + " = 1\n",
    "inline-tables": "notes = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
    "arrays": "notes = " + "[" * 3000 + "]" * 3000 + "\n",
    "unknown-field": "extra" + ".a" * 3000 + " = 1\n",
    "highlights": "highlights = [{text_zh = 'x', text_en = 'x', source = " + "[" * 3000 + "]" * 3000 + "}]\n",
}


@pytest.mark.parametrize("case", DEEP_CASES)
def test_deep_nesting_is_a_data_error_with_a_location(runner, tmp_path, case):
    src = MINI.read_text(encoding="utf-8")
    at = src.index("\n", src.index("[[zones]]")) + 1
    p = tmp_path / "deep.toml"
    p.write_text(src[:at] + DEEP_CASES[case] + src[at:], encoding="utf-8")
    for args in (["--data", str(p), "zones"], ["--data", str(p), "about"], ["validate", str(p)]):
        r = run(runner, *args)
        assert r.exit_code == 1, (args, r.stdout, r.stderr)
        out = r.stdout + r.stderr
        assert "internal error" not in out and "Recursion" not in out, out
        assert f"{p}:" in out, out  # file and line


def test_a_byte_order_mark_is_named(runner, tmp_path):
    p = tmp_path / "bom.toml"
    p.write_bytes(b"\xef\xbb\xbf" + MINI.read_bytes())
    for args in (["--data", str(p), "zones"], ["validate", str(p)]):
        r = run(runner, *args)
        assert r.exit_code == 1
        assert "byte-order mark" in r.stdout + r.stderr


def test_fuzzy_matching_looks_at_a_bounded_query(mini, monkeypatch):
    import difflib

    from edzcli import search
    from edzcli.errors import NotFoundError

    longest: list[int] = [0]
    real_ratio = difflib.SequenceMatcher.ratio

    def ratio(self):
        longest[0] = max(longest[0], len(self.a), len(self.b))
        return real_ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", ratio)
    with pytest.raises(NotFoundError):
        search.get_zone(mini, "浦东" * 20_000)
    assert search.search(mini, "一号" * 20_000) == []
    assert longest[0] <= 1_000
    assert search.get_zone(mini, "一号经济技术开发区").id == "one"  # short queries still match
