// The zlib extension's natives: compression handles as native classes (Zlib,
// BrotliEncoder, BrotliDecoder), made at the first require of zlib
// (Extension::lazy_classes), plus zlib.constants and crc32. The JavaScript
// (zlib.js at bootstrap, zlib_impl.js on first require) builds Node's
// streams and convenience functions on them.
//
// JS API of a handle, as Node's binding:
//   new Zlib(mode) / new BrotliEncoder(mode) / new BrotliDecoder(mode)
//   Zlib:   init(windowBits, level, memLevel, strategy, writeState, callback, dictionary)
//           params(level, strategy)
//   Brotli: init(params Uint32Array, writeState, callback) -> bool
//   write(flush, in, inOff, inLen, out, outOff, outLen): on the thread pool,
//     then writeState = [availOutAfter, availInAfter] and callback() with the
//     handle as `this`; writeSync(...) the same, inline, without callback.
//   reset()  close()
//   A failure calls this.onerror(message, errno, code) instead of callback.
// Lifetime: a handle is a loop resource from construction to close (a
// snapshot build that ends with one open fails, naming where it was made; a
// handle restored from a snapshot is closed). While a write runs on the pool
// the handle holds its object and both buffers' memory.
#include "runtime/node/zlib.h"

#include <uv.h>

#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "runtime/node/zlib_codec.h"
#include "v8-array-buffer.h"
#include "v8-function.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

enum class HandleKind { kZlib, kBrotliEncoder, kBrotliDecoder };

EventLoop* LoopOf(v8::Isolate* isolate) {
  IsolateData* data = isolate != nullptr ? IsolateData::From(isolate) : nullptr;
  return data != nullptr ? data->loop : nullptr;
}

v8::Local<v8::String> Name(v8::Isolate* isolate, const char* text) {
  return v8::String::NewFromUtf8(isolate, text).FromMaybe(v8::String::Empty(isolate));
}

// A byte range of an ArrayBufferView, checked against its length.
struct Range {
  std::shared_ptr<v8::BackingStore> store;  // keeps the memory for async work
  uint8_t* data = nullptr;
  uint32_t length = 0;
};

// `keep`: also hold the memory (for work on the pool).
bool ReadRange(v8::Isolate* isolate, v8::Local<v8::Value> view, v8::Local<v8::Value> offset,
               v8::Local<v8::Value> length, const char* what, bool keep, Range* out) {
  if (!view->IsArrayBufferView() || !offset->IsUint32() || !length->IsUint32()) {
    ThrowError(isolate, ErrorKind::kTypeError, std::string("invalid ") + what + " range");
    return false;
  }
  v8::Local<v8::ArrayBufferView> bytes = view.As<v8::ArrayBufferView>();
  uint64_t off = offset.As<v8::Uint32>()->Value();
  uint64_t len = length.As<v8::Uint32>()->Value();
  if (off + len > bytes->ByteLength()) {
    ThrowError(isolate, ErrorKind::kRangeError, std::string(what) + " range out of bounds");
    return false;
  }
  v8::Local<v8::ArrayBuffer> buffer = bytes->Buffer();
  if (keep) out->store = buffer->GetBackingStore();
  void* data = buffer->Data();
  out->data = data == nullptr ? nullptr : static_cast<uint8_t*>(data) + bytes->ByteOffset() + off;
  out->length = static_cast<uint32_t>(len);
  return true;
}

class ZlibHandle final : public NativeState {
 public:
  ZlibHandle(v8::Isolate* isolate, HandleKind kind, ZlibMode mode, const std::string& where)
      : isolate_(isolate), kind_(kind) {
    if (isolate == nullptr) return;  // restored from a snapshot: closed
    if (kind == HandleKind::kZlib) {
      codec_ = std::make_shared<ZlibCodec>(mode);
    } else {
      codec_ = std::make_shared<BrotliCodec>(mode);
    }
    if (EventLoop* loop = LoopOf(isolate)) {
      resource_id_ = loop->TrackResource("zlib stream (a zlib or brotli context)", where);
    }
  }
  ~ZlibHandle() override {
    // Only at teardown, after the loop finished every write.
    Close();
  }
  std::string Serialize() const override { return {}; }

  HandleKind kind() const { return kind_; }
  Codec* codec() const { return codec_.get(); }
  bool usable() const { return codec_ != nullptr && !closed_ && !pending_close_; }
  bool busy() const { return write_in_progress_; }

