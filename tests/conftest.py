"""Fixtures shared by every test, and the ``build`` and ``browser`` marks given automatically.

The helpers themselves (a temporary project, a real build, a static server) are in ``tests/helpers.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import Build, make_project, run_build

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"
BUILD_FIXTURES = {"repo_build"}  # fixtures of this file that build; a module's own are marked in that module


def pytest_collection_modifyitems(config, items):
    """Browser tests are ``browser`` (and ``build``: they build the site they drive); a test that uses a
    shared build fixture is ``build``."""
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.build)
        elif BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def repo_build(tmp_path_factory) -> Build:
    """The repository's own content, built once for the session with ``--strict``."""
    project = make_project(tmp_path_factory.mktemp("repo"), with_repo_content=True)
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build
