"""Exceptions with the exit status each one maps to.

Exit codes (also documented in the README):
0 success (also when the reader of a pipe went away), 1 the answer is "no" or the data is broken
(not found, ambiguous, invalid or refused data file), a failed export, a closed or full stdout,
2 the command line is wrong (unknown option value, bad number, unknown year ...),
3 a bug, 130 Ctrl-C, 143 SIGTERM.
"""

from __future__ import annotations

from collections.abc import Iterable


class EdzError(Exception):
    """Base class: a one-line message for stderr and an exit status."""

    exit_code = 1


class DataError(EdzError):
    """The dataset file is unreadable or does not follow the schema."""

    exit_code = 1

    def __init__(self, path: str, message: str, line: int | None = None, col: int | None = None):
        self.path = path
        self.line = line
        self.col = col
        self.detail = message
        where = path
        if line is not None:
            where += f":{line}"
            if col is not None:
                where += f":{col}"
        super().__init__(f"{where}: {message}")


class NotFoundError(EdzError):
    """A lookup found nothing (or more than one thing); the question was valid."""

    exit_code = 1

    def __init__(self, message: str, candidates: Iterable[str] = ()):
        self.candidates = list(candidates)
        super().__init__(message)


class InputError(EdzError):
    """A value on the command line is not one of the valid ones."""

    exit_code = 2

    def __init__(
        self,
        what: str,
        value: object,
        valid: Iterable[str] = (),
        suggestion: str | None = None,
        hint: str | None = None,
        listing: str | None = None,
    ):
        self.what = what
        self.value = value
        self.valid = list(valid)
        self.suggestion = suggestion
        msg = f"unknown {what} {value!r}" if hint is None else f"invalid {what} {value!r}: {hint}"
        if suggestion:
            msg += f"; did you mean {suggestion!r}?"
        if self.valid and listing and len(self.valid) > 12:
            msg += f" (valid values: see '{listing}')"
        elif self.valid:
            shown = self.valid if len(self.valid) <= 12 else [*self.valid[:12], "..."]
            msg += " (valid: " + ", ".join(shown) + ")"
        super().__init__(msg)


# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: shown escaped
# in any message, so a value typed by the user or read from a file cannot start a second line
# (`edz zone $'x\nedz: error: ...'`) or send terminal escapes.
_ESCAPES = {c: repr(chr(c))[1:-1] for c in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)}


def one_line(text: str) -> str:
    """`text` with every control character escaped repr-style (a newline becomes `\\n`)."""
    return text.translate(_ESCAPES)


def quote(value: object) -> str:
    """A user value as shown in a message: quoted, control characters escaped (repr-style)."""
    return repr(str(value))