  void SetCallbacks(v8::Local<v8::Uint32Array> write_state, v8::Local<v8::Function> callback) {
    write_state_.Reset(isolate_, write_state);
    callback_.Reset(isolate_, callback);
  }

  // After a sync write: writeState updated, or onerror called; false if JS threw.
  bool Finish(v8::Local<v8::Context> context, v8::Local<v8::Object> self, bool call_back) {
    CodecError error = codec_->CheckWrite();
    if (error.failed()) return ReportError(context, self, error);
    UpdateWriteState();
    if (!call_back || callback_.IsEmpty()) return true;
    v8::Local<v8::Value> ignored;
    return callback_.Get(isolate_)->Call(context, self, 0, nullptr).ToLocal(&ignored);
  }

  bool ReportError(v8::Local<v8::Context> context, v8::Local<v8::Object> self,
                   const CodecError& error) {
    v8::Local<v8::Value> onerror;
    if (!self->Get(context, Name(isolate_, "onerror")).ToLocal(&onerror)) return false;
    if (!onerror->IsFunction()) return true;
    v8::Local<v8::String> message;
    if (!v8::String::NewFromUtf8(isolate_, error.message.c_str()).ToLocal(&message)) return false;
    v8::Local<v8::Value> args[] = {message, v8::Integer::New(isolate_, error.errnum),
                                   Name(isolate_, error.code.c_str())};
    v8::Local<v8::Value> ignored;
    return onerror.As<v8::Function>()->Call(context, self, 3, args).ToLocal(&ignored);
  }

  // Starts `range` work on the pool; the object stays alive until it is done.
  int StartAsync(v8::Local<v8::Object> self, int flush, Range in, Range out) {
    EventLoop* loop = LoopOf(isolate_);
    if (loop == nullptr) return UV_EINVAL;
    flush_ = flush;
    in_ = std::move(in);
    out_ = std::move(out);
    work_.data = this;
    int error = uv_queue_work(loop->uv_loop(), &work_, DoWork, AfterWork);
    if (error != 0) return error;
    write_in_progress_ = true;
    self_.Reset(isolate_, self);
    return 0;
  }

  void Close() {
    if (write_in_progress_) {
      pending_close_ = true;
      return;
    }
    pending_close_ = false;
    if (closed_) return;
    closed_ = true;
    if (codec_ != nullptr) codec_->Close();
    // No global may stay behind when a snapshot is taken.
    write_state_.Reset();
    callback_.Reset();
    if (resource_id_ != 0) {
      if (EventLoop* loop = LoopOf(isolate_)) loop->UntrackResource(resource_id_);
      resource_id_ = 0;
    }
  }

 private:
  void UpdateWriteState() {
    if (write_state_.IsEmpty()) return;
    v8::Local<v8::Uint32Array> state = write_state_.Get(isolate_);
    if (state->Length() < 2) return;
    uint32_t words[2] = {codec_->avail_out(), codec_->avail_in()};
    // Buffer() moves an on-heap array's bytes off the heap first.
    void* data = state->Buffer()->Data();
    if (data == nullptr) return;
    std::memcpy(static_cast<uint8_t*>(data) + state->ByteOffset(), words, sizeof(words));
  }

  static void DoWork(uv_work_t* work) {
    auto* self = static_cast<ZlibHandle*>(work->data);
    self->codec_->Write(self->flush_, self->in_.data, self->in_.length, self->out_.data,
                        self->out_.length);
  }

  static void AfterWork(uv_work_t* work, int status) {
    auto* self = static_cast<ZlibHandle*>(work->data);
    self->write_in_progress_ = false;
    self->in_ = Range();
    self->out_ = Range();
    EventLoop* loop = LoopOf(self->isolate_);
    if (loop == nullptr || status != 0) {
      // The runtime is going away (or the work was cancelled): no JS.
      self->self_.Reset();
      self->Close();
      return;
    }
    loop->RunCallback([self](v8::Local<v8::Context> context) -> absl::Status {
      v8::Isolate* isolate = self->isolate_;
      v8::TryCatch try_catch(isolate);
      v8::Local<v8::Object> object = self->self_.Get(isolate);
      self->self_.Reset();
      bool ok = true;
      if (!self->closed_ && !self->pending_close_) ok = self->Finish(context, object, true);
      if (self->pending_close_) self->Close();
      if (!ok && try_catch.HasCaught()) return TryCatchToStatus(isolate, context, try_catch);
      return absl::OkStatus();
    });
  }

