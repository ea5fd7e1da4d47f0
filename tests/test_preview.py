"""Preview before authorization: `mkdocs serve` shows unpublished entries, bannered; `mkdocs build` never does."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.loader import load_content
from knowledge_bank.search_index import FOLDER

from .helpers import ROOT, make_project, mkdocs, mkdocs_env, run_build, search_records

BANNER = "Not published — awaiting authorization"
HIDDEN = [e for e in load_content(ROOT).entries if not e.is_public]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("preview"), with_repo_content=True)


@pytest.fixture(scope="module")
def served(project, tmp_path_factory):
    """`mkdocs serve` on the repository's content, on a free port of 127.0.0.1; yields its address."""
    port = free_port()
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("w")
    server = subprocess.Popen(
        mkdocs("serve", "-a", f"127.0.0.1:{port}", "--no-livereload"),
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=mkdocs_env(),
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 240
    try:
        while True:
            try:
                fetch(base)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("mkdocs serve did not answer:\n" + Path(log.name).read_text())
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def test_the_sample_content_has_an_unpublished_entry():
    assert HIDDEN, "the preview tests need an unpublished entry in rounds/ or lessons/"


@pytest.mark.build
@pytest.mark.parametrize("entry", HIDDEN, ids=lambda e: e.slug)
def test_serve_shows_an_unpublished_entry_with_its_banner(served, entry):
    page = BeautifulSoup(fetch(served + entry.url), "lxml")
    for permalink in page.select("a.headerlink"):
        permalink.decompose()
    assert page.select_one("h1").get_text(strip=True) == entry.fields.title
    banner = page.select_one(".kb-unpublished")
    assert banner is not None and banner.select_one(".admonition-title").get_text(strip=True) == BANNER
    assert banner.find_previous("h1") is not None and banner.find_previous("h1") == page.select_one("h1")


@pytest.mark.build
@pytest.mark.parametrize("entry", HIDDEN, ids=lambda e: e.slug)
def test_serve_marks_an_unpublished_entry_in_the_indexes(served, entry):
    keyword = entry.fields.keywords[0]
    from knowledge_bank.catalog import keyword_slug

    for url in (entry.folder + "/", f"keywords/{keyword_slug(keyword)}/", f"phases/{entry.fields.phase}/"):
        items = BeautifulSoup(fetch(served + url), "lxml").select("li.kb-item")
        mine = [li for li in items if li.select_one("a.kb-item__title")["href"].rstrip("/").endswith(entry.slug)]
        assert len(mine) == 1, url
        assert "kb-item--unpublished" in mine[0]["class"], url
        assert "Not published" in mine[0].get_text(), url
        published = [li for li in items if li is not mine[0]]
        assert all("kb-item--unpublished" not in li["class"] for li in published), url


@pytest.mark.build
def test_serve_marks_unpublished_entries_in_the_catalog_for_explore(served):
    records = {r["slug"]: r for r in json.loads(fetch(served + "catalog.json"))["entries"]}
    for entry in HIDDEN:
        assert records[entry.slug]["unpublished"] is True
    public = [r for slug, r in records.items() if slug not in {e.slug for e in HIDDEN}]
    assert public and all("unpublished" not in r for r in public)


@pytest.mark.build
def test_serve_indexes_its_preview_for_the_search_only_in_its_own_temporary_folder(served, project):
    """`mkdocs serve` writes the site, its search bundle included, into a temporary folder of its own: the
    project's site/ (what could be deployed) is never written, whatever serve previews."""
    entry = json.loads(fetch(served + "pagefind/pagefind-entry.json"))
    assert entry["languages"]["en"]["page_count"] > len(HIDDEN)
    fetch(served + "pagefind/pagefind.js")
    assert not (project / "site").exists()


@pytest.mark.build
def test_build_of_the_same_project_leaves_them_out(project):
    build = run_build(project)
    assert build.returncode == 0, build.output
    texts = {p: p.read_bytes() for p in build.site.rglob("*") if p.is_file()}
    for entry in HIDDEN:
        assert not (build.site / entry.folder / entry.slug).exists()
        assert not [p for p, data in texts.items() if entry.fields.title.encode() in data]
        assert not [url for url in search_records(build.site) if entry.slug in url]
        catalog = json.loads((build.site / "catalog.json").read_text())
        assert entry.slug not in {e["slug"] for e in catalog["entries"]}
        assert not [e for e in catalog["entries"] if "unpublished" in e]
    pages = [BeautifulSoup(data, "lxml") for p, data in texts.items() if p.suffix == ".html"]
    assert pages and not [page for page in pages if page.select(".kb-unpublished, .kb-item--unpublished")]


@pytest.mark.build
def test_a_build_leaves_nothing_of_what_the_search_read(project, tmp_path):
    """What Pagefind reads of each page (search_index.SearchSource) is kept in a folder of the site while the site is
    indexed, and removed once it is; nothing is written outside the site."""
    temp = tmp_path / "temp"
    temp.mkdir()
    site = tmp_path / "site"
    done = subprocess.run(
        mkdocs("build", "-d", str(site)),
        cwd=project,
        capture_output=True,
        text=True,
        env={**mkdocs_env(), "TMPDIR": str(temp)},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert search_records(site) and not list(temp.iterdir())
    assert not (site / FOLDER).exists()


@pytest.mark.build
def test_a_dirty_build_is_refused(project, tmp_path):
    build = run_build(project, "--dirty", strict=False)
    assert build.returncode != 0
    assert "--dirty" in build.output and "unpublished" in build.output


@pytest.mark.build
def test_serve_dirty_rebuilds_the_pages_an_edit_changes(tmp_path):
    """`python3 tasks.py serve` runs `mkdocs serve --dirty`: an edited title shows on the entry, its listing
    and its keyword page (generated pages are rebuilt when their content changed, not by file dates), and then in
    the search, indexed in the background while the search of the build before stays in place; an edit of the body
    alone shows on the entry's page in every language."""
    project = make_project(tmp_path, with_repo_content=True)
    temp = tmp_path / "temp"  # where mkdocs serve writes its site
    temp.mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        mkdocs("serve", "--dirty", "-a", f"127.0.0.1:{port}"),  # --no-livereload would stop watching files
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**mkdocs_env(), "TMPDIR": str(temp)},
    )

    def indexed_title() -> str:
        try:
            (site,) = temp.iterdir()  # serve's site
            return search_records(site)["lessons/red-calle/"]["meta"]["title"]
        except (OSError, ValueError, KeyError):  # the new bundle is being swapped in
            return ""

    def wait_for(check, what: str) -> None:
        _wait_for(server, log, check, what)

    try:
        wait_for(lambda: fetch(base + "lessons/red-calle/"), "mkdocs serve --dirty did not answer")
        assert indexed_title().startswith("Building together")  # the first build is indexed before serving
        source = project / "lessons" / "red-calle.md"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("title: Building together", "title: Edited while serving"), encoding="utf-8")
        wait_for(lambda: "Edited while serving" in fetch(base + "lessons/red-calle/"), "the edit was not rebuilt")
        wait_for(lambda: "Edited while serving" in fetch(base + "lessons/"), "the listing was not rebuilt")
        assert "Edited while serving" in fetch(base + "keywords/peer-review/")
        wait_for(lambda: indexed_title().startswith("Edited while serving"), "the search was not updated")
        # An edit of the body alone renders again only the entry's pages (knowledge_bank.last_render)
        source.write_text(
            source.read_text(encoding="utf-8") + "\nA sentence written while serving.\n", encoding="utf-8"
        )
        for page in ("lessons/red-calle/", "es/lessons/red-calle/", "fr/lessons/red-calle/"):
            wait_for(lambda page=page: "A sentence written while serving." in fetch(base + page), f"{page} not rebuilt")
        assert "Edited while serving" in fetch(base + "lessons/")  # the listing, not rendered again, as it was
        assert json.loads(fetch(base + "pagefind/pagefind-entry.json"))["languages"]["en"]["page_count"]
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def fetch_any(url: str) -> tuple[int, str]:
    """The status and the page at ``url``, a 404 page too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def banner_lines(html: str) -> list[str]:
    return [li.get_text() for li in BeautifulSoup(html, "lxml").select(".md-banner .kb-problems li")]


@pytest.mark.build
def test_serve_keeps_answering_with_the_problems_on_every_page_and_comes_back_once_fixed(tmp_path):
    """A broken edit during `python3 tasks.py serve` (`mkdocs serve --dirty`): every page, the broken entry's
    address too (the 404 page), lists the problems as `kb check` prints them; fixing the file brings the entry
    back and removes the banner, without a restart. Stopped with SIGTERM, serve leaves no preview behind."""
    project = make_project(tmp_path, with_repo_content=True)
    temp = tmp_path / "temp"  # where mkdocs serve writes its site, unpublished entries included
    temp.mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        mkdocs("serve", "--dirty", "-a", f"127.0.0.1:{port}"),
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**mkdocs_env(), "TMPDIR": str(temp)},
    )

    def wait_for(check, what: str) -> None:
        _wait_for(server, log, check, what)

    source = project / "lessons" / "red-calle.md"
    text = source.read_text(encoding="utf-8")
    line = text.split("\n").index(next(ln for ln in text.split("\n") if ln.startswith("date:"))) + 1
    expected = f"lessons/red-calle.md:{line}: error: `date`: “2024-02-30” is not a valid date"
    try:
        wait_for(lambda: fetch_any(base + "lessons/red-calle/")[0] == 200, "mkdocs serve did not answer")
        assert not banner_lines(fetch_any(base)[1])
        source.write_text(
            "\n".join("date: 2024-02-30" if ln.startswith("date:") else ln for ln in text.split("\n")),
            encoding="utf-8",
        )
        wait_for(lambda: any(expected in ln for ln in banner_lines(fetch_any(base)[1])), "no banner on the home page")
        for url in ("lessons/", "rounds/", "about/", "keywords/"):
            status, html = fetch_any(base + url)
            assert status == 200 and any(expected in ln for ln in banner_lines(html)), url
        status, html = fetch_any(base + "lessons/red-calle/")
        assert status == 404 and any(expected in ln for ln in banner_lines(html)), "the broken entry: the 404 page"
        source.write_text(text, encoding="utf-8")
        wait_for(lambda: fetch_any(base + "lessons/red-calle/")[0] == 200, "the fixed entry did not come back")
        for url in ("", "lessons/", "lessons/red-calle/", "about/"):
            assert not banner_lines(fetch_any(base + url)[1]), url
        # A broken vocabulary: nothing can be generated, the hand-written pages still answer with the problems.
        phases = project / "vocabularies" / "phases.yml"
        vocabulary = phases.read_text(encoding="utf-8")
        phases.write_text(vocabulary + "- key: [unclosed\n", encoding="utf-8")
        wait_for(
            lambda: any(ln.startswith("vocabularies/phases.yml:") for ln in banner_lines(fetch_any(base)[1])),
            "no banner for a broken vocabulary",
        )
        assert fetch_any(base + "about/")[0] == 200
        phases.write_text(vocabulary, encoding="utf-8")
        wait_for(lambda: fetch_any(base + "lessons/red-calle/")[0] == 200, "the site did not come back")
        assert not banner_lines(fetch_any(base)[1])
        assert list(temp.iterdir()), "the preview was written to the temporary folder"
    finally:
        server.terminate()  # SIGTERM, as a service manager or `kill` stops it
        server.wait(timeout=60)
        log.close()
    assert not list(temp.iterdir()), "stopping serve leaves no preview files behind"
    assert "A 'dirty' build is being performed" not in Path(log.name).read_text()


def _wait_for(server: subprocess.Popen, log, check, what: str) -> None:
    """Poll ``check`` until it is true; fail with serve's log if serve stops or two minutes pass."""
    deadline = time.monotonic() + 120
    while True:
        try:
            if check():
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            log.flush()
            pytest.fail(f"{what}:\n" + Path(log.name).read_text())
        time.sleep(0.5)
