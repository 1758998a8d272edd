// The permission check as native callbacks use it: true when the runtime's
// Permissions allow `capability` on `resource`, else Node's ERR_ACCESS_DENIED
// is thrown. Included by every native that touches the outside world.
#ifndef TOYSNAP_RUNTIME_PERMISSION_CHECK_H_
#define TOYSNAP_RUNTIME_PERMISSION_CHECK_H_

#include "absl/strings/string_view.h"
#include "runtime/permissions.h"
#include "v8-isolate.h"

namespace toysnap {

// A runtime with no IsolateData or no permissions allows nothing.
bool CheckAccess(v8::Isolate* isolate, Capability capability, absl::string_view resource = {});
// The same check of `resource`, with the error naming `shown` instead: Node
// names a path as the program wrote it ("a/../b"), while the check needs it
// absolute and normalized.
bool CheckAccess(v8::Isolate* isolate, Capability capability, absl::string_view resource,
                 absl::string_view shown);

// Whether `directory` leads to a path granted for `capability` (see
// Permissions::LeadsToGrant); false without permissions.
bool LeadsToGrant(v8::Isolate* isolate, Capability capability, absl::string_view directory);

// The same check without throwing, for C++ callers that report a Status.
absl::Status AccessStatus(v8::Isolate* isolate, Capability capability,
                          absl::string_view resource = {});

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_PERMISSION_CHECK_H_
