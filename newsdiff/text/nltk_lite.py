"""Load nltk's Punkt and Snowball modules without running nltk's package `__init__`.

nltk's `__init__` imports nearly all of nltk, and scipy.stats whenever scipy is installed,
so `from nltk.tokenize.punkt import ...` costs 0.7 s in a clean environment and twice that
beside scipy. The two modules newsdiff uses need only a handful of nltk's leaf modules.

They are loaded from nltk's own files under their real names, with bare stand-in parent
packages registered only while they load. Afterwards every `nltk` entry this added to
`sys.modules` is removed again, so a later `import nltk` by the caller (or by another library)
runs the real package from scratch; the loaded modules keep their own references. When nltk
is already imported, its modules are used as they are.

Punkt also imports, for training, saving and loading models from paths (never done here),
`nltk.pathsec` (which imports http.client, ssl and urllib.request), `nltk.internals`,
`nltk.probability`, `nltk.picklesec`, `nltk.tabdata`, `nltk.tokenize.util` (through
xml.sax.saxutils, urllib.request again) and `nltk.termsec`: about half of the load. While
loading, each is stood in for by a module holding only the names Punkt takes from it, each
a function that imports the real module (nltk's `__init__` included) when first called;
the stand-ins live only in newsdiff's private copy of Punkt. Should a later nltk take any
other name from them, the load is retried with the real modules.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

# The parent packages stood in for while loading: their `__init__` is what is skipped.
_PARENTS = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus")
_PUNKT = "nltk.tokenize.punkt"
_SNOWBALL = "nltk.stem.snowball"
# The leaf modules Punkt imports for what newsdiff never does, and the names it takes.
_DEFERRED = {
    "nltk.pathsec": ("open", "validate_path", "ensure_private_dir", "_is_windows_device_name"),
    "nltk.internals": ("overridden",),
    "nltk.picklesec": ("allowlisted_pickle_load",),
    "nltk.probability": ("FreqDist",),
    "nltk.tabdata": ("TabEncoder", "PunktDecoder"),
    # Imports xml.sax.saxutils, which imports urllib.request.
    "nltk.tokenize.util": ("string_span_tokenize",),
    # Printing for training, demos and debugging (Punkt, Snowball and Porter).
    "nltk.termsec": ("safe_print",),
}
_LOCK = threading.Lock()
_LOADED: list[tuple[ModuleType, ModuleType]] = []


class _NoStopwords:
    """Stand in for nltk.corpus.stopwords, which needs downloaded data newsdiff never uses."""

    def __getattr__(self, name: str) -> NoReturn:
        raise RuntimeError("nltk stopwords are not available to newsdiff's Snowball stemmer")


def _stand_in(name: str, folder: Path) -> ModuleType:
    """Return an empty package `name` whose submodules are found in `folder`."""
    module = ModuleType(name)
    spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
    spec.submodule_search_locations = [str(folder)]
    module.__spec__ = spec
    module.__path__ = [str(folder)]
    module.__package__ = name
    return module


def _deferred(module: str, name: str) -> Callable[..., Any]:
    """Return a function that calls `module.name`, importing the real module on first call."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


def _stand_in_leaf(name: str, names: tuple[str, ...]) -> ModuleType:
    """Return a module `name` holding only deferred functions for `names`."""
    module = ModuleType(name)
    for attr in names:
        setattr(module, attr, _deferred(name, attr))
    return module


def _modules() -> tuple[ModuleType, ModuleType]:
    """Return nltk's punkt and snowball modules, loaded at most once per process."""
    if _LOADED:
        return _LOADED[0]
    # Under the lock: threads of one Dask worker may segment their first clusters at once.
    with _LOCK:
        if not _LOADED:
            _LOADED.append(_load())
        return _LOADED[0]


def _load() -> tuple[ModuleType, ModuleType]:
    """Load nltk's punkt and snowball modules (the caller holds the lock)."""
    if "nltk" in sys.modules:
        return importlib.import_module(_PUNKT), importlib.import_module(_SNOWBALL)
    spec = importlib.util.find_spec("nltk")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("No module named 'nltk'", name="nltk")
    root = Path(spec.origin).parent
    try:
        return _load_from(root, defer=True)
    except (ImportError, AttributeError):
        # This nltk takes more from the deferred modules: load the real ones.
        return _load_from(root, defer=False)


def _load_from(root: Path, defer: bool) -> tuple[ModuleType, ModuleType]:
    """Load punkt and snowball from nltk's folder `root` under stand-in parent packages."""
    before = set(sys.modules)
    try:
        for name in _PARENTS:
            sys.modules[name] = _stand_in(name, root.joinpath(*name.split(".")[1:]))
        # snowball.py reads `stopwords` at import; only ignore_stopwords=True would use it.
        sys.modules["nltk.corpus"].stopwords = _NoStopwords()  # type: ignore[attr-defined]
        for name, names in _DEFERRED.items() if defer else ():
            sys.modules[name] = leaf = _stand_in_leaf(name, names)
            parent, _, child = name.rpartition(".")
            setattr(sys.modules[parent], child, leaf)
        return importlib.import_module(_PUNKT), importlib.import_module(_SNOWBALL)
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]


def punkt() -> Any:
    """Return nltk's `nltk.tokenize.punkt` module."""
    return _modules()[0]


def snowball() -> Any:
    """Return nltk's `nltk.stem.snowball` module."""
    return _modules()[1]
