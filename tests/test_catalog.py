"""The catalog on a generated bank of 200 entries (no build): ``Catalog.related`` gives exactly what comparing every
pair of entries gives, and the cooperation pages list exactly the rounds of each flow."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.catalog import Catalog
from knowledge_bank.cooperation import cooperation
from knowledge_bank.loader import load_content
from knowledge_bank.render import render_site

from .helpers import content_root, write_entry

ENTRIES = 200
COUNTRIES = ["UY", "CL", "PE", "BR", "PY", "AR", "MX", "CO", "EC", "BO", "CR", "GT", "HN", "SV", "PA", "DO"]
# Spellings that differ only in case are one keyword (one page, one feature); the generator uses both.
KEYWORDS = ["Care systems", "care systems", "Peer review", "Social registries", "School meals", "Cash transfers"]
KEYWORDS += ["Early childhood", "Pensions", "Disability", "Street children", "Family farming", "Targeting"]
KEYWORDS += [f"Topic {i}" for i in range(24)]
SDGS = list(range(1, 18))


def features(fields: dict, kind: str) -> frozenset[str]:
    """What related entries share, from what the generator wrote: keywords (case ignored), countries, SDGs."""
    if kind == "rounds":
        countries = [fields["beneficiary"]["country"], *(p["country"] for p in fields["cooperating"])]
    else:
        countries = [*fields["countries"], *(a["country"] for a in fields["actors"])]
    return frozenset(
        {f"k:{k.lower()}" for k in fields["keywords"]}
        | {f"c:{c}" for c in countries}
        | {f"s:{s}" for s in fields["sdgs"]}
    )


def entry_fields(rng: random.Random, i: int, kind: str, date: dt.date) -> dict:
    """The front matter of entry ``i``: most have several keywords, SDGs and countries; some have one of each
    (few related entries); the first two share only SDG 17 with each other and nothing with anyone else."""
    few = rng.random() < 0.3
    fields = {
        "title": f"Entry {i}",
        "summary": f"What entry {i} found.",
        "published": rng.random() > 0.15,
        "date": date,
        "phase": rng.choice(["formulation", "implementation", "evaluation"]),
        "sdgs": rng.sample(SDGS, 1 if few else rng.randint(1, 3)),
        "keywords": rng.sample(KEYWORDS, 1 if few else rng.randint(1, 3)),
    }
    countries = rng.sample(COUNTRIES, 4)
    if i < 2:
        kind, countries, few = "lessons", [["JM", "TT"][i]], True
        fields |= {"published": True, "sdgs": [17], "keywords": [f"Only here {i}"]}
    if kind == "rounds":
        return fields | {
            "beneficiary": {"country": countries[0], "institution": "Ministry"},
            "cooperating": [{"country": c, "institution": f"Institute {c}"} for c in countries[1 : rng.randint(2, 3)]],
            "initiative": "Initiative",
            "objective": "Objective",
            "authorization": {"granted_by": "Ministry", "date": date},
        }
    actors = [] if few else rng.sample(COUNTRIES, rng.randint(0, 2))
    return fields | {
        "knowledge_type": "lesson-learnt",
        "author": "Project",
        "countries": countries[: 1 if few else rng.randint(1, 3)],
        "actors": [{"name": f"Agency {c}", "country": c} for c in actors],
        "added_values": [1],
    }


def generate(root, seed: int) -> dict[str, tuple[frozenset[str], dt.date, bool]]:
    """Write ``ENTRIES`` random rounds and lessons under ``root``; slug -> (features, date, published)."""
    rng = random.Random(seed)
    days = rng.sample(range(3000), ENTRIES)  # distinct dates: "newest first" decides every tie of shared features
    written = {}
    for i in range(ENTRIES):
        kind = "lessons" if i < 2 else rng.choice(["rounds", "lessons"])
        fields = entry_fields(rng, i, kind, dt.date(2015, 1, 1) + dt.timedelta(days=days[i]))
        slug = f"{kind[:-1]}-{i:03d}"
        write_entry(root, kind, slug, fields)
        written[slug] = (features(fields, kind), fields["date"], fields["published"])
    return written


@pytest.fixture(scope="module", params=[1, 2], ids=lambda seed: f"seed {seed}")
def bank(request, tmp_path_factory):
    """A generated bank, loaded; and what the generator wrote."""
    root = content_root(tmp_path_factory.mktemp("related"))
    written = generate(root, request.param)
    content = load_content(root)
    assert content.ok, [p.format() for p in content.problems if p.is_error]
    assert len(content.entries) == ENTRIES
    return content, written


def brute_force(written, catalog: Catalog, slug: str, n: int) -> list[str]:
    """Every other entry of the catalog sharing at least two features with ``slug``: most shared first, then newest."""
    mine = written[slug][0]
    shared = {e.slug: len(mine & written[e.slug][0]) for e in catalog.entries if e.slug != slug}
    found = [s for s, count in shared.items() if count >= 2]
    return sorted(found, key=lambda s: (-shared[s], -written[s][1].toordinal()))[:n]


@pytest.mark.parametrize("n", [1, 3, 7])
@pytest.mark.parametrize("preview", [False, True], ids=["public", "preview"])
def test_related_entries_are_those_a_pairwise_comparison_finds(bank, preview, n):
    content, written = bank
    catalog = Catalog.build(content, preview=preview)
    for entry in catalog.entries:
        assert [e.slug for e in catalog.related(entry, n)] == brute_force(written, catalog, entry.slug, n), entry.slug


def test_the_generated_bank_exercises_every_rule(bank):
    """Guards the comparison above against a bank where it would prove little."""
    content, written = bank
    catalog = Catalog.build(content)
    lengths = [len(brute_force(written, catalog, e.slug, 7)) for e in catalog.entries]
    assert lengths.count(0) >= 2 and 7 in lengths and any(0 < k < 7 for k in lengths)
    unpublished = {slug for slug, (_, _, published) in written.items() if not published}
    assert unpublished and unpublished.isdisjoint(e.slug for e in catalog.entries)
    assert any(
        count == 1
        for e in catalog.entries
        for o in catalog.entries
        if (count := len(written[e.slug][0] & written[o.slug][0]))
    ), "some pairs share a single feature, which is not enough"


def test_related_entries_share_two_features_exclude_the_entry_and_are_never_unpublished(bank):
    content, written = bank
    catalog = Catalog.build(content)
    for entry in catalog.entries:
        related = catalog.related(entry, 10)
        assert len(related) <= 10
        assert entry.slug not in [e.slug for e in related]
        assert all(written[e.slug][2] for e in related), "an unpublished entry is never related in a built site"
        assert all(len(written[entry.slug][0] & written[e.slug][0]) >= 2 for e in related)
        assert [written[e.slug][0] & written[entry.slug][0] for e in related] == sorted(
            (written[e.slug][0] & written[entry.slug][0] for e in related), key=len, reverse=True
        )


def test_a_preview_relates_unpublished_entries_too(bank):
    content, written = bank
    catalog = Catalog.build(content, preview=True)
    related = {e.slug for entry in catalog.entries for e in catalog.related(entry, 3)}
    assert any(not written[slug][2] for slug in related)


def test_a_cooperating_country_page_lists_each_flow_in_a_section_its_links_open(bank):
    """``cooperation/<country>/``: a section per beneficiary, whose id the matrix, the table and the country pages
    link to, listing exactly the public rounds in which the country cooperated with it."""
    catalog = Catalog.build(bank[0])
    expected: dict[str, set[str]] = {}  # cooperating/#beneficiary -> public rounds, from the entries' fields
    for entry in catalog.entries:
        if entry.kind == "round":
            beneficiary = catalog.country(entry.fields.beneficiary.country).slug
            for party in entry.fields.cooperating:
                expected.setdefault(f"{catalog.country(party.country).slug}/#{beneficiary}", set()).add(entry.slug)
    site = render_site(catalog, languages=("en",))
    found: dict[str, set[str]] = {}
    for uri, markdown in site.pages.items():
        if uri.startswith("cooperation/") and uri != "cooperation/index.md":
            page = BeautifulSoup(site.html_blocks.whole(markdown.split("---\n", 2)[2]), "html.parser")
            for h2 in page.find_all("h2"):
                rounds = h2.find_next_sibling("ul", class_="kb-list").select("a.kb-item__title")
                found[f"{uri.removeprefix('cooperation/').removesuffix('index.md')}#{h2['id']}"] = {
                    a["href"].split("/")[-2] for a in rounds
                }
    assert found == expected and max(map(len, found.values())) > 1
    assert sum(url.endswith("/#" + url.split("/")[0]) for url in found) == 0  # no country cooperates with itself
    flows = cooperation(catalog)
    assert {f.path.removeprefix("cooperation/") for f in flows.flows} == set(found)
    assert len({url.split("/")[0] for url in found}) < len(found)  # several sections on a page
