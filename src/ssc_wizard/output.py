"""Writing a file all at once or not at all (``--output``, ``--save-answers``).

The text goes to a temporary file beside the target, reaches the disk, and is
then renamed over the target in one step. A failure or Ctrl-C part-way leaves
no half-written or empty file, and an existing file is replaced only by a
complete one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from ssc_wizard.errors import WizardError


def check_writable(path: Path) -> None:
    """Refuse a path that cannot be written, before anyone answers a question."""
    if _special(path):
        if not os.access(path, os.W_OK):
            raise _cannot(path, "permission denied")
        return
    target = _target(path)
    folder = target.parent
    if target.is_dir():
        raise _cannot(path, "it is a folder; give a file name")
    if not folder.is_dir():
        raise _cannot(path, f"the folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _cannot(path, f"no permission to create files in {folder}; choose another folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise _cannot(path, "the file is read-only; choose another name")


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step."""
    check_writable(path)
    if _special(path):
        _write_into(path, text)
        return
    target = _target(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        # 0o666 less the umask, like any new file; an existing file keeps its mode.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with open(fd, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise _cannot(path, exc.strerror or str(exc)) from None
        raise


def _cannot(path: Path, why: str) -> WizardError:
    return WizardError(f"cannot write {path}: {why}")


def _special(path: Path) -> bool:
    """/dev/null, /dev/stdout, a named pipe: written into, never replaced."""
    return path.exists() and not path.is_file() and not path.is_dir()


def _write_into(path: Path, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as exc:
        raise _cannot(path, exc.strerror or str(exc)) from None


def _target(path: Path) -> Path:
    # Through a symbolic link to the file it points to, which is what gets replaced.
    return Path(os.path.realpath(path))
