"""Problems found in the content: values, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, at one line, about one field."""

    path: str
    line: int
    message: str
    field: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """The human form: ``path:line: severity: message``, always one line (a value cannot forge another)."""
        return f"{_one_line(self.path)}:{self.line}: {self.severity.value}: {_one_line(self.message)}"

    def annotation(self) -> str:
        """The GitHub Actions workflow-command form, shown on the changed line of a PR."""
        kind = "error" if self.is_error else "warning"
        title = f"{self.field}" if self.field else "knowledge bank"
        return f"::{kind} file={_escape_property(self.path)},line={self.line},title={_escape_property(title)}::{_escape_data(_one_line(self.message))}"


def _one_line(text: str) -> str:
    """Control characters shown as escapes (``\\n``, ``\\x07``): a field's value quoted in a message stays on its line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that stop a build."""
    return [p for p in problems if p.is_error]


def report(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, one per line, with a count at the end."""
    return "\n".join([*(p.format() for p in sorted(problems)), summary(problems)])


def summary(problems: list[Problem]) -> str:
    """``2 error(s), 1 warning(s)``."""
    n_err = len(errors(problems))
    return f"{n_err} error(s), {len(problems) - n_err} warning(s)"
