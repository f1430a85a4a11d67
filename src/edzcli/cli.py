"""The `edz` command line: parses options and wires loader → query → views → output.

Errors never show a traceback: a bad value on the command line prints one line on stderr and
exits 2; "not found", "ambiguous" and a broken data file exit 1 (see `edzcli.errors`).
Set EDZ_DEBUG=1 to see the traceback of an unexpected error.
"""

import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .errors import EdzError, InputError

if TYPE_CHECKING:
    from .model import Dataset, Zone
    from .view import View

HELP = """Look up China's national-level economic and technological development zones (国家级经济技术开发区, ETDZs):
which zones exist and where, how they perform together year by year, and which reform measures govern them.
Every figure carries a source id (edz sources).

Output: a table on a terminal, tab-separated values when piped; --format json|jsonl|csv|tsv|markdown|table|svg|html,
--output PATH to write a file.

Language: Chinese (the reference) by default; English with --lang en or EDZ_LANG=en (--lang zh, EDZ_LANG=zh
for Chinese), before or after the command. This help is in English.

Data: the bundled dataset, or --data PATH (before or after the command) or EDZ_DATA=PATH.
Shell completion: edz --install-completion bash|zsh|fish. Help on one command: edz COMMAND --help."""

INTERNAL_ERROR = 3


def _click_exceptions() -> Any:
    from typer import _click

    return _click.exceptions


def _fail(message: str, code: int) -> int:
    _stderr(f"edz: error: {message}")
    return code


def _stderr(text: str) -> None:
    """One line on stderr, control characters escaped (a value cannot forge a second line); never
    raises (a closed or odd stderr must not turn an error into a crash)."""
    from .errors import one_line
    from .output import emit

    try:
        emit(one_line(text) + "\n", sys.stderr)
    except (ValueError, OSError, AttributeError):
        _silence(sys.stderr)  # what is left in its buffer must not fail again at exit (status 120)


