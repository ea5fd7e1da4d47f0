"""Each entry body is converted by Python-Markdown once per build: at load time, checked and sanitised; MkDocs
then shows that HTML and never converts the body again, nor any other generated page."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from knowledge_bank.loader import load_content

from .helpers import make_project

# Runs `mkdocs build` with every Python-Markdown conversion recorded (its source text) in a JSON file.
RECORDING_BUILD = """
import atexit, json, sys
import markdown
sources = []
convert = markdown.Markdown.convert
def recording(self, source):
    sources.append(source)
    return convert(self, source)
markdown.Markdown.convert = recording
def save(path=sys.argv[1]):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(sources, out)
atexit.register(save)
sys.argv = ["mkdocs", "build", "--strict", "-d", sys.argv[2]]
from mkdocs.__main__ import cli
cli()
"""


@pytest.mark.build
def test_each_body_is_converted_once_per_build(tmp_path):
    project = make_project(tmp_path, with_repo_content=True)
    record = tmp_path / "conversions.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", RECORDING_BUILD, str(record), str(project / "public")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    sources = json.loads(record.read_text(encoding="utf-8"))
    entries = load_content(project).entries
    published = [e for e in entries if e.is_public]
    assert len(published) >= 10 and len(published) < len(entries)  # unpublished bodies are checked too
    for entry in entries:
        body = entry.body.strip()
        assert body, entry.source
        converted = sum(body in source for source in sources)
        assert converted == 1, f"{entry.source}: its body was converted {converted} times"
    # MkDocs converted the hand-written pages and nothing else: every generated page (an entry's, a listing, a facet
    # value, a flow of cooperation…), in every language, is HTML already
    assert (project / "public" / published[0].url / "index.html").is_file()
    others = [source for source in sources if not any(entry.body.strip() in source for entry in entries)]
    hand_written = [page for page in (project / "docs").rglob("*.md") if "overrides" not in page.parts]
    assert len(hand_written) >= 20 and len(others) == len(hand_written)
    assert (project / "public" / "es" / "countries" / "brazil" / "index.html").is_file()
