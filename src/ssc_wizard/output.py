"""Writing a file all at once or not at all (``--output``, ``--save-answers``).

The text goes to a temporary file beside the target, reaches the disk, and is
then renamed over the target in one step. A failure, Ctrl-C or a signal
part-way leaves no half-written or empty file, and an existing file is
replaced only by a complete one.

A symbolic link is never followed to a file: in a folder others can write to,
a planted link would send the result over any file it names, and replacing
the link's target means resolving it in user space, which the kernel's own
guard (``fs.protected_symlinks``) cannot check. The rename replaces only the
name given, never what a link there points to, so a link planted after the
check changes nothing. Devices and pipes (``/dev/null``, ``/dev/stdout``, a
named pipe) are written into, through a link or not; a link to the file that
standard output already writes to is written through that stream.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from enum import Enum
from pathlib import Path

from ssc_wizard.errors import WizardError, reason

#: The longest file name most file systems take, in bytes.
_NAME_MAX = 255


class _How(Enum):
    #: A new or regular file: a temporary file renamed over it.
    REPLACE = "replace"
    #: A device or a pipe: written into.
    INTO = "into"
    #: The file standard output writes to, named through /dev/stdout or the like.
    STDOUT = "stdout"


def check_writable(path: Path) -> None:
    """Refuse a path that cannot be written, before anyone answers a question."""
    how = _how(path)
    if how is _How.REPLACE:
        folder = path.parent
        if not os.access(folder, os.W_OK | os.X_OK):
            raise _cannot(path, f"no permission to create files in {folder}; choose another folder")
        if os.path.lexists(path) and not os.access(path, os.W_OK):
            raise _cannot(path, "the file is read-only; choose another name")
        # Root passes every access check, even in /proc or on a read-only
        # mount: only making a file there tells, and it must tell now.
        probe = _temporary(path)
        try:
            os.close(_create(probe))
            os.unlink(probe)
        except OSError as exc:
            raise _cannot(
                path, f"no file can be made in {folder} ({reason(exc)}); choose another folder"
            ) from None
    elif how is _How.INTO and not os.access(path, os.W_OK):
        raise _cannot(path, "permission denied")


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step."""
    check_writable(path)
    data = text.encode("utf-8")
    how = _how(path)
    if how is _How.REPLACE:
        _replace(path, data)
    elif how is _How.STDOUT:
        sys.stdout.flush()
        _write_all(sys.stdout.fileno(), data, path)
    else:
        _write_into(path, data)


def same_file(one: Path, other: Path) -> bool:
    """Whether writing ``one`` would write ``other``: the same file, or the same name."""
    try:
        return os.path.samefile(one, other)
    except OSError:  # either is missing (or unreadable): then only the names can tell
        return os.path.realpath(one) == os.path.realpath(other)


def new_folder(folder: Path) -> None:
    """Make ``folder`` a new or empty folder, so that nothing in it is overwritten."""
    try:
        st: os.stat_result | None = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as exc:
        raise WizardError(f"cannot use {folder}: {reason(exc)}") from None
    if st is not None:
        empty = stat.S_ISDIR(st.st_mode) and not _entries(folder)
        if not empty:
            what = "a folder that is not empty" if stat.S_ISDIR(st.st_mode) else "not a folder"
            raise WizardError(
                f"{folder} is {what}; give a new folder's name, so that nothing is overwritten"
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WizardError(f"cannot create {folder}: {reason(exc)}") from None


def _entries(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError as exc:
        raise WizardError(f"cannot look in {folder}: {reason(exc)}") from None


def _how(path: Path) -> _How:
    """How ``path`` is written, or a WizardError saying why it cannot be."""
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        _check_folder(path)
        return _How.REPLACE
    except OSError as exc:  # a folder on the way that may not be searched, a name too long
        raise _cannot(path, reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise _cannot(path, "it is a folder; give a file name")
    if stat.S_ISREG(st.st_mode):
        return _How.REPLACE
    if not stat.S_ISLNK(st.st_mode):
        return _How.INTO
    try:
        target = os.stat(path)
    except OSError:
        target = None
    if target is not None and not stat.S_ISREG(target.st_mode):
        if stat.S_ISDIR(target.st_mode):
            raise _cannot(path, "it is a link to a folder; give a file name")
        return _How.INTO
    if target is not None and _is_stdout(target):
        return _How.STDOUT
    real = os.path.realpath(path)
    raise _cannot(
        path,
        f"it is a symbolic link (to {real}), which ssc-wizard does not write through; "
        f"give the file's own name, {real}, or remove the link",
    )


def _check_folder(path: Path) -> None:
    folder = path.parent
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        raise _cannot(path, f"the folder {folder} does not exist; create it first") from None
    except OSError as exc:
        raise _cannot(path, f"{folder}: {reason(exc)}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise _cannot(path, f"{folder} is not a folder")


def _is_stdout(target: os.stat_result) -> bool:
    try:
        return os.path.samestat(target, os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError):  # no real stdout (a test's StringIO)
        return False


def _temporary(path: Path) -> Path:
    """A new name beside ``path``, within the 255 bytes a file system allows a name."""
    suffix = f".{secrets.token_hex(4)}.tmp"
    name = f".{path.name}{suffix}"
    if len(os.fsencode(name)) > _NAME_MAX:
        name = f".ssc-wizard{suffix}"
    return path.with_name(name)


def _create(temporary: Path) -> int:
    # 0o666 less the umask, like any new file; O_EXCL never follows a link.
    return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)


def _replace(path: Path, data: bytes) -> None:
    temporary = _temporary(path)
    try:
        fd = _create(temporary)
        try:
            _keep_owner_and_mode(fd, path)
            _write_all(fd, data, path)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)  # replaces the name, never what a link there points to
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise _cannot(path, reason(exc)) from None
        raise


def _keep_owner_and_mode(fd: int, path: Path) -> None:
    """The new file takes the old one's mode, and its owner and group where allowed."""
    try:
        old = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISREG(old.st_mode):
        return
    with contextlib.suppress(OSError):  # only root may give a file to someone else
        if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
            os.fchown(fd, old.st_uid, old.st_gid)
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _write_into(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise _cannot(path, reason(exc)) from None
    try:
        # Decided again on what was opened: what the name pointed to a moment
        # ago may have changed. A regular file here would be overwritten in place.
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise _cannot(path, "it changed into a file while being written; run again")
        _write_all(fd, data, path)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes, path: Path) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise _cannot(path, reason(exc)) from None


def _cannot(path: Path, why: str) -> WizardError:
    return WizardError(f"cannot write {path}: {why}")
