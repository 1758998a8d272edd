// Tests for embedded_snapshot.h, using this test's own executable as the program.
#include "tools/embedded_snapshot.h"

#include <sys/stat.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "snapshot/base/file_io.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;

constexpr char kSelf[] = "/proc/self/exe";

// The embedded container as a string, for comparisons.
absl::StatusOr<std::optional<std::string>> EmbeddedText(const std::string& executable) {
  absl::StatusOr<std::optional<SharedBytes>> embedded = ReadEmbeddedSnapshot(executable);
  if (!embedded.ok()) return embedded.status();
  if (!embedded->has_value()) return std::nullopt;
  return std::string((*embedded)->view());
}

class EmbeddedSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    app_ = ::testing::TempDir() + "/" + info->name();
    self_ = ReadFile(kSelf).value();
  }

  // Writes `bytes` as the app and reads it back.
  absl::StatusOr<std::optional<std::string>> ReadBack(const std::string& bytes) {
    EXPECT_TRUE(WriteFileAtomically(app_, bytes, 0755).ok());
    return EmbeddedText(app_);
  }

  std::string app_;
  std::string self_;  // This test's executable, a plain ELF file.
};

TEST_F(EmbeddedSnapshotTest, PlainExecutableHasNone) {
  absl::StatusOr<std::optional<std::string>> embedded = EmbeddedText(kSelf);
  ASSERT_TRUE(embedded.ok()) << embedded.status();
  EXPECT_EQ(*embedded, std::nullopt);
}

TEST_F(EmbeddedSnapshotTest, LayoutIsImageThenContainerThenTrailer) {
  const std::string container = "TOYSNAP\x1a pretend container";
  ASSERT_TRUE(WriteCompiledExecutable(kSelf, container, app_).ok());
  std::string bytes = ReadFile(app_).value();
  std::string trailer("\x1a\0\0\0\0\0\0\0TSNAPEXE", 16);
  ASSERT_EQ(container.size(), 0x1au);
  EXPECT_TRUE(bytes == self_ + container + trailer);
  struct stat st;
  ASSERT_EQ(stat(app_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u);
  EXPECT_THAT(EmbeddedText(app_).value(), Optional(container));
}

TEST_F(EmbeddedSnapshotTest, CompilingFromAnAppReplacesItsSnapshot) {
  ASSERT_TRUE(WriteCompiledExecutable(kSelf, "first snapshot", app_).ok());
  const std::string second = app_ + "_second";
  ASSERT_TRUE(WriteCompiledExecutable(app_, "second", second).ok());
  EXPECT_THAT(EmbeddedText(second).value(), Optional(std::string("second")));
  EXPECT_EQ(ReadFile(second)->size(), self_.size() + 6 + 16);
}

TEST_F(EmbeddedSnapshotTest, TruncatedAppsAreRejected) {
  const std::string container(1000, 'c');
  const std::string good = self_ + container + std::string("\xe8\x03\0\0\0\0\0\0TSNAPEXE", 16);
  ASSERT_THAT(ReadBack(good).value(), Optional(container));
  for (size_t cut : {size_t{1}, size_t{8}, size_t{15}, size_t{16}, size_t{17}, size_t{500},
                     container.size() + 15}) {
    SCOPED_TRACE(cut);
    absl::StatusOr<std::optional<std::string>> embedded =
        ReadBack(good.substr(0, good.size() - cut));
    EXPECT_TRUE(absl::IsDataLoss(embedded.status())) << embedded.status();
    EXPECT_THAT(embedded.status().message(), HasSubstr("snapshot rejected (truncated)"));
  }
  // Cut into the program itself.
  absl::StatusOr<std::optional<std::string>> cut = ReadBack(self_.substr(0, self_.size() - 1));
  EXPECT_THAT(cut.status().message(), HasSubstr("snapshot rejected (truncated)"));
}

TEST_F(EmbeddedSnapshotTest, ATrailerThatDoesNotAddUpIsRejected) {
  std::string bytes = self_ + "abc" + std::string("\x04\0\0\0\0\0\0\0TSNAPEXE", 16);
  absl::StatusOr<std::optional<std::string>> embedded = ReadBack(bytes);
  EXPECT_TRUE(absl::IsDataLoss(embedded.status()));
  EXPECT_THAT(embedded.status().message(),
              HasSubstr("snapshot rejected (size-mismatch): the trailer records an embedded "
                        "snapshot of 4 bytes, the file holds 3"));
  bytes = self_ + "abc" + std::string("\x03\0\0\0\0\0\0\x80TSNAPEXE", 16);
  EXPECT_THAT(ReadBack(bytes).status().message(), HasSubstr("size-mismatch"));
}

TEST_F(EmbeddedSnapshotTest, OtherFilesAreNotPrograms) {
  absl::StatusOr<std::optional<std::string>> text = ReadBack("#!/bin/sh\necho hi\n");
  EXPECT_TRUE(absl::IsFailedPrecondition(text.status())) << text.status();
  EXPECT_THAT(text.status().message(), HasSubstr("is not a 64-bit ELF file"));
  EXPECT_TRUE(absl::IsNotFound(EmbeddedText(app_ + "_missing").status()));
  EXPECT_FALSE(WriteCompiledExecutable(app_ + "_missing", "x", app_ + "_out").ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(EmbeddedText(::testing::TempDir()).status()));
}

}  // namespace
}  // namespace toysnap
