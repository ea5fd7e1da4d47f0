#!/usr/bin/env python3
"""Set up and run the Knowledge Bank with nothing but Python 3.11+.

    python3 tasks.py serve      # build and serve the site at http://127.0.0.1:8000 (rebuilds what an edit changes)
    python3 tasks.py build      # build the public site into site/
    python3 tasks.py test       # run every test (installs Debian's Chromium for browser tests if missing)
    python3 tasks.py test --fast # lint, format check and the tests that neither build nor open a browser (<1 min)
    python3 tasks.py kb ...     # the editors' command: kb new, kb check, kb schema (see kb --help)
    python3 tasks.py editor     # decap-server on 127.0.0.1:8081, so that /admin/ of `serve` writes into this copy
    python3 tasks.py bench      # build and search at 250, 1,000 and 4,000 entries -> docs/performance.md

Each command first creates ``.venv`` and installs the project into it (quietly, and only
when ``pyproject.toml`` changed since the last install).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
CHROMIUM = Path("/usr/bin/chromium")
EDITOR = ROOT / "editor"  # the editors' form at /admin/ (Decap CMS): package.json pins it; npm installs it here


def run(*command: str | Path, **kwargs) -> None:
    print("$", " ".join(map(str, command)), flush=True)
    subprocess.run([str(c) for c in command], check=True, **kwargs)


def setup(extras: str = "") -> None:
    """Create the virtual environment and install the project (editable) when needed."""
    if sys.version_info < (3, 11):
        sys.exit("Knowledge Bank needs Python 3.11 or newer")
    if not PYTHON.exists():
        print("Creating the virtual environment .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed{extras}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    # The project with the test extra installed includes the project alone.
    for done in {stamp, VENV / ".installedtest"} if extras in ("", "test") else {stamp}:
        if done.exists() and done.read_text() == digest:
            return
    target = f".[{extras}]" if extras else "."
    print(
        f"Installing the Knowledge Bank{' with its ' + extras + ' tools' if extras else ''} and its dependencies "
        "into .venv: about a minute and a half the first time, then only when pyproject.toml changes …",
        flush=True,
    )
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target, cwd=ROOT)
    stamp.write_text(digest)


def ensure_chromium() -> None:
    """Browser tests drive Debian's Chromium; install it with apt-get when it is missing."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") is None:
        sys.exit("browser tests need Chromium at /usr/bin/chromium: install it with your package manager")
    apt_install("chromium")


def apt_install(package: str) -> None:
    """Install a Debian package (as root, or through sudo)."""
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*sudo, "apt-get", "update", "-qq", env=env)
    run(*sudo, "apt-get", "install", "-y", "-qq", package, env=env)


def ensure_editor(required: bool) -> None:
    """Install the editors' form (/admin/) into editor/: Decap CMS's bundle, taken from the package's tarball alone
    (`npm pack`, checked against the integrity pinned in editor/package.json), and decap-server (`npm ci`), which
    the browser test and local editing use. Without npm the site is built without the form (its page says so),
    unless ``required`` (the test command), where npm is installed with apt-get like Chromium."""
    package = json.loads((EDITOR / "package.json").read_text(encoding="utf-8"))
    bundle = package["bundle"]
    target = EDITOR / "dist" / Path(bundle["file"]).name
    stamp = EDITOR / "dist" / ".installed"
    server = EDITOR / "node_modules" / "decap-server" / "package.json"
    digest = hashlib.sha256((EDITOR / "package-lock.json").read_bytes() + bundle["integrity"].encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and target.exists() and server.exists():
        return
    if shutil.which("npm") is None:
        if not required:
            print("npm not found: building without the editors' form, /admin/ says where it is built", flush=True)
            return
        if shutil.which("apt-get") is None:
            sys.exit("the editor's browser test needs npm: install Node.js and npm with your package manager")
        apt_install("npm")
    print(f"Installing the editors' form ({bundle['package']}, decap-server) into editor/ …", flush=True)
    target.unlink(missing_ok=True)  # a failed update leaves no form rather than an old one
    try:
        install_editor(bundle, target.parent)
    except subprocess.CalledProcessError:
        if required:
            raise
        print("npm could not install the editors' form (offline?): building without it", flush=True)
        return
    stamp.write_text(digest)


def install_editor(bundle: dict, dist: Path) -> None:
    """Decap CMS's bundle from its package's tarball (refused unless its checksum is the pinned one) into ``dist``,
    then decap-server with the versions of editor/package-lock.json."""
    with tempfile.TemporaryDirectory() as tmp:
        run("npm", "pack", "--silent", "--pack-destination", tmp, bundle["package"], cwd=EDITOR)
        (tarball,) = Path(tmp).glob("*.tgz")
        algorithm, expected = bundle["integrity"].split("-", 1)
        actual = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
        if actual != expected:
            sys.exit(f"{tarball.name}: its {algorithm} is not the one pinned in editor/package.json; not installed")
        dist.mkdir(exist_ok=True)
        with tarfile.open(tarball) as archive:
            for member in (bundle["file"], bundle["license"]):
                (dist / Path(member).name).write_bytes(archive.extractfile(member).read())
    run("npm", "ci", "--no-audit", "--no-fund", "--silent", cwd=EDITOR)


def main(argv: list[str]) -> None:
    command, rest = (argv[0], argv[1:]) if argv else ("serve", [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if command == "serve":
        setup()
        ensure_editor(required=False)
        # --dirty: after an edit, only the pages whose content changed are rebuilt (the hooks tell
        # MkDocs which generated pages did); `--clean` rebuilds everything every time.
        dirty = [] if {"--clean", "--dirty"} & set(rest) else ["--dirty"]
        run(BIN / "mkdocs", "serve", *dirty, *rest, cwd=ROOT, env=env)
    elif command == "build":
        setup()
        ensure_editor(required=False)
        run(BIN / "mkdocs", "build", "--strict", *rest, cwd=ROOT, env=env)
    elif command == "kb":
        setup()
        run(BIN / "kb", "--root", ROOT, *rest, env=env)  # paths stay relative to where you are
    elif command == "test":
        # --fast: the loop to run while editing; the full command (as CI runs it) adds real builds and browsers.
        fast = "--fast" in rest
        rest = [arg for arg in rest if arg != "--fast"]
        setup("test")
        if not fast:
            ensure_chromium()
            ensure_editor(required=True)
        sources = ("hooks", "tests", "benchmarks", "tasks.py")
        run(BIN / "ruff", "check", *sources, cwd=ROOT)
        run(BIN / "ruff", "format", "--check", *sources, cwd=ROOT)
        if fast:  # tests/helpers.py refuses to build under KB_TESTS_FAST: an unmarked build test fails here
            env["KB_TESTS_FAST"] = "1"
            rest = ["-m", "not build and not browser", *rest]
        run(PYTHON, "-m", "pytest", *rest, cwd=ROOT, env=env)
    elif command == "editor":  # the form at http://127.0.0.1:8000/admin/ (with `serve`) saves files here, no branch
        setup()
        ensure_editor(required=True)
        server = EDITOR / "node_modules" / "decap-server" / "dist" / "index.js"
        run("node", server, cwd=ROOT, env={**env, "GIT_REPO_DIRECTORY": str(ROOT), "BIND_HOST": "127.0.0.1"})
    elif command == "bench":
        setup("bench")
        ensure_chromium()  # the searches and Lighthouse (npm, into benchmarks/.cache/) run in Chromium
        run(PYTHON, ROOT / "benchmarks" / "scale.py", *rest, cwd=ROOT, env=env)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
