"""edz: China's national-level economic and technological development zones, offline.

    >>> from edzcli import load_dataset
    >>> ds = load_dataset()
    >>> len(ds.active_zones)
    232

Nothing is parsed or imported at import time: names below load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__license__ = "MIT"  # the code (LICENSE)
DATA_LICENSE = "CC-BY-4.0"  # the compiled dataset, data/zones.toml (docs/decisions.md says why)
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
AUTHORS = "edz developers"

__all__ = [
    "DATA_LICENSE",
    "DataError",
    "Dataset",
    "EdzError",
    "InputError",
    "NotFoundError",
    "__version__",
    "load_dataset",
    "to_dataframe",
]

if TYPE_CHECKING:  # pragma: no cover
    from .errors import DataError, EdzError, InputError, NotFoundError
    from .frames import to_dataframe
    from .loader import load_dataset
    from .model import Dataset

_LAZY = {
    "load_dataset": "loader",
    "Dataset": "model",
    "DataError": "errors",
    "EdzError": "errors",
    "InputError": "errors",
    "NotFoundError": "errors",
    "to_dataframe": "frames",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'edzcli' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
