"""The editors' form at /admin/, offline: Decap CMS from the built site, decap-server (``MODE=git``, the mode
with the editorial workflow) over a temporary git repository of the project. A round and a lesson made through
the form in Chromium are saved, each on its own branch as a pull request would be; the files written pass
``kb check --strict`` and build, never carry what decides publication, and publish once a reviewer adds it.

The bundle and decap-server are installed by ``python3 tasks.py test`` (into ``editor/``); without them these
tests fail and say so, they never skip.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import expect

from knowledge_bank.editor_page import BUNDLE

from ..helpers import ROOT, make_project, open_page, pdf_bytes, run_build, serve
from .editor_form import EditorForm
from .editor_site import (
    MISSING,
    SERVER,
    EditorSite,
    checked_and_built,
    free_port,
    git,
    saved_entry,
    screenshot,
    wait_for,
)


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory) -> Iterator[EditorSite]:
    assert (ROOT / BUNDLE).is_file() and SERVER.is_file(), MISSING
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "decap-server needs Node.js, installed with npm by `python3 tasks.py test`"
    project = make_project(tmp_path_factory.mktemp("editor"), with_repo_content=True)
    (project / "editor").symlink_to(ROOT / "editor")
    (project / ".gitignore").write_text("/public/\n/editor\n", encoding="utf-8")
    port = free_port()
    proxy = f"http://127.0.0.1:{port}/api/v1"
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"\nextra:\n  editor:\n    local_backend: {proxy}\n", encoding="utf-8"
    )
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.name", "Test editor")
    git(project, "config", "user.email", "editor@example.org")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The knowledge bank")
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(project), "PORT": str(port)}
    env |= {"BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    process = subprocess.Popen(
        [node, str(SERVER)], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        wait_for(proxy, process)
        with serve(project / "public") as url:
            build = run_build(project)
            assert build.returncode == 0, build.output
            yield EditorSite(project, url, proxy)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def form(browser, editor_site) -> Iterator[EditorForm]:
    """The form in a fresh page; the test fails if the page left 127.0.0.1 or logged an error other than
    decap-server's 404 for an entry that has no branch yet."""
    page, traffic = open_page(browser, editor_site.url)
    not_found: list[str] = []
    page.on("response", lambda r: r.status == 404 and not_found.append(f"{r.request.method} {r.url}"))
    form = EditorForm(page)
    form.traffic = traffic
    yield form
    page.context.close()
    local = f"blob:{editor_site.url.rstrip('/')}/"  # an uploaded file, shown from the page's memory
    assert not {host for host in traffic.foreign_hosts() if not host.startswith(local)}, traffic.foreign_hosts()
    assert set(not_found) <= {f"POST {editor_site.proxy}"}, not_found
    assert [e for e in traffic.errors if "404" not in e] == [], traffic.errors


def test_a_round_made_in_the_form_is_a_pull_request_that_passes_kb_check_and_builds(form, editor_site, tmp_path):
    report = tmp_path / "Final report.pdf"
    report.write_bytes(pdf_bytes(3, title="Designing the care system"))
    form.open_new("rounds")
    form.type("title", "Designing the national care system of Peru")
    form.type("summary", "How the panel helped Peru design its national care system with Uruguay and Chile.")
    form.field("date").fill("2025-03-14")
    form.choose("language", "English")
    form.choose("phase", "Formulation")
    form.choose("sdgs", "5.", "10.")
    keywords = form.add("keywords")
    form.type("item", "care policy design", within=keywords)
    beneficiary = form.box("beneficiary")
    form.choose("country", "Peru", within=beneficiary)
    form.type("institution", "Ministry of Women and Vulnerable Populations", within=beneficiary)
    for country, institution in (("Uruguay", "Ministry of Social Development"), ("Chile", "Ministry of Social")):
        cooperating = form.add("cooperating")
        form.choose("country", country, within=cooperating)
        form.type("institution", institution, within=cooperating)
    form.type("initiative", "National Care System")
    form.type("objective", "A design of the system's governance and its first services.")
    for name, role in (("Ana Pérez", "specialist"), ("Luis Soto", "specialist"), ("Eva Ruiz", "coordinator")):
        panel = form.add("panel")
        form.type("name", name, within=panel)
        form.choose("role", role, within=panel)
    panel = form.add("panel")
    form.type("name", "Rui Lima", within=panel)
    form.choose("role", "coordinator", within=panel)
    form.choose("country", "Brazil", within=panel)
    visit = form.box("visit")
    form.field("start", within=visit).fill("2024-11-04")
    form.field("end", within=visit).fill("2024-11-07")
    form.type("place", "Lima", within=visit)
    documents = form.add("reference_documents")
    form.type("title", "Care law", within=documents)
    form.type("url", "https://example.org/care-law", within=documents)
    report_box = form.box("report")
    form.upload("file", report, within=report_box)
    form.type("pages", "3", within=report_box)
    form.write_after("Findings", "The registry of caregivers is the first step.")
    screenshot(form.page, "editor-round-1280")
    form.save()
    assert form.errors() == []

    slug = "designing-the-national-care-system-of-peru"
    front, body, changed = saved_entry(editor_site, "rounds", slug)
    assert sorted(changed) == [f"rounds/{slug}/final-report.pdf", f"rounds/{slug}/index.md"]
    assert not {"published", "authorization"} & set(front)  # publication is a reviewer's act
    assert front["beneficiary"] == {"country": "PE", "institution": "Ministry of Women and Vulnerable Populations"}
    assert [p["country"] for p in front["cooperating"]] == ["UY", "CL"]
    assert [m["role"] for m in front["panel"]] == ["specialist", "specialist", "coordinator", "coordinator"]
    assert (front["sdgs"], front["phase"], front["language"]) == ([5, 10], "formulation", "en")
    assert front["report"] == {"file": "final-report.pdf", "pages": 3}
    assert re.findall(r"^## (.+)$", body, re.M) == [
        "Description of the round",
        "Findings",
        "Recommendations",
        "Further cooperation",
    ]
    assert "The registry of caregivers is the first step." in body

    unpublished = checked_and_built(editor_site, "rounds", slug, tmp_path / "as-saved")
    assert not (unpublished / "rounds" / slug).exists()
    authorized = "published: true\nauthorization: {granted_by: Ministry of Women, date: 2025-03-10}\n"
    public = checked_and_built(editor_site, "rounds", slug, tmp_path / "reviewed", reviewed=authorized)
    page = (public / "rounds" / slug / "index.html").read_text(encoding="utf-8")
    assert "Designing the national care system of Peru" in page
    assert (public / "rounds" / slug / "final-report.pdf").read_bytes() == report.read_bytes()


