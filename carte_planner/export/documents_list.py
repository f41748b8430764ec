"""The family's documents as text and as a printout, packet by packet: what to put in the
folder for the consulate, the hospital's international office, the Exit-Entry office, the
insurer and the home oncologist. Names of attached files are left out: they stay on the
family's computer."""

from __future__ import annotations

from carte_planner.domain.documents import DocumentEntry, DocumentsTemplate, in_packet, state_title, whose
from carte_planner.export.checklist_document import (
    BOX_EMPTY,
    BOX_TICKED,
    RTL_STYLE,
    STYLE,
    Block,
    PrintDocument,
    day_text,
    esc,
)
from carte_planner.i18n import current_language, tr
from carte_planner.i18n.catalog import is_right_to_left

DONE_STATES = ("received", "copied")


def _line(entry: DocumentEntry) -> str:
    due = day_text(entry.due) if entry.due else tr("undated")
    parts = [f"{entry.title} — {whose(entry)}", state_title(entry.state), tr("due {date}").format(date=due)]
    if entry.mark.expiry:
        parts.append(tr("expires {date}").format(date=day_text(entry.mark.expiry)))
    return ", ".join(parts)


def packets(
    documents: tuple[DocumentEntry, ...], template: DocumentsTemplate, only: str | None = None
) -> list[tuple[str, list[DocumentEntry]]]:
    """(packet title, its documents) for every packet, or the one named `only`."""
    return [
        (packet.title, in_packet(documents, packet.key))
        for packet in template.packets
        if only is None or packet.key == only
    ]


def documents_text(documents: tuple[DocumentEntry, ...], template: DocumentsTemplate, only: str | None = None) -> str:
    out = [tr("Documents, by the place they must go")]
    for title, entries in packets(documents, template, only):
        out.extend(["", title])
        out.extend(f"{BOX_TICKED if e.state in DONE_STATES else BOX_EMPTY} {_line(e)}" for e in entries)
    return "\n".join(out) + "\n"


def documents_document(
    documents: tuple[DocumentEntry, ...], template: DocumentsTemplate, only: str | None = None
) -> PrintDocument:
    title = tr("Documents, by the place they must go")
    blocks = [Block(f"<h1>{esc(title)}</h1>", keep_with_next=True)]
    for packet_title, entries in packets(documents, template, only):
        lines = "".join(
            f"<p class='item'>{BOX_TICKED if e.state in DONE_STATES else BOX_EMPTY} {esc(_line(e))}</p>"
            for e in entries
        )
        blocks.append(Block(f"<h2>{esc(packet_title)}</h2>{lines}"))
    rtl = is_right_to_left(current_language())
    return PrintDocument(
        title=title,
        blocks=tuple(blocks),
        footer=tr("Dates are estimates: confirm every date with your hospital."),
        style=STYLE + (RTL_STYLE if rtl else ""),
        right_to_left=rtl,
    )
