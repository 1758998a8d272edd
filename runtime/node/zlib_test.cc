// The zlib extension: the codecs alone (round trips, Node's errors, damaged and
// hostile input), and the module inside a Runtime, fresh and restored from a
// snapshot whose heap holds it: sync, callback and stream forms, handles as
// live resources, a build that ends with a stream open, and a runtime
// destroyed with writes on the thread pool.
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/node/zlib_codec.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using node::BrotliCodec;
using node::Codec;
using node::CodecError;
using node::ZlibCodec;
using node::ZlibMode;

const auto* const kV8 = RegisterV8TestEnvironment();

// Runs `codec` over `input` in chunks of `chunk` bytes with Z_FINISH (or
// brotli's FINISH) on the last, collecting all output; the first error stops it.
std::vector<uint8_t> RunCodec(Codec& codec, const std::vector<uint8_t>& input, int finish,
                         CodecError* error, size_t chunk = 1 << 16) {
  std::vector<uint8_t> output;
  std::vector<uint8_t> buffer(4096);
  size_t at = 0;
  while (true) {
    size_t size = std::min(chunk, input.size() - at);
    bool last = at + size == input.size();
    const uint8_t* in = input.data() + at;
    uint32_t in_len = static_cast<uint32_t>(size);
    while (true) {
      codec.Write(last ? finish : 0, in, in_len, buffer.data(), static_cast<uint32_t>(buffer.size()));
      *error = codec.CheckWrite();
      if (error->failed()) return output;
      size_t have = buffer.size() - codec.avail_out();
      output.insert(output.end(), buffer.begin(), buffer.begin() + static_cast<long>(have));
      in += in_len - codec.avail_in();
      in_len = codec.avail_in();
      if (codec.avail_out() != 0) break;
    }
    at += size;
    if (last) return output;
  }
}

std::vector<uint8_t> Text(const std::string& text) { return {text.begin(), text.end()}; }

std::vector<uint8_t> ZlibRoundTrip(ZlibMode encode, ZlibMode decode,
                                   const std::vector<uint8_t>& input, size_t chunk) {
  ZlibCodec deflater(encode);
  deflater.Init(6, 15, 8, Z_DEFAULT_STRATEGY, {});
  CodecError error;
  std::vector<uint8_t> packed = RunCodec(deflater, input, Z_FINISH, &error, chunk);
  EXPECT_FALSE(error.failed()) << error.message;
  ZlibCodec inflater(decode);
  inflater.Init(0, decode == ZlibMode::kInflateRaw ? 15 : 0, 8, 0, {});
  std::vector<uint8_t> unpacked = RunCodec(inflater, packed, Z_FINISH, &error, chunk);
  EXPECT_FALSE(error.failed()) << error.message;
  return unpacked;
}

TEST(ZlibCodecTest, EveryZlibModeRoundTripsInAnyChunking) {
  std::vector<uint8_t> input;
  for (int i = 0; i < 100000; ++i) input.push_back(static_cast<uint8_t>((i * 7) % 251));
  const std::pair<ZlibMode, ZlibMode> pairs[] = {
      {ZlibMode::kDeflate, ZlibMode::kInflate},    {ZlibMode::kGzip, ZlibMode::kGunzip},
      {ZlibMode::kDeflateRaw, ZlibMode::kInflateRaw}, {ZlibMode::kGzip, ZlibMode::kUnzip},
      {ZlibMode::kDeflate, ZlibMode::kUnzip},
  };
  for (const auto& [encode, decode] : pairs) {
    for (size_t chunk : {size_t{1}, size_t{777}, size_t{1} << 20}) {
      EXPECT_EQ(ZlibRoundTrip(encode, decode, input, chunk), input)
          << static_cast<int>(encode) << " chunk " << chunk;
    }
  }
}

TEST(ZlibCodecTest, ErrorsAreNodes) {
  CodecError error;
  ZlibCodec inflater(ZlibMode::kInflate);
  inflater.Init(0, 0, 8, 0, {});
  RunCodec(inflater, Text("garbage"), Z_FINISH, &error);
  EXPECT_EQ(error.message, "incorrect header check");
  EXPECT_EQ(error.code, "Z_DATA_ERROR");
  EXPECT_EQ(error.errnum, Z_DATA_ERROR);

  ZlibCodec gzip(ZlibMode::kGzip);
  gzip.Init(6, 15, 8, 0, {});
  std::vector<uint8_t> packed = RunCodec(gzip, Text("hello hello hello"), Z_FINISH, &error);
  packed.resize(packed.size() - 4);
  ZlibCodec gunzip(ZlibMode::kGunzip);
  gunzip.Init(0, 0, 8, 0, {});
  RunCodec(gunzip, packed, Z_FINISH, &error);
  EXPECT_EQ(error.message, "unexpected end of file");
  EXPECT_EQ(error.code, "Z_BUF_ERROR");

  BrotliCodec decoder(ZlibMode::kBrotliDecode);
  ASSERT_FALSE(decoder.Init({}).failed());
  RunCodec(decoder, Text("garbage!!"), BROTLI_OPERATION_FINISH, &error);
  EXPECT_EQ(error.message, "Decompression failed");
  EXPECT_EQ(error.code, "ERR__ERROR_FORMAT_PADDING_1");
  EXPECT_EQ(error.errnum, -14);
}

