#!/usr/bin/env python3
"""Binds a shared library's references to its own functions and data at link time.

libnode.so is linked with BIND_NOW and without -Bsymbolic, so every start of a
process that loads it makes ld.so look up ~58,000 symbols by name, nearly all of
them defined in libnode itself: about 13 ms before main(). This rewrites each
such relocation into a relative one, as `-Bsymbolic` would have linked it, so
ld.so only adds the load address. Weak definitions (inline functions, vtables)
are bound too: another copy would be the same code. So are GNU-unique statics
(static locals of inline functions, template statics) of libnode's own
namespaces: no other object defines V8's internals, and these lookups were the
slowest (2 ms of a 10 ms start). Symbols another object may provide or must
share (undefined, the C++ library's unique statics, TLS, ifunc, absolute, or
also exported by a library this one needs) keep their lookup.

Then it moves every relative relocation to the front of the relocation table
and counts them in DT_RELACOUNT: ld.so applies that prefix in a tight loop of
its own, and the others one by one through its general relocation code, ~6x
the instructions (the bound PLT slots and half of .rela.dyn's relative ones
were outside the prefix). The relocations write distinct words, so their order
does not matter; the tables' bounds stay as they are.

usage: bind_symbolic.py LIB [--check]
  rewrites LIB in place (atomically); --check only prints the counts.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

PT_LOAD, PT_DYNAMIC = 1, 2
DT_NEEDED, DT_STRTAB, DT_SYMTAB, DT_RELA, DT_RELASZ, DT_JMPREL, DT_PLTRELSZ = 1, 5, 6, 7, 8, 23, 2
DT_FLAGS, DT_FLAGS_1, DT_RELACOUNT = 30, 0x6FFFFFFB, 0x6FFFFFF9
DF_BIND_NOW, DF_1_NOW = 0x8, 0x1
R_64, R_GLOB_DAT, R_JUMP_SLOT, R_RELATIVE = 1, 6, 7, 8
STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE = 1, 2, 10
STT_TLS, STT_GNU_IFUNC = 6, 10
SHN_UNDEF, SHN_ABS = 0, 0xFFF1
STV_DEFAULT = 0
# The C++ standard library's own statics (std::, __gnu_cxx::, __cxxabiv1::, as
# mangled names): the program and other libraries may instantiate them too.
STANDARD_LIBRARY_NAME = re.compile(r'^_Z(?:GV|TH|TW)?Z*N?[KVRO]*(?:St|9__gnu_cxx|10__cxxabiv1)')


class Elf:
    def __init__(self, data):
        if data[:4] != b'\x7fELF' or data[4] != 2 or data[5] != 1 or struct.unpack_from('<H', data, 18)[0] != 62:
            raise ValueError('not a little-endian x86-64 ELF64 file')
        self.data = data
        phoff, = struct.unpack_from('<Q', data, 32)
        phentsize, phnum = struct.unpack_from('<HH', data, 54)
        self.loads, dynamic = [], None
        for i in range(phnum):
            p_type, _, p_offset, p_vaddr, _, p_filesz, _, _ = struct.unpack_from('<IIQQQQQQ', data, phoff + i * phentsize)
            if p_type == PT_LOAD:
                self.loads.append((p_vaddr, p_offset, p_filesz))
            elif p_type == PT_DYNAMIC:
                dynamic = (p_offset, p_filesz)
        if dynamic is None:
            raise ValueError('no dynamic section')
        self.dyn = {}
        self.dyn_at = {}  # tag -> file offset of its entry, to rewrite a value
        self.needed = []
        for at in range(dynamic[0], dynamic[0] + dynamic[1], 16):
            tag, value = struct.unpack_from('<qQ', data, at)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                self.needed.append(value)
            else:
                self.dyn.setdefault(tag, value)
                self.dyn_at.setdefault(tag, at)
        self.strtab = self.offset(self.dyn[DT_STRTAB])
        self.symtab = self.offset(self.dyn[DT_SYMTAB])
        self.needed = [self.string(n) for n in self.needed]

    def offset(self, vaddr):
        for start, file_offset, size in self.loads:
            if start <= vaddr < start + size:
                return file_offset + vaddr - start
        raise ValueError(f'address {vaddr:#x} is not in the file')

    def string(self, index):
        end = self.data.index(b'\0', self.strtab + index)
        return self.data[self.strtab + index:end].decode()

    def symbol(self, index):
        name, info, other, shndx, value, _ = struct.unpack_from('<IBBHQQ', self.data, self.symtab + 24 * index)
        return name, info >> 4, info & 0xF, other & 3, shndx, value

    def relocations(self):
        for start_tag, size_tag in ((DT_RELA, DT_RELASZ), (DT_JMPREL, DT_PLTRELSZ)):
            if start_tag in self.dyn:
                start = self.offset(self.dyn[start_tag])
                yield from range(start, start + self.dyn[size_tag], 24)


def relative_first(elf):
    """Moves relative relocations ahead of the others; returns how many moved.

    With BIND_NOW and .rela.plt right after .rela.dyn, ld.so applies both as
    one table whose first DT_RELACOUNT entries are relative, so the prefix may
    run into .rela.plt. Lazy binding (which this library's relative PLT slots
    already rule out) would refuse them there rather than misbind.
    """
    data = elf.data
    if DT_RELA not in elf.dyn or DT_RELACOUNT not in elf.dyn:
        return 0
    start, size = elf.offset(elf.dyn[DT_RELA]), elf.dyn[DT_RELASZ]
    now = (elf.dyn.get(DT_FLAGS, 0) & DF_BIND_NOW) or (elf.dyn.get(DT_FLAGS_1, 0) & DF_1_NOW)
    if now and DT_JMPREL in elf.dyn and elf.dyn[DT_RELA] + size == elf.dyn[DT_JMPREL]:
        size += elf.dyn[DT_PLTRELSZ]
    entries = [bytes(data[at:at + 24]) for at in range(start, start + size, 24)]
    is_relative = [struct.unpack_from('<Q', e, 8)[0] & 0xFFFFFFFF == R_RELATIVE for e in entries]
    count = sum(is_relative)
    moved = count - next((i for i, r in enumerate(is_relative) if not r), len(entries))
    if moved == 0 and elf.dyn[DT_RELACOUNT] == count:
        return 0
    ordered = [e for e, r in zip(entries, is_relative) if r] + [e for e, r in zip(entries, is_relative) if not r]
    data[start:start + size] = b''.join(ordered)
    struct.pack_into('<Q', data, elf.dyn_at[DT_RELACOUNT] + 8, count)
    return max(moved, 1)


def exported_by_needed(elf, path):
    """Names the libraries LIB needs define: binding those locally could change behaviour."""
    names = set()
    out = subprocess.run(['ldd', path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split('=>')
        if len(parts) == 2 and parts[0].strip() in elf.needed and parts[1].split():
            dep = parts[1].split()[0]
            syms = subprocess.run(['nm', '-D', '--defined-only', dep], capture_output=True, text=True).stdout
            names.update(fields[-1].split('@')[0] for fields in map(str.split, syms.splitlines()) if fields)
    return names


def rewrite(path, check_only):
    with open(path, 'rb') as f:
        data = bytearray(f.read())
    elf = Elf(data)
    foreign = exported_by_needed(elf, path)
    bound = kept = 0
    for at in elf.relocations():
        r_offset, r_info, r_addend = struct.unpack_from('<QQq', data, at)
        r_type, r_sym = r_info & 0xFFFFFFFF, r_info >> 32
        if r_type not in (R_64, R_GLOB_DAT, R_JUMP_SLOT) or r_sym == 0:
            continue
        name, bind, sym_type, visibility, shndx, value = elf.symbol(r_sym)
        text = elf.string(name)
        local = (shndx not in (SHN_UNDEF, SHN_ABS) and visibility == STV_DEFAULT
                 and sym_type not in (STT_TLS, STT_GNU_IFUNC) and text not in foreign
                 and (bind in (STB_GLOBAL, STB_WEAK)
                      or (bind == STB_GNU_UNIQUE and not STANDARD_LIBRARY_NAME.match(text))))
        if not local:
            kept += 1
            continue
        addend = value + (r_addend if r_type == R_64 else 0)
        struct.pack_into('<QQq', data, at, r_offset, R_RELATIVE, addend)
        bound += 1
    moved = relative_first(elf)
    print(f'{path}: {bound} relocations bound locally, {kept} left to ld.so, '
          f'{moved} relative ones moved into the prefix')
    if check_only or (bound == 0 and moved == 0):
        return
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or '.', prefix='.bind_symbolic.')
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(data)
        os.chmod(tmp, os.stat(path).st_mode)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv):
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != '--check'):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    try:
        rewrite(argv[1], len(argv) == 3)
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        print(f'bind_symbolic: {argv[1]}: {error}', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
