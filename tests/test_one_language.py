"""One language at a time (issue 15): every listing, read as a person reads it, shows only the
language asked for.

- `--lang en`: no Chinese character outside what is Chinese by definition: a zone's Chinese
  names (name, short name, aliases, former names, the larger areas it is part of), source titles as
  published, and document numbers (商资函〔2025〕132号).
- Chinese: no English prose (four or more English words in a row) outside English names (of zones,
  outlets printed in English), source titles as published, ids and URLs.

The check runs on Markdown output (the human rendering with no line wrapping, so a known name
can be cut out whole), for every listing command and for every zone's and source's own page.
"""

from __future__ import annotations

import re

import pytest

from conftest import run

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PROSE = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'’()/-]+[A-Za-z]{2,}){3,}")
IDS = re.compile(
    r"https?://\S+|--[a-z][a-z-]*|\bedz\b|\[[^\]\s]*[a-z0-9]-[a-z0-9][^\]\s]*\]|\b[a-z0-9]+(?:[-.:][a-z0-9]+)+\b|`[^`]*`"
)
URL = re.compile(r"https?://\S+")
# A file path (the data file, the cache) is neither language: CI clones into a directory whose
# English-looking name must not read as prose.
PATH = re.compile(r"(?<![\w/])~?/[^\s|]+")
NAME_WORDS = {"and", "of", "the", "for", "in", "de", "on"}


def _prose(text: str) -> str | None:
    """Four or more English words in a row that are not a proper name (a name is Title Case but
    for and/of/the: "Suzhou Wuzhong Economic Development Zone" is a name, not prose)."""
    for m in PROSE.finditer(text):
        words = re.findall(r"[A-Za-z]{2,}", m.group(0))
        if sum(1 for w in words if w[0].islower() and w not in NAME_WORDS) >= 2:
            return m.group(0)
    return None


LISTINGS = [
    ("zones",),
    ("zones", "--all", "--with-area"),
    ("zones", "--industry", "生物医药"),
    ("indicators",),
    ("stats",),
    ("stats", "--all"),
    ("stats", "2006", "--all"),
    ("trend", "gdp"),
    ("trend", "trade-total"),
    ("trend", "gdp", "--zone", "suzhou-gongye-yuanqu"),
    ("policies",),
    ("policies", "--points"),
    ("policies", "--doc", "2019", "--points"),
    ("policies", "--doc", "list"),
    ("sources",),
    ("regions",),
    ("provinces",),
    ("history",),
    ("rankings",),
    ("rankings", "2021"),
    ("map",),
    ("compare", "suzhou-gongye-yuanqu", "guangzhou", "wuhu"),
    ("search", "苏州"),
    ("search", "生物医药"),
    ("search", "open"),
    ("search", "Suzhou"),
    ("about",),
]


def _allowed_zh(ds) -> list[str]:
    """Texts that are Chinese by definition, longest first (so a name is cut before its part)."""
    out: set[str] = set()
    for z in ds.zones.values():
        out.update((z.name_zh, z.short_zh, *z.aliases, *z.former_names, *z.part_of))
    for s in ds.sources.values():
        if not s.title.startswith("["):
            out.add(s.title)
    for d in ds.documents.values():
        if d.doc_no:
            out.add(d.doc_no)
    return sorted((x for x in out if CJK.search(x)), key=len, reverse=True)


def _allowed_en(ds) -> list[str]:
    out: set[str] = set()
    for z in ds.zones.values():
        out.update((z.name_en, *z.aliases))
    for s in ds.sources.values():
        if not s.title.startswith("["):
            out.add(s.title)
        out.add(s.outlet)
    return sorted((x for x in out if PROSE.search(x)), key=len, reverse=True)


def _strip(text: str, allowed: list[str]) -> str:
    for a in allowed:
        for form in (a, a.replace("|", "\\|")):  # Markdown escapes a | inside a cell
            if form in text:
                text = text.replace(form, " ")
    return text


def _command_lines(ds) -> list[tuple[str, ...]]:
    lines = list(LISTINGS)
    lines += [("zone", z) for z in ds.zones]
    lines += [("sources", s) for s in ds.sources]
    return lines


@pytest.fixture(scope="module")
def allowed(ds):
    return {"en": _allowed_zh(ds), "zh": _allowed_en(ds)}


def _offending(output: str, lang: str, allowed: dict[str, list[str]]) -> list[str]:
    bad = []
    for line in output.splitlines():
        rest = _strip(PATH.sub(" ", URL.sub(" ", line)), allowed[lang])
        if lang == "en":
            if CJK.search(rest):
                bad.append(line)
        else:
            found = _prose(IDS.sub(" ", rest))
            if found:
                bad.append(f"{found!r} in {line}")
    return bad


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_listing_shows_one_language(runner, ds, allowed, lang) -> None:
    failures = {}
    for args in _command_lines(ds):
        r = run(runner, "--lang", lang, *args, "-f", "markdown")
        assert r.exit_code == 0, (args, r.stdout, r.stderr)
        bad = _offending(r.stdout, lang, allowed)
        if bad:
            failures[" ".join(args)] = bad[:2]
    shown = "\n".join(f"{k}: {v}" for k, v in list(failures.items())[:15])
    assert not failures, f"{len(failures)} command lines show the other language:\n{shown}"


