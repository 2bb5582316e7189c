"""The cache of guides read before: the same guide as its YAML gives, never a stale
one, and nothing it holds is ever an error."""

from __future__ import annotations

import datetime
import json
import os
import pickle
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ssc_wizard import guide_cache, loader
from ssc_wizard.errors import DataError
from ssc_wizard.loader import default_data_dir, examine_guide, load_guide
from ssc_wizard.model import Choice, Source, texts
from ssc_wizard.starter import example_dir

from conftest import MINI, TESTS, GuideDir, console_script

SCRIPTED = ["-a", "card_state=not_damaged", "-a", "district=lixia", "--format", "json"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(guide_cache.FOLDER_VARIABLE, str(folder))
    return folder


@pytest.fixture
def no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading a guide's YAML fails the test: a guide must come from the cache."""

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the guide's YAML was read again")

    monkeypatch.setattr(loader, "_examine_files", refuse)


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"*{guide_cache.SUFFIX}"))


def copy_of(source: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "guide"
    folder.mkdir()
    for name in loader.GUIDE_FILES:
        (folder / name).write_bytes((source / name).read_bytes())
    return folder


@pytest.mark.parametrize(
    "source", [default_data_dir(), example_dir(), MINI, TESTS / "guides" / "dated"], ids=str
)
def test_a_guide_from_the_cache_is_the_guide_its_yaml_gives(
    source: Path, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of(source, tmp_path)
    from_yaml = load_guide(folder)
    assert len(entries(cache)) == 1

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the guide's YAML was read again")

    monkeypatch.setattr(loader, "_examine_files", refuse)
    kept = load_guide(folder)
    assert kept == from_yaml
    assert kept is not from_yaml
    assert list(texts(kept)) == list(texts(from_yaml))
    if source.name == "dated":  # its sources and days, each of its own type
        outcome = kept.scenarios.outcomes["go_small"]
        assert outcome.checked == datetime.date(2025, 9, 1)
        assert outcome.source == from_yaml.scenarios.outcomes["go_small"].source
        assert kept.scenarios.shared["common"] == from_yaml.scenarios.shared["common"]
        assert kept.offices.offices["desk"].source == Source(url="https://example.org/desk")
        assert kept.scenarios.guide.recheck_after_days == 180


def test_an_edit_is_seen_even_when_size_and_time_are_the_same(
    guide_dir: GuideDir, cache: Path
) -> None:
    folder = guide_dir()
    scenarios = folder / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    before = load_guide(folder)
    stat = scenarios.stat()
    title = before.scenarios.guide.title.get("en")
    edited = text.replace(title, title[::-1] if title[::-1] != title else title.upper(), 1)
    assert edited != text and len(edited) == len(text)
    scenarios.write_text(edited, encoding="utf-8")
    os.utime(scenarios, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as a restore from backup would

    after = load_guide(folder)
    assert after.scenarios.guide.title.get("en") != title
    assert after.scenarios.guide.title.get("en") in edited


def test_a_broken_edit_is_reported_at_its_position_not_hidden_by_the_cache(
    guide_dir: GuideDir, cache: Path
) -> None:
    folder = guide_dir()
    load_guide(folder)
    scenarios = folder / "scenarios.yaml"
    scenarios.write_text(scenarios.read_text(encoding="utf-8") + "start: twice\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_guide(folder)
    lines = scenarios.read_text(encoding="utf-8").count("\n")
    assert f"{scenarios}:{lines}:1: duplicate key 'start'" in str(raised.value)


def damaged_entries() -> dict[str, bytes]:
    return {
        "empty": b"",
        "cut short": b'{"cache": "ssc-wizard guide cache", "lay',
        "not JSON": b"\x00\xff garbage \n more",
        "JSON of another shape": b"[1, 2, 3]\n{}",
        "a pickle": pickle.dumps({"guide": 1}),
        "nested without end": b"[" * 100_000 + b"\n" + b"[" * 100_000,
    }


@pytest.mark.parametrize("content", damaged_entries().values(), ids=damaged_entries().keys())
def test_a_damaged_entry_is_ignored_and_replaced(
    content: bytes, guide_dir: GuideDir, cache: Path
) -> None:
    folder = guide_dir()
    expected = load_guide(folder)
    (entry,) = entries(cache)
    entry.write_bytes(content)

    assert load_guide(folder) == expected
    assert load_guide(folder) == expected
    assert entry.read_bytes() != content  # written again, whole


def test_an_entry_whose_body_changed_is_not_trusted(guide_dir: GuideDir, cache: Path) -> None:
    """Its last line says what the rest was: a body altered since, even into other
    valid data of the right shape, is not served."""
    folder = guide_dir()
    title = load_guide(folder).scenarios.guide.title.get("en")
    (entry,) = entries(cache)
    body, seal = entry.read_bytes().rsplit(b"\n", 1)
    assert title.encode() in body
    entry.write_bytes(body.replace(title.encode(), b"Forged") + b"\n" + seal)

    assert load_guide(folder).scenarios.guide.title.get("en") == title


def test_an_entry_of_another_version_or_layout_is_a_miss(
    guide_dir: GuideDir, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = guide_dir()
    load_guide(folder)
    made_from = guide_cache.key(loader.read_folder(folder).values())
    assert guide_cache.read(cache, folder, made_from) is not None
    monkeypatch.setattr(guide_cache, "__version__", "0.0.1")
    assert guide_cache.key(loader.read_folder(folder).values()) != made_from
    monkeypatch.setattr(guide_cache, "LAYOUT", guide_cache.LAYOUT + 1)
    assert guide_cache.read(cache, folder, made_from) is None


def test_a_build_whose_parts_have_other_fields_has_other_keys(
    guide_dir: GuideDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A development build of the same version may add a field to a part."""
    files = loader.read_folder(guide_dir()).values()
    before = guide_cache.key(files)
    monkeypatch.setattr(Choice, "fields", (*Choice.fields, "hint"))
    assert guide_cache.key(files) != before


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="chown needs root")
def test_an_entry_of_another_user_is_not_trusted(guide_dir: GuideDir, cache: Path) -> None:
    folder = guide_dir()
    load_guide(folder)
    made_from = guide_cache.key(loader.read_folder(folder).values())
    assert guide_cache.read(cache, folder, made_from) is not None
    (entry,) = entries(cache)
    os.chown(entry, 4242, -1)
    assert guide_cache.read(cache, folder, made_from) is None


@pytest.mark.parametrize("where", ["a file", "below a file"])
def test_a_cache_folder_that_cannot_be_written_is_only_slower(
    where: str, guide_dir: GuideDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    folder_of_cache = blocker if where == "a file" else blocker / "cache"
    monkeypatch.setenv(guide_cache.FOLDER_VARIABLE, str(folder_of_cache))
    folder = guide_dir()
    assert load_guide(folder) == load_guide(folder)
    assert blocker.read_text() == "not a folder"


def test_the_cache_can_be_turned_off(
    guide_dir: GuideDir, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(guide_cache.OFF_VARIABLE, "1")
    load_guide(guide_dir())
    assert not cache.exists()


def run_with_entry(
    make: Callable[[Path], None], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """A run of the command on a guide whose cache entry ``make`` has replaced."""
    folder = copy_of(MINI, tmp_path)
    cache = tmp_path / "cache"
    env = {**os.environ, guide_cache.FOLDER_VARIABLE: str(cache)}
    argv = [console_script(), "--data-dir", str(folder), "offices", "--format", "json"]
    first = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert first.returncode == 0, first.stderr
    (entry,) = entries(cache)
    entry.unlink()
    make(entry)
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=20, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, first.stdout, "")
    return done


def make_pipe(path: Path) -> None:
    os.mkfifo(path)


def make_link_to_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def make_device(path: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("making a device needs root")
    os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero's


@pytest.mark.slow
@pytest.mark.parametrize(
    "make", [make_pipe, make_link_to_zero, make_device], ids=lambda f: f.__name__
)
def test_an_entry_that_is_no_file_is_ignored_without_waiting_or_reading_forever(
    make: Callable[[Path], None], tmp_path: Path
) -> None:
    """A pipe would wait for ever, /dev/zero never end: neither is an entry."""
    run_with_entry(make, tmp_path)


def test_pruning_forgets_only_entries_and_temporary_files_a_killed_run_left(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder set to a folder of the user's own loses nothing of theirs."""
    monkeypatch.setattr(guide_cache, "KEPT", 1)
    cache.mkdir()
    theirs = [cache / f"{n:032x}{guide_cache.SUFFIX}" for n in range(5)]
    for path in theirs:
        path.write_text("my notes\n")
    left = cache / f"{guide_cache.TEMPORARY}abc.tmp"
    writing = cache / f"{guide_cache.TEMPORARY}def.tmp"
    for path in (left, writing):
        path.write_text("half an entry")
    two_hours_ago = time.time() - 7200
    os.utime(left, (two_hours_ago, two_hours_ago))
    for n in range(3):
        folder = tmp_path / f"guide{n}"
        folder.mkdir()
        for name in loader.GUIDE_FILES:
            (folder / name).write_bytes((MINI / name).read_bytes())
        load_guide(folder)
    assert all(path.read_text() == "my notes\n" for path in theirs)
    assert len(entries(cache)) == len(theirs) + 1
    assert not left.exists()
    assert writing.exists()


def test_check_always_reads_the_files(guide_dir: GuideDir, cache: Path, no_yaml: None) -> None:
    folder = guide_dir()
    with pytest.raises(AssertionError, match="YAML was read again"):
        examine_guide(folder)


def test_entries_are_kept_per_folder_and_the_oldest_go(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guide_cache, "KEPT", 3)
    folders = []
    for n in range(5):
        folder = tmp_path / f"guide{n}"
        folder.mkdir()
        for name in loader.GUIDE_FILES:
            (folder / name).write_bytes((MINI / name).read_bytes())
        folders.append(folder)
        load_guide(folder)
        load_guide(folder)  # a hit writes nothing new
    assert len(entries(cache)) == 3
    assert not list(cache.glob(f"{guide_cache.TEMPORARY}*"))


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        (
            "linux",
            {"HOME": "/home/li", "XDG_CACHE_HOME": "/var/cache/li"},
            "/var/cache/li/ssc-wizard",
        ),
        ("linux", {"HOME": "/home/li", "XDG_CACHE_HOME": "relative"}, "/home/li/.cache/ssc-wizard"),
        ("linux", {"HOME": "/home/li"}, "/home/li/.cache/ssc-wizard"),
        ("darwin", {"HOME": "/Users/li"}, "/Users/li/Library/Caches/ssc-wizard"),
        (
            "win32",
            {"LOCALAPPDATA": "C:/Users/li/AppData/Local"},
            "C:/Users/li/AppData/Local/ssc-wizard/Cache",
        ),
        ("linux", {"HOME": "/home/li", "SSC_WIZARD_CACHE_DIR": "/srv/c"}, "/srv/c"),
        ("linux", {"HOME": "/home/li", "SSC_WIZARD_NO_CACHE": "1"}, None),
        ("linux", {"HOME": "/home/li", "SSC_WIZARD_NO_CACHE": "yes"}, None),
        ("linux", {"HOME": "/home/li", "SSC_WIZARD_NO_CACHE": ""}, "/home/li/.cache/ssc-wizard"),
        ("linux", {"HOME": "/home/li", "SSC_WIZARD_NO_CACHE": "0"}, "/home/li/.cache/ssc-wizard"),
        ("linux", {"HOME": "/home/li", "SSC_WIZARD_NO_CACHE": "off"}, "/home/li/.cache/ssc-wizard"),
        ("linux", {}, None),
    ],
)
def test_the_cache_lives_where_the_platform_keeps_caches(
    platform: str, environ: dict[str, str], expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    found = guide_cache.folder(environ)
    assert (found.as_posix() if found is not None else None) == expected


@pytest.mark.slow
def test_runs_at_the_same_moment_all_give_the_whole_result(tmp_path: Path) -> None:
    """Eight runs at once on a guide none of them has seen, then eight that find it kept."""
    folder = copy_of(default_data_dir(), tmp_path)
    env = {**os.environ, guide_cache.FOLDER_VARIABLE: str(tmp_path / "cache")}
    outputs = []
    for _ in range(2):
        runs = [
            subprocess.Popen(
                [console_script(), "--data-dir", str(folder), *SCRIPTED],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
            for _ in range(8)
        ]
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err.decode()
            outputs.append(out)
    assert len(set(outputs)) == 1
    assert json.loads(outputs[0])["outcome"]
    assert len(entries(tmp_path / "cache")) == 1
    assert not list((tmp_path / "cache").glob(f"{guide_cache.TEMPORARY}*"))
