"""Shared test helpers: assemble a small site from the project's configuration and run a real build."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Build:
    """The outcome of one real ``mkdocs build``."""

    project: Path
    site: Path
    returncode: int
    output: str

    def page(self, url: str) -> str:
        """The HTML of the page at ``url`` (e.g. ``rounds/x/``)."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def make_project(tmp: Path, content: Path | None = None, with_repo_content: bool = False) -> Path:
    """A project folder with the repository's configuration, docs and vocabularies, and ``content``.

    ``content`` is a folder holding ``rounds/`` and/or ``lessons/``; ``with_repo_content`` copies the
    repository's own entries instead.
    """
    project = tmp / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "vocabularies"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    (project / "hooks").symlink_to(ROOT / "hooks")
    for kind in ("rounds", "lessons"):
        source = (ROOT if with_repo_content else content or tmp) / kind
        if source.is_dir():
            shutil.copytree(source, project / kind, symlinks=True)
        else:
            (project / kind).mkdir()
    return project


def run_build(project: Path, *args: str, strict: bool = True) -> Build:
    """Run ``mkdocs build`` in ``project`` into ``project/public``."""
    site = project / "public"
    command = [*MKDOCS, "build", "-d", str(site), *(["--strict"] if strict else []), *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=300)
    return Build(project, site, done.returncode, done.stdout + done.stderr)


def tree_digest(folder: Path) -> dict[str, str]:
    """Path -> SHA-256 of every source file below ``folder`` (not the built ``public/``), to prove a build modified nothing."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith("public/")
    }


@pytest.fixture(scope="session")
def repo_build(tmp_path_factory) -> Build:
    """The repository's own content, built once for the session with ``--strict``."""
    project = make_project(tmp_path_factory.mktemp("repo"), with_repo_content=True)
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build
