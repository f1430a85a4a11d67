"""Export the whole dataset: SQLite (one table per entity, primary and foreign keys), JSON (one
document), or CSV (a folder with one file per table).

Every export is atomic: it is written next to the target under a temporary name, flushed to disk
and moved into place only when complete, so a failed or interrupted export leaves the previous
file intact; devices and pipes are written through, never replaced (see "writing safely").
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from .errors import EdzError, quote
from .model import Dataset, record_dict, zone_record

EXPORT_FORMATS = ("sqlite", "json", "csv", "metadata")
DATASETTE_DATABASE = "edz"  # datasette names a database after its file: edz.db

# table: (columns with SQL types and constraints, extra table constraints)
SCHEMA: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "meta": ([("key", "TEXT PRIMARY KEY"), ("value", "TEXT")], []),
    "sources": (
        [("id", "TEXT PRIMARY KEY"), ("outlet", "TEXT NOT NULL"), ("outlet_en", "TEXT"), ("title", "TEXT NOT NULL"), ("title_zh", "TEXT"),
         ("date", "TEXT"), ("url", "TEXT"), ("kind", "TEXT NOT NULL"), ("note", "TEXT"), ("note_zh", "TEXT")],
        [],
    ),
    "regions": ([("id", "TEXT PRIMARY KEY"), ("name_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL")], []),
    "provinces": (
        [("id", "TEXT PRIMARY KEY"), ("name_zh", "TEXT NOT NULL"), ("short_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL"),
         ("region", "TEXT NOT NULL REFERENCES regions(id)"), ("source", "TEXT NOT NULL REFERENCES sources(id)")],
        [],
    ),
    "zones": (
        [("id", "TEXT PRIMARY KEY"), ("name_zh", "TEXT NOT NULL UNIQUE"), ("short_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL"),
         ("name_en_status", "TEXT NOT NULL"), ("name_en_source", "TEXT REFERENCES sources(id)"),
         ("province", "TEXT NOT NULL REFERENCES provinces(id)"), ("province_name_zh", "TEXT"), ("province_name_en", "TEXT"), ("city_zh", "TEXT NOT NULL"), ("city_en", "TEXT NOT NULL"),
         ("province_code", "TEXT"), ("city_code", "TEXT"), ("city_code_2", "TEXT"), ("zone_code", "TEXT"), ("code_vintage", "INTEGER"),
         ("codes_source", "TEXT REFERENCES sources(id)"), ("codes_note", "TEXT"), ("codes_note_zh", "TEXT"),
         ("region", "TEXT NOT NULL REFERENCES regions(id)"), ("approved", "TEXT"), ("approved_precision", "TEXT"),
         ("approved_verified", "INTEGER NOT NULL"), ("approved_source", "TEXT REFERENCES sources(id)"), ("approved_note", "TEXT"), ("approved_note_zh", "TEXT"),
         ("approved_after", "TEXT"), ("approved_after_source", "TEXT REFERENCES sources(id)"), ("approved_after_basis", "TEXT"), ("approved_after_note", "TEXT"), ("approved_after_note_zh", "TEXT"),
         ("approved_before", "TEXT"), ("approved_before_source", "TEXT REFERENCES sources(id)"), ("approved_before_basis", "TEXT"), ("approved_before_note", "TEXT"), ("approved_before_note_zh", "TEXT"),
         ("creation", "TEXT NOT NULL"), ("membership_source", "TEXT NOT NULL REFERENCES sources(id)"), ("status", "TEXT NOT NULL"),
         ("removed", "TEXT"), ("removed_basis", "TEXT"), ("removed_source", "TEXT REFERENCES sources(id)"), ("removed_note", "TEXT"), ("removed_note_zh", "TEXT"),
         ("area_km2", "REAL"), ("area_kind", "TEXT"), ("area_year", "INTEGER"), ("area_source", "TEXT REFERENCES sources(id)"),
         ("industries_source", "TEXT REFERENCES sources(id)"), ("industries_translated", "TEXT"), ("former_names_verified", "INTEGER NOT NULL")],
        [],
    ),
    "zone_names": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("kind", "TEXT NOT NULL"), ("name", "TEXT NOT NULL")],
        ["PRIMARY KEY (zone, kind, name)"],
    ),
    "zone_name_sources": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("source", "TEXT NOT NULL REFERENCES sources(id)")],
        ["PRIMARY KEY (zone, source)"],
    ),
    "zone_industries": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("lang", "TEXT NOT NULL"), ("position", "INTEGER NOT NULL"),
         ("industry", "TEXT NOT NULL")],
        ["PRIMARY KEY (zone, lang, position)"],
    ),
    "zone_highlights": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("position", "INTEGER NOT NULL"), ("text_zh", "TEXT NOT NULL"),
         ("text_en", "TEXT NOT NULL"), ("source", "TEXT NOT NULL REFERENCES sources(id)"), ("year", "INTEGER"),
         ("value", "REAL"), ("unit", "TEXT"), ("qualifier", "TEXT"), ("note", "TEXT"), ("note_zh", "TEXT")],
        ["PRIMARY KEY (zone, position)"],
    ),
    "zone_notes": (
        [("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("position", "INTEGER NOT NULL"), ("note", "TEXT NOT NULL"), ("note_zh", "TEXT")],
        ["PRIMARY KEY (zone, position)"],
    ),
    "indicators": (
        [("id", "TEXT PRIMARY KEY"), ("name_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL"), ("unit", "TEXT NOT NULL"),
         ("headline", "INTEGER NOT NULL"), ("share_of", "TEXT REFERENCES indicators(id)"), ("description_en", "TEXT"), ("description_zh", "TEXT")],
        [],
    ),
    "stats": (
        [("id", "INTEGER PRIMARY KEY"), ("indicator", "TEXT NOT NULL REFERENCES indicators(id)"), ("year", "INTEGER NOT NULL"),
         ("value", "REAL NOT NULL"), ("unit", "TEXT NOT NULL"), ("qualifier", "TEXT"), ("period", "TEXT"), ("as_of", "TEXT"),
         ("scope", "TEXT NOT NULL"), ("scope_zh", "TEXT"), ("series", "TEXT"), ("is_primary", "INTEGER NOT NULL"),
         ("zones", "INTEGER"), ("growth_published", "REAL"), ("growth_source", "TEXT REFERENCES sources(id)"),
         ("source", "TEXT NOT NULL REFERENCES sources(id)"), ("note", "TEXT"), ("note_zh", "TEXT")],
        [],
    ),
    "documents": (
        [("id", "TEXT PRIMARY KEY"), ("key", "TEXT NOT NULL UNIQUE"), ("title_zh", "TEXT NOT NULL"), ("title_en", "TEXT NOT NULL"),
         ("doc_no", "TEXT"), ("issuer_zh", "TEXT NOT NULL"), ("issuer_en", "TEXT NOT NULL"), ("date", "TEXT"),
         ("date_source", "TEXT REFERENCES sources(id)"), ("measure_count", "INTEGER NOT NULL"), ("measures_partial", "INTEGER NOT NULL"),
         ("source", "TEXT NOT NULL REFERENCES sources(id)"), ("note", "TEXT"), ("note_zh", "TEXT")],
        [],
    ),
    "areas": (
        [("id", "TEXT PRIMARY KEY"), ("document", "TEXT NOT NULL REFERENCES documents(id)"), ("position", "INTEGER NOT NULL"),
         ("name_zh", "TEXT NOT NULL"), ("name_en", "TEXT NOT NULL"), ("verified", "INTEGER NOT NULL")],
        [],
    ),
    "measures": (
        [("id", "TEXT PRIMARY KEY"), ("document", "TEXT NOT NULL REFERENCES documents(id)"), ("area", "TEXT NOT NULL REFERENCES areas(id)"),
         ("number", "INTEGER NOT NULL"), ("number_zh", "TEXT"), ("heading_zh", "TEXT NOT NULL"), ("heading_en", "TEXT NOT NULL"),
         ("heading_status", "TEXT NOT NULL"), ("position_verified", "INTEGER NOT NULL"), ("verified", "INTEGER NOT NULL"), ("note", "TEXT"), ("note_zh", "TEXT")],
        [],
    ),
    "measure_points": (
        [("measure", "TEXT NOT NULL REFERENCES measures(id)"), ("lang", "TEXT NOT NULL"), ("position", "INTEGER NOT NULL"),
         ("point", "TEXT NOT NULL")],
        ["PRIMARY KEY (measure, lang, position)"],
    ),
    "measure_sources": (
        [("measure", "TEXT NOT NULL REFERENCES measures(id)"), ("source", "TEXT NOT NULL REFERENCES sources(id)")],
        ["PRIMARY KEY (measure, source)"],
    ),
    "rankings": (
        [("id", "INTEGER PRIMARY KEY"), ("edition", "INTEGER NOT NULL"), ("data_year", "INTEGER NOT NULL"), ("list", "TEXT NOT NULL"),
         ("rank", "INTEGER NOT NULL"), ("zone", "TEXT NOT NULL REFERENCES zones(id)"), ("source", "TEXT NOT NULL REFERENCES sources(id)"),
         ("verified", "INTEGER NOT NULL"), ("complete_to", "INTEGER"), ("note", "TEXT"), ("note_zh", "TEXT")],
        [],
    ),
    "document_aliases": (
        [("document", "TEXT NOT NULL REFERENCES documents(id)"), ("alias", "TEXT NOT NULL")],
        ["PRIMARY KEY (document, alias)"],
    ),
    "zone_figures": (
        [("id", "INTEGER PRIMARY KEY"), ("zone", "TEXT NOT NULL REFERENCES zones(id)"),
         ("indicator", "TEXT NOT NULL REFERENCES indicators(id)"), ("year", "INTEGER NOT NULL"), ("value", "REAL NOT NULL"),
         ("unit", "TEXT NOT NULL"), ("qualifier", "TEXT"), ("scope", "TEXT NOT NULL"), ("scope_note", "TEXT"), ("scope_note_zh", "TEXT"),
         ("is_primary", "INTEGER NOT NULL"), ("source", "TEXT NOT NULL REFERENCES sources(id)"), ("note", "TEXT"), ("note_zh", "TEXT")],
        [],
    ),
}  # fmt: skip


def rows(ds: Dataset) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every row of every table, as (table, {column: value}); the same rows feed SQLite and CSV."""
    m = record_dict(ds.meta)
    for k, v in m.items():
        yield "meta", {"key": k, "value": str(v)}
    for s in ds.sources.values():
        yield "sources", record_dict(s)
    for r in ds.regions.values():
        yield "regions", record_dict(r)
    for p in ds.provinces.values():
        yield "provinces", record_dict(p)
    zone_cols = [c for c, _ in SCHEMA["zones"][0]]
    for z in ds.zones.values():
        d = zone_record(ds, z)
        yield "zones", {c: d.get(c) for c in zone_cols}
        for alias in z.aliases:
            yield "zone_names", {"zone": z.id, "kind": "alias", "name": alias}
        for former in z.former_names:
            yield "zone_names", {"zone": z.id, "kind": "former", "name": former}
        for area in z.part_of:
            yield "zone_names", {"zone": z.id, "kind": "part-of", "name": area}
        for src in z.name_sources:
            yield "zone_name_sources", {"zone": z.id, "source": src}
        for lang, items in (("zh", z.industries_zh), ("en", z.industries_en)):
            for i, industry in enumerate(items, 1):
                yield "zone_industries", {"zone": z.id, "lang": lang, "position": i, "industry": industry}
        for i, h in enumerate(z.highlights, 1):
            yield "zone_highlights", {"zone": z.id, "position": i, **record_dict(h)}
        for i, n in enumerate(z.notes, 1):
            zh = z.notes_zh[i - 1] if i <= len(z.notes_zh) else None
            yield "zone_notes", {"zone": z.id, "position": i, "note": n, "note_zh": zh}
    for ind in ds.indicators.values():
        d = record_dict(ind)
        yield "indicators", d
    for i, st in enumerate(ds.stats, 1):
        d = record_dict(st)
        d["is_primary"] = d.pop("primary")
        yield "stats", {"id": i, **d}
    for doc in ds.documents.values():
        d = record_dict(doc)
        d["measures_partial"] = doc.measures_partial
        yield "documents", d
        for alias in doc.aliases:
            yield "document_aliases", {"document": doc.id, "alias": alias}
    for a in ds.areas.values():
        d = record_dict(a)
        d["position"] = d.pop("order")
        yield "areas", d
    for ms in ds.measures.values():
        d = record_dict(ms)
        points = {"zh": d.pop("points_zh"), "en": d.pop("points_en")}
        srcs = d.pop("sources")
        d["verified"] = ms.verified
        yield "measures", d
        for lang, pts in points.items():
            for i, pt in enumerate(pts, 1):
                yield "measure_points", {"measure": ms.id, "lang": lang, "position": i, "point": pt}
        for src in dict.fromkeys(srcs):
            yield "measure_sources", {"measure": ms.id, "source": src}
    for i, rk in enumerate(ds.rankings, 1):
        yield "rankings", {"id": i, **record_dict(rk)}
    for i, zf in enumerate(ds.zone_figures, 1):
        d = record_dict(zf)
        d["is_primary"] = d.pop("primary")
        yield "zone_figures", {"id": i, **d}


