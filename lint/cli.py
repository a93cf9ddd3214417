"""The command line, top to bottom: arguments -> config -> rules -> files -> findings -> report.

    postlint [PATH ...]        lint posts (default: the current folder)
    postlint rules             a table of every rule
    postlint rule ID           one rule's documentation

Exit codes: 0 no findings, 1 findings, 2 usage, config or internal error.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator, NoReturn, Sequence, TextIO

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line on stderr, not argparse's usage dump
        raise UsageError(message)


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, not {value!r}")
    return int(value)


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    from . import __version__
    from .report import FORMATS

    p = _Parser(prog="postlint", description="Lint the posts of a static-site content repo.",
                epilog="Also: `postlint rules` lists every rule; `postlint rule ID` shows one rule's docs.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint (default: .)")
    p.add_argument("--config", metavar="FILE", help="config file (default: nearest postlint.toml, "
                   ".postlint.toml or pyproject.toml with [tool.postlint])")
    p.add_argument("--select", type=_ids, metavar="IDS", help="only these rules (comma-separated; ALL for every rule)")
    p.add_argument("--extend-select", type=_ids, metavar="IDS", help="these rules in addition to the selected ones")
    p.add_argument("--ignore", type=_ids, metavar="IDS", help="not these rules (comma-separated)")
    p.add_argument("--output-format", choices=FORMATS, default="full", help="report format (default: full)")
    p.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--statistics", action="store_true", help="count findings per rule")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--fix", action="store_true", help="apply safe fixes, then report what remains")
    p.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too (with --fix or --diff); without them, count them as fixable")
    p.add_argument("--diff", action="store_true", help="print what --fix would change as a unified diff; write nothing")
    p.add_argument("--show-fixes", action="store_true", help="with --fix, list what was fixed in each file")
    p.add_argument("--exit-non-zero-on-fix", action="store_true", help="with --fix, exit 1 when anything was fixed")
    p.add_argument("--stdin-filename", metavar="NAME", help="lint the post on stdin, reported as NAME (config found "
                   "from NAME's folder); with --fix, the fixed post goes to stdout and the report to stderr")
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="lint in N processes (default: one per core "
                   f"from {PARALLEL_FROM} files on; results and their order do not change)")
    p.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    p.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")
    p.add_argument("--version", action="version", version=f"postlint {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in argv or "--verbose" in argv
    try:
        if argv[:1] == ["rules"]:
            return _cmd_rules(argv[1:])
        if argv[:1] == ["rule"]:
            return _cmd_rule(argv[1:])
        return _cmd_check(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:
        from .config import ConfigError
        from .registry import RegistryError

        if verbose and not isinstance(exc, (UsageError, ConfigError, RegistryError)):
            raise
        # (ImportError: a dependency missing or too old, which its message says)
        if isinstance(exc, (UsageError, ConfigError, RegistryError, FileNotFoundError, ImportError)):
            message = str(exc)
        else:
            message = f"internal error: {type(exc).__name__}: {exc} (run with --verbose for the traceback)"
        print(f"postlint: error: {message}", file=sys.stderr)
        return EXIT_ERROR


def _load_config(args: argparse.Namespace, paths: list[Path]):
    from .config import Config, find_config, load_config

    if args.config:
        config_path = Path(args.config)
        if not config_path.is_file():
            raise UsageError(f"--config: no such file: {config_path}")
        return load_config(config_path)
    found = find_config(paths[0] if paths else Path.cwd())
    return load_config(found) if found else Config()


def _cmd_check(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    with _output(args.output_file) as out:
        return _check(args, out)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Where the report goes. A file is opened first, so a bad path fails before any post is read."""
    if path is None:
        yield sys.stdout
        return
    try:
        out = open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--output-file: cannot write {path}: {exc.strerror or exc}") from None
    with out:
        yield out


def _check(args: argparse.Namespace, out: TextIO) -> int:
    # A run makes many short-lived objects per post: collecting the youngest generation every
    # 700 allocations cost ~20% of a run (measured); every 10,000 does not.
    gc.set_threshold(10_000, 10, 10)
    from .discover import discover
    from .engine import Linter, select_rules
    from .problems import PROBLEMS
    from .registry import Registry
    from .report import Options, render

    if args.stdin_filename is not None and args.paths:
        raise UsageError("--stdin-filename: the post is read from stdin, so give no PATH")
    paths = [Path(p) for p in args.paths] or [Path(args.stdin_filename or ".")]
    config = _load_config(args, paths)
    registry = Registry()
    rules = select_rules(registry, config, args.select, args.extend_select, args.ignore)
    linter = Linter(rules, config)
    linter.ignored_problems |= set(args.ignore or [])  # read-error & co. are no rules to deselect
    files = [] if args.stdin_filename is not None else list(discover(paths, config.exclude, config.root))
    options = Options(
        color=args.output_file is None and _use_color(),  # never colour in a file
        quiet=args.quiet,
        statistics=args.statistics,
        summaries={**PROBLEMS, **{r.id: r.summary for r in rules}} if args.statistics else None,
        unsafe_fixes=args.unsafe_fixes,
    )
    if args.stdin_filename is not None:
        return _stdin(args, linter, options, out)
    if args.fix or args.diff:
        return _fix(args, linter, files, options, out)
    tally = render(args.output_format, _lint_files(args, linter, files), out, options)
    return _exit_code(args, tally)


# Below this many files a worker process costs more to start than it saves.
PARALLEL_FROM = 400


