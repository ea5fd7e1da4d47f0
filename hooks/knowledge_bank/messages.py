"""Editor-facing wording of pydantic validation errors."""

from __future__ import annotations

import difflib
import re

from pydantic_core import ErrorDetails

from .field_path import dotted


def describe(error: ErrorDetails, allowed_fields: list[str]) -> str:
    """One sentence saying what is wrong with a field and, where likely, how to fix it."""
    loc = error["loc"]
    name = dotted(loc) or "front matter"
    kind = error["type"]
    ctx = error.get("ctx") or {}
    got = error.get("input")
    if kind == "missing":
        parent = dotted(loc[:-1])
        where = f" under `{parent}`" if parent else ""
        return f"`{name}` is required but missing: add a line `{loc[-1]}: …`{where} (see the field reference)"
    if kind == "extra_forbidden":
        field = str(loc[-1])
        near = difflib.get_close_matches(field, allowed_fields, n=1, cutoff=0.6)
        hint = f"; did you mean `{near[0]}`?" if near else f"; allowed fields: {', '.join(allowed_fields)}"
        return f"unknown field `{name}`{hint}"
    if kind in ("bool_type", "bool_parsing") and loc[-1] == "published":
        return f"`published` must be true or false, a YAML boolean without quotes (found {got!r}); write `published: true` only with authorization"
    if kind == "too_long" and isinstance(got, (list, tuple)):
        return f"`{name}` has {len(got)} items; at most {ctx.get('max_length')} are allowed"
    if kind == "too_short" and isinstance(got, (list, tuple)):
        return f"`{name}` needs at least {ctx.get('min_length')} item(s)"
    if kind == "string_too_long":
        return f"`{name}` is {len(got)} characters long; at most {ctx.get('max_length')} are allowed"
    if kind == "string_too_short":
        return f"`{name}` is empty; write a value"
    if kind in ("less_than_equal", "greater_than_equal"):
        return f"`{name}` is {got!r}; {_bounds(name, ctx)}"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        near = difflib.get_close_matches(str(got).strip().lower(), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]}?" if near else ""
        return f"`{name}` is {got!r}; expected {ctx.get('expected')}{hint}"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        return f"`{name}` must be a date written YYYY-MM-DD (found {got!r})"
    if kind in ("list_type",):
        return f"`{name}` must be a list (one `- item` per line, or [a, b])"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"`{name}` must be a group of fields (`key: value` lines indented under it)"
    if kind in ("string_type",):
        return f"`{name}` must be text (found {type(got).__name__} {got!r}); put it in quotes if needed"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"`{name}` must be a whole number (found {got!r})"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return f"`{name}`: {message}" if name != "front matter" else message


def _bounds(name: str, ctx: dict | None = None) -> str:
    if name.startswith("sdgs"):
        return "SDGs are numbered 1 to 17"
    if name.startswith("added_values"):
        return "added values are numbered 1 to 6"
    if name.startswith("report.pages"):
        return "a report has 1 to 20 pages"
    low, high = (ctx or {}).get("ge"), (ctx or {}).get("le")
    if low is not None and high is not None:
        return f"allowed values are {low} to {high}"
    return f"the value must be {'at least ' + str(low) if low is not None else 'at most ' + str(high)}"
