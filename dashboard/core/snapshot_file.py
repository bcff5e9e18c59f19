"""A snapshot file is trusted only as it was written: size and sha256 recorded beside it, checked before
it is mapped, and its size and modification time checked again before each use of the map.

Every file of the cache is written under a temporary name and renamed, so no process of ours ever
changes a file that another has mapped; deleting or renaming a mapped file is harmless (the map keeps
the old file). Only another program truncating or rewriting the same file in place can take pages
from under a map (SIGBUS on the next read): `intact()` notices that before the next request uses the
map, but nothing short of copying the file into memory protects a read already under way.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from pathlib import Path

import pyarrow as pa

PARTIAL = ".partial"


class DamagedSnapshot(ValueError):
    """A snapshot that is missing, cut short or altered: it is rebuilt, never mapped."""

    def __init__(self, message: str, inode: int | None = None):
        super().__init__(message)
        self.inode = inode  # the damaged file, so only that one is deleted (not a fresh rebuild)


def checksum_path(path: Path) -> Path:
    return path.with_suffix(".sha256")


def write_atomically(path: Path, text: str) -> None:
    """Write text to path under a temporary name and rename it: readers see the old or the new file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}{PARTIAL}")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def publish(partial: Path, path: Path) -> None:
    """Record the finished file's size and sha256 beside path, then rename it to path."""
    with open(partial, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        digest = hashlib.file_digest(file, "sha256").hexdigest()
    write_atomically(checksum_path(path), json.dumps({"size": size, "sha256": digest}))
    os.replace(partial, path)


def _recorded(path: Path) -> dict | None:
    try:
        recorded = json.loads(checksum_path(path).read_text(encoding="utf-8"))
        return recorded if isinstance(recorded.get("size"), int) and recorded.get("sha256") else None
    except (OSError, ValueError, AttributeError):
        return None


def looks_whole(path: Path) -> bool:
    """Whether the file and its checksum are there with the recorded size (a stat, nothing read)."""
    recorded = _recorded(path)
    try:
        return recorded is not None and path.stat().st_size == recorded["size"]
    except OSError:
        return False


class MappedSnapshot:
    """A snapshot file verified against its checksum, then memory-mapped from the same open file."""

    def __init__(self, path: Path):
        recorded = _recorded(path)
        try:
            self._file = open(path, "rb")  # noqa: SIM115 (kept open: intact() checks it)
        except OSError as error:
            raise DamagedSnapshot(f"{path.name} cannot be opened ({error.strerror})") from None
        try:
            before = os.fstat(self._file.fileno())
            if recorded is None:
                raise DamagedSnapshot(f"{path.name} has no readable checksum", before.st_ino)
            if before.st_size != recorded["size"]:
                raise DamagedSnapshot(
                    f"{path.name} is {before.st_size:,} bytes, not {recorded['size']:,}", before.st_ino
                )
            digest = hashlib.file_digest(self._file, "sha256").hexdigest()
            self._stamp = _stamp(before)
            if digest != recorded["sha256"] or not self.intact():
                raise DamagedSnapshot(f"{path.name} does not match its sha256", before.st_ino)
            self.buffer = pa.py_buffer(mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ))
        except BaseException:
            self._file.close()
            raise
        self.inode = before.st_ino

    def intact(self) -> bool:
        """Whether the mapped file still has the size and time it was verified with and still has a
        name (an fstat): an unlinked file keeps its size and time, and would otherwise go unnoticed."""
        try:
            status = os.fstat(self._file.fileno())
            return status.st_nlink > 0 and _stamp(status) == self._stamp
        except (OSError, ValueError):
            return False


def _stamp(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_size, stat.st_mtime_ns