  v8::Isolate* isolate_;
  HandleKind kind_;
  std::shared_ptr<Codec> codec_;  // null when restored from a snapshot
  bool closed_ = false;
  bool pending_close_ = false;
  bool write_in_progress_ = false;
  int resource_id_ = 0;
  int flush_ = 0;
  Range in_;
  Range out_;
  uv_work_t work_{};
  v8::Global<v8::Uint32Array> write_state_;
  v8::Global<v8::Function> callback_;
  v8::Global<v8::Object> self_;  // set while a write runs on the pool
};

extern const NativeClass kZlibClass;
extern const NativeClass kBrotliEncoderClass;
extern const NativeClass kBrotliDecoderClass;

template <const NativeClass& kClass, HandleKind kKind>
void Construct(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) {
    return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  }
  int mode = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : 0;
  bool valid = kKind == HandleKind::kZlib ? mode >= 1 && mode <= 7
               : kKind == HandleKind::kBrotliEncoder ? mode == 9 : mode == 8;
  if (!valid) return ThrowError(isolate, ErrorKind::kTypeError, "Bad argument");
  WrapNativeState(info.This(), kClass,
                  std::make_unique<ZlibHandle>(isolate, kKind, static_cast<ZlibMode>(mode),
                                               UserCallSite(isolate)));
}

template <const NativeClass& kClass>
ZlibHandle* Usable(const Info& info) {
  auto* self = UnwrapNativeState<ZlibHandle>(info, kClass);
  if (self == nullptr) return nullptr;
  if (!self->usable() || self->busy()) {
    ThrowError(info.GetIsolate(), ErrorKind::kError,
               self->busy() ? "zlib write already in progress" : "zlib binding closed",
               self->busy() ? "" : "ERR_ZLIB_BINDING_CLOSED");
    return nullptr;
  }
  return self;
}

int32_t IntArg(const Info& info, int index, int32_t fallback) {
  return info[index]->IsInt32() ? info[index].As<v8::Int32>()->Value() : fallback;
}

void ZlibInit(const Info& info) {
  ZlibHandle* self = Usable<kZlibClass>(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[4]->IsUint32Array() || !info[5]->IsFunction()) {
    return ThrowError(isolate, ErrorKind::kTypeError, "init(..., writeState, callback)");
  }
  std::vector<uint8_t> dictionary;
  if (info[6]->IsArrayBufferView()) {
    absl::Span<uint8_t> bytes;
    if (GetBytes(info[6], &bytes)) dictionary.assign(bytes.begin(), bytes.end());
  }
  static_cast<ZlibCodec*>(self->codec())
      ->Init(IntArg(info, 1, Z_DEFAULT_COMPRESSION), IntArg(info, 0, 15), IntArg(info, 2, 8),
             IntArg(info, 3, Z_DEFAULT_STRATEGY), std::move(dictionary));
  self->SetCallbacks(info[4].As<v8::Uint32Array>(), info[5].As<v8::Function>());
}

void ZlibParams(const Info& info) {
  ZlibHandle* self = Usable<kZlibClass>(info);
  if (self == nullptr) return;
  CodecError error = static_cast<ZlibCodec*>(self->codec())
                         ->SetParams(IntArg(info, 0, Z_DEFAULT_COMPRESSION), IntArg(info, 1, 0));
  if (error.failed()) self->ReportError(info.GetIsolate()->GetCurrentContext(), info.This(), error);
}

template <const NativeClass& kClass>
void BrotliInit(const Info& info) {
  ZlibHandle* self = Usable<kClass>(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsUint32Array() || !info[1]->IsUint32Array() || !info[2]->IsFunction()) {
    return ThrowError(isolate, ErrorKind::kTypeError, "init(params, writeState, callback)");
  }
  v8::Local<v8::Uint32Array> array = info[0].As<v8::Uint32Array>();
  std::vector<uint32_t> params(array->Length());
  if (!params.empty()) array->CopyContents(params.data(), params.size() * sizeof(uint32_t));
  CodecError error = static_cast<BrotliCodec*>(self->codec())->Init(std::move(params));
  if (error.failed()) {
    self->Close();
    return info.GetReturnValue().Set(false);
  }
  self->SetCallbacks(info[1].As<v8::Uint32Array>(), info[2].As<v8::Function>());
  info.GetReturnValue().Set(true);
}

// Brotli streams inherit zlib's params(); as in Node it changes nothing (one
// per class: the external-reference table lists each address once).
template <const NativeClass& kClass>
void NoParams(const Info& info) {
  UnwrapNativeState<ZlibHandle>(info, kClass);
}

