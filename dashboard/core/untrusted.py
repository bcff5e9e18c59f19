"""Reading what a client sends: whole numbers from ASCII digits only, JSON of a bounded shape.

`str.isdigit()` is true for '²' and '٢', which `int()` then refuses or reads; Python's JSON
decoder recurses once per nesting level and accepts lone surrogates that no UTF-8 answer can
carry. These readers refuse all of that with a ValueError that says what was wrong.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate

# No number a request may carry (a stop, a height, a year) needs more digits than this.
MAX_DIGITS = 9
# A Dash callback request nests about 6 levels deep; 32 leaves room and bounds every walk.
MAX_JSON_DEPTH = 32
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(rb"[\[\]{}]")


def ascii_int(text: object, max_digits: int = MAX_DIGITS) -> int | None:
    """The whole number written in ASCII digits 0-9 (at most `max_digits` of them), else None."""
    if not isinstance(text, str) or not 0 < len(text) <= max_digits or not text.isascii():
        return None
    return int(text) if text.isdigit() else None


def json_depth(raw: bytes) -> int:
    """How deeply the arrays and objects of a JSON text nest (brackets inside strings ignored)."""
    brackets = _BRACKETS.findall(_STRINGS.sub(b"", raw))
    return max(accumulate(1 if bracket in b"[{" else -1 for bracket in brackets), default=0)


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def read_json(raw: bytes, max_depth: int = MAX_JSON_DEPTH) -> object:
    """JSON from UTF-8 bytes, refusing deeper nesting than `max_depth`, NaN and Infinity, numbers
    longer than Python reads, and lone surrogates (text no UTF-8 answer can echo)."""
    depth = json_depth(raw)
    if depth > max_depth:
        raise ValueError(f"nested {depth} levels deep; the limit is {max_depth}")
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeError:
        raise ValueError("text that is not UTF-8 (a lone surrogate or a bad byte)") from None
    except ValueError as error:
        raise ValueError(f"not JSON: {str(error)[:80]}") from None
    return value
