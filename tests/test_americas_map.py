"""The map of the Americas: its shapes (data/americas.json) and what it counts, without a build."""

from __future__ import annotations

import json
import re

import pycountry
import pytest
from bs4 import BeautifulSoup

from knowledge_bank.americas_map import SHAPES, americas_map, legend, shapes
from knowledge_bank.catalog import Catalog
from knowledge_bank.loader import load_content
from knowledge_bank.text import fold
from knowledge_bank.vocabularies import load_vocabularies

from .helpers import FIXTURES, ROOT, content_root

# The 35 member states of the Organization of American States: the 110m file lacks seven of them.
OAS = "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE".split()


def test_the_shapes_say_where_they_come_from():
    data = json.loads(SHAPES.read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"] and "world-atlas 2.0.2" in data["source"]
    assert "public domain" in data["licence"] and "ISC" in data["licence"]
    assert data["made_by"] == "tools/americas_map.py" and (ROOT / data["made_by"]).is_file()


def test_every_member_state_of_the_oas_has_a_shape_that_svg_can_draw():
    drawing = shapes()
    assert set(OAS) <= set(drawing.countries)
    path = re.compile(r"^(M-?[\d.]+ -?[\d.]+(l[-\d. ]+)?z)+$")
    for code, shape in drawing.countries.items():
        assert path.match(shape.d), code
    assert {code for code, shape in drawing.countries.items() if shape.dot} >= {
        "BB",
        "GD",
        "LC",
        "VC",
        "KN",
        "AG",
        "DM",
    }


def test_every_shape_is_a_country_of_the_americas_in_regions_yml():
    americas = set(load_vocabularies(ROOT / "vocabularies").regions["americas"])
    assert set(shapes().countries) <= americas
    assert all(pycountry.countries.get(alpha_2=code) for code in americas)


@pytest.mark.parametrize(
    "highest, bounds",
    [(0, []), (1, [(1, 1)]), (3, [(1, 1), (2, 2), (3, 3)]), (5, [(n, n) for n in range(1, 6)])],
)
def test_small_counts_get_a_shade_each(highest, bounds):
    assert [(s.low, s.high) for s in legend(highest)] == bounds


@pytest.mark.parametrize("highest", [6, 7, 12, 40, 250, 4000])
def test_the_legend_covers_every_count_once(highest):
    shades = legend(highest)
    assert shades[0].low == 1 and shades[-1].high == highest and len(shades) <= 5
    assert all(a.high + 1 == b.low and a.low <= a.high for a, b in zip(shades, shades[1:], strict=False))


def test_the_map_counts_what_the_country_pages_list(tmp_path):
    catalog = Catalog.build(load_content(content_root(tmp_path, ROOT, FIXTURES / "publication")))
    drawn = americas_map(catalog)
    listed = {v.country.code: v.count for v in catalog.countries.values}
    assert {c.code: c.count for c in drawn.countries + drawn.partners} == listed
    assert {c.code for c in drawn.partners} == {code for code in listed if code in {"ES", "IT", "DE"}}
    for c in drawn.countries + drawn.partners:
        assert drawn.legend[c.level - 1].low <= c.count <= drawn.legend[c.level - 1].high


def test_countries_without_a_public_entry_are_one_unnamed_shape(tmp_path):
    # Suriname, Guyana and Belize appear only in unpublished entries of the publication fixture.
    catalog = Catalog.build(load_content(content_root(tmp_path, FIXTURES / "publication")))
    drawn = americas_map(catalog)
    assert {c.code for c in drawn.countries} == {"CL", "PY", "UY"}
    for code in ("SR", "GY", "BZ"):
        assert shapes().countries[code].d in drawn.blank


@pytest.mark.build
@pytest.mark.parametrize("lang", ["", "es/", "pt/", "fr/"])
def test_the_maps_lists_are_sorted_by_the_names_of_the_pages_language(repo_build, lang):
    """Alemania before Italia in Spanish, Germany before Italy in English: each language sorts by its own names."""
    page = BeautifulSoup(repo_build.page(lang), "lxml")
    partners = [a.get_text() for a in page.select(".kb-map__partners a")]
    rows = [a.get_text() for a in page.select(".kb-map__table tbody th a")]
    americas = rows[: len(rows) - len(partners)]
    assert len(partners) > 1 and len(americas) > 1 and rows[len(americas) :] == partners
    assert partners == sorted(partners, key=fold) and americas == sorted(americas, key=fold), (partners, americas)
