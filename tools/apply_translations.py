#!/usr/bin/env python3
"""Write reviewed translations into data/zones.toml (issue 15: one language at a time).

Development-time tool, standard library only; edz never runs it. Input: CSV files with the columns
`table, field, text, zh, en` (one row per distinct text of a field), and optionally an industries
CSV with `zone, industries_zh, industries_en` (items separated by " | ").

For a line `FIELD = "TEXT"` of a record of TABLE that a row names:
- `en` non-empty (TEXT held Chinese characters): the line becomes `FIELD = "EN"`;
- a line `FIELD_zh = "ZH"` is added after it (for `outlet`: `outlet_en = "EN"`; for
  `description_en`: `description_zh = "ZH"`; for `notes = [...]`: `notes_zh = [...]`, item by item);
- inside a zone's inline highlight `{ ... note = "TEXT" ... }`, `note_zh = "ZH"` follows the note.
For a zone whose leading industries exist in one language, the other list and
`industries_translated = "en"|"zh"` (the side that is edz's translation) are added after the first.

Lines already followed by their translation are left alone, so running it again changes nothing.

Usage: python tools/apply_translations.py [--industries FILE] FILE.csv ... [--data data/zones.toml]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

LINE = re.compile(r'^([a-z_]+) = (".*")$')
ARRAY = re.compile(r"^([a-z_]+) = (\[.*\])$")
TABLE = re.compile(r"^\[\[([a-z_]+)\]\]$")
INLINE_NOTE = re.compile(r'(?<![a-z_])note = ("(?:[^"\\]|\\.)*")')
ID_LINE = re.compile(r'^id = "([a-z0-9-]+)"$')


def s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def target(field: str) -> str:
    return {"outlet": "outlet_en", "description_en": "description_zh"}.get(field, f"{field}_zh")


def load(paths: list[Path]) -> dict[tuple[str, str, str], tuple[str, str]]:
    out: dict[tuple[str, str, str], tuple[str, str]] = {}
    for p in paths:
        with p.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                # a backtick the translators put round an English name quoted in Chinese is not shown
                out[(r["table"], r["field"], r["text"])] = (r["zh"].strip().replace("`", ""), r["en"].strip())
    return out


def _items(cell: str) -> list[str]:
    """The items of an industries cell, separated by " | "."""
    return [x.strip() for x in cell.split(" | ") if x.strip()]


def _has(lines: list[str], i: int, field: str) -> bool:
    """Does the record around line i already hold `field`? (Records end at a blank line.)"""
    lo = i
    while lo > 0 and lines[lo - 1].strip():
        lo -= 1
    hi = i
    while hi < len(lines) and lines[hi].strip():
        hi += 1
    return any(x.startswith(f"{field} = ") for x in lines[lo:hi])


def main(argv: list[str]) -> int:
    data = Path("data/zones.toml")
    industries: Path | None = None
    files: list[Path] = []
    it = iter(argv)
    for a in it:
        if a == "--data":
            data = Path(next(it))
        elif a == "--industries":
            industries = Path(next(it))
        else:
            files.append(Path(a))
    tr = load(files)
    ind: dict[str, tuple[list[str], list[str]]] = {}
    if industries:
        with industries.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                ind[r["zone"]] = (_items(r["industries_zh"]), _items(r["industries_en"]))
    lines = data.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    table = ""
    zone = ""
    used = 0
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        m = TABLE.match(line)
        if m:
            table = m.group(1)
        m = ID_LINE.match(line)
        if m and table == "zones":
            zone = m.group(1)
        m = LINE.match(line)
        if m and (table, m.group(1), json.loads(m.group(2))) in tr:
            field, text = m.group(1), json.loads(m.group(2))
            zh, en = tr[(table, field, text)]
            if nxt.startswith(f"{target(field)} = "):
                out.append(line)
                continue
            used += 1
            if field == "outlet":
                out += [line, f"outlet_en = {s(en)}"]
            else:
                out += [f"{field} = {s(en or text)}", f"{target(field)} = {s(zh)}"]
            continue
        m = ARRAY.match(line)
        if m and m.group(1) == "notes" and table == "zones" and not nxt.startswith("notes_zh = "):
            items = json.loads(m.group(2))
            pairs = [tr.get(("zones", "notes", x)) for x in items]
            if all(pairs):
                used += 1
                ens = [en or x for x, (zh, en) in zip(items, pairs, strict=True)]  # type: ignore[misc]
                out += [f"notes = {json.dumps(ens, ensure_ascii=False)}"]
                out += [f"notes_zh = {json.dumps([p[0] for p in pairs], ensure_ascii=False)}"]  # type: ignore[index]
                continue
        other = {"industries_zh": "industries_en", "industries_en": "industries_zh"}.get(m.group(1) if m else "")
        if m and other and table == "zones" and zone in ind and not _has(lines, i, other):
            zh_items, en_items = ind.pop(zone)
            have = m.group(1)
            if have == "industries_zh":
                out += [line, f"industries_en = {json.dumps(en_items, ensure_ascii=False)}", 'industries_translated = "en"']
            else:
                out += [line, f"industries_zh = {json.dumps(zh_items, ensure_ascii=False)}", 'industries_translated = "zh"']
            used += 1
            continue
        if table == "zones" and line.lstrip().startswith("{ ") and "note = " in line and "note_zh = " not in line:

            def repl(mm: re.Match[str]) -> str:
                text = json.loads(mm.group(1))
                got = tr.get(("zones", "highlights.note", text))
                if not got:
                    return mm.group(0)
                zh, en = got
                return f"note = {s(en or text)}, note_zh = {s(zh)}"

            new = INLINE_NOTE.sub(repl, line)
            used += new != line
            out.append(new)
            continue
        out.append(line)
    data.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{used} lines translated; {len(ind)} industry rows not applied: {sorted(ind)[:10]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
