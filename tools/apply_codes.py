#!/usr/bin/env python3
"""Write the reviewed codes of tools/codes.csv (made by tools/codes.py) into data/zones.toml.

Development-time tool, standard library only; edz never runs it. For each [[zones]] record it
puts, right after `city_en = ...`, the lines

    province_code = "32"
    city_code = "320500"
    city_code_2 = "650200"        # only when city_zh names two units
    zone_code = "320576"          # only when NBS lists the zone itself
    code_vintage = 2023
    codes_source = "modood-nbs-division-codes-2023"
    codes_note = "..."            # only when the CSV has a note

Running it again replaces the lines it wrote before (idempotent).

Usage: python tools/apply_codes.py [tools/codes.csv] [data/zones.toml]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

SOURCE_ID = "modood-nbs-division-codes-2023"
KEYS = ("province_code", "city_code", "city_code_2", "zone_code", "code_vintage", "codes_source", "codes_note")
OWN_LINE = re.compile("^(" + "|".join(KEYS) + ") = ")
ID_LINE = re.compile(r'^id = "([a-z0-9-]+)"$')


def toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def lines_for(row: dict[str, str]) -> list[str]:
    out = [f"province_code = {toml_str(row['province_code'])}", f"city_code = {toml_str(row['city_code'])}"]
    if row["city_code_2"]:
        out.append(f"city_code_2 = {toml_str(row['city_code_2'])}")
    if row["zone_code"]:
        out.append(f"zone_code = {toml_str(row['zone_code'])}")
    out.append(f"code_vintage = {int(row['code_vintage'])}")
    out.append(f"codes_source = {toml_str(SOURCE_ID)}")
    if row["note"]:
        out.append(f"codes_note = {toml_str(row['note'])}")
    return out


def main(argv: list[str]) -> int:
    codes_csv = Path(argv[0]) if argv else Path("tools/codes.csv")
    data = Path(argv[1]) if len(argv) > 1 else Path("data/zones.toml")
    with codes_csv.open(encoding="utf-8", newline="") as fh:
        rows = {r["zone_id"]: r for r in csv.DictReader(fh)}
    out: list[str] = []
    zone_id: str | None = None
    in_zone = False
    done: set[str] = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.startswith("[["):
            in_zone = line.strip() == "[[zones]]"
            zone_id = None
        m = ID_LINE.match(line)
        if in_zone and m:
            zone_id = m.group(1)
        if in_zone and OWN_LINE.match(line):
            continue  # written by an earlier run: replaced below
        out.append(line)
        if in_zone and zone_id and line.startswith("city_en = ") and zone_id in rows:
            out.extend(lines_for(rows[zone_id]))
            done.add(zone_id)
    missing = sorted(set(rows) - done)
    if missing:
        print(f"apply_codes.py: no [[zones]] record for {', '.join(missing)}", file=sys.stderr)
        return 1
    data.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"apply_codes.py: codes written for {len(done)} zones in {data}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
