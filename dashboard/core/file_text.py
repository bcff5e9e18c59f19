"""An event file's text: read only from a regular file, never more than MAX_FILE_BYTES, as UTF-8.

A FIFO named as the event file waits for a writer forever and /dev/zero never ends (its size
says 0); both are refused before they are opened, with a problem that says what they are.
"""

from __future__ import annotations

import stat
from pathlib import Path

from .problems import EventFileError, Problem

MAX_FILE_BYTES = 64 * 1024 * 1024
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_a_file(path: Path) -> str | None:
    """Why a path cannot be read as an event file (a FIFO, a device, a folder, a broken link or a
    link loop), or None (a missing file is left to the reader, which says so)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "this is a broken link: its target does not exist" if path.is_symlink() else None
    except OSError as exc:  # a link loop: "Too many levels of symbolic links"
        return f"cannot read the file: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"this is {kind}, not a regular file; an event file must be one"


def _read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes: a regular file only, at most MAX_FILE_BYTES (checked before and while reading)."""
    limit = MAX_FILE_BYTES // (1024 * 1024)
    too_big = f"the file is over the {limit} MiB limit; split it"
    try:
        problem = not_a_file(path)
        if problem:
            raise EventFileError([Problem(name, 1, 1, problem)])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            too_big = f"file is {size:,} bytes, over the {limit} MiB limit; split it"
            raise EventFileError([Problem(name, 1, 1, too_big)])
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # a file that grew since stat() is still cut off
    except OSError as exc:
        raise EventFileError([Problem(name, 1, 1, f"cannot read the file: {exc.strerror}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise EventFileError([Problem(name, 1, 1, too_big)])
    return raw


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8"
        raise EventFileError([Problem(name, line, column, message)]) from None


def read_text(path: Path, name: str) -> str:
    """The file's text; raise EventFileError (located) if it is no regular file, too big or not UTF-8."""
    return _decode(_read_bytes(path, name), name)
