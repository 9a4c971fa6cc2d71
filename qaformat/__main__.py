"""``python -m qaformat``: the same as the ``qaformat`` command."""

from qaformat.cli import command

raise SystemExit(command())
