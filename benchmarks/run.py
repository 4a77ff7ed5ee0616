"""Benchmark ``cxj`` against ``yamllint`` on generated journeys, side by side, in one run.

    python benchmarks/run.py [--count N] [--quick] [--keep DIR] [--no-hyperfine]

Prints the machine, a plain-text table and, as its last line, one JSON object for
machines. It reports; it does not judge: the exit status is non-zero only when the script
itself crashes, never because a target was missed. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from generate import generate, write  # benchmarks/generate.py (sys.path[0] is this folder)

RUN_TIMEOUT_S = 600.0  # a single command taking longer than this is killed and reported
MB = 1024 * 1024

TARGET_ONE_FILE_RATIO = 0.75  # cxj validate FILE wall time / yamllint FILE wall time, at most
TARGET_DIR_RATIO = 20.0  # cxj files/s / yamllint files/s, at least
TARGET_RENDER_RATE = 200.0  # journeys/s, at least
TARGET_RSS_MB = 100.0  # per process, at most


# --- running one command and measuring it -------------------------------------------------
#
# How peak RSS is measured (e):
#
# * The number for a command is the peak resident set of its largest single process. Each
#   process is reaped with wait4(); Linux fills ru_maxrss with the maximum of the process's
#   own peak RSS and that of every descendant it reaped (getrusage(RUSAGE_BOTH)), so for
#   `cxj ... DIR` it covers the pool workers, which the main process joins before exiting.
# * Pitfall: at exec() the kernel also folds the *old* address space's high-water mark into
#   ru_maxrss. A child spawned straight from this script (fork or vfork, then exec) thus
#   reports at least this script's own RSS (~19 MB here, as much as cxj itself). So, when
#   GNU time is installed, every measured command runs as `/usr/bin/time -f %M -o F CMD`:
#   time is a ~1 MB C program, its child's pre-exec image is tiny, and it writes the
#   child's ru_maxrss (from its own wait4) to F. Without GNU time the script's own wait4
#   value is used and flagged as an upper bound ("<=") when it does not exceed that floor.
# * Which process was the largest: during one untimed run of each cxj folder command a
#   thread polls /proc/PID/status (VmHWM, the kernel's per-process RSS high-water mark) of
#   the command and all its descendants every 10 ms and reports the main process and the
#   largest worker. A sample taken just before a process exits is its peak up to then, so
#   these are lower bounds (a final spike of < 10 ms can be missed). RSS counts shared
#   pages: a forked worker starts at about its parent's size.
#
# Wall time is perf_counter() around spawn + wait4. GNU time adds about a millisecond to
# runs that take seconds (the folder runs); the one-file runs are timed without it (by
# hyperfine, or by an unwrapped Python loop) and their RSS comes from separate runs.

GNU_TIME = Path("/usr/bin/time")


def _gnu_time() -> list[str] | None:
    """The GNU time command prefix (without its -o FILE), or None when it is missing."""
    if not GNU_TIME.exists():
        return None
    with tempfile.NamedTemporaryFile(prefix="cxj-bench-time-") as probe:
        try:
            done = subprocess.run([str(GNU_TIME), "-f", "%M", "-o", probe.name, "true"],
                                  capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        text = Path(probe.name).read_text().strip()
    if done.returncode != 0 or not text.splitlines() or not text.splitlines()[-1].isdigit():
        return None
    return [str(GNU_TIME), "-f", "%M"]


TIME_PREFIX = _gnu_time()


@dataclass
class Sample:
    """One run of a command: wall time, exit code and peak RSS."""

    wall_s: float
    returncode: int
    maxrss: int  # bytes: the largest single process of the run (see above)
    maxrss_exact: bool  # False: a wait4 value at or below this script's own RSS (the floor)
    # Peak RSS (VmHWM) per process, sampled while the command runs; only when asked for.
    per_process: dict[int, int] = field(default_factory=dict)
    main_pid: int = 0  # the command's own process (the child of GNU time when wrapped)
    stderr: str = ""
    stdout: str = ""


class TreeSampler(threading.Thread):
    """Polls /proc for the VmHWM of a process and all its descendants (see above)."""

    def __init__(self, root: int, interval_s: float = 0.01) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.interval_s = interval_s
        self.peaks: dict[int, int] = {}
        self.parents: dict[int, int] = {}
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            tree = descendants(self.root)
            self.parents.update(tree)
            for pid in [self.root, *tree]:
                hwm = read_hwm(pid)
                if hwm is not None and hwm > self.peaks.get(pid, 0):
                    self.peaks[pid] = hwm
            self._stop_event.wait(self.interval_s)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def read_hwm(pid: int) -> int | None:
    """The peak RSS of ``pid`` in bytes, or None when it is gone (or a zombie)."""
    try:
        with Path(f"/proc/{pid}/status").open() as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def descendants(pid: int) -> dict[int, int]:
    """Every live descendant of ``pid``, mapped to its parent."""
    found: dict[int, int] = {}
    queue = [pid]
    while queue:
        current = queue.pop()
        for child in _children(current):
            found[child] = current
            queue.append(child)
    return found


def _children(pid: int) -> list[int]:
    """Children of ``pid`` from /proc/PID/task/TID/children, else by scanning /proc."""
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    result: list[int] = []
    for task in tasks:
        try:
            result.extend(int(child) for child in (task / "children").read_text().split())
        except FileNotFoundError:  # a kernel without CONFIG_PROC_CHILDREN
            return _children_by_scan(pid)
        except (OSError, ValueError):
            continue
    return result


def _children_by_scan(pid: int) -> list[int]:
    result = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == str(pid):
            result.append(int(entry.name))
    return result


def own_rss() -> int:
    """This script's peak RSS in bytes: the floor of an unwrapped child's ru_maxrss."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_once(command: Sequence[str], *, wrap: bool = True, sample_tree: bool = False,
             capture: bool = False) -> Sample:
    """Run ``command`` once (under GNU time when ``wrap`` and it is installed)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out, \
            tempfile.NamedTemporaryFile(prefix="cxj-bench-rss-") as rss_file:
        prefix = [*TIME_PREFIX, "-o", rss_file.name] if wrap and TIME_PREFIX else []
        started = time.perf_counter()
        process = subprocess.Popen([*prefix, *command], stdin=subprocess.DEVNULL,
                                   stdout=out if capture else subprocess.DEVNULL, stderr=err)
        sampler = TreeSampler(process.pid) if sample_tree else None
        if sampler:
            sampler.start()
        killer = threading.Timer(RUN_TIMEOUT_S, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        peaks: dict[int, int] = {}
        main_pid = process.pid
        if sampler:
            sampler.stop()
            peaks = sampler.peaks
            if prefix:  # the command is GNU time's child; time itself is not reported
                peaks.pop(process.pid, None)
                main_pid = next((pid for pid, parent in sampler.parents.items()
                                 if parent == process.pid), 0)
        maxrss, exact = usage.ru_maxrss * 1024, True
        # GNU time writes "Command exited with non-zero status N" above the number
        lines = Path(rss_file.name).read_text().split() if prefix else []
        if lines and lines[-1].isdigit():
            maxrss = int(lines[-1]) * 1024
        else:
            exact = maxrss > own_rss()
        err.seek(0)
        out.seek(0)
        return Sample(wall, process.returncode, maxrss, exact, peaks, main_pid,
                      err.read().decode(errors="replace"),
                      out.read().decode(errors="replace") if capture else "")


@dataclass
class Measurement:
    """Several timed runs of one command, and the peak RSS over its runs."""

    label: str
    command: list[str]
    walls_s: list[float]
    returncodes: list[int]
    maxrss: int  # bytes: the largest single process over every run
    maxrss_exact: bool = True
    main_rss: int | None = None  # bytes, from /proc sampling (folder commands of cxj)
    worker_rss: int | None = None
    processes: int | None = None  # processes seen in the sampled run
    method: str = "python loop (perf_counter + os.wait4)"
    failures: list[str] = field(default_factory=list)  # stderr of runs that exited >= 2

    @property
    def mean_s(self) -> float:
        return statistics.fmean(self.walls_s)

    @property
    def stdev_s(self) -> float:
        return statistics.stdev(self.walls_s) if len(self.walls_s) > 1 else 0.0

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(mean_s=round(self.mean_s, 6), stdev_s=round(self.stdev_s, 6),
                    walls_s=[round(wall, 6) for wall in self.walls_s])
        return data


LONG_RUN_S = 3.0  # a warm-up this long is counted: page cache and .pyc files are warm by then


def measure(label: str, command: list[str], *, runs: int, warmup: int = 1,
            budget_s: float = 120.0, min_runs: int = 2, sample_tree: bool = False,
            wrap: bool = True, before: Callable[[], None] | None = None) -> Measurement:
    """Time up to ``runs`` runs after ``warmup`` untimed ones (the first warm-up samples the
    process tree when asked; a warm-up longer than LONG_RUN_S counts as a timed run). Once
    ``min_runs`` are done, no run is started that would likely end after ``budget_s``."""
    walls: list[float] = []
    codes: list[int] = []
    rss: list[Sample] = []
    main_rss = worker_rss = processes = None
    deadline = time.perf_counter() + budget_s
    for index in range(warmup):
        if before:
            before()
        sample = run_once(command, wrap=wrap, sample_tree=sample_tree and index == 0)
        rss.append(sample)
        if sample.per_process:
            main_rss, worker_rss, processes = _split(sample)
        if sample.wall_s > LONG_RUN_S:
            walls.append(sample.wall_s)
            codes.append(sample.returncode)
            break
    while len(walls) < runs:
        if len(walls) >= min_runs and time.perf_counter() + max(walls) > deadline:
            break
        if before:
            before()
        sample = run_once(command, wrap=wrap)
        rss.append(sample)
        walls.append(sample.wall_s)
        codes.append(sample.returncode)
    failures = [f"exit {sample.returncode}: " + next(
        (line.strip() for line in sample.stderr.splitlines() if line.strip()), "")
        for sample in rss if sample.returncode >= 2]
    largest = max(rss, key=lambda sample: sample.maxrss)
    # the sampled VmHWM can exceed ru_maxrss by a few pages (per-CPU RSS counters)
    peak = max(largest.maxrss, main_rss or 0, worker_rss or 0)
    return Measurement(label, command, walls, codes, peak, largest.maxrss_exact,
                       main_rss, worker_rss, processes,
                       method="python loop (perf_counter + os.wait4"
                              f"{', under GNU time' if wrap and TIME_PREFIX else ''})",
                       failures=failures)


def peak_rss(command: list[str], runs: int) -> Sample:
    """The run with the largest peak RSS among ``runs`` runs."""
    return max((run_once(command) for _ in range(runs)), key=lambda sample: sample.maxrss)


def _split(sample: Sample) -> tuple[int, int | None, int]:
    """(main process peak, largest other process peak, number of processes) of a sample."""
    peaks = dict(sample.per_process)
    main = peaks.pop(sample.main_pid, 0)
    return main, max(peaks.values(), default=None), len(peaks) + 1


def hyperfine(commands: dict[str, list[str]], *, runs: int, warmup: int,
              workdir: Path) -> dict[str, tuple[float, float, list[float]]]:
    """mean, stdev and times (seconds) per command name, from ``hyperfine --export-json``."""
    export = workdir / "hyperfine.json"
    argv = ["hyperfine", "--shell=none", "--style", "none", "--ignore-failure",
            "--warmup", str(warmup), "--runs", str(runs), "--export-json", str(export)]
    for name, command in commands.items():
        argv += ["--command-name", name, shlex.join(command)]
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    results = json.loads(export.read_text())["results"]
    return {name: (float(result["mean"]), float(result["stddev"] or 0.0),
                   [float(value) for value in result["times"]])
            for name, result in zip(commands, results, strict=True)}


# --- the environment -------------------------------------------------------------------

def find_tool(name: str, module: str) -> list[str]:
    """The console script installed beside this interpreter, else on PATH, else -m."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    return [found] if found else [sys.executable, "-m", module]


