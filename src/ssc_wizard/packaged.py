"""The folders the wheel carries inside the package: the guide, the example, the catalogs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def folder(name: str) -> Path:
    """``name`` inside the package, as installed.

    From a checkout (an editable install), a folder the wheel copies from the top
    of the repository (``data``, ``examples``) is found there. A real folder
    either way: its files are named in messages and compared with the files a
    command writes.
    """
    package = resources.files("ssc_wizard")
    packaged = package / name
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(str(package)).resolve().parents[1] / name