# --------------------------------------------------------------------------- writing safely
#
# What an export may do to its target (the README's error section says the same):
# - a regular file (or a CSV folder that holds only an earlier edz CSV export) is replaced
#   atomically: the new file is written beside it under a temporary name of edz's own
#   (`.NAME.edz-PID-RANDOM.tmp`), flushed to disk, and renamed over it in one step;
# - a character device or a FIFO (/dev/null, /dev/stdout, a pipe) is written through, never
#   replaced; a symbolic link is followed (the real file is replaced, the link stays);
# - anything else (a missing folder, a block device, a socket, a folder that is not an edz CSV
#   export) is refused with one line, and nothing is written;
# - on any failure, and on SIGINT/SIGTERM (the CLI turns them into exceptions), the temporary
#   files are removed and the old target is left as it was; files a killed export left behind
#   are removed by the next export to the same target.


class ExportError(EdzError):
    """An export could not be written; the old target, if any, is intact. Exit status 1."""


class _Target(NamedTuple):
    path: Path  # what to write: the target itself, or the real file behind a symbolic link
    through: bool  # a character device or FIFO: opened and written, never replaced


def _shown(path: Path) -> str:
    return quote(str(path))


def _fail(target: Path, why: str) -> NoReturn:
    raise ExportError(f"cannot write {_shown(target)}: {why}")


