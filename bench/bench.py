#!/usr/bin/env python3
"""Speed of postlint, measured (not asserted): posts/s over a synthetic corpus, and start-up.

    python bench/bench.py [--count 10000] [--dir DIR] [--seed 1] [--repeat N]

Writes DIR (default: a temporary folder) with ../shared/bench/make_corpus.py unless it already
holds posts, then prints, all on one core:
  baseline   read + YAML (C loader) + lxml parse + one walk of every element, in-process
  postlint   the `postlint DIR --jobs 1` command (concise report to /dev/null), default rules
  5 rules    the same with the foundation's five rules
  parallel   `postlint DIR` with its default --jobs (one process per core)
  start-up   `postlint ONE-POST` wall time, best of 7
  real posts `postlint ../shared/corpus/real --jobs 1`, default rules (when that folder exists)

Wall time on a shared machine drifts by 10-20% within an hour. With --repeat N every row is
measured N times, one round after another, and shows the best run and the slowest.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"
REAL = ROOT.parent / "shared" / "corpus" / "real"


def baseline(files: list[Path]) -> float:
    import yaml
    from lxml import etree

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    parser = etree.HTMLParser(huge_tree=True, no_network=True)
    t0 = time.perf_counter()
    for path in files:
        text = path.read_bytes().decode("utf-8")
        _, fm, body = text.split("---\n", 2)
        yaml.load(fm, Loader=loader)
        root = etree.fromstring(body, parser)
        for _el in root.iter():
            pass
    return time.perf_counter() - t0


def run(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def spread(walls: list[float]) -> str:
    """The note ", slowest of N: X s" for a row measured more than once."""
    return f", slowest of {len(walls)}: {max(walls):.2f} s" if len(walls) > 1 else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--repeat", type=int, default=1, help="measure each row N times (rounds) and show the best")
    args = ap.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="postlint-bench-"))
    if not any(folder.glob("*.md")):
        if not MAKE_CORPUS.exists():
            sys.exit(f"bench: {MAKE_CORPUS} not found (it lives in ../shared)")
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(folder), "--count", str(args.count),
                        "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
    files = sorted(folder.glob("*.md"))
    n = len(files)
    # Pin to one core: the target is per core; parallel runs scale from there.
    pin = ["taskset", "-c", "0"] if os.path.exists("/usr/bin/taskset") else []
    postlint = [sys.executable, "-m", "postlint"]

    five = "duplicate-excerpt,image-url,inline-color,empty-paragraph,invalid-rel"
    report = ["--output-format", "concise", "--quiet"]
    rows: dict[str, list[float]] = {"base": [], "default": [], "five": []}
    for _ in range(max(1, args.repeat)):  # rounds, so that a slow spell hits every row alike
        rows["base"].append(baseline(files))
        rows["default"].append(run([*pin, *postlint, str(folder), *report, "--jobs", "1"]))
        rows["five"].append(run([*pin, *postlint, str(folder), *report, "--jobs", "1", "--select", five]))
    base, wall, wall5 = min(rows["base"]), min(rows["default"]), min(rows["five"])
    print(f"posts       {n} in {folder}")
    print(f"baseline    {base:6.2f} s  {n / base:7.0f} posts/s  (read + YAML + lxml parse + walk{spread(rows['base'])})")
    print(f"postlint    {wall:6.2f} s  {n / wall:7.0f} posts/s  ({wall / base:.2f}x baseline, one core, default rules"
          f"{spread(rows['default'])})")
    print(f"5 rules     {wall5:6.2f} s  {n / wall5:7.0f} posts/s  (one core, the foundation's five rules{spread(rows['five'])})")
    cores = os.cpu_count() or 1
    wallp = run([*postlint, str(folder), *report])
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    pinned = f"; only {usable} of {cores} cores usable here: do not start the bench pinned" if usable < cores else ""
    print(f"parallel    {wallp:6.2f} s  {n / wallp:7.0f} posts/s  (default --jobs: {cores} processes{pinned})")
    one = min(run([*pin, *postlint, str(files[0])]) for _ in range(7))
    print(f"start-up    {one * 1000:6.0f} ms  (postlint on one post, best of 7)")
    if REAL.is_dir():  # real posts cost differently: Markdown with code, fewer findings
        real = sum(1 for p in REAL.rglob("*") if p.suffix.lower() in (".md", ".markdown", ".html", ".htm"))
        wallr = run([*pin, *postlint, str(REAL), *report, "--jobs", "1"])
        print(f"real posts  {wallr:6.2f} s  {real / wallr:7.0f} files/s  ({real} files of {REAL}, one core, default rules)")


if __name__ == "__main__":
    main()
