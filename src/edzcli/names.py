"""The forgiving-input rules, once: how typed text is normalised, how a value is chosen from a
closed set ("one of …; did you mean …"), and how numbers typed by users are parsed.

Every module that accepts a name from a user goes through here, so the rules are the same for a
format, a region, a sort key, a source id and a zone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from .errors import InputError

# generic zone words, longest first: stripped before matching so that the place name decides
ZONE_SUFFIXES_ZH = ("国家级经济技术开发区", "经济技术开发区", "经济开发区", "经开区", "开发区")
ZONE_SUFFIXES_EN = re.compile(
    r"\s*(national\s+)?(economic[\s-]+(and[\s-]+)?technological[\s-]+development[\s-]+(zone|area|district)|etdz|edz)\s*$"
)


def normalize(text: str) -> str:
    """Fold width (ＡＢＣ → abc), case and surrounding space; join internal space runs."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def strip_suffix(text: str) -> str:
    """normalize() plus the zone suffixes removed: 广州经开区 → 广州, Tianjin ETDZ → tianjin."""
    t = normalize(text)
    for s in ZONE_SUFFIXES_ZH:
        if t.endswith(s) and len(t) > len(s):
            t = t[: -len(s)]
            break
    t = ZONE_SUFFIXES_EN.sub("", t).strip()
    return t.replace("-", " ").replace("'", "")


def suggest(text: str, options: Iterable[str]) -> str | None:
    """The option closest to `text` (normalised), or None when nothing is close."""
    import difflib

    opts = list(dict.fromkeys(options))
    found = difflib.get_close_matches(normalize(text), [normalize(o) for o in opts], n=1, cutoff=0.5)
    if not found:
        return None
    for o in opts:
        if normalize(o) == found[0]:
            return o
    return None  # pragma: no cover


def choose(what: str, value: str, valid: Sequence[str], *, aliases: Mapping[str, str] | None = None) -> str:
    """`value` as one of `valid` (trimmed, case-folded, `aliases` applied), else the InputError
    "unknown WHAT 'value'; did you mean …? (valid: …)". Underscores count as hyphens (zh_CN = zh-cn)."""
    key = value.strip().lower().replace("_", "-")
    if aliases:
        key = aliases.get(key, key)
    if key in valid:
        return key
    raise InputError(what, value, valid, suggest(value, valid))


def resolve_name(what: str, text: str, names: Mapping[str, Sequence[str]], valid: Sequence[str]) -> str:
    """The id whose names include `text` (normalised), else InputError with a suggestion."""
    key = normalize(text)
    for rid, options in names.items():
        if any(normalize(o) == key for o in options if o):
            return rid
    every = [o for opts in names.values() for o in opts if o]
    raise InputError(what, text, valid, suggest(text, every))


def parse_int(what: str, text: str, valid: Sequence[str] = ()) -> int:
    """A whole number typed by a user (surrounding space allowed), else InputError listing `valid`."""
    try:
        return int(text.strip())
    except ValueError:
        raise InputError(what, text, valid) from None
