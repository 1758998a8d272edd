#!/usr/bin/env python3
"""Cold-start benchmark: toysnap against Node, Deno and Bun (stdlib only).

Run through tools/bench/cold_start, which installs what this compares against.
Every contender runs as a whole process; the harness measures its wall time
(spawn to exit) and its peak memory (ru_maxrss from wait4), round-robin across
contenders, and prints one Markdown table per workload plus the issue's targets.
Writes tools/bench/results.md and tools/bench/results.png (gnuplot).
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

WORKLOADS = {
    "hello": "one `console.log`",
    "typescript": "TypeScript 5.9 compiler loaded, one `ts.transpileModule`",
    "lodash": "`import * as _ from 'lodash-es'` (a 600-module ES graph), a few calls",
    "tables": "primes below 2,000,000 and a 148,933-entry `Map` computed at start, one query",
}

# Workloads whose `node --build-snapshot` entry loads an esbuild bundle (such an
# entry can only require built-ins): workload -> the entry esbuild bundles.
NODE_SNAPSHOT_BUNDLES = {"lodash": "bundle_entry.mjs"}

# (key, label in tables, short label in the plot, colour)
CONTENDERS = [
    ("toysnap_none", "toysnap snapshot (default: none)", "toysnap", "#1f4e9c"),
    ("toysnap_zstd", "toysnap snapshot (zstd)", "toysnap\\nzstd", "#3d7fd9"),
    ("toysnap_source", "toysnap from source", "toysnap\\nsource", "#9cc3f0"),
    ("node", "node", "node", "#3c873a"),
    ("node_snapshot", "node --snapshot-blob", "node\\nsnapshot", "#8cc84b"),
    ("deno", "deno run -A", "deno", "#444444"),
    ("bun", "bun run", "bun", "#e0a030"),
]
LABELS = {key: label for key, label, _, _ in CONTENDERS}

# The targets: (workload, toysnap's ratio to this contender is at most, ...)
TARGETS = [
    ("typescript", "node", 0.25),
    ("typescript", "node_snapshot", 0.5),
    ("typescript", "bun", 0.5),
    ("typescript", "deno", 0.5),
    ("hello", "node", 0.4),
    ("hello", "deno", 1.0),
]


def log(message):
    print(f"cold_start: {message}", file=sys.stderr, flush=True)


def run_checked(argv, env, what):
    """Runs a set-up command; on failure prints its output and exits."""
    result = subprocess.run(argv, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"cold_start: {what} failed (exit {result.returncode}): {' '.join(argv)}")
    return result.stdout


def copy_toysnap(binary, dest):
    """Copies the CLI and the libnode.so its RUNPATH ($ORIGIN/../_solib_k8/...)
    names, so that a concurrent rebuild cannot swap the binary mid-run."""
    bin_dir = os.path.dirname(binary)
    solib = os.path.join(bin_dir, "..", "_solib_k8")
    target = os.path.join(dest, "tools", "toysnap")
    fresh = (os.path.exists(target) and
             os.path.getsize(target) == os.path.getsize(binary) and
             os.path.getmtime(target) >= os.path.getmtime(binary))
    if not fresh:
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(os.path.dirname(target))
        shutil.copy2(binary, target)
        shutil.copytree(solib, os.path.join(dest, "_solib_k8"), symlinks=False)
    return target


def measure(argv, env):
    """Wall time in ms (spawn to reaped) and peak RSS in KiB of one process."""
    with open(os.devnull, "wb") as null:
        fd = null.fileno()
        start = time.perf_counter_ns()
        pid = os.posix_spawn(argv[0], argv, env,
                             file_actions=[(os.POSIX_SPAWN_DUP2, fd, 1),
                                           (os.POSIX_SPAWN_DUP2, fd, 2)])
        _, status, usage = os.wait4(pid, 0)
        elapsed = (time.perf_counter_ns() - start) / 1e6
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"cold_start: {' '.join(argv)} exited with {code}")
    return elapsed, usage.ru_maxrss


def timed_build(argv, env, repeats):
    """Median wall time in seconds of `repeats` builds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run_checked(argv, env, "build")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def versions(toysnap, tools, env):
    def first_line(argv):
        return run_checked(argv, env, "version").strip().splitlines()[0]
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "machine": f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        "toysnap": first_line([toysnap, "--version"]),
        "node": first_line([tools["node"], "--version"]),
        "deno": first_line([tools["deno"], "--version"]),
        "bun": first_line([tools["bun"], "--version"]),
    }


