"""Bazel rules that build JavaScript apps into toysnap snapshots.

load("//tools:defs.bzl", "toysnap_snapshot", "toysnap_binary", "toysnap_test")

Each rule runs the toysnap CLI (built for the exec configuration) as one action
that declares every input, with the clock (SOURCE_DATE_EPOCH), the locale and
the paths pinned, so the output bytes depend only on the inputs and Bazel's
local, disk and remote caches can share them.
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
        doc = "Other files read at build time, e.g. an installed node_modules tree.",
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
    "_toysnap": attr.label(
        default = "//tools:toysnap",
        executable = True,
        cfg = "exec",
    ),
}

def _build_action(ctx, verb, output):
    args = ctx.actions.args()
    args.add(verb)
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
    env = dict(ctx.attr.env)
    env.update({"TZ": "UTC", "LANG": "C", "LC_ALL": "C"})

    # A fixed clock, so programs that read the time at build give the same bytes.
    env["SOURCE_DATE_EPOCH"] = ctx.attr.source_date_epoch
    ctx.actions.run(
        executable = ctx.attr._toysnap[DefaultInfo].files_to_run,
        arguments = [args],
        inputs = depset([ctx.file.entry] + ctx.files.srcs + ctx.files.data),
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
    _build_action(ctx, "compile", output)
    return [DefaultInfo(
        files = depset([output]),
        executable = output,
        runfiles = ctx.runfiles(files = [output]),
    )]

toysnap_binary = rule(
    implementation = _toysnap_binary_impl,
    attrs = _COMMON_ATTRS,
    executable = True,
    doc = "One executable file that embeds the snapshot and runs main(argv) from it.",
)

toysnap_test = rule(
    implementation = _toysnap_binary_impl,
    attrs = _COMMON_ATTRS,
    test = True,
    doc = "Like toysnap_binary, run as a test: it passes when main() ends with exit code 0.",
)
