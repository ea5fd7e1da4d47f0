"""The rules YAML is read with, for front matter and vocabulary files alike (yaml_reader.py reads with them).

Only ``true``/``false`` are booleans (``yes``, ``no``, ``on``, ``off`` stay strings, so ``published: yes`` is an error
and ``country: NO`` is Norway); ``<<`` and ``=`` are plain keys (no merge, no value key); a date or a number YAML
cannot construct is an error at its value, not an exception.
"""

from __future__ import annotations

import re

import yaml

MAX_DEPTH = 20  # nesting of lists and groups: the entry models need 3, the vocabulary files 3


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style booleans: only true/false (any case) are booleans."""


_PLAIN = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")  # `<<` and `=` are read as plain text
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", *_PLAIN)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _checked(construct):
    """A constructor whose ``ValueError`` (``2024-13-45``, an integer of 5,000 digits) becomes a YAML error at the value."""

    def construct_checked(loader: yaml.SafeLoader, node: yaml.Node):
        try:
            return construct(loader, node)
        except (ValueError, OverflowError) as exc:
            what = "date" if node.tag.endswith(":timestamp") else "number"
            raise yaml.constructor.ConstructorError(
                None, None, f"“{node.value[:40]}” is not a valid {what} ({str(exc)[:80]})", node.start_mark
            ) from exc

    return construct_checked


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked(yaml.SafeLoader.construct_yaml_timestamp))
StrictLoader.add_constructor("tag:yaml.org,2002:int", _checked(yaml.SafeLoader.construct_yaml_int))
StrictLoader.add_constructor("tag:yaml.org,2002:float", _checked(yaml.SafeLoader.construct_yaml_float))


# libyaml reads the same YAML some thirty times faster than PyYAML's pure-Python parser, but its
# error messages are vaguer (they do not name a tab, for instance). So it reads first; a text it
# refuses, or in which it finds an alias, a tag or deep nesting, is read again by the pure-Python
# parser, which writes the problem as editors know it. Both share the resolvers above.
FastParser: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class FastParser(yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser with StrictLoader's resolvers; used only for events and nodes."""

    FastParser.yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers


def explicit_keys(text: str, loader: type) -> frozenset[int]:
    """Where each key written after `?` (a complex key: `? name` then `: value`) starts in ``text``: the index of
    the token after the `?`, and of its end for a key left empty. The `?` may be on a line of its own, before a
    comment, or in braces: only the text's tokens tell it from a `?` in a value or a comment (an explicit key's
    token holds the `?`; an implicit one's is empty)."""
    if "?" not in text:
        return frozenset()
    tokens = list(yaml.scan(text, Loader=loader))
    return frozenset(
        index
        for token, after in zip(tokens, tokens[1:], strict=False)
        if isinstance(token, yaml.KeyToken) and token.end_mark.index > token.start_mark.index
        for index in (after.start_mark.index, token.end_mark.index)
    )
