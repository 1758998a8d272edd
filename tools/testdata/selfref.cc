// A shared library whose exported functions and data refer to each other, as
// libnode's do: built with semantic interposition, every such reference is a
// symbolic relocation until tools/bind_symbolic.py binds it.
extern "C" {
int selfref_base = 40;
int* selfref_base_address = &selfref_base;  // an R_X86_64_64 against selfref_base

int selfref_increment(int x) { return x + 1; }

int selfref_count();

int selfref_answer() { return selfref_increment(*selfref_base_address + selfref_count()); }
}

namespace selfref {
// A static local of an inline function: a GNU-unique symbol, as V8 has many.
inline int& Count() {
  static int count = 0;
  return count;
}
}  // namespace selfref

extern "C" int selfref_count() { return ++selfref::Count(); }