def _silence(stream: Any) -> None:
    """After a broken pipe or a failed write, point the stream's fd at /dev/null so the
    interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _silence_stdout() -> None:
    _silence(sys.stdout)


class _Closed(io.TextIOBase):
    """Stands in for stdout or stderr when the process started with it closed (`edz zones >&-`):
    Python leaves `sys.stdout` None, and a write must fail as an I/O error, not an AttributeError."""

    encoding = "utf-8"

    def __init__(self, name: str) -> None:
        self._name = name

    def write(self, s: str) -> int:
        raise OSError(errno.EBADF, f"{self._name} is closed")

    def isatty(self) -> bool:
        return False


def _guard_std_streams() -> None:
    for name, label in (("stdout", "standard output"), ("stderr", "standard error")):
        if getattr(sys, name) is None:
            with contextlib.suppress(OSError):  # take the free fd, so no file edz opens lands on it
                os.open(os.devnull, os.O_RDWR)
            setattr(sys, name, _Closed(label))


def _flush_stdout() -> None:
    """Flush now, so a full or closed stdout is reported like any error, not at interpreter exit."""
    if sys.stdout is not None:
        sys.stdout.flush()


class Terminated(BaseException):
    """SIGTERM while a command runs: unwinds like Ctrl-C, so an export removes its temporary files."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While a command runs, Ctrl-C raises KeyboardInterrupt and SIGTERM raises Terminated, so
    `finally` blocks run; the handlers from before (the start-up handler of `edzcli.__main__`,
    which exits at once) are put back afterwards."""
    import signal

    try:
        prev = (signal.signal(signal.SIGINT, signal.default_int_handler), signal.signal(signal.SIGTERM, _on_sigterm))
    except (ValueError, OSError):  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for sig, handler in zip((signal.SIGINT, signal.SIGTERM), prev, strict=True):
            if handler is not None:
                signal.signal(sig, handler)


def _run_guarded(run: Callable[[], int]) -> int:
    """Run a command with edz's conventions: one line on stderr and exit 1 or 2 for errors, 0 for a
    reader that went away (`| head`), 1 for a closed or full stdout, 130 for Ctrl-C, 143 for SIGTERM,
    3 for a bug; never a traceback."""
    exc = _click_exceptions()
    try:
        with _signals_raise():
            try:
                return run()
            except BrokenPipeError:
                _silence_stdout()
                return 0
            except exc.UsageError as e:
                return _fail(_usage_message(e), 2)
            except exc.ClickException as e:
                return _fail(e.format_message().replace("\n", " "), e.exit_code)
            except (typer.Abort, EOFError):
                _stderr("edz: aborted")
                return 130
            except EdzError as e:
                return _fail(str(e), e.exit_code)
            except OSError as e:  # writing the output failed: the user's world, not a bug
                if e.errno == errno.EPIPE:
                    _silence_stdout()
                    return 0
                _silence_stdout()
                where = f"cannot write {e.filename!r}" if e.filename else "cannot write output"
                return _fail(f"{where}: {e.strerror or e}", 1)
            except KeyboardInterrupt:
                _stderr("edz: interrupted")
                return 130
            except Terminated:
                _stderr("edz: terminated")
                return 143
            except SystemExit:
                raise
            except Exception as e:  # a bug: say so in one line, keep the traceback for EDZ_DEBUG
                if os.environ.get("EDZ_DEBUG"):
                    raise
                return _fail(
                    f"internal error: {type(e).__name__}: {e} (set EDZ_DEBUG=1 for the traceback; please report it)",
                    INTERNAL_ERROR,
                )
    except KeyboardInterrupt:  # between the handlers above and the restore
        _stderr("edz: interrupted")
        return 130
    except Terminated:
        return 143


# options of edz itself, and how each is written before a command
ROOT_ONLY_OPTIONS = {
    "--lang": "--lang LANG",
    "-l": "-l LANG",
    "--data": "--data PATH",
    "--version": "--version",
    "--show-completion": "--show-completion SHELL",
    "--install-completion": "--install-completion SHELL",
}


def _usage_message(e: Any) -> str:
    """A usage error in one line, pointing to the help; an option of edz itself given after a
    command that has no such option says to put it before the command."""
    ctx = e.ctx
    name = getattr(e, "option_name", None) if isinstance(e, _click_exceptions().NoSuchOption) else None
    if ctx is not None and ctx.parent is not None and name in ROOT_ONLY_OPTIONS:
        written = ROOT_ONLY_OPTIONS[name]
        example = f"edz {written}" if " " not in written or name.endswith("-completion") else f"edz {written} {ctx.info_name} ..."
        return f"{name} is an option of edz itself, not of 'edz {ctx.info_name}': put it before the command ({example})"
    msg = str(e.format_message()).replace("\n", " ")
    return msg + (f" (see '{ctx.command_path} --help')" if ctx is not None else "")


# The commands in the order `edz --help` lists them: zones, one zone, numbers, policy, the data.
SECTIONS = (
    ("Zones", ("zones", "zone", "search", "compare")),
    ("Numbers", ("stats", "trend", "indicators", "regions", "provinces", "history", "map", "rankings")),
    ("Policy", ("policies",)),
    ("Sources and the data", ("sources", "fields", "export", "about", "cite", "validate")),
)
COMMAND_ORDER = tuple(name for _, names in SECTIONS for name in names)


class CommandDoc:
    """What a command's help adds to its docstring: a one-line summary for `edz --help` (short
    enough for an 80-column terminal) and real examples (each runs on the bundled data; a test runs
    them all) with what each shows."""

    def __init__(self, summary: str, *examples: tuple[str, str]) -> None:
        self.summary = summary
        self.examples = examples


# Examples run in a folder holding a copy of the bundled data as zones.toml (see the test).
COMMAND_DOCS: dict[str, CommandDoc] = {
    "zones": CommandDoc(
        "List the zones, by region, province, city or year",
        ("edz zones --region west --limit 5", "the first five zones in the west"),
        ("edz zones --province 江苏 --sort -approved", "Jiangsu's zones, newest first"),
        ("edz zones --city 320500 --fields id,name,approved -f csv", "one city's zones, three fields, as CSV"),
    ),
    "zone": CommandDoc(
        "Everything about one zone, each fact with its source",
        ("edz zone 苏州工业园区", "by its Chinese name"),
        ("edz zone tianjin --lang en", "by its id, in English"),
        ("edz zone 广州经开区 -f json", "the full record as JSON"),
    ),
    "search": CommandDoc(
        "Search zones, measures, indicators and sources",
        ("edz search 生物医药", "zones whose industries, highlights or notes mention it"),
        ("edz search semiconductor --kind zone --limit 5", "only zones, at most five"),
        ("edz search 外资 --kind indicator", "only indicators"),
    ),
    "compare": CommandDoc(
        "Two or more zones side by side",
        ("edz compare 苏州工业园区 广州经开区", "two zones by name"),
        ("edz compare tianjin guangzhou --lang en", "by id, in English"),
    ),
    "stats": CommandDoc(
        "National figures for one year, or one zone's own",
        ("edz stats 2023", "the headline figures of 2023"),
        ("edz stats --all -f markdown", "every indicator of the latest year, as Markdown"),
        ("edz stats --zone 苏州工业园区", "one zone's own figures"),
    ),
    "trend": CommandDoc(
        "One indicator year by year, with change and CAGR",
        ("edz trend gdp --from 2019", "GDP of all zones since 2019"),
        ("edz trend fdi --series default -f csv", "one figure a year, as CSV"),
    ),
    "indicators": CommandDoc(
        "The indicators stats and trend know, with years",
        ("edz indicators", "ids, names, units and the years covered"),
        ("edz indicators --lang en -f markdown", "in English, as Markdown"),
    ),
    "regions": CommandDoc(
        "Zones per region, beside the official counts",
        ("edz regions", "on the data's as-of date"),
        ("edz regions --as-of 2010-12-31", "as the roster stood at the end of 2010"),
    ),
    "provinces": CommandDoc(
        "Zones per province (all 31 provincial units)",
        ("edz provinces", "on the data's as-of date"),
        ("edz provinces --as-of 2000 -f csv", "at the end of 2000, as CSV"),
    ),
    "history": CommandDoc(
        "Zones at each year end, beside the official counts",
        ("edz history", "from the approval and removal dates"),
        ("edz history --lang en -f markdown", "in English, as Markdown"),
    ),
    "map": CommandDoc(
        "A tile-grid map of zones per province",
        ("edz map", "zones per province on the data's as-of date"),
        ("edz map --since 2010 --value share", "share of the zones approved since 2010"),
        ("edz map --regions -o map.svg", "outline the regions, write an SVG file"),
    ),
    "rankings": CommandDoc(
        "MOFCOM's evaluation ranks, by edition and list",
        ("edz rankings", "the latest edition's overall list"),
        ("edz rankings 2021", "the 2021 edition (it ranks 2020 data)"),
        ("edz rankings 2024 --list fdi", "a sub-list of one edition"),
    ),
    "policies": CommandDoc(
        "Reform measures of a policy document, by area",
        ("edz policies", "the measures of the 2025 work plan"),
        ("edz policies --doc list", "the documents edz knows"),
        ("edz policies --doc 2019 --area open-economy-2019 --points", "one area of the 2019 opinion, with key points"),
    ),
    "sources": CommandDoc(
        "The sources behind every figure and fact",
        ("edz sources --kind official", "the official sources"),
        ("edz sources --outlet 新华社", "those of one outlet"),
        ("edz sources xinhua-2024-10-20-etdz-40-years", "one source in full, with what cites it"),
    ),
    "fields": CommandDoc(
        "The fields a command's --fields can pick",
        ("edz fields zones", "the fields of edz zones, with a description"),
        ("edz fields stats --lang en", "those of edz stats, in English"),
    ),
    "export": CommandDoc(
        "The whole dataset as SQLite, JSON or CSV",
        ("edz export -f sqlite -o edz.db", "one SQLite file"),
        ("edz export -f csv -o edz-csv", "a folder with one CSV file a table"),
        ("edz export -f metadata -o metadata.json", "datasette metadata for the SQLite file"),
    ),
    "about": CommandDoc(
        "Data version, as-of date, counts and coverage",
        ("edz about", "what data edz is using"),
        ("edz about --lang en -f json", "in English, as JSON"),
    ),
    "cite": CommandDoc(
        "How to cite edz and the data (text or BibTeX)",
        ("edz cite", "a citation as plain text"),
        ("edz cite --format bibtex", "a BibTeX entry"),
    ),
    "validate": CommandDoc(
        "Check a data file against the schema",
        ("edz validate", "the data file in use"),
        ("edz validate zones.toml", "another file"),
    ),
}
ROOT_EXAMPLES = (
    ("edz zones --region west", "the zones in the west"),
    ("edz zone 苏州工业园区 --lang en", "one zone, in English"),
    ("edz stats 2023 -f json", "the figures of 2023, as JSON"),
)


def _write_examples(formatter: Any, examples: Sequence[tuple[str, str]]) -> None:
    """An Examples section: each command on its own line (never re-wrapped) and what it shows."""
    formatter.write_paragraph()
    formatter.write_text("Examples:")
    with formatter.indentation():
        for cmd, note in examples:
            formatter.write(f"{'':>{formatter.current_indent}}{cmd}  # {note}\n")


class EdzGroup(TyperGroup):
    """Runs the command with our error conventions (see `_run_guarded`). It drives Click itself
    instead of calling Typer's `main`, which would turn a broken pipe into a silent exit 1 and
    Ctrl-C into a silent 130 before edz could answer. Lists the commands in sections."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda n: rank.get(n, len(rank)))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        listed = {name: self.get_command(ctx, name) for name in self.list_commands(ctx)}
        shown = {n: c for n, c in listed.items() if c is not None and not c.hidden}
        if not shown:
            return
        width = max(len(n) for n in shown)
        sections = [*SECTIONS, ("Other", tuple(n for n in shown if n not in COMMAND_ORDER))]
        for title, names in sections:
            rows = [(n.ljust(width), shown[n].get_short_help_str(200)) for n in names if n in shown]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        _write_examples(formatter, ROOT_EXAMPLES)

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, complete_var: str | None = None) -> None:
        var = complete_var or "_EDZ_COMPLETE"  # completion.COMPLETE_VAR (not imported by a normal run)
        instruction = os.environ.get(var)
        if instruction:
            from .completion import Wiring, respond

            wiring = Wiring()
            wiring.field_commands, wiring.cite_formats, wiring.field_names = FIELD_COMMANDS, CITE_FORMATS, field_names
            raise SystemExit(respond(self, ctx_args, prog_name, var, instruction, wiring))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> int:
            argv = _shell_defaults(sys.argv[1:] if args is None else list(args))
            prog = prog_name or "edz"
            self._main_shell_completion(extra, prog, complete_var)
            try:
                with self.make_context(prog, argv, **extra) as ctx:
                    rv = self.invoke(ctx)
                code = rv if isinstance(rv, int) else 0
            except _click_exceptions().NoArgsIsHelpError as e:
                typer.echo(e.ctx.get_help() if e.ctx else "")
                code = 0
            except typer.Exit as e:
                code = e.exit_code
            _flush_stdout()
            return code

        code = _run_guarded(run)
        if standalone_mode:
            raise SystemExit(code)
        return code