template <const NativeClass& kClass, bool kAsync>
void Write(const Info& info) {
  ZlibHandle* self = Usable<kClass>(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  int flush = IntArg(info, 0, -1);
  int max_flush = self->kind() == HandleKind::kZlib ? Z_TREES : BROTLI_OPERATION_EMIT_METADATA;
  if (flush < 0 || flush > max_flush) {
    return ThrowError(isolate, ErrorKind::kTypeError, "Invalid flush value");
  }
  Range in;
  Range out;
  if (!ReadRange(isolate, info[1], info[2], info[3], "input", kAsync, &in)) return;
  if (!ReadRange(isolate, info[4], info[5], info[6], "output", kAsync, &out)) return;
  if (kAsync) {
    int error = self->StartAsync(info.This(), flush, std::move(in), std::move(out));
    if (error != 0) ThrowError(isolate, ErrorKind::kError, uv_strerror(error));
    return;
  }
  self->codec()->Write(flush, in.data, in.length, out.data, out.length);
  self->Finish(isolate->GetCurrentContext(), info.This(), false);
}

template <const NativeClass& kClass>
void Reset(const Info& info) {
  ZlibHandle* self = Usable<kClass>(info);
  if (self == nullptr) return;
  CodecError error = self->codec()->Reset();
  if (error.failed()) self->ReportError(info.GetIsolate()->GetCurrentContext(), info.This(), error);
}

template <const NativeClass& kClass>
void Close(const Info& info) {
  if (auto* self = UnwrapNativeState<ZlibHandle>(info, kClass)) self->Close();
}

template <HandleKind kKind>
absl::StatusOr<std::unique_ptr<NativeState>> RestoreClosed(absl::string_view) {
  return std::make_unique<ZlibHandle>(nullptr, kKind, ZlibMode::kNone, "");
}

constexpr NativeMethod kZlibMethods[] = {
    {"init", ZlibInit, 7},
    {"params", ZlibParams, 2},
    {"write", Write<kZlibClass, true>, 7},
    {"writeSync", Write<kZlibClass, false>, 7},
    {"reset", Reset<kZlibClass>, 0},
    {"close", Close<kZlibClass>, 0},
};
template <const NativeClass& kClass>
constexpr NativeMethod kBrotliMethods[] = {
    {"init", BrotliInit<kClass>, 3},
    {"params", NoParams<kClass>, 0},
    {"write", Write<kClass, true>, 7},
    {"writeSync", Write<kClass, false>, 7},
    {"reset", Reset<kClass>, 0},
    {"close", Close<kClass>, 0},
};

const NativeClass kZlibClass = {
    "Zlib", Construct<kZlibClass, HandleKind::kZlib>, 1, kZlibMethods, {},
    RestoreClosed<HandleKind::kZlib>, 1,
};
const NativeClass kBrotliEncoderClass = {
    "BrotliEncoder", Construct<kBrotliEncoderClass, HandleKind::kBrotliEncoder>, 1,
    kBrotliMethods<kBrotliEncoderClass>, {}, RestoreClosed<HandleKind::kBrotliEncoder>, 1,
};
const NativeClass kBrotliDecoderClass = {
    "BrotliDecoder", Construct<kBrotliDecoderClass, HandleKind::kBrotliDecoder>, 1,
    kBrotliMethods<kBrotliDecoderClass>, {}, RestoreClosed<HandleKind::kBrotliDecoder>, 1,
};
constexpr const NativeClass* kClasses[] = {&kZlibClass, &kBrotliEncoderClass,
                                           &kBrotliDecoderClass};

// zlibClasses() -> {Zlib, BrotliEncoder, BrotliDecoder}, made on first require.
void ZlibClasses(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Object> classes = v8::Object::New(isolate);
  absl::Status installed = InstallNativeClasses(isolate->GetCurrentContext(), classes, kClasses);
  if (!installed.ok()) return ThrowError(isolate, ErrorKind::kError, installed.message());
  info.GetReturnValue().Set(classes);
}

struct Constant {
  const char* name;
  double value;
};

// zlib.constants in Node's order, the values from the headers toysnap builds
// with (ZLIB_VERNUM is the linked zlib's).
constexpr Constant kConstants[] = {
    {"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH},
    {"Z_BLOCK", Z_BLOCK}, {"Z_OK", Z_OK}, {"Z_STREAM_END", Z_STREAM_END},
    {"Z_NEED_DICT", Z_NEED_DICT}, {"Z_ERRNO", Z_ERRNO}, {"Z_STREAM_ERROR", Z_STREAM_ERROR},
    {"Z_DATA_ERROR", Z_DATA_ERROR}, {"Z_MEM_ERROR", Z_MEM_ERROR}, {"Z_BUF_ERROR", Z_BUF_ERROR},
    {"Z_VERSION_ERROR", Z_VERSION_ERROR}, {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED}, {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION}, {"Z_FILTERED", Z_FILTERED},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"ZLIB_VERNUM", ZLIB_VERNUM},
    {"DEFLATE", 1}, {"INFLATE", 2}, {"GZIP", 3}, {"GUNZIP", 4}, {"DEFLATERAW", 5},
    {"INFLATERAW", 6}, {"UNZIP", 7}, {"BROTLI_DECODE", 8}, {"BROTLI_ENCODE", 9},
    {"Z_MIN_WINDOWBITS", 8}, {"Z_MAX_WINDOWBITS", 15}, {"Z_DEFAULT_WINDOWBITS", 15},
    {"Z_MIN_CHUNK", 64}, {"Z_MAX_CHUNK", std::numeric_limits<double>::infinity()},
    {"Z_DEFAULT_CHUNK", 16 * 1024}, {"Z_MIN_MEMLEVEL", 1}, {"Z_MAX_MEMLEVEL", 9},
    {"Z_DEFAULT_MEMLEVEL", 8}, {"Z_MIN_LEVEL", -1}, {"Z_MAX_LEVEL", 9},
    {"Z_DEFAULT_LEVEL", Z_DEFAULT_COMPRESSION},
    {"BROTLI_OPERATION_PROCESS", BROTLI_OPERATION_PROCESS},
    {"BROTLI_OPERATION_FLUSH", BROTLI_OPERATION_FLUSH},
    {"BROTLI_OPERATION_FINISH", BROTLI_OPERATION_FINISH},
    {"BROTLI_OPERATION_EMIT_METADATA", BROTLI_OPERATION_EMIT_METADATA},
    {"BROTLI_PARAM_MODE", BROTLI_PARAM_MODE}, {"BROTLI_MODE_GENERIC", BROTLI_MODE_GENERIC},
    {"BROTLI_MODE_TEXT", BROTLI_MODE_TEXT}, {"BROTLI_MODE_FONT", BROTLI_MODE_FONT},
    {"BROTLI_DEFAULT_MODE", BROTLI_DEFAULT_MODE}, {"BROTLI_PARAM_QUALITY", BROTLI_PARAM_QUALITY},
    {"BROTLI_MIN_QUALITY", BROTLI_MIN_QUALITY}, {"BROTLI_MAX_QUALITY", BROTLI_MAX_QUALITY},
    {"BROTLI_DEFAULT_QUALITY", BROTLI_DEFAULT_QUALITY}, {"BROTLI_PARAM_LGWIN", BROTLI_PARAM_LGWIN},
    {"BROTLI_MIN_WINDOW_BITS", BROTLI_MIN_WINDOW_BITS},
    {"BROTLI_MAX_WINDOW_BITS", BROTLI_MAX_WINDOW_BITS},
    {"BROTLI_LARGE_MAX_WINDOW_BITS", BROTLI_LARGE_MAX_WINDOW_BITS},
    {"BROTLI_DEFAULT_WINDOW", BROTLI_DEFAULT_WINDOW},
    {"BROTLI_PARAM_LGBLOCK", BROTLI_PARAM_LGBLOCK},
    {"BROTLI_MIN_INPUT_BLOCK_BITS", BROTLI_MIN_INPUT_BLOCK_BITS},
    {"BROTLI_MAX_INPUT_BLOCK_BITS", BROTLI_MAX_INPUT_BLOCK_BITS},
    {"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING",
     BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING},
    {"BROTLI_PARAM_SIZE_HINT", BROTLI_PARAM_SIZE_HINT},
    {"BROTLI_PARAM_LARGE_WINDOW", BROTLI_PARAM_LARGE_WINDOW},
    {"BROTLI_PARAM_NPOSTFIX", BROTLI_PARAM_NPOSTFIX},
    {"BROTLI_PARAM_NDIRECT", BROTLI_PARAM_NDIRECT},
    {"BROTLI_DECODER_RESULT_ERROR", BROTLI_DECODER_RESULT_ERROR},
    {"BROTLI_DECODER_RESULT_SUCCESS", BROTLI_DECODER_RESULT_SUCCESS},
    {"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT", BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT},
    {"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT", BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT},
    {"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION",
     BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION},
    {"BROTLI_DECODER_PARAM_LARGE_WINDOW", BROTLI_DECODER_PARAM_LARGE_WINDOW},
    {"BROTLI_DECODER_NO_ERROR", BROTLI_DECODER_NO_ERROR},
    {"BROTLI_DECODER_SUCCESS", BROTLI_DECODER_SUCCESS},
    {"BROTLI_DECODER_NEEDS_MORE_INPUT", BROTLI_DECODER_NEEDS_MORE_INPUT},
    {"BROTLI_DECODER_NEEDS_MORE_OUTPUT", BROTLI_DECODER_NEEDS_MORE_OUTPUT},
    // BROTLI_DECODER_ERROR_* as brotli lists them (the first four are no errors).
    {"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE", BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE},
    {"BROTLI_DECODER_ERROR_FORMAT_RESERVED", BROTLI_DECODER_ERROR_FORMAT_RESERVED},
    {"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE",
     BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE},
    {"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET",
     BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET},
    {"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME",
     BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME},
    {"BROTLI_DECODER_ERROR_FORMAT_CL_SPACE", BROTLI_DECODER_ERROR_FORMAT_CL_SPACE},
    {"BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE", BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE},
    {"BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT",
     BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT},
    {"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1", BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1},
    {"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2", BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2},
    {"BROTLI_DECODER_ERROR_FORMAT_TRANSFORM", BROTLI_DECODER_ERROR_FORMAT_TRANSFORM},
    {"BROTLI_DECODER_ERROR_FORMAT_DICTIONARY", BROTLI_DECODER_ERROR_FORMAT_DICTIONARY},
    {"BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS", BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS},
    {"BROTLI_DECODER_ERROR_FORMAT_PADDING_1", BROTLI_DECODER_ERROR_FORMAT_PADDING_1},
    {"BROTLI_DECODER_ERROR_FORMAT_PADDING_2", BROTLI_DECODER_ERROR_FORMAT_PADDING_2},
    {"BROTLI_DECODER_ERROR_FORMAT_DISTANCE", BROTLI_DECODER_ERROR_FORMAT_DISTANCE},
    {"BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET", BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET},
    {"BROTLI_DECODER_ERROR_INVALID_ARGUMENTS", BROTLI_DECODER_ERROR_INVALID_ARGUMENTS},
    {"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES", BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES},
    {"BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS", BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS},
    {"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP", BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP},
    {"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1", BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1},
    {"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2", BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2},
    {"BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES", BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES},
    {"BROTLI_DECODER_ERROR_UNREACHABLE", BROTLI_DECODER_ERROR_UNREACHABLE},
};

// zlibConstants() -> a fresh object of kConstants.
void ZlibConstants(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> object = v8::Object::New(isolate);
  for (const Constant& constant : kConstants) {
    // Read-only and permanent, on an extensible object, as Node's.
    if (object->DefineOwnProperty(context, Name(isolate, constant.name),
                                  v8::Number::New(isolate, constant.value),
                                  static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete))
            .IsNothing()) {
      return;
    }
  }
  info.GetReturnValue().Set(object);
}

