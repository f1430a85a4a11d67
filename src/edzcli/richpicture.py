"""Pictures drawn with Rich: the tile-grid map of `edz map`, and any view recorded as a
standalone SVG or HTML file (`--format svg` / `html`).

Only `edz map` and the SVG/HTML formats import this module (a start-up test guards it). The map
is drawn on a grid of terminal cells: each province is a tile `w` cells wide and two lines high
(its short name, then its value), one blank cell between tiles, so ten grid columns fit 80
terminal columns. With colour, a tile's background shows its class; without (NO_COLOR, a pipe),
shade characters after the value do (░▒▓█, or .:#@ where the stream cannot show them). With
regions outlined, a blank line separates tile rows and heavy lines divide the four regions.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from typing import TYPE_CHECKING

from .tilegrid import COLS, ROWS

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from .view import TileMap, View

SHADES = ("", "░", "▒", "▓", "█")
ASCII_SHADES = ("", ".", ":", "#", "@")
# a sequential blue scale (ColorBrewer "Blues"), text colour chosen to stay readable on it
# level 0 (no zone) is a neutral grey, so an empty province still reads as a tile
BACKGROUNDS = ("#595959", "#deebf7", "#9ecae1", "#4292c6", "#08519c")
FOREGROUNDS = ("#ffffff", "#000000", "#000000", "#ffffff", "#ffffff")
MAP_WIDTH = 80  # the width a map is drawn at when it does not go to a terminal
MIN_TILE = 6  # the widest short name in Chinese (内蒙古, 黑龙江) is six cells

# box-drawing junctions for region outlines, by the directions a line leaves in (u, d, l, r)
_JUNCTIONS = {
    "ud": "┃", "lr": "━", "ur": "┗", "ul": "┛", "dr": "┏", "dl": "┓", "udr": "┣", "udl": "┫",
    "ulr": "┻", "dlr": "┳", "udlr": "╋", "u": "╹", "d": "╻", "l": "╸", "r": "╺",
}  # fmt: skip


def _can_show(chars: str, encoding: str) -> bool:
    try:
        chars.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def tile_width(pic: TileMap, width: int) -> int:
    """Cells a tile gets inside `width` columns: as wide as the longest label allows, at least
    MIN_TILE (a narrower terminal folds the map rather than cutting a name)."""
    from rich.cells import cell_len

    longest = max((cell_len(t.label) for t in pic.tiles), default=MIN_TILE)
    return max(MIN_TILE, min(longest, (width + 1) // COLS - 1))


def _fit(label: str, w: int) -> str:
    """`label` cut to `w` cells (English names longer than a tile), padded to `w`."""
    from rich.cells import cell_len, set_cell_size

    return set_cell_size(label, w) if cell_len(label) > w else label + " " * (w - cell_len(label))


def map_lines(pic: TileMap, *, width: int, color: bool, encoding: str) -> list[Text]:
    """The map as lines of Rich Text, then its legend."""
    from rich.cells import cell_len
    from rich.text import Text

    fancy = _can_show("░▒▓█┃━╋", encoding)
    shades = SHADES if fancy else ASCII_SHADES
    w = tile_width(pic, width)
    outline = pic.regions is not None
    step_y = 3 if outline else 2
    cw = COLS * (w + 1) - 1
    ch = ROWS * step_y - (1 if outline else 0)
    # the canvas: one (text, style) per terminal cell; a wide character's second cell is None
    canvas: list[list[tuple[str, str] | None]] = [[(" ", "") for _ in range(cw)] for _ in range(ch)]

    def put(y: int, x: int, s: str, style: str) -> None:
        for c in s:
            n = cell_len(c)
            canvas[y][x] = (c, style)
            if n == 2:
                canvas[y][x + 1] = None
            x += n

    at = {(t.row, t.col): t for t in pic.tiles}
    for t in pic.tiles:
        y, x = (t.row - 1) * step_y, (t.col - 1) * (w + 1)
        style = f"{FOREGROUNDS[t.level]} on {BACKGROUNDS[t.level]}" if color else ""
        put(y, x, _fit(t.label, w), (style + " bold").strip() if color else "")
        value = t.value
        if not color and t.level:
            value = f"{value} " + shades[t.level] * max(1, w - cell_len(value) - 1)
        put(y + 1, x, _fit(value, w), style)

    if outline:
        # which gap cells carry a line: vertical ones between tiles side by side, horizontal ones
        # between tiles one above the other, when the two are in different regions
        vert: set[tuple[int, int]] = set()  # (tile row, gap after column)
        horiz: set[tuple[int, int]] = set()  # (gap after row, tile column)
        for (r, c), t in at.items():
            right, below = at.get((r, c + 1)), at.get((r + 1, c))
            if right is not None and right.region != t.region:
                vert.add((r, c))
            if below is not None and below.region != t.region:
                horiz.add((r, c))
        style = "bold" if color else ""
        for r, c in vert:
            x = c * (w + 1) - 1
            for dy in (0, 1):
                canvas[(r - 1) * step_y + dy][x] = ("┃" if fancy else "|", style)
        for r, c in horiz:
            y = (r - 1) * step_y + 2
            for dx in range(w):
                canvas[y][(c - 1) * (w + 1) + dx] = ("━" if fancy else "-", style)
        # the cells where gap rows and gap columns cross
        for r in range(1, ROWS):
            y = (r - 1) * step_y + 2
            for c in range(1, COLS):
                x = c * (w + 1) - 1
                dirs = ""
                dirs += "u" if (r, c) in vert else ""
                dirs += "d" if (r + 1, c) in vert else ""
                dirs += "l" if (r, c) in horiz else ""
                dirs += "r" if (r, c + 1) in horiz else ""
                if dirs:
                    canvas[y][x] = (_JUNCTIONS[dirs] if fancy else "+", style)

    out = []
    for row in canvas:
        end = len(row)
        while end and row[end - 1] == (" ", ""):  # trailing blank cells, not a tile's coloured padding
            end -= 1
        text = Text(no_wrap=False, overflow="fold")
        run, run_style = "", ""
        for cell in row[:end]:
            if cell is None:
                continue
            if cell[1] != run_style and run:
                text.append(run, style=run_style or None)
                run = ""
            run, run_style = run + cell[0], cell[1]
        if run:
            text.append(run, style=run_style or None)
        out.append(text)
    while out and not out[-1].plain:
        out.pop()
    legend = Text(pic.legend_title, overflow="fold")
    for i, (level, label) in enumerate(pic.legend):
        if i:
            legend.append("  ")
        if color:
            legend.append("  ", style=f"on {BACKGROUNDS[level]}")
            legend.append(" " + label)
        else:
            legend.append((shades[level] + " " if level else "") + label)
    out += [Text(""), legend]
    return out


def _needed_width(pic: TileMap) -> int:
    """Columns the map needs to show every label in full."""
    from rich.cells import cell_len

    longest = max((cell_len(t.label) for t in pic.tiles), default=MIN_TILE)
    return max(MAP_WIDTH, COLS * (max(MIN_TILE, longest) + 1) - 1)


def render_map(view: View, lang: str, *, tty: bool, encoding: str) -> str:
    """`edz map` on a terminal (or with an explicit --format table): title, map, legend, notes."""
    from rich.console import Console

    assert view.picture is not None
    color = (tty and "NO_COLOR" not in os.environ) or bool(os.environ.get("FORCE_COLOR"))
    width = shutil.get_terminal_size((MAP_WIDTH, 24)).columns if tty else MAP_WIDTH
    from .richtable import EncodedBuffer

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
    _print_map(console, view, lang, width=width, color=color, encoding=encoding)
    return buf.getvalue()


def _print_map(console: Console, view: View, lang: str, *, width: int, color: bool, encoding: str) -> None:
    from rich.cells import cell_len
    from rich.text import Text

    from .labels import text

    assert view.picture is not None
    w = tile_width(view.picture, width)
    cut = any(cell_len(t.label) > w for t in view.picture.tiles)
    if view.title:
        console.print(Text(view.title, style="bold" if color else ""), overflow="fold")
        console.print()
    for line in map_lines(view.picture, width=width, color=color, encoding=encoding):
        console.print(line, overflow="fold")
    notes = [*view.notes, text("map.cut", lang, n=w)] if cut else view.notes
    if notes:
        console.print()
    for note in notes:
        console.print(Text(note), overflow="fold")


# --------------------------------------------------------------------------- SVG and HTML

PICTURE_FORMATS = ("svg", "html")
UNIQUE_ID = "edz"  # Rich would derive the SVG's CSS/clip ids from a hash; a fixed one keeps files stable


def _svg_format() -> str:
    """Rich's SVG template without its web fonts: the file must open offline, and a local
    monospace font is what a terminal would show anyway."""
    from rich._export_format import CONSOLE_SVG_FORMAT

    return re.sub(r"\s*@font-face \{\{.*?\}\}", "", CONSOLE_SVG_FORMAT, flags=re.S)


def _html_format(title: str, lang: str) -> str:
    from html import escape

    from rich._export_format import CONSOLE_HTML_FORMAT

    safe = escape(title).replace("{", "{{").replace("}", "}}")
    out = CONSOLE_HTML_FORMAT.replace("<html>", f'<html lang="{"en" if lang == "en" else "zh"}">', 1)
    return out.replace('<meta charset="UTF-8">', f'<meta charset="UTF-8">\n<title>{safe}</title>', 1)


def render_picture(view: View, cells: list[list[str]], lang: str, fmt: str, footer: list[str]) -> str:
    """The view as the terminal shows it (table or map, title and notes), recorded by Rich and
    saved as a standalone SVG or HTML document; `footer` lines (credit, sources) go last."""
    from rich.console import Console
    from rich.text import Text

    from .richtable import draw, natural_width

    console = Console(
        record=True,
        file=io.StringIO(),
        width=MAP_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        _environ={},  # the picture must not depend on NO_COLOR, COLUMNS or the terminal it was made on
    )
    if view.picture is not None:
        console.width = _needed_width(view.picture)  # a picture has room for every name in full
        _print_map(console, view, lang, width=console.width, color=True, encoding="utf-8")
    else:
        # at the natural width (a picture has room), between 60 and 200 columns, by richtable's rule
        console.width = max(60, min(200, natural_width(view, cells, lang)))
        draw(console, view, cells, lang, color=True)
    if footer:
        console.print()
    for line in footer:
        console.print(Text(line, style="dim"), overflow="fold")
    title = view.title or "edz"
    if fmt == "svg":
        return _wide_text_lengths(console.export_svg(title=title, unique_id=UNIQUE_ID, code_format=_svg_format()))
    return _wide_cells_html(console.export_html(code_format=_html_format(title, lang), inline_styles=True))


_WIDE_RUN = re.compile(
    r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+"
)


def _wide_cells_html(html: str) -> str:
    """A browser's monospace font rarely draws a Chinese character exactly two columns wide, so
    columns after Chinese text drift; each run of wide characters gets a box of exactly two
    columns (`ch`) a character, which keeps the table aligned. Only inside the <code> block."""
    from rich.cells import cell_len

    head, sep, rest = html.partition("<code")
    if not sep:
        return html
    body, sep2, tail = rest.partition("</code>")

    def box(m: re.Match[str]) -> str:
        run = m.group(0)
        if cell_len(run) != 2 * len(run):
            return run
        return f'<span style="display:inline-block;width:{2 * len(run)}ch;white-space:nowrap">{run}</span>'

    return head + sep + _WIDE_RUN.sub(box, body) + sep2 + tail


_SVG_TEXT = re.compile(r'(<text [^>]*?textLength=")([0-9.e+-]+)("[^>]*>)([^<]*)(</text>)')


def _wide_text_lengths(svg: str) -> str:
    """Rich 15 sizes each SVG text run by its number of characters, so a Chinese run (two
    terminal cells a character) is squeezed into half its width; size it by terminal cells."""
    from html import unescape

    from rich.cells import cell_len

    char_width = 20 * 0.61  # Rich's export_svg: font_size 20, character width 0.61 of it

    def fix(m: re.Match[str]) -> str:
        length = format(char_width * cell_len(unescape(m.group(4))), "g")
        return m.group(1) + length + m.group(3) + m.group(4) + m.group(5)

    return _SVG_TEXT.sub(fix, svg)
