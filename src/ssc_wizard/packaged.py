"""The folders the wheel carries inside the package: the guide, the example, the catalogs.

Found beside this module rather than through ``importlib.resources``: its
``files()`` costs every run about 3 ms at start-up (measured), and offers
nothing here, since the folders must be real ones (their files are named in
messages and compared with the files a command writes), never inside a zip.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent


def folder(name: str) -> Path:
    """``name`` inside the package, as installed; from a checkout (an editable
    install), a folder the wheel copies from the top of the repository
    (``data``, ``examples``) is found there."""
    packaged = _PACKAGE / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.resolve().parents[1] / name
