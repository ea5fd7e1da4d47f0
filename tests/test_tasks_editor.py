"""tasks.py and the editors' form: without npm the site is built without it, the test command installs npm, and
a bundle whose checksum is not the pinned one is never installed."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
import tarfile
from pathlib import Path

import pytest

from .helpers import ROOT

BUNDLE = b"/* the bundle */\n"


def load_tasks(tmp_path: Path, monkeypatch, integrity: str | None = None):
    """tasks.py with ``editor/`` in ``tmp_path`` and every command recorded instead of run; ``npm pack`` leaves a
    tarball holding BUNDLE."""
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    editor = tmp_path / "editor"
    editor.mkdir()
    tarball = io.BytesIO()
    with tarfile.open(fileobj=tarball, mode="w:gz") as archive:
        for name in ("package/dist/decap-cms.js", "package/dist/decap-cms.js.LICENSE.txt"):
            info = tarfile.TarInfo(name)
            info.size = len(BUNDLE)
            archive.addfile(info, io.BytesIO(BUNDLE))
    digest = base64.b64encode(hashlib.sha512(tarball.getvalue()).digest()).decode()
    package = json.loads((ROOT / "editor" / "package.json").read_text(encoding="utf-8"))
    package["bundle"]["integrity"] = integrity or f"sha512-{digest}"
    (editor / "package.json").write_text(json.dumps(package), encoding="utf-8")
    (editor / "package-lock.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(tasks, "EDITOR", editor)
    commands: list[tuple] = []

    def run(*command, **kwargs):
        commands.append(tuple(map(str, command)))
        if command[:2] == ("npm", "pack"):
            (Path(command[command.index("--pack-destination") + 1]) / "decap-cms-x.tgz").write_bytes(tarball.getvalue())
        if command[:2] == ("npm", "ci"):
            (editor / "node_modules" / "decap-server").mkdir(parents=True)
            (editor / "node_modules" / "decap-server" / "package.json").write_text("{}")

    monkeypatch.setattr(tasks, "run", run)
    return tasks, editor, commands


def test_without_npm_serve_and_build_go_on_without_the_form(tmp_path, monkeypatch, capsys):
    tasks, editor, commands = load_tasks(tmp_path, monkeypatch)
    monkeypatch.setattr(tasks.shutil, "which", lambda name: None)
    tasks.ensure_editor(required=False)
    assert commands == [] and not (editor / "dist").exists()
    assert "npm not found" in capsys.readouterr().out


def test_the_test_command_installs_npm_then_the_pinned_bundle_and_decap_server(tmp_path, monkeypatch):
    tasks, editor, commands = load_tasks(tmp_path, monkeypatch)
    monkeypatch.setattr(tasks.shutil, "which", lambda name: "/usr/bin/apt-get" if name == "apt-get" else None)
    tasks.ensure_editor(required=True)
    assert [c for c in commands if "apt-get" in c and "install" in c][0][-1] == "npm"
    assert [c[:2] for c in commands if c[0] == "npm"] == [("npm", "pack"), ("npm", "ci")]
    assert (editor / "dist" / "decap-cms.js").read_bytes() == BUNDLE
    done = len(commands)
    monkeypatch.setattr(tasks.shutil, "which", lambda name: f"/usr/bin/{name}")
    tasks.ensure_editor(required=True)  # installed: nothing more to do
    assert len(commands) == done


def test_a_bundle_that_is_not_the_pinned_one_is_not_installed(tmp_path, monkeypatch):
    tasks, editor, commands = load_tasks(tmp_path, monkeypatch, integrity="sha512-" + "A" * 86 + "==")
    monkeypatch.setattr(tasks.shutil, "which", lambda name: f"/usr/bin/{name}")
    with pytest.raises(SystemExit, match="not the one pinned"):
        tasks.ensure_editor(required=True)
    assert not (editor / "dist" / "decap-cms.js").exists()
    assert not any(c[:2] == ("npm", "ci") for c in commands)


def test_serve_and_build_go_on_without_the_form_when_npm_cannot_install_it(tmp_path, monkeypatch, capsys):
    tasks, editor, commands = load_tasks(tmp_path, monkeypatch)
    (editor / "dist").mkdir()
    (editor / "dist" / "decap-cms.js").write_bytes(b"/* an older bundle */")
    monkeypatch.setattr(tasks.shutil, "which", lambda name: f"/usr/bin/{name}")

    def offline(*command, **kwargs):
        raise tasks.subprocess.CalledProcessError(1, command)

    monkeypatch.setattr(tasks, "run", offline)
    tasks.ensure_editor(required=False)
    assert "could not install" in capsys.readouterr().out
    assert not (editor / "dist" / "decap-cms.js").exists()  # no stale form: /admin/ says where it is built
    with pytest.raises(tasks.subprocess.CalledProcessError):
        tasks.ensure_editor(required=True)
