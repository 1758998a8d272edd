// RETURN_IF_ERROR / ASSIGN_OR_RETURN for absl::Status code (abseil 20220623 has
// none). Include from any toysnap .cc that propagates Status; keep it the only
// pair.
#ifndef TOYSNAP_SNAPSHOT_BASE_STATUS_MACROS_H_
#define TOYSNAP_SNAPSHOT_BASE_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status) once; returns it from the enclosing
// function if it is not OK.
#define RETURN_IF_ERROR(expr)                                \
  do {                                                       \
    ::absl::Status toysnap_return_if_error_status_ = (expr); \
    if (!toysnap_return_if_error_status_.ok()) {             \
      return toysnap_return_if_error_status_;                \
    }                                                        \
  } while (false)

// Evaluates `expr` (an absl::StatusOr<T>) once; on error returns its status,
// otherwise moves the value into `lhs`, which may declare a variable
// (`ASSIGN_OR_RETURN(std::string s, ReadFile(p));`). Expands to several
// statements, so use it at block scope, not as the body of an unbraced `if`.
// `lhs` must not contain unparenthesized commas.
#define ASSIGN_OR_RETURN(lhs, expr) \
  TOYSNAP_ASSIGN_OR_RETURN_IMPL_(   \
      TOYSNAP_STATUS_MACROS_CONCAT_(toysnap_statusor_, __LINE__), lhs, expr)

// Implementation details; not for direct use.
#define TOYSNAP_STATUS_MACROS_CONCAT_INNER_(x, y) x##y
#define TOYSNAP_STATUS_MACROS_CONCAT_(x, y) \
  TOYSNAP_STATUS_MACROS_CONCAT_INNER_(x, y)
#define TOYSNAP_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                   \
  if (!statusor.ok()) {                                     \
    return std::move(statusor).status();                    \
  }                                                         \
  lhs = *std::move(statusor)

#endif  // TOYSNAP_SNAPSHOT_BASE_STATUS_MACROS_H_