TEST(ZlibCodecTest, DictionariesAreAskedForAndChecked) {
  std::vector<uint8_t> dictionary = Text("hello world");
  ZlibCodec deflater(ZlibMode::kDeflate);
  deflater.Init(6, 15, 8, 0, dictionary);
  CodecError error;
  std::vector<uint8_t> packed = RunCodec(deflater, Text("hello world hello"), Z_FINISH, &error);
  ASSERT_FALSE(error.failed());
  ZlibCodec missing(ZlibMode::kInflate);
  missing.Init(0, 0, 8, 0, {});
  RunCodec(missing, packed, Z_FINISH, &error);
  EXPECT_EQ(error.message, "Missing dictionary");
  EXPECT_EQ(error.code, "Z_NEED_DICT");
  ZlibCodec wrong(ZlibMode::kInflate);
  wrong.Init(0, 0, 8, 0, Text("other"));
  RunCodec(wrong, packed, Z_FINISH, &error);
  EXPECT_EQ(error.message, "Bad dictionary");
  ZlibCodec right(ZlibMode::kInflate);
  right.Init(0, 0, 8, 0, dictionary);
  EXPECT_EQ(RunCodec(right, packed, Z_FINISH, &error), Text("hello world hello"));
  EXPECT_FALSE(error.failed());
}

// Random bytes, and damaged real streams, in every decoding mode: each ends in
// an error or some output, never a crash (ASan and UBSan check the rest).
TEST(ZlibCodecTest, HostileInputNeverCrashes) {
  std::mt19937 random(14);
  ZlibCodec gzip(ZlibMode::kGzip);
  gzip.Init(9, 15, 8, 0, {});
  CodecError error;
  std::vector<uint8_t> real = RunCodec(gzip, Text(std::string(5000, 'z') + "tail"), Z_FINISH, &error);
  for (int round = 0; round < 200; ++round) {
    std::vector<uint8_t> input = real;
    if (round % 2 == 0) {
      input.resize(1 + random() % 300);
      for (uint8_t& byte : input) byte = static_cast<uint8_t>(random());
    } else {
      input[random() % input.size()] ^= static_cast<uint8_t>(1 + random() % 255);
    }
    for (ZlibMode mode : {ZlibMode::kInflate, ZlibMode::kGunzip, ZlibMode::kInflateRaw,
                          ZlibMode::kUnzip}) {
      ZlibCodec codec(mode);
      codec.Init(0, mode == ZlibMode::kInflateRaw ? 15 : 0, 8, 0, {});
      RunCodec(codec, input, Z_FINISH, &error, 1 + random() % 64);
    }
    BrotliCodec brotli(ZlibMode::kBrotliDecode);
    ASSERT_FALSE(brotli.Init({}).failed());
    RunCodec(brotli, input, BROTLI_OPERATION_FINISH, &error, 1 + random() % 64);
  }
}

TEST(ZlibCodecTest, BrotliRoundTripsWithParameters) {
  std::vector<uint32_t> params(9, UINT32_MAX);
  params[BROTLI_PARAM_QUALITY] = 4;
  BrotliCodec encoder(ZlibMode::kBrotliEncode);
  ASSERT_FALSE(encoder.Init(params).failed());
  std::vector<uint8_t> input = Text(std::string(20000, 'q') + "brotli");
  CodecError error;
  std::vector<uint8_t> packed = RunCodec(encoder, input, BROTLI_OPERATION_FINISH, &error, 999);
  ASSERT_FALSE(error.failed());
  BrotliCodec decoder(ZlibMode::kBrotliDecode);
  ASSERT_FALSE(decoder.Init({}).failed());
  EXPECT_EQ(RunCodec(decoder, packed, BROTLI_OPERATION_FINISH, &error, 7), input);
  EXPECT_FALSE(error.failed());
  BrotliCodec bad(ZlibMode::kBrotliDecode);
  std::vector<uint32_t> unknown(9, UINT32_MAX);
  unknown[5] = 1;  // no decoder parameter 5
  EXPECT_EQ(bad.Init(unknown).code, "ERR_BROTLI_PARAM_SET_FAILED");
}

