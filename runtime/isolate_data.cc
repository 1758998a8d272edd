// The isolate's one data slot.
#include "runtime/isolate_data.h"

#include "runtime/extension_registry.h"
#include "runtime/host_binding.h"
#include "runtime/native_classes.h"

namespace toysnap {
namespace {

constexpr uint32_t kIsolateDataSlot = 0;

}  // namespace

IsolateData::IsolateData(const ExtensionRegistry* extensions)
    : extensions_(extensions), native_states_(std::make_unique<NativeStateRegistry>()) {
  for (const Extension* extension : extensions_->extensions()) {
    if (extension->create_state != nullptr) states_[extension] = extension->create_state();
    if (extension->host != nullptr && extension->host->create_state) {
      states_[extension] = extension->host->create_state();
    }
  }
}

IsolateData::~IsolateData() = default;

IsolateData* IsolateData::From(v8::Isolate* isolate) {
  return static_cast<IsolateData*>(isolate->GetData(kIsolateDataSlot));
}

void IsolateData::AttachTo(v8::Isolate* isolate) { isolate->SetData(kIsolateDataSlot, this); }

void IsolateData::DetachFrom(v8::Isolate* isolate) { isolate->SetData(kIsolateDataSlot, nullptr); }

ExtensionState* IsolateData::StateOf(const Extension& extension) const {
  auto it = states_.find(&extension);
  return it == states_.end() ? nullptr : it->second.get();
}

}  // namespace toysnap
