"""JSON Lines: one self-contained group per line, for jq and streaming consumers."""

from __future__ import annotations

from typing import Any, TextIO

from newsdiff.model import SCHEMA, Comparison, Group, Member
from newsdiff.render import RenderOptions, register
from newsdiff.render.escape import json_dumps
from newsdiff.render.view import visible_groups


def _member(comparison: Comparison, member: Member) -> dict[str, Any]:
    """Return a member with its document's id and path and its sentences' texts."""
    doc = comparison.documents[member.doc]
    sentences = [doc.sentences[i] for i in member.sentences]
    return {
        "doc": member.doc,
        "id": doc.id,
        "path": doc.path,
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in sentences
        ],
        "text": comparison.member_text(member),
        "spans": [list(span) for span in member.spans],
    }


def group_record(comparison: Comparison, group: Group) -> dict[str, Any]:
    """Return one group as a JSON object that needs no other line to be understood."""
    # A report that states the fact in a sentence of another group is not missing from it.
    present = {m.doc for m in group.members} | {e.doc for e in group.elsewhere}
    return {
        "schema": SCHEMA,
        "group": group.index,
        "kind": group.kind,
        "coverage": group.coverage,
        "documents": len(comparison.documents),
        "similarity": round(group.similarity, 4),
        "members": [_member(comparison, m) for m in group.members],
        # The reports that do not carry this fact, by id: what `unique` is measured against.
        "missing": [d.id for i, d in enumerate(comparison.documents) if i not in present],
        "elsewhere": [
            {
                "doc": e.doc,
                "id": comparison.documents[e.doc].id,
                "sentence": e.sentence,
                "group": e.group,
                "text": comparison.documents[e.doc].sentences[e.sentence].text,
            }
            for e in group.elsewhere
        ],
        "signals": [s.to_dict() for s in group.signals],
        "marks": [s.to_dict() for s in group.marks],
    }


@register("jsonl")
def render_jsonl(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write one JSON object per group, one per line."""
    for group in visible_groups(comparison, options):
        stream.write(json_dumps(group_record(comparison, group)) + "\n")
