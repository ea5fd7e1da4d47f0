"""The ``kb`` console script, run for real: new, check (and its annotations), schema."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from knowledge_bank.schemas import SCHEMA_FILES, SNIPPETS_FILE, generated_files

from .helpers import FIXTURES, ROOT, make_project, run_build, tree_digest

KB = Path(sys.executable).parent / "kb"
LINE = re.compile(r"^(\S.*?):(\d+): (error|warning): (.*)$")


def kb(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")} | env
    return subprocess.run([str(KB), *args], cwd=cwd, capture_output=True, text=True, env=environment, timeout=120)


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path, content=FIXTURES / "valid")


@pytest.fixture
def broken(tmp_path) -> Path:
    """Valid entries plus three broken ones: two errors and a warning."""
    content = tmp_path / "content"
    for case in ("unknown_country", "too_many_cooperating", "warning_keyword_near_duplicate"):
        shutil.copytree(FIXTURES / "bad" / case, content, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "valid", content, dirs_exist_ok=True)
    return make_project(tmp_path, content=content)


def test_new_writes_a_valid_unpublished_skeleton_named_after_the_title(project):
    done = kb("new", "round", "Sistema Nacional de Cuidados: diseño en Perú", cwd=project)
    assert done.returncode == 0, done.stderr
    path = project / "rounds" / "sistema-nacional-de-cuidados-diseno-en-peru.md"
    assert "Created rounds/sistema-nacional-de-cuidados-diseno-en-peru.md" in done.stdout
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "Sistema Nacional de Cuidados: diseño en Perú"
    assert front["published"] is False and "authorization" not in front
    assert text.count("\n# ") >= 3, "the skeleton explains its fields in comments"
    check = kb("check", str(path.relative_to(project)), cwd=project)
    assert check.returncode == 0, check.stdout
    problems = [LINE.match(line) for line in check.stdout.splitlines() if LINE.match(line)]
    assert problems, "the placeholders are pointed at"
    assert {m[3] for m in problems} == {"warning"}, "a fresh skeleton has no error"
    assert all("FILL IN" in m[4] for m in problems), "its only warnings are its placeholders"
    assert "`beneficiary.institution` still holds" in check.stdout
    # One warning per field (and line of text) still to write, none for a valid value followed by a comment.
    holders = [ln for ln in text.split("\n") if "FILL IN" in ln.split("#")[0] and not ln.startswith("#")]
    assert len(problems) == len(holders) == 19, check.stdout
    assert "`beneficiary.country`" not in check.stdout and "`phase`" not in check.stdout


def test_new_lesson_is_valid_too(project):
    assert kb("new", "lesson", "Aprender juntos", cwd=project).returncode == 0
    check = kb("check", "--strict", "lessons/aprender-juntos.md", cwd=project)
    assert check.returncode == 1 and "0 error(s)" in check.stdout  # warnings only: --strict fails on them


@pytest.mark.parametrize("existing", ["rounds/peer-visits.md", "rounds/peer-visits/index.md"])
def test_new_never_overwrites_an_entry(project, existing):
    path = project / existing
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("mine", encoding="utf-8")
    before = tree_digest(project)
    done = kb("new", "round", "Peer visits", cwd=project)
    assert done.returncode == 1
    assert "already exists" in done.stderr and existing.split("/index.md")[0] in done.stderr
    assert tree_digest(project) == before


def test_new_refuses_a_title_without_letters(project):
    done = kb("new", "lesson", "¿?", cwd=project)
    assert done.returncode == 1 and "no usable file name" in done.stderr


def test_check_reports_every_problem_with_path_line_and_severity(broken):
    before = tree_digest(broken)
    done = kb("check", cwd=broken)
    assert done.returncode == 1
    lines = [LINE.match(line).groups() for line in done.stdout.splitlines() if LINE.match(line)]
    assert ("lessons/unknown-country.md", "11", "error") in [ln[:3] for ln in lines]
    assert ("rounds/too-many-cooperating.md", "10", "error") in [ln[:3] for ln in lines]
    assert ("lessons/keyword-near-duplicate.md", "10", "warning") in [ln[:3] for ln in lines]
    assert any("did you mean Paraguay" in ln[3] for ln in lines)
    assert "2 error(s), 1 warning(s)" in done.stdout
    assert "::error" not in done.stdout, "annotations only under GitHub Actions"
    assert tree_digest(broken) == before, "kb check never modifies a file"


@pytest.mark.build
def test_check_prints_the_same_lines_as_the_build(broken):
    build = run_build(broken, strict=False)
    check = kb("check", cwd=broken)
    logged = [line.split("knowledge_bank: ", 1)[-1] for line in build.output.splitlines()]
    build_lines = {line for line in logged if LINE.match(line)}
    check_lines = {line for line in check.stdout.splitlines() if LINE.match(line)}
    assert check_lines and check_lines == build_lines


def test_check_under_github_actions_annotates_the_lines(broken):
    done = kb("check", cwd=broken, GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(broken))
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 3
    assert any(a.startswith("::error file=lessons/unknown-country.md,line=11,") for a in annotations)
    assert any(a.startswith("::warning file=lessons/keyword-near-duplicate.md,line=10,") for a in annotations)
    assert all("::" in a[2:] and "\n" not in a for a in annotations)


def test_check_paths_limit_the_report(broken):
    only = kb("check", "lessons/keyword-near-duplicate.md", cwd=broken)
    assert only.returncode == 0, only.stdout  # a warning alone does not fail without --strict
    assert "0 error(s), 1 warning(s)" in only.stdout
    assert kb("check", "--strict", "lessons/keyword-near-duplicate.md", cwd=broken).returncode == 1
    folder = kb("check", "rounds", cwd=broken)
    assert folder.returncode == 1 and "1 error(s), 0 warning(s)" in folder.stdout


def test_check_skips_files_that_are_not_entries_and_refuses_missing_ones(broken):
    (broken / "notes.txt").write_text("x")
    skipped = kb("check", "notes.txt", "mkdocs.yml", cwd=broken)
    assert skipped.returncode == 0 and "nothing to check" in skipped.stdout
    assert "skipped notes.txt" in skipped.stderr
    vocabulary = kb("check", "vocabularies/phases.yml", cwd=broken)
    assert vocabulary.returncode == 1 and "2 error(s), 1 warning(s)" in vocabulary.stdout
    missing = kb("check", "lessons/nope.md", cwd=broken)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_check_finds_the_root_from_a_subfolder(broken):
    done = kb("check", "valid-lesson.md", cwd=broken / "lessons")
    assert done.returncode == 0 and "0 error(s), 0 warning(s)" in done.stdout


def test_kb_outside_a_knowledge_bank_says_so(tmp_path):
    done = kb("check", cwd=tmp_path)
    assert done.returncode == 2 and "no mkdocs.yml" in done.stderr


def test_committed_schemas_and_snippets_are_up_to_date():
    for rel, text in generated_files(ROOT).items():
        assert (ROOT / rel).read_text(encoding="utf-8") == text, f"{rel} is stale: run `kb schema`"
    assert kb("schema", "--check", cwd=ROOT).returncode == 0


def test_schema_check_notices_a_stale_copy(project):
    assert kb("schema", cwd=project).returncode == 0
    assert kb("schema", "--check", cwd=project).returncode == 0
    (project / SCHEMA_FILES["rounds"]).write_text("{}")
    stale = kb("schema", "--check", cwd=project)
    assert stale.returncode == 1 and "round.schema.json is out of date" in stale.stdout


def front_matter(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return json.loads(json.dumps(data, default=str))  # dates as YYYY-MM-DD text, as an editor's tool sees them


def test_every_sample_entry_validates_against_its_schema_and_mistakes_do_not():
    for kind, rel in SCHEMA_FILES.items():
        schema = json.loads((ROOT / rel).read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        files = [p / "index.md" if p.is_dir() else p for p in sorted((ROOT / kind).iterdir())]
        assert files
        for path in files:
            jsonschema.validate(front_matter(path), schema)
        wrong = front_matter(files[0]) | {"keyword": ["x"]}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema)


def jsonc(text: str) -> object:
    return json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))


def test_vscode_problem_matcher_reads_kb_check_output(broken):
    tasks = jsonc((ROOT / ".vscode/tasks.json").read_text())
    check = next(t for t in tasks["tasks"] if t["group"] == {"kind": "build", "isDefault": True})
    assert check["command"] == "python3 tasks.py kb check"
    pattern = check["problemMatcher"]["pattern"]
    output = kb("check", cwd=broken).stdout.splitlines()
    matched = [m for line in output if (m := re.match(pattern["regexp"], line))]
    # 3 problems, the count and the hint about warnings; the keywords the thesaurus does not know are listed, as no problem
    assert len(matched) == 3
    listed = next(i for i, line in enumerate(output) if line.endswith("shown as written in every language:"))
    assert output[listed + 1] == "  Peer-reviews (lessons/keyword-near-duplicate.md)"
    first = matched[0]
    assert (broken / first.group(pattern["file"])).is_file()
    assert int(first.group(pattern["line"])) > 0 and first.group(pattern["severity"]) in ("error", "warning")


def test_vscode_snippets_cover_every_field_with_choices():
    snippets = json.loads((ROOT / SNIPPETS_FILE).read_text())
    from knowledge_bank.kinds.lesson import Lesson
    from knowledge_bank.kinds.round import Round

    assert {s["prefix"] for s in snippets.values()} == set(Round.model_fields) | set(Lesson.model_fields)
    assert all(s["scope"] == "markdown" for s in snippets.values())
    phase = next(s for s in snippets.values() if s["prefix"] == "phase")
    assert phase["body"] == ["phase: ${1|identification,formulation,implementation,monitoring,evaluation|}"]
    panel = next(s for s in snippets.values() if s["prefix"] == "panel")
    assert panel["body"][:3] == ["panel:", "  - name: $1", "    role: ${2|specialist,coordinator|}"]


def test_tasks_py_runs_kb_with_the_repository_as_root():
    """`python3 tasks.py kb …` (what the workflow and the VS Code task run) keeps paths relative to the caller."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tasks.py"), "kb", "check", "lessons/keyword-near-duplicate.md"],
        cwd=ROOT / "tests" / "fixtures" / "bad" / "warning_keyword_near_duplicate",
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"--root {ROOT}" in done.stdout
    assert "lessons/keyword-near-duplicate.md" not in done.stdout.split("\n", 1)[1], "outside rounds/: skipped"
    assert "skipped lessons/keyword-near-duplicate.md" in done.stderr
