"""Filling Decap CMS's form as an editor does: typing, choosing from lists, picking dates, adding list items,
uploading a file and saving. Decap gives every field an id ``<name>-field-<n>``; a group's or a list's is its box."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect


class EditorForm:
    """The form of a new entry at ``/admin/#/collections/<folder>/new``."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open_new(self, folder: str) -> None:
        self.page.goto(f"admin/#/collections/{folder}/new")
        self.page.get_by_role("button", name="Login").click()  # decap-server's login: no account, one click
        expect(self.field("title")).to_be_visible()

    def field(self, name: str, within: Locator | None = None) -> Locator:
        """The last visible field called ``name`` (in ``within``, a group's or a list's box): the one just added;
        not one of a folded group (a translation's title)."""
        return (within or self.page).locator(f'[id^="{name}-field-"]:visible').last

    def box(self, name: str, within: Locator | None = None) -> Locator:
        """The box of a group or list called ``name``."""
        return (within or self.page).locator(f'div[id^="{name}-field-"]').first

    def type(self, name: str, text: str, within: Locator | None = None) -> None:
        self.field(name, within).fill(text)

    def choose(self, name: str, *options: str, within: Locator | None = None) -> None:
        """Choose each of ``options`` (the start of its label) in the select called ``name``."""
        box = self.field(name, within)
        for option in options:
            box.click()
            box.fill(option)
            self.page.get_by_role("option", name=re.compile("^" + re.escape(option))).first.click()

    def add(self, name: str, within: Locator | None = None) -> Locator:
        """Add an item to the list called ``name``; returns the list's box."""
        box = self.box(name, within)
        box.get_by_role("button", name=re.compile(r"^Add\b")).first.click()
        return box

    def upload(self, name: str, path: Path, within: Locator | None = None) -> None:
        """Upload ``path`` through the file field called ``name`` and choose it."""
        (within or self.page).get_by_role("button", name="Choose a file").first.click()
        self.page.locator('input[type="file"]').set_input_files(path)
        self.page.get_by_role("button", name="Choose selected").click()
        expect(self.page.get_by_role("button", name="Choose selected")).to_be_hidden()

    def write_after(self, heading: str, text: str) -> None:
        """Type ``text`` in the body as the paragraph after the ``##`` section ``heading``.

        The editor (Slate) applies a click's selection asynchronously: each key waits until the caret is where it
        must be (at the end of the heading, then in a new paragraph), or the text could land in the heading."""
        self.page.locator("[data-slate-editor] h2", has_text=heading).click()
        self.page.keyboard.press("End")
        self.page.wait_for_function(
            """heading => { const s = getSelection(); const h = s.anchorNode && s.anchorNode.parentElement.closest("h2");
                return s.isCollapsed && h && h.textContent.trim() === heading && s.anchorOffset === s.anchorNode.length }""",
            arg=heading,
        )
        self.page.keyboard.press("Enter")
        self.page.wait_for_function(
            """() => { const s = getSelection(); const n = s.anchorNode;
                const el = n && (n.nodeType === 1 ? n : n.parentElement);
                return el && !el.closest("h1, h2, h3, h4, h5, h6") && el.closest("[data-slate-editor]") }"""
        )
        self.page.keyboard.type(text)

    def save(self) -> None:
        """Press Save and wait until the entry is saved (the form says so; its fields' errors if it refused)."""
        self.page.get_by_role("button", name="Save").first.click()
        saved = self.page.get_by_text(re.compile("^(Changes saved|Entry saved)$", re.I))
        errors = self.page.locator("ul[class*=ControlErrorsList]")
        expect(saved.or_(errors).first).to_be_visible(timeout=30_000)
        assert not self.errors(), self.errors()

    def errors(self) -> list[str]:
        """The messages the form shows under its fields."""
        return self.page.locator("ul[class*=ControlErrorsList]").all_inner_texts()
