"""Sources and outputs that are not plain files: pipes, devices, symbolic link loops, a disk that
fills up part way, and the temporary file a killed export leaves behind. Each case runs the
real command (in a process of its own where it could block or is killed)."""

from __future__ import annotations

import os
import resource
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary_export import export_deck
from glossary_export.cli import cli
from support_seed import SEED

GOOD_CSV = "term,definition\nBias,A systematic error.\nDrift,A change over time.\n"
PREFIX = ".glossary-export-"
"""How the README says temporary files are named."""
ROOT = os.geteuid() == 0


def _process(*args: str, cwd: Path, **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.Popen(
        [sys.executable, "-m", "glossary_export", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[call-overload]
    )


def _run(*args: str, cwd: Path, **kwargs: object) -> tuple[int, str, str]:
    with _process(*args, cwd=cwd, **kwargs) as process:
        stdout, stderr = process.communicate(timeout=60)
    return process.returncode, stdout, stderr


def _invoke(folder: Path, *args: str) -> tuple[int, list[str]]:
    """Run the command in ``folder`` through click: (status, stderr lines)."""
    old = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr.splitlines()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.csv").write_text(GOOD_CSV, encoding="utf-8")
    return tmp_path


# --- sources -----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_named_pipe_as_source_is_refused_without_waiting(folder: Path, command: str) -> None:
    os.mkfifo(folder / "pipe.csv")
    outputs = ["-o", "out.csv"] if command == "export" else []
    # Nothing ever writes to the pipe: opening it would block until the timeout.
    status, stdout, stderr = _run(command, "pipe.csv", *outputs, cwd=folder)
    assert (status, stdout) == (1, "")
    assert stderr == (
        "Error: pipe.csv: this is a pipe, not a glossary file; to read from a pipe, pass - and "
        "send it to standard input\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["good.csv", "pipe.csv"]


def test_a_socket_as_source_is_refused(folder: Path) -> None:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "glossary.sock"))
        status, errors = _invoke(folder, "check", "glossary.sock")
    assert status == 1
    assert errors == [
        "Error: glossary.sock: this is a special file, not a glossary file; name a file"
    ]


def test_standard_input_from_a_pipe_is_still_read(folder: Path) -> None:
    status, stdout, _ = _run("check", "-", cwd=folder, stdin=open(folder / "good.csv"))  # noqa: SIM115
    assert status == 0
    assert "unique terms: 2" in stdout


# --- outputs -----------------------------------------------------------------------------------


@pytest.mark.parametrize("links", [1, 2])
def test_an_output_that_is_a_symlink_loop_is_one_line(folder: Path, links: int) -> None:
    names = [f"loop{n}.csv" for n in range(links)]
    for name, following in zip(names, [*names[1:], names[0]], strict=True):
        (folder / name).symlink_to(following)
    status, errors = _invoke(folder, "export", "good.csv", "-o", "loop0.csv")
    assert status == 1
    assert errors == [
        "Error: loop0.csv: this output is a symbolic link that loops; remove the link or name "
        "another file"
    ]


def _device(folder: Path, name: str, minor: int) -> Iterator[Path]:
    """A character device like /dev/null (minor 3) or /dev/full (minor 7): made in ``folder``
    when running as root, which could replace the real one if the code were wrong; else the
    real one, which a user cannot replace."""
    if ROOT:
        path = folder / name
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        except PermissionError:  # a container without CAP_MKNOD
            pytest.skip("cannot make a device node here")
        yield path
        return
    real = Path("/dev") / name
    if not real.exists():
        pytest.skip(f"no {real} on this system")
    yield real


@pytest.fixture
def null(folder: Path) -> Iterator[Path]:
    yield from _device(folder, "null", 3)


@pytest.fixture
def full(folder: Path) -> Iterator[Path]:
    yield from _device(folder, "full", 7)


def _is_device(path: Path) -> bool:
    return stat.S_ISCHR(path.stat().st_mode)


@pytest.mark.parametrize("format", ["csv", "apkg", "xlsx"])
def test_a_device_output_is_written_as_a_stream_and_stays_a_device(
    folder: Path, null: Path, format: str
) -> None:
    before = sorted(p.name for p in folder.iterdir())
    status, errors = _invoke(folder, "export", "good.csv", "-o", str(null), "--format", format)
    assert (status, errors) == (0, [])
    assert _is_device(null)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_full_device_fails_naming_it_and_writes_no_other_output(folder: Path, full: Path) -> None:
    before = sorted(p.name for p in folder.iterdir())
    status, errors = _invoke(
        folder, "export", "good.csv", "-o", "out.csv", "-o", str(full), "--format", "csv"
    )
    assert status == 1
    assert errors == [
        f"Error: {full}: cannot be written (No space left on device); check that there is space "
        "left and the file may be this large"
    ]
    assert _is_device(full)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_pipe_output_receives_the_export(folder: Path) -> None:
    os.mkfifo(folder / "out.pipe")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append((folder / "out.pipe").read_bytes()))
    reader.start()
    status, errors = _invoke(folder, "export", "good.csv", "-o", "out.pipe", "--format", "csv")
    reader.join(timeout=30)
    assert (status, errors) == (0, [])
    lines = received[0].decode("utf-8-sig").splitlines()
    assert lines[1:] == ["Bias,A systematic error.,,", "Drift,A change over time.,,"]
    assert stat.S_ISFIFO((folder / "out.pipe").stat().st_mode)


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@pytest.mark.parametrize("output", ["out.csv", "out.txt", "out.anki.txt", "out.apkg", "out.xlsx"])
def test_a_write_failing_part_way_names_the_output_not_the_temporary_file(
    tmp_path: Path, output: str
) -> None:
    source = tmp_path / "page.txt"
    source.write_bytes(SEED.read_bytes())
    # Every output of the 100 entries is over 4 KB: the write fails part way ("File too large").
    status, stdout, stderr = _run(
        "export", "page.txt", "-o", output, cwd=tmp_path, preexec_fn=_limit_file_size
    )
    assert (status, stdout) == (1, "")
    # A package's collection is built first, in the temporary folder (SQLite names no errno).
    reason = (
        f"the Anki collection could not be built in the temporary folder {tempfile.gettempdir()} "
        "(disk I/O error)"
        if output.endswith(".apkg")
        else "File too large"
    )
    assert stderr == (
        f"Error: {output}: cannot be written ({reason}); check that there is space left "
        "and the file may be this large\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]


# --- temporary files ---------------------------------------------------------------------------


def _temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(PREFIX))


