"""``/admin/`` in a real build: the editors' form where its bundle is installed, a page saying where it is built
where it is not (no npm), and nothing of it anywhere else on the site."""

from __future__ import annotations

import hashlib

import pytest
import yaml
from bs4 import BeautifulSoup

from knowledge_bank.editor_page import BUNDLE

from .helpers import make_project, run_build, search_records

pytestmark = pytest.mark.build

FAKE_BUNDLE = "/* stands for Decap CMS's bundle */ window.kbFakeDecap = true;\n"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The repository's content built twice: without the editor's bundle, and with one."""
    without = make_project(tmp_path_factory.mktemp("no-editor"), with_repo_content=True)
    with_editor = make_project(tmp_path_factory.mktemp("editor"), with_repo_content=True)
    (with_editor / BUNDLE).parent.mkdir(parents=True)
    (with_editor / BUNDLE).write_text(FAKE_BUNDLE, encoding="utf-8")
    (with_editor / BUNDLE).with_name("decap-cms.js.LICENSE.txt").write_text("MIT\n", encoding="utf-8")
    done = run_build(without), run_build(with_editor)
    for build in done:
        assert build.returncode == 0, build.output
    return done


def test_without_npm_admin_says_where_the_editor_is_built(builds):
    site = builds[0].site
    soup = BeautifulSoup((site / "admin" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.find("h1").get_text() == "The editor is not part of this copy of the site"
    assert "npm" in soup.get_text()
    assert soup.find("a", href="../contribute/")
    assert not soup.find("script")
    assert sorted(p.name for p in (site / "admin").iterdir()) == ["index.html"]


def test_with_the_bundle_admin_loads_it_and_its_configuration(builds):
    admin = builds[1].site / "admin"
    soup = BeautifulSoup((admin / "index.html").read_text(encoding="utf-8"), "lxml")
    assert [s.get("src") for s in soup.find_all("script") if s.get("src")] == ["decap-cms.js"]
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert (admin / "decap-cms.js").read_text(encoding="utf-8") == FAKE_BUNDLE
    assert (admin / "decap-cms.js.LICENSE.txt").is_file()
    for lang in ("en", "es", "pt", "fr"):
        config = yaml.safe_load((admin / f"config.{lang}.yml").read_text(encoding="utf-8"))
        assert config["locale"] == lang
        assert config["backend"] == {"name": "github", "repo": "knowledge-bank/knowledge-bank", "branch": "main"}
        assert config["publish_mode"] == "editorial_workflow"


def digests(site) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not p.relative_to(site).as_posix().startswith(("admin/", "pagefind/"))
    }  # Pagefind names its files differently at each build, even of the same site: its records are compared


def test_the_editor_adds_nothing_to_any_other_page(builds):
    """Every file outside /admin/ is the same byte for byte with the editor as without: no page loads, links or
    preloads its bundle; the search index and the sitemap do not know it."""
    without, with_editor = (digests(b.site) for b in builds)
    assert without.keys() == with_editor.keys()
    changed = [path for path in without if without[path] != with_editor[path]]
    assert not changed, changed[:10]
    assert not any("admin" in path for path in with_editor)
    sitemap = (builds[1].site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin/" not in sitemap
    indexed = [search_records(b.site) for b in builds]
    assert indexed[1] and indexed[0] == indexed[1]
    assert not any(url.startswith("admin") for url in indexed[1])
