"""Links between entries: never to a missing entry, and from a published entry never to an unpublished one,
whose title the message does not print."""

from __future__ import annotations

import pytest

from knowledge_bank.loader import load_content

from .helpers import content_root
from .hostile import VALID_LESSON, VALID_ROUND

HIDDEN_TITLE = "A round its country has not authorized"


@pytest.fixture
def root(tmp_path):
    root = content_root(tmp_path)
    (root / "rounds" / "public-round.md").write_text(VALID_ROUND, encoding="utf-8")
    hidden = VALID_ROUND.replace("published: true", "published: false")
    hidden = hidden.replace(VALID_ROUND.split("\n")[1], f"title: {HIDDEN_TITLE}")
    (root / "rounds" / "hidden-round.md").write_text(hidden, encoding="utf-8")
    return root


def _link(root, kind: str, slug: str, text: str, link: str) -> None:
    (root / kind / f"{slug}.md").write_text(text + f"\nSee [the other entry]({link}).\n", encoding="utf-8")


def _problems(root) -> list[str]:
    return [p.format() for p in load_content(root).problems]


@pytest.mark.parametrize("link", ["../../rounds/hidden-round/", "../../rounds/hidden-round.md", "/rounds/hidden-round"])
def test_a_published_entry_linking_to_an_unpublished_one_is_an_error_without_its_title(root, link):
    _link(root, "lessons", "linking", VALID_LESSON, link)
    problems = _problems(root)
    assert len(problems) == 1 and problems[0].startswith("lessons/linking.md:"), problems
    assert f"links to `{link}`, an entry that is not published" in problems[0] and " error: " in problems[0]
    assert HIDDEN_TITLE not in problems[0]


def test_a_link_to_a_missing_entry_is_an_error(root):
    _link(root, "rounds", "linking", VALID_ROUND, "../no-such-round/")
    problems = _problems(root)
    assert len(problems) == 1 and "links to `../no-such-round/`, which is no entry" in problems[0], problems


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (VALID_ROUND, "../public-round/"),  # published to published
        (VALID_ROUND.replace("published: true", "published: false"), "../hidden-round/"),  # unpublished to unpublished
        (VALID_ROUND, "https://example.org/rounds/hidden-round/"),  # another site
        (VALID_ROUND, "../../keywords/care/"),  # not an entry
    ],
)
def test_other_links_are_fine(root, text, link):
    _link(root, "rounds", "linking", text, link)
    assert _problems(root) == []
