"""ICU's data for the bundle, cut to what Qt asks ICU for: PySide6's Linux wheels carry ICU's
whole data library (libicudata, about 30 MiB), while QtCore calls ICU only to compare strings
(collation: file dialogs sort names with it), to name time zones, to convert legacy text
encodings and to change case. The data of number, currency, unit, language and region names,
transliteration, spelled-out numbers, word and line breaking and Unicode character names is
never read through those calls.

`reduced_library` checks that QtCore still calls nothing else, then writes a libicudata with
the same name and symbol holding the smaller data package: the same file, shortened, with no
compiler or linker. When QtCore calls more of ICU, or the library is laid out otherwise than
expected, the bundle keeps the whole one."""

from __future__ import annotations

import re
import struct
from pathlib import Path

# The ICU functions QtCore may call for the data kept below to be enough, by prefix.
QT_ICU_CALLS = ("ucol_", "ucal_", "ucnv_", "u_strToLower", "u_strToUpper")

# Folders of the data package that none of those functions opens.
DROPPED_TREES = ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit")
# Character names (u_charName), StringPrep profiles and spoofing data, at the package's top.
DROPPED_FILES = re.compile(r"unames\.icu|confusables\.cfu|.*\.spp")

_LOAD, _DYNSYM, _SYMBOL_SIZE, _UNDEFINED = 1, 11, 24, 0
_SYMBOL_TABLES = (2, _DYNSYM)  # the full symbol table, when not stripped, and the dynamic one


def _sections(elf: bytes) -> list[tuple[int, int, int, int, int]]:
    """(type, address, file offset, size, link) of each section of a 64-bit little-endian ELF."""
    if elf[:6] != b"\x7fELF\x02\x01":
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, _, _, _, _, shentsize, shnum = struct.unpack_from("<QIHHHHH", elf, 0x28)
    sections = []
    for index in range(shnum):
        _, kind, _, address, offset, size, link = struct.unpack_from("<IIQQQQI", elf, shoff + index * shentsize)
        sections.append((kind, address, offset, size, link))
    return sections


def dynamic_symbols(elf: bytes) -> list[tuple[str, bool, int, int]]:
    """(name, defined, value, size) of each symbol an ELF library exports or imports."""
    sections = _sections(elf)
    symbols = []
    for kind, _, offset, size, link in sections:
        if kind != _DYNSYM:
            continue
        strings = sections[link][2]
        for start in range(offset + _SYMBOL_SIZE, offset + size, _SYMBOL_SIZE):
            name_at, _, _, section, value, length = struct.unpack_from("<IBBHQQ", elf, start)
            name = elf[strings + name_at : elf.index(b"\0", strings + name_at)].decode()
            symbols.append((name, section != _UNDEFINED, value, length))
    return symbols


def icu_calls(qtcore: Path) -> set[str]:
    """The ICU functions a Qt library imports, without ICU's version suffix ("ucol_open")."""
    return {
        re.sub(r"_\d+$", "", name)
        for name, defined, _, _ in dynamic_symbols(qtcore.read_bytes())
        if not defined and re.match(r"u[a-z]*_\w+_\d+$", name)
    }


def data_package(library: bytes) -> tuple[str, bytes]:
    """The name of the data symbol ("icudt73_dat") and the package it holds."""
    for name, defined, value, size in dynamic_symbols(library):
        if defined and re.fullmatch(r"icudt\d+_dat", name):
            for _, address, offset, length, _ in _sections(library):
                if address <= value < address + length:
                    start = offset + value - address
                    return name, library[start : start + size]
    raise ValueError("no ICU data symbol in the library")


