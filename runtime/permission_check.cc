// ERR_ACCESS_DENIED as Node 20 throws it: "Access to this API has been
// restricted", with `code`, `permission` and `resource` properties.
#include "runtime/permission_check.h"

#include "absl/strings/str_cat.h"
#include "runtime/isolate_data.h"
#include "runtime/v8_strings.h"
#include "v8-exception.h"
#include "v8-primitive.h"

namespace toysnap {

absl::Status AccessStatus(v8::Isolate* isolate, Capability capability,
                          absl::string_view resource) {
  IsolateData* data = IsolateData::From(isolate);
  if (data == nullptr || data->permissions == nullptr) {
    return absl::PermissionDeniedError(absl::StrCat(CapabilityName(capability), " ", resource));
  }
  return data->permissions->Check(capability, resource);
}

bool LeadsToGrant(v8::Isolate* isolate, Capability capability, absl::string_view directory) {
  IsolateData* data = IsolateData::From(isolate);
  return data != nullptr && data->permissions != nullptr &&
         data->permissions->LeadsToGrant(capability, directory);
}

bool CheckAccess(v8::Isolate* isolate, Capability capability, absl::string_view resource) {
  return CheckAccess(isolate, capability, resource, resource);
}

bool CheckAccess(v8::Isolate* isolate, Capability capability, absl::string_view resource,
                 absl::string_view shown) {
  if (AccessStatus(isolate, capability, resource).ok()) return true;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> error =
      v8::Exception::Error(v8::String::NewFromUtf8Literal(
                               isolate, "Access to this API has been restricted"))
          .As<v8::Object>();
  auto set = [&](v8::Local<v8::String> key, absl::string_view value) {
    v8::Local<v8::String> text;
    if (!NewString(isolate, value).ToLocal(&text)) text = v8::String::Empty(isolate);
    error->CreateDataProperty(context, key, text).IsJust();
  };
  set(v8::String::NewFromUtf8Literal(isolate, "code"), "ERR_ACCESS_DENIED");
  set(v8::String::NewFromUtf8Literal(isolate, "permission"), CapabilityName(capability));
  if (!shown.empty()) set(v8::String::NewFromUtf8Literal(isolate, "resource"), shown);
  isolate->ThrowException(error);
  return false;
}

}  // namespace toysnap
