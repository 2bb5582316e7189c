"""Guides read before, kept so that the next run need not read their YAML.

Reading a guide's YAML and checking it costs little for Jinan's but about a
second for a guide of 10,000 questions and outcomes, and it needs PyYAML and
pydantic's validators, which a run that finds its guide here never loads.

A guide is kept as lines of JSON (never pickle: reading the cache can run no
code), one file per guide folder, sealed by a last line with the key of what
it was made from (the bytes of both files, the tool's version and the
languages it speaks) and a hash of the lines above. A run whose files give
another key reads the YAML again, as does any run that finds a file it cannot
trust: cut short, damaged, of another layout, not the user's own, or no
regular file at all (a link, a pipe, a device). Nothing about the cache is
ever an error: a cache folder that cannot be made or written to is only a
slower run. A new entry is written to a temporary file and renamed into
place, so that runs at the same moment each read a whole entry, old or new.
Pruning forgets only files that end with an entry's seal. ``check`` never
reads the cache. ``LAYOUT`` changes with every change to what ``lines``
writes.

Where: ``SSC_WIZARD_CACHE_DIR`` if set, else the platform's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS,
``%LOCALAPPDATA%`` on Windows) under ``ssc-wizard``. ``SSC_WIZARD_NO_CACHE``
set to anything but empty, 0, false, no or off turns it off.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from stat import S_ISREG
from typing import Any

from ssc_wizard import __version__
from ssc_wizard.lang import LANGS
from ssc_wizard.model import (
    EMPTY_MAP,
    Choice,
    District,
    Guide,
    GuideInfo,
    Include,
    Law,
    Localized,
    Office,
    OfficeRole,
    Offices,
    Outcome,
    Question,
    Scenarios,
    Source,
    SourcedText,
)
from ssc_wizard.process import collector_paused, switched_on
from ssc_wizard.records import Record

FOLDER_VARIABLE = "SSC_WIZARD_CACHE_DIR"
OFF_VARIABLE = "SSC_WIZARD_NO_CACHE"
#: Changes whenever the layout of an entry does: an entry of another layout is a miss.
LAYOUT = 2
#: What marks a file as an entry of this cache.
MARK = "ssc-wizard guide cache"
#: An entry's file name is a hash of its guide folder's path, and this.
SUFFIX = ".guide.jsonl"
#: What a temporary file, written before it is renamed into an entry, starts with.
TEMPORARY = ".ssc-wizard-"
#: Entries kept: the least recently written go first.
KEPT = 32
#: Larger than any entry of a guide within the size limit of its files.
MAX_ENTRY_BYTES = 64 * 1024 * 1024


def folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where the cache is kept; None when it is turned off or there is nowhere to keep it."""
    if switched_on(OFF_VARIABLE, environ):
        return None
    if chosen := environ.get(FOLDER_VARIABLE):
        return Path(chosen)
    home = environ.get("HOME") or environ.get("USERPROFILE")
    if sys.platform == "win32":
        base = environ.get("LOCALAPPDATA")
        return Path(base, "ssc-wizard", "Cache") if base else None
    if sys.platform == "darwin":
        return Path(home, "Library", "Caches", "ssc-wizard") if home else None
    xdg = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG rule: a relative path is to be ignored
        return Path(xdg, "ssc-wizard")
    return Path(home, ".cache", "ssc-wizard") if home else None


def key(files: Iterable[bytes]) -> str:
    """What a guide is made from, as a hash: its files, this version, its languages,
    and the fields of its parts (a build of the same version may change them)."""
    fields = " ".join(f"{part.__name__}:{','.join(part.fields)}" for part in _FIELDS)
    made = f"{LAYOUT} {__version__} {' '.join(LANGS)} {fields}"
    digest = hashlib.blake2b(digest_size=32)
    for part in (made.encode(), *files):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def _entry(cache: Path, guide_dir: Path) -> Path:
    named = hashlib.blake2b(os.fsencode(os.path.abspath(guide_dir)), digest_size=16)
    return cache / f"{named.hexdigest()}{SUFFIX}"


