// Tests for status_macros.h.
#include "snapshot/base/status_macros.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"

namespace toysnap {
namespace {

absl::Status Fail() { return absl::InternalError("boom"); }

absl::StatusOr<std::unique_ptr<int>> MakeInt(bool ok) {
  if (!ok) return absl::NotFoundError("no int");
  return std::make_unique<int>(7);
}

absl::Status UseReturnIfError(bool fail, int* reached) {
  if (fail) RETURN_IF_ERROR(Fail());
  RETURN_IF_ERROR(absl::OkStatus());
  ++*reached;
  return absl::OkStatus();
}

absl::StatusOr<int> UseAssignOrReturn(bool ok) {
  // Two on one function body, so the __LINE__-based temporaries must differ;
  // the second one also takes a move-only value.
  ASSIGN_OR_RETURN(std::unique_ptr<int> a, MakeInt(true));
  ASSIGN_OR_RETURN(std::unique_ptr<int> b, MakeInt(ok));
  int sum = 0;
  ASSIGN_OR_RETURN(sum, absl::StatusOr<int>(*a + *b));
  return sum;
}

TEST(StatusMacrosTest, ReturnIfError) {
  int reached = 0;
  EXPECT_EQ(UseReturnIfError(true, &reached).message(), "boom");
  EXPECT_EQ(reached, 0);
  EXPECT_TRUE(UseReturnIfError(false, &reached).ok());
  EXPECT_EQ(reached, 1);
}

TEST(StatusMacrosTest, AssignOrReturn) {
  EXPECT_EQ(UseAssignOrReturn(true).value(), 14);
  EXPECT_EQ(UseAssignOrReturn(false).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace toysnap
