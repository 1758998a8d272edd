// The source slots of a build or a restore (external_sources.h).
#include "runtime/external_sources.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "runtime/isolate_data.h"

namespace toysnap {

// A resource V8 borrows: the bytes belong to the table (or, restored, to the
// container's mapping), so Dispose, which V8 calls when the string dies or the
// isolate goes, frees nothing.
class ExternalSources::Slot final : public v8::String::ExternalOneByteStringResource {
 public:
  Slot() = default;
  explicit Slot(SharedBytes bytes) : bytes_(std::move(bytes)) {}
  // Never null: V8 checks a resource's data.
  const char* data() const override { return bytes_.size() == 0 ? "" : bytes_.data(); }
  size_t length() const override { return bytes_.size(); }
  const SharedBytes& bytes() const { return bytes_; }
  void Fill(SharedBytes bytes) { bytes_ = std::move(bytes); }

 protected:
  void Dispose() override {}

 private:
  SharedBytes bytes_;
};

ExternalSources::ExternalSources(bool building) : building_(building) {}

ExternalSources::~ExternalSources() = default;

std::unique_ptr<ExternalSources> ExternalSources::ForBuild() {
  std::unique_ptr<ExternalSources> table(new ExternalSources(/*building=*/true));
  for (size_t i = 0; i < kSourceSlotCount; ++i) {
    table->slots_.push_back(std::make_unique<Slot>());
    table->addresses_[i] = reinterpret_cast<intptr_t>(table->slots_[i].get());
  }
  return table;
}

absl::StatusOr<std::unique_ptr<ExternalSources>> ExternalSources::ForRestore(
    const std::vector<SharedBytes>& sources) {
  if (sources.size() > kSourceSlotCount) {
    return absl::FailedPreconditionError(
        absl::StrCat("the snapshot has ", sources.size(), " external sources; this runtime has ",
                     kSourceSlotCount, " slots: rebuild it"));
  }
  std::unique_ptr<ExternalSources> table(new ExternalSources(/*building=*/false));
  // What the table's other entries name: no string of this snapshot refers
  // to them, so V8 never reads or writes it.
  static Slot unused;
  for (size_t i = 0; i < kSourceSlotCount; ++i) {
    Slot* slot = &unused;
    if (i < sources.size()) {
      table->slots_.push_back(std::make_unique<Slot>(sources[i]));
      slot = table->slots_.back().get();
    }
    table->addresses_[i] = reinterpret_cast<intptr_t>(slot);
  }
  table->filled_ = sources.size();
  return table;
}

bool ExternalSources::Externalize(v8::Isolate* isolate, v8::Local<v8::String> source) {
  if (!building_ || filled_ == slots_.size()) return false;
  const int length = source->Length();
  if (length < kMinExternalSourceLength || source->IsExternalOneByte() ||
      !source->ContainsOnlyOneByte()) {
    return false;
  }
  std::string bytes(static_cast<size_t>(length), '\0');
  source->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(bytes.data()), 0, length,
                       v8::String::NO_NULL_TERMINATION);
  Slot& slot = *slots_[filled_];
  slot.Fill(SharedBytes(std::move(bytes)));
  if (!source->MakeExternal(&slot)) {
    slot.Fill(SharedBytes());
    return false;
  }
  ++filled_;
  return true;
}

std::vector<SharedBytes> ExternalSources::Filled() const {
  std::vector<SharedBytes> filled;
  for (size_t i = 0; i < filled_; ++i) filled.push_back(slots_[i]->bytes());
  return filled;
}

ExternalSources* ExternalSources::OfBuild(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  return data != nullptr ? data->external_sources : nullptr;
}

}  // namespace toysnap
