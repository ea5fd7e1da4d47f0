"""The editors' form against decap-server: the temporary git repository it writes branches into, what a saved
entry's branch holds, and that branch checked and built as the pull request's check would."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml
from playwright.sync_api import Page

from ..helpers import ROOT, run_build

SERVER = ROOT / "editor" / "node_modules" / "decap-server" / "dist" / "index.js"
SCREENSHOTS = os.environ.get("KB_SCREENSHOTS")  # a folder: keep pictures of the form at desktop and phone width
MISSING = "the editor is not installed in editor/ (bundle or decap-server): `python3 tasks.py test` installs it"


@dataclass
class EditorSite:
    project: Path  # the project, a git repository whose `main` decap-server writes branches from
    url: str  # the built site, served
    proxy: str  # decap-server's API


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, text=True).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(proxy: str, process: subprocess.Popen) -> None:
    request = urllib.request.Request(proxy, data=b'{"action":"info"}', headers={"Content-Type": "application/json"})
    for _ in range(100):
        assert process.poll() is None, process.stdout.read()
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                assert json.load(response)["type"] == "local_git"
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"decap-server did not answer at {proxy}")


def saved_entry(site: EditorSite, folder: str, slug: str) -> tuple[dict, str, list[str]]:
    """(front matter, body, files changed) of the entry the form saved, read from its branch."""
    branch = f"cms/{folder}/{slug}/index"
    assert git(site.project, "config", f"branch.{branch}.description").strip() == "decap-cms/draft"
    assert git(site.project, "rev-list", "--count", f"main..{branch}").strip() == "1"  # one commit on main
    changed = git(site.project, "diff", "--name-only", f"main...{branch}").split()
    text = git(site.project, "show", f"{branch}:{folder}/{slug}/index.md")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body, changed


def checked_and_built(site: EditorSite, folder: str, slug: str, tmp_path: Path, reviewed: str = "") -> Path:
    """Check out the entry's branch, run `kb check --strict` and a strict build; with ``reviewed`` (the lines a
    reviewer adds to the front matter), add them first. Returns the built site."""
    checkout = tmp_path / "checkout"
    git(site.project, "worktree", "add", "-q", "--detach", str(checkout), f"cms/{folder}/{slug}/index")
    (checkout / "editor").symlink_to(ROOT / "editor")
    if reviewed:
        source = checkout / folder / slug / "index.md"
        source.write_text(source.read_text(encoding="utf-8").replace("---\n", "---\n" + reviewed, 1), encoding="utf-8")
    kb = subprocess.run(
        [sys.executable, "-c", "import sys; from knowledge_bank.cli import main; sys.exit(main())"]
        + ["--root", str(checkout), "check", "--strict"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert kb.returncode == 0, kb.stdout + kb.stderr
    build = run_build(checkout)
    assert build.returncode == 0, build.output
    return build.site


def screenshot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)
