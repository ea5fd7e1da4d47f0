"""tasks.py, the two commands of the README: it says what it is doing before the long first install."""

from __future__ import annotations

import importlib.util

from .helpers import ROOT


def test_setup_says_it_is_installing_before_it_installs(tmp_path, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()  # an existing environment that has never installed the project
    monkeypatch.setattr(tasks, "VENV", venv)
    monkeypatch.setattr(tasks, "PYTHON", venv / "bin" / "python")
    commands = []
    monkeypatch.setattr(tasks, "run", lambda *command, **kwargs: commands.append(command))
    tasks.setup()
    printed = capsys.readouterr().out
    assert "Installing the Knowledge Bank" in printed and "a minute and a half the first time" in printed
    assert commands and "pip" in commands[0]
    tasks.setup()  # installed now: nothing more to say or do
    assert capsys.readouterr().out == "" and len(commands) == 1
