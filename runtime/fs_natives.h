// Native halves of the module system in runtime/js/modules.js and of the
// read-only `fs` builtin: file reads, stats, realpath, cwd, and compiling a
// CommonJS wrapper. Included by natives.cc, which lists them.
#ifndef TOYSNAP_RUNTIME_FS_NATIVES_H_
#define TOYSNAP_RUNTIME_FS_NATIVES_H_

#include "v8-function-callback.h"

namespace toysnap {

// readFile(path) -> UTF-8 text, or undefined when it cannot be read.
void ReadFileText(const v8::FunctionCallbackInfo<v8::Value>& info);

// readFileBytes(path) -> ArrayBuffer of the file's exact bytes, or undefined
// when it cannot be read; a file over 2 GiB throws Node's
// ERR_FS_FILE_TOO_LARGE RangeError.
void ReadFileBytes(const v8::FunctionCallbackInfo<v8::Value>& info);

// fileKind(path) -> 0 missing, 1 regular file, 2 directory (symlinks followed).
void FileKind(const v8::FunctionCallbackInfo<v8::Value>& info);

// realpath(path) -> canonical absolute path, or undefined.
void RealPath(const v8::FunctionCallbackInfo<v8::Value>& info);

// cwd() -> the working directory.
void Cwd(const v8::FunctionCallbackInfo<v8::Value>& info);

// compileCjs(source, filename) -> function (exports, require, module,
// __filename, __dirname), compiled with `filename` as its script name so
// stacks and syntax errors point into the user's file.
void CompileCjs(const v8::FunctionCallbackInfo<v8::Value>& info);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_FS_NATIVES_H_