// ---- inside a runtime -------------------------------------------------------

constexpr char kMain[] = "/zlib_test/main.mjs";
constexpr char kModule[] = R"(import zlib from 'node:zlib';
globalThis.zlib = zlib;
globalThis.built = zlib.gunzipSync(zlib.gzipSync('made at build time')).toString();
)";

class ZlibRuntimeTest : public ::testing::TestWithParam<RuntimeMode> {
 protected:
  std::unique_ptr<Runtime> Make() {
    return RuntimeWithModuleOrFail(GetParam(), QuietRuntimeOptions(), kMain, kModule);
  }
  static std::string Await(Runtime& runtime, const std::string& source) {
    return AwaitOrError(runtime, source, "zlib_test.js");
  }
};

TEST_P(ZlibRuntimeTest, TheThreeFormsAgree) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, "built"), "made at build time");
  EXPECT_EQ(Await(*runtime, R"(
    const input = Buffer.from('abc'.repeat(50000));
    const sync = zlib.deflateSync(input);
    new Promise((resolve, reject) => zlib.deflate(input, (err, out) => {
      if (err) return reject(err);
      const chunks = [];
      const stream = zlib.createInflate();
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => resolve([out.equals(sync),
                                      Buffer.concat(chunks).equals(input),
                                      stream.bytesWritten === sync.length].join()));
      stream.end(out);
    })))"),
            "true,true,true");
}

TEST_P(ZlibRuntimeTest, ErrorsReachEachForm) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"(
    let sync;
    try { zlib.inflateSync(Buffer.from('garbage')); } catch (e) { sync = `${e.code} ${e.errno}`; }
    new Promise((resolve) => zlib.gunzip(Buffer.from('garbage'),
      (e) => resolve(`${sync}|${e.code} ${e.message}`))))"),
            "Z_DATA_ERROR -3|Z_DATA_ERROR incorrect header check");
  EXPECT_EQ(Await(*runtime, R"(
    const bomb = zlib.gzipSync(Buffer.alloc(50 << 20));
    let bombSync;
    try { zlib.gunzipSync(bomb, { maxOutputLength: 1 << 20 }); } catch (e) { bombSync = e.code; }
    new Promise((resolve) => zlib.gunzip(bomb, { maxOutputLength: 1 << 20 },
      (e) => resolve(`${bombSync} ${e.code}`))))"),
            "ERR_BUFFER_TOO_LARGE ERR_BUFFER_TOO_LARGE");
}

// An open stream is a live resource named by where it was made; closing it
// (or its end) lets it go.
TEST_P(ZlibRuntimeTest, StreamsAreLiveResourcesUntilClosed) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_TRUE(runtime->ExecuteScript("open.js", "globalThis.g = zlib.createGzip();").ok());
  std::vector<std::string> pending = runtime->DescribePendingWork();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_THAT(pending[0], HasSubstr("zlib stream"));
  EXPECT_THAT(pending[0], HasSubstr("created at open.js:1:"));
  EXPECT_EQ(Await(*runtime, "g.resume(); new Promise((r) => g.end('x', () => r('ended')))"),
            "ended");
  ASSERT_TRUE(runtime->RunEventLoop().ok());
  EXPECT_THAT(runtime->DescribePendingWork(), IsEmpty());
}

TEST_P(ZlibRuntimeTest, ARuntimeDestroyedWithWritesInFlightLetsThemFinish) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_TRUE(runtime
                  ->ExecuteScript("inflight.js", R"(
    for (let i = 0; i < 16; i++) {
      zlib.gzip(Buffer.alloc(1 << 20, i), () => { throw new Error('called'); });
      zlib.createBrotliCompress().end(Buffer.alloc(1 << 16, i));
    })")
                  .ok());
  runtime.reset();
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, ZlibRuntimeTest,
                         ::testing::Values(RuntimeMode::kFresh, RuntimeMode::kRestored),
                         [](const ::testing::TestParamInfo<RuntimeMode>& info) {
                           return RuntimeModeName(info.param);
                         });

TEST(ZlibBuildTest, ABuildThatEndsWithAStreamOpenFailsNamingIt) {
  RuntimeOptions options;
  options.console = false;
  absl::StatusOr<InMemorySnapshot> snapshot = BuildInMemorySnapshotOfModule(
      TestV8(), options, "/zlib_test/open.mjs",
      "import zlib from 'node:zlib';\nexport const stream = zlib.createDeflate();\n");
  ASSERT_FALSE(snapshot.ok());
  EXPECT_THAT(snapshot.status().message(), HasSubstr("zlib stream"));
  EXPECT_THAT(snapshot.status().message(), HasSubstr("open.mjs:2:"));
}

}  // namespace
}  // namespace toysnap
