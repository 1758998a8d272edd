// Finds, reads and writes the snapshot a compiled app carries (embedded_snapshot.h).
#include "tools/embedded_snapshot.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "snapshot/base/file_io.h"
#include "snapshot/base/mapped_file.h"
#include "snapshot/base/status_macros.h"

namespace toysnap {
namespace {

// A compiled app, `toysnap compile`'s output (integers little-endian):
//   off                  size            field
//   0                    image_end       the toysnap executable's ELF image, unchanged
//   image_end            container_size  the snapshot container (snapshot/container.cc)
//   file_size - 16       8               container_size (u64)
//   file_size - 8        8               magic "TSNAPEXE"
// image_end is where the ELF image ends: the furthest byte of its headers,
// header tables, segments and sections. So a file is a plain toysnap exactly
// when nothing follows its image, and bytes there without a trailer that
// accounts for every one of them are a damaged app, never a plain toysnap.
constexpr absl::string_view kTrailerMagic = "TSNAPEXE";
constexpr size_t kContainerSizeSize = 8;
constexpr size_t kTrailerSize = kContainerSizeSize + kTrailerMagic.size();

absl::Status Rejected(absl::string_view reason, absl::string_view detail) {
  return absl::DataLossError(absl::StrCat("snapshot rejected (", reason, "): ", detail));
}

// A read-only descriptor, closed on scope exit; remembers its path for errors.
class InputFile {
 public:
  static absl::StatusOr<InputFile> Open(const std::string& path) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("cannot open ", path));
    InputFile file(fd, path);
    struct stat st;
    if (fstat(fd, &st) != 0) return absl::ErrnoToStatus(errno, absl::StrCat("cannot stat ", path));
    if (!S_ISREG(st.st_mode)) return absl::FailedPreconditionError(path + " is not a file");
    file.size_ = static_cast<uint64_t>(st.st_size);
    return file;
  }
  InputFile(InputFile&& other) noexcept
      : fd_(other.fd_), path_(std::move(other.path_)), size_(other.size_) {
    other.fd_ = -1;
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile() {
    if (fd_ >= 0) close(fd_);
  }

  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

  // Exactly `size` bytes at `offset`; the caller has checked they are in the file.
  absl::Status ReadAt(uint64_t offset, size_t size, char* out) const {
    while (size > 0) {
      ssize_t n = pread(fd_, out, size, static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return absl::ErrnoToStatus(errno, absl::StrCat("cannot read ", path_));
      if (n == 0) return absl::DataLossError(absl::StrCat(path_, " shrank while being read"));
      out += n;
      offset += static_cast<uint64_t>(n);
      size -= static_cast<size_t>(n);
    }
    return absl::OkStatus();
  }
  absl::StatusOr<std::string> ReadString(uint64_t offset, uint64_t size) const {
    std::string bytes(size, '\0');
    RETURN_IF_ERROR(ReadAt(offset, bytes.size(), bytes.data()));
    return bytes;
  }

 private:
  InputFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;  // Owned; -1 once moved from.
  std::string path_;
  uint64_t size_ = 0;
};

// offset + size, saturating: damaged headers must not wrap around.
uint64_t EndOf(uint64_t offset, uint64_t size) {
  uint64_t max = std::numeric_limits<uint64_t>::max();
  return size > max - offset ? max : offset + size;
}

// Reads `count` ELF table entries of type T at `offset`, after checking that
// they lie inside the file (a table past the end means the image is cut short).
template <typename T>
absl::StatusOr<std::vector<T>> ReadTable(const InputFile& file, uint64_t offset, uint64_t count,
                                         uint16_t entry_size) {
  std::vector<T> table;
  if (count == 0) return table;
  if (entry_size != sizeof(T)) {
    return absl::FailedPreconditionError(file.path() + " has ELF tables of an unknown entry size");
  }
  if (offset > file.size() || count > (file.size() - offset) / sizeof(T)) {
    return Rejected("truncated", "the program's ELF image is cut short");
  }
  table.resize(count);
  RETURN_IF_ERROR(file.ReadAt(offset, count * sizeof(T), reinterpret_cast<char*>(table.data())));
  return table;
}

// Where the ELF image of `file` ends (see the layout above).
absl::StatusOr<uint64_t> ElfImageEnd(const InputFile& file) {
  Elf64_Ehdr header;
  if (file.size() < sizeof(header)) {
    return absl::FailedPreconditionError(file.path() + " is not a 64-bit ELF file");
  }
  RETURN_IF_ERROR(file.ReadAt(0, sizeof(header), reinterpret_cast<char*>(&header)));
  if (memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64 ||
      header.e_ident[EI_DATA] != ELFDATA2LSB) {
    return absl::FailedPreconditionError(file.path() + " is not a 64-bit ELF file");
  }
  uint64_t end = sizeof(header);
  ASSIGN_OR_RETURN(std::vector<Elf64_Phdr> segments,
                   ReadTable<Elf64_Phdr>(file, header.e_phoff, header.e_phnum, header.e_phentsize));
  if (!segments.empty()) end = std::max(end, header.e_phoff + segments.size() * sizeof(Elf64_Phdr));
  for (const Elf64_Phdr& segment : segments) {
    end = std::max(end, EndOf(segment.p_offset, segment.p_filesz));
  }
  uint64_t section_count = header.e_shnum;
  if (section_count == 0 && header.e_shoff != 0) {  // 0xff00 or more: count in section 0
    ASSIGN_OR_RETURN(std::vector<Elf64_Shdr> first,
                     ReadTable<Elf64_Shdr>(file, header.e_shoff, 1, header.e_shentsize));
    section_count = first[0].sh_size;
  }
  ASSIGN_OR_RETURN(std::vector<Elf64_Shdr> sections,
                   ReadTable<Elf64_Shdr>(file, header.e_shoff, section_count, header.e_shentsize));
  if (!sections.empty()) end = std::max(end, header.e_shoff + sections.size() * sizeof(Elf64_Shdr));
  for (const Elf64_Shdr& section : sections) {
    if (section.sh_type == SHT_NOBITS) continue;  // occupies memory, not file bytes
    end = std::max(end, EndOf(section.sh_offset, section.sh_size));
  }
  if (end > file.size()) return Rejected("truncated", "the program's ELF image is cut short");
  return end;
}

}  // namespace

absl::Status WriteCompiledExecutable(const std::string& executable, absl::string_view container,
                                     const std::string& output) {
  ASSIGN_OR_RETURN(InputFile file, InputFile::Open(executable));
  ASSIGN_OR_RETURN(uint64_t image_end, ElfImageEnd(file));
  std::string bytes;
  bytes.reserve(image_end + container.size() + kTrailerSize);
  bytes.resize(image_end);
  RETURN_IF_ERROR(file.ReadAt(0, image_end, bytes.data()));
  bytes.append(container.data(), container.size());
  uint64_t container_size = container.size();
  for (size_t i = 0; i < kContainerSizeSize; ++i) {
    bytes.push_back(static_cast<char>((container_size >> (8 * i)) & 0xff));
  }
  bytes.append(kTrailerMagic.data(), kTrailerMagic.size());
  return WriteFileAtomically(output, bytes, 0755);
}

absl::StatusOr<std::optional<SharedBytes>> ReadEmbeddedSnapshot(const std::string& executable) {
  ASSIGN_OR_RETURN(InputFile file, InputFile::Open(executable));
  ASSIGN_OR_RETURN(uint64_t image_end, ElfImageEnd(file));
  uint64_t appended = file.size() - image_end;
  if (appended == 0) return std::nullopt;
  if (appended < kTrailerSize) {
    return Rejected("truncated", absl::StrCat("the embedded snapshot's trailer is cut short (",
                                              appended, " bytes follow the program)"));
  }
  ASSIGN_OR_RETURN(std::string trailer, file.ReadString(file.size() - kTrailerSize, kTrailerSize));
  if (absl::string_view(trailer).substr(kContainerSizeSize) != kTrailerMagic) {
    return Rejected("truncated", absl::StrCat(appended,
                                              " bytes follow the program but do not end"
                                              " in an embedded snapshot's trailer"));
  }
  uint64_t container_size = 0;
  for (size_t i = 0; i < kContainerSizeSize; ++i) {
    container_size |= uint64_t{static_cast<unsigned char>(trailer[i])} << (8 * i);
  }
  if (container_size != appended - kTrailerSize) {
    return Rejected("size-mismatch",
                    absl::StrCat("the trailer records an embedded snapshot of ", container_size,
                                 " bytes, the file holds ", appended - kTrailerSize));
  }
  ASSIGN_OR_RETURN(SharedBytes mapped, MapFile(executable));
  if (mapped.size() != file.size()) {
    return Rejected("size-mismatch", "the program changed while it was being read");
  }
  return mapped.Subrange(image_end, container_size);
}

}  // namespace toysnap
