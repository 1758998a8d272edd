// AsyncContextScope and AsyncCallback: see async_context.h.
#include "runtime/async_context.h"

namespace toysnap {

AsyncContextScope::AsyncContextScope(v8::Local<v8::Context> context, v8::Local<v8::Value> frame)
    : context_(context), previous_(context->GetContinuationPreservedEmbedderData()) {
  context->SetContinuationPreservedEmbedderData(frame);
}

AsyncContextScope::~AsyncContextScope() {
  context_->SetContinuationPreservedEmbedderData(previous_);
}

void SavedAsyncContext::Capture(v8::Isolate* isolate) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> frame;
  if (!context.IsEmpty()) frame = context->GetContinuationPreservedEmbedderData();
  if (frame.IsEmpty() || frame->IsUndefined()) {
    frame_.Reset();
  } else {
    frame_.Reset(isolate, frame);
  }
}

v8::Local<v8::Value> SavedAsyncContext::Get(v8::Isolate* isolate) const {
  if (frame_.IsEmpty()) return v8::Undefined(isolate);
  return frame_.Get(isolate);
}

void SavedAsyncContext::CopyFrom(v8::Isolate* isolate, const SavedAsyncContext& other) {
  if (other.frame_.IsEmpty()) {
    frame_.Reset();
  } else {
    frame_.Reset(isolate, other.frame_.Get(isolate));
  }
}

void AsyncCallback::Reset(v8::Isolate* isolate, v8::Local<v8::Function> function,
                          const SavedAsyncContext& context) {
  function_.Reset(isolate, function);
  frame_.CopyFrom(isolate, context);
}

void AsyncCallback::Reset(v8::Isolate* isolate, v8::Local<v8::Function> function) {
  function_.Reset(isolate, function);
  frame_.Capture(isolate);
}

void AsyncCallback::Reset() {
  function_.Reset();
  frame_.Reset();
}

v8::MaybeLocal<v8::Value> AsyncCallback::Call(v8::Local<v8::Context> context,
                                              v8::Local<v8::Value> receiver, int argc,
                                              v8::Local<v8::Value> argv[]) const {
  v8::Isolate* isolate = context->GetIsolate();
  AsyncContextScope scope(context, frame_.Get(isolate));
  return function_.Get(isolate)->Call(context, receiver, argc, argv);
}

}  // namespace toysnap
