"""The one place that imports Rich: aligned tables for people.

Cells fold instead of being cut with "…", so no data is lost on a narrow terminal; when the
table is written somewhere that is not a terminal (only with an explicit `--format table`), it is
drawn at its natural width. Colour follows the terminal and honours NO_COLOR / FORCE_COLOR.
"""

from __future__ import annotations

import io
import os
import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table

    from .view import View


class _Buffer(io.StringIO):
    """A string buffer that reports the real stream's encoding, so Rich picks ASCII borders
    where the console cannot show box-drawing characters."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._enc = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._enc


def build_table(view: View, cells: list[list[str]], lang: str, *, color: bool) -> Table:
    """The Rich table of a view: what a terminal shows and what `--format svg/html` records."""
    from rich import box
    from rich.table import Table

    table = Table(
        title=view.title,
        box=box.SIMPLE_HEAD,
        safe_box=True,
        show_header=not view.vertical,
        header_style="bold" if color else "",
        title_style="bold" if color else "",
        pad_edge=False,
    )
    if view.vertical:
        table.add_column(overflow="fold", style="bold" if color else "", no_wrap=False)
        table.add_column(overflow="fold")
        for c, cell in zip(view.human_columns(), cells[0] if cells else [], strict=False):
            table.add_row(c.label(lang), cell)
    else:
        for c in view.human_columns():
            if c.key in view.human_only:  # decoration (a bar): cut it rather than wrap it
                table.add_column(c.label(lang), overflow="crop", no_wrap=True, max_width=24)
            else:
                table.add_column(c.label(lang), justify="right" if c.numeric else "left", overflow="fold")
        for row in cells:
            table.add_row(*row)
    return table


def render_table(view: View, cells: list[list[str]], lang: str, *, tty: bool, encoding: str) -> str:
    """`cells` are the view's human cells (output._human_rows); `tty` and `encoding` describe the
    stream the table is for."""
    from rich.console import Console

    color = (tty and "NO_COLOR" not in os.environ) or bool(os.environ.get("FORCE_COLOR"))
    table = build_table(view, cells, lang, color=color)
    buf = _Buffer(encoding)
    # off a terminal the width is measured below: never cut a table that is not on a terminal
    width = shutil.get_terminal_size((100, 24)).columns if tty else 100_000
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
    if not tty:
        console.width = max(20, console.measure(table).maximum)
    console.print(table)
    for note in view.notes:
        if tty:
            console.print(note, overflow="fold")
        else:
            buf.write(note + "\n")
    return buf.getvalue()
