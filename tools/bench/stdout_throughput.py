#!/usr/bin/env python3
"""stdout throughput: console.log and process.stdout.write, toysnap against Node.

Run through tools/bench/stdout_throughput, which builds the CLI. Each case of
workloads/stdout/stdout_throughput.mjs writes `--lines` lines to stdout, which
goes to a pipe (the harness reads and counts it) or to a file; a run with zero
lines is subtracted, so start-up is not counted. Contenders alternate, the
median of `--processes` runs is printed with toysnap's ratio to Node (below 1:
faster). A benchmark, not a test: figures vary with the machine's load.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOAD = os.path.join(HERE, "workloads", "stdout", "stdout_throughput.mjs")
CASES = ["log", "write", "log-object"]


def timed(argv, sink, lines):
    """Seconds for one run of argv with stdout to `sink` ('pipe' or a file path)."""
    start = time.perf_counter()
    if sink == "pipe":
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seen = 0
        for chunk in iter(lambda: proc.stdout.read(1 << 16), b""):
            seen += chunk.count(b"\n")
        err = proc.stderr.read()
        code = proc.wait()
    else:
        with open(sink, "wb") as out:
            proc = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, check=False)
        code, err = proc.returncode, proc.stderr
        with open(sink, "rb") as written:
            seen = written.read().count(b"\n")
    elapsed = time.perf_counter() - start
    if code != 0 or seen != lines:
        sys.exit(f"stdout_throughput: {' '.join(argv)} failed ({code}, {seen} lines):\n"
                 f"{err.decode(errors='replace')}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--toysnap", required=True, help="the toysnap binary")
    parser.add_argument("--node", required=True, help="the Node binary to compare with")
    parser.add_argument("--processes", type=int, default=3, help="runs of each contender")
    parser.add_argument("--lines", type=int, default=200000, help="lines each run writes")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        runner = os.path.join(work, "runner.mjs")
        with open(runner, "w") as f:
            f.write(f"const {{ main }} = await import('file://{WORKLOAD}');\n"
                    "main(process.argv.slice(2));\n")
        snapshot = os.path.join(work, "stdout.snap")
        subprocess.run([args.toysnap, "build", WORKLOAD, "-o", snapshot], check=True,
                       capture_output=True)
        contenders = {
            "node": [args.node, runner],
            "toysnap": [args.toysnap, "run", snapshot],
        }
        sink_file = os.path.join(work, "out.txt")
        results = {}
        for sink in ["pipe", "file"]:
            target = "pipe" if sink == "pipe" else sink_file
            for case in CASES:
                samples = {name: [] for name in contenders}
                for _ in range(args.processes):
                    for name, argv in contenders.items():
                        base = timed(argv + [case, "0"], target, 0)
                        full = timed(argv + [case, str(args.lines)], target, args.lines)
                        samples[name].append(max(full - base, 1e-6))
                results[(sink, case)] = {n: statistics.median(s) for n, s in samples.items()}

    print(f"stdout throughput: median seconds for {args.lines} lines over {args.processes} "
          "processes, start-up subtracted (lower is better)\n")
    print("| stdout | case | node | toysnap | toysnap / node |")
    print("| --- | --- | ---: | ---: | ---: |")
    ratios = []
    for (sink, case), figures in results.items():
        node, toysnap = figures["node"], figures["toysnap"]
        ratios.append(toysnap / node)
        print(f"| {sink} | {case} | {node:.3f} | {toysnap:.3f} | {toysnap / node:.2f}x |")
    print(f"\ngeometric mean of the ratios: {statistics.geometric_mean(ratios):.2f}x")


if __name__ == "__main__":
    main()