def prepare(args, tools, env):
    """Copies the workloads next to .deps/bench/node_modules and builds every
    snapshot; returns {workload: {contender: argv or skip reason}} and build facts."""
    apps = os.path.join(args.deps, "apps")
    snaps = os.path.join(args.deps, "snapshots")
    shutil.rmtree(apps, ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "workloads"), apps)
    os.makedirs(snaps, exist_ok=True)
    os.makedirs(env["BENCH_BUNDLES"], exist_ok=True)
    toysnap = tools["toysnap"]
    commands, builds = {}, {}
    for name in args.workloads:
        log(f"building the {name} snapshots")
        app = os.path.join(apps, name)
        zstd = os.path.join(snaps, f"{name}.zstd.snap")
        none = os.path.join(snaps, f"{name}.none.snap")
        build = [toysnap, "build", os.path.join(app, "app.mjs"), "--force", "--quiet"]
        facts = {
            "zstd_s": timed_build(build + ["-o", zstd, "--compression=zstd"], env, args.build_rounds),
            "none_s": timed_build(build + ["-o", none], env, args.build_rounds),
            "zstd_bytes": os.path.getsize(zstd),
            "none_bytes": os.path.getsize(none),
        }
        entry = os.path.join(app, "node_snapshot.cjs")
        if name in NODE_SNAPSHOT_BUNDLES:
            bundle = os.path.join(env["BENCH_BUNDLES"], f"{name}.cjs")
            subprocess.run([tools["esbuild"], os.path.join(app, NODE_SNAPSHOT_BUNDLES[name]),
                            "--bundle", "--format=cjs", "--platform=node", "--log-level=error",
                            f"--outfile={bundle}"], env=env, check=True)
            facts["bundle_bytes"] = os.path.getsize(bundle)
        if os.path.exists(entry):
            blob = os.path.join(snaps, f"{name}.node.blob")
            facts["node_s"] = timed_build(
                [tools["node"], "--snapshot-blob", blob, "--build-snapshot", entry], env,
                args.build_rounds)
            facts["node_bytes"] = os.path.getsize(blob)
            node_snapshot = [tools["node"], "--snapshot-blob", blob]
        else:
            node_snapshot = "n/a"
        plain = os.path.join(app, "plain.mjs")
        commands[name] = {
            "toysnap_none": [toysnap, "run", none],
            "toysnap_zstd": [toysnap, "run", zstd],
            "toysnap_source": [toysnap, "run", os.path.join(app, "app.mjs")],
            "node": [tools["node"], plain],
            "node_snapshot": node_snapshot,
            "deno": [tools["deno"], "run", "-A", plain],
            "bun": [tools["bun"], "run", plain],
        }
        builds[name] = facts
    return commands, builds


