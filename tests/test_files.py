"""atomic_path: the new file appears whole or not at all, and an older file survives failures."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest

from glossary_export.errors import OutputError
from glossary_export.files import atomic_path


def test_success_replaces_the_target_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "deck.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with atomic_path(target) as temporary:
        assert temporary.parent == tmp_path and temporary != target
        temporary.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["deck.csv"]


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "deck.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("writer failed")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.csv"]


def test_unwritable_folder_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores permission bits, so the refusal the OS would give is simulated here.
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    not_writable = pytest.raises(OutputError, match="the output folder is not writable")
    with not_writable, atomic_path(tmp_path / "deck.csv"):
        pass  # pragma: no cover
    assert list(tmp_path.iterdir()) == []
