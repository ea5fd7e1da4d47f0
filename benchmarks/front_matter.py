"""How long reading entries' front matter takes: in one pass over libyaml's events (yaml_events.py, what the site
does first), and through the node tree as before (what it does for a text that breaks a rule).

    .venv/bin/python benchmarks/front_matter.py [--entries 1000] [--repeat 5]

Writes the bench's synthetic entries (benchmarks/synthetic.py) into a temporary folder, takes the front matter of
each, and reads all of them both ways in turn, keeping each way's least CPU time of ``--repeat`` rounds. Prints the
two times, their ratio, how many texts the one pass read (the others it left to the node tree), and whether both
ways gave the same data, lines and scalars (they must: the script exits 1 otherwise).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from apart import arguments, entry_texts, least_cpu  # noqa: E402

from knowledge_bank import yaml_reader  # noqa: E402
from knowledge_bank.yaml_reader import Wording, read_yaml  # noqa: E402

WORDING = Wording("the front matter", "in front matter", first_line=2)  # as source.py reads an entry's


def front_matters(n: int) -> list[str]:
    """The front matter of each of ``n`` synthetic entries, between its two `---` lines."""
    texts = []
    for text in entry_texts(n):
        lines = text.split("\n")
        texts.append("\n".join(lines[1 : lines.index("---", 1)]))
    return texts


def read_all(texts: list[str]) -> list[tuple[object, dict, dict, list]]:
    documents = [read_yaml(text, WORDING, max_chars=100_000) for text in texts]
    return [(d.data, d.lines, d.raw_scalars, d.problems) for d in documents]


def main() -> None:
    args = arguments(__doc__.split("\n")[0])
    texts = front_matters(args.entries)
    one_pass, one_pass_out = least_cpu(lambda: read_all(texts), args.repeat)
    read_events = yaml_reader.read_events
    yaml_reader.read_events = lambda text, first_line: None  # every text through the node tree, as before
    try:
        nodes, nodes_out = least_cpu(lambda: read_all(texts), args.repeat)
    finally:
        yaml_reader.read_events = read_events
    read = sum(read_events(text, WORDING.first_line) is not None for text in texts)
    same = one_pass_out == nodes_out
    print(f"{len(texts)} front matters, {sum(map(len, texts)) / 1e6:.2f} MB, least CPU of {args.repeat} rounds")
    print(f"through the node tree (as before): {nodes:.2f} s")
    print(f"one pass over the events first (read so: {read} of {len(texts)}): {one_pass:.2f} s")
    print(f"ratio: {one_pass / nodes:.2f}; the same data, lines, scalars and problems: {same}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