def _os_fail(target: Path, e: OSError) -> NoReturn:
    _fail(target, e.strerror or str(e))


def _check_target(target: Path, folder: bool, depth: int = 0) -> _Target:
    """Decide what writing `target` means, before anything is written (see above)."""
    try:
        lst = os.lstat(target)
    except FileNotFoundError:
        parent = target.parent
        if not parent.is_dir():
            _fail(target, f"no such folder {_shown(parent)}")
        return _Target(target, False)
    except OSError as e:
        _os_fail(target, e)
    mode = lst.st_mode
    if stat.S_ISLNK(mode):
        try:
            st = os.stat(target)
        except OSError:
            _fail(target, "it is a symbolic link to nothing; edz does not replace a link, point --output at its target")
        if not folder and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            return _Target(target, True)  # /dev/stdout and friends: write through the link
        real = Path(os.path.realpath(target))
        if depth or real == target or stat.S_ISLNK(os.lstat(real).st_mode):  # pragma: no cover - a loop resolved oddly
            _fail(target, "a symbolic link edz cannot follow")
        return _check_target(real, folder, depth + 1)
    if folder:
        if not stat.S_ISDIR(mode):
            _fail(target, "exists and is not a folder (a CSV export is a folder of files)")
        foreign = sorted(n for n in os.listdir(target) if n not in _CSV_NAMES or not os.path.isfile(target / n))
        if foreign:
            _fail(
                target,
                f"the folder holds {quote(foreign[0])}, which is not part of an edz CSV export; "
                "edz replaces only a folder of its own export (choose a new or empty folder)",
            )
        return _Target(target, False)
    if stat.S_ISREG(mode):
        return _Target(target, False)
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return _Target(target, True)
    if stat.S_ISDIR(mode):
        _fail(target, "is a folder (only a CSV export is a folder)")
    _fail(target, "is not a regular file, a character device or a pipe")


