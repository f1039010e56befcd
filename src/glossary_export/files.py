"""File helpers: atomic output, so a failed export leaves no file behind and an older one intact."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` if the block succeeds.

    The temporary file lives in the target's folder so the final ``os.replace`` is atomic on the
    same file system: readers of ``target`` see the old file or the new one, never a half-written
    one. On any exception the temporary file is removed and ``target`` is left untouched.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("the output folder does not exist", file=str(folder))
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise OutputError("the output folder is not writable", file=str(folder)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _copy_permissions(target, temporary)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _copy_permissions(target: Path, temporary: Path) -> None:
    """Give the new file the old file's mode, or the usual umask-based mode (mkstemp uses 0600)."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
