"""The files of an articles folder: which are read, the names they are stored under, their bytes.

Everything read comes from inside the folder. A symbolic link is followed
only when it resolves inside it (``outside_links`` allows more), and only
regular files are opened: a named pipe would block the build and a device
never ends. A file is read up to its size limit and no further, so a file
that grows while it is read cannot exhaust memory.

A file's name is its path relative to the folder with ``/`` separators.
Names that are not plain text are escaped, one-to-one (``unescape_name``
gives the bytes back): a byte that is not UTF-8 becomes ``\\xNN`` (``caf\\xe9.txt``),
a control or other unprintable character ``\\xNN``, ``\\uNNNN`` or
``\\UNNNNNNNN`` (as in Python), a backslash ``\\\\``.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

MAX_BYTES = 20_000_000  # larger files are refused, not read

ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})")
KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "not a regular file (a named pipe)"),
    (stat.S_ISCHR, "not a regular file (a character device)"),
    (stat.S_ISBLK, "not a regular file (a block device)"),
    (stat.S_ISSOCK, "not a regular file (a socket)"),
)


class ArticleError(Exception):
    """A file (or a record of one) that cannot be read as articles; the build reports it and goes on."""

    def __init__(self, path: str | os.PathLike, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason

    def __reduce__(self):  # picklable, so that worker processes can raise it
        return type(self), (self.path, self.reason)


# ---------------------------------------------------------------- names

def escape_name(name: str) -> str:
    """A file name (as Python decodes it from the file system) as printable text, one-to-one."""
    return "".join(escaped_char(char) if char == "\\" or not char.isprintable() else char for char in name)


def escaped_char(char: str) -> str:
    """The escape of a backslash, an undecodable byte, a control or other unprintable character."""
    code = ord(char)
    if char == "\\":
        return "\\\\"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, held as a surrogate escape
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def unescape_name(name: str) -> bytes:
    """The bytes of the file name that ``escape_name`` turned into ``name``."""
    def char(match: re.Match) -> str:
        escape = match.group(1)
        if escape == "\\":
            return "\\"
        code = int(escape[1:], 16)
        return chr(0xDC00 + code) if escape[0] == "x" and code >= 0x80 else chr(code)  # a byte, or a character

    return os.fsencode(ESCAPE.sub(char, name))


def name_of(folder: Path, path: Path) -> str:
    """The name a file of ``folder`` is stored under."""
    try:
        return escape_name(path.relative_to(folder).as_posix())
    except ValueError:
        raise ArticleError(path, "not inside the articles folder") from None


# ---------------------------------------------------------------- finding files

def walk(folder: Path, wanted: Callable[[str], bool], errors: list[tuple[str, str]]) -> list[Path]:
    """The wanted files below ``folder``, sorted by name; hidden files and folders are skipped.

    A subfolder that cannot be listed is added to ``errors`` as ``(name/, reason)``;
    links to folders are not followed (what they hold is read where it is, if inside).
    """
    def unlisted(error: OSError) -> None:
        if Path(error.filename) == folder:
            raise ArticleError(folder, f"cannot list the folder ({error.strerror or error})")
        errors.append((name_of(folder, Path(error.filename)) + "/", f"cannot list the folder ({error.strerror})"))

    found = []
    for root, dirs, files in os.walk(folder, onerror=unlisted):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root, name) for name in files if not name.startswith(".") and wanted(name))
    return sorted(found, key=lambda path: name_of(folder, path))


# ---------------------------------------------------------------- reading one file

def read_bytes(folder: Path, path: Path, *, max_bytes: int = MAX_BYTES, outside_links: bool = False) -> bytes:
    """The bytes of a regular file of ``folder``, at most ``max_bytes``; raises ``ArticleError``.

    The file is opened at the place its links resolve to, which must be
    inside ``folder`` unless ``outside_links``, without following a link
    that appears there meanwhile and without waiting on a named pipe.
    """
    target = resolved(folder, path, outside_links)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(target, flags)
    except OSError as error:
        raise ArticleError(path, f"cannot read ({error.strerror or error})") from error
    try:
        data = bounded_read(path, handle, max_bytes)
    finally:
        os.close(handle)
    if not data.strip():
        raise ArticleError(path, "empty file")
    return data


def resolved(folder: Path, path: Path, outside_links: bool) -> Path:
    """Where ``path`` leads once its links are followed; inside ``folder`` unless ``outside_links``."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError as error:  # Python before 3.13
        raise ArticleError(path, "cannot read (a loop of links)") from error
    except OSError as error:  # missing, a broken link, a loop of links
        raise ArticleError(path, f"cannot read ({error.strerror or 'no such file'})") from error
    if not outside_links and not target.is_relative_to(folder.resolve()):
        raise ArticleError(path, "a link to a file outside the articles folder: not read")
    return target


def bounded_read(path: Path, handle: int, max_bytes: int) -> bytes:
    """The content of an open file that must be a regular file of at most ``max_bytes``."""
    try:
        info = os.fstat(handle)
        for is_kind, reason in KINDS:
            if is_kind(info.st_mode):
                raise ArticleError(path, reason)
        data = read_up_to(handle, max_bytes + 1) if info.st_size <= max_bytes else b""
    except OSError as error:
        raise ArticleError(path, f"cannot read ({error.strerror or error})") from error
    if info.st_size > max_bytes or len(data) > max_bytes:  # larger, or it grew while it was read
        size = max(info.st_size, len(data))
        raise ArticleError(path, f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:g} MB)")
    return data


def read_up_to(handle: int, limit: int) -> bytes:
    """The bytes of an open file up to its end or to ``limit`` bytes, whichever comes first."""
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(handle, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
