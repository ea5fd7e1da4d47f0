"""How long Python-Markdown takes to render entry bodies: as it comes, and as the site runs it (fast_markdown.py).

    .venv/bin/python benchmarks/bodies.py [--entries 1000] [--repeat 5]

Writes the bench's synthetic entries (benchmarks/synthetic.py) into a temporary folder, reads their bodies, and
renders each of them, title heading first as the loader does, with both renderers in turn, keeping each one's least
CPU time of ``--repeat`` rounds. Prints the two times, their ratio, and whether the HTML and the tables of contents
came out the same (they must: the script exits 1 otherwise).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import markdown  # noqa: E402
import synthetic  # noqa: E402

from knowledge_bank import markup  # noqa: E402
from knowledge_bank.source import read_source  # noqa: E402


def bodies(n: int) -> list[str]:
    """The Markdown the loader renders for each of ``n`` synthetic entries: its title as a heading, then its body."""
    with tempfile.TemporaryDirectory(prefix="kb-bodies-") as work:
        synthetic.make_site(n, Path(work))
        texts = []
        for path in sorted(p for kind in ("rounds", "lessons") for p in (Path(work) / kind).glob("*.md")):
            source = read_source(str(path), path.read_bytes())
            texts.append(f"# {markup.md(str(source.data.get('title', '')))}\n\n{source.body}")
        return texts


def render_all(renderer: markdown.Markdown, texts: list[str]) -> list[tuple[str, list]]:
    return [(renderer.reset().convert(text), renderer.toc_tokens) for text in texts]


def least_cpu(renderer: markdown.Markdown, texts: list[str], repeat: int) -> tuple[float, list[tuple[str, list]]]:
    best, out = float("inf"), []
    for _ in range(repeat):
        start = time.process_time()
        out = render_all(renderer, texts)
        best = min(best, time.process_time() - start)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = bodies(args.entries)
    stock, stock_out = least_cpu(markup.stock_renderer(), texts, args.repeat)
    site, site_out = least_cpu(markup._renderer, texts, args.repeat)
    same = stock_out == site_out
    print(f"{len(texts)} bodies, {sum(map(len, texts)) / 1e6:.1f} MB of Markdown, least CPU of {args.repeat} rounds")
    print(f"Python-Markdown as it comes: {stock:.2f} s")
    print(f"the site's renderer (inline patterns and block tests prefiltered: {markup.FAST_INLINE}): {site:.2f} s")
    print(f"ratio: {site / stock:.2f}; the same HTML and tables of contents: {same}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
