"""Regular expressions compiled when first used, not when their module is imported.

Start-up is most of the time a short conversion takes, and compiling every module's patterns
at import was a large part of it, although a given input needs only some of them (a plain text
file never meets the patterns for export headers in other languages or for web page debris). A
`lazy` pattern stands in for the compiled one: its first use compiles the expression, and from
then on its methods are the compiled pattern's own methods, so a call costs what it did before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, cast

__all__ = ["lazy", "matches_before_hints"]

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class _LazyPattern:
    """A pattern that compiles itself on first use (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # read without compiling: patterns are built from others' text
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Reached only while nothing is compiled: afterwards the instance holds every method.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.flags, self.groups, self.groupindex = compiled.flags, compiled.groups, compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


def matches_before_hints(pattern: re.Pattern[str], hint: re.Pattern[str], text: str,
                         in_run: Callable[[str], bool]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern whose match opens with a run of
    characters (``in_run``) that ends where ``hint`` matches, and may start only where that run
    starts (a look-behind refuses a run character before it).

    Such a pattern tried at every word of a paragraph costs far more than the hint, which most
    paragraphs hold nowhere or once: so it is tried once per hint, at the start of the run before
    it, and a match is never taken inside the one before, as ``finditer`` would not.
    """
    done = 0
    for found in hint.finditer(text):
        start = found.start()
        while start > done and in_run(text[start - 1]):
            start -= 1
        match = pattern.match(text, start)
        if match is not None:
            done = match.end()
            yield match
