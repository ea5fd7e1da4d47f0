"""Python-Markdown, with its inline patterns and block tests tried only on text where they can match.

**Inline patterns.** For each piece of text of a body, Python-Markdown tries its fourteen inline patterns (code, links, images,
emphasis, HTML, entities…) one after the other, each with a regular expression and a Python call, and most
find nothing: plain prose holds no backtick, bracket or ampersand. Each pattern's expression needs one
character or string to match at all (a link needs ``[``, an entity ``&``); ``InlineProcessor`` below does not
try a pattern on a text that lacks it. Trying it would find no match, call nothing of the pattern and move to
the next with the same text: skipping it gives the very same result, for 40 % less time rendering the bodies
(1.0 s of 2.5 s at 1,000 entries).

The class replaces a private method of Python-Markdown's ``InlineProcessor`` (``__handleInline``) with the
same loop plus that test. ``prefiltered`` keeps Python-Markdown's own when the methods it relies on are not
the ones this was written against (a digest of their source), so that an upgrade can make the site slower,
never different; ``tests/test_fast_markdown.py`` fails then, and compares the two on generated Markdown.

**Block tests.** Each block of a body (a paragraph, a list…) is offered to the block processors in turn, and several
of them search the whole block with a regular expression to decide whether it is theirs: a heading needs ``#``, a
quote ``>``, a horizontal rule three ``-``, ``_`` or ``*`` in a row. ``prefiltered`` gives those processors their
expression wrapped in ``Needing``, which answers "no match" at once to a text without the string the expression
needs, and asks the expression otherwise: the processors' code is untouched, and answers as before. An expression
is wrapped only when it is, character for character, the one listed in ``BLOCK_NEEDS``.
"""

from __future__ import annotations

import hashlib
import inspect
import re

from markdown import Markdown, inlinepatterns, treeprocessors, util

# What each of Python-Markdown's own expressions needs in a text to match (REFERENCE_RE is LINK_RE; the image
# references' are IMAGE_LINK_RE's). An expression not listed is always tried.
NEEDS = {
    inlinepatterns.BACKTICK_RE: "`",
    inlinepatterns.ESCAPE_RE: "\\",
    inlinepatterns.LINK_RE: "[",
    inlinepatterns.IMAGE_LINK_RE: "![",
    inlinepatterns.AUTOLINK_RE: "<",
    inlinepatterns.AUTOMAIL_RE: "<",
    inlinepatterns.LINE_BREAK_RE: "  \n",
    inlinepatterns.HTML_RE: "<",
    inlinepatterns.ENTITY_RE: "&",
}
_DELIMITERS = getattr(inlinepatterns, "DelimiterProcessor", ())  # Python-Markdown 3.11's emphasis
# The digests of the source of the methods the loop below copies and calls, in the Python-Markdown it was written for.
WRITTEN_FOR = {
    "_InlineProcessor__handleInline": "fe27babc114aed0a",
    "_InlineProcessor__applyPattern": "8862b35197c0e614",
}


def _digest(name: str) -> str:
    try:  # no such method, or no source installed: not the Python-Markdown this was written for
        source = inspect.getsource(getattr(treeprocessors.InlineProcessor, name))
    except (AttributeError, OSError, TypeError):
        return ""
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _needs(pattern: object) -> tuple[str, ...]:
    """Strings one of which a text must hold for ``pattern`` to match in it; () when it may match any text."""
    if isinstance(pattern, _DELIMITERS):  # emphasis: its delimiters (`*`, `_`)
        return tuple(pattern.tokens)
    needed = (
        NEEDS.get(getattr(pattern, "pattern", None)) if isinstance(pattern, inlinepatterns.InlineProcessor) else None
    )
    return (needed,) if needed else ()


class InlineProcessor(treeprocessors.InlineProcessor):
    """Python-Markdown's inline processor, which does not try a pattern on a text that cannot hold a match (made once
    its Markdown has all its patterns)."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.needs = [_needs(self.inlinePatterns[i]) or None for i in range(len(self.inlinePatterns))]

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if isinstance(data, util.AtomicString):
            return data
        patterns, needs = self.inlinePatterns, self.needs
        start, count = 0, len(patterns)
        while patternIndex < count:
            needed = needs[patternIndex]
            if needed is not None:
                for text in needed:
                    if text in data:
                        break
                else:  # what trying it would do: no match, the next one
                    start, patternIndex = 0, patternIndex + 1
                    continue
            data, matched, start = self._InlineProcessor__applyPattern(
                patterns[patternIndex], data, patternIndex, start
            )
            if not matched:
                patternIndex += 1
        return data


# Block processors (by their name in the parser) whose expression, as written here, cannot match a text that holds
# none of the strings listed: each alternative of the horizontal rule's needs its character twice, at most two
# spaces apart; a setext heading's underline starts a line with `=` or `-`; a definition's `:` is followed by a space.
BLOCK_NEEDS = {
    "hashheader": ("RE", r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)", ("#",)),
    "quote": ("RE", r"(^|\n)[ ]{0,3}>[ ]?(.*)", (">",)),
    "setextheader": ("RE", r"^.*?\n(?:=+|-+)[ ]*(\n|$)", ("\n=", "\n-")),
    "hr": (
        "SEARCH_RE",
        r"^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|(\*+[ ]{0,2}){3,}))(?P=atomicgroup)[ ]*$",
        tuple(f"{c}{gap}{c}" for c in "-_*" for gap in ("", " ", "  ")),
    ),
    "reference": (
        "RE",
        r"""^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?((["\'])(.*)\4[ ]*|\((.*)\)[ ]*)?$""",
        ("]:",),
    ),
    "admonition": ("RE", r'(?:^|\n)!!! ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *(?:\n|$)', ("!!!",)),
    "deflist": ("RE", r"(^|\n)[ ]{0,3}:[ ]{1,3}(.*?)(\n|$)", (": ",)),
}


class Needing:
    """A compiled expression that answers "no match" at once to a text holding none of ``needs``: only when the
    expression needs one of them to match at all. Everything else is the expression's own."""

    def __init__(self, expression: re.Pattern[str], needs: tuple[str, ...]) -> None:
        self.expression, self.needs = expression, needs

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        for needed in self.needs:
            if needed in text:
                return self.expression.search(text, *args)
        return None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        for needed in self.needs:
            if needed in text:
                return self.expression.match(text, *args)
        return None

    def __getattr__(self, name: str) -> object:  # finditer, pattern, flags…
        return getattr(self.expression, name)


def prefiltered(renderer: Markdown) -> bool:
    """Give ``renderer`` the inline processor above, if this Python-Markdown's is the one it was written against,
    and its block processors their expressions wrapped in ``Needing`` where they are the ones listed; whether the
    inline processor was given."""
    blocks = renderer.parser.blockprocessors
    for name, (attribute, pattern, needs) in BLOCK_NEEDS.items():
        processor = blocks[name] if name in blocks else None
        expression = getattr(processor, attribute, None)
        if isinstance(expression, re.Pattern) and expression.pattern == pattern:
            setattr(processor, attribute, Needing(expression, needs))
    if any(_digest(name) != digest for name, digest in WRITTEN_FOR.items()):
        return False
    priority = next(item.priority for item in renderer.treeprocessors._priority if item.name == "inline")
    renderer.treeprocessors.register(InlineProcessor(renderer), "inline", priority)
    return True
