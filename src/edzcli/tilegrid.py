"""The tile-grid map of China's 31 provincial units that `edz map` draws: one equal cell per
province, placed to approximate its geography. Only `edz map` imports this module.

Layout: `china_prov_grid1` of the geofacet project (Ryan Hafen's grid-designer,
https://github.com/hafen/grid-designer, grids/china_prov_grid1.csv, commit 68aca46; shipped in
the R package geofacet as `china_prov_grid1`), the China grid that data journalists and analysts
use with geofacet. Kept as published for the 31 mainland units; its Taiwan, Hong Kong and Macau
cells are left out because edz covers only the mainland's national ETDZs. Rows count from the top,
columns from the left, both from 1. See docs/decisions.md ("Tile-grid map").
"""

from __future__ import annotations

GRID_SOURCE = "geofacet china_prov_grid1 (github.com/hafen/grid-designer)"

# province id (as in data/zones.toml) → (row, col)
GRID: dict[str, tuple[int, int]] = {
    "heilongjiang": (1, 10),
    "inner-mongolia": (2, 7),
    "jilin": (2, 10),
    "xinjiang": (2, 1),
    "beijing": (3, 8),
    "liaoning": (3, 9),
    "ningxia": (3, 5),
    "tianjin": (4, 8),
    "hebei": (4, 7),
    "qinghai": (4, 2),
    "henan": (5, 7),
    "shanxi": (5, 6),
    "shandong": (5, 8),
    "gansu": (5, 4),
    "hubei": (6, 6),
    "anhui": (6, 7),
    "shanghai": (6, 9),
    "shaanxi": (6, 5),
    "jiangsu": (6, 8),
    "hunan": (7, 6),
    "chongqing": (7, 5),
    "zhejiang": (7, 8),
    "tibet": (7, 2),
    "sichuan": (7, 4),
    "jiangxi": (8, 7),
    "guizhou": (8, 5),
    "fujian": (8, 8),
    "yunnan": (9, 4),
    "guangxi": (9, 6),
    "guangdong": (9, 7),
    "hainan": (11, 7),
}

ROWS = max(r for r, _ in GRID.values())
COLS = max(c for _, c in GRID.values())
