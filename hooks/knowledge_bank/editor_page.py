"""``/admin/``: the editors' form (Decap CMS) with its configuration in each language, or, where the form's
bundle was not installed (no npm), a page that says where the form is built.

The bundle is not in the repository (5 MB): ``tasks.py`` puts it in ``editor/dist/`` with npm; the build only
copies it. Only ``/admin/`` loads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .editor_config import EditorSettings, config_yaml, decap_config
from .languages import LANGUAGES
from .templating import template
from .vocabularies import Vocabularies

BUNDLE = Path("editor/dist/decap-cms.js")  # relative to the project's root
FOLDER = "admin"


@dataclass
class EditorFiles:
    """What ``/admin/`` adds to the site."""

    data: dict[str, str] = field(default_factory=dict)  # src_uri -> text (the page, its configurations)
    files: dict[str, Path] = field(default_factory=dict)  # src_uri -> file on disk (the bundle and its licence)


def editor_files(root: Path, vocabularies: Vocabularies, settings: EditorSettings, site_name: str) -> EditorFiles:
    """The files of ``/admin/`` for the project at ``root``."""
    out = EditorFiles()
    bundle = root / BUNDLE
    if bundle.is_file():
        out.files[f"{FOLDER}/{bundle.name}"] = bundle
        notice = bundle.with_name(bundle.name + ".LICENSE.txt")
        if notice.is_file():
            out.files[f"{FOLDER}/{notice.name}"] = notice
        for lang in LANGUAGES:
            out.data[f"{FOLDER}/config.{lang}.yml"] = config_yaml(decap_config(vocabularies, settings, lang))
    page = template("admin/page.html.j2").render(
        t=vocabularies.labels.language("en"),
        lang="en",
        languages=list(LANGUAGES),
        bundle=bundle.name if bundle.is_file() else "",
        site_name=site_name,
    )
    out.data[f"{FOLDER}/index.html"] = page
    return out
