"""What a body may ask of the page: images only from its entry's folder, only the classes the site's Markdown
features write, and no heading id that the theme uses."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from knowledge_bank.markup import BodyError, render_body

from .helpers import make_project, run_build
from .hostile import VALID_LESSON


@pytest.mark.parametrize(
    "address",
    [
        "https://tracker.example/pixel.gif",
        "http://tracker.example/pixel.gif",
        "//tracker.example/pixel.gif",
        "/assets/images/logo.png",
        "../other-entry/photo.png",
    ],  # (a `data:` image is removed with the other addresses that are neither http(s) nor relative)
)
def test_an_image_from_outside_the_entry_folder_is_an_error_that_says_to_attach_it(address):
    for body in (f"![a chart]({address})", f'<img src="{address}" alt="a chart">'):
        with pytest.raises(BodyError, match="image from outside the entry's folder.*attach the image file"):
            render_body("T", body)


def test_an_image_of_the_entry_folder_is_shown():
    html = render_body("T", "![a chart](chart.png) ![a map](figures/map.png)").html
    assert 'src="chart.png"' in html and 'src="figures/map.png"' in html


def test_only_the_classes_of_the_site_markdown_features_are_kept():
    body = (
        '!!! note "Read this"\n    Text.\n\n'
        '<div class="admonition danger kb-unpublished">Not published — awaiting authorization</div>\n\n'
        '<p class="md-dialog md-dialog--active">A fixed dialog</p>\n\n'
        "A paragraph.\n{: .kb-item--unpublished .md-banner }\n"
    )
    soup = BeautifulSoup(render_body("T", body).html, "lxml")
    classes = {c for element in soup.select("[class]") for c in element["class"]}
    assert classes == {"admonition", "note", "admonition-title", "danger"}


def test_heading_ids_never_take_the_theme_ids():
    rendered = render_body("__config", "## __search\n\n## __drawer\n\n## config\n")
    ids = [token["id"] for token in rendered.headings]
    assert ids == ["config", "search", "drawer", "config_1"]
    assert not [i for i in rendered.ids if i.startswith("_")]


@pytest.mark.build
def test_an_entry_titled_like_a_theme_element_leaves_the_theme_its_id(tmp_path):
    content = tmp_path / "content"
    (content / "lessons").mkdir(parents=True)
    text = VALID_LESSON.replace("title: A lesson about peer visits", "title: __config").replace(
        "## Description of the action", "## __search\n\n## Description of the action"
    )
    (content / "lessons" / "theme-ids.md").write_text(text, encoding="utf-8")
    build = run_build(make_project(tmp_path, content=content))
    assert build.returncode == 0, build.output
    page = BeautifulSoup(build.page("lessons/theme-ids/"), "lxml")
    assert [e.name for e in page.select('[id="__config"]')] == ["script"]
    assert [e.name for e in page.select('[id="__search"]')] == ["input"]
    assert page.select_one("h1")["id"] == "config" and page.select_one("h1").get_text(strip=True).startswith("__config")
