#!/usr/bin/env python3
"""In-process throughput: toysnap against Node on one workload (stdlib only).

Run through one of tools/bench/*_throughput (fs, spawn, crypto, zlib, url...), which
build the CLI. A workload (workloads/NAME/NAME_throughput.mjs) times its
cases in-process, so start-up is not counted, and prints one JSON line of
microseconds per operation; each contender runs it `--processes` times,
interleaved, and the harness prints the median of each case and toysnap's
ratio to Node (below 1: faster). This is a benchmark, not a test: figures
vary with the machine's load.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# name -> (title, what one operation is)
WORKLOADS = {
    "buffer": ("Buffer codec throughput", "operation"),
    "fs": ("fs throughput", "call"),
    "spawn": ("child_process throughput", "child"),
    "crypto": ("crypto throughput", "call"),
    "zlib": ("zlib throughput", "64 MiB"),
    "url": ("URL throughput", "call"),
}


def run(argv):
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"in_process: {' '.join(argv)} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", required=True, choices=sorted(WORKLOADS))
    parser.add_argument("--toysnap", required=True, help="the toysnap binary")
    parser.add_argument("--node", required=True, help="the Node binary to compare with")
    parser.add_argument("--processes", type=int, default=3, help="runs of each contender")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds inside each run")
    args = parser.parse_args()
    title, unit = WORKLOADS[args.workload]
    workload = os.path.join(HERE, "workloads", args.workload, f"{args.workload}_throughput.mjs")

    with tempfile.TemporaryDirectory() as work:
        runner = os.path.join(work, "runner.mjs")
        with open(runner, "w") as f:
            f.write(f"const {{ main }} = await import('file://{workload}');\n"
                    "await main(process.argv.slice(2));\n")
        snapshot = os.path.join(work, f"{args.workload}.snap")
        subprocess.run([args.toysnap, "build", workload, "-o", snapshot], check=True,
                       capture_output=True)
        contenders = {
            "node": [args.node, runner, str(args.rounds)],
            "toysnap": [args.toysnap, "run", snapshot, str(args.rounds)],
        }
        samples = {name: [] for name in contenders}
        for _ in range(args.processes):
            for name, argv in contenders.items():
                samples[name].append(run(argv))

    def median(name, case):
        return statistics.median(sample[case] for sample in samples[name])

    cases = list(samples["node"][0])
    print(f"{title}: median µs per {unit} over {args.processes} processes x "
          f"{args.rounds} rounds (lower is better)\n")
    print("| case | node | toysnap | toysnap / node |")
    print("| --- | ---: | ---: | ---: |")
    ratios = []
    for case in cases:
        node, toysnap = median("node", case), median("toysnap", case)
        ratios.append(toysnap / node)
        print(f"| {case} | {node:.1f} | {toysnap:.1f} | {toysnap / node:.2f}x |")
    print(f"\ngeometric mean of the ratios: {statistics.geometric_mean(ratios):.2f}x")


if __name__ == "__main__":
    main()
