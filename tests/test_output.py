"""Writing a file all at once or not at all."""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ssc_wizard import output
from ssc_wizard.errors import WizardError
from ssc_wizard.output import check_writable, new_folder, same_file, write_atomically

ROOT = os.geteuid() == 0  # root may write anywhere: permission cases cannot be staged


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_whole_text_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomically(target, "历下区\nline two\n")
    assert target.read_bytes() == "历下区\nline two\n".encode()
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_mode_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        write_atomically(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o600)
        write_atomically(kept, "new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert kept.read_text() == "new"
    finally:
        os.umask(old_umask)


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failure_part_way_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException, step: str
) -> None:
    target = tmp_path / "result.md"
    target.write_text("the complete old result\n")

    def fail(*args: object) -> None:
        raise failure

    monkeypatch.setattr(output.os, step, fail)
    expected = WizardError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as caught:
        write_atomically(target, "the new result, " * 1000)
    if expected is WizardError:
        assert str(caught.value) == f"cannot write {target}: No space left on device"
    assert target.read_text() == "the complete old result\n"
    assert _leftovers(tmp_path) == []


def test_a_failure_leaves_no_empty_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(output.os, "fsync", fail)
    with pytest.raises(WizardError, match="Input/output error"):
        write_atomically(tmp_path / "new.md", "text")
    assert list(tmp_path.iterdir()) == []


def test_a_link_to_a_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    message = f"it is a symbolic link (to {real}), which ssc-wizard does not write through"
    with pytest.raises(WizardError, match=re.escape(message)):
        check_writable(link)
    with pytest.raises(WizardError, match=re.escape(message)):
        write_atomically(link, "new")
    assert link.is_symlink() and real.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_a_link_to_a_device_is_written_into(tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    write_atomically(link, "nothing to see")
    assert link.is_symlink()


def test_a_file_with_other_hard_links_is_replaced_and_they_keep_the_old_text(
    tmp_path: Path,
) -> None:
    target, other = tmp_path / "result.md", tmp_path / "other.md"
    target.write_text("old")
    os.link(target, other)
    write_atomically(target, "new")
    assert (target.read_text(), other.read_text()) == ("new", "old")


@pytest.mark.skipif(not ROOT, reason="only root may give a file to someone else")
def test_a_file_of_someone_else_keeps_its_owner_when_root_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "theirs.md"
    target.write_text("old")
    os.chown(target, 65534, 65534)
    write_atomically(target, "new")
    assert (target.stat().st_uid, target.stat().st_gid, target.read_text()) == (
        65534,
        65534,
        "new",
    )


@pytest.mark.parametrize("where", ["name", "folder"])
def test_a_name_too_long_is_refused_with_the_reason(tmp_path: Path, where: str) -> None:
    long = "a" * 300
    path = tmp_path / long / "out.md" if where == "folder" else tmp_path / long
    with pytest.raises(WizardError, match="File name too long"):
        check_writable(path)


@pytest.mark.parametrize("name", ["a" * 242, "a" * 255, "卡" * 85])
def test_a_name_near_the_longest_allowed_is_written_and_leaves_no_temporary_file(
    tmp_path: Path, name: str
) -> None:
    write_atomically(tmp_path / name, "whole\n")
    assert os.listdir(tmp_path) == [name]
    assert (tmp_path / name).read_text() == "whole\n"


def test_a_folder_where_no_file_can_be_made_is_refused_before_writing() -> None:
    # Root passes every access check in /proc: only trying to make a file tells.
    with pytest.raises(WizardError, match=r"^cannot write /proc/result\.md: "):
        check_writable(Path("/proc/result.md"))


def test_same_file_sees_links_and_missing_names(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("x")
    (tmp_path / "link.yaml").symlink_to(real)
    assert same_file(tmp_path / "link.yaml", real)
    assert same_file(tmp_path / "new.md", tmp_path / "." / "new.md")
    assert not same_file(tmp_path / "new.md", real)


def test_a_new_guide_folder_must_be_new_or_empty(tmp_path: Path) -> None:
    new_folder(tmp_path / "fresh")
    new_folder(tmp_path / "fresh")  # empty: still fine
    (tmp_path / "fresh" / "x").write_text("x")
    with pytest.raises(WizardError, match="is a folder that is not empty"):
        new_folder(tmp_path / "fresh")
    with pytest.raises(WizardError, match="is not a folder"):
        new_folder(tmp_path / "fresh" / "x")
    with pytest.raises(WizardError, match="File name too long"):
        new_folder(tmp_path / ("a" * 300))


def test_a_named_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()))
    reader.start()
    write_atomically(pipe, "through the pipe\n")
    reader.join(timeout=10)
    assert received == ["through the pipe\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing/out.md", "the folder {tmp}/missing does not exist; create it first"),
        (".", "it is a folder; give a file name"),
    ],
)
def test_unwritable_paths_are_refused_up_front(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    with pytest.raises(WizardError) as caught:
        check_writable(path)
    assert str(caught.value) == f"cannot write {path}: {message.format(tmp=tmp_path)}"
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(ROOT, reason="root may write in a read-only folder")
def test_read_only_folder_and_file_are_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "old.md").write_text("old")
    (locked / "old.md").chmod(0o444)
    locked.chmod(0o555)
    try:
        with pytest.raises(WizardError, match="no permission to create files in"):
            write_atomically(locked / "new.md", "x")
        with pytest.raises(WizardError, match="the file is read-only"):
            check_writable(locked / "old.md")
    finally:
        locked.chmod(0o755)
    assert (locked / "old.md").read_text() == "old"


#: The installed command, with the disk made to receive SIGTERM or SIGHUP in
#: the middle of writing the file: a real signal to a real process.
KILLED_WHILE_WRITING = """
import os, sys
from ssc_wizard import cli
signum = int(sys.argv.pop(1))
os.fsync = lambda fd: os.kill(os.getpid(), signum)
cli.main()
"""


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["sigterm", "sighup"])
@pytest.mark.parametrize("flag", ["--output", "--save-answers"])
def test_a_signal_while_writing_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, signum: int, flag: str
) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("the complete old file\n")
    argv = [str(signum), "-a", "card_state=not_damaged", "-a", "district=lixia", flag, str(target)]
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signum, done.stderr  # ended by the signal itself
    assert "Traceback" not in done.stderr
    assert target.read_text() == "the complete old file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]
