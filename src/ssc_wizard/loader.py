"""Read a guide folder: its files' bytes, and the guide they make.

``load_guide`` gives a guide read before from the same files from the cache
(``guide_cache``); otherwise, and always for ``check``, it hands the texts to
``parsing``, which turns every problem into ``file:line:column: message``.
All validation happens before the first question.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ssc_wizard import guide_cache, packaged
from ssc_wizard.errors import DataError, Problem, WizardError, reason

if TYPE_CHECKING:
    import datetime

    from ssc_wizard.model import Guide
    from ssc_wizard.parsing import Examination

SCENARIOS_FILE = "scenarios.yaml"
OFFICES_FILE = "offices.yaml"
GUIDE_FILES = (SCENARIOS_FILE, OFFICES_FILE)


def default_data_dir() -> Path:
    """The guide shipped with the program (Jinan's)."""
    return packaged.folder("data")


def load_guide(data_dir: Path) -> Guide:
    """The guide in ``data_dir``, or a DataError listing every problem in it.

    A guide read before from the very same files comes from the cache
    (``guide_cache``), without reading its YAML again.
    """
    files = read_folder(data_dir)
    cache = guide_cache.folder()
    if cache is None:
        return _examine_files(data_dir, files, warnings=False).checked()
    made_from = guide_cache.key(files.values())
    kept = guide_cache.read(cache, data_dir, made_from)
    if kept is not None:
        return kept
    guide = _examine_files(data_dir, files, warnings=False).checked()
    guide_cache.write(cache, data_dir, made_from, guide)
    return guide


def examine_guide(data_dir: Path, as_of: datetime.date | None = None) -> Examination:
    """Every error and warning in a guide folder, for ``ssc-wizard check``: always
    read from its files, never from the cache. ``as_of``: see ``parsing.examine``."""
    return _examine_files(data_dir, read_folder(data_dir), warnings=True, as_of=as_of)


def read_folder(data_dir: Path) -> dict[str, bytes]:
    """Both files' bytes; a folder or a file that cannot be read is a WizardError."""
    try:
        is_folder = stat.S_ISDIR(os.stat(data_dir).st_mode)
        what = f"{data_dir} is not a folder"
    except (FileNotFoundError, NotADirectoryError):
        is_folder, what = False, f"data folder not found: {data_dir}"
    except OSError as exc:  # a folder on the way that may not be searched, a name too long
        is_folder, what = False, f"cannot open the data folder {data_dir}: {reason(exc)}"
    if not is_folder:
        raise WizardError(
            f"{what}. Give --data-dir (or SSC_WIZARD_DATA) "
            f"a folder holding {SCENARIOS_FILE} and {OFFICES_FILE}."
        )
    missing = f"file not found; a guide folder holds {SCENARIOS_FILE} and {OFFICES_FILE}."
    return {name: read_bytes(data_dir / name, missing=missing) for name in GUIDE_FILES}


def _examine_files(
    data_dir: Path,
    files: dict[str, bytes],
    *,
    warnings: bool,
    as_of: datetime.date | None = None,
) -> Examination:
    # Here, not at the top: the YAML reader, pydantic's validators and the
    # checks cost a start-up more than the rest of a run, and a guide from the
    # cache needs none of them.
    from ssc_wizard.parsing import Examination, examine

    texts: dict[str, str] = {}
    unreadable: list[Problem] = []
    for name, raw in files.items():
        try:
            texts[name] = decode(data_dir / name, raw)
        except DataError as exc:  # not UTF-8: the other file may still be read
            unreadable += exc.problems
    if unreadable:
        return Examination(None, unreadable)
    return examine(
        texts[SCENARIOS_FILE],
        texts[OFFICES_FILE],
        scenarios_file=str(data_dir / SCENARIOS_FILE),
        offices_file=str(data_dir / OFFICES_FILE),
        warnings=warnings,
        as_of=as_of,
    )


#: The largest file read, data or answers: checked before parsing, so that a
#: huge file (or a device such as /dev/zero) is refused at once. A guide of
#: 10,000 questions and outcomes takes 8 MB; Jinan's takes 20 KB.
MAX_FILE_BYTES = 10 * 1024 * 1024


def read_text(path: Path, *, missing: str = "file not found") -> str:
    """A UTF-8 file's text (a byte-order mark is allowed); any failure says what to do."""
    return decode(path, read_bytes(path, missing=missing))


def read_bytes(path: Path, *, missing: str = "file not found") -> bytes:
    """A file's bytes, at most MAX_FILE_BYTES of them; any failure says what to do."""
    too_big = WizardError(
        f"{path}: the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MiB, the most "
        "ssc-wizard reads (README: What ssc-wizard refuses); is it the right file?"
    )
    try:
        # Not blocking on open: a named pipe nobody writes to reads as empty
        # instead of waiting for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)
        with open(fd, "rb") as file:
            if os.fstat(fd).st_size > MAX_FILE_BYTES:
                raise too_big
            raw = file.read(MAX_FILE_BYTES + 1)  # a pipe or a device has no size to ask
    except FileNotFoundError:
        raise WizardError(f"{path}: {missing}") from None
    except IsADirectoryError:
        raise WizardError(f"{path}: this is a folder, not a file") from None
    except OSError as exc:
        raise WizardError(f"{path}: cannot read it: {reason(exc)}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise too_big
    return raw


def decode(path: Path, raw: bytes) -> str:
    """A file's bytes as UTF-8 text, or a DataError at the first byte that is not."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DataError([Problem(str(path), 1, 1, "the file is saved as UTF-16; save it as UTF-8")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from ssc_wizard.yamlio import position_at

        before = raw[: exc.start].decode("utf-8-sig")  # valid up to there
        line, column = position_at(before, len(before))
        raise DataError(
            [Problem(str(path), line, column, "not valid UTF-8 text; save the file as UTF-8")]
        ) from None