def test_a_lesson_made_in_the_form_is_a_pull_request_that_passes_kb_check_and_builds(form, editor_site, tmp_path):
    form.open_new("lessons")
    form.type("title", "Training community caregivers together")
    form.type("summary", "What three countries learnt by writing one curriculum for community caregivers.")
    form.field("date").fill("2025-01-20")
    form.choose("language", "Español")
    form.choose("phase", "Implementation")
    form.choose("sdgs", "3.")
    keywords = form.add("keywords")
    form.type("item", "community caregivers", within=keywords)
    form.choose("knowledge_type", "Good practice")
    form.type("author", "Care Together programme")
    form.choose("countries", "Paraguay", "Bolivia")
    actors = form.add("actors")
    form.type("name", "Ministry of Health", within=actors)
    form.choose("country", "Paraguay", within=actors)
    form.choose("added_values", "3.", "4.")
    form.save()
    assert form.errors() == []

    slug = "training-community-caregivers-together"
    front, body, changed = saved_entry(editor_site, "lessons", slug)
    assert changed == [f"lessons/{slug}/index.md"]
    assert "published" not in front
    assert front["countries"] == ["PY", "BO"]
    assert (front["knowledge_type"], front["added_values"], front["language"]) == ("good-practice", [3, 4], "es")
    assert front["actors"] == [{"name": "Ministry of Health", "country": "PY"}]
    assert re.findall(r"^## (.+)$", body, re.M) == ["Description of the action", "Experience gained", "Impacts"]
    public = checked_and_built(editor_site, "lessons", slug, tmp_path, reviewed="published: true\n")
    assert "Training community caregivers together" in (public / "lessons" / slug / "index.html").read_text()


def test_the_form_refuses_what_the_model_refuses_before_anything_is_written(form, editor_site):
    form.open_new("rounds")
    form.type("title", "An incomplete round")
    for _ in range(3):  # the methodology allows at most two cooperating countries
        form.add("cooperating")
    form.page.get_by_role("button", name="Save").first.click()
    expect(form.page.locator("ul[class*=ControlErrorsList]").first).to_be_visible()
    errors = " ".join(form.errors()).lower()
    for required in ("summary is required", "publication date is required", "phase of the cycle is required"):
        assert required in errors
    assert "cooperating countries must have between 1 and 2 item(s)" in errors  # three were added
    assert "keywords must have between 1 and 12 item(s)" in errors  # none was
    form.traffic.errors.remove("uncaught: undefined")  # how Decap rejects the save (its promise, with no reason)
    assert "an-incomplete-round" not in git(editor_site.project, "branch", "--list", "cms/*")


def test_the_form_at_phone_width(browser, editor_site):
    page, traffic = open_page(browser, editor_site.url, viewport={"width": 390, "height": 844}, is_mobile=True)
    form = EditorForm(page)
    form.open_new("rounds")
    form.type("title", "A round typed on a phone")
    form.choose("phase", "Evaluation")
    cooperating = form.add("cooperating")
    form.choose("country", "Uruguay", within=cooperating)
    form.type("institution", "Ministry of Social Development", within=cooperating)
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "editor-round-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing to scroll sideways
    save = page.get_by_role("button", name="Save").first
    box = save.bounding_box()
    assert save.is_visible() and box["x"] + box["width"] <= 390
    page.context.close()
    assert not traffic.foreign_hosts() and not traffic.errors


def test_correcting_an_existing_entry_keeps_what_the_form_does_not_show(form, editor_site):
    """An entry written by hand (countries by name, published, a flat file) corrected in the form: its fields the
    form has no widget for, and the values it would not offer, stay as they were."""
    form.page.goto("admin/#/collections/lessons/entries/red-calle")
    form.page.get_by_role("button", name="Login").click()
    summary = form.field("summary")
    summary.fill(summary.input_value().replace("Red Calle started", "The Red Calle project started"))
    screenshot(form.page, "editor-existing-lesson-1280")
    form.save()
    branch = "cms/lessons/red-calle"  # the entry keeps its file, lessons/red-calle.md
    assert git(editor_site.project, "diff", "--name-only", f"main...{branch}").split() == ["lessons/red-calle.md"]
    before = yaml.safe_load(git(editor_site.project, "show", "main:lessons/red-calle.md").split("---\n")[1])
    after = yaml.safe_load(git(editor_site.project, "show", f"{branch}:lessons/red-calle.md").split("---\n")[1])
    assert after["summary"].startswith("The Red Calle project started")
    assert {k: v for k, v in after.items() if k != "summary"} == {k: v for k, v in before.items() if k != "summary"}
