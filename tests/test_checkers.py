"""The checker helpers can fail: the W3C checker they run refuses invalid HTML, in a fragment and a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checkers import validate_html


@pytest.mark.external
def test_invalid_html_is_refused_with_its_file_and_line(tmp_path: Path) -> None:
    fragment = tmp_path / "fragment.html"
    fragment.write_text("<article>\n<li>a list item with no list</li>\n</article>\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html>\n<html lang=en><head><title>t</title></head><body><p><p/></body></html>\n",
                    encoding="utf-8")
    valid = tmp_path / "valid.html"
    valid.write_text("<article><p>fine</p></article>", encoding="utf-8")
    with pytest.raises(AssertionError) as refused:
        validate_html([valid, fragment, page])
    report = str(refused.value)
    assert f"{fragment}:2." in report and f"{page}:2." in report and str(valid) not in report
    validate_html([valid])
