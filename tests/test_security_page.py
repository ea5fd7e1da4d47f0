"""The Security page names only tests that exist, and lists every test of the hostile-input modules."""

from __future__ import annotations

import ast
import re

from .helpers import ROOT

PAGE = ROOT / "docs" / "security.md"
MODULES = (
    "test_fuzz.py",
    "test_limits.py",
    "test_injection.py",
    "test_attachments.py",
    "test_encodings.py",
    "test_stale_output.py",
    "test_body_policy.py",
    "test_docs_pages.py",
    "test_entry_links.py",
    "test_vocabulary_text.py",
    "browser/test_injection_dom.py",
)


def _tests(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def _named() -> list[tuple[str, str]]:
    return re.findall(r"`tests/([\w/]+\.py)::(test_\w+)`", PAGE.read_text(encoding="utf-8"))


def test_every_test_the_page_names_exists():
    named = _named()
    assert len(named) >= 40
    missing = [f"{module}::{name}" for module, name in named if name not in _tests(ROOT / "tests" / module)]
    assert missing == []


def test_every_hostile_input_test_is_on_the_page():
    named = set(_named())
    absent = [f"{m}::{t}" for m in MODULES for t in sorted(_tests(ROOT / "tests" / m)) if (m, t) not in named]
    assert absent == []


def test_the_page_is_in_the_navigation():
    assert "Security: security.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
