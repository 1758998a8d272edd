"""Bazel rules that build JavaScript apps into toysnap snapshots.

load("@toysnap//tools:defs.bzl", "toysnap_binary", "toysnap_node_modules",
     "toysnap_snapshot", "toysnap_test")

Each rule runs the toysnap CLI (built for the exec configuration) as one action
that declares every input, with the clock (SOURCE_DATE_EPOCH), the locale and
the paths pinned, so the output bytes depend only on the inputs and Bazel's
local, disk and remote caches can share them. Executables are copies of the
toysnap runtime built for the target configuration, an input of the action.
"""

_COMMON_ATTRS = {
    "entry": attr.label(
        allow_single_file = [".js", ".mjs", ".cjs"],
        mandatory = True,
        doc = "The entry ES module; its exported main(args) runs on every start.",
    ),
    "srcs": attr.label_list(
        allow_files = True,
        doc = "Every other module the entry imports (JS, JSON, package.json files).",
    ),
    "data": attr.label_list(
        allow_files = True,
        doc = "Other files read at build time, e.g. a toysnap_node_modules tree.",
    ),
    "env": attr.string_dict(
        doc = "Environment variables the build may read (process.env); nothing else is visible.",
    ),
    "compression": attr.string(default = "none", values = ["none", "zstd"]),
    "seed_salt": attr.string(
        doc = "Mixed into the heap's hash seed; keep it secret to keep the seed unguessable.",
    ),
    "max_heap_mb": attr.int(default = 0, doc = "Heap limit for the build (0: V8's default)."),
    "source_date_epoch": attr.string(
        default = "315532800",
        doc = "The build's fixed clock, in seconds since 1970 (SOURCE_DATE_EPOCH; the " +
              "default is 1980-01-01T00:00:00Z): Date.now() at build time starts there.",
    ),
    # Runs the build: a tool, so the exec configuration's.
    "_toysnap": attr.label(
        default = Label("//tools:toysnap"),
        executable = True,
        cfg = "exec",
    ),
}

# What an executable is a copy of: the runtime for the machine it runs on.
_EXECUTABLE_ATTRS = dict(_COMMON_ATTRS)
_EXECUTABLE_ATTRS.update({
    "_runtime": attr.label(
        default = Label("//tools:toysnap"),
        executable = True,
        cfg = "target",
    ),
})

def _build_action(ctx, verb, output, runtime = None):
    # The verb stays on the command line; the rest may go to a parameter file.
    command = ctx.actions.args()
    command.add(verb)
    args = ctx.actions.args()
    args.add(ctx.file.entry.path)
    args.add("-o", output)
    args.add("--quiet")

    # The action runs in Bazel's execroot, a tree of symlinks whose path changes
    # between sandboxes: keep the symlinks and record the root as /workspace.
    args.add("--preserve-symlinks")
    args.add("--path-prefix-map=.=/workspace")
    args.add("--compression=" + ctx.attr.compression)
    if ctx.attr.seed_salt:
        args.add("--seed-salt=" + ctx.attr.seed_salt)
    if ctx.attr.max_heap_mb:
        args.add("--max-heap-mb=%d" % ctx.attr.max_heap_mb)
    for name in sorted(ctx.attr.env.keys()):
        args.add("--env", name)
    sources = [ctx.file.entry] + ctx.files.srcs + ctx.files.data

    # Hermetic by construction: the program may read its declared inputs and
    # nothing else, and write nowhere. An undeclared read that the sandbox
    # would not catch (a path outside the execroot) is a build error naming
    # the file. Thousands of grants go through a parameter file.
    args.add("--permission")
    args.add_all(sources, format_each = "--allow-fs-read=%s")
    args.use_param_file("@%s", use_always = True)
    args.set_param_file_format("multiline")
    inputs = list(sources)
    if runtime:
        args.add("--runtime=" + runtime.path)
        inputs.append(runtime)
    env = dict(ctx.attr.env)
    env.update({"TZ": "UTC", "LANG": "C", "LC_ALL": "C"})

    # A fixed clock, so programs that read the time at build give the same bytes.
    env["SOURCE_DATE_EPOCH"] = ctx.attr.source_date_epoch
    ctx.actions.run(
        executable = ctx.attr._toysnap[DefaultInfo].files_to_run,
        arguments = [command, args],
        inputs = depset(inputs),
        outputs = [output],
        env = env,
        mnemonic = "ToysnapSnapshot",
        progress_message = "Building JavaScript snapshot %s" % output.short_path,
    )

def _toysnap_snapshot_impl(ctx):
    output = ctx.actions.declare_file(ctx.label.name + ".snap")
    _build_action(ctx, "build", output)
    return [DefaultInfo(files = depset([output]), runfiles = ctx.runfiles(files = [output]))]

