"""Crafted guide files, each made to cost a YAML reader time or memory.

Shared by the hostile-input tests (each must be refused with a clear error)
and the benchmark (which times that refusal). Each function returns the bytes
of a scenarios.yaml.
"""

from __future__ import annotations

from collections.abc import Callable


def billion_laughs() -> bytes:
    """Nine levels of aliases, each nine of the one before: 10^9 texts if expanded."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines).encode() + b"\n"


def many_aliases() -> bytes:
    """A million aliases in one list: a million problems if each were reported."""
    return b"a: &a x\nb: [" + b"*a, " * 1_000_000 + b"*a]\n"


def nested(depth: int) -> bytes:
    """Lists in lists ``depth`` levels deep, in brackets."""
    return b"guide: " + b"[" * depth + b"]" * depth + b"\n"


def tiny_values() -> bytes:
    """Three million values in 6 MB: within the size limit, past the values limit."""
    return b"guide: [" + b"a," * 3_000_000 + b"a]\n"


def fifty_megabytes() -> bytes:
    """A plain list of 50 MB."""
    return b"- a\n" * (50 * 1024 * 1024 // 4)


#: For the benchmark: each refused with exit status 1.
CRAFTED: dict[str, Callable[[], bytes]] = {
    "a billion laughs": billion_laughs,
    "a million aliases": many_aliases,
    "nested 100,000 levels deep": lambda: nested(100_000),
    "three million tiny values": tiny_values,
    "a 50 MB file": fifty_megabytes,
}
