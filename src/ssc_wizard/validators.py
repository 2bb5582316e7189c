"""pydantic's validators of a guide's parts, each built the first time it is needed.

Building one costs tens of milliseconds (pydantic reads every annotation of
``model``), so nothing does it at import: a guide read back from the cache
never pays for it, and a guide read from YAML pays once per process.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import TypeAdapter


@functools.cache
def validator(part: type) -> TypeAdapter[Any]:
    """The validator of a part of a guide (``Scenarios``, ``Offices``, ``Localized``, ...)."""
    return TypeAdapter(part)