@pytest.mark.parametrize(
    ("lang", "line", "ok"),
    [
        ("en", "| note | Set up in 1994 as a joint project |", True),
        ("en", "| note | 1994 年设立 |", False),
        ("en", "| Chinese name | 苏州工业园区 |", True),
        ("zh", "| 备注 | 1994 年设立，为中新合作项目 |", True),
        ("zh", "| 备注 | Set up in 1994 as the first project |", False),
        ("zh", "| 备注 | 所见其他英文名称：Changde Economic Development Zone。 |", True),
        ("zh", "| 引用处 | stat:fdi-actual:2023, zone:beijing.highlight4 |", True),
        ("zh", "| 英文名称 | Suzhou Industrial Park [suzhou-gov-2017-11-20-sip] |", True),
        ("zh", "| 来源 | xinhua-2025-07-14-etdz-roundtable https://www.gov.cn/a/b |", True),
    ],
)
def test_the_check_itself_can_fail(ds, allowed, lang, line, ok) -> None:
    """The detector finds the other language where it is, and lets names, ids and URLs through."""
    assert (not _offending(line, lang, allowed)) is ok


def test_translations_are_complete_in_the_data(ds) -> None:
    """Every English note has its Chinese form; every English form is free of Chinese characters;
    industries exist in both languages where they exist at all, with the same number of items."""
    missing = []
    for z in ds.zones.values():
        for f in ("approved_note", "removed_note", "approved_after_note", "approved_before_note", "codes_note"):
            if getattr(z, f) and not getattr(z, f + "_zh"):
                missing.append(f"{z.id}.{f}")
            if getattr(z, f) and CJK.search(getattr(z, f)):
                missing.append(f"{z.id}.{f} (Chinese in the English form)")
        if z.notes and len(z.notes_zh) != len(z.notes):
            missing.append(f"{z.id}.notes")
        if bool(z.industries_zh) != bool(z.industries_en):
            missing.append(f"{z.id}.industries")
        if z.industries_translated == "en" and len(z.industries_en) != len(z.industries_zh):
            missing.append(f"{z.id}.industries (item count)")
        for i, h in enumerate(z.highlights):
            if h.note and not h.note_zh:
                missing.append(f"{z.id}.highlights[{i}].note")
    for s in ds.sources.values():
        if s.note and not s.note_zh:
            missing.append(f"sources.{s.id}.note")
        if s.title.startswith("[") and not s.title_zh:
            missing.append(f"sources.{s.id}.title")
        if CJK.search(s.outlet) and not s.outlet_en:
            missing.append(f"sources.{s.id}.outlet_en")
    for st in ds.stats:
        if not st.scope_zh:
            missing.append(f"stats.{st.indicator}.{st.year}.scope")
        if st.note and not st.note_zh:
            missing.append(f"stats.{st.indicator}.{st.year}.note")
    for f in ds.zone_figures:
        if f.note and not f.note_zh:
            missing.append(f"zone_figures.{f.zone}.{f.indicator}.{f.year}.note")
        if f.scope_note and not f.scope_note_zh:
            missing.append(f"zone_figures.{f.zone}.{f.indicator}.{f.year}.scope_note")
    for rec in (*ds.measures.values(), *ds.documents.values(), *ds.rankings):
        if rec.note and not rec.note_zh:
            missing.append(f"{type(rec).__name__}.{getattr(rec, 'id', getattr(rec, 'zone', '?'))}.note")
    for ind in ds.indicators.values():
        if ind.description_en and not ind.description_zh:
            missing.append(f"indicators.{ind.id}.description")
    assert not missing, f"{len(missing)} texts lack a language: {missing[:20]}"


def test_translated_industries_say_so(runner) -> None:
    """A list that is edz's translation is marked, in the language shown, where a person reads it."""
    from edzcli import load_dataset

    ds = load_dataset()
    z = next((z for z in ds.zones.values() if z.industries_translated == "en"), None)
    if z is None:
        pytest.skip("no translated industries in the data")
    en = run(runner, "--lang", "en", "zone", z.id, "-f", "markdown").stdout
    zh = run(runner, "zone", z.id, "-f", "markdown").stdout
    assert "edz's translation" in en
    assert "edz 译" not in zh


def test_a_file_path_is_neither_language() -> None:
    # CI once cloned into /check/work/main: four lower-case path parts read as English prose
    line = "| 数据文件 | /check/work/main/data/zones.toml |"
    assert _offending(line, "zh", {"zh": [], "en": []}) == []
    # only the path is cut: English prose beside it is still found
    assert _offending("| 数据文件 | ~/x/zones.toml is not the data file |", "zh", {"zh": [], "en": []})