def _shell_defaults(argv: list[str]) -> list[str]:
    """`--show-completion` / `--install-completion` without a shell mean the shell edz runs in
    (the vendored Click has no options with an optional value)."""
    wanted = ("--show-completion", "--install-completion")
    if not any(arg in wanted for arg in argv):
        return argv
    from .completion import AUTO

    out = []
    for i, arg in enumerate(argv):
        out.append(arg)
        if arg in wanted and (i + 1 == len(argv) or argv[i + 1].startswith("-")):
            out.append(AUTO)
    return out


class EdzCommand(TyperCommand):
    """A command whose help names its arguments plainly (ZONE, [YEAR], ZONE..., never {zone}) and
    ends with what the data offers (editions, years; read only when the help is shown) and examples."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                continue
            var = param.metavar or (param.name or "").upper()
            if param.nargs == -1 and not var.endswith("..."):
                var += "..."
            if not param.required and not var.startswith("["):
                var = f"[{var}]"
            pieces.append(var)
        return pieces

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta["edz.args"] = list(args)  # --help runs before --data is read: the help looks here
        return super().parse_args(ctx, args)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        name = self.name or ""
        lines = _help_from_data(name, ctx)
        for line in lines:
            formatter.write_paragraph()
            formatter.write_text(line)
        doc = COMMAND_DOCS.get(name)
        if doc is not None:
            _write_examples(formatter, doc.examples)


def _help_from_data(command: str, ctx: Any) -> list[str]:
    """Lines of `edz rankings --help` and `edz stats --help` that name what the data holds; read
    through the loader's cache when the help is shown, nothing when the data cannot be read."""
    source = HELP_FROM_DATA.get(command)
    if source is None:
        return []
    try:
        from .loader import load_dataset

        return source(load_dataset(_help_data_path(ctx)))
    except Exception:  # a broken --data file: the help still shows, without these lines
        return []


