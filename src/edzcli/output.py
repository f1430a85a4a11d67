"""Renderers: a `View` (columns + rows + full records) to TSV, CSV, JSON, Markdown or a Rich table.

Every listing command builds a `View` and hands it here, so all commands speak the same formats:
- `table`: an aligned Rich table for people (default on a terminal). Rich is imported only here,
  only for this format.
- `tsv`: the default when stdout is not a terminal: a header of column ids, one line per row,
  no colour, nothing cut.
- `csv`: like TSV, RFC 4180 quoting; cells that a spreadsheet would run as a formula are
  neutralised with a leading apostrophe.
- `json`: the full records, keyed by the dataset's ids, UTF-8 unescaped (escaped only when
  stdout cannot encode Chinese, so the output stays lossless).
- `jsonl`: the same records, one compact JSON object a line (for `jq -c`, streaming, pandas).
With `--fields`, every format shows exactly the fields picked, in that order, and JSON/JSON lines
carry those keys with the values TSV/CSV show. TSV/CSV take `--no-headers`, and `--bom` starts
them with a UTF-8 byte-order mark (Excel on Windows needs it to read UTF-8). Booleans are
`true`/`false` in every text format and JSON, 0/1 only in SQLite (which has no boolean type).
- `markdown`: a pipe table with the human labels.
- `svg`, `html`: what the terminal shows (the table or `edz map`'s picture, with title and
  notes, then a credit and the sources), recorded by Rich as a standalone file a browser opens
  (richpicture.py; imported only for these formats and for the map).
Unknown values are empty in TSV/CSV, `null` in JSON and `n/a` (Chinese: 无) for people; booleans
are `true`/`false` for machines and yes/no (是/否) for people.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

from .labels import LANG_ALIASES, LANGS, text
from .names import choose
from .view import View, raw_text

FORMATS = ("table", "tsv", "csv", "json", "jsonl", "markdown", "svg", "html")
FORMAT_ALIASES = {"md": "markdown", "tab": "tsv", "text": "tsv", "ndjson": "jsonl", "json-lines": "jsonl"}
BOM = "\ufeff"
NA = "n/a"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def resolve_format(fmt: str | None, stream: TextIO | None = None) -> str:
    if fmt is None:
        return "table" if is_terminal(stream) else "tsv"
    return choose("format", fmt, FORMATS, aliases=FORMAT_ALIASES)


LANG_ENV = "EDZ_LANG"


def resolve_lang(lang: str | None, stream: TextIO | None = None) -> str:
    """`--lang`, else `EDZ_LANG`, else `zh` (the reference); `en` when stdout cannot encode Chinese
    and nothing was asked. The locale (`LANG`) is not consulted: many Chinese users run en_US.UTF-8."""
    if lang is None:
        env = os.environ.get(LANG_ENV, "").strip()
        if env:
            return choose(f"language ({LANG_ENV})", env, LANGS, aliases=LANG_ALIASES)
        return "zh" if can_encode_cjk(stream) else "en"
    return choose("language", lang, LANGS, aliases=LANG_ALIASES)


def is_terminal(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def stream_encoding(stream: TextIO | None = None) -> str:
    stream = stream or sys.stdout
    return getattr(stream, "encoding", None) or "utf-8"


def can_encode_cjk(stream: TextIO | None = None) -> bool:
    try:
        "经开区".encode(stream_encoding(stream))
    except (UnicodeEncodeError, LookupError):
        return False
    return True


# --------------------------------------------------------------------------- cells


def human_text(value: Any, mark: str = "", lang: str = "en") -> str:
    """A cell for people in `lang`: booleans as yes/no, unknown as n/a (是/否, 无 in Chinese)."""
    if isinstance(value, bool):
        return text("yes" if value else "no", lang) + mark
    s = raw_text(value)
    return (s + mark) if s else text("na", lang)


def _one_line(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def neutralise(cell: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (OWASP CSV injection)."""
    if cell and cell.startswith(FORMULA_START):
        try:
            float(cell)
            return cell  # a plain negative number is data, not a formula
        except ValueError:
            return "'" + cell
    return cell


# --------------------------------------------------------------------------- formats


def to_tsv(view: View, headers: bool = True) -> str:
    cols = view.machine_columns()
    lines = ["\t".join(c.key for c in cols)] if headers else []
    for row in view.rows:
        lines.append("\t".join(_one_line(raw_text(row.get(c.key))) for c in cols))
    return "\n".join(lines) + "\n" if lines else ""


def to_csv(view: View, headers: bool = True) -> str:
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    cols = view.machine_columns()
    if headers:
        w.writerow([c.key for c in cols])
    for row in view.rows:
        w.writerow([neutralise(raw_text(row.get(c.key))) for c in cols])
    return buf.getvalue()


def to_json(view: View, ascii_only: bool = False) -> str:
    data: Any = view.records[0] if view.vertical and len(view.records) == 1 else view.records
    if view.envelope is not None:
        data = {**view.envelope, "figures": data}
    return json.dumps(data, ensure_ascii=ascii_only, indent=2) + "\n"


