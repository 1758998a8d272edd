"""The peers' commands for tools/bench/cold_start.py: Node 20, 22 and 24 from
source, with a warm NODE_COMPILE_CACHE, from a user-land snapshot and (Node 24)
as a single executable with useSnapshot; Deno and Bun, run and compiled.

Each builder returns a Command or, when the machine lacks the contender or its
build fails, a short reason that the tables print instead of figures.
"""

import json
import os
import shutil
import subprocess

# The fuse postject flips in a Node binary to say "a SEA blob is injected"
# (Node's docs, "Single executable applications").
SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2"


class Command:
    """One contender's process: argv plus the variables added to the shared env."""

    def __init__(self, argv, env=None):
        self.argv = argv
        self.env = env or {}

    def environ(self, base):
        return {**base, **self.env} if self.env else base


def _run(argv, env, cwd=None):
    """Runs a build step; returns None or the reason it failed (one line)."""
    if not os.access(argv[0], os.X_OK):
        return f"n/a: {argv[0]} missing"
    result = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode == 0:
        return None
    lines = [l for l in (result.stderr + result.stdout).splitlines() if l.strip()]
    return f"n/a: build failed ({lines[-1][:80] if lines else 'exit %d' % result.returncode})"


def node_commands(version, node, app, snaps, name, env, plain, args, warm_run):
    """Node `version` from source, with a compile cache, and from a snapshot."""
    if not os.access(node, os.X_OK):
        reason = f"n/a: no Node {version} ({node})"
        return {f"node{version}": reason, f"node{version}_cache": reason,
                f"node{version}_snapshot": reason}
    out = {f"node{version}": Command([node, plain] + args)}
    # NODE_COMPILE_CACHE (Node 22.1+): V8 code caches of every module loaded,
    # written at exit; one unmeasured run fills the directory.
    cache = os.path.join(snaps, f"compile_cache_node{version}_{name}")
    shutil.rmtree(cache, ignore_errors=True)
    cached = Command([node, plain] + args, {"NODE_COMPILE_CACHE": cache})
    failed = warm_run(cached)
    out[f"node{version}_cache"] = failed or cached
    if failed is None and not os.listdir(cache):
        out[f"node{version}_cache"] = "n/a: the cache stayed empty"
    entry = os.path.join(app, "node_snapshot.cjs")
    if os.path.exists(entry):
        blob = os.path.join(snaps, f"{name}.node{version}.blob")
        failed = _run([node, "--snapshot-blob", blob, "--build-snapshot", entry], env)
        out[f"node{version}_snapshot"] = failed or Command([node, "--snapshot-blob", blob] + args)
    else:
        out[f"node{version}_snapshot"] = "n/a"
    return out


def node_sea(node, postject_cli, app, snaps, name, env, args):
    """A Node single executable whose blob holds the snapshot of node_snapshot.cjs
    (useSnapshot; Node ignores useCodeCache then), injected with postject."""
    entry = os.path.join(app, "node_snapshot.cjs")
    if not os.path.exists(entry):
        return "n/a"
    if not (os.access(node, os.X_OK) and os.path.exists(postject_cli)):
        return "n/a: no Node 24 or postject"
    blob = os.path.join(snaps, f"{name}.sea.blob")
    config = os.path.join(snaps, f"{name}.sea.json")
    with open(config, "w") as f:
        json.dump({"main": entry, "output": blob, "useSnapshot": True,
                   "disableExperimentalSEAWarning": True}, f)
    failed = _run([node, "--experimental-sea-config", config], env)
    if failed:
        return failed
    exe = os.path.join(snaps, f"{name}.sea")
    shutil.copyfile(node, exe)
    os.chmod(exe, 0o755)
    failed = _run([node, postject_cli, exe, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE], env)
    return failed or Command([exe] + args)


def bun_compile(bun, app, snaps, name, env, args):
    """`bun build --compile --bytecode`: Bun's ahead-of-time path, one executable
    with the bundle and JavaScriptCore bytecode of it."""
    exe = os.path.join(snaps, f"{name}.bun")
    failed = _run([bun, "build", "--compile", "--bytecode", os.path.join(app, "plain.mjs"),
                   "--outfile", exe], env, cwd=app)
    return failed or Command([exe] + args)


def deno_compile(deno, app, snaps, name, env, args):
    """`deno compile` copies `denort` (Deno's runtime without the CLI) and appends
    the program. It downloads denort unless DENORT_BIN names one; no npm package
    ships denort, and the deno CLI itself is no stand-in (its output is the
    plain CLI again), so offline it is built only when DENORT_BIN is set."""
    denort = os.environ.get("DENORT_BIN")
    if not denort or not os.access(denort, os.X_OK):
        return "n/a: needs denort (downloaded; set DENORT_BIN)"
    exe = os.path.join(snaps, f"{name}.deno")
    failed = _run([deno, "compile", "-A", "--output", exe, os.path.join(app, "plain.mjs")],
                  {**env, "DENORT_BIN": denort}, cwd=app)
    return failed or Command([exe] + args)