def read(cache: Path, guide_dir: Path, made_from: str) -> Guide | None:
    """The guide kept for ``guide_dir`` if it was made from ``made_from``, else None."""
    try:
        data = _entry_bytes(_entry(cache, guide_dir))
        if data is None:
            return None
        body, last = data.rsplit(b"\n", 1)
        written = hashlib.blake2b(body, digest_size=16)
        written.update(b"\n")  # the last line break of the body, before the seal
        if json.loads(last) != _seal(made_from, written):
            return None  # made from other files, by another version, or damaged since
        with collector_paused():
            return from_lines(body.split(b"\n"))
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # missing, cut short, or not ours: read the YAML instead


#: Opening an entry: never through a link, never waiting on a pipe.
_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _entry_bytes(path: Path, tail: bool = False) -> bytes | None:
    """An entry's bytes (or only its last ones), if it is a file of this user's and
    of a size an entry can have; else None. A link, a pipe or a device never is."""
    with open(os.open(path, _OPEN), "rb") as file:
        stat = os.fstat(file.fileno())
        if not S_ISREG(stat.st_mode) or stat.st_size > MAX_ENTRY_BYTES:
            return None
        if hasattr(os, "getuid") and stat.st_uid != os.getuid():
            return None  # another user's file, in a shared folder: not to be trusted
        if tail:
            file.seek(max(0, stat.st_size - 1024))
        data = file.read(MAX_ENTRY_BYTES + 1)
    return data if len(data) <= MAX_ENTRY_BYTES else None


def _seal(made_from: str, body: Any) -> dict[str, object]:
    """An entry's last line: whose it is, what it was made from, and the hash of the rest."""
    return {"cache": MARK, "layout": LAYOUT, "key": made_from, "body": body.hexdigest()}


def write(cache: Path, guide_dir: Path, made_from: str, guide: Guide) -> None:
    """Keep ``guide`` for the next run; never fails, at worst keeps nothing."""
    temporary = None
    try:
        cache.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache, prefix=TEMPORARY, suffix=".tmp")
        with open(handle, "wb") as file:
            body = hashlib.blake2b(digest_size=16)
            for line in lines(guide):
                file.write(line)
                body.update(line)
            file.write(json.dumps(_seal(made_from, body)).encode())
        os.replace(temporary, _entry(cache, guide_dir))
        temporary = None
        _prune(cache)
    except OSError:
        pass  # a read-only or full disk: the next run reads the YAML again
    finally:
        if temporary is not None:
            _forget(Path(temporary))


def _prune(cache: Path) -> None:
    """Keep the KEPT entries written last; forget temporary files a killed run left."""
    entries = sorted(
        (path for path in cache.glob(f"*{SUFFIX}") if _is_entry(path)), key=_written, reverse=True
    )
    for stale in entries[KEPT:]:
        _forget(stale)
    an_hour_ago = time.time() - 3600  # no write takes that long: its writer is gone
    for left in cache.glob(f"{TEMPORARY}*.tmp"):
        if _written(left) < an_hour_ago:
            _forget(left)


def _is_entry(path: Path) -> bool:
    """Whether a file is an entry of this cache: one that ends with its seal."""
    try:
        data = _entry_bytes(path, tail=True)
    except OSError:
        return False
    return data is not None and f'"cache": "{MARK}"'.encode() in data.rsplit(b"\n", 1)[-1]