def reduced_package(package: bytes) -> bytes:
    """An ICU common data package (.dat) without the items dropped above.

    The package is its header, a table of (name offset, data offset) pairs sorted by name
    (ICU finds an item by binary search), the names, then the items, each on 16 bytes."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD" or package[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = package[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * index) for index in range(count)]
    kept: list[tuple[bytes, bytes]] = []
    for index, (name_at, data_at) in enumerate(entries):
        name = toc[name_at : toc.index(b"\0", name_at)]
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        _, *folders, file = name.decode("ascii").split("/")
        if (folders and folders[0] in DROPPED_TREES) or (not folders and DROPPED_FILES.fullmatch(file)):
            continue
        kept.append((name, toc[data_at:end]))
    names = b""
    name_offsets = []
    table_size = 4 + 8 * len(kept)
    for name, _ in kept:
        name_offsets.append(table_size + len(names))
        names += name + b"\0"
    data = bytearray()
    data_start = -(-(table_size + len(names)) // 16) * 16
    data_offsets = []
    for _, item in kept:
        data_offsets.append(data_start + len(data))
        data += item + b"\0" * (-len(item) % 16)
    table = struct.pack("<I", len(kept)) + b"".join(
        struct.pack("<II", name_at, data_at) for name_at, data_at in zip(name_offsets, data_offsets, strict=True)
    )
    body = table + names
    return package[:header_size] + body + b"\0" * (data_start - len(body)) + bytes(data)


def shrunk_library(library: bytes, package: bytes) -> bytes:
    """`library` with its data symbol holding `package`, no larger than the one it held, and the
    file shorter by the whole pages no longer needed. The segments after the data keep their
    addresses and move down in the file by whole pages, so nothing that points into them
    changes; the data must be the last thing in its segment (as ICU's build lays it out)."""
    elf = bytearray(library)
    phoff, shoff = struct.unpack_from("<QQ", elf, 0x20)
    phentsize, phnum, shentsize = struct.unpack_from("<HHH", elf, 0x36)
    sections = _sections(library)
    name, _, value, size = next(s for s in dynamic_symbols(library) if s[1] and re.fullmatch(r"icudt\d+_dat", s[0]))
    (index,) = [i for i, (_, address, _, length, _) in enumerate(sections) if address and value == address]
    _, address, offset, length, _ = sections[index]
    if size != length or len(package) > length:
        raise ValueError(f"{name} does not fill its section, or the new data is larger")
    end, new_end = offset + length, offset + len(package)
    loads = [struct.unpack_from("<IIQQQQQQ", elf, phoff + i * phentsize) for i in range(phnum)]
    page = max(header[7] for header in loads if header[0] == _LOAD)
    shift = (end - new_end) // page * page
    for i, (kind, flags, start, virtual, physical, file_size, memory_size, align) in enumerate(loads):
        if file_size and start <= offset < start + file_size:
            if start + file_size != end or memory_size != file_size:
                raise ValueError(f"{name} is not the last thing in its segment")
            file_size = memory_size = new_end - start
        elif start >= end:
            start -= shift
        elif file_size and start + file_size > offset:
            raise ValueError(f"a segment overlaps {name}")
        packed = (kind, flags, start, virtual, physical, file_size, memory_size, align)
        struct.pack_into("<IIQQQQQQ", elf, phoff + i * phentsize, *packed)
    for i, (_, section_address, section_offset, section_size, _) in enumerate(sections):
        field = shoff + i * shentsize
        if i == index:
            struct.pack_into("<Q", elf, field + 0x20, len(package))
        elif section_offset >= end and section_size == 0 and section_address:
            # An empty section that ended the segment now ends it where the data ends.
            struct.pack_into("<QQ", elf, field + 0x10, address + len(package), new_end)
        elif section_offset >= end:
            struct.pack_into("<Q", elf, field + 0x18, section_offset - shift)
        elif section_size and section_offset + section_size > offset:
            raise ValueError(f"a section overlaps {name}")
    if shoff < end:
        raise ValueError("the section headers come before the data")
    struct.pack_into("<Q", elf, 0x28, shoff - shift)
    for kind, _, table, table_size, _ in sections:
        for at in range(table + _SYMBOL_SIZE, table + table_size, _SYMBOL_SIZE) if kind in _SYMBOL_TABLES else ():
            if struct.unpack_from("<Q", elf, at + 8)[0] == value:
                struct.pack_into("<Q", elf, at + 16, len(package))
    elf[offset:new_end] = package
    return bytes(elf[:new_end]) + bytes(end - shift - new_end) + bytes(elf[end:])


def reduced_library(original: Path, qtcore: Path, folder: Path) -> Path | None:
    """A copy of libicudata with the reduced package, in `folder`; None (with the reason
    printed) when the whole one must stay."""
    calls = sorted(call for call in icu_calls(qtcore) if not call.startswith(QT_ICU_CALLS))
    if calls:
        print(f"Keeping all of ICU's data: QtCore now also calls {', '.join(calls)}")
        return None
    library = original.read_bytes()
    package = reduced_package(data_package(library)[1])
    try:
        smaller = shrunk_library(library, package)
    except ValueError as error:
        print(f"Keeping all of ICU's data: {original.name} is not laid out as expected ({error})")
        return None
    if data_package(smaller)[1] != package:
        raise RuntimeError(f"the smaller {original.name} does not hold the data written into it")
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / original.name
    copy.write_bytes(smaller)
    copy.chmod(original.stat().st_mode)
    return copy
