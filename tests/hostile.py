"""Hostile content shared by the injection tests: payloads in every field that reaches an output."""

from __future__ import annotations

from pathlib import Path

from .helpers import pdf_bytes, yaml_flow

# Every payload carries the marker `kbx`, so a test can find where it ended up.
SCRIPT = "<script>alert('kbx1')</script>"
IMG = "\"><img src=x onerror=alert('kbx2')>"
TITLE_BREAK = "</title><script>alert('kbx3')</script>"
TEMPLATE = "{{ 7*7 }} {% if 1 %}kbx4{% endif %}"
MARKDOWN = "**kbx5** [link](javascript:alert('kbx5'))"
XML = "kbx6 ]]> & < > \" ' <![CDATA[x]]>"
FORMULA = '=HYPERLINK("https://evil.example","kbx7")'
ATTRIBUTES = "{: onclick=\"alert('kbx24')\" }"  # attr_list syntax, which would add an attribute to a heading
PAYLOADS = (SCRIPT, IMG, TITLE_BREAK, TEMPLATE, MARKDOWN, XML, FORMULA, ATTRIBUTES)

TITLE = f"{TITLE_BREAK} {IMG} {TEMPLATE} {ATTRIBUTES}"[:200]
SUMMARY = " ".join(PAYLOADS)
LESSON_TITLE = f"{FORMULA} {SCRIPT}"
KEYWORDS = [SCRIPT, IMG, TEMPLATE, FORMULA[:60], "-2+3 kbx8", "@SUM(1) kbx9", f"kbx {ATTRIBUTES}"]

BODY = f"""
## Description of the round {SCRIPT}

<script>alert('kbx10')</script>
<img src=x onerror="alert('kbx11')">
<a href="javascript:alert('kbx12')">click</a>
<iframe src="https://evil.example/kbx13"></iframe>
<div id="__config">{{"search": "https://evil.example/kbx14.js"}}</div>
<p style="position:fixed;top:0">kbx15</p>

A link [kbx16](javascript:alert('kbx16')) and a paragraph with an attribute.
{{: onclick="alert('kbx17')" }}

<svg><script>alert('kbx18')</script></svg>
<math><mtext><table><mglyph><style><img src=x onerror=alert('kbx19')>

## Findings {IMG}

{TEMPLATE}

## Recommendations

<details open ontoggle="alert('kbx20')"><summary>kbx20</summary>x</details>

## Further cooperation

[kbx21](data:text/html,<script>alert('kbx21')</script>) <form action="javascript:alert('kbx22')"><button>kbx22</button></form>
"""


def _yaml(value) -> str:
    return yaml_flow(value)  # every payload written as a quoted string


def write_round(folder: Path) -> None:
    """A published round in ``folder/rounds/kbx-round/`` with a payload in every text field."""
    entry = folder / "rounds" / "kbx-round"
    entry.mkdir(parents=True)
    (entry / "report.pdf").write_bytes(pdf_bytes(12, "kbx report"))
    fields = {
        "title": TITLE,
        "summary": SUMMARY,
        # Its French pages show these in place of the title and summary, and name the title as written.
        "translations": {"fr": {"title": TITLE, "summary": SUMMARY}},
        "published": True,
        "date": "2025-03-01",
        "phase": "formulation",
        "sdgs": [1],
        "keywords": KEYWORDS,
        "beneficiary": {"country": "Paraguay", "institution": f"Ministry {SCRIPT}"},
        "cooperating": [{"country": "Uruguay", "institution": f"Institute {IMG}"}],
        "initiative": f"Initiative {TITLE_BREAK} {FORMULA}",
        "objective": f"Objective {MARKDOWN} {XML}",
        "panel": [
            {"name": f"Ana {SCRIPT}", "role": "specialist", "country": "UY", "institution": f"Inst {IMG}"},
            {"name": f"Bruno {TEMPLATE}", "role": "specialist"},
            {"name": f"Carla {XML}", "role": "coordinator"},
            {"name": f"Diego {FORMULA}", "role": "coordinator"},
        ],
        "visit": {"start": "2025-02-03", "end": "2025-02-06", "place": f"Asunción {IMG}"},
        "reference_documents": [
            {"title": f"Guide {SCRIPT}", "url": "https://example.org/guide?a=1&b=\"><script>alert('kbx23')</script>"},
            {"title": f"Report {IMG}", "file": "report.pdf"},
        ],
        "report": {"file": "report.pdf", "pages": 12},
        "authorization": {"granted_by": f"Ministry {TITLE_BREAK}", "date": "2025-02-20", "reference": TEMPLATE},
    }
    lines = ["---", *(f"{key}: {_yaml(value)}" for key, value in fields.items()), "---", BODY]
    (entry / "index.md").write_text("\n".join(lines), encoding="utf-8")


def write_lesson(folder: Path) -> None:
    """A published lesson with a payload in every text field."""
    (folder / "lessons").mkdir(parents=True, exist_ok=True)
    fields = {
        "title": LESSON_TITLE,
        "summary": SUMMARY,
        "published": True,
        "date": "2025-04-01",
        "phase": "implementation",
        "sdgs": [5],
        "keywords": KEYWORDS[:3],
        "knowledge_type": "good-practice",
        "author": f"Author {IMG} {TEMPLATE}",
        "countries": ["Chile"],
        "actors": [{"name": f"Actor {SCRIPT}", "country": "Chile"}, {"name": FORMULA}],
        "added_values": [1],
    }
    body = (
        BODY.replace("Description of the round", "Description of the action")
        .replace("## Findings", "## Experience gained")
        .replace("## Recommendations", "## Impacts")
    )
    lines = ["---", *(f"{key}: {_yaml(value)}" for key, value in fields.items()), "---", body]
    (folder / "lessons" / "kbx-lesson.md").write_text("\n".join(lines), encoding="utf-8")


def write_content(folder: Path) -> Path:
    """Both hostile entries under ``folder``; returns it."""
    write_round(folder)
    write_lesson(folder)
    return folder


VALID_ROUND = (Path(__file__).parent / "fixtures" / "valid" / "rounds" / "valid-round.md").read_text(encoding="utf-8")
VALID_LESSON = (Path(__file__).parent / "fixtures" / "valid" / "lessons" / "valid-lesson.md").read_text(
    encoding="utf-8"
)
