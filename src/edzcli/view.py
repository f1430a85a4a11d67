"""The contract between view builders and renderers: `Column`, `View`, and the plain-text form
of a cell that both sides need. Builders (views.py) make Views; renderers (output.py, richtable.py)
read them. Nothing here imports either side."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from .labels import Label, t


class Column(NamedTuple):
    key: str
    zh: str
    en: str
    numeric: bool = False
    keep: bool = False  # an id, date or code: never wrapped (numbers are kept too)

    def label(self, lang: str) -> str:
        return t((self.zh, self.en), lang)

    @classmethod
    def of(cls, key: str, label: Label, numeric: bool = False, keep: bool = False) -> Column:
        return cls(key, label[0], label[1], numeric, keep)


class Tile(NamedTuple):
    """One province of a tile-grid map: where it sits, what it says, how dark it is."""

    row: int
    col: int
    label: str  # the short name in the view's language
    value: str  # the value as people read it
    level: int  # 0 (none) .. LEVELS - 1 (the highest class of the legend)
    region: str  # region id, for outlines


class TileMap(NamedTuple):
    """The picture of `edz map`: tiles, the legend's classes (level, label) and, when regions are
    outlined, the region names (id → name) for the key."""

    tiles: list[Tile]
    legend: list[tuple[int, str]]
    legend_title: str
    regions: dict[str, str] | None = None


LEVELS = 5


class View:
    """What a command shows. `rows` hold raw values by column key (None = unknown);
    `marks` hold per-row display suffixes for people (e.g. `*` on an unverified date);
    `records` are what JSON prints; `hidden` columns are for machines only (TSV/CSV) and
    `human_only` ones for people only; `human_values` format a column's cells for people;
    `picture` (a tile map) replaces the table for people, while machines still get the rows.
    Layout hints for the table renderer (richtable's one rule): `drop` lists the columns a narrow
    terminal may leave out, first dropped first; `shorten` those whose cells may be cut with "…";
    `below` names a list column shown as an indented list under its row."""

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
        picture: TileMap | None = None,
        drop: tuple[str, ...] = (),
        shorten: tuple[str, ...] = (),
        below: str | None = None,
        optional: tuple[str, ...] = (),
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
        self.picture = picture  # people see this picture instead of a table (edz map)
        self.drop = drop
        self.shorten = shorten
        self.below = below
        # JSON only: keys printed beside the records ({**envelope, "figures": records}), e.g. the
        # range answers of `trend`; None prints the records alone
        self.envelope: dict[str, Any] | None = None
        self.optional = optional  # columns shown only when asked for with --fields
        self.machine: View | None = None  # a flat form for TSV/CSV/JSON lines and --fields (one zone)
        self.selected = False  # columns chosen with --fields: every format shows exactly these
        # the values of the optional columns, one dict per row, built only when --fields asks for one
        self.more: Callable[[], list[dict[str, Any]]] | None = None

    @property
    def records(self) -> list[Any]:
        """The JSON records; built on first use, so table and TSV output never pay for them."""
        if callable(self._records):
            self._records = self._records()
        return self._records

    def human_columns(self) -> list[Column]:
        if self.selected:
            return list(self.columns)
        return [c for c in self.columns if c.key not in self.hidden and c.key not in self.optional]

    def machine_columns(self) -> list[Column]:
        if self.selected:
            return list(self.columns)
        return [c for c in self.columns if c.key not in self.human_only and c.key not in self.optional]

    def field_keys(self) -> list[str]:
        """Every field `--fields` can pick: the default columns first, then the optional ones."""
        return [c.key for c in self.columns]

    def select(self, keys: Sequence[str]) -> View:
        """This view with exactly `keys` as columns, in that order, in every format; JSON records
        then carry those keys with the values TSV/CSV show. Unknown keys: InputError with a suggestion."""
        from .errors import InputError
        from .names import suggest

        by_key = {c.key: c for c in self.columns}
        for k in keys:
            if k not in by_key:
                raise InputError("field", k, self.field_keys(), suggest(k, by_key))
        if not keys:
            raise InputError("field", "", self.field_keys(), hint="give at least one field name")
        rows = self.rows
        if self.more is not None and any(k in self.optional for k in keys):
            rows = [{**extra, **row} for row, extra in zip(rows, self.more(), strict=True)]
        view = View(
            [by_key[k] for k in keys],
            rows,
            lambda: [{k: json_value(row.get(k)) for k in keys} for row in rows],
            title=self.title,
            notes=self.notes,
            marks=self.marks,
            human_values=self.human_values,
            vertical=self.vertical,
        )
        view.hidden, view.human_only = self.hidden, self.human_only
        view.selected = True
        return view


def json_value(value: Any) -> Any:
    """A cell value as JSON: tuples become lists, everything else is already JSON-ready."""
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    return value


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
