"""Synthetic, valid entries for the scale benchmark: a deterministic mix of rounds and lessons.

    .venv/bin/python benchmarks/synthetic.py --entries 1000 --out /tmp/kb-1000

``make_site(n, out)`` copies what a build needs from the repository (mkdocs.yml, docs/, hooks/,
vocabularies/) into ``out`` and writes ``n`` entries into ``out/rounds`` and ``out/lessons``
(the repository's own entries are left out). The mix imitates a bank that has grown for years:
55 % rounds, 45 % lessons; 10 % unpublished; four languages; countries of the Americas and a few
partners; keywords drawn with a long tail from a pool that grows with the bank (so keyword pages
grow too); bodies from a few hundred to a few thousand words. Same ``n`` and seed, same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "docs", "hooks", "vocabularies")
AMERICAS = (
    "AR BO BR CL CO CR CU DO EC SV GT HN HT JM MX NI PA PY PE TT UY VE BS BB BZ CA US GY SR LC GD VC KN AG DM".split()
)
PARTNERS = "ES IT DE FR PT JP KR".split()
PHASES = ["identification", "formulation", "implementation", "monitoring", "evaluation"]
LANGUAGES = ["en"] * 5 + ["es"] * 3 + ["pt"] + ["fr"]
STEMS = (
    "care cash transfer registry social protection pension disability childhood youth employment health "
    "nutrition school feeding housing water gender indigenous rural urban migrant monitoring evaluation "
    "targeting payments digital interoperability grievance shock disaster climate insurance labour skills "
    "training municipal community women older persons caregivers families poverty"
).split()
QUALIFIERS = ("", "systems", "policy", "services", "reform", "networks", "data", "programmes", "coverage", "quality")
WORDS = (
    "the programme ministry households families coverage registry payments visit panel institutions local "
    "municipal teams data quality follow-up benefits services training budget pilot scale evidence survey "
    "indicators agreement exchange partners region rural urban women children older people caregivers "
    "design implementation rules targeting transfer conditional unconditional health schools records "
    "digital platform grievance mechanism outreach staff capacity coordination law decree network"
).split()
SECTIONS = {
    "rounds": ["Description of the round", "Findings", "Recommendations", "Further cooperation"],
    "lessons": ["Description of the action", "Experience gained", "Impacts"],
}


def keyword_pool(n: int) -> list[str]:
    """A pool of distinct keywords that grows with the bank (about one new keyword per six entries)."""
    pool = [s.capitalize() for s in STEMS]
    pool += [f"{a.capitalize()} {b}" for a in STEMS for b in QUALIFIERS if b]
    pool += [f"{a.capitalize()} and {b}" for a in STEMS for b in STEMS if a < b]
    return pool[: max(40, n // 6)]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))


def body(kind: str, rng: random.Random) -> str:
    """The kind's sections, each a few paragraphs; lengths vary from a short card to a long report."""
    scale = rng.choice([1, 1, 1, 2, 2, 3, 5])
    parts = []
    for title in SECTIONS[kind]:
        parts.append(f"## {title}\n")
        for _ in range(rng.randint(1, 2) * scale):
            parts.append(_paragraph(rng) + "\n")
        if rng.random() < 0.4:
            parts.append("\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 5))) + "\n")
    return "\n".join(parts)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _zipf_choice(rng: random.Random, pool: list[str]) -> str:
    """Few keywords are common, most are rare: rank r is drawn with weight about 1/r."""
    return pool[min(int(len(pool) ** rng.random()) - 1, len(pool) - 1)]


def entry(i: int, kind: str, rng: random.Random, pool: list[str]) -> str:
    """The Markdown file of one valid entry."""
    published = rng.random() >= 0.10
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 11 * 365))
    country = rng.choice(AMERICAS)
    keywords = list(dict.fromkeys(_zipf_choice(rng, pool) for _ in range(rng.randint(2, 8))))
    sdgs = sorted(rng.sample(range(1, 18), rng.randint(1, 4)))
    lines = [
        "---",
        f"title: {_quote(' '.join(filter(None, [rng.choice(STEMS).capitalize(), rng.choice(QUALIFIERS), f'in {country}, case {i}'])))}",
        f"summary: {_quote(' '.join(_sentence(rng) for _ in range(3))[:590])}",
        f"published: {'true' if published else 'false'}",
        f"date: {date.isoformat()}",
        f"language: {rng.choice(LANGUAGES)}",
        f"phase: {rng.choice(PHASES)}",
        f"sdgs: [{', '.join(map(str, sdgs))}]",
        f"keywords: [{', '.join(_quote(k) for k in keywords)}]",
    ]
    if kind == "rounds":
        partners = rng.sample([c for c in AMERICAS + PARTNERS if c != country], rng.randint(1, 2))
        start = date - dt.timedelta(days=rng.randint(60, 200))
        lines += [
            f"beneficiary: {{country: {country}, institution: {_quote(f'Ministry of Social Development {i}')}}}",
            "cooperating:",
            *(f"  - {{country: {c}, institution: {_quote(f'Institute {i}-{c}')}}}" for c in partners),
            f"initiative: {_quote(_sentence(rng))}",
            f"objective: {_quote(_sentence(rng))}",
            "panel:",
            *(
                f"  - {{name: {_quote(f'Specialist {i}-{k}')}, role: specialist, country: {c}}}"
                for k, c in enumerate((partners * 2)[:2])
            ),
            *(
                f"  - {{name: {_quote(f'Coordinator {i}-{k}')}, role: coordinator, institution: Technical Secretariat}}"
                for k in range(2)
            ),
            f"visit: {{start: {start.isoformat()}, end: {(start + dt.timedelta(days=rng.randint(2, 4))).isoformat()}}}",
            f"report: {{pages: {rng.randint(6, 20)}}}",
        ]
        if published:
            authorized = date - dt.timedelta(days=rng.randint(1, 30))
            lines += [f"authorization: {{granted_by: {_quote(f'Ministry {i}')}, date: {authorized.isoformat()}}}"]
    else:
        countries = [country] + rng.sample([c for c in AMERICAS if c != country], rng.randint(0, 3))
        lines += [
            f"knowledge_type: {rng.choice(['lesson-learnt', 'good-practice', 'success-story'])}",
            f"author: {_quote(f'Project {i % 97}')}",
            f"countries: [{', '.join(countries)}]",
            "actors:",
            *(
                f"  - {{name: {_quote(f'Agency {i}-{c}')}, country: {c}}}"
                for c in countries + rng.sample(PARTNERS, rng.randint(0, 1))
            ),
            f"added_values: [{', '.join(map(str, sorted(rng.sample(range(1, 7), rng.randint(1, 3)))))}]",
        ]
    return "\n".join(lines) + "\n---\n\n" + body(kind, rng)


def make_site(n: int, out: Path, seed: int = 20260501) -> dict[str, int]:
    """Copy the project into ``out`` and write ``n`` synthetic entries; returns counts by kind and publication."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, out / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, out / name)
    rng = random.Random(seed + n)
    pool = keyword_pool(n)
    counts = {"rounds": 0, "lessons": 0, "published": 0}
    for kind in ("rounds", "lessons"):
        (out / kind).mkdir()
    for i in range(n):
        kind = "rounds" if rng.random() < 0.55 else "lessons"
        text = entry(i, kind, rng, pool)
        (out / kind / f"{kind[:-1]}-{i:05d}.md").write_text(text, encoding="utf-8")
        counts[kind] += 1
        counts["published"] += "\npublished: true\n" in text
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=250)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(make_site(args.entries, args.out))


if __name__ == "__main__":
    main()
