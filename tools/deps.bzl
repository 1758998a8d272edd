"""Every repository toysnap needs, for toysnap's own WORKSPACE and for a user's.

In a user's WORKSPACE:

    local_repository(name = "toysnap", path = "/path/to/toysnap")
    load("@toysnap//tools:deps.bzl", "toysnap_dependencies")
    toysnap_dependencies()

Paths are resolved against toysnap's own checkout, not the workspace that calls
this: `new_local_repository(path = ".deps/libnode")` would look in the user's.
"""

def _toysnap_local_repository_impl(rctx):
    # The repository holding this file: toysnap's checkout, however it is named.
    directory = rctx.path(Label("//:WORKSPACE")).dirname
    for part in rctx.attr.path.split("/"):
        directory = directory.get_child(part)
    if not directory.exists:
        fail("toysnap: %s is missing; run tools/setup%s in %s" % (
            rctx.attr.path,
            rctx.attr.setup_args,
            rctx.path(Label("//:WORKSPACE")).dirname,
        ))
    entries = directory.readdir()
    for entry in entries:
        rctx.symlink(entry, entry.basename)
    names = [entry.basename for entry in entries]
    if rctx.attr.build_file:
        rctx.symlink(rctx.attr.build_file, "BUILD.bazel")
    if "WORKSPACE" not in names:
        rctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % rctx.name)

# A directory of toysnap's checkout as a repository, like local_repository (or
# new_local_repository with `build_file`) relative to toysnap, not to the caller.
toysnap_local_repository = repository_rule(
    implementation = _toysnap_local_repository_impl,
    attrs = {
        "path": attr.string(mandatory = True, doc = "Relative to toysnap's checkout."),
        "build_file": attr.label(allow_single_file = True),
        "setup_args": attr.string(doc = "What to pass tools/setup when the path is missing."),
    },
    local = True,
)

def _system_libraries_impl(rctx):
    # Links to the machine's copies; the linker records each one's SONAME, so
    # the executable names the same libraries whatever their path here. They
    # sit at the path libnode.so.108 has in @v8, so Bazel links both from one
    # _solib directory and the executable gets no second run path.
    for name in rctx.attr.libraries:
        link = "usr/lib/x86_64-linux-gnu/" + name
        for directory in rctx.attr.directories:
            path = rctx.path(directory + "/" + name)
            if path.exists:
                rctx.symlink(path, link)
                break
        if not rctx.path(link).exists:
            fail("toysnap: %s not found in %s; run tools/setup" % (
                name,
                " or ".join(rctx.attr.directories),
            ))
    rctx.symlink(rctx.attr.build_file, "BUILD.bazel")
    rctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % rctx.name)

# Shared libraries of the machine, by file name, as link inputs (see
# tools/workspace/system_libs.BUILD for why).
_system_libraries = repository_rule(
    implementation = _system_libraries_impl,
    attrs = {
        "libraries": attr.string_list(mandatory = True),
        "directories": attr.string_list(
            default = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu"],
        ),
        "build_file": attr.label(allow_single_file = True, mandatory = True),
    },
    local = True,
)

def _maybe(name, **kwargs):
    # A workspace that already has a repository by this name keeps its own.
    if name not in native.existing_rules():
        toysnap_local_repository(name = name, **kwargs)

def toysnap_dependencies():
    """Declares the repositories toysnap's rules and libraries need.

    rules_cc, rules_java and remote_coverage_tools are offline stand-ins that
    Bazel 4.2.3 wants at analysis time (a workspace that declares its own keeps
    them); v8 is V8 10.2 from Debian's libnode108, which tools/setup unpacks
    into toysnap's .deps/libnode; npm_runtime is the npm packages built into
    the runtime (readable-stream, string_decoder, core-js), pinned by
    runtime/npm/package-lock.json and installed there by tools/setup.
    """
    _maybe("rules_cc", path = "tools/workspace/rules_cc")
    _maybe("rules_java", path = "tools/workspace/rules_java")
    _maybe("remote_coverage_tools", path = "tools/workspace/remote_coverage_tools")
    _maybe("v8", path = ".deps/libnode", build_file = Label("//tools/workspace:v8.BUILD"))
    if "toysnap_system_libs" not in native.existing_rules():
        _system_libraries(
            name = "toysnap_system_libs",
            libraries = [
                "libcrypto.so.3",
                "libstdc++.so.6",
                "libm.so.6",
                "libc.so.6",
                "libicuuc.so.72",
                "libuv.so.1",
            ],
            build_file = Label("//tools/workspace:system_libs.BUILD"),
        )
    _maybe(
        "npm_runtime",
        path = "runtime/npm/node_modules",
        build_file = Label("//tools/workspace:npm_runtime.BUILD"),
    )
