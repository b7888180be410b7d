"""The newsdiff/1 JSON renderer."""

from __future__ import annotations

from typing import TextIO

from newsdiff.model import Comparison
from newsdiff.render import RenderOptions, register
from newsdiff.render.escape import json_dumps


@register("json")
def render_json(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write the comparison as one indented newsdiff/1 JSON object."""
    stream.write(json_dumps(comparison.to_dict(), indent=2))
    stream.write("\n")
