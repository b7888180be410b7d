"""The newsdiff/1 JSON renderer."""

from __future__ import annotations

import json
from typing import TextIO

from newsdiff.model import Comparison
from newsdiff.render import RenderOptions, register


@register("json")
def render_json(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write the comparison as one indented newsdiff/1 JSON object."""
    json.dump(comparison.to_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
