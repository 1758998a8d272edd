#!/usr/bin/env python3
"""Runs a command with stdin, stdout and stderr on a new pseudo-terminal and
copies what it printed there to this script's stdout; exits with its code.
Usage: pty_run.py COMMAND [ARGS...] (the parity tests' terminal cases)."""
import os
import pty
import subprocess
import sys


def main():
    master, slave = pty.openpty()
    child = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave, stderr=slave,
                             close_fds=True)
    os.close(slave)
    out = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every writer of the terminal has closed it
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    code = child.wait()
    sys.stdout.buffer.write(out)
    sys.stdout.flush()
    sys.exit(code if code >= 0 else 128 - code)


if __name__ == '__main__':
    main()