def _help_data_path(ctx: Any) -> str | None:
    """The --data of a command line whose --help is being shown: after the command (read from the
    raw words, as --help is handled before --data), else before it."""
    raw = ctx.meta.get("edz.args", [])
    found = None
    for i, word in enumerate(raw):
        if word == "--":
            break
        if word == "--data" and i + 1 < len(raw):
            found = raw[i + 1]
        elif word.startswith("--data="):
            found = word[len("--data=") :]
    if found:
        return str(found)
    root = ctx.find_root()
    data = root.params.get("data")
    return str(data) if data else None


def _rankings_help(ds: "Dataset") -> list[str]:
    from .query import ranking_lists

    pairs = ranking_lists(ds)
    if not pairs:
        return ["The data has no rankings."]
    editions = sorted({e for e, _ in pairs}, reverse=True)
    by_list: dict[str, list[int]] = {}
    for e, lst in pairs:
        by_list.setdefault(lst, []).append(e)
    lists = "; ".join(
        f"{lst} ({'every edition' if len(eds) == len(editions) else ', '.join(str(e) for e in sorted(eds, reverse=True))})"
        for lst, eds in sorted(by_list.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )
    return [f"Editions in the data: {', '.join(str(e) for e in editions)}.", f"Lists (--list): {lists}."]


def _stats_help(ds: "Dataset") -> list[str]:
    from .query import full_year_years, latest_year, year_ranges

    years = full_year_years(ds)
    if not years:
        return ["The data has no figures."]
    return [f"Years with full-year figures in the data: {year_ranges(years)} (default: {latest_year(ds)})."]


HELP_FROM_DATA: dict[str, Callable[["Dataset"], list[str]]] = {"rankings": _rankings_help, "stats": _stats_help}


def _new_app() -> typer.Typer:
    """The Typer app with edz's settings: our error handling, plain (Rich-free) help, our own
    completion options (Typer's ignore the shell named: `--show-completion zsh` printed bash's)."""
    return typer.Typer(
        cls=EdzGroup,
        name="edz",
        help=HELP,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )


app = _new_app()


class State:
    def __init__(self, data: str | None, lang: str | None):
        self.data = data
        self.lang = lang


# shell completion lives in completion.py: the values each parameter offers are looked up there by
# parameter name when a completion is asked for, so a normal run never builds or imports them

CITE_FORMATS = ("text", "bibtex")


# --------------------------------------------------------------------------- shared options

FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="table, tsv, csv, json, jsonl, markdown, svg or html [default: table on a terminal, tsv when piped]",
        metavar="FORMAT",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="the roster as it stood on DATE (YYYY-MM-DD; YYYY or YYYY-MM mean the period's last day)", metavar="DATE"
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        help="zh or en: language of labels and names (also EDZ_LANG=en|zh) [default: zh]",
        metavar="LANG",
    ),
]
DataOpt = Annotated[
    str | None,
    typer.Option(
        "--data", help="dataset file to use instead of the bundled one (also EDZ_DATA)", metavar="PATH", show_default=False
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", help="write to PATH (atomically) instead of stdout, e.g. with --format svg", metavar="PATH"),
]
ZoneOpt = Annotated[
    str | None,
    typer.Option(
        "--zone",
        "-z",
        help="one zone's own figures instead of the aggregate (id or name, as in edz zone)",
        metavar="ZONE",
    ),
]
SeriesOpt = Annotated[
    str | None,
    typer.Option(
        "--series",
        help="all (every published figure, edz's default marked), default (one a year: MOFCOM's main-indicators "
        "release, else the evaluation release), main or evaluation [default: all]",
        metavar="SERIES",
    ),
]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--fields",
        help="only these fields, in this order, in every format (id,name,approved); 'help' lists them",
        metavar="FIELDS",
    ),
]
NoHeadersOpt = Annotated[bool, typer.Option("--no-headers", help="TSV/CSV without the header line")]
BomOpt = Annotated[bool, typer.Option("--bom", help="start TSV/CSV with a UTF-8 byte-order mark (for Excel on Windows)")]


def _state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State(None, None)


def _data_path(ctx: typer.Context) -> str | None:
    """--data after the command (this command's own option), else before it, else None (EDZ_DATA
    or the bundled file)."""
    own = ctx.params.get("data")
    return str(own) if own else _state(ctx).data


def _dataset(ctx: typer.Context) -> "Dataset":
    from .loader import load_dataset

    return load_dataset(_data_path(ctx))


def _check_limit(limit: int | None, least: int) -> None:
    """--limit N must be at least `least` (checked here, so the help shows N and not a range)."""
    if limit is not None and limit < least:
        raise InputError("--limit", limit, hint=f"N must be {least} or more")


def _zone_option(ds: "Dataset", text: str | None) -> "Zone | None":
    from .search import get_zone

    return get_zone(ds, text) if text is not None else None


def _lang(ctx: typer.Context, lang: str | None) -> str:
    """The language shown: --lang (after or before the command), else EDZ_LANG, else Chinese."""
    from .output import resolve_lang

    return resolve_lang(lang or _state(ctx).lang)


