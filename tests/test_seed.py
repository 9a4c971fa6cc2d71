"""The shared seed (a scraped news page holding an interview) as a user would publish it:
valid HTML fragment and page per the W3C checker. The seed lives beside the project, not in it."""

from __future__ import annotations

from pathlib import Path

import pytest

import qaformat
from qaformat.options import RenderOptions
from tests.checkers import validate_html
from tests.conftest import SHARED, need_seed

SEED = SHARED / "seed" / "000_a79b92b53dce8f1a.txt"


@pytest.mark.external
def test_seed_html_is_valid(tmp_path: Path) -> None:
    need_seed()
    transcript = qaformat.read(SEED)
    files = []
    for name, options in [("fragment.html", RenderOptions()), ("page.html", RenderOptions(standalone=True, lang="en"))]:
        files.append(tmp_path / name)
        files[-1].write_text(str(qaformat.render(transcript, "html", options)), encoding="utf-8")
    validate_html(files)
