"""Aligned tables for people, laid out by one rule (Rich is imported here, in richpicture.py for
svg/html and the map, and nowhere else).

The layout rule (every table, every command):
- **Kept cells never wrap.** Ids, numbers, dates and codes (`Column.keep`, and every numeric
  column) get the width of their longest cell, so an id a reader must type is never split.
- **Prose wraps** at word boundaries (Chinese at any character), never below a readable width.
- **When the terminal is too narrow**, the view's `drop` columns are left out in the order it
  declares (decoration and sources first), and a note under the table names what was left out and
  how to see it (`--format tsv`, a wider terminal). `shorten` columns (a long city cell) are cut
  with "…" to their share of the width instead of wrapping over several lines.
- When even the kept cells do not fit side by side, each row is shown as a small record: its
  first cell on a line, the other cells indented under it as `label: value`.
- **Long multi-line content** (the view's `below` column, e.g. a measure's key points) is shown
  as an indented list under its row, not squeezed into a column.
- The width is the terminal's; off a terminal (an explicit `--format table` into a pipe or file)
  it is `COLUMNS`, else 80. No line ends in spaces.
Colour follows the terminal and honours NO_COLOR / FORCE_COLOR.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .labels import text

if TYPE_CHECKING:
    from .view import Column, View

PIPE_WIDTH = 80  # off a terminal, without COLUMNS
MIN_PROSE = 10  # a prose column is never squeezed below this many cells (or its own width)
MIN_SHORT = 8  # a shortened column keeps at least this many cells
GAP = 3  # cells between two columns: padding, the (blank) divider, padding
BELOW_INDENT = 4
_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)

# Where a line may break. Rich breaks only at spaces, so a Chinese sentence is one long "word" that
# it folds at the column's edge, cutting an id or a date glued to it ("…副本，kaiwulaw-2018-de" /
# "v-zone-catalogue）"). Here every Chinese character is a unit of its own, a run of other
# characters (an id, a number, a date, an English word) stays whole, opening punctuation holds on
# to what follows and closing punctuation to what precedes (no line starts with "，" or "）").
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_OPEN = "（《「『【〈“‘"
_CLOSE = "，。、；：？！）》」』】〉”’％…"
WRAP_UNIT = re.compile(rf"\s*(?:[{_OPEN}]*(?:[{_CJK}]|[^\s{_CJK}{_OPEN}{_CLOSE}]+)[{_CLOSE}]*|\S)\s*")


@contextlib.contextmanager
def _cjk_wrap() -> Iterator[None]:
    """Rich wraps by WRAP_UNIT while edz draws (its word pattern is a module global of rich._wrap,
    read on every call), and as before afterwards: a program that uses edzcli and Rich keeps
    Rich's own wrapping. The same units measure a word in the layout below."""
    import rich._wrap

    saved = rich._wrap.re_word
    rich._wrap.re_word = WRAP_UNIT
    try:
        yield
    finally:
        rich._wrap.re_word = saved


def units(s: str) -> list[str]:
    """The pieces a line may break between, without their spaces."""
    return [m.group(0).strip() for m in WRAP_UNIT.finditer(s)]


