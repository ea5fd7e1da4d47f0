"""Characters a field may not hold: invisible ones that hide, join, reorder or disguise text, and line breaks that
only YAML sees. The YAML reader (yaml_reader.py) reports each at its line."""

from __future__ import annotations

import re
import unicodedata

# Characters never meant in a field, that hide, join, reorder or disguise text: control characters (category Cc)
# other than tab and newline; every format character (category Cf: soft hyphen, zero-width spaces and joiners,
# LRM/RLM, bidirectional embeddings, overrides and isolates, word joiner, invisible operators, an inner
# byte-order mark, interlinear annotations, tag characters…); the fillers that show as blanks (combining grapheme
# joiner, Hangul fillers, braille blank); and Unicode's noncharacters (U+FDD0-FDEF, U+xFFFE and U+xFFFF), which XML
# forbids. tests/test_yaml_reader.py checks the class against unicodedata.
HIDDEN = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # Cc
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"  # Cf
    "\u034f\u115f\u1160\u3164\uffa0\u2800"  # fillers
    "\ufdd0-\ufdef\ufffe\uffff"
    "\ud800-\udfff"  # lone surrogates: UTF-8 holds none, but an escape in double quotes (`\\ud800`) writes one
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)

# Line breaks to YAML (PyYAML and libyaml) but not to editors, reviewers, `grep` or the rest of the project, which
# split lines at "\n" only: a line that reads as a comment could carry `published: true` after one of them.
UNICODE_LINE_BREAKS = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}
AS_SPACE = str.maketrans(dict.fromkeys(UNICODE_LINE_BREAKS, " "))  # YAML then counts the lines an editor sees


def hidden_character(value: str) -> str:
    """The first invisible or forbidden character of ``value``, named (``U+200B (ZERO WIDTH SPACE)``), or ""."""
    found = HIDDEN.search(value)
    if found is None:
        return ""
    hidden = found.group()
    category = unicodedata.category(hidden)
    name = unicodedata.name(hidden, "") or {"Cn": "a noncharacter", "Cs": "a lone surrogate"}.get(
        category, "a control character"
    )
    return f"U+{ord(hidden):04X} ({name})"


def unicode_line_breaks(text: str, first_line: int = 1) -> list[tuple[int, str, str]]:
    """Every line holding a line break only YAML sees (U+0085, U+2028, U+2029), as a problem (line, field, message)
    at that line; ``first_line`` is the line of the file where ``text`` starts."""
    problems: list[tuple[int, str, str]] = []
    if not any(brk in text for brk in UNICODE_LINE_BREAKS):  # nearly every text: not a character looked at in Python
        return problems
    for number, line in enumerate(text.split("\n"), start=first_line):
        found = next((c for c in line if c in UNICODE_LINE_BREAKS), None)
        if found is not None:
            problems.append(
                (
                    number,
                    "",
                    f"this line holds the invisible line break U+{ord(found):04X} ({UNICODE_LINE_BREAKS[found]}), "
                    f"which YAML reads as a new line although no editor shows one; delete it, and start a new "
                    f"line with Enter if one is meant",
                )
            )
    return problems
