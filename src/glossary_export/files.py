"""File helpers: atomic output, so a failed export leaves no file behind and an older one intact."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import GlossaryError, OutputError

TEMPORARY_PREFIX = ".glossary-export-"
"""How every temporary output file's name starts (then the output's name, a random part and
``.tmp``): what lets the next export recognise one a killed export left behind."""
STALE_AFTER = 3600.0
"""Seconds after its last write that a temporary file counts as left behind: no export runs
that long (a million terms take 20 s), so one this old belongs to an export that was killed."""
_TEMPORARY = re.compile(rf"^{re.escape(TEMPORARY_PREFIX)}.*\.tmp$", re.DOTALL)


def is_temporary(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is named like a temporary file of an unfinished export."""
    return bool(_TEMPORARY.match(Path(path).name))


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path for ``target``'s content; move it onto ``target`` if the block
    succeeds.

    The temporary file lives in the target's folder so the final ``os.replace`` is atomic on the
    same file system: readers of ``target`` see the old file or the new one, never a half-written
    one. On any exception the temporary file is removed and ``target`` is left untouched. A
    target that is a character device or a pipe (``/dev/null``, ``/dev/stdout``) is written as a
    stream instead: renaming onto it would replace the device with a regular file.
    """
    target = Path(target)
    stream = is_stream(target)
    folder = target.parent if str(target.parent) else Path(".")
    if stream:
        folder = Path(tempfile.gettempdir())
    elif not folder.is_dir():
        raise OutputError("the output folder does not exist", file=str(folder))
    _remove_stale_temporaries(folder)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f"{TEMPORARY_PREFIX}{target.name}-", suffix=".tmp", dir=folder
        )
    except PermissionError:
        raise OutputError("the output folder is not writable", file=str(folder)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        try:
            yield temporary
            if stream:
                _copy_into(temporary, target)
            else:
                _copy_permissions(target, temporary)
                os.replace(temporary, target)
        except GlossaryError:
            raise
        except OSError as error:
            # The temporary file's name means nothing to the user: name the output instead.
            raise OutputError(
                f"cannot be written ({error.strerror or error}); "
                "check that there is space left and the file may be this large",
                file=str(target),
            ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def symlink_loop(target: Path) -> OutputError:
    """The error for an output that is a symbolic link leading back to itself."""
    return OutputError(
        "this output is a symbolic link that loops; remove the link or name another file",
        file=str(target),
    )


def is_stream(target: Path) -> bool:
    """Whether ``target`` is written as a stream (a character device or a pipe); an error for
    anything else that is not a regular file or a new name."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return False  # a new file (or a link to where one will be)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise symlink_loop(target) from None
        raise OutputError(
            f"cannot be written ({error.strerror or error})", file=str(target)
        ) from None
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return False  # a folder is refused by the caller, with its own message
    raise OutputError(
        "this is a special file (a block device or a socket), not a file; name a file to write",
        file=str(target),
    )


def _copy_into(temporary: Path, target: Path) -> None:
    """Write the finished output into the device or pipe ``target``, as a shell would."""
    with open(temporary, "rb") as source, open(target, "wb") as stream:
        shutil.copyfileobj(source, stream)


def _remove_stale_temporaries(folder: Path) -> None:
    """Delete the temporary files killed exports left in ``folder`` (an export that fails
    removes its own; one that is killed cannot)."""
    cutoff = time.time() - STALE_AFTER
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _TEMPORARY.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)


def _copy_permissions(target: Path, temporary: Path) -> None:
    """Give the new file the old file's mode, or the usual umask-based mode (mkstemp uses 0600)."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