class EncodedBuffer(io.StringIO):
    """A string buffer that reports the real stream's encoding, so Rich picks ASCII borders
    where the console cannot show box-drawing characters."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._enc = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._enc


def table_width(tty: bool) -> int:
    """The width to lay a table out in: the terminal's on a terminal, else COLUMNS, else 80."""
    if tty:
        return max(20, shutil.get_terminal_size((100, 24)).columns)
    try:
        return max(20, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return PIPE_WIDTH


def _kept(c: Column) -> bool:
    return c.numeric or c.keep


class Layout:
    """Which columns a table shows at a width, and how wide each is (content, without gaps).

    Kept columns get their longest cell. The prose columns share what is left in proportion to
    their typical (90th percentile) cell, each between its minimum and its longest cell. Declared
    `drop` columns are left out, in order, while the minimums do not fit, or while leaving the next
    one out shortens the table by at least a fifth (estimated by wrapping every cell)."""

    def __init__(self, cols: list[Column], cells: list[list[str]], lang: str, width: int, view: View) -> None:
        from rich.cells import cell_len

        def longest(s: str) -> int:
            return max((cell_len(line) for line in s.split("\n")), default=0)

        def longest_word(s: str) -> int:
            return max((cell_len(w) for w in re.split(r"[\s/]+", s)), default=0)

        n = len(cols)
        # the estimates below count words between spaces (a long Chinese word folds, as it wraps
        # by character: about the same lines); Rich itself wraps by WRAP_UNIT
        self.words = [[[cell_len(w) for w in r[j].split()] for r in cells] for j in range(n)]
        self.short = [c.key in view.shorten for c in cols]
        widths = [sorted(longest(r[j]) for r in cells) or [0] for j in range(n)]
        words = [max((longest_word(r[j]) for r in cells), default=0) for j in range(n)]
        self.cell_w = [w[-1] for w in widths]
        head_w = [longest(c.label(lang)) for c in cols]
        head_word = [min(longest_word(c.label(lang)), 12) for c in cols]
        self.natural = [max(self.cell_w[j], head_w[j]) for j in range(n)]
        p90 = [w[min(len(w) - 1, (len(w) * 9) // 10)] for w in widths]
        self.typical = [max(p90[j], head_word[j], 1) for j in range(n)]
        self.minimum = []
        for j, c in enumerate(cols):
            if _kept(c):  # a header may wrap between words, a kept word never
                self.minimum.append(max(words[j], head_word[j], 1))
            elif c.key in view.shorten:  # only the long outliers are cut
                self.minimum.append(min(self.natural[j], max(MIN_SHORT, self.typical[j])))
            else:
                self.minimum.append(min(self.natural[j], max(MIN_PROSE, head_word[j])))
        # fixed: a kept column as wide as its longest cell; a kept list ("2004, 2019-2025") may wrap between items
        self.kept = [_kept(c) and self.minimum[j] >= self.natural[j] for j, c in enumerate(cols)]
        self.shown = list(range(n))
        self.dropped: list[str] = []
        lines = self._lines(width) if self._need(self.minimum) <= width else None
        for key in view.drop:
            found = [i for i in self.shown if cols[i].key == key]
            if not found or len(self.shown) < 2:
                continue
            j = found[0]
            if lines is not None and self._need(self.natural) <= width:
                break
            self.shown.remove(j)
            fewer = self._lines(width) if self._need(self.minimum) <= width else None
            if lines is not None and (fewer is None or fewer > 0.8 * lines):
                self.shown.append(j)  # not worth a column
                self.shown.sort()
                break
            lines = fewer
            self.dropped.append(cols[j].label(lang) or key)
        self.fits = self._need(self.minimum) <= width
        self.widths = self._allocate(width)

    def _need(self, w: list[int]) -> int:
        return sum(w[j] for j in self.shown) + GAP * (len(self.shown) - 1)

    def _lines(self, width: int) -> int:
        """How many lines the rows take at `width` with the columns shown now (an estimate: words wrap)."""
        w = self._allocate(width)
        wrapping = [j for j in self.shown if not self.kept[j] and not self.short[j] and w[j] < self.natural[j]]
        total = 0
        for k in range(len(self.words[0]) if self.words else 0):
            total += max((_wrapped(self.words[j][k], w[j]) for j in wrapping), default=1)
        return total

    def _allocate(self, width: int) -> dict[int, int]:
        w = {j: self.natural[j] for j in self.shown}
        if self._need(self.natural) <= width:
            return w
        for j in self.shown:
            if self.kept[j]:
                w[j] = self.minimum[j]
        free = [j for j in self.shown if not self.kept[j]]
        budget = width - sum(w[j] for j in self.shown if self.kept[j]) - GAP * (len(self.shown) - 1)
        while free:
            total = sum(self.typical[j] for j in free)
            share = {j: budget * self.typical[j] / total for j in free}
            bounded = [j for j in free if share[j] >= self.natural[j] or share[j] <= self.minimum[j]]
            if not bounded:
                for j in free:
                    w[j] = int(share[j])
                spare = budget - sum(w[j] for j in free)
                for j in sorted(free, key=lambda j: share[j] - w[j], reverse=True)[:spare]:
                    w[j] += 1
                break
            for j in bounded:
                w[j] = self.natural[j] if share[j] >= self.natural[j] else self.minimum[j]
                budget -= w[j]
                free.remove(j)
        return w


def _wrapped(words: list[int], width: int) -> int:
    """Lines a cell of these word widths takes when wrapped at `width` (long words fold)."""
    lines, used = 1, 0
    for w in words:
        if used and used + 1 + w <= width:
            used += 1 + w
        elif used == 0 and w <= width:
            used = w
        else:
            if used:
                lines += 1
            lines += (w - 1) // width
            used = w % width or width
    return lines


def render_table(view: View, cells: list[list[str]], lang: str, *, tty: bool, encoding: str) -> str:
    """`cells` are the view's human cells (output._human_rows); `tty` and `encoding` describe the
    stream the table is for."""
    from rich.console import Console

    color = (tty and "NO_COLOR" not in os.environ) or bool(os.environ.get("FORCE_COLOR"))
    width = table_width(tty)
    buf = EncodedBuffer(encoding)
    console = Console(
        file=buf,
        width=width,
        force_terminal=color,
        color_system="auto" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    draw(console, view, cells, lang, color=color)
    return _TRAILING.sub(r"\1", buf.getvalue())


def draw(console: Any, view: View, cells: list[list[str]], lang: str, *, color: bool) -> None:
    """Print the view laid out by the rule at `console.width`, then its notes: what a terminal
    shows, and what `--format svg/html` records (richpicture)."""
    from rich.text import Text

    bold = "bold" if color else ""
    with _cjk_wrap():
        if view.vertical:
            _vertical(console, view, cells, lang, bold)
        else:
            _horizontal(console, view, cells, lang, console.width, bold)
        for note in view.notes:
            console.print(Text(note), overflow="fold")


def natural_width(view: View, cells: list[list[str]], lang: str) -> int:
    """The width at which the view's table needs no wrapping and leaves nothing out."""
    from rich.cells import cell_len

    if view.vertical:
        pairs = list(zip((c.label(lang) for c in view.human_columns()), cells[0] if cells else [], strict=False))
        return max((cell_len(a) + GAP + cell_len(b) for a, b in pairs), default=20)
    cols = [c for c in view.human_columns() if c.key != view.below]
    keys = [i for i, c in enumerate(view.human_columns()) if c.key != view.below]
    body = [[r[i] for i in keys] for r in cells]
    lay = Layout(cols, body, lang, 100_000, view)
    return sum(lay.natural) + GAP * (len(cols) - 1)


def _new_table(view: View, bold: str, *, header: bool = True, title: bool = True) -> Any:
    return _new_table_titled(view.title if title else None, bold, header=header)


def _new_table_titled(title: str | None, bold: str, *, header: bool = False) -> Any:
    from rich import box
    from rich.table import Table

    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        safe_box=True,
        show_header=header,
        show_edge=False,
        header_style=bold,
        title_style=bold,
        pad_edge=False,
    )


def _vertical(console: Any, view: View, cells: list[list[str]], lang: str, bold: str) -> None:
    pairs = list(zip((c.label(lang) for c in view.human_columns()), cells[0] if cells else [], strict=False))
    _record(console, pairs, bold, 0, view.title)


def _record(console: Any, pairs: list[tuple[str, str]], bold: str, indent: int, title: str | None = None) -> None:
    """One record as `label  value` lines; where a word of a value (a source id) would not fit
    beside its label, each value goes on its own indented line under the label instead."""
    from rich.cells import cell_len
    from rich.padding import Padding
    from rich.text import Text

    label_w = max((cell_len(label) for label, _ in pairs), default=0)
    word_w = max((cell_len(w) for _, v in pairs for w in units(v)), default=0)
    if indent + label_w + GAP + word_w > console.width:
        if title:
            console.print(Text(title, style=bold), overflow="fold")
        for label, value in pairs:
            console.print(Padding(Text(label, style=bold), (0, 0, 0, indent)), overflow="fold")
            console.print(Padding(Text(value), (0, 0, 0, indent + 2)), overflow="fold")
        return
    table = _new_table_titled(title, bold)
    table.add_column(overflow="fold", style=bold, no_wrap=False)
    table.add_column(overflow="fold")
    for label, value in pairs:
        table.add_row(label, value)
    console.print(Padding(table, (0, 0, 0, indent)) if indent else table)


def _horizontal(console: Any, view: View, cells: list[list[str]], lang: str, width: int, bold: str) -> None:
    all_cols = view.human_columns()
    below = [i for i, c in enumerate(all_cols) if c.key == view.below]
    idx = [i for i in range(len(all_cols)) if i not in below]
    cols = [all_cols[i] for i in idx]
    body = [[r[i] for i in idx] for r in cells]
    lists = [_below_items(view, k) for k in range(len(view.rows))] if below else []
    lay = Layout(cols, body, lang, width, view)
    if not lay.fits:
        _stacked(console, view, cols, body, lists, lang, bold)
        return

    def table_for(rows: list[list[str]], first: bool) -> Any:
        table = _new_table(view, bold, header=first, title=first)
        for j in lay.shown:
            c = cols[j]
            short = c.key in view.shorten
            table.add_column(
                c.label(lang),
                justify="right" if c.numeric else "left",
                no_wrap=lay.kept[j] or short,
                overflow="ellipsis" if short else "fold",
                width=lay.widths[j],
            )
        for r in rows:
            table.add_row(*(r[j] for j in lay.shown))
        return table

    if not lists:
        console.print(table_for(body, True))
    else:  # a table per row, same widths, each followed by its list
        for k, r in enumerate(body):
            console.print(table_for([r], k == 0))
            _print_list(console, lists[k])
    if lay.dropped:
        console.print(text("table.dropped", lang, cols=_joined(lay.dropped, lang)), overflow="fold")


def _below_items(view: View, k: int) -> list[str]:
    value = view.rows[k].get(view.below or "")
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def _print_list(console: Any, items: list[str]) -> None:
    from rich.padding import Padding
    from rich.table import Table

    if not items:
        return
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("-", item)
    console.print(Padding(grid, (0, 0, 0, BELOW_INDENT)))


def _stacked(
    console: Any,
    view: View,
    cols: list[Column],
    body: list[list[str]],
    lists: list[list[str]],
    lang: str,
    bold: str,
) -> None:
    """Too narrow for the kept cells side by side: each row as its first cell, then `label: value` lines."""
    from rich.text import Text

    if view.title:
        console.print(Text(view.title, style=bold), overflow="fold")
    for k, r in enumerate(body):
        console.print(Text(r[0], style=bold), overflow="fold")
        # nothing is left out: every cell has the full width
        _record(console, [(cols[j].label(lang) + ":", r[j]) for j in range(1, len(cols))], "", 2)
        if lists:
            _print_list(console, lists[k])


def _joined(items: list[str], lang: str) -> str:
    return text("list_sep", lang).join(items)