def _killed_export(folder: Path) -> Path:
    """Kill an export while its temporary out.csv exists, and return that file.

    The export also writes to a pipe nobody reads: it blocks there, after writing out.csv's
    temporary file and before renaming it.
    """
    os.mkfifo(folder / "stuck.pipe")
    args = ("export", "good.csv", "-o", "out.csv", "-o", "stuck.pipe", "--format", "csv")
    with _process(*args, cwd=folder) as process:
        deadline = time.monotonic() + 30
        while not _temporaries(folder) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)  # the write into it is done long before the open of the pipe blocks
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    (folder / "stuck.pipe").unlink()
    [left] = _temporaries(folder)
    return left


def test_the_next_export_removes_what_a_killed_one_left_and_only_that(folder: Path) -> None:
    left = _killed_export(folder)
    assert not (folder / "out.csv").exists()
    two_hours_ago = time.time() - 7200
    os.utime(left, (two_hours_ago, two_hours_ago))
    # Another export to the same file, running right now: its temporary file must survive.
    running = folder / f"{PREFIX}out.csv-abcd1234.tmp"
    running.write_text("half", encoding="utf-8")
    status, errors = _invoke(folder, "export", "good.csv", "-o", "out.csv")
    assert (status, errors) == (0, [])
    assert _temporaries(folder) == [running]
    assert (folder / "out.csv").read_text(encoding="utf-8-sig").startswith("Term,Definition")


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_temporary_file_is_never_read_as_a_source(folder: Path, command: str) -> None:
    left = _killed_export(folder)
    outputs = ["-o", "new.csv"] if command == "export" else []
    status, errors = _invoke(folder, command, left.name, *outputs)
    assert status == 1
    assert errors == [
        f"Error: {left.name}: this is the temporary file of an unfinished export, not a "
        "glossary; delete it"
    ]


def test_a_device_output_is_written_beside_files_and_reported_last(
    folder: Path, null: Path
) -> None:
    """Written (and reported) after the files, so that a failing device renames none of them."""
    report = export_deck(folder / "good.csv", [null, folder / "out.csv"], to_format="csv")
    assert [written.path for written in report.files] == [folder / "out.csv", null]
    assert _is_device(null)
    assert (folder / "out.csv").read_text(encoding="utf-8-sig").startswith("Term,Definition")


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path: Path) -> None:
    """`glossary-export check FILE --explain | head -1`: the pipe closes after one line."""
    source = tmp_path / "list.txt"
    source.write_text("".join(f"term{n}: definition {n}\n" for n in range(30_000)))
    with _process("check", "list.txt", "--explain", cwd=tmp_path) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as head does once it has its line
        stderr = process.stderr.read()
        status = process.wait(timeout=60)
    assert first.startswith("list.txt:1: term: term0")
    assert (status, stderr) == (1, "")
