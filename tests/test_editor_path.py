"""An editor's whole path, in a copy of the repository, with the real `kb` and `mkdocs` commands:
`kb new`, fill in the fields, `kb check` clean, a strict build without the round while it is
unpublished, and with it once it is published and authorized."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import make_project, run_build, search_records

pytestmark = pytest.mark.build

KB = Path(sys.executable).parent / "kb"
TITLE = "Community care services in Itapúa (demonstration)"
SLUG = "community-care-services-in-itapua-demonstration"


def kb(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(KB), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def edit(path: Path, *changes: tuple[str, str]) -> None:
    """Replace each pattern exactly once, as an editor would change each line by hand."""
    text = path.read_text(encoding="utf-8")
    for pattern, replacement in changes:
        text, n = re.subn(pattern, replacement, text, count=1, flags=re.M)
        assert n == 1, f"the skeleton has no line matching {pattern!r}"
    path.write_text(text, encoding="utf-8")


NAMES = iter(["Ana Ejemplo", "Bruno Muestra", "Carla Ficticia", "Diego Modelo"])
FILLED = [
    (
        r"^  FILL IN one paragraph.*\n.*\n",
        "  Paraguay asked for a round on its community care services; the panel recommended\n  training caregivers and one assessment of dependency.\n",
    ),
    (r"^(phase: formulation)  #.*$", r"\1"),
    (r"^sdgs: \[1\]  #.*$", "sdgs: [1, 5]"),
    (r'^  - "FILL IN a keyword"$', "  - Care systems\n  - Caregiver training"),
    (r"^  country: Paraguay  #.*$", "  country: PY"),
    (r'"FILL IN the requesting institution"', '"Ministerio de Desarrollo Social"'),
    (r"^  - country: Uruguay  #.*$", "  - country: Uruguay"),
    (r'"FILL IN the cooperating institution"', '"Ministerio de Desarrollo Social (MIDES)"'),
    (
        r"^  FILL IN the policy.*$",
        "  The design of community care services for older persons in the department of Itapúa.",
    ),
    (r"^  FILL IN the goal.*$", "  Recommendations on the services, their staff and their financing."),
    *[(r'"FILL IN full name"', lambda m: f'"{next(NAMES)}"')] * 4,
    *[(r"^    country: Uruguay  #.*$", "    country: URY")] * 2,
    *[(r'"FILL IN institution"', '"Technical Secretariat (DSI/OAS)"')] * 4,
    (r"^  start: (.*?)  #.*$", "  start: 2026-03-02"),
    (r"^  end: (.*?)  #.*$", "  end: 2026-03-05"),
    (r'"FILL IN the city"', '"Encarnación"'),
    (r"^FILL IN how the round.*$", "The ministry asked for the round while it designed the services."),
    (r"^FILL IN what the panel found.*$", "- Services exist, but each programme assesses people its own way."),
    (r"^FILL IN the practical.*$", "1. Adopt one assessment of dependency."),
    (r"^FILL IN further needs.*$", "An exchange on caregiver training is planned."),
]


def files_mentioning(site: Path, *needles: str) -> list[str]:
    found = []
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.relative_to(site)}: {n}" for n in needles if n.encode() in data]
    return found


def test_an_editor_adds_a_round_previews_it_and_publishes_it_once_authorized(tmp_path):
    project = make_project(tmp_path, with_repo_content=True)

    created = kb("new", "round", TITLE, cwd=project / "rounds")
    assert created.returncode == 0, created.stderr
    entry = project / "rounds" / f"{SLUG}.md"
    assert entry.is_file()

    edit(entry, *FILLED)
    assert "FILL IN" not in entry.read_text(encoding="utf-8")
    check = kb("check", f"rounds/{SLUG}.md", cwd=project)
    assert check.returncode == 0 and check.stdout.strip() == "0 error(s), 0 warning(s)", check.stdout

    unpublished = run_build(project)
    assert unpublished.returncode == 0, unpublished.output
    assert not (unpublished.site / "rounds" / SLUG).exists()
    assert not files_mentioning(unpublished.site, SLUG, "Itapúa", "Itap\\u00fa", "Encarnaci")
    catalog = json.loads((unpublished.site / "catalog.json").read_text())
    assert SLUG not in {e["slug"] for e in catalog["entries"]}

    edit(entry, (r"^published: false.*$", "published: true"))
    refused = kb("check", f"rounds/{SLUG}.md", cwd=project)
    assert refused.returncode == 1
    assert re.search(rf"^rounds/{SLUG}\.md:\d+: error: .*needs `authorization`", refused.stdout, flags=re.M)

    edit(
        entry,
        (
            r"^# authorization:\n#   granted_by: .*\n#   date: .*\n#   reference: .*$",
            'authorization:\n  granted_by: "Ministerio de Desarrollo Social"\n  date: 2026-04-10\n  reference: "Note 12/2026"',
        ),
    )
    assert kb("check", cwd=project).stdout.strip() == "0 error(s), 0 warning(s)"
    published = run_build(project)
    assert published.returncode == 0, published.output
    assert TITLE in published.page(f"rounds/{SLUG}")
    catalog = json.loads((published.site / "catalog.json").read_text())
    assert SLUG in {e["slug"] for e in catalog["entries"]}
    assert f"rounds/{SLUG}/" in search_records(published.site)
    assert f"rounds/{SLUG}/" in published.page("keywords/caregiver-training")
