#!/usr/bin/env python3
"""Cold-start benchmark: toysnap against Node, Deno and Bun (stdlib only).

The peers run from source and in their ahead-of-time forms (cold_start_peers.py).

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

from cold_start_peers import Command, bun_compile, deno_compile, node_commands, node_sea

HERE = os.path.dirname(os.path.abspath(__file__))

WORKLOADS = {
    "hello": "one `console.log`",
    "typescript": "TypeScript 5.9 compiler loaded, one `ts.transpileModule`",
    "lodash": "`import * as _ from 'lodash-es'` (a 600-module ES graph), a few calls",
    "tables": "primes below 2,000,000 and a 148,933-entry `Map` computed at start, one query",
    "prettier": "a CLI: `prettier.format` (3.10, standalone + babel) of a 204-line JS file, printed",
}

# Arguments every contender of a workload gets (paths relative to its app folder).
WORKLOAD_ARGS = {"prettier": ["sample.js"]}

# Workloads whose `node --build-snapshot` entry loads an esbuild bundle (such an
# entry can only require built-ins): workload -> the entry esbuild bundles.
NODE_SNAPSHOT_BUNDLES = {"lodash": "bundle_entry.mjs", "prettier": "bundle_entry.mjs"}

# (key, label in tables, short label in the plot, colour)
CONTENDERS = [
    ("toysnap_none", "toysnap snapshot (default: none)", "toysnap", "#1f4e9c"),
    ("toysnap_zstd", "toysnap snapshot (zstd)", "zstd", "#3d7fd9"),
    ("toysnap_compile", "toysnap compile executable", "compile", "#2a62c0"),
    ("toysnap_source", "toysnap from source", "source", "#9cc3f0"),
    ("node", "node 20", "node20", "#3c873a"),
    ("node_snapshot", "node 20 --snapshot-blob", "n20\\nsnap", "#8cc84b"),
    ("node22", "node 22", "node22", "#2e6b2c"),
    ("node22_cache", "node 22 NODE_COMPILE_CACHE", "n22\\ncache", "#5c9e4a"),
    ("node22_snapshot", "node 22 --snapshot-blob", "n22\\nsnap", "#9fd468"),
    ("node24", "node 24", "node24", "#1f4f1e"),
    ("node24_cache", "node 24 NODE_COMPILE_CACHE", "n24\\ncache", "#4a8a3a"),
    ("node24_snapshot", "node 24 --snapshot-blob", "n24\\nsnap", "#b5e08a"),
    ("node24_sea", "node 24 SEA (useSnapshot)", "n24\\nSEA", "#d2eeb0"),
    ("deno", "deno run -A", "deno", "#444444"),
    ("deno_compile", "deno compile", "deno\\ncompile", "#888888"),
    ("bun", "bun run", "bun", "#e0a030"),
    ("bun_compile", "bun build --compile --bytecode", "bun\\ncompile", "#b87800"),
]
LABELS = {key: label for key, label, _, _ in CONTENDERS}
NODE24 = ("node24", "node24_cache", "node24_snapshot", "node24_sea")

# The targets: (workload, toysnap contender, peer(s) (the fastest of them),
# at most this ratio, who set it: #17 or an earlier issue).
TARGETS = [
    ("typescript", "toysnap_none", ("bun_compile",), 0.5, "#17"),
    ("typescript", "toysnap_none", NODE24, 0.35, "#17"),
    ("hello", "toysnap_compile", ("bun_compile",), 1.5, "#17"),
    ("prettier", "toysnap_none", ("node",), 0.25, "#17"),
    ("typescript", "toysnap_none", ("node",), 0.25, "earlier"),
    ("typescript", "toysnap_none", ("node_snapshot",), 0.5, "earlier"),
    ("typescript", "toysnap_none", ("bun",), 0.5, "earlier"),
    ("typescript", "toysnap_none", ("deno",), 0.5, "earlier"),
    ("hello", "toysnap_none", ("node",), 0.4, "earlier"),
    ("hello", "toysnap_none", ("deno",), 1.0, "earlier"),
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


def measure(command, base_env):
    """Wall time in ms (spawn to reaped), peak RSS in KiB and CPU time in ms
    (user + system, all threads) of one process."""
    argv, env = command.argv, command.environ(base_env)
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
    return elapsed, usage.ru_maxrss, (usage.ru_utime + usage.ru_stime) * 1000


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
        if not os.access(argv[0], os.X_OK):
            return f"{os.path.basename(argv[0])} missing"
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
        "node22": first_line([tools["node22"], "--version"]),
        "node24": first_line([tools["node24"], "--version"]),
        "deno": first_line([tools["deno"], "--version"]),
        "bun": first_line([tools["bun"], "--version"]),
    }


def prepare(args, tools, env):
    """Copies the workloads next to .deps/bench/node_modules and builds every
    snapshot and executable; returns {workload: {contender: Command or skip
    reason}} and build facts."""
    apps = env["BENCH_APPS"]
    snaps = os.path.join(args.deps, "snapshots")
    shutil.rmtree(apps, ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "workloads"), apps)
    os.makedirs(snaps, exist_ok=True)
    os.makedirs(env["BENCH_BUNDLES"], exist_ok=True)
    toysnap = tools["toysnap"]
    commands, builds = {}, {}
    for name in args.workloads:
        log(f"building the {name} snapshots and executables")
        app = os.path.join(apps, name)
        wargs = [os.path.join(app, a) for a in WORKLOAD_ARGS.get(name, [])]
        zstd = os.path.join(snaps, f"{name}.zstd.snap")
        none = os.path.join(snaps, f"{name}.none.snap")
        exe = os.path.join(snaps, f"{name}.toysnap")
        build = [toysnap, "build", os.path.join(app, "app.mjs"), "--force", "--quiet"]
        facts = {
            "zstd_s": timed_build(build + ["-o", zstd, "--compression=zstd"], env, args.build_rounds),
            "none_s": timed_build(build + ["-o", none], env, args.build_rounds),
            "zstd_bytes": os.path.getsize(zstd),
            "none_bytes": os.path.getsize(none),
        }
        run_checked([toysnap, "compile", os.path.join(app, "app.mjs"), "-o", exe, "--quiet"],
                    env, "toysnap compile")
        facts["exe_bytes"] = os.path.getsize(exe)
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
            node_snapshot = Command([tools["node"], "--snapshot-blob", blob] + wargs)
        else:
            node_snapshot = "n/a"
        plain = os.path.join(app, "plain.mjs")
        commands[name] = {
            "toysnap_none": Command([toysnap, "run", none] + wargs),
            "toysnap_zstd": Command([toysnap, "run", zstd] + wargs),
            "toysnap_compile": Command([exe] + wargs),
            "toysnap_source": Command([toysnap, "run", os.path.join(app, "app.mjs")] + wargs),
            "node": Command([tools["node"], plain] + wargs),
            "node_snapshot": node_snapshot,
            "deno": Command([tools["deno"], "run", "-A", plain] + wargs),
            "deno_compile": deno_compile(tools["deno"], app, snaps, name, env, wargs),
            "bun": Command([tools["bun"], "run", plain] + wargs),
            "bun_compile": bun_compile(tools["bun"], app, snaps, name, env, wargs),
        }
        warm = lambda command: warm_run(command, env)
        for version in ("22", "24"):
            commands[name].update(node_commands(version, tools[f"node{version}"], app, snaps, name,
                                                env, plain, wargs, warm))
        commands[name]["node24_sea"] = node_sea(tools["node24"], tools["postject"], app, snaps,
                                                name, env, wargs)
        builds[name] = facts
    return commands, builds


def warm_run(command, env):
    """One unmeasured run (fills a compile cache); None or why it failed."""
    result = subprocess.run(command.argv, env=command.environ(env), capture_output=True, text=True)
    if result.returncode == 0:
        return None
    return f"n/a: exited with {result.returncode}"


def check_outputs(name, commands, env):
    """One warm-up run of each contender (fills Deno's and Bun's caches and the
    page cache); all of them must print the same text."""
    outputs = {}
    for key, command in commands.items():
        if isinstance(command, str):
            continue
        result = subprocess.run(command.argv, env=command.environ(env), capture_output=True,
                                text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            sys.exit(f"cold_start: {name}: {LABELS[key]} exited with {result.returncode}")
        outputs[key] = result.stdout
    reference = outputs["node"]
    for key, text in outputs.items():
        if text != reference and not key.startswith("toysnap_"):
            # A peer that prints something else is left out, not fatal.
            log(f"{name}: {LABELS[key]} printed something else than node 20; left out")
            commands[key] = "n/a: printed something else"
        elif text != reference:
            sys.exit(f"cold_start: {name}: {LABELS[key]} printed\n{text}\nbut node printed\n{reference}")


def bench(name, commands, env, rounds):
    """Round-robin: each round runs every contender once, starting one further
    along the list each round, so no contender always follows the same one."""
    runnable = [key for key, command in commands.items() if not isinstance(command, str)]
    samples = {key: [] for key in runnable}
    log(f"measuring {name}: {rounds} rounds of {len(runnable)} contenders")
    for r in range(rounds):
        order = runnable[r % len(runnable):] + runnable[:r % len(runnable)]
        for key in order:
            samples[key].append(measure(commands[key], env))
    stats = {}
    for key, runs in samples.items():
        walls = [wall for wall, _, _ in runs]
        stats[key] = {
            "median": statistics.median(walls), "min": min(walls), "max": max(walls),
            "rss_mib": statistics.median(rss for _, rss, _ in runs) / 1024,
            "cpu": statistics.median(cpu for _, _, cpu in runs),
            "walls": walls,
        }
    return stats


def mib(n):
    return f"{n / 2**20:.2f} MiB"


def workload_table(name, commands, stats, facts):
    lines = [f"### {name}: {WORKLOADS[name]}", "",
             "| contender | median | min | max | CPU (median) | peak RSS | toysnap ÷ this | "
             "toysnap compile ÷ this |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    exe, none = stats["toysnap_compile"]["median"], stats["toysnap_none"]["median"]
    for key, label, _, _ in CONTENDERS:
        if key not in stats:
            lines.append(f"| {label} | {commands.get(key, 'n/a')} | | | | | | |")
            continue
        s = stats[key]
        shown = f"**{label}**" if key.startswith("toysnap_") and key != "toysnap_source" else label
        lines.append(f"| {shown} | {s['median']:.1f} ms | {s['min']:.1f} | {s['max']:.1f} | "
                     f"{s['cpu']:.1f} ms | {s['rss_mib']:.0f} MiB | {none / s['median']:.2f}× | {exe / s['median']:.2f}× |")
    note = (f"toysnap's snapshot file: {mib(facts['none_bytes'])} uncompressed (the default), "
            f"{mib(facts['zstd_bytes'])} with zstd; `toysnap build` {facts['none_s']:.2f} s "
            f"(none), {facts['zstd_s']:.2f} s (zstd); the `toysnap compile` executable "
            f"{mib(facts['exe_bytes'])}")
    if "node_bytes" in facts:
        note += f"; node 20's blob {mib(facts['node_bytes'])}, built in {facts['node_s']:.2f} s"
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
    lines = ["### Targets (toysnap from its default, uncompressed snapshot unless named)", "",
             "| workload | set by | target | measured (wall medians) | met | CPU-time ratio |",
             "| --- | --- | --- | --- | --- | --- |"]
    for name, ours_key, peers, limit, who in TARGETS:
        if name not in results:
            continue
        stats = results[name]["stats"]
        present = [p for p in peers if p in stats]
        ours_label = "" if ours_key == "toysnap_none" else f"{LABELS[ours_key]} "
        wanted = (f"fastest of {', '.join(LABELS[p] for p in peers)}" if len(peers) > 1
                  else LABELS[peers[0]])
        target = f"{ours_label}≤ {limit:g}× {wanted}" if limit != 1 else f"{ours_label}≤ {wanted}"
        if not present or ours_key not in stats:
            lines.append(f"| {name} | {who} | {target} | not measured | n/a | |")
            continue
        peer = min(present, key=lambda p: stats[p]["median"])
        ours, theirs = stats[ours_key]["median"], stats[peer]["median"]
        which = f" ({LABELS[peer]})" if len(peers) > 1 else ""
        lines.append(f"| {name} | {who} | {target} | {ours / theirs:.2f}× ({ours:.0f} vs "
                     f"{theirs:.0f} ms{which}) | {'yes' if ours <= limit * theirs else '**no**'} | "
                     f"{stats[ours_key]['cpu'] / stats[peer]['cpu']:.2f}× |")
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
    width = 1300
    rows = (len(names) + columns - 1) // columns
    script = []
    terminal = subprocess.run([gnuplot, "-e", "set terminal pngcairo"], capture_output=True)
    if terminal.returncode == 0:
        script.append(f"set terminal pngcairo size {width * columns},{480 * rows} font 'sans,11'")
    else:
        script.append(f"set terminal png size {width * columns},{480 * rows}")
    script += [
        f"set output '{png}'",
        f"set multiplot layout {rows},{columns} title "
        f"'Cold start, whole process: median wall time (ms), whiskers min-max' font ',14'",
        "set style fill solid 0.9 border -1", "set boxwidth 0.7", "set grid ytics",
        "set yrange [0:*]", f"set xrange [-0.6:{len(CONTENDERS) - 0.4}]", "set key off", "set ylabel 'ms'",
        "set xtics (" + ", ".join(f'"{short}" {i}' for i, (_, _, short, _) in enumerate(CONTENDERS)) + ")",
        "set xtics nomirror scale 0 font ',9'", "set bmargin 4",
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
        "node22": os.path.join(modules, "node22/bin/node"),
        "node24": os.path.join(modules, "node24/bin/node"),
        "postject": os.path.join(modules, "postject/dist/cli.js"),
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
        "BENCH_APPS": os.path.join(args.deps, "apps"),
    })
    facts = versions(tools["toysnap"], tools, env)
    load_before = os.getloadavg()[0]
    commands, builds = prepare(args, tools, env)

    results = {}
    for name in args.workloads:
        check_outputs(name, commands[name], env)
        results[name] = {"stats": bench(name, commands[name], env, args.rounds), "builds": builds[name]}

    load = f"load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    lines = ["## Cold-start results", "",
             f"{datetime.date.today().isoformat()}; {facts['machine']}; {args.rounds} rounds, "
             f"wall time of the whole process, in ms. {facts['toysnap']}, node {facts['node']}, "
             f"{facts['node22']}, {facts['node24']}, "
             f"{facts['deno']}, {facts['bun'] if facts['bun'].startswith('bun') else 'bun ' + facts['bun']}; "
             f"{load} ({os.cpu_count()} cores). CPU is the child's user + system time, all threads.",
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
