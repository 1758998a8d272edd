// Runs a program under the pinned Node and under toysnap (from source and
// from a snapshot) and expects the same output and exit code: the parity
// check every Node module's tests share (tests/node_parity*_test.cc).
#ifndef TOYSNAP_TESTS_NODE_PARITY_H_
#define TOYSNAP_TESTS_NODE_PARITY_H_

#include <string>
#include <vector>

#include "tests/process_runner.h"

namespace toysnap::testing {

// Runs one entry module under Node, then under toysnap from source and from a
// snapshot, and expects identical stdout, stderr and exit codes.
// `node_flags` go to node before the runner, `toysnap_flags` to `run`; `io`
// feeds each run's stdin or sends its stdout to a file (of its own).
void ExpectSameAsNode(const std::string& entry, const std::vector<std::string>& args,
                      const std::vector<std::string>& node_flags = {},
                      const std::vector<std::string>& toysnap_flags = {},
                      const ProcessIo& io = {});

}  // namespace toysnap::testing

#endif  // TOYSNAP_TESTS_NODE_PARITY_H_
