"""Shell completion: the scripts bash, zsh and fish (and PowerShell) load, the protocol between
them and edz, and the values offered for every option with a closed set of values.

Protocol. A script runs `edz` with `_EDZ_COMPLETE=complete_SHELL` and the words typed so far:
bash and zsh pass COMP_WORDS (the words) and COMP_CWORD (the index of the word being completed),
fish passes COMP_WORDS (the command line up to the cursor), PowerShell Typer's _TYPER_COMPLETE_ARGS
and _TYPER_COMPLETE_WORD_TO_COMPLETE. edz answers with one candidate per line, `plain,VALUE`
(zsh: three lines, type, value and description or `_`; fish: `plain,VALUE<TAB>description`), or
`file,` when a path is expected, which makes the shell complete file names. Nothing else ever
falls back to file names. `_EDZ_COMPLETE=source_SHELL` prints the script.

Values. Closed sets known to the code (formats, languages, sort keys, kinds, series) come from the
module that checks them; values from the data (regions, provinces, cities, zones, indicators,
sources, editions, lists, areas, documents, years, fields) load the dataset through the loader and
its cache, only when such a value is being completed, and from the file --data names (before or
after the command) or EDZ_DATA. A failure of any kind offers no candidates: completion never
prints a traceback. Nothing here imports Rich.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from typer._click.core import Command, Context, Parameter
from typer._click.shell_completion import (
    CompletionItem,
    ShellComplete,
    _is_incomplete_argument,
    _is_incomplete_option,
    _resolve_context,
    _start_of_option,
    split_arg_string,
)

if TYPE_CHECKING:
    from .model import Dataset

COMPLETE_VAR = "_EDZ_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
INSTALL_SHELLS = ("bash", "zsh", "fish")
AUTO = "auto"  # --show-completion / --install-completion without a shell: the shell edz runs in

Item = str | tuple[str, str]  # a value, or (value, description) for shells that show one

# --------------------------------------------------------------------------- the scripts

BASH_SCRIPT = r"""# edz completion for bash (edz --show-completion bash); needs bash 4.4 or later for file names
%(func)s() {
    local IFS=$'\n'
    local line
    local response
    response=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" %(var)s=complete_bash "$1" 2>/dev/null)
    COMPREPLY=()
    for line in $response; do
        case "$line" in
            file,*) COMPREPLY=(); compopt -o default 2>/dev/null; return 0 ;;
            plain,*) COMPREPLY+=("${line#plain,}") ;;
        esac
    done
    return 0
}
complete -o nosort -F %(func)s %(prog)s 2>/dev/null || complete -F %(func)s %(prog)s
"""

ZSH_SCRIPT = r"""#compdef %(prog)s
# edz completion for zsh (edz --show-completion zsh)
%(func)s() {
    local -a completions
    local -a described
    local -a response
    local type key descr
    (( ! $+commands[%(prog)s] )) && return 1
    response=("${(@f)$(env COMP_WORDS="${words[*]}" COMP_CWORD=$((CURRENT-1)) %(var)s=complete_zsh %(prog)s 2>/dev/null)}")
    for type key descr in ${response}; do
        if [[ "$type" == "plain" ]]; then
            if [[ "$descr" == "_" ]]; then
                completions+=("$key")
            else
                described+=("$key":"$descr")
            fi
        elif [[ "$type" == "file" ]]; then
            _path_files -f
        fi
    done
    if [ -n "$described" ]; then
        _describe -V unsorted described -U
    fi
    if [ -n "$completions" ]; then
        compadd -U -V unsorted -a completions
    fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    %(func)s "$@"
else
    compdef %(func)s %(prog)s
fi
"""

FISH_SCRIPT = r"""# edz completion for fish (edz --show-completion fish)
function %(func)s
    set -l response (env %(var)s=complete_fish COMP_WORDS=(commandline -cp) %(prog)s 2>/dev/null)
    for completion in $response
        set -l metadata (string split -m 1 "," -- $completion)
        if test "$metadata[1]" = "file"
            __fish_complete_path $metadata[2]
        else if test "$metadata[1]" = "plain"
            echo $metadata[2]
        end
    end
end
complete --command %(prog)s --no-files --keep-order --arguments "(%(func)s)"
"""

POWERSHELL_SCRIPT = r"""# edz completion for PowerShell (edz --show-completion powershell)
Import-Module PSReadLine
Set-PSReadLineKeyHandler -Chord Tab -Function MenuComplete
$scriptblock = {
    param($wordToComplete, $commandAst, $cursorPosition)
    $Env:%(var)s = "complete_powershell"
    $Env:_TYPER_COMPLETE_ARGS = $commandAst.ToString()
    $Env:_TYPER_COMPLETE_WORD_TO_COMPLETE = $wordToComplete
    %(prog)s | ForEach-Object {
        $commandArray = $_ -Split ":::"
        $command = $commandArray[0]
        $helpString = $commandArray[1]
        [System.Management.Automation.CompletionResult]::new(
            $command, $command, 'ParameterValue', $helpString)
    }
    $Env:%(var)s = ""
    $Env:_TYPER_COMPLETE_ARGS = ""
    $Env:_TYPER_COMPLETE_WORD_TO_COMPLETE = ""
}
Register-ArgumentCompleter -Native -CommandName %(prog)s -ScriptBlock $scriptblock
"""

SCRIPTS = {
    "bash": BASH_SCRIPT,
    "zsh": ZSH_SCRIPT,
    "fish": FISH_SCRIPT,
    "powershell": POWERSHELL_SCRIPT,
    "pwsh": POWERSHELL_SCRIPT,
}


def check_shell(shell: str, allowed: Sequence[str] = SHELLS) -> str:
    """The shell named (any case), `auto` for the one edz runs in; InputError otherwise."""
    from .errors import InputError

    name = shell.strip().lower()
    if name == AUTO:
        name = detect_shell()
    if name not in allowed:
        raise InputError("shell", shell, allowed)
    return name


def detect_shell() -> str:
    """The shell edz was started from (shellingham, as Typer does), else $SHELL; InputError when
    neither tells."""
    from .errors import InputError

    name = ""
    try:
        import shellingham  # type: ignore[import-untyped]  # a dependency of Typer

        name = str(shellingham.detect_shell()[0])
    except Exception:  # no /proc, an unknown parent, shellingham missing: fall back to $SHELL
        name = Path(os.environ.get("SHELL", "")).name
    name = name.lower()
    if name not in SHELLS:
        raise InputError("shell", name or "(unknown)", hint="name it: --show-completion bash, zsh or fish")
    return name


def _func_name(prog: str) -> str:
    return "_" + re.sub(r"\W", "", prog.replace("-", "_"), flags=re.ASCII) + "_completion"


def script(shell: str, prog: str = "edz", var: str = COMPLETE_VAR) -> str:
    """The completion script for `shell` (one of SHELLS)."""
    return SCRIPTS[shell] % {"func": _func_name(prog), "prog": prog, "var": var}


def _append_line(rc: Path, line: str) -> None:
    """Add `line` to the end of a shell's start-up file unless it is there already. Appending
    (not rewriting) keeps a start-up file that is a link to a dotfiles repository a link."""
    try:
        current = rc.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        current = ""
    if line in current.splitlines():
        return
    with rc.open("a", encoding="utf-8") as f:
        f.write(("" if not current or current.endswith("\n") else "\n") + line + "\n")


def install(shell: str, prog: str = "edz", var: str = COMPLETE_VAR) -> tuple[Path, Path | None]:
    """Write the script where `shell` finds it (and the line that loads it, for bash and zsh).
    Returns (script file, start-up file changed or None)."""
    home = Path.home()
    text = script(shell, prog, var)
    rc: Path | None = None
    if shell == "bash":
        target = home / ".bash_completions" / f"{prog}.sh"
        rc = home / ".bashrc"
        line = f"source '{target}'"
    elif shell == "zsh":
        target = home / ".zfunc" / f"_{prog}"
        rc = home / ".zshrc"
        line = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
    else:  # fish loads every file of its completions folder on demand
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        target = config / "fish" / "completions" / f"{prog}.fish"
        line = ""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    if rc is not None:
        _append_line(rc, line)
    return target, rc


# --------------------------------------------------------------------------- the protocol


def _resolve(ctx: Context, args: list[str], incomplete: str) -> tuple[Command | Parameter, str, str]:
    """What completes `incomplete`: (the command or parameter, the text to complete, a prefix
    the answer must keep). Unlike Click's `_resolve_incomplete`, an option still waiting for its
    value wins over "looks like an option", so `--sort -<TAB>` offers -approved, -area, ..."""
    prefix = ""
    if incomplete == "=":  # bash splits --opt=value at '='
        incomplete = ""
    elif "=" in incomplete and _start_of_option(ctx, incomplete):
        name, _, incomplete = incomplete.partition("=")
        args.append(name)
        prefix = name + "="
    params = ctx.command.get_params(ctx)
    for param in params:
        if _is_incomplete_option(ctx, args, param):
            return param, incomplete, prefix
    if "--" not in args and _start_of_option(ctx, incomplete):
        return ctx.command, incomplete, ""
    for param in params:
        if _is_incomplete_argument(ctx, param):
            return param, incomplete, prefix
    return ctx.command, incomplete, prefix


def wants_path(param: Parameter) -> bool:
    """A parameter whose value is a file or folder: edz's metavar for those is PATH."""
    return (param.metavar or "").strip("[]") == "PATH"


def _clean(text: str, limit: int = 70) -> str:
    """A description on one line, short enough for a completion menu."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Shell(ShellComplete):
    """edz's completion for one shell: the script, the words, and a never-failing lookup."""

    name: ClassVar[str]
    keep_prefix: ClassVar[bool] = True  # the shell replaces the whole word, --opt= included

    def source_vars(self) -> dict[str, Any]:
        return {"func": _func_name(self.prog_name), "prog": self.prog_name, "var": self.complete_var}

    def source(self) -> str:
        return script(self.name, self.prog_name, self.complete_var)

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        try:
            ctx = _resolve_context(self.cli, self.ctx_args, self.prog_name, args)
            obj, incomplete, prefix = _resolve(ctx, args, incomplete)
            if isinstance(obj, Parameter) and wants_path(obj):
                return [CompletionItem(incomplete, type="file")]
            if isinstance(obj, Parameter) and obj.param_type_name == "option" and args and args[-1] in obj.opts:
                # an option waiting for its value stops Click's parser before the arguments: parse
                # the line without it, so `rankings 2010 --list <TAB>` knows the edition
                whole = _resolve_context(self.cli, self.ctx_args, self.prog_name, args[:-1])
                if whole.command is ctx.command:
                    ctx = whole
            values = completer_for(ctx.command.name, obj.name) if isinstance(obj, Parameter) else None
            if values is not None:
                items = [
                    CompletionItem(v) if isinstance(v, str) else CompletionItem(v[0], help=v[1]) for v in values(incomplete, ctx)
                ]
            else:
                items = obj.shell_complete(ctx, incomplete)
        except Exception:  # whatever went wrong, no candidates rather than a traceback
            return []
        out = []
        for item in items:
            value = str(item.value)
            if item.type == "plain" and (not value or any(c in value for c in "\n\r\t")):
                continue
            help_ = _clean(item.help) if item.help else None
            out.append(CompletionItem((prefix if self.keep_prefix else "") + value, type=item.type, help=help_))
        return out

    @staticmethod
    def words() -> tuple[list[str], str]:
        """(the complete words after the program name, the word being completed); bash and zsh
        send COMP_WORDS and COMP_CWORD, fish and PowerShell override this."""
        return _words_and_index()

    def get_completion_args(self) -> tuple[list[str], str]:
        return self.words()

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        return "\n".join(self.format_completion(item) for item in self.get_completions(args, incomplete))


def _words_and_index() -> tuple[list[str], str]:
    """bash and zsh: the words before the one being completed (program name left out), and that word."""
    words = split_arg_string(os.environ.get("COMP_WORDS", ""))
    try:
        cword = int(os.environ.get("COMP_CWORD", ""))
    except ValueError:
        cword = len(words)
    args = words[1:cword]
    incomplete = words[cword] if 0 <= cword < len(words) else ""
    if incomplete != "=" and len(args) >= 2 and args[-1] == "=" and _looks_long(args[-2]):
        args.pop()  # bash: '--region=we' arrives as '--region', '=', 'we'
    return args, incomplete


def _looks_long(word: str) -> bool:
    return word.startswith("--") and len(word) > 2


class BashComplete(_Shell):
    name = "bash"
    source_template = BASH_SCRIPT
    keep_prefix = False  # bash completes the part after '=' only

    def format_completion(self, item: CompletionItem) -> str:
        return f"{item.type},{item.value}"


class ZshComplete(_Shell):
    name = "zsh"
    source_template = ZSH_SCRIPT

    def format_completion(self, item: CompletionItem) -> str:
        help_ = item.help or "_"
        # _describe splits value and description at the first unescaped colon; compadd (used for
        # values without a description) takes the value as it is
        value = str(item.value).replace(":", r"\:") if help_ != "_" else str(item.value)
        return f"{item.type}\n{value}\n{help_}"


class FishComplete(_Shell):
    name = "fish"
    source_template = FISH_SCRIPT

    @staticmethod
    def words() -> tuple[list[str], str]:
        line = os.environ.get("COMP_WORDS", "")
        words = split_arg_string(line)
        args = words[1:]
        if args and not line[-1:].isspace():
            return args[:-1], args[-1]
        return args, ""

    def format_completion(self, item: CompletionItem) -> str:
        return f"{item.type},{item.value}" + (f"\t{item.help}" if item.help else "")


class PowerShellComplete(_Shell):
    name = "powershell"
    source_template = POWERSHELL_SCRIPT

    @staticmethod
    def words() -> tuple[list[str], str]:
        incomplete = os.environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        words = split_arg_string(os.environ.get("_TYPER_COMPLETE_ARGS", ""))
        return (words[1:-1] if incomplete else words[1:]), incomplete

    def format_completion(self, item: CompletionItem) -> str:
        return f"{item.value}:::{item.help or ' '}"


CLASSES: dict[str, type[_Shell]] = {
    "bash": BashComplete,
    "zsh": ZshComplete,
    "fish": FishComplete,
    "powershell": PowerShellComplete,
    "pwsh": PowerShellComplete,
}


def _instruction(value: str) -> tuple[str, str]:
    """(action, shell) from `complete_bash` (Typer's order) or `bash_complete` (Click's)."""
    first, _, second = value.partition("_")
    return (second, first) if first in CLASSES else (first, second)


class Wiring:
    """What only the command line (cli.py, which imports this module, never the other way round)
    knows: the listing commands, the citation formats, and how to read a command's fields."""

    field_commands: tuple[str, ...] = ()
    cite_formats: tuple[str, ...] = ()
    field_names: Callable[[str, str | None, str], list[tuple[str, str]]] | None = None


WIRING = Wiring()


def respond(cli: Command, ctx_args: dict[str, Any], prog: str, var: str, instruction: str, wiring: Wiring | None = None) -> int:
    """Answer one completion request (`_EDZ_COMPLETE=INSTRUCTION`): print the script or the
    candidates; exit status 0 even when there are none (1 only for an unknown instruction)."""
    import sys

    global WIRING
    if wiring is not None:
        WIRING = wiring

    action, shell = _instruction(instruction)
    cls = CLASSES.get(shell)
    if cls is None or action not in ("source", "complete"):
        sys.stderr.write(f"edz: error: unknown completion instruction {instruction!r} (e.g. complete_bash, source_zsh)\n")
        return 1
    comp = cls(cli, ctx_args, prog, var)
    try:
        out = comp.source() if action == "source" else comp.complete()
    except Exception:
        out = ""
    if out:
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def command_words() -> list[str]:
    """The complete words of a completion request, for picking the command to build."""
    instruction = os.environ.get(COMPLETE_VAR, "")
    action, shell = _instruction(instruction)
    cls = CLASSES.get(shell)
    if cls is None or action != "complete":
        return []
    try:
        return cls.words()[0]
    except Exception:
        return []


# --------------------------------------------------------------------------- the values

Values = Callable[[Any], "Sequence[Item] | tuple[Sequence[Item], Sequence[Item]]"]
Completer = Callable[..., list[Item]]
LIST_SEPARATORS = ",，、"


def _param(ctx: Any, name: str) -> Any:
    """A parameter's value on the command line, in the command's context or a parent's."""
    while ctx is not None:
        params = getattr(ctx, "params", None) or {}
        if params.get(name) not in (None, (), []):
            return params[name]
        ctx = getattr(ctx, "parent", None)
    return None


def _given(ctx: Any, name: str) -> bool:
    """Whether the command line itself gave parameter `name` (not its default)."""
    try:
        from typer._click.core import ParameterSource

        return bool(ctx is not None and ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE)
    except Exception:
        return False


def dataset(ctx: Any = None) -> Dataset:
    """The dataset the command line names (--data before or after the command, else EDZ_DATA,
    else the bundled one), through the loader and its cache."""
    from .loader import load_dataset

    data = _param(ctx, "data")
    return load_dataset(str(data) if data else None)


def language(ctx: Any = None) -> str:
    """The language of descriptions: --lang on the command line, else EDZ_LANG, else Chinese."""
    from .labels import LANG_ALIASES, LANGS

    for raw in (_param(ctx, "lang"), os.environ.get("EDZ_LANG")):
        if raw:
            key = str(raw).strip().lower()
            key = LANG_ALIASES.get(key, key)
            if key in LANGS:
                return key
    return "zh"


def match(candidates: Iterable[Item], incomplete: str, more: Iterable[Item] = (), lists: bool = False) -> list[Item]:
    """The candidates that complete `incomplete`: exact prefix, or ASCII prefix in any case (the
    case typed is kept). `more` are offered only once something has been typed (Chinese names
    beside ids). With `lists`, only the part after the last comma is completed and values already
    listed are left out. Values with white space are left out (bash cannot take them unquoted)."""
    head, word = "", incomplete
    taken: set[str] = set()
    if lists:
        cut = max(incomplete.rfind(sep) for sep in LIST_SEPARATORS)
        if cut >= 0:
            head, word = incomplete[: cut + 1], incomplete[cut + 1 :]
            taken = {p.strip() for p in re.split(f"[{LIST_SEPARATORS}]", head) if p.strip()}
    pool = [*candidates, *more] if word else list(candidates)
    folded = word.casefold()
    out: list[Item] = []
    seen: set[str] = set()
    for cand in pool:
        value, help_ = (cand, None) if isinstance(cand, str) else cand
        if not value or value in seen or value in taken or any(c.isspace() for c in value):
            continue
        if value.startswith(word):
            done = value
        elif value.isascii() and word.isascii() and value.casefold().startswith(folded):
            done = word + value[len(word) :]
        else:
            continue
        seen.add(value)
        out.append(head + done if help_ is None else (head + done, help_))
    return out


def completer(values: Values, lists: bool = False) -> Completer:
    """A completion callback, `complete(incomplete, ctx)`, offering `values(ctx)`: a list of
    candidates, or (first, more) where `more` are offered only once something has been typed.
    Never raises."""

    def complete(incomplete: str, ctx: Any = None) -> list[Item]:
        try:
            got = values(ctx)
            first, more = got if isinstance(got, tuple) else (got, ())
            return match(first, incomplete or "", more, lists=lists)
        except Exception:  # a broken data file, an odd command line: nothing to offer
            return []

    return complete


def _name(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


# static sets: each from the module that checks the value


def _listed(module: str, name: str) -> Values:
    """Values of a static set: the items of `edzcli.<module>.<name>`, imported only when completing."""

    def values(ctx: Any) -> list[Item]:
        import importlib

        return list(getattr(importlib.import_module(f"edzcli.{module}"), name))

    return values


def _langs(ctx: Any) -> list[Item]:
    return [("zh", "中文"), ("en", "English")]


def _cite_formats(ctx: Any) -> list[Item]:
    return list(WIRING.cite_formats)


def _sorts(ctx: Any) -> tuple[list[Item], list[Item]]:
    from .query import ZONE_SORTS

    return list(ZONE_SORTS), [f"-{k}" for k in ZONE_SORTS]


def _shells(ctx: Any) -> list[Item]:
    return list(SHELLS)


def _field_commands(ctx: Any) -> list[Item]:
    return list(WIRING.field_commands)


# sets from the data


def _regions(ctx: Any) -> tuple[list[Item], list[Item]]:
    ds, lg = dataset(ctx), language(ctx)
    return [(r.id, _name(lg, r.name_zh, r.name_en)) for r in ds.regions.values()], [r.name_zh for r in ds.regions.values()]


def _provinces(ctx: Any) -> tuple[list[Item], list[Item]]:
    ds, lg = dataset(ctx), language(ctx)
    provinces = sorted(ds.provinces.values(), key=lambda p: p.id)
    return [(p.id, _name(lg, p.name_zh, p.name_en)) for p in provinces], [
        *(p.short_zh for p in provinces),
        *(p.name_zh for p in provinces),
    ]


def _cities(ctx: Any) -> tuple[list[Item], list[Item]]:
    """Chinese city names (each city of a two-city zone) with their code, then the 6-digit codes
    with their city, then the pinyin names."""
    from .search import city_parts

    ds = dataset(ctx)
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    latin: set[str] = set()
    for z in ds.zones.values():
        parts = city_parts(z.city_zh)
        zone_codes = [c for c in (z.city_code, z.city_code_2) if c]
        paired = len(parts) == len(zone_codes)
        for i, part in enumerate(parts):
            names.setdefault(part, zone_codes[i] if paired else "")
        for i, code in enumerate(zone_codes):
            codes.setdefault(code, parts[i] if paired else z.city_zh)
        latin.add(z.city_en)
    first: list[Item] = [(n, code) if code else n for n, code in sorted(names.items())]
    more: list[Item] = [*sorted(codes.items()), *sorted(latin)]
    return first, more


def _areas(ctx: Any) -> tuple[list[Item], list[Item]]:
    """Area ids (of the --doc given, if any), then their Chinese names."""
    ds, lg = dataset(ctx), language(ctx)
    areas = list(ds.areas.values())
    doc = _param(ctx, "doc")
    if doc:
        try:
            from .query import resolve_document

            only = resolve_document(ds, str(doc))
            areas = [a for a in areas if a.document == only]
        except Exception:  # an unknown --doc: offer every area
            pass
    return [(a.id, _name(lg, a.name_zh, a.name_en)) for a in areas], [a.name_zh for a in areas]


def _documents(ctx: Any) -> list[Item]:
    from .query import DOCUMENT_LIST

    ds, lg = dataset(ctx), language(ctx)
    docs: list[Item] = [(d.key, _name(lg, d.title_zh, d.title_en)) for d in ds.documents.values()]
    return [*docs, (DOCUMENT_LIST, "列出文件" if lg != "en" else "list the documents")]


def _indicators(ctx: Any) -> tuple[list[Item], list[Item]]:
    from .labels import INDICATOR_ALIASES

    ds, lg = dataset(ctx), language(ctx)
    first: list[Item] = [(i.id, _name(lg, i.name_zh, i.name_en)) for i in ds.indicators.values()]
    more: list[Item] = [a for a, target in INDICATOR_ALIASES.items() if target in ds.indicators]
    return first, more


def _zones(ctx: Any) -> tuple[list[Item], list[Item]]:
    """Zone ids with the zone's name, then Chinese names, short names and aliases."""
    ds, lg = dataset(ctx), language(ctx)
    zones = list(ds.zones.values())
    first: list[Item] = [(z.id, _name(lg, z.name_zh, z.name_en)) for z in zones]
    more: list[Item] = [*(z.name_zh for z in zones), *(z.short_zh for z in zones)]
    more += [(a, z.id) for z in zones for a in z.aliases]
    return first, more


def _years(ctx: Any) -> list[Item]:
    """Years with full-year figures (those `stats` takes), newest first."""
    from .query import full_year_years

    return [str(y) for y in reversed(full_year_years(dataset(ctx)))]


def _editions(ctx: Any) -> list[Item]:
    """Editions, newest first (only those of --list when it was given), with the year each ranks."""
    ds = dataset(ctx)
    wanted = _param(ctx, "list_id") if _given(ctx, "list_id") else None
    eds = sorted({(r.edition, r.data_year) for r in ds.rankings if wanted is None or r.list == wanted}, reverse=True)
    lg = language(ctx)
    return [(str(e), f"{y} 年数据" if lg != "en" else f"ranks {y}") for e, y in eds]


def _lists(ctx: Any) -> list[Item]:
    """Ranking lists (those of the edition given, if any), each with its editions."""
    ds = dataset(ctx)
    edition = _param(ctx, "edition")
    by_list: dict[str, set[int]] = {}
    for r in ds.rankings:
        by_list.setdefault(r.list, set()).add(r.edition)
    if edition is not None and str(edition).strip().isdigit():
        e = int(str(edition))
        by_list = {k: v for k, v in by_list.items() if e in v} or by_list
    return [(k, ", ".join(str(e) for e in sorted(v, reverse=True))) for k, v in sorted(by_list.items())]


def _sources(ctx: Any) -> list[Item]:
    """Source ids with outlet and title, in the language shown (as `edz sources` shows them)."""
    from .labels import local

    ds, lg = dataset(ctx), language(ctx)
    return [
        (s.id, f"{s.outlet_en if lg == 'en' and s.outlet_en else s.outlet}: {local(s, 'title', lg)}") for s in ds.sources.values()
    ]


def _fields(ctx: Any) -> list[Item]:
    """The fields of the command being completed, from its own `--fields help`."""
    command = getattr(getattr(ctx, "command", None), "name", None)
    if not command or WIRING.field_names is None:
        return []
    return list(WIRING.field_names(command, _param(ctx, "data"), language(ctx)))


complete_lang = completer(_langs)
complete_format = completer(_listed("output", "FORMATS"))
complete_export_format = completer(_listed("export", "EXPORT_FORMATS"))
complete_cite_format = completer(_cite_formats)
complete_sort = completer(_sorts)
complete_search_kind = completer(_listed("labels", "SEARCH_KINDS"))
complete_source_kind = completer(_listed("labels", "SOURCE_KINDS"))
complete_series = completer(_listed("query", "SERIES_CHOICES"))
complete_map_value = completer(_listed("query", "MAP_VALUES"))
complete_shell = completer(_shells)
complete_field_command = completer(_field_commands)
complete_region = completer(_regions, lists=True)
complete_province = completer(_provinces, lists=True)
complete_city = completer(_cities, lists=True)
complete_area = completer(_areas)
complete_doc = completer(_documents)
complete_indicator = completer(_indicators)
complete_zone = completer(_zones)
complete_year = completer(_years)
complete_edition = completer(_editions)
complete_list = completer(_lists)
complete_source = completer(_sources)
complete_fields = completer(_fields, lists=True)


# the completer of each parameter (by its Python name), and where a name means different things
BY_PARAM: dict[str, Completer] = {
    "lang": complete_lang,
    "fmt": complete_format,
    "sort": complete_sort,
    "region": complete_region,
    "province": complete_province,
    "city": complete_city,
    "zone": complete_zone,
    "query": complete_zone,
    "zones": complete_zone,
    "series": complete_series,
    "fields": complete_fields,
    "area": complete_area,
    "doc": complete_doc,
    "year": complete_year,
    "start": complete_year,
    "end": complete_year,
    "indicator": complete_indicator,
    "edition": complete_edition,
    "list_id": complete_list,
    "source_id": complete_source,
    "show_completion": complete_shell,
    "install_completion": complete_shell,
}
BY_COMMAND: dict[tuple[str, str], Completer] = {
    ("export", "fmt"): complete_export_format,
    ("cite", "fmt"): complete_cite_format,
    ("search", "kind"): complete_search_kind,
    ("sources", "kind"): complete_source_kind,
    ("map", "value"): complete_map_value,
    ("fields", "command"): complete_field_command,
}


def completer_for(command: str | None, param: str | None) -> Completer | None:
    """The completion callback of parameter `param` of `command`, if its values are a closed set."""
    if param is None:
        return None
    return BY_COMMAND.get((command or "", param)) or BY_PARAM.get(param)