_TEMP = r"\.edz-(\d+)-[0-9a-f]{8}\.(tmp|old)(-journal|-wal|-shm)?"


def _temp_name(target: Path, kind: str = "tmp") -> Path:
    return target.with_name(f".{target.name}.edz-{os.getpid()}-{os.urandom(4).hex()}.{kind}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process, or we cannot tell: leave its files alone
    return True


def _sweep(target: Path) -> None:
    """Remove what an export to `target` that was killed (SIGKILL, power loss) left beside it:
    temporary files and folders of edz's own naming whose process is gone. A swapped-out old
    CSV folder is put back first when the target is missing."""
    import shutil

    pattern = re.compile(re.escape(f".{target.name}") + _TEMP)
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        m = pattern.fullmatch(name)
        if not m or int(m.group(1)) == os.getpid() or _alive(int(m.group(1))):
            continue
        path = target.parent / name
        with contextlib.suppress(OSError):
            if m.group(2) == "old" and not m.group(3) and not os.path.lexists(target):
                os.rename(path, target)
            elif path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()


def _remove(path: Path) -> None:
    import shutil

    for p in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            elif os.path.lexists(p):
                p.unlink()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _new_file(path: Path) -> int:
    """Create `path` for writing; the mode is what the umask gives a new file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    return os.open(path, flags | getattr(os, "O_BINARY", 0), 0o666)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _write_through(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_file(target: Path, data: bytes) -> None:
    """Write `data` to `target` as the rules above say."""
    t = _check_target(target, folder=False)
    try:
        if t.through:
            _write_through(t.path, data)
            return
        _sweep(t.path)
        tmp = _temp_name(t.path)
        try:
            fd = _new_file(tmp)
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, t.path)
        finally:
            _remove(tmp)
        _fsync_dir(t.path.parent)
    except OSError as e:
        _os_fail(target, e)


def _sqlite_bytes_into(ds: Dataset, path: Path) -> None:
    """Build the SQLite export in the empty file `path`, checked (integrity and foreign keys)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        # the file is temporary and renamed into place only when complete: no journal needed
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA foreign_keys = ON")
        for table, (cols, extra) in SCHEMA.items():
            body = ", ".join([f'"{c}" {t}' for c, t in cols] + extra)
            con.execute(f'CREATE TABLE "{table}" ({body})')
        for table, row in rows(ds):
            names = [c for c, _ in SCHEMA[table][0]]
            marks = ", ".join("?" for _ in names)
            quoted = ", ".join(f'"{c}"' for c in names)
            con.execute(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', [row.get(c) for c in names])
        con.execute("CREATE INDEX zones_province ON zones(province)")
        con.execute("CREATE INDEX zones_city_code ON zones(city_code)")
        con.execute("CREATE INDEX stats_indicator_year ON stats(indicator, year)")
        con.execute("CREATE INDEX zone_figures_zone ON zone_figures(zone, indicator, year)")
        con.commit()
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            raise sqlite3.DatabaseError(f"integrity check failed: {integrity[:3]}")
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise sqlite3.DatabaseError(f"foreign key check failed: {problems[:3]}")
    finally:
        con.close()


def export_sqlite(ds: Dataset, target: Path) -> None:
    import sqlite3
    import tempfile

    t = _check_target(target, folder=False)
    work_dir: str | None = None
    try:
        if t.through:  # a device or pipe: build the file elsewhere, then copy it through
            work_dir = tempfile.mkdtemp(prefix="edz-export-")
            tmp = Path(work_dir) / "export.sqlite"
        else:
            _sweep(t.path)
            tmp = _temp_name(t.path)
        try:
            os.close(_new_file(tmp))  # sqlite3 takes an empty file as a new database; the mode is ours
            _sqlite_bytes_into(ds, tmp)
            fd = os.open(tmp, os.O_RDWR | getattr(os, "O_BINARY", 0))
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            if t.through:
                _write_through(t.path, tmp.read_bytes())
            else:
                os.replace(tmp, t.path)
                _fsync_dir(t.path.parent)
        finally:
            _remove(tmp)
            if work_dir is not None:
                with contextlib.suppress(OSError):
                    os.rmdir(work_dir)
    except OSError as e:
        _os_fail(target, e)
    except sqlite3.Error as e:
        full = getattr(e, "sqlite_errorcode", None) == getattr(sqlite3, "SQLITE_FULL", 13) or "full" in str(e)
        _fail(target, os.strerror(errno.ENOSPC) if full else f"SQLite: {e}")


def export_json(ds: Dataset, target: Path | None) -> str | None:
    """Write the dataset as one JSON document to `target`, or return it when target is None."""
    import json

    text = json.dumps(ds.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if target is None:
        return text
    _write_file(target, text.encode("utf-8"))
    return None


_CSV_NAMES = frozenset(f"{t}.csv" for t in SCHEMA)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where the
    system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (where the platform allows)."""
    import signal

    held = {signal.SIGINT, signal.SIGTERM}
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # pragma: no cover - Windows
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _swap_in(work: Path, target: Path) -> None:
    """Put the complete folder `work` at `target`; afterwards `work` holds the old export, if any.
    One atomic exchange where the system has it, else a rename-and-restore with signals held,
    so a handled signal or a failed rename never leaves `target` missing."""
    if not os.path.lexists(target):
        os.rename(work, target)
        return
    if _exchange(work, target):
        return
    old = _temp_name(target, "old")
    with _signals_held():
        os.rename(target, old)
        try:
            os.rename(work, target)
        except BaseException:
            os.rename(old, target)
            raise
        os.rename(old, work)


def export_csv(ds: Dataset, target: Path) -> None:
    """A folder with one CSV per table (UTF-8, formula-like cells neutralised). The folder is
    built beside the target and swapped in whole; only an earlier edz CSV export (or an empty
    folder) is ever replaced."""
    import csv
    import io
    import shutil

    from .output import neutralise
    from .view import raw_text

    t = _check_target(target, folder=True)
    try:
        _sweep(t.path)
        work = _temp_name(t.path)
        os.mkdir(work, 0o777)
        try:
            by_table: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMA}
            for table, row in rows(ds):
                by_table[table].append(row)
            for table, table_rows in by_table.items():
                cols = [c for c, _ in SCHEMA[table][0]]
                buf = io.StringIO(newline="")
                w = csv.writer(buf)
                w.writerow(cols)
                for row in table_rows:
                    w.writerow([neutralise(raw_text(row.get(c))) for c in cols])
                fd = _new_file(work / f"{table}.csv")
                try:
                    _write_all(fd, buf.getvalue().encode("utf-8"))
                    os.fsync(fd)
                finally:
                    os.close(fd)
            _fsync_dir(work)
            _swap_in(work, t.path)
            _fsync_dir(t.path.parent)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except OSError as e:
        _os_fail(target, e)


def write_text(target: Path, text: str) -> None:
    """Write `text` (UTF-8) to `target` as the exports are written (atomically, devices and pipes
    written through, see "writing safely"): `--output` of the listing commands, `trend` and `map`."""
    _write_file(target, text.encode("utf-8"))


def table_docs() -> dict[str, tuple[str, dict[str, str]]]:
    """table → (description, {column: description}) in English: the one text behind the
    datasette metadata and the export tables of docs/schema.md."""
    from .labels import TABLE_HELP, field_help

    out: dict[str, tuple[str, dict[str, str]]] = {}
    for table, (cols, _extra) in SCHEMA.items():
        docs = {}
        for c, _type in cols:
            label = field_help(table, c)
            if label is None:
                raise KeyError(f"no description for {table}.{c} (labels.FIELD_HELP)")
            docs[c] = label[1]
        out[table] = (TABLE_HELP[table][1], docs)
    return out


def datasette_metadata(ds: Dataset) -> dict[str, Any]:
    """datasette metadata (https://docs.datasette.io/en/stable/metadata.html) for the SQLite export."""
    from . import DATA_LICENSE, DATA_LICENSE_URL, __version__

    tables = {t: {"description": desc, "columns": cols} for t, (desc, cols) in table_docs().items()}
    return {
        "title": f"edz: {ds.meta.title_en} ({ds.meta.title_zh})",
        "description": (
            f"Data version {ds.meta.data_version}, as of {ds.meta.as_of} (edz {__version__}). Every figure and zone "
            "fact cites a row of the sources table; an approval date without approved_source is unverified."
        ),
        "license": DATA_LICENSE.replace("-", " "),
        "license_url": DATA_LICENSE_URL,
        "source": f"edz dataset, data version {ds.meta.data_version} (see the sources table for each fact's origin)",
        "databases": {DATASETTE_DATABASE: {"source": f"edz data version {ds.meta.data_version}", "tables": tables}},
    }


def export_metadata(ds: Dataset, target: Path | None) -> str | None:
    """Write the datasette metadata as JSON to `target`, or return it when target is None."""
    import json

    text = json.dumps(datasette_metadata(ds), ensure_ascii=False, indent=2) + "\n"
    if target is None:
        return text
    _write_file(target, text.encode("utf-8"))
    return None


def schema_markdown() -> str:
    """The export tables as Markdown, for docs/schema.md (a test keeps the two equal)."""
    lines = []
    for table, (desc, cols) in table_docs().items():
        lines += [f"### `{table}`", desc[0].upper() + desc[1:] + ".", "", "| column | type | meaning |", "|---|---|---|"]
        types = dict(SCHEMA[table][0])
        for c, d in cols.items():
            lines.append(f"| `{c}` | {types[c].split()[0]} | {d} |")
        lines.append("")
    return "\n".join(lines)
