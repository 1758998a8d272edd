// A shared library whose exported functions and data refer to each other, as
// libnode's do: built with semantic interposition, every such reference is a
// symbolic relocation until tools/bind_symbolic.py binds it.
extern "C" {
int selfref_base = 40;
int* selfref_base_address = &selfref_base;  // an R_X86_64_64 against selfref_base

int selfref_increment(int x) { return x + 1; }

int selfref_answer() { return selfref_increment(*selfref_base_address + 1); }
}
