"""pyHanko without its network stack when nothing is fetched (issue 16).

Signing a proposal imported aiohttp (about 0.1 s of CPU in a cold proposal command) through two package
``__init__`` files: ``pyhanko.sign.timestamps`` imports its aiohttp timestamp client, and
``pyhanko_certvalidator.fetchers.aiohttp_fetchers`` (imported by pyHanko's signer through its AdES
validation module) imports aiohttp itself. Yet a proposal fetches nothing unless the bank configures a
timestamp server (validation here never fetches: ``allow_fetching=False``).

``install`` puts both packages in place as modules whose real ``__init__`` runs on first use of a name
it defines (the timestamp client's, or the aiohttp fetcher backend when one is made); their submodules
import as usual. It is done only for the ``__init__`` files known byte for byte (pyHanko 0.38,
pyhanko-certvalidator 0.33, by sha256): any other version, or a frozen build without the source files,
imports pyHanko as it is. Call ``install`` before the first pyHanko import.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import sys
import threading
import types
from pathlib import Path

# package -> (its __init__'s sha256, the names it binds that pyHanko imports eagerly and uses only by calling
# them: each is a stand-in that runs the real __init__ on its first call)
KNOWN = {
    "pyhanko.sign.timestamps": ("ef4edaabc36fa3540bacea89c5a63ae75550fdef84361da0670454de34eefb66", ()),
    "pyhanko_certvalidator.fetchers.aiohttp_fetchers": (
        "8ae5545fc43828085090c6e5e7b86c00f8fa83e3932221f4b1da0a23e64fc6eb", ("AIOHttpFetcherBackend",)),
}
# what pyhanko.sign.timestamps's __init__ binds, by submodule: these import without aiohttp except the first
TIMESTAMP_NAMES = {"HTTPTimeStamper": "aiohttp_client", "TimeStamper": "api", "TimestampRequestError": "common_utils",
                   "DummyTimeStamper": "dummy_client"}
_lock = threading.RLock()


def _folder(package: str) -> Path | None:
    top, *rest = package.split(".")
    spec = importlib.util.find_spec(top) if top not in sys.modules else sys.modules[top].__spec__
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*rest)


def _lazy_package(name: str, init: Path, called: tuple[str, ...]) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
    module.__spec__.submodule_search_locations = [str(init.parent)]
    module.__path__ = [str(init.parent)]
    module.__package__ = name
    module.__file__ = str(init)
    loaded = []

    def load() -> None:
        with _lock:
            if not loaded:
                loaded.append(True)
                for stand_in in called:
                    module.__dict__.pop(stand_in, None)
                importlib.machinery.SourceFileLoader(name, str(init)).exec_module(module)

    def __getattr__(attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        if name == "pyhanko.sign.timestamps" and attr in TIMESTAMP_NAMES and not loaded:
            value = getattr(importlib.import_module(f"{name}.{TIMESTAMP_NAMES[attr]}"), attr)
            setattr(module, attr, value)
            return value
        load()
        return module.__dict__[attr] if attr in module.__dict__ else object.__getattribute__(module, attr)

    def stand_in_for(attr: str):
        def made(*args, **kwargs):
            load()
            return module.__dict__[attr](*args, **kwargs)
        made.__name__ = made.__qualname__ = attr
        return made

    for attr in called:
        setattr(module, attr, stand_in_for(attr))
    module.__getattr__ = __getattr__
    return module


def install() -> list[str]:
    """Put the known packages in place as lazy modules; the names of those put (none if pyHanko is imported
    already or its files are not the ones known)."""
    done = []
    with _lock:
        if "pyhanko.sign" in sys.modules:
            return done
        for name, (digest, called) in KNOWN.items():
            if name in sys.modules:
                continue
            folder = _folder(name)
            try:
                init = folder / "__init__.py" if folder else None
                if init is None or hashlib.sha256(init.read_bytes()).hexdigest() != digest:
                    continue
            except OSError:
                continue
            sys.modules[name] = _lazy_package(name, init, called)
            done.append(name)
    return done
