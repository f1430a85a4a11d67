"""Loading and validating data files: good ones load once, broken ones are named precisely."""

from __future__ import annotations

import os

import pytest

from conftest import MINI, run
from edzcli import DataError, load_dataset
from edzcli.loader import check_file


def test_library_use_without_cli():
    import edzcli

    ds = edzcli.load_dataset(MINI)
    assert set(ds.zones) == {"one", "two", "three"}
    assert [z.id for z in ds.active_zones] == ["one", "two"]
    assert ds.zones["two"].approved_verified is False
    assert ds.zones["one"].approved_verified is True


def test_parsed_once_per_process():
    assert load_dataset(MINI) is load_dataset(MINI)


def test_changed_file_is_reloaded(tmp_path):
    p = tmp_path / "d.toml"
    p.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    a = load_dataset(p)
    p.write_text(MINI.read_text(encoding="utf-8").replace("测试数据", "测试数据二"), encoding="utf-8")
    b = load_dataset(p)
    assert a.meta.title_zh == "测试数据" and b.meta.title_zh == "测试数据二"


def test_import_edzcli_is_cheap():
    import subprocess
    import sys

    code = "import sys, edzcli; print(sorted(m for m in ('tomllib', 'rich', 'typer', 'edzcli.loader') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_syntax_error_has_line_and_column(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text('[meta]\nschema_version = 1\ntitle = "x\n', encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_dataset(p)
    assert e.value.line == 3 and e.value.col is not None
    assert str(e.value).startswith(f"{p}:3:")


def test_schema_error_names_record_field_and_line(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text(
        MINI.read_text(encoding="utf-8").replace('city_en = "Er"\nregion = "west"', 'city_en = "Er"\nregion = "east"', 1),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as e:
        load_dataset(p)
    msg = str(e.value)
    assert "zones[1] id='two' .region" in msg and "does not match province 'beta'" in msg
    assert e.value.line is not None


def test_validate_reports_every_problem(runner, tmp_path):
    p = tmp_path / "bad.toml"
    text = MINI.read_text(encoding="utf-8").replace('source = "src-b"', 'source = "src-x"')
    p.write_text(text, encoding="utf-8")
    _, problems = check_file(p)
    assert len(problems) == text.count('source = "src-x"')
    r = run(runner, "validate", str(p))
    assert r.exit_code == 1
    assert r.stdout.count("no source with id 'src-x'") == len(problems)


def test_validate_ok(runner):
    r = run(runner, "validate", str(MINI))
    assert r.exit_code == 0 and r.stdout.strip().endswith(": ok")


def _fresh(tmp_path, monkeypatch, text: str):
    """A data file and an empty cache folder of its own; the in-process cache cleared."""
    from edzcli import loader

    monkeypatch.setattr(loader, "_CACHE", {})
    cache = tmp_path / "cache"
    monkeypatch.setenv("EDZ_CACHE_DIR", str(cache))
    p = tmp_path / "d.toml"
    p.write_text(text, encoding="utf-8")
    return p, cache


def test_cache_is_written_and_used(tmp_path, monkeypatch):
    from edzcli import loader

    p, cache = _fresh(tmp_path, monkeypatch, MINI.read_text(encoding="utf-8"))
    a = load_dataset(p)
    files = list(cache.glob("*.marshal"))
    assert len(files) == 1
    monkeypatch.setattr(loader, "_CACHE", {})
    monkeypatch.setattr(loader, "check_document", lambda doc: pytest.fail("validated again despite the cache"))
    b = load_dataset(p)
    assert b.zones == a.zones


def test_edited_file_is_never_served_from_a_stale_cache(tmp_path, monkeypatch):
    from edzcli import loader

    p, _cache = _fresh(tmp_path, monkeypatch, MINI.read_text(encoding="utf-8"))
    load_dataset(p)
    st = p.stat()
    p.write_text(MINI.read_text(encoding="utf-8").replace("测试数据", "测试数XX"), encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size and mtime: only the content differs
    monkeypatch.setattr(loader, "_CACHE", {})
    assert load_dataset(p).meta.title_zh == "测试数XX"


def test_corrupt_cache_is_ignored(tmp_path, monkeypatch):
    from edzcli import loader

    p, cache = _fresh(tmp_path, monkeypatch, MINI.read_text(encoding="utf-8"))
    load_dataset(p)
    for f in cache.glob("*.marshal"):
        f.write_bytes(b"\x00garbage")
    monkeypatch.setattr(loader, "_CACHE", {})
    assert set(load_dataset(p).zones) == {"one", "two", "three"}


def test_unwritable_cache_folder_is_harmless(tmp_path, monkeypatch):
    p, cache = _fresh(tmp_path, monkeypatch, MINI.read_text(encoding="utf-8"))
    cache.write_text("a file where the folder should be", encoding="utf-8")
    assert set(load_dataset(p).zones) == {"one", "two", "three"}


def test_broken_file_is_not_cached(tmp_path, monkeypatch):
    p, cache = _fresh(tmp_path, monkeypatch, MINI.read_text(encoding="utf-8").replace('kind = "news"', 'kind = "rumour"'))
    with pytest.raises(DataError):
        load_dataset(p)
    assert not cache.exists() or not list(cache.glob("*.marshal"))


def test_cache_keeps_only_the_newest_files(tmp_path, monkeypatch):
    from edzcli import loader

    p, cache = _fresh(tmp_path, monkeypatch, MINI.read_text(encoding="utf-8"))
    for i in range(loader.CACHE_KEEP + 3):
        p.write_text(MINI.read_text(encoding="utf-8").replace("测试数据", f"测试数据{i}"), encoding="utf-8")
        monkeypatch.setattr(loader, "_CACHE", {})
        assert load_dataset(p).meta.title_zh == f"测试数据{i}"
    assert len(list(cache.glob("*.marshal"))) == loader.CACHE_KEEP
