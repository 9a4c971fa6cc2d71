"""Independent checkers that run on node: WordPress's block parser and a WebVTT validator.

The npm packages are installed on first use into ``.cache/node`` at the top of the checkout
(ignored by git), at the versions pinned here. Where node or npm is missing, or the install
fails, the test skips on a developer's machine and fails when ``CI`` is set.
"""

from __future__ import annotations

import json
import os
import subprocess
from typing import Any

import pytest

from tests.conftest import ROOT, need_program

NODE_FOLDER = ROOT / ".cache" / "node"
PACKAGES = {
    "@wordpress/block-serialization-default-parser": "5.56.0",  # the parser WordPress itself ships
    "webvtt-parser": "2.2.0",  # the parser behind the W3C community's live WebVTT validator
}


def node_package(name: str) -> str:
    """The node program, with the package installed where `run_node` finds it."""
    node = need_program("node")
    if not (NODE_FOLDER / "node_modules" / name / "package.json").exists():
        npm = need_program("npm")
        NODE_FOLDER.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [npm, "install", "--prefix", str(NODE_FOLDER), "--no-save", "--no-audit", "--no-fund", "--silent",
             *(f"{package}@{version}" for package, version in PACKAGES.items())],
            capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            message = f"npm could not install {name}: {result.stderr.strip()[-300:]}"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
    return node


def run_node(package: str, script: str, data: str) -> Any:
    """Run a script that reads standard input and prints JSON; returns the parsed JSON."""
    node = node_package(package)
    env = {**os.environ, "NODE_PATH": str(NODE_FOLDER / "node_modules")}
    result = subprocess.run([node, "-e", script], input=data, capture_output=True, text=True, env=env,
                            timeout=120, check=True)
    return json.loads(result.stdout)


WORDPRESS_PARSE = """
const { parse } = require("@wordpress/block-serialization-default-parser");
const input = require("fs").readFileSync(0, "utf8");
process.stdout.write(JSON.stringify(parse(input)));
"""

WEBVTT_VALIDATE = """
const { WebVTTParser } = require("webvtt-parser");
const input = require("fs").readFileSync(0, "utf8");
const tree = new WebVTTParser().parse(input, "metadata");
process.stdout.write(JSON.stringify({
  errors: tree.errors,
  cues: tree.cues.map(c => ({ start: c.startTime, end: c.endTime, text: c.text, voices: voices(c.tree) })),
}));
function voices(node) {
  const found = [];
  (node.children || []).forEach(child => {
    if (child.name === "v") found.push(child.value);
    found.push(...voices(child));
  });
  return found;
}
"""


def wordpress_blocks(markup: str) -> list[dict[str, Any]]:
    """WordPress's parse of block markup: the top-level blocks with their inner blocks."""
    return list(run_node("@wordpress/block-serialization-default-parser", WORDPRESS_PARSE, markup))


def webvtt_check(text: str) -> dict[str, Any]:
    """The WebVTT parser's errors and cues (start, end, text, voices)."""
    return dict(run_node("webvtt-parser", WEBVTT_VALIDATE, text))
