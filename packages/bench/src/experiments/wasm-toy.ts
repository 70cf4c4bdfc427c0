/*
 * The toy allocator of the WebAssembly experiment (see wasm-boundary.ts), twice: in JavaScript and
 * in WebAssembly. Both keep a LIFO free list per 16-byte size class and carve new blocks from a
 * bump pointer; an address is a double, as in the model. They hand out the same addresses for the
 * same calls (tested), so the experiment times one algorithm in two languages.
 */

/** Where the toys' addresses start (as high as the model's arenas). */
const BASE = 2 ** 44;

// The WebAssembly global, declared for the part used here (the build has no DOM library).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};

export interface ToyAllocator {
  malloc(nbytes: number): number;
  free(address: number): void;
}

// ------------------------------------------------------------------ the toy in JavaScript

export function jsToy(): ToyAllocator {
  const heads = new Int32Array(64).fill(-1);
  const sizeClass = new Uint8Array(1 << 20);
  const links = new Int32Array(1 << 20);
  let bump = 0;
  return {
    malloc(nbytes: number): number {
      const c = (nbytes - 1) >> 4;
      let block = heads[c] as number;
      if (block < 0) {
        block = bump++;
        sizeClass[block] = c;
      } else heads[c] = links[block] as number;
      links[block] = 1;
      return BASE + block * 16;
    },
    free(address: number): void {
      const block = ((address - BASE) / 16) | 0;
      const c = sizeClass[block] as number;
      links[block] = heads[c] as number;
      heads[c] = block;
    },
  };
}

// ------------------------------------------------------------------ the toy in WebAssembly
//
// Encoded here by hand (the binary format's sections, opcodes by name), so the experiment needs no
// assembler. Memory: heads (int32 x 64) at 0, size classes (uint8 per block) at 1024, links (int32
// per block) at 1 MiB.

const op = {
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  globalGet: 0x23,
  globalSet: 0x24,
  i32Load: 0x28,
  i32Load8u: 0x2d,
  i32Store: 0x36,
  i32Store8: 0x3a,
  i32Const: 0x41,
  f64Const: 0x44,
  i32LtS: 0x48,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  i32TruncF64U: 0xab,
  f64ConvertI32U: 0xb8,
} as const;
const I32 = 0x7f;
const F64 = 0x7c;
const EMPTY_BLOCK = 0x40;
const LINKS_AT = 1 << 20;
const CLASSES_AT = 1024;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a small int32 (what i32.const takes). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s, "latin1")];
const memarg = (align: number, offset: number): number[] => [...uleb(align), ...uleb(offset)];
const f64 = (x: number): number[] => [...new Uint8Array(new Float64Array([x]).buffer)];

export function wasmToyBytes(): Uint8Array {
  // malloc(n: i32) -> f64; locals: 1 c, 2 block
  const malloc = [
    ...[op.localGet, 0, op.i32Const, ...sleb(1), op.i32Sub, op.i32Const, 4, op.i32ShrU, op.localSet, 1],
    ...[op.localGet, 1, op.i32Const, 2, op.i32Shl, op.i32Load, ...memarg(2, 0), op.localSet, 2],
    ...[op.localGet, 2, op.i32Const, 0, op.i32LtS, op.if, EMPTY_BLOCK],
    ...[op.globalGet, 0, op.localSet, 2, op.localGet, 2, op.i32Const, 1, op.i32Add, op.globalSet, 0],
    ...[op.localGet, 2, op.localGet, 1, op.i32Store8, ...memarg(0, CLASSES_AT)],
    op.else,
    ...[op.localGet, 1, op.i32Const, 2, op.i32Shl],
    ...[op.localGet, 2, op.i32Const, 2, op.i32Shl, op.i32Load, ...memarg(2, LINKS_AT)],
    ...[op.i32Store, ...memarg(2, 0)],
    op.end,
    ...[op.localGet, 2, op.i32Const, 2, op.i32Shl, op.i32Const, 1, op.i32Store, ...memarg(2, LINKS_AT)],
    ...[op.f64Const, ...f64(BASE), op.localGet, 2, op.i32Const, 4, op.i32Shl, op.f64ConvertI32U, op.f64Add],
    op.end,
  ];
  // free(address: f64); locals: 1 block, 2 c
  const free = [
    ...[op.localGet, 0, op.f64Const, ...f64(BASE), op.f64Sub, op.i32TruncF64U, op.i32Const, 4, op.i32ShrU],
    ...[op.localSet, 1, op.localGet, 1, op.i32Load8u, ...memarg(0, CLASSES_AT), op.localSet, 2],
    ...[op.localGet, 1, op.i32Const, 2, op.i32Shl],
    ...[op.localGet, 2, op.i32Const, 2, op.i32Shl, op.i32Load, ...memarg(2, 0)],
    ...[op.i32Store, ...memarg(2, LINKS_AT)],
    ...[op.localGet, 2, op.i32Const, 2, op.i32Shl, op.localGet, 1, op.i32Store, ...memarg(2, 0)],
    op.end,
  ];
  const body = (locals: number[][], code: number[]) => {
    const b = [...vec(locals), ...code];
    return [...uleb(b.length), ...b];
  };
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(
      1,
      vec([
        [0x60, ...vec([[I32]]), ...vec([[F64]])],
        [0x60, ...vec([[F64]]), ...vec([])],
      ]),
    ),
    ...section(3, vec([[0], [1]])),
    ...section(5, vec([[0x00, ...uleb(32)]])), // 32 pages of 64 KiB: 2 MiB
    ...section(6, vec([[I32, 0x01, op.i32Const, 0, op.end]])), // the bump pointer
    ...section(
      7,
      vec([
        [...name("malloc"), 0x00, 0],
        [...name("free"), 0x00, 1],
        [...name("memory"), 0x02, 0],
      ]),
    ),
    ...section(10, vec([body([[2, I32]], malloc), body([[2, I32]], free)])),
  ]);
}

export function wasmToy(): ToyAllocator {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasmToyBytes()), {});
  const exports = instance.exports as {
    malloc: (n: number) => number;
    free: (a: number) => void;
    memory: { buffer: ArrayBuffer };
  };
  new Int32Array(exports.memory.buffer, 0, 64).fill(-1);
  return { malloc: exports.malloc, free: exports.free };
}
