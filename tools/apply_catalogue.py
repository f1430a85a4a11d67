#!/usr/bin/env python3
"""Write approval times and approved areas of the 2018 catalogue of development zones into
data/zones.toml (issue 14, research round 5).

Development-time tool, standard library only; edz never runs it. Input: the national-ETDZ table of
《中国开发区审核公告目录》(2018年版) as a CSV with the columns `seq, code, name, province, approved,
area_ha, industries` (lines starting with # are comments), kept at
../shared/sources/catalogue-2018-etdz.csv: two independent transcriptions of a third-party copy
agreed on every cell. What it writes, zone by zone (docs/decisions.md, "The 2018 catalogue"):

- approval date: a zone with no sourced date gets the catalogue's year and month
  (`approved_source` = the catalogue); a zone whose sourced date is only a year that the catalogue
  agrees with gets the month too; a sourced date the catalogue contradicts is kept, and the
  catalogue's value goes into `approved_note`;
- leading industries: a zone with none gets the catalogue's list, with edz's English from
  tools/catalogue_industries_en.csv (`industries_translated = "en"`);
- area: the catalogue's approved area (hectares / 100 = km2, exact) replaces an area of another
  kind (planned, jurisdiction, ...) or fills an empty one; the figure it replaces is kept in a
  note with its kind, year and source; an approved area already in the data is kept, and a
  different catalogue value is noted.

Each step skips what an earlier run wrote, so running it again changes nothing.

Usage: python tools/apply_catalogue.py [CATALOGUE.csv] [data/zones.toml] [--dry-run]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import tomllib

SOURCE_ID = "kaiwulaw-2018-dev-zone-catalogue"
DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "sources" / "catalogue-2018-etdz.csv"
ID_LINE = re.compile(r'^id = "([a-z0-9-]+)"$')
KEY_LINE = re.compile(r"^([a-z_0-9]+) = (.*)$")
DASHES = str.maketrans({"—": "-", "–": "-", "－": "-"})
AREA_KIND = {  # labels.AREA_KINDS, repeated so the tool needs nothing of edzcli
    "planned": ("规划面积", "planned"),
    "jurisdiction": ("管辖面积", "jurisdiction"),
    "developed": ("已开发面积", "developed"),
    "built-up": ("建成区面积", "built-up"),
}
PROVINCE_PREFIX = re.compile(
    r"^(天津|新疆|湖北|湖南|黑龙江|内蒙古|广西|云南|陕西|山西|福建|辽宁|江苏|浙江|安徽|江西|河南|河北|山东|广东|四川|贵州|甘肃|青海|宁夏|吉林|重庆|上海|北京|海南|西藏)"
)


# edz's English for the catalogue's industry terms (our translation, so the zones it fills are
# marked industries_translated = "en")
with (Path(__file__).with_name("catalogue_industries_en.csv")).open(encoding="utf-8", newline="") as _fh:
    INDUSTRIES_EN = {row["zh"]: row["en"] for row in csv.DictReader(_fh)}


def s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def km2(hectares: str) -> str:
    v = (Decimal(hectares) / 100).normalize()
    text = format(v, "f")
    return text if "." in text else text + ".0"


def catalogue_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines))


def match(rows: list[dict[str, str]], zones: list[dict]) -> dict[str, dict[str, str]]:
    """zone id -> catalogue row, by Chinese name, short name, alias or former name."""
    names: dict[str, set[str]] = {}
    for z in zones:
        for n in (z["name_zh"], z.get("short_zh", ""), *z.get("aliases", []), *z.get("former_names", [])):
            if n:
                for form in {n.translate(DASHES), PROVINCE_PREFIX.sub("", n.translate(DASHES))}:
                    names.setdefault(form, set()).add(z["id"])
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        name = r["name"].translate(DASHES)
        ids = names.get(name) or names.get(PROVINCE_PREFIX.sub("", name)) or set()
        if len(ids) != 1:
            raise SystemExit(f"apply_catalogue.py: catalogue row {r['seq']} {r['name']!r} matches {sorted(ids) or 'no zone'}")
        (zid,) = ids
        if zid in out:
            raise SystemExit(f"apply_catalogue.py: {zid} matched by rows {out[zid]['seq']} and {r['seq']}")
        out[zid] = r
    return out


def ym(value: str) -> str:
    year, month = value.split(".")
    return f"{year}-{int(month):02d}"


def plan(z: dict, r: dict[str, str]) -> tuple[dict[str, str], list[tuple[str, str]], str]:
    """(fields to set, notes to add as (en, zh), a one-line report)."""
    sets: dict[str, str] = {}
    notes: list[tuple[str, str]] = []
    report = []
    cat = ym(r["approved"])
    old, src = z.get("approved"), z.get("approved_source")
    if src == SOURCE_ID or SOURCE_ID in z.get("approved_note", ""):
        pass  # written by an earlier run
    elif not src:
        sets["approved"] = s(cat)
        sets["approved_source"] = s(SOURCE_ID)
        if old and not cat.startswith(str(old)[:4]):
            en = (
                f" It replaces {str(old)[:4]}, the unsourced year edz showed until 2026-12,"
                " which had been placed to fit the official national counts."
            )
            zh = f"edz 在 2026-12 之前显示的未经核实的年份 {str(old)[:4]} 是为符合官方公布的全国数量而推定的，现予替换。"
            report.append(f"date {old} -> {cat} (unsourced year replaced)")
        else:
            en = f" It agrees with the unsourced {old} that edz showed until 2026-12." if old else ""
            zh = f"与 edz 在 2026-12 之前显示的无来源的 {old} 一致。" if old else ""
            report.append(f"date {old} -> {cat} (was unsourced)")
        sets["approved_note"] = s(
            "Year and month as the 2018 catalogue of development zones gives them, read in a third-party copy of its table." + en
        )
        sets["approved_note_zh"] = s("年月取自2018年版《中国开发区审核公告目录》，据其表格的第三方副本。" + zh)
    elif str(old) == cat[:4]:
        sets["approved"] = s(cat)
        sets["approved_source"] = s(SOURCE_ID)
        prev_en, prev_zh = z.get("approved_note", ""), z.get("approved_note_zh", "")
        sets["approved_note"] = s(
            "Year and month as the 2018 catalogue of development zones gives them, read in a third-party copy of its table;"
            f" the year agrees with {src}." + (f" What edz said of that page when it was cited: {prev_en}" if prev_en else "")
        )
        sets["approved_note_zh"] = s(
            f"年月取自2018年版《中国开发区审核公告目录》，据其表格的第三方副本；年份与 {src} 一致。"
            + (f"此前引用该页面时 edz 的说明：{prev_zh}" if prev_zh else "")
        )
        report.append(f"date {old} -> {cat} (month added; year agrees with {src})")
    elif not (str(old).startswith(cat) or cat.startswith(str(old))):
        prev_en, prev_zh = z.get("approved_note", ""), z.get("approved_note_zh", "")
        sets["approved_note"] = s(
            (prev_en + " " if prev_en else "")
            + f"Conflict: the 2018 catalogue of development zones (a third-party copy of its table, {SOURCE_ID}) gives {cat};"
            " the date above is kept because its page reports the approval itself,"
            " while the catalogue copy is unchecked against the published PDF."
        )
        sets["approved_note_zh"] = s(
            prev_zh + f"冲突：2018年版《中国开发区审核公告目录》（其表格的第三方副本，{SOURCE_ID}）作 {cat}；"
            "保留上面的日期，因为其来源页面直接报道了批准一事，而目录副本未与公布的 PDF 核对。"
        )
        report.append(f"date {old} kept; catalogue {cat} noted (conflict)")
    area = km2(r["area_ha"])
    kind = z.get("area_kind")
    if z.get("area_source") == SOURCE_ID or any(SOURCE_ID in n for n in z.get("notes", [])):
        pass  # written by an earlier run
    elif kind == "approved":
        if Decimal(str(z["area_km2"])) != Decimal(area):
            notes.append(
                (
                    f"The 2018 catalogue of development zones ({SOURCE_ID}) gives an approved area of {area} km2;"
                    f" edz keeps {z['area_km2']} km2 from {z['area_source']}.",
                    f"2018年版《中国开发区审核公告目录》（{SOURCE_ID}）所列核准面积为 {area} 平方公里；"
                    f"edz 保留来自 {z['area_source']} 的 {z['area_km2']} 平方公里。",
                )
            )
            report.append(f"area approved {z['area_km2']} kept; catalogue {area} noted")
    else:
        sets["area_km2"] = area
        sets["area_kind"] = s("approved")
        sets["area_year"] = "2018"
        sets["area_source"] = s(SOURCE_ID)
        if kind:
            zh_kind, en_kind = AREA_KIND[kind]
            year = z.get("area_year")
            notes.append(
                (
                    "The area shown is the approved area of the 2018 catalogue;"
                    f" before it, edz showed a {en_kind} area of {z['area_km2']} km2"
                    + (f" ({year})" if year else "")
                    + f" from {z['area_source']}.",
                    f"所示面积为2018年版目录的核准面积；此前 edz 显示的是{zh_kind} {z['area_km2']} 平方公里"
                    + (f"（{year}年）" if year else "")
                    + f"，来源 {z['area_source']}。",
                )
            )
            report.append(f"area {kind} {z['area_km2']} -> approved {area}")
        else:
            report.append(f"area none -> approved {area}")
    if not z.get("industries_zh") and not z.get("industries_en"):
        items = [t.strip() for t in r["industries"].split("、") if t.strip()]
        sets["industries_zh"] = json.dumps(items, ensure_ascii=False)
        sets["industries_en"] = json.dumps([INDUSTRIES_EN[t] for t in items], ensure_ascii=False)
        sets["industries_translated"] = s("en")
        sets["industries_source"] = s(SOURCE_ID)
        report.append(f"industries {len(items)}")
    return sets, notes, "; ".join(report)


AFTER = {  # where a new key goes when the record lacks it: after the last of these lines
    "approved": ("region",),
    "approved_source": ("approved",),
    "approved_note": ("approved_source", "approved"),
    "approved_note_zh": ("approved_note",),
    "area_km2": ("status", "removed", "removed_basis", "removed_source", "removed_note", "removed_note_zh"),
    "area_kind": ("area_km2",),
    "area_year": ("area_kind",),
    "area_source": ("area_year", "area_kind"),
    "industries_zh": ("area_source", "area_year", "area_kind", "area_km2", "status", "removed_note_zh"),
    "industries_en": ("industries_zh",),
    "industries_translated": ("industries_en",),
    "industries_source": ("industries_translated",),
}


def edit(block: list[str], sets: dict[str, str], notes: list[tuple[str, str]]) -> list[str]:
    keys = [m.group(1) if (m := KEY_LINE.match(ln)) else None for ln in block]
    out = list(block)
    for key, value in sets.items():
        if key in keys:
            out[keys.index(key)] = f"{key} = {value}"
            continue
        anchors = [i for i, k in enumerate(keys) if k in AFTER[key]]
        at = max(anchors) + 1 if anchors else len(out)
        out.insert(at, f"{key} = {value}")
        keys.insert(at, key)
    for field, index in (("notes", 0), ("notes_zh", 1)):
        items = [n[index] for n in notes]
        if not items:
            continue
        if field in keys:
            i = keys.index(field)
            current = tomllib.loads(out[i])[field]
            out[i] = f"{field} = {json.dumps(current + items, ensure_ascii=False)}"
        else:
            out.append(f"{field} = {json.dumps(items, ensure_ascii=False)}")
            keys.append(field)
    return out


def main(argv: list[str]) -> int:
    dry = "--dry-run" in argv
    args = [a for a in argv if a != "--dry-run"]
    cat_csv = Path(args[0]) if args else DEFAULT_CSV
    data = Path(args[1]) if len(args) > 1 else Path("data/zones.toml")
    text = data.read_text(encoding="utf-8")
    zones = {z["id"]: z for z in tomllib.loads(text)["zones"]}
    matched = match(catalogue_rows(cat_csv), list(zones.values()))
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    changed = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() != "[[zones]]":
            out.append(line)
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].strip() and not lines[j].startswith("[["):
            j += 1
        block = lines[i:j]
        zid = next((m.group(1) for ln in block if (m := ID_LINE.match(ln))), None)
        z = zones.get(zid or "")
        if z and zid in matched:
            sets, notes, report = plan(z, matched[zid])
            if sets or notes:
                block = edit(block, sets, notes)
                changed += 1
            print(f"{zid}: {report or 'agrees'}", file=sys.stderr)
        out.extend(block)
        i = j
    print(f"apply_catalogue.py: {len(matched)} zones matched, {changed} changed", file=sys.stderr)
    if not dry:
        data.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
