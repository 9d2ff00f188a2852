"""Is the output the same at two revisions? Runs ``phishbot analyze --no-lookups`` over folders of
mail with each revision's code and compares stdout byte for byte.

    python bench/json_diff.py                          # main against the working tree, on ../shared/corpus
    python bench/json_diff.py --old main --new HEAD ../shared/corpus ../shared/cases
    python bench/json_diff.py --modes json-en,json-ja  # only the JSON objects

A revision is anything git names (a branch, a tag, a commit), exported with ``git archive`` into a
temporary folder; ``.`` is the working tree as it stands. Each revision runs as its own process with
its own code first on the path (``python -m bot`` from that folder), an empty environment but for
PATH and HOME, and no ``.env``: the settings' defaults on both sides.

What is compared (``--modes``, all by default): ``json-en``/``json-ja`` — ``--json`` in each language,
the report contract (SPEC §4); ``text-en``/``text-ja`` — the readable text; ``report-text`` —
``--json --report-text --lang ja``, the desks' report text inside the object. stdout only: stderr
carries the closing summary, whose seconds differ from run to run. Both sides run with one string-hash
seed (``PYTHONHASHSEED=0``): where the analysis breaks a tie by a set's order, two runs of the same
code can differ (seen on ../shared/corpus-dev: one mail's brand is Google in one run, Microsoft in
the next), and that is not what this script is for. Exit status 0 when every mode is
byte-for-byte the same, 1 otherwise (the first differing lines of each are printed).
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = {
    "json-en": ["--json", "--lang", "en"],
    "json-ja": ["--json", "--lang", "ja"],
    "text-en": ["--lang", "en"],
    "text-ja": ["--lang", "ja"],
    "report-text": ["--json", "--report-text", "--lang", "ja"],
}


def checkout(rev: str, into: Path) -> Path:
    """The revision's tree in a folder (the working tree itself for ``.``)."""
    if rev == ".":
        return ROOT
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "bot"],
                             check=True, capture_output=True).stdout
    target = into / rev.replace("/", "_")
    target.mkdir()
    tar_path = into / "tree.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(target, filter="data")
    tar_path.unlink()
    return target


def run(tree: Path, flags: list[str], folders: list[str]) -> tuple[bytes, int, float]:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/nonexistent"),
           "PYTHONDONTWRITEBYTECODE": "1", "LOOKUPS_ENABLED": "false",
           "PYTHONHASHSEED": "0"}  # one string-hash order on both sides: see the module docstring
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bot", "analyze", "--no-lookups", *flags, *folders],
                          cwd=tree, env=env, capture_output=True, check=False)
    return done.stdout, done.returncode, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", help="folders or files of mail (default ../shared/corpus)")
    parser.add_argument("--old", default="main", help="the revision before (default main)")
    parser.add_argument("--new", default=".", help="the revision after (default the working tree, '.')")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated: " + ", ".join(MODES))
    parser.add_argument("--show", type=int, default=20, help="differing lines shown per mode (default 20)")
    args = parser.parse_args()
    folders = [os.path.abspath(f) for f in (args.folders or [str(ROOT.parent / "shared" / "corpus")])]
    missing = [f for f in folders if not os.path.exists(f)]
    if missing:
        print(f"no such folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        print(f"unknown mode: {', '.join(unknown)}", file=sys.stderr)
        return 2
    same = True
    with tempfile.TemporaryDirectory(prefix="json-diff-") as tmp:
        old_tree, new_tree = checkout(args.old, Path(tmp)), checkout(args.new, Path(tmp))
        print(f"old: {args.old}  new: {args.new}  inputs: {', '.join(folders)}")
        for mode in modes:
            old, old_rc, old_s = run(old_tree, MODES[mode], folders)
            new, new_rc, new_s = run(new_tree, MODES[mode], folders)
            lines = old.count(b"\n")
            if old == new and old_rc == new_rc:
                print(f"{mode:12} same: {lines} lines, {len(old)} bytes, exit {old_rc} "
                      f"({old_s:.1f} s old, {new_s:.1f} s new)")
                continue
            same = False
            new_lines = new.count(b"\n")
            print(f"{mode:12} DIFFERENT: old {lines} lines, exit {old_rc}; new {new_lines} lines, exit {new_rc}")
            diff = difflib.unified_diff(old.decode("utf-8", "replace").splitlines(),
                                        new.decode("utf-8", "replace").splitlines(), "old", "new", lineterm="", n=0)
            for i, line in enumerate(diff):
                if i >= args.show:
                    print("  …")
                    break
                print("  " + line[:400])
    print("byte-for-byte the same" if same else "the outputs differ")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