def _emit_view(
    ctx: typer.Context, view_builder: Callable[[str], "View"], fmt: str | None, lang: str | None, output: str | None = None
) -> None:
    """Resolve format and language, build the view for that language, pick the --fields, render,
    write (to stdout, or atomically to `output`). --fields, --no-headers and --bom are read from
    the command's own parameters."""
    import io

    from .output import apply_fields, check_text_options, emit, render, resolve_format, resolve_lang

    to_file = output is not None and output != "-"
    f = resolve_format(fmt if fmt is not None or not to_file else _format_for(str(output)))
    fields = ctx.params.get("fields")
    headers, bom = not ctx.params.get("no_headers"), bool(ctx.params.get("bom"))
    check_text_options(f, no_headers=not headers, bom=bom)
    lg = resolve_lang(lang or _state(ctx).lang)
    view = view_builder(lg)
    if fields is not None and fields.strip().lower() == "help":
        from .views import fields_view

        emit(render(fields_view(view.machine or view, lg), f, lg, headers=headers, bom=bom))
        return
    view = apply_fields(view, fields)
    if not view.rows and f in ("table", "markdown"):
        from .labels import text

        _stderr(text("nothing_matches", lg))
    credit = None
    if f in ("svg", "html"):
        from .labels import text

        meta = _dataset(ctx).meta
        credit = text("picture.credit", lg, version=__version__, data_version=meta.data_version, as_of=meta.as_of)
    # a file is not a terminal: no colour, nothing cut, UTF-8
    out = render(view, f, lg, io.StringIO() if to_file else None, credit=credit, headers=headers, bom=bom)
    if not to_file:
        emit(out)
        return
    from pathlib import Path

    from .export import write_text

    try:
        write_text(Path(str(output)), out)
    except OSError as e:
        raise EdzError(f"cannot write {output}: {e.strerror or e}") from None


FORMAT_BY_SUFFIX = {".svg": "svg", ".html": "html", ".htm": "html", ".csv": "csv", ".json": "json", ".md": "markdown"}


def _format_for(path: str) -> str:
    """The format `--output PATH` implies when no --format is given: by its suffix, else TSV."""
    import os.path

    return FORMAT_BY_SUFFIX.get(os.path.splitext(path)[1].lower(), "tsv")


def _version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        typer.echo(f"edz {__version__}")
        raise typer.Exit(0)


def _show_completion(ctx: typer.Context, value: str | None) -> None:
    """--show-completion SHELL: print the script for the shell named (not the one edz runs in)."""
    if value is None or ctx.resilient_parsing:
        return
    from .completion import check_shell, script

    typer.echo(script(check_shell(value), ctx.find_root().info_name or "edz"), nl=False)
    raise typer.Exit(0)


def _install_completion(ctx: typer.Context, value: str | None) -> None:
    """--install-completion SHELL: write the script where SHELL loads it."""
    if value is None or ctx.resilient_parsing:
        return
    from .completion import INSTALL_SHELLS, check_shell, install

    shell = check_shell(value)
    if shell not in INSTALL_SHELLS:
        hint = f"edz installs completion for bash, zsh and fish; add 'edz --show-completion {shell}' to your profile"
        raise InputError("shell", value, hint=hint)
    try:
        target, rc = install(shell, ctx.find_root().info_name or "edz")
    except OSError as e:
        raise EdzError(f"cannot install {shell} completion: {e.strerror or e}: {e.filename or ''}".rstrip(": ")) from None
    loaded = f" (loaded from {rc})" if rc is not None else ""
    typer.echo(f"edz: {shell} completion installed in {target}{loaded}; it works in shells started from now on")
    raise typer.Exit(0)


@app.callback()
def root(
    ctx: typer.Context,
    data: DataOpt = None,
    lang: LangOpt = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="show the version and exit")
    ] = False,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            help="print the completion script for SHELL: bash, zsh or fish (or powershell) [default: this shell]",
            metavar="[SHELL]",
            callback=_show_completion,
            is_eager=True,
        ),
    ] = None,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            help="install completion for SHELL (bash, zsh or fish) in your home folder [default: this shell]",
            metavar="[SHELL]",
            callback=_install_completion,
            is_eager=True,
        ),
    ] = None,
) -> None:
    ctx.obj = State(data, lang)


# --------------------------------------------------------------------------- commands


@app.command()
def zones(
    ctx: typer.Context,
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            "-r",
            help="east, central, west, northeast (or 东部/中部/西部/东北); repeat or comma-separate for several",
            metavar="REGION",
        ),
    ] = None,
    province: Annotated[
        list[str] | None,
        typer.Option(
            "--province",
            "-p",
            help="province: 江苏省, 江苏, Jiangsu or jiangsu; repeat or comma-separate for several",
            metavar="PROVINCE",
        ),
    ] = None,
    city: Annotated[
        list[str] | None,
        typer.Option(
            "--city",
            "-c",
            help="prefecture city: 苏州市, 苏州, Suzhou, 大理 or its code 320500; repeat or comma-separate for several",
            metavar="CITY",
        ),
    ] = None,
    industry: Annotated[
        str | None,
        typer.Option("--industry", "-i", help="text in a leading industry, e.g. 生物医药 or semiconductor", metavar="TEXT"),
    ] = None,
    since: Annotated[int | None, typer.Option("--since", help="approved in or after YEAR", metavar="YEAR")] = None,
    until: Annotated[int | None, typer.Option("--until", help="approved in or before YEAR", metavar="YEAR")] = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            "-s",
            help="province, approved, id, name, city, region or area; prefix - to reverse",
            metavar="KEY",
        ),
    ] = "province",
    with_area: Annotated[
        bool, typer.Option("--with-area", help="add the area (km2) and its kind (shown with --sort area too)")
    ] = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="show at most N zones", metavar="N")] = None,
    all_: Annotated[bool, typer.Option("--all", "-a", help="include zones that have left the national list")] = False,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """List national ETDZs (the 232 active ones by default, or the roster on --as-of DATE)."""
    from . import query, views

    _check_limit(limit, 0)
    ds = _dataset(ctx)
    found = query.zone_listing(
        ds,
        region=region,
        province=province,
        city=city,
        industry=industry,
        since=since,
        until=until,
        include_removed=all_,
        sort=sort,
        limit=limit,
        as_of=as_of,
        lang=_lang(ctx, lang),
    )
    area = with_area or sort.lstrip("-") == "area"
    _emit_view(
        ctx,
        lambda lg: views.zones_view(
            ds,
            found.zones,
            lg,
            show_status=all_,
            undated=found.undated,
            total=found.total,
            day=found.day,
            beyond_data=found.beyond_data,
            uncertain=found.uncertain,
            place_notes=found.notes,
            show_area=area,
        ),
        fmt,
        lang,
        output,
    )