toysnap_snapshot = rule(
    implementation = _toysnap_snapshot_impl,
    attrs = _COMMON_ATTRS,
    doc = "Builds `name.snap`: the entry's module graph evaluated into a warm V8 heap.",
)

def _toysnap_binary_impl(ctx):
    output = ctx.actions.declare_file(ctx.label.name)
    _build_action(ctx, "compile", output, ctx.executable._runtime)
    return [DefaultInfo(
        files = depset([output]),
        executable = output,
        runfiles = ctx.runfiles(files = [output]),
    )]

toysnap_binary = rule(
    implementation = _toysnap_binary_impl,
    attrs = _EXECUTABLE_ATTRS,
    executable = True,
    doc = "One executable file that embeds the snapshot and runs main(argv) from it. " +
          "Like any compiled app it finds libnode.so.108 in /usr/local/lib/toysnap or " +
          "the system's library path.",
)

def _runfiles_path(ctx, file):
    # Runfiles hold a workspace's files under its name, other repositories'
    # under theirs (their short_path starts with "../").
    if file.short_path.startswith("../"):
        return file.short_path[len("../"):]
    return ctx.workspace_name + "/" + file.short_path

# The test's executable: the app, run with the libnode.so.108 of its runfiles
# (LD_LIBRARY_PATH comes before the app's run path), not the machine's.
_TEST_LAUNCHER = """#!/bin/sh
set -e
runfiles="${{TEST_SRCDIR:-${{RUNFILES_DIR:-$0.runfiles}}}}"
LD_LIBRARY_PATH="$runfiles/{libnode_dir}${{LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}}"
export LD_LIBRARY_PATH
exec "$runfiles/{app}" "$@"
"""

def _toysnap_test_impl(ctx):
    app = ctx.actions.declare_file(ctx.label.name + ".app")
    _build_action(ctx, "compile", app, ctx.executable._runtime)
    libnode = ctx.file._libnode
    launcher = ctx.actions.declare_file(ctx.label.name)
    libnode_path = _runfiles_path(ctx, libnode)
    ctx.actions.write(
        output = launcher,
        content = _TEST_LAUNCHER.format(
            app = _runfiles_path(ctx, app),
            libnode_dir = libnode_path[:libnode_path.rfind("/")],
        ),
        is_executable = True,
    )
    return [DefaultInfo(
        files = depset([launcher, app]),
        executable = launcher,
        runfiles = ctx.runfiles(files = [app, libnode]),
    )]

_TEST_ATTRS = dict(_EXECUTABLE_ATTRS)
_TEST_ATTRS.update({
    "_libnode": attr.label(
        default = Label("@v8//:usr/lib/x86_64-linux-gnu/libnode.so.108"),
        allow_single_file = True,
    ),
})

toysnap_test = rule(
    implementation = _toysnap_test_impl,
    attrs = _TEST_ATTRS,
    test = True,
    doc = "Like toysnap_binary, run as a test with the libnode.so.108 of its runfiles: " +
          "it passes when main() ends with exit code 0.",
)

def toysnap_node_modules(name, packages = None, node_modules = "node_modules", **kwargs):
    """The files of an installed node_modules tree, for a rule's `data`.

    `npm ci` (or any installer) puts the tree beside the package.json in this
    package; this gathers it, whole or only `packages` (["lodash-es",
    "@scope/name"]), as a filegroup. The rules resolve bare imports from it as
    Node does, walking up from the importing file, so the tree must be in the
    entry's directory or one above it, in the same package. Installer caches
    (`.cache/`) are left out: they are not inputs. An empty tree is a build
    error that says to install it. A package that ships its own BUILD file
    would be cut off by it; such packages need their BUILD files removed.
    """
    if packages == None:
        patterns = [node_modules + "/**"]
    else:
        patterns = [node_modules + "/" + package + "/**" for package in packages]
    _node_modules(
        name = name,
        srcs = native.glob(patterns, exclude = [node_modules + "/.cache/**"]),
        directory = native.package_name() + ("/" if native.package_name() else "") + node_modules,
        **kwargs
    )

def _node_modules_impl(ctx):
    if not ctx.files.srcs:
        directory = ctx.attr.directory
        parent = directory[:directory.rfind("/")] if "/" in directory else "."
        fail("%s is empty or missing: install it first (`npm ci` in %s)" % (directory, parent))
    return [DefaultInfo(
        files = depset(ctx.files.srcs),
        runfiles = ctx.runfiles(files = ctx.files.srcs),  # for tests that read the tree
    )]

_node_modules = rule(
    implementation = _node_modules_impl,
    attrs = {
        "srcs": attr.label_list(allow_files = True),
        "directory": attr.string(),
    },
)
