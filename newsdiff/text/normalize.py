"""Former home of the alignment tokens, kept for render/highlight.py only (issue 11).

The word layer is newsdiff/text/words.py; delete this module once the renderers read the
differing spans from the model instead of tokenising.
"""

from __future__ import annotations

from newsdiff.text.words import Token as Token
from newsdiff.text.words import tokenize as tokenize
