"""Compiler options every C++ target of toysnap sets on itself.

load("//tools:copts.bzl", "COPTS")

On the target, not in .bazelrc, so they hold in any workspace that builds
toysnap (`local_repository(name = "toysnap", ...)`): Bazel's default toolchain
compiles C++ as -std=c++0x, and a user's .bazelrc is theirs.
"""

COPTS = ["-std=c++17"]