def to_jsonl(view: View, ascii_only: bool = False) -> str:
    return "".join(json.dumps(r, ensure_ascii=ascii_only, separators=(",", ":")) + "\n" for r in view.records)


def _human_rows(view: View, lang: str) -> list[list[str]]:
    out = []
    cols = view.human_columns()
    for i, row in enumerate(view.rows):
        marks = view.marks[i] if i < len(view.marks) else {}
        cells = []
        for c in cols:
            fn = view.human_values.get(c.key)
            if fn is not None and (row.get(c.key) is not None or c.key in view.human_only or marks.get(c.key)):
                cells.append(fn(row, lang) + marks.get(c.key, ""))
            else:
                cells.append(human_text(row.get(c.key), marks.get(c.key, ""), lang))
        out.append(cells)
    return out


def to_markdown(view: View, lang: str) -> str:
    def esc(text: str) -> str:
        return _one_line(text).replace("|", "\\|")

    lines = []
    if view.title:
        lines += [f"**{esc(view.title)}**", ""]
    if view.vertical:
        lines += ["| " + " | ".join(text("md.field_value", lang).split("|")) + " |", "|---|---|"]
        for c, cell in zip(view.human_columns(), _human_rows(view, lang)[0] if view.rows else [], strict=False):
            lines.append(f"| {esc(c.label(lang))} | {esc(cell)} |")
    else:
        lines.append("| " + " | ".join(esc(c.label(lang)) for c in view.human_columns()) + " |")
        lines.append("|" + "|".join("---:" if c.numeric else "---" for c in view.human_columns()) + "|")
        for cells in _human_rows(view, lang):
            lines.append("| " + " | ".join(esc(x) for x in cells) + " |")
    if view.notes:
        lines.append("")
        lines += [f"{esc(n)}  " for n in view.notes]
    return "\n".join(lines) + "\n"


def to_table(view: View, lang: str, stream: TextIO | None = None) -> str:
    if view.picture is not None:
        from .richpicture import render_map

        return render_map(view, lang, tty=is_terminal(stream), encoding=stream_encoding(stream))
    from .richtable import render_table

    return render_table(view, _human_rows(view, lang), lang, tty=is_terminal(stream), encoding=stream_encoding(stream))


def source_ids(view: View) -> list[str]:
    """The distinct source ids a view's rows cite (columns named `source`, `*_source`, `sources`)."""
    keys = [c.key for c in view.columns if c.key == "sources" or c.key == "source" or c.key.endswith("_source")]
    seen: dict[str, None] = {}
    for row in view.rows:
        for k in keys:
            v = row.get(k)
            for s in v if isinstance(v, (list, tuple)) else [v]:
                if s:
                    seen[str(s)] = None
    return list(seen)


def to_picture(view: View, lang: str, fmt: str, credit: str | None = None) -> str:
    """`svg` or `html`: the view as people see it, with `credit` and the sources it cites last."""
    from .richpicture import render_picture

    footer = [credit] if credit else []
    ids = source_ids(view)
    if ids:
        footer.append(text("picture.sources", lang, ids=", ".join(ids)))
    return render_picture(view, _human_rows(view, lang), lang, fmt, footer) + "\n"


def apply_fields(view: View, fields: str | None) -> View:
    """The view to render for `--fields a,b,c` (None: the view as built). A view with a flat
    machine form (one zone) takes the fields from that form."""
    if fields is None:
        return view
    keys = [k.strip() for k in fields.split(",") if k.strip()]
    return (view.machine or view).select(keys)


def check_text_options(fmt: str, *, no_headers: bool = False, bom: bool = False) -> None:
    """`--no-headers` and `--bom` only mean something for TSV and CSV: say so instead of ignoring them."""
    from .errors import InputError

    for flag, on in (("--no-headers", no_headers), ("--bom", bom)):
        if on and fmt not in ("tsv", "csv"):
            raise InputError("option", flag, hint=f"it applies to --format tsv or csv, not {fmt}")


def render(
    view: View,
    fmt: str,
    lang: str,
    stream: TextIO | None = None,
    credit: str | None = None,
    *,
    headers: bool = True,
    bom: bool = False,
) -> str:
    flat = view.machine if view.machine is not None and fmt in ("tsv", "csv", "jsonl") else view
    ascii_only = not can_encode_cjk(stream)
    renderers: dict[str, Callable[[], str]] = {
        "tsv": lambda: to_tsv(flat, headers),
        "csv": lambda: to_csv(flat, headers),
        "json": lambda: to_json(view, ascii_only=ascii_only),
        "jsonl": lambda: to_jsonl(flat, ascii_only=ascii_only),
        "markdown": lambda: to_markdown(view, lang),
        "table": lambda: to_table(view, lang, stream),
        "svg": lambda: to_picture(view, lang, "svg", credit),
        "html": lambda: to_picture(view, lang, "html", credit),
    }
    out = renderers[fmt]()
    return BOM + out if bom else out


def emit(text: str, stream: TextIO | None = None) -> None:
    """Write to stdout; characters the stream's encoding lacks become '?' instead of crashing."""
    stream = stream or sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        enc = stream_encoding(stream)
        stream.write(text.encode(enc, errors="replace").decode(enc, errors="replace"))
    stream.flush()
