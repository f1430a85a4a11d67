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
- `markdown`: a pipe table with the human labels.
Unknown values are empty in TSV/CSV, `null` in JSON and `n/a` for people.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from typing import Any, NamedTuple, TextIO

from .errors import InputError

FORMATS = ("table", "tsv", "csv", "json", "markdown")
LANGS = ("zh", "en")
NA = "n/a"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Column(NamedTuple):
    key: str
    zh: str
    en: str
    numeric: bool = False

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class View:
    """What a command shows. `rows` hold raw values by column key (None = unknown);
    `marks` hold per-row display suffixes for people (e.g. `*` on an unverified date);
    `records` are what JSON prints; `hidden` columns are for machines only (TSV/CSV) and
    `human_only` ones for people only; `human_values` format a column's cells for people."""

    def __init__(
        self,
        columns: list[Column],
        rows: list[dict[str, Any]],
        records: list[Any] | Callable[[], list[Any]],
        title: str | None = None,
        notes: list[str] | None = None,
        marks: list[dict[str, str]] | None = None,
        hidden: tuple[str, ...] = (),
        human_only: tuple[str, ...] = (),
        human_values: dict[str, Callable[[dict[str, Any], str], str]] | None = None,
        vertical: bool = False,
    ) -> None:
        self.columns = columns
        self.rows = rows
        self._records = records
        self.title = title
        self.notes = notes if notes is not None else []
        self.marks = marks if marks is not None else []
        self.hidden = hidden
        self.human_only = human_only
        self.human_values = human_values if human_values is not None else {}
        self.vertical = vertical  # one record shown as label: value lines

    @property
    def records(self) -> list[Any]:
        """The JSON records; built on first use, so table and TSV output never pay for them."""
        if callable(self._records):
            self._records = self._records()
        return self._records

    def human_columns(self) -> list[Column]:
        return [c for c in self.columns if c.key not in self.hidden]

    def machine_columns(self) -> list[Column]:
        return [c for c in self.columns if c.key not in self.human_only]


def resolve_format(fmt: str | None, stream: TextIO | None = None) -> str:
    if fmt is None:
        return "table" if is_terminal(stream) else "tsv"
    key = fmt.strip().lower()
    aliases = {"md": "markdown", "tab": "tsv", "text": "tsv"}
    key = aliases.get(key, key)
    if key not in FORMATS:
        from .query import suggest

        raise InputError("format", fmt, FORMATS, suggest(fmt, FORMATS))
    return key


def resolve_lang(lang: str | None, stream: TextIO | None = None) -> str:
    """`zh` (the reference) unless asked otherwise; `en` when stdout cannot encode Chinese."""
    if lang is None:
        return "zh" if can_encode_cjk(stream) else "en"
    key = lang.strip().lower().replace("_", "-")
    aliases = {
        "cn": "zh",
        "zh-cn": "zh",
        "zh-hans": "zh",
        "中文": "zh",
        "chinese": "zh",
        "english": "en",
        "en-us": "en",
        "en-gb": "en",
    }
    key = aliases.get(key, key)
    if key not in LANGS:
        from .query import suggest

        raise InputError("language", lang, LANGS, suggest(lang, LANGS))
    return key


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


def raw_text(value: Any) -> str:
    """A value as plain text for machines: numbers without float noise, unknown as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(raw_text(v) for v in value)
    return str(value)


def human_text(value: Any, mark: str = "") -> str:
    text = raw_text(value)
    return (text + mark) if text else NA


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


def to_tsv(view: View) -> str:
    cols = view.machine_columns()
    lines = ["\t".join(c.key for c in cols)]
    for row in view.rows:
        lines.append("\t".join(_one_line(raw_text(row.get(c.key))) for c in cols))
    return "\n".join(lines) + "\n"


def to_csv(view: View) -> str:
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    cols = view.machine_columns()
    w.writerow([c.key for c in cols])
    for row in view.rows:
        w.writerow([neutralise(raw_text(row.get(c.key))) for c in cols])
    return buf.getvalue()


def to_json(view: View, ascii_only: bool = False) -> str:
    data = view.records[0] if view.vertical and len(view.records) == 1 else view.records
    return json.dumps(data, ensure_ascii=ascii_only, indent=2) + "\n"


def _human_rows(view: View, lang: str) -> list[list[str]]:
    out = []
    cols = view.human_columns()
    for i, row in enumerate(view.rows):
        marks = view.marks[i] if i < len(view.marks) else {}
        cells = []
        for c in cols:
            fn = view.human_values.get(c.key)
            if fn is not None and (row.get(c.key) is not None or c.key in view.human_only):
                cells.append(fn(row, lang) + marks.get(c.key, ""))
            else:
                cells.append(human_text(row.get(c.key), marks.get(c.key, "")))
        out.append(cells)
    return out


def to_markdown(view: View, lang: str) -> str:
    def esc(text: str) -> str:
        return _one_line(text).replace("|", "\\|")

    lines = []
    if view.title:
        lines += [f"**{esc(view.title)}**", ""]
    if view.vertical:
        lines += ["| " + (" | ".join(("字段", "值") if lang == "zh" else ("field", "value"))) + " |", "|---|---|"]
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
    from .richtable import render_table

    return render_table(view, _human_rows(view, lang), lang, stream)


def render(view: View, fmt: str, lang: str, stream: TextIO | None = None) -> str:
    renderers: dict[str, Callable[[], str]] = {
        "tsv": lambda: to_tsv(view),
        "csv": lambda: to_csv(view),
        "json": lambda: to_json(view, ascii_only=not can_encode_cjk(stream)),
        "markdown": lambda: to_markdown(view, lang),
        "table": lambda: to_table(view, lang, stream),
    }
    return renderers[fmt]()


def emit(text: str, stream: TextIO | None = None) -> None:
    """Write to stdout; characters the stream's encoding lacks become '?' instead of crashing."""
    stream = stream or sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:
        enc = stream_encoding(stream)
        stream.write(text.encode(enc, errors="replace").decode(enc, errors="replace"))
    stream.flush()
