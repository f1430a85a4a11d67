#!/usr/bin/env python3
"""Generate src/edzcli/_lookup_data.py: the derived name data the zone lookup needs.

Development-time tool (edz never runs it; edz has no pinyin or OpenCC dependency at run time).
Needs the `dev` extra: `pip install -e '.[dev]'` (pypinyin, opencc-py).

What it writes, all derived from data/zones.toml and the NBS division list:
- NAME_PINYIN: every Chinese zone, city, province and prefecture name (and every Chinese alias
  and former name, with the generic words removed as the lookup removes them) -> its pinyin,
  syllables joined by spaces, read in context by pypinyin (重庆 chong qing, 厦门 xia men).
- CHAR_PINYIN: toneless readings of the 6,763 GB2312 characters (every reading pypinyin knows),
  syllable -> characters. Used only to accept a one-character homophone typo (苏洲 for 苏州).
- T2S: traditional -> simplified for the characters that occur in those names and in the generic
  words (經濟技術開發區), from OpenCC's s2t, s2tw and s2hk tables, checked back with t2s.
- PREFECTURES: the real prefecture-level units (NBS 统计用区划代码, 2023 vintage), the four
  municipalities and the county-level cities directly under a province, as
  (province short name, full name, short name); a city with no national ETDZ is an answer
  ("none here"), not a typo.

The NBS list is read from the compilation modood/Administrative-divisions-of-China (WTFPL), data
commit dc3a1d7acd85ca1b0979543e9259604142c52e8e (2023 vintage):
    git --git-dir=REPO.git show dc3a1d7:dist/cities.csv > nbs/cities.csv
    git --git-dir=REPO.git show dc3a1d7:dist/areas.csv > nbs/areas.csv
    git --git-dir=REPO.git show dc3a1d7:dist/provinces.csv > nbs/provinces.csv
Usage:
    python tools/pinyin.py nbs/        # rewrites src/edzcli/_lookup_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "edzcli" / "_lookup_data.py"

sys.path.insert(0, str(ROOT / "src"))

# minorities named in autonomous prefectures; removed to get the short name (大理白族自治州 -> 大理)
ETHNIC = [
    "朝鲜族",
    "土家族",
    "苗族",
    "藏族",
    "羌族",
    "彝族",
    "布依族",
    "侗族",
    "哈尼族",
    "壮族",
    "傣族",
    "白族",
    "景颇族",
    "傈僳族",
    "回族",
    "蒙古族",
    "蒙古",
    "哈萨克",
    "柯尔克孜",
    "黎族",
]
GENERIC_ZH = [
    "经济技术开发区",
    "经济开发区",
    "经开区",
    "开发区",
    "国家级",
    "工业园区",
    "产业园区",
    "台商投资区",
    "新区",
    "高新区",
    "园区",
    "地区",
    "自治州",
]


def short_prefecture(name: str) -> str:
    for suffix in ("自治州", "地区", "盟", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            if name.endswith(e) and len(name) > len(e) + 1:
                name = name[: -len(e)]
                changed = True
    return name


def main(nbs: Path) -> None:
    import opencc  # type: ignore[import-not-found]
    from pypinyin import Style, lazy_pinyin, pinyin  # type: ignore[import-not-found]

    from edzcli.names import fold
    from edzcli.search import core_zh_names

    doc = tomllib.loads((ROOT / "data" / "zones.toml").read_text(encoding="utf-8"))
    provinces = {p["id"]: p for p in doc["provinces"]}

    # ---- prefectures
    prov_short = {}
    with open(nbs / "provinces.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            full = row["name"]
            short = next((p["short_zh"] for p in provinces.values() if p["name_zh"] == full), None)
            if short is None:
                raise SystemExit(f"province {full} not in zones.toml")
            prov_short[row["code"]] = (full, short)
    prefectures: list[tuple[str, str, str]] = []
    for full, short in prov_short.values():
        if full.endswith("市"):  # the four municipalities
            prefectures.append((short, full, short))
    with open(nbs / "cities.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue
            prefectures.append((prov_short[row["provinceCode"]][1], row["name"], short_prefecture(row["name"])))
    with open(nbs / "areas.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["cityCode"][2:] == "90" and row["name"].endswith("市"):
                prefectures.append((prov_short[row["provinceCode"]][1], row["name"], short_prefecture(row["name"])))
    prefectures.sort(key=lambda p: (p[0], p[1]))

    # ---- every Chinese name the lookup compares
    names: set[str] = set()
    for p in provinces.values():
        names |= {p["name_zh"], p["short_zh"]}
    for _prov, full, short in prefectures:
        names |= {full, short}
    for z in doc["zones"]:
        names |= set(core_zh_names(z["name_zh"], z["short_zh"], z["city_zh"], z.get("aliases", []), z.get("former_names", [])))
        names |= set(core_zh_names(z["name_zh"], z["short_zh"], z["city_zh"], z.get("part_of", []), []))
        names |= {
            fold(n)
            for n in [z["name_zh"], z["short_zh"], *z.get("aliases", []), *z.get("former_names", []), *z.get("part_of", [])]
        }
        for c in z["city_zh"].replace("(", ";").replace(")", ";").split(";"):
            if c:
                names |= {c, short_prefecture(c)}
    names = {n for n in names if n and any("\u4e00" <= ch <= "\u9fff" for ch in n)}
    name_pinyin = {n: " ".join(lazy_pinyin(n, errors="ignore")) for n in sorted(names)}

    # ---- characters: GB2312 readings
    by_syllable: dict[str, list[str]] = {}
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            for syl in dict.fromkeys(pinyin(ch, style=Style.NORMAL, heteronym=True)[0]):
                if syl.isascii() and syl.isalpha():
                    by_syllable.setdefault(syl, []).append(ch)

    # ---- traditional -> simplified for the characters in these names and in the generic words
    chars = sorted({ch for n in [*names, *GENERIC_ZH, "经济技术开发区"] for ch in n})
    t2s_check = opencc.OpenCC("t2s")
    pairs: dict[str, str] = {}
    for conf in ("s2t", "s2tw", "s2hk"):
        cc = opencc.OpenCC(conf)
        for text in [*chars, *sorted(names)]:
            trad = cc.convert(text)
            if len(trad) != len(text):
                continue
            for t, s in zip(trad, text, strict=True):
                if t != s and t2s_check.convert(t) == s:
                    pairs.setdefault(t, s)
    t2s = "".join(t + s for t, s in sorted(pairs.items()))

    # plain strings, parsed on first use: a module of a few string constants compiles in a
    # fraction of the time a dict literal of the same size takes (edz may run without .pyc files)
    char_pinyin = "\n".join(f"{s}:{''.join(cs)}" for s, cs in sorted(by_syllable.items()))
    names_text = "\n".join(f"{n}\t{p}" for n, p in name_pinyin.items())
    pref_text = "\n".join("\t".join(p) for p in prefectures)
    lines = [
        '"""GENERATED by tools/pinyin.py from data/zones.toml and the NBS division list: do not edit.',
        "",
        "Derived name data for the zone lookup only (names.py parses it on first use):",
        "T2S: traditional/simplified character pairs; CHAR_PINYIN: syllable:characters lines;",
        "NAME_PINYIN: name<TAB>pinyin lines; PREFECTURES: province<TAB>full name<TAB>short name lines.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "",
        f"T2S = {t2s!r}",
        f"CHAR_PINYIN = {char_pinyin!r}",
        f"NAME_PINYIN = {names_text!r}",
        f"PREFECTURES = {pref_text!r}",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    import subprocess

    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(OUT)], check=False)
    print(f"wrote {OUT}: {len(name_pinyin)} names, {len(pairs)} traditional characters, {len(prefectures)} prefectures")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