// zlibCrc32(bytes, value) -> the CRC-32 of `bytes` continuing from `value`
// (both checked by zlib_impl.js).
void ZlibCrc32(const Info& info) {
  absl::Span<uint8_t> bytes;
  if (!GetBytes(info[0], &bytes)) {
    return ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "crc32(bytes, value)");
  }
  uint32_t value = info[1]->IsUint32() ? info[1].As<v8::Uint32>()->Value() : 0;
  uLong crc = value;
  const uint8_t* data = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {  // zlib's length is a uInt
    uInt part = left > (1u << 30) ? (1u << 30) : static_cast<uInt>(left);
    crc = crc32(crc, data, part);
    data += part;
    left -= part;
  }
  info.GetReturnValue().Set(v8::Number::New(info.GetIsolate(), static_cast<double>(crc)));
}

constexpr NativeFunction kFunctions[] = {
    {"zlibClasses", ZlibClasses, 0},
    {"zlibConstants", ZlibConstants, 0},
    {"zlibCrc32", ZlibCrc32, 2},
};

}  // namespace

const Extension& ZlibExtension() {
  static constexpr absl::string_view kJs[] = {"zlib.js"};
  static constexpr absl::string_view kLazyJs[] = {"zlib_impl.js"};
  static const Extension kExtension{"zlib", 1, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs,
                                    kClasses};
  return kExtension;
}

}  // namespace toysnap::node
