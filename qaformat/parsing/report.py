"""The diagnostics collector every parsing stage reports to.

One instance lives for one parse; stages call `info`, `warning` or `error` with the source line,
and the pipeline puts the sorted list on the transcript.
"""

from __future__ import annotations

from qaformat.errors import Diagnostic, Severity

__all__ = ["Report"]


class Report:
    """Collects diagnostics in the order stages report them."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def info(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.items.append(Diagnostic(Severity.INFO, code, message, line, column))

    def warning(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.items.append(Diagnostic(Severity.WARNING, code, message, line, column))

    def error(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.items.append(Diagnostic(Severity.ERROR, code, message, line, column))

    def sorted(self) -> tuple[Diagnostic, ...]:
        """Diagnostics in source order (stable for equal lines)."""
        return tuple(sorted(self.items, key=lambda d: (d.line or 0, d.column or 0)))