def check_outputs(name, commands, env):
    """One warm-up run of each contender (fills Deno's and Bun's caches and the
    page cache); all of them must print the same text."""
    outputs = {}
    for key, argv in commands.items():
        if isinstance(argv, str):
            continue
        result = subprocess.run(argv, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            sys.exit(f"cold_start: {name}: {LABELS[key]} exited with {result.returncode}")
        outputs[key] = result.stdout
    reference = outputs["node"]
    for key, text in outputs.items():
        if text != reference:
            sys.exit(f"cold_start: {name}: {LABELS[key]} printed\n{text}\nbut node printed\n{reference}")


def bench(name, commands, env, rounds):
    """Round-robin: each round runs every contender once, starting one further
    along the list each round, so no contender always follows the same one."""
    runnable = [key for key, argv in commands.items() if not isinstance(argv, str)]
    samples = {key: [] for key in runnable}
    log(f"measuring {name}: {rounds} rounds of {len(runnable)} contenders")
    for r in range(rounds):
        order = runnable[r % len(runnable):] + runnable[:r % len(runnable)]
        for key in order:
            samples[key].append(measure(commands[key], env))
    stats = {}
    for key, runs in samples.items():
        walls = [wall for wall, _ in runs]
        stats[key] = {
            "median": statistics.median(walls), "min": min(walls), "max": max(walls),
            "rss_mib": statistics.median(rss for _, rss in runs) / 1024,
            "walls": walls,
        }
    return stats


def mib(n):
    return f"{n / 2**20:.2f} MiB"


def workload_table(name, commands, stats, facts):
    lines = [f"### {name}: {WORKLOADS[name]}", "",
             "| contender | median | min | max | peak RSS | toysnap ÷ this | toysnap zstd ÷ this |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    zstd, none = stats["toysnap_zstd"]["median"], stats["toysnap_none"]["median"]
    for key, label, _, _ in CONTENDERS:
        if key not in stats:
            lines.append(f"| {label} | {commands[key]} | | | | | |")
            continue
        s = stats[key]
        shown = f"**{label}**" if key.startswith("toysnap_") and key != "toysnap_source" else label
        lines.append(f"| {shown} | {s['median']:.1f} ms | {s['min']:.1f} | {s['max']:.1f} | "
                     f"{s['rss_mib']:.0f} MiB | {none / s['median']:.2f}× | {zstd / s['median']:.2f}× |")
    note = (f"toysnap's snapshot file: {mib(facts['none_bytes'])} uncompressed (the default), "
            f"{mib(facts['zstd_bytes'])} with zstd; `toysnap build` {facts['none_s']:.2f} s "
            f"(none), {facts['zstd_s']:.2f} s (zstd)")
    if "node_bytes" in facts:
        note += f"; node's blob {mib(facts['node_bytes'])}, built in {facts['node_s']:.2f} s"
    if "bundle_bytes" in facts:
        note += f" from an esbuild bundle of {mib(facts['bundle_bytes'])}"
    lines += ["", note + ".", ""]
    return lines


def summary_table(results):
    """All workloads in one table: medians, and toysnap (default snapshot) ÷ each."""
    names = list(results)
    lines = ["### Summary: median wall time (toysnap ÷ this)", "",
             "| contender | " + " | ".join(names) + " |",
             "| --- |" + " ---: |" * len(names)]
    for key, label, _, _ in CONTENDERS:
        cells = []
        for name in names:
            stats = results[name]["stats"]
            if key not in stats:
                cells.append("n/a")
                continue
            median = stats[key]["median"]
            cells.append(f"{median:.0f} ms ({stats['toysnap_none']['median'] / median:.2f}×)")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines + [""]


def targets_table(results):
    lines = ["### The issue's targets (toysnap from its default, uncompressed snapshot)", "",
             "| workload | target | measured | met |", "| --- | --- | --- | --- |"]
    for name, peer, limit in TARGETS:
        if name not in results:
            continue
        stats = results[name]["stats"]
        if peer not in stats:
            continue
        ours, theirs = stats["toysnap_none"]["median"], stats[peer]["median"]
        zstd = stats["toysnap_zstd"]["median"]
        target = f"≤ {limit:g}× {LABELS[peer]}" if limit != 1 else f"≤ {LABELS[peer]}"
        lines.append(f"| {name} | {target} | {ours / theirs:.2f}× ({ours:.0f} vs {theirs:.0f} ms; "
                     f"zstd: {zstd / theirs:.2f}×) | {'yes' if ours <= limit * theirs else '**no**'} |")
    return lines + [""]


def plot(results, png, work):
    """A bar per contender (median wall time), whiskers from min to max, one
    panel per workload, each on its own linear scale."""
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        log("gnuplot not found; no plot")
        return
    names = list(results)
    columns = 2 if len(names) > 1 else 1
    rows = (len(names) + columns - 1) // columns
    script = []
    terminal = subprocess.run([gnuplot, "-e", "set terminal pngcairo"], capture_output=True)
    if terminal.returncode == 0:
        script.append(f"set terminal pngcairo size {700 * columns},{480 * rows} font 'sans,11'")
    else:
        script.append(f"set terminal png size {700 * columns},{480 * rows}")
    script += [
        f"set output '{png}'",
        f"set multiplot layout {rows},{columns} title "
        f"'Cold start, whole process: median wall time (ms), whiskers min-max' font ',14'",
        "set style fill solid 0.9 border -1", "set boxwidth 0.7", "set grid ytics",
        "set yrange [0:*]", "set xrange [-0.6:6.6]", "set key off", "set ylabel 'ms'",
        "set xtics (" + ", ".join(f'"{short}" {i}' for i, (_, _, short, _) in enumerate(CONTENDERS)) + ")",
        "set xtics nomirror scale 0 font ',10'", "set bmargin 4",
    ]
    for name in names:
        stats = results[name]["stats"]
        data = os.path.join(work, f"plot_{name}.dat")
        with open(data, "w") as f:
            for i, (key, _, _, colour) in enumerate(CONTENDERS):
                s = stats.get(key)
                if s:
                    f.write(f"{i} {s['median']:.2f} {s['min']:.2f} {s['max']:.2f} "
                            f"{int(colour[1:], 16)} \"{s['median']:.0f}\"\n")
                else:  # a zero-height bar, labelled
                    f.write(f"{i} 0 0 0 16777215 \"n/a\"\n")
        top = max(s["max"] for s in stats.values())
        script += [
            f"set title '{name}' font ',13'",
            f"set yrange [0:{top * 1.15:.1f}]",
            f"plot '{data}' using 1:2:5 with boxes lc rgb variable, "
            f"'' using 1:3:(0):($4-$3) with vectors nohead lc rgb 'black' lw 1.2, "
            f"'' using ($1-0.1):3:(0.2):(0) with vectors nohead lc rgb 'black' lw 1.2, "
            f"'' using ($1-0.1):4:(0.2):(0) with vectors nohead lc rgb 'black' lw 1.2, "
            f"'' using 1:4:6 with labels offset 0,0.8 font ',10'",
        ]
    script.append("unset multiplot")
    script_file = os.path.join(work, "plot.gp")
    with open(script_file, "w") as f:
        f.write("\n".join(script) + "\n")
    run_checked([gnuplot, script_file], os.environ.copy(), "gnuplot")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--toysnap", required=True, help="the optimized toysnap CLI")
    parser.add_argument("--deps", required=True, help="where cold_start installed its packages")
    parser.add_argument("--rounds", type=int, default=15, help="measured runs per contender (default 15)")
    parser.add_argument("--build-rounds", type=int, default=3, help="timed builds per snapshot (default 3)")
    parser.add_argument("--workloads", default=",".join(WORKLOADS),
                        help=f"comma-separated subset of {','.join(WORKLOADS)}")
    parser.add_argument("--out", default=HERE, help="folder for results.md and results.png")
    parser.add_argument("--node", default=os.path.join(HERE, "..", "..", ".deps", "node", "bin", "node"),
                        help="Node 20 to compare with (default: the pinned one tools/setup installs)")
    args = parser.parse_args()
    args.workloads = [w for w in args.workloads.split(",") if w]
    for w in args.workloads:
        if w not in WORKLOADS:
            parser.error(f"unknown workload {w!r}")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    args.deps = os.path.abspath(args.deps)
    modules = os.path.join(args.deps, "node_modules")
    tools = {
        "toysnap": copy_toysnap(os.path.abspath(args.toysnap), os.path.join(args.deps, "toysnap")),
        "node": os.path.abspath(args.node),
        "deno": os.path.join(modules, "@deno/linux-x64-glibc/deno"),
        "bun": os.path.join(modules, "@oven/bun-linux-x64/bin/bun"),
        "esbuild": os.path.join(modules, ".bin/esbuild"),
    }
    # One environment for every process: no NODE_OPTIONS, caches inside .deps/bench.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NODE_", "DENO_", "BUN_"))}
    env.update({
        "NO_COLOR": "1",
        "DENO_DIR": os.path.join(args.deps, "deno_dir"),
        "DENO_NO_UPDATE_CHECK": "1",
        "BUN_RUNTIME_TRANSPILER_CACHE_PATH": os.path.join(args.deps, "bun_cache"),
        "BENCH_NODE_MODULES": modules,
        "BENCH_BUNDLES": os.path.join(args.deps, "bundles"),
    })
    facts = versions(tools["toysnap"], tools, env)
    commands, builds = prepare(args, tools, env)

    results = {}
    for name in args.workloads:
        check_outputs(name, commands[name], env)
        results[name] = {"stats": bench(name, commands[name], env, args.rounds), "builds": builds[name]}

    lines = ["## Cold-start results", "",
             f"{datetime.date.today().isoformat()}; {facts['machine']}; {args.rounds} rounds, "
             f"wall time of the whole process, in ms. {facts['toysnap']}, node {facts['node']}, "
             f"{facts['deno']}, {facts['bun'] if facts['bun'].startswith('bun') else 'bun ' + facts['bun']}.",
             ""]
    for name in args.workloads:
        lines += workload_table(name, commands[name], results[name]["stats"], builds[name])
    lines += summary_table(results) + targets_table(results)
    text = "\n".join(lines)
    print(text)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(args.deps, "results.json"), "w") as f:
        json.dump({"facts": facts, "results": results}, f, indent=1)
    png = os.path.join(args.out, "results.png")
    plot(results, png, args.deps)
    log(f"wrote {os.path.join(args.out, 'results.md')} and {png}")


if __name__ == "__main__":
    main()