@app.command()
def stats(
    ctx: typer.Context,
    year: Annotated[
        str | None,
        typer.Argument(help="data year, e.g. 2023 [default: the latest]", metavar="[YEAR]"),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", "-a", help="every indicator of that year, not only the headline ones")] = False,
    zone: ZoneOpt = None,
    series: SeriesOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Aggregate figures for all national ETDZs in one year (or, with --zone, one zone's own), with unit and source."""
    from . import query, views

    ds = _dataset(ctx)
    z = _zone_option(ds, zone)
    if z is not None:
        y = query.zone_stats_year(ds, z.id, year)
        rows = query.stats_rows(ds, y, zone=z.id)
    else:
        y = query.stats_year(ds, year)
        rows = query.stats_rows(ds, y, all_indicators=all_, series=query.resolve_series(series))
    _emit_view(ctx, lambda lg: views.stats_view(ds, y, rows, lg, all_indicators=all_, zone=z), fmt, lang, output)


@app.command()
def policies(
    ctx: typer.Context,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            help="new-productive-forces, open-economy, management-reform, factor-support (or the Chinese name)",
            metavar="AREA",
        ),
    ] = None,
    doc: Annotated[
        str | None,
        typer.Option(
            "--doc",
            "-d",
            help="2025 (the work plan, 商资函〔2025〕132号), 2024 (the 2024 decision's seven requirements), sip-2024, "
            "2019 (国发〔2019〕11号), a title, or 'list' for the documents [default: 2025]",
            metavar="DOC",
        ),
    ] = None,
    points: Annotated[bool, typer.Option("--points", help="also show each measure's attested key points")] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Reform measures of a policy document (2025 work plan, 2024 decision, SIP 2024 measures, 2019 opinion), by area."""
    from . import query, views

    ds = _dataset(ctx)
    if query.wants_document_list(doc) and area is None:
        _emit_view(ctx, lambda lg: views.documents_view(ds, lg), fmt, lang)
        return
    found = query.policy_measures(ds, doc, area)
    _emit_view(ctx, lambda lg: views.policies_view(ds, found, lg, points=points), fmt, lang, output)


@app.command()
def zone(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help="id, Chinese name, short name (广州, 苏州工业园区), English name or alias",
            metavar="ZONE",
        ),
    ],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Everything about one zone, each fact with its source id; ambiguous queries list candidates (exit 1)."""
    from . import views
    from .labels import text
    from .output import resolve_lang
    from .search import resolve_zone

    ds = _dataset(ctx)
    found = resolve_zone(ds, query)
    z = found.zone
    if found.how == "typo":
        lg = resolve_lang(lang or _state(ctx).lang)
        _stderr(text("zone.read_as", lg, query=query, name=z.name_zh if lg != "en" else z.name_en, id=z.id))
    _emit_view(ctx, lambda lg: views.zone_detail_view(ds, z, lg), fmt, lang, output)


@app.command("search")
def search_cmd(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="words to look for: a zone, a measure, an indicator or a source", metavar="TEXT")],
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="only zone, measure, indicator or source", metavar="KIND"),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="at most N results", metavar="N")] = 20,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Scored search over zones, measures, indicators and sources (forgives suffixes, width, case, typos)."""
    from . import views
    from .search import resolve_kinds, search

    _check_limit(limit, 1)
    ds = _dataset(ctx)
    hits = search(ds, text, kinds=resolve_kinds(kind), limit=limit)
    _emit_view(ctx, lambda lg: views.search_view(ds, hits, lg), fmt, lang, output)


@app.command()
def sources(
    ctx: typer.Context,
    source_id: Annotated[
        str | None,
        typer.Argument(help="one source id (or its unique beginning) to show in full", metavar="[ID]"),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="official, news, repost, reference or document",
            metavar="KIND",
        ),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="text in the outlet's name: 新华社, Xinhua, China Daily", metavar="TEXT")
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """The citations behind the data: outlet, title, date, URL, and what cites each."""
    from . import query, views

    ds = _dataset(ctx)
    if source_id is not None:
        s = query.get_source(ds, source_id)
        _emit_view(ctx, lambda lg: views.source_detail_view(ds, s, lg), fmt, lang, output)
        return
    found = query.filter_sources(ds, kind, outlet)
    _emit_view(ctx, lambda lg: views.sources_view(ds, found, lg), fmt, lang, output)


@app.command()
def indicators(
    ctx: typer.Context,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """The indicators that edz stats and edz trend know, with the years each covers."""
    from . import views

    ds = _dataset(ctx)
    _emit_view(ctx, lambda lg: views.indicators_view(ds, lg), fmt, lang, output)


@app.command()
def trend(
    ctx: typer.Context,
    indicator: Annotated[
        str,
        typer.Argument(
            help="indicator id or name (edz indicators lists them), e.g. gdp",
            metavar="INDICATOR",
        ),
    ],
    start: Annotated[int | None, typer.Option("--from", help="first year", metavar="YEAR")] = None,
    end: Annotated[int | None, typer.Option("--to", help="last year", metavar="YEAR")] = None,
    zone: ZoneOpt = None,
    series: SeriesOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """One indicator year by year (all zones, or --zone one zone's own): y/y, bars, change and CAGR over the range."""
    from . import query, views
    from .output import can_encode_cjk

    ds = _dataset(ctx)
    ind = query.resolve_indicator(ds, indicator)
    choice = query.resolve_series(series)
    z = _zone_option(ds, zone)
    found = query.trend_figures(ds, ind, start, end, choice, zone=z.id if z is not None else None)
    ranges = query.range_changes(found)
    bar = "█" if can_encode_cjk() else "#"
    _emit_view(ctx, lambda lg: views.trend_view(ds, ind, found, ranges, lg, bar, choice, zone=z), fmt, lang, output)


@app.command()
def compare(
    ctx: typer.Context,
    zones: Annotated[
        list[str],
        typer.Argument(
            help="two or more zones: id, Chinese name, short name, English name or alias",
            metavar="ZONE...",
        ),
    ],
    fmt: FormatOpt = None,
    data: DataOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
) -> None:
    """Zones side by side: names, place, approval, area, industries, latest rank and latest own figures."""
    from . import query, views

    ds = _dataset(ctx)
    found = query.compare_zones(ds, zones)
    _emit_view(ctx, lambda lg: views.compare_view(ds, found, lg), fmt, lang, output)


@app.command()
def regions(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Zones by region, from the roster's dates, beside the officially reported counts."""
    from . import query, views

    ds = _dataset(ctx)
    day, beyond = query.roster_day(ds, as_of)
    present, undated = query.roster_on(ds, day)
    off_day, official = query.official_counts(ds, day)
    _emit_view(ctx, lambda lg: views.regions_view(ds, day, present, undated, off_day, official, lg, beyond), fmt, lang, output)


@app.command()
def provinces(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Zones by province (all 31 provincial units), from the roster's dates."""
    from . import query, views

    ds = _dataset(ctx)
    found = query.province_counts(ds, as_of=as_of)
    _emit_view(ctx, lambda lg: views.provinces_view(ds, found, lg), fmt, lang, output)


@app.command("map")
def map_cmd(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    since: Annotated[int | None, typer.Option("--since", help="count zones approved in or after YEAR", metavar="YEAR")] = None,
    until: Annotated[int | None, typer.Option("--until", help="count zones approved in or before YEAR", metavar="YEAR")] = None,
    value: Annotated[
        str,
        typer.Option(
            "--value",
            help="zones (the count) or share (of the national total, %)",
            metavar="VALUE",
        ),
    ] = "zones",
    regions_: Annotated[
        bool, typer.Option("--regions", help="outline the four regions (east, central, west, northeast)")
    ] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """A tile-grid map of the 31 provincial units: zones per province on --as-of DATE (default
    the data's as-of date) or approved --since/--until; the numbers are those of edz provinces."""
    from . import query, views

    ds = _dataset(ctx)
    key = query.map_value(value)
    found = query.province_counts(ds, as_of=as_of, since=since, until=until)
    _emit_view(ctx, lambda lg: views.map_view(ds, found, key, lg, regions=regions_), fmt, lang, output)


@app.command()
def history(
    ctx: typer.Context,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Zones at each year end from approval and removal dates, beside the official counts."""
    from . import query, views

    ds = _dataset(ctx)
    years = query.history(ds)
    _emit_view(ctx, lambda lg: views.history_view(ds, years, lg), fmt, lang, output)


@app.command("rankings")
def rankings_cmd(
    ctx: typer.Context,
    edition: Annotated[
        str | None,
        typer.Argument(
            help="edition year, e.g. 2024 (it ranks the previous year's data) [default: latest]",
            metavar="[EDITION]",
        ),
    ] = None,
    list_id: Annotated[
        str,
        typer.Option(
            "--list",
            help="overall, or a sub-list such as fdi or trade where published",
            metavar="LIST",
        ),
    ] = "overall",
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """MOFCOM's comprehensive evaluation results by edition; partial lists say so."""
    from . import query, views

    ds = _dataset(ctx)
    ed, rows = query.rankings(ds, query.parse_edition(ds, edition) if edition is not None else None, list_id)
    _emit_view(ctx, lambda lg: views.rankings_view(ds, ed, list_id, rows, lg), fmt, lang, output)


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="sqlite, json, csv (a folder with one file per table) or metadata (datasette)",
            metavar="FORMAT",
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="file (or folder, for csv) to write; '-' = stdout for json", metavar="PATH")
    ],
    data: DataOpt = None,
) -> None:
    """The whole dataset as SQLite, JSON or CSV, or datasette metadata for the SQLite file; written atomically."""
    from pathlib import Path

    from . import export
    from .names import choose
    from .output import emit

    key = choose("export format", fmt, export.EXPORT_FORMATS)
    ds = _dataset(ctx)
    if output == "-":
        if key not in ("json", "metadata"):
            raise InputError("output", output, hint="only json and metadata can be written to stdout")
        emit((export.export_json(ds, None) if key == "json" else export.export_metadata(ds, None)) or "")
        return
    target = Path(output)
    try:
        if key == "sqlite":
            export.export_sqlite(ds, target)
        elif key == "json":
            export.export_json(ds, target)
        elif key == "metadata":
            export.export_metadata(ds, target)
        else:
            export.export_csv(ds, target)
    except OSError as e:
        raise EdzError(f"cannot write {output}: {e.strerror or e}") from None
    _stderr(f"edz: wrote {key} export to {target}")


@app.command()
def about(
    ctx: typer.Context,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fields: FieldsOpt = None,
    no_headers: NoHeadersOpt = False,
    bom: BomOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Data version, as-of date, counts, and how much of the zone data is sourced."""
    from . import views

    ds = _dataset(ctx)
    _emit_view(ctx, lambda lg: views.about_view(ds, lg, __version__), fmt, lang, output)


@app.command()
def cite(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or bibtex", metavar="FORMAT")] = "text",
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """How to cite edz and the data version in use (plain text, or BibTeX with --format bibtex)."""
    from . import views
    from .names import choose
    from .output import emit, resolve_lang

    key = choose("citation format", fmt, CITE_FORMATS, aliases={"bib": "bibtex", "plain": "text", "txt": "text"})
    ds = _dataset(ctx)
    emit(views.citation(ds, __version__, key, resolve_lang(lang or _state(ctx).lang)))


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(help="data file [default: --data, EDZ_DATA or the bundled one]", metavar="[PATH]")
    ] = None,
    data: DataOpt = None,
) -> None:
    """Check a data file against the schema; print every problem with file:line:col or record/field."""
    from .loader import check_file

    p, problems = check_file(path or _data_path(ctx))
    for pr in problems:
        typer.echo(pr.format(str(p)))
    if problems:
        _stderr(f"edz: {len(problems)} problem{'s' if len(problems) != 1 else ''} in {p}")
        raise typer.Exit(1)
    typer.echo(f"{p}: ok")


FIELD_COMMANDS = (
    "zones", "zone", "stats", "trend", "indicators", "policies", "search", "sources",
    "regions", "provinces", "map", "history", "rankings", "compare", "about",
)  # fmt: skip


@app.command("fields")
def fields_cmd(
    ctx: typer.Context,
    command: Annotated[
        str,
        typer.Argument(help="a listing command: " + ", ".join(FIELD_COMMANDS), metavar="COMMAND"),
    ],
    fmt: FormatOpt = None,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """The fields a command's --fields can pick, with a one-line description (same as COMMAND --fields help)."""
    from .names import choose

    cmd = choose("command", command, FIELD_COMMANDS)
    ds = _dataset(ctx)
    code = _run_nested(_fields_args(cmd, ds, _data_path(ctx), lang or _state(ctx).lang, fmt))
    if code:
        raise typer.Exit(code)


def _fields_args(command: str, ds: "Dataset", data: str | None, lang: str | None, fmt: str | None) -> list[str]:
    """The command line of `COMMAND --fields help`, with sample arguments for the commands that need some."""
    first_zones = list(ds.zones)[:2]
    sample = {"zone": first_zones[:1], "compare": first_zones, "trend": [next(iter(ds.indicators), "")], "search": ["a"]}
    args = ["--data", data] if data else []
    args += ["--lang", lang] if lang else []
    return [*args, command, *sample.get(command, []), "--fields", "help"] + (["--format", fmt] if fmt else [])


def field_names(command: str, data: str | None, lang: str) -> list[tuple[str, str]]:
    """(field, description) for each field a listing command's --fields can pick, read from its
    own `--fields help` (for shell completion); [] when that fails."""
    if command not in FIELD_COMMANDS:
        return []
    from .loader import load_dataset

    ds = load_dataset(data)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = _run_nested(_fields_args(command, ds, data, lang, "tsv"))
    if code:
        return []
    rows = [line.split("\t") for line in out.getvalue().splitlines()[1:]]
    return [(r[0], r[-1] if len(r) > 2 else "") for r in rows if r and r[0]]


def _run_nested(args: list[str]) -> int:
    """Run an edz command line inside this one (never as a completion request)."""
    from typer.main import get_command

    name = _invoked_command(args)
    target = (_lean_app(name) if name is not None else None) or app
    code = get_command(target).main(args, prog_name="edz", standalone_mode=False, complete_var="_EDZ_NESTED_RUN")
    return int(code or 0)


# every command: help with plain argument names, examples, and the one-line summary of edz --help
for _info in app.registered_commands:
    _info.cls = EdzCommand
    _doc = COMMAND_DOCS.get(_info.name or (_info.callback.__name__ if _info.callback else ""))
    if _doc is not None:
        _info.short_help = _doc.summary


ROOT_OPTIONS_WITH_VALUE = ("--data", "--lang", "-l")


def _invoked_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, skipping the root options before it."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ROOT_OPTIONS_WITH_VALUE:
            skip = True
            continue
        if arg.startswith("-"):
            return None  # --help, --version, a typo: let the full app answer
        return arg
    return None


def _lean_app(name: str) -> typer.Typer | None:
    """The app with only command `name` registered (None when no command has that name)."""
    chosen = [c for c in app.registered_commands if (c.name or (c.callback.__name__ if c.callback else "")) == name]
    if len(chosen) != 1:
        return None
    lean = _new_app()
    lean.registered_callback = app.registered_callback
    lean.registered_commands = chosen
    return lean


def _app_for(argv: Sequence[str]) -> typer.Typer:
    """The app with only the invoked command registered when argv names one: Typer builds every
    registered command on each run, which costs more than the whole lookup. A completion request
    is read the same way from the words typed (`edz zones --region <TAB>` builds `zones` only).
    Help, the command name being completed and unknown commands get the full app."""
    if "_EDZ_COMPLETE" in os.environ:
        from .completion import command_words

        argv = command_words()
    name = _invoked_command(argv)
    return (_lean_app(name) if name is not None else None) or app


def main() -> None:
    """Run edz on sys.argv. The console script reaches it through `edzcli.__main__.main`, which
    installs the start-up Ctrl-C handler before this module and Typer are imported (not imported
    from here: the package has no import cycles)."""
    _guard_std_streams()
    from typer.main import get_command

    get_command(_app_for(sys.argv[1:])).main(prog_name="edz")