def _lint_files(args: argparse.Namespace, linter, files: list[str]) -> Iterator:
    """Each file's result, in order, as it is made: the report consumes them one by one."""
    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1) if len(files) >= PARALLEL_FROM else 1
    if jobs <= 1 or len(files) < 2:
        yield from map(linter.lint_file, files)
        return
    from concurrent.futures import ProcessPoolExecutor

    from . import engine

    with ProcessPoolExecutor(jobs, initializer=engine.worker_init, initargs=(linter.rules, linter.config, linter.ignored_problems)) as pool:
        wires = pool.map(engine.worker_lint, files, chunksize=max(1, min(64, len(files) // (jobs * 8))))
        yield from map(engine.FileResult.from_wire, wires)


def _exit_code(args: argparse.Namespace, tally, fixed: int = 0) -> int:
    if "internal-error" in tally.rules:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if tally.findings or (fixed and args.exit_non_zero_on_fix):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _fix(args: argparse.Namespace, linter, files: list[str], options, out: TextIO) -> int:
    """--fix writes fixed posts and reports what remains; --diff only shows the change."""
    from .engine import FileResult
    from .fixer import fix_source, not_written, writable, write_atomic
    from .report import Tally, render

    done = Counter()  # fixes applied, files changed

    def fixed_results():
        for path in files:
            source = linter.read(path)
            if isinstance(source, FileResult):
                yield source
                continue
            outcome = fix_source(linter, source, str(path), unsafe=args.unsafe_fixes)
            if outcome.changed:
                if args.diff:
                    write_diff(out, str(path), source.text, outcome.text)
                else:
                    problem = "file is read-only" if not writable(path) else None
                    if problem is None:
                        try:
                            write_atomic(Path(path), source.to_bytes(outcome.text))
                        except OSError as exc:
                            problem = f"cannot write: {exc.strerror or exc}"
                    if problem is not None:
                        outcome = not_written(linter, source, str(path), problem)
            if outcome.changed:
                done["files"] += 1
                done["fixes"] += sum(outcome.applied.values())
                if args.show_fixes and not args.diff:
                    fixes = ", ".join(f"{n} × {rule}" for rule, n in sorted(outcome.applied.items()))
                    print(f"{path}: fixed {fixes}", file=sys.stderr)
            yield outcome.result

    if args.diff:
        tally = Tally()
        for result in fixed_results():
            tally.add(result)
        if not args.quiet:
            print(f"Would fix {done['fixes']} {_plural(done['fixes'], 'finding')} in {done['files']} "
                  f"{_plural(done['files'], 'file')}.", file=sys.stderr)
        code = _exit_code(args, tally)
        return EXIT_FINDINGS if done["files"] and not args.exit_zero else code
    tally = render(args.output_format, fixed_results(), out, options)
    out.flush()
    if not args.quiet:
        print(f"{done['fixes']} fixed, {tally.findings} remaining.", file=sys.stderr)
    return _exit_code(args, tally, done["fixes"])


def write_diff(out: TextIO, path: str, old: str, new: str) -> None:
    """The unified diff from ``old`` to ``new``, as `patch` applies it."""
    import difflib

    for line in difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{path}", tofile=f"b/{path}"):
        # a last line without a line break is marked as `diff -u` marks it
        out.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def _lines(text: str) -> list[str]:
    """Lines as `patch` sees them, each with its line break: split at \\n only, not at U+2028,
    \\x85 or a lone \\r as ``str.splitlines`` does."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _stdin(args: argparse.Namespace, linter, options, out: TextIO) -> int:
    """One post from stdin, for editors and scripts. With --fix, stdout carries the post and
    nothing else (an editor replaces its buffer with it), so the report goes to stderr."""
    from .engine import FileResult
    from .fixer import fix_source
    from .report import Tally, render

    name, raw = args.stdin_filename, sys.stdin.buffer.read()
    if not (args.fix or args.diff):
        return _exit_code(args, render(args.output_format, [linter.lint_bytes(raw, name)], out, options))
    source = linter.decode(raw, name)
    if isinstance(source, FileResult):  # not a text post: given back as it came
        result, fixed, applied = source, raw, {}
    else:
        outcome = fix_source(linter, source, name, unsafe=args.unsafe_fixes)
        result, fixed, applied = outcome.result, source.to_bytes(outcome.text), outcome.applied
    count = sum(applied.values())
    if args.diff:
        if fixed != raw:
            write_diff(out, name, source.text, outcome.text)
        tally = Tally()
        tally.add(result)
        return EXIT_FINDINGS if fixed != raw and not args.exit_zero else _exit_code(args, tally)
    sys.stdout.buffer.write(fixed)
    sys.stdout.buffer.flush()
    if args.show_fixes and count:
        print(f"{name}: fixed " + ", ".join(f"{n} × {rule}" for rule, n in sorted(applied.items())), file=sys.stderr)
    tally = render(args.output_format, [result], out if args.output_file else sys.stderr, options)
    if not args.quiet:
        print(f"{count} fixed, {len(result.findings)} remaining.", file=sys.stderr)
    return _exit_code(args, tally, count)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _use_color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _cmd_rules(argv: list[str]) -> int:
    from . import docs
    from .registry import Registry

    if argv:
        raise UsageError(f"`postlint rules` takes no arguments (got {' '.join(argv)})")
    docs.print_rules(Registry(), sys.stdout, color=_use_color())
    return EXIT_CLEAN


def _cmd_rule(argv: list[str]) -> int:
    from . import docs
    from .registry import Registry

    if len(argv) != 1:
        raise UsageError("usage: postlint rule ID")
    registry = Registry()
    if argv[0] not in registry.ids:
        from .problems import PROBLEMS

        if argv[0] in PROBLEMS:
            print(f"{argv[0]}: {PROBLEMS[argv[0]]}")
            return EXIT_CLEAN
        raise UsageError(f"unknown rule id {argv[0]!r} (see `postlint rules`)")
    docs.print_rule(registry.load(argv[0]), sys.stdout, color=_use_color())
    return EXIT_CLEAN
