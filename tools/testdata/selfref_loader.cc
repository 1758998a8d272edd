// Loads the library named by argv[1] and prints what selfref_answer() returns.
#include <dlfcn.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  void* library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    std::fprintf(stderr, "%s\n", dlerror());
    return 1;
  }
  auto answer = reinterpret_cast<int (*)()>(dlsym(library, "selfref_answer"));
  if (answer == nullptr) return 1;
  std::printf("%d\n", answer());
  return 0;
}