def _written(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def lines(guide: Guide) -> Iterator[bytes]:
    """A guide as lines of JSON, each ending in a line break: first all but the
    questions and outcomes, then one line for each of those.

    Each part is a mapping of its fields, each text the mapping of its
    languages. Kept apart, a large guide's thousands of questions and outcomes
    are read back as that many byte strings, which the garbage collector never
    walks, and each is made into a part only when looked up; written one by
    one, the entry never needs the memory of the whole. Written with pydantic's
    serializers, which made the guide just before: the cache is written only
    once a guide has been read from its YAML.
    """
    from ssc_wizard.validators import validator

    scenarios = guide.scenarios.replace(questions=EMPTY_MAP, outcomes=EMPTY_MAP)
    rest = {
        "scenarios": validator(Scenarios).dump_python(scenarios, mode="json"),
        "offices": validator(Offices).dump_python(guide.offices, mode="json"),
    }
    yield json.dumps(rest, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    for kind, parts, part in (
        (b"question", guide.scenarios.questions, Question),
        (b"outcome", guide.scenarios.outcomes, Outcome),
    ):
        serializer = validator(part)
        for name, value in parts.items():
            yield b"%s\t%s\t%s\n" % (kind, name.encode(), serializer.dump_json(value))


def from_lines(body: list[bytes]) -> Guide:
    """The guide ``lines`` wrote, read back without pydantic. The data is trusted
    to be of that shape: its checksum says it is what was written."""
    rest = json.loads(body[0])
    parts: dict[bytes, dict[str, bytes]] = {b"question": {}, b"outcome": {}}
    for line in body[1:]:
        kind, name, data = line.split(b"\t", 2)
        parts[kind][name.decode()] = data
    scenarios = rest["scenarios"]  # its questions and outcomes were left empty
    scenarios["questions"] = OnDemand(parts[b"question"], _of_json(Question))
    scenarios["outcomes"] = OnDemand(parts[b"outcome"], _of_json(Outcome))
    return Guide(scenarios=_build(Scenarios, scenarios), offices=_build(Offices, rest["offices"]))


Convert = Callable[[Any], Any]


class OnDemand(Mapping[str, Any]):
    """A mapping of a guide's parts, each made from its JSON when first looked up."""

    __slots__ = ("_data", "_made", "_make")

    def __init__(self, data: dict[str, bytes], make: Convert) -> None:
        self._data = data
        self._make = make
        self._made: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._made[key]
        except KeyError:
            made = self._made[key] = self._make(self._data[key])
            return made

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def _build(part: type, data: dict[str, Any]) -> Any:
    convert = _FIELDS[part]
    return part(
        **{name: convert[name](value) if name in convert else value for name, value in data.items()}
    )


def _text(data: dict[str, str] | None) -> Localized | None:
    return None if data is None else Localized(data)


def _day(data: str | None) -> datetime.date | None:
    return None if data is None else datetime.date.fromisoformat(data)


def _source(data: dict[str, Any] | None) -> Source | None:
    return None if data is None else _build(Source, data)


def _item(data: dict[str, Any]) -> Localized | SourcedText | Include:
    # Neither `include` nor `text` is a language's code: no item is taken for another.
    if "include" in data:
        return Include(**data)
    return _build(SourcedText, data) if "text" in data else Localized(data)


def _of(part: type) -> Convert:
    return lambda data: _build(part, data)


def _of_json(part: type) -> Convert:
    return lambda text: _build(part, json.loads(text))


def _each(convert: Convert) -> Convert:
    return lambda items: [convert(item) for item in items]


def _by_id(convert: Convert) -> Convert:
    return lambda items: {name: convert(item) for name, item in items.items()}


#: How each field that is not a plain value is made back, part by part.
_FIELDS: dict[type[Record], dict[str, Convert]] = {
    GuideInfo: {"title": _text, "source": _text, "more_help": _text, "checked": _day},
    Source: {"title": _text},
    SourcedText: {"text": _text, "source": _source, "checked": _day},
    Choice: {"label": _text},
    Question: {
        "text": _text,
        "help": _text,
        "choices": _by_id(_of(Choice)),
        "retired": _by_id(_text),
    },
    Include: {},
    Law: {
        "law": _text,
        "article": _text,
        "text": _text,
        "why": _text,
        "source": _source,
        "checked": _day,
    },
    OfficeRole: {"role": _text},
    Outcome: {
        "ask": tuple,
        "title": _text,
        "summary": _text,
        "steps": _each(_item),
        "note": _text,
        "offices": _each(_of(OfficeRole)),
        "materials": _each(_item),
        "source": _source,
        "checked": _day,
    },
    Scenarios: {
        "guide": _of(GuideInfo),
        # questions and outcomes: made by from_lines, each when first looked up
        "shared": _by_id(_each(_item)),
        "laws": _by_id(_of(Law)),
    },
    Office: {
        "name": _text,
        "address": _text,
        "hours": _text,
        "source": _source,
        "checked": _day,
    },
    District: {"name": _text},
    Offices: {"offices": _by_id(_of(Office)), "districts": _by_id(_of(District))},
}
