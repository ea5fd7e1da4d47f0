"""GitHub: the workflows pass actionlint (which really fails on a broken one) and do what the project promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .helpers import ROOT

ACTIONLINT = Path(sys.executable).parent / "actionlint"
WORKFLOWS = ROOT / ".github" / "workflows"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), "-no-color", *map(str, files)], capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} == {"check.yml", "deploy.yml"}
    done = actionlint(*files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_fails_on_a_broken_workflow(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    broken = folder / "check.yml"
    shutil.copy(WORKFLOWS / "check.yml", broken)
    text = broken.read_text().replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout-minute: 30")
    broken.write_text(text.replace("github.event.pull_request.number", "github.event.pull_requests.numbr"))
    done = actionlint(broken)
    assert done.returncode != 0
    assert "timeout-minute" in done.stdout


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def test_pull_requests_run_kb_check_the_strict_build_and_the_tests():
    workflow = load("check.yml")
    assert "pull_request" in workflow["on"]
    job = workflow["jobs"]["check"]
    assert job["container"].startswith("python:3.1") and "bookworm" in job["container"]  # Debian's chromium
    runs = [step.get("run", "") for step in job["steps"]]
    assert runs.index("python3 tasks.py kb check --strict") < runs.index("python3 tasks.py build")
    assert any(r.startswith("python3 tasks.py test") for r in runs)
    assert all(step.get("if") == "${{ !cancelled() }}" for step in job["steps"][2:])


def test_main_is_built_and_deployed_to_pages():
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    assert any(step.get("run") == "python3 tasks.py build" for step in build["steps"])
    assert [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")][0]["with"] == {
        "path": "site"
    }
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["permissions"] == {"contents": "read"}


def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text()
    assert "- [ ] `kb check`" in text
    assert "written authorization" in text.lower()
