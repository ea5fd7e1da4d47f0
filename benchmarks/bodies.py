"""How long Python-Markdown takes to render entry bodies: as it comes, and as the site runs it (fast_markdown.py).

    .venv/bin/python benchmarks/bodies.py [--entries 1000] [--repeat 5]

Writes the bench's synthetic entries (benchmarks/synthetic.py) into a temporary folder, reads their bodies, and
renders each of them, title heading first as the loader does, with both renderers in turn, keeping each one's least
CPU time of ``--repeat`` rounds. Prints the two times, their ratio, and whether the HTML and the tables of contents
came out the same (they must: the script exits 1 otherwise).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import markdown  # noqa: E402
from apart import arguments, entry_texts, least_cpu  # noqa: E402

from knowledge_bank import markup  # noqa: E402
from knowledge_bank.source import read_source  # noqa: E402


def bodies(n: int) -> list[str]:
    """The Markdown the loader renders for each of ``n`` synthetic entries: its title as a heading, then its body."""
    sources = [read_source("entry.md", text.encode()) for text in entry_texts(n)]
    return [f"# {markup.md(str(source.data.get('title', '')))}\n\n{source.body}" for source in sources]


def render_all(renderer: markdown.Markdown, texts: list[str]) -> list[tuple[str, list]]:
    return [(renderer.reset().convert(text), renderer.toc_tokens) for text in texts]


def main() -> None:
    args = arguments(__doc__.split("\n")[0])
    texts = bodies(args.entries)
    stock_renderer = markup.stock_renderer()
    stock, stock_out = least_cpu(lambda: render_all(stock_renderer, texts), args.repeat)
    site, site_out = least_cpu(lambda: render_all(markup._renderer, texts), args.repeat)
    same = stock_out == site_out
    print(f"{len(texts)} bodies, {sum(map(len, texts)) / 1e6:.1f} MB of Markdown, least CPU of {args.repeat} rounds")
    print(f"Python-Markdown as it comes: {stock:.2f} s")
    print(f"the site's renderer (inline patterns and block tests prefiltered: {markup.FAST_INLINE}): {site:.2f} s")
    print(f"ratio: {site / stock:.2f}; the same HTML and tables of contents: {same}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
