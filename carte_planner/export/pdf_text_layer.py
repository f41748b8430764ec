"""The PDF's text layer gives back the letters a reader typed, not the shapes that were drawn.

A PDF draws glyphs; what a viewer copies, searches or reads aloud comes from each font's
/ToUnicode map, one entry per glyph. Qt's PDF writer builds that map by looking every glyph up
in the font's own character map. Arabic letters are drawn in the shape their neighbours ask for
(initial, medial, final, isolated, or one glyph for lām-alif), and a font reaches those shapes
from the Arabic Presentation Forms code points (U+FB50-U+FDFF, U+FE70-U+FEFF). So the copied
text is presentation forms: it looks right on screen but no search, screen reader or
spelling tool knows it, and an address pasted into a message is not the address.

A font without those code points does not help: the shaped glyphs then have no entry at all,
and the letters vanish from the copied text. Every presentation form, though, has a Unicode
compatibility decomposition that is exactly the logical letter or letters (U+FEFB, lām-alif,
is U+0644 U+0627). Rewriting the map's destinations through it gives each shaped glyph its
letters back, whatever the font, and changes nothing that is drawn.

Arabic vowel marks and shadda are left out of the text layer. A mark is drawn as a glyph of
its own, raised over its letter, and Poppler (Evince, Okular, pdftotext) reads it as a
character on another line: "دائمًا" copies out as "دائ ً" with "ما" a line away, and no
search finds the word. Without its marks the word stays whole ("دائما"), the way most
Arabic is written anyway; the marks stay on the page.
"""

from __future__ import annotations

import io
import re
import unicodedata

_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_BLOCK = re.compile(rb"(\d+)\s+begin(bfchar|bfrange)(.*?)endbf(?:char|range)", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>|\[|\]")
_PER_BLOCK = 100  # the most entries a CMap block may hold


def glyph_text(text: str) -> str:
    """A glyph's /ToUnicode text with every Arabic presentation form replaced by its letters,
    and nothing for a glyph that is only Arabic marks (see the module's docstring).

    The letters of a ligature come in drawing order, right to left: a viewer reverses a
    right-to-left run to read it, and the letters of each glyph in it with the run.

    U+FE91 (bā' in its initial form) becomes U+0628; U+FEFB (lām-alif) becomes U+0627 U+0644,
    alif then lām. The empty glyph of a direction mark gives no text.
    """
    if text == "\t":
        # Qt draws a direction mark or isolate (U+200E, U+2068) as an empty glyph that its
        # map names U+0009; no tab is ever drawn, and a copied line would get a stray gap.
        return ""
    letters = _PRESENTATION_FORMS.sub(lambda match: _letters(match.group())[::-1], text)
    return "" if letters and all(_is_arabic_mark(char) for char in letters) else letters


def _is_arabic_mark(char: str) -> bool:
    return unicodedata.category(char) == "Mn" and ("\u0610" <= char <= "\u06ff" or "\u08d3" <= char <= "\u08ff")


def _letters(form: str) -> str:
    # The isolated forms of vowel marks decompose to a space and the mark: the mark is the text.
    return unicodedata.normalize("NFKC", form).strip(" ") or form


def logical_to_unicode_map(cmap: bytes) -> bytes:
    """A /ToUnicode CMap whose destinations hold letters instead of presentation forms; the
    CMap unchanged when it has none. Its codes (the glyphs) and everything else stay as they are."""
    blocks = list(_BLOCK.finditer(cmap))
    if not blocks:
        return cmap
    mapping: dict[bytes, str] = {}
    for block in blocks:
        entries = _entries(block.group(3), ranges=block.group(2) == b"bfrange")
        mapping.update(entries)
    logical = {code: glyph_text(text) for code, text in mapping.items()}
    if logical == mapping:
        return cmap
    lines = []
    items = sorted(logical.items(), key=lambda item: int(item[0], 16))
    for first in range(0, len(items), _PER_BLOCK):
        chunk = items[first : first + _PER_BLOCK]
        lines.append(f"{len(chunk)} beginbfchar".encode())
        lines.extend(b"<%s> <%s>" % (code, text.encode("utf-16-be").hex().upper().encode()) for code, text in chunk)
        lines.append(b"endbfchar")
    return cmap[: blocks[0].start()] + b"\n".join(lines) + cmap[blocks[-1].end() :]


def _entries(body: bytes, ranges: bool) -> dict[bytes, str]:
    """The code-to-text pairs of one bfchar or bfrange block (codes as upper-case hex)."""
    tokens = [match.group(1) if match.group(1) is not None else match.group() for match in _HEX.finditer(body)]
    entries: dict[bytes, str] = {}
    index = 0
    while index < len(tokens):
        if not ranges:
            entries[tokens[index].upper()] = _text(tokens[index + 1])
            index += 2
            continue
        low, high = int(tokens[index], 16), int(tokens[index + 1], 16)
        width = len(tokens[index])
        codes = [f"{code:0{width}X}".encode() for code in range(low, high + 1)]
        if tokens[index + 2] == b"[":
            close = tokens.index(b"]", index + 3)
            for code, destination in zip(codes, tokens[index + 3 : close], strict=False):
                entries[code] = _text(destination)
            index = close + 1
        else:
            # A range onto consecutive text: the last UTF-16 unit counts up.
            start = bytes.fromhex(tokens[index + 2].decode())
            for offset, code in enumerate(codes):
                unit = int.from_bytes(start[-2:], "big") + offset
                entries[code] = (start[:-2] + unit.to_bytes(2, "big")).decode("utf-16-be", "replace")
            index += 3
    return entries


def _text(destination: bytes) -> str:
    return bytes.fromhex(destination.decode()).decode("utf-16-be", "replace")


def with_logical_text_layer(pdf: bytes) -> bytes:
    """The PDF with every font's /ToUnicode map rewritten by `logical_to_unicode_map`; the same
    bytes when no map needed it (a document without Arabic is left exactly as Qt wrote it)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import IndirectObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    changed = False
    seen: set[int] = set()
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for reference in fonts.get_object().values() if fonts is not None else ():
            font = reference.get_object()
            maps = font.get("/ToUnicode")
            if not isinstance(maps, IndirectObject) or maps.idnum in seen:
                continue
            seen.add(maps.idnum)
            stream = maps.get_object()
            if not isinstance(stream, StreamObject):
                continue
            old = stream.get_data()
            new = logical_to_unicode_map(old)
            if new != old:
                stream.set_data(new)
                changed = True
    if not changed:
        return pdf
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