def byte_compile(package: str) -> str:
    """Byte-compile an installed package's folder (PYTHONDONTWRITEBYTECODE=1 stops Python
    writing .pyc files, but it still reads them: without this an editable install would
    be compiled from source on every run, which no installed user pays)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package}: not found"
    folder = Path(spec.origin).parent
    done = subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)],
                          capture_output=True, text=True, check=False)
    return f"{folder} ({'ok' if done.returncode == 0 else 'failed: ' + done.stderr.strip()})"


def output_of(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unknown ({error})"
    return (done.stdout.strip() or done.stderr.strip()).splitlines()[0] if (
        done.stdout.strip() or done.stderr.strip()) else f"unknown (exit {done.returncode})"


def machine(cxj: list[str], yamllint: list[str]) -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    c_parser = output_of([sys.executable, "-c",
                          "import cxjourney.yamltree as t; print(t.HAVE_C_PARSER)"])
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": cpu,
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "cxj": output_of([*cxj, "--version"]),
        "yamllint": output_of([*yamllint, "--version"]),
        "hyperfine": output_of(["hyperfine", "--version"]) if shutil.which("hyperfine")
        else None,
        "cxj_c_parser": c_parser == "True",
        "cxj_c_parser_raw": c_parser,
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE"),
    }


# --- the benchmarks ------------------------------------------------------------------------

@dataclass
class Plan:
    count: int
    one_file_runs: int
    one_file_warmup: int
    cxj_runs: int
    yamllint_runs: int
    rss_runs: int
    use_hyperfine: bool


def unavailable(probe: Sample) -> str | None:
    """Why a command is not usable (exit 2, e.g. "No such command"), or None."""
    if probe.returncode != 2:
        return None
    message = next((line for line in probe.stderr.splitlines() if line.strip()), "")
    return message.strip() or "exit 2"


ONE_FILE_ROUNDS = 3  # the one-file runs alternate between the tools in this many rounds


def one_file(plan: Plan, cxj: list[str], yamllint: list[str], path: Path,
             workdir: Path) -> dict[str, Measurement]:
    """(a) ``cxj validate FILE`` vs ``yamllint FILE``: wall time and peak RSS.

    The machine's load drifts while we measure, so the tools take turns: ONE_FILE_ROUNDS
    rounds, in the order cxj, yamllint / yamllint, cxj / …, each with its own warm-up,
    rather than all cxj runs and then all yamllint runs."""
    commands = {"cxj": [*cxj, "validate", str(path)],
                "yamllint": [*yamllint, "-d", "default", str(path)]}
    per_round = max(1, -(-plan.one_file_runs // ONE_FILE_ROUNDS))
    times: dict[str, list[float]] = {name: [] for name in commands}
    codes: dict[str, list[int]] = {name: [] for name in commands}
    for round_ in range(ONE_FILE_ROUNDS):
        order = list(commands) if round_ % 2 == 0 else list(reversed(commands))
        for name in order:
            if plan.use_hyperfine:
                times[name] += hyperfine({name: commands[name]}, runs=per_round,
                                         warmup=plan.one_file_warmup, workdir=workdir)[name][2]
                continue
            for _ in range(plan.one_file_warmup):
                run_once(commands[name], wrap=False)
            for _ in range(per_round):
                sample = run_once(commands[name], wrap=False)
                times[name].append(sample.wall_s)
                codes[name].append(sample.returncode)
    method = (f"hyperfine --shell=none, {ONE_FILE_ROUNDS} alternating rounds of {per_round} "
              f"runs after {plan.one_file_warmup} warm-ups" if plan.use_hyperfine else
              f"python loop (perf_counter + os.wait4), {ONE_FILE_ROUNDS} alternating rounds "
              f"of {per_round} runs after {plan.one_file_warmup} warm-ups")
    results: dict[str, Measurement] = {}
    for name, command in commands.items():
        # peak RSS from separate runs (hyperfine does not report it), under GNU time
        largest = peak_rss(command, plan.rss_runs)
        results[name] = Measurement(f"{name} one file", command, times[name],
                                    codes[name] or [largest.returncode], largest.maxrss,
                                    largest.maxrss_exact, method=method)
    return results


def folder(label: str, command: list[str], *, runs: int, workers: bool,
           before: Callable[[], None] | None = None) -> Measurement:
    """A folder command: cxj's (``workers``) get one untimed warm-up run, which also samples
    the process tree; yamllint's runs take most of a minute each, so all of them count (the
    cxj runs before them have already brought the files into the page cache)."""
    return measure(label, command, runs=runs, warmup=1 if workers else 0,
                   budget_s=45 if workers else 150, min_runs=1, sample_tree=workers,
                   before=before)


# --- the report --------------------------------------------------------------------------

def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_rss(value: int | None) -> str:
    return "–" if value is None else f"{value / MB:.1f} MB"


def status(met: bool | None) -> str:
    return "n/a" if met is None else ("met" if met else "MISSED")


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths,
                                                                         strict=True)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark cxj against yamllint.")
    parser.add_argument("--count", type=int, default=None,
                        help="journeys in the folder benchmarks (default 1000; --quick 100)")
    parser.add_argument("--quick", action="store_true",
                        help="100 journeys and fewer repetitions (about a minute)")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="generate into DIR and keep it (default: a temporary folder)")
    parser.add_argument("--no-hyperfine", action="store_true",
                        help="time the one-file case with a Python loop even if hyperfine "
                             "is installed")
    args = parser.parse_args(argv)
    count = args.count if args.count is not None else (100 if args.quick else 1000)
    use_hyperfine = shutil.which("hyperfine") is not None and not args.no_hyperfine
    plan = (Plan(count, one_file_runs=21, one_file_warmup=1, cxj_runs=2, yamllint_runs=1,
                 rss_runs=2, use_hyperfine=use_hyperfine) if args.quick
            else Plan(count, one_file_runs=30, one_file_warmup=3, cxj_runs=5, yamllint_runs=2,
                      rss_runs=3, use_hyperfine=use_hyperfine))

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        workdir = args.keep.resolve()
        cleanup: tempfile.TemporaryDirectory[str] | None = None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="cxj-bench-")
        workdir = Path(cleanup.name)
    try:
        return _bench(plan, workdir, args.quick)
    finally:
        if cleanup is not None:
            cleanup.cleanup()


def _bench(plan: Plan, workdir: Path, quick: bool) -> int:
    started = time.perf_counter()
    cxj = find_tool("cxj", "cxjourney")
    yamllint = find_tool("yamllint", "yamllint")
    compiled = byte_compile("cxjourney")
    info = machine(cxj, yamllint)

    journeys = workdir / "journeys"
    if journeys.exists():
        shutil.rmtree(journeys)
    paths = write(journeys, plan.count)
    sizes = [path.stat().st_size for path in paths]
    single_dir = workdir / "single"
    single_dir.mkdir(exist_ok=True)
    single = single_dir / "one.journey.yaml"
    single.write_text(generate(0), encoding="utf-8")

    print(f"cxj benchmarks, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC"
          f"{' (quick)' if quick else ''}")
    print(f"machine: nproc {info['nproc']} (usable {info['usable_cpus']}), {info['cpu']}, "
          f"load {' '.join(map(str, info['load_average']))}")
    print(f"python {info['python']} ({info['python_executable']}); {info['cxj']}; "
          f"{info['yamllint']}; {info['hyperfine'] or 'hyperfine not installed'}")
    raw = info["cxj_c_parser_raw"]
    print(f"cxj C parser (cxjourney.yamltree.HAVE_C_PARSER): "
          f"{'yes' if info['cxj_c_parser'] else 'NO, pure-Python parser'}"
          f"{'' if raw in ('True', 'False') else ' (' + raw + ')'}")
    print(f"byte-compiled: {compiled}")
    print(f"data: {len(paths)} journeys in {journeys}, mean {statistics.fmean(sizes):.0f} B "
          f"(min {min(sizes)}, max {max(sizes)}); one-file case {single.stat().st_size} B")

    # validity of the generated files: one run of cxj validate on the folder must exit 0
    check = run_once([*cxj, "validate", str(journeys)], capture=True, wrap=False)
    valid = check.returncode == 0
    summary = (check.stdout.strip().splitlines() or [""])[-1]
    print(f"generated files valid: {'yes' if valid else 'NO'} (cxj validate exit "
          f"{check.returncode}: {summary or check.stderr.strip()})")
    if not valid:
        print("\n".join(check.stdout.splitlines()[:20]))
    print(file=sys.stdout, flush=True)

    # (a) one file
    one = one_file(plan, cxj, yamllint, single, workdir)
    # (b) validate a folder
    validate = folder(f"cxj validate DIR ({plan.count})", [*cxj, "validate", str(journeys)],
                      runs=plan.cxj_runs, workers=True)
    yamllint_dir = folder(f"yamllint DIR ({plan.count})",
                      [*yamllint, "-d", "default", str(journeys)],
                      runs=plan.yamllint_runs, workers=False)
    # (c) lint a folder, when lint exists
    lint_probe = run_once([*cxj, "lint", str(single)], capture=True, wrap=False)
    lint_missing = unavailable(lint_probe)
    lint = None if lint_missing else folder(
        f"cxj lint DIR ({plan.count})", [*cxj, "lint", str(journeys)],
        runs=plan.cxj_runs, workers=True)
    # (d) render a folder to html, when render exists
    render_root = workdir / "render"
    render_probe = run_once([*cxj, "render", str(single), "-f", "html", "-o",
                             str(render_root / "probe")], capture=True, wrap=False)
    render_missing = unavailable(render_probe)
    render_out = render_root / "out"

    def fresh_output() -> None:
        shutil.rmtree(render_out, ignore_errors=True)

    render = None if render_missing else folder(
        f"cxj render DIR -f html ({plan.count})",
        [*cxj, "render", str(journeys), "-f", "html", "-o", str(render_out)],
        runs=plan.cxj_runs, workers=True, before=fresh_output)

    # --- table -------------------------------------------------------------------------
    n = plan.count
    yl_rate = n / yamllint_dir.mean_s
    ratio_one = one["cxj"].mean_s / one["yamllint"].mean_s
    rows = [["benchmark", "cxj", "yamllint", "ratio", "target", "status"]]
    rows.append(["(a) one file, wall time (mean ± sd)",
                 f"{fmt_time(one['cxj'].mean_s)} ± {fmt_time(one['cxj'].stdev_s)}",
                 f"{fmt_time(one['yamllint'].mean_s)} ± {fmt_time(one['yamllint'].stdev_s)}",
                 f"{ratio_one:.2f}", f"<= {TARGET_ONE_FILE_RATIO}",
                 status(ratio_one <= TARGET_ONE_FILE_RATIO)])

    def rate_row(name: str, measurement: Measurement | None, missing: str | None) -> list[str]:
        if measurement is None:
            return [name, "not available", f"{yl_rate:.1f} files/s", "–",
                    f">= {TARGET_DIR_RATIO:g}x", "n/a"]
        rate = n / measurement.mean_s
        ratio = rate / yl_rate
        return [name, f"{rate:.0f} files/s ({fmt_time(measurement.mean_s)} ± "
                      f"{fmt_time(measurement.stdev_s)})",
                f"{yl_rate:.1f} files/s ({fmt_time(yamllint_dir.mean_s)} ± "
                f"{fmt_time(yamllint_dir.stdev_s)})",
                f"{ratio:.1f}x", f">= {TARGET_DIR_RATIO:g}x", status(ratio >= TARGET_DIR_RATIO)]

    rows.append(rate_row(f"(b) validate {n} files", validate, None))
    rows.append(rate_row(f"(c) lint {n} files", lint, lint_missing))
    if render is None:
        rows.append([f"(d) render {n} files -f html", "not available",
                     "–", "–", f">= {TARGET_RENDER_RATE:g}/s", "n/a"])
    else:
        render_rate = n / render.mean_s
        rows.append([f"(d) render {n} files -f html",
                     f"{render_rate:.0f} journeys/s ({fmt_time(render.mean_s)} ± "
                     f"{fmt_time(render.stdev_s)})", "–", "–",
                     f">= {TARGET_RENDER_RATE:g}/s", status(render_rate >= TARGET_RENDER_RATE)])
    print(table(rows))
    counts = ", ".join(f"{name} {len(measurement.walls_s)}" for name, measurement in [
        ("cxj validate DIR", validate), ("yamllint DIR", yamllint_dir), ("cxj lint DIR", lint),
        ("cxj render DIR", render)] if measurement is not None)
    print(f"timed runs: one file {len(one['cxj'].walls_s)} per tool ({one['cxj'].method}); "
          f"{counts} (cxj folder commands after one untimed warm-up, counted when it took "
          f"> {LONG_RUN_S:g} s; a time budget caps long commands)")
    print(f"exit codes: cxj validate FILE {sorted(set(one['cxj'].returncodes))}, yamllint FILE "
          f"{sorted(set(one['yamllint'].returncodes))}, cxj validate DIR "
          f"{sorted(set(validate.returncodes))}, yamllint DIR "
          f"{sorted(set(yamllint_dir.returncodes))}"
          f"{', cxj lint DIR ' + str(sorted(set(lint.returncodes))) if lint else ''}"
          f"{', cxj render DIR ' + str(sorted(set(render.returncodes))) if render else ''}"
          " (yamllint exits 1 for its line-length/document-start findings)")
    for name, measurement in [("cxj validate DIR", validate), ("cxj lint DIR", lint),
                              ("cxj render DIR", render)]:
        for failure in measurement.failures if measurement else []:
            print(f"{name}: a run failed ({failure})")
    if lint_missing:
        print(f"lint: not available (exit 2: {lint_missing})")
    if render_missing:
        print(f"render: not available (exit 2: {render_missing})")

    # (e) peak RSS
    print()
    rss_rows = [["(e) peak RSS per process", "largest process", "main", "largest worker",
                 "processes", "target", "status"]]
    measured: list[tuple[str, Measurement]] = [
        ("cxj validate FILE", one["cxj"]), ("yamllint FILE", one["yamllint"]),
        (f"cxj validate DIR ({n})", validate), (f"yamllint DIR ({n})", yamllint_dir)]
    if lint:
        measured.append((f"cxj lint DIR ({n})", lint))
    if render:
        measured.append((f"cxj render DIR ({n})", render))
    for name, measurement in measured:
        rss_rows.append([name, ("" if measurement.maxrss_exact else "<= ")
                         + fmt_rss(measurement.maxrss), fmt_rss(measurement.main_rss),
                         fmt_rss(measurement.worker_rss),
                         str(measurement.processes) if measurement.processes else "1",
                         f"<= {TARGET_RSS_MB:g} MB",
                         status(measurement.maxrss <= TARGET_RSS_MB * MB)])
    print(table(rss_rows))
    how = ("GNU time -f %M (its wait4 ru_maxrss: the process and every worker it reaped)"
           if TIME_PREFIX else "os.wait4 ru_maxrss of each run (GNU time not installed; "
           f"'<=': not above this script's own {fmt_rss(own_rss())}, the exec floor)")
    print(f"largest process: {how}; main / largest worker: /proc VmHWM sampled every 10 ms "
          "during the warm-up run (lower bounds)")
    elapsed = time.perf_counter() - started
    print(f"total benchmark time: {elapsed:.0f} s")

    result = {
        "version": 1,
        "quick": quick,
        "count": n,
        "mean_size_bytes": round(statistics.fmean(sizes), 1),
        "one_file_size_bytes": single.stat().st_size,
        "generated_valid": valid,
        "machine": info,
        "one_file": {"cxj": one["cxj"].as_json(), "yamllint": one["yamllint"].as_json(),
                     "ratio": round(ratio_one, 4), "target_max": TARGET_ONE_FILE_RATIO},
        "validate_dir": {"cxj": validate.as_json(), "yamllint": yamllint_dir.as_json(),
                         "cxj_files_per_s": round(n / validate.mean_s, 2),
                         "yamllint_files_per_s": round(yl_rate, 2),
                         "ratio": round(n / validate.mean_s / yl_rate, 3),
                         "target_min": TARGET_DIR_RATIO},
        "lint_dir": {"available": False, "reason": lint_missing} if lint is None else {
            "available": True, "cxj": lint.as_json(),
            "cxj_files_per_s": round(n / lint.mean_s, 2),
            "yamllint_files_per_s": round(yl_rate, 2),
            "ratio": round(n / lint.mean_s / yl_rate, 3), "target_min": TARGET_DIR_RATIO},
        "render_dir": {"available": False, "reason": render_missing} if render is None else {
            "available": True, "cxj": render.as_json(),
            "journeys_per_s": round(n / render.mean_s, 2), "target_min": TARGET_RENDER_RATE},
        "peak_rss_bytes": {name: measurement.maxrss for name, measurement in measured},
        "peak_rss_method": "gnu-time" if TIME_PREFIX else "wait4",
        "rss_target_max_bytes": int(TARGET_RSS_MB * MB),
        "elapsed_s": round(elapsed, 1),
    }
    print(json.dumps(result, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
