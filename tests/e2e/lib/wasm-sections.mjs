// Reads the function signatures of a wasm module's imports and exports (type, import, function and
// export sections), enough to tell whether a 64-bit integer crosses the JS boundary: JS BigInt <->
// wasm i64 arrived in Chromium 85, so for Chromium 80 no imported or exported function may take or
// return an i64. Throws on a malformed module.
const VALTYPES = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };

class Reader {
  constructor(bytes, pos = 0, end = bytes.length) {
    this.b = bytes;
    this.pos = pos;
    this.end = end;
  }
  byte() {
    if (this.pos >= this.end) throw new Error('wasm: unexpected end');
    return this.b[this.pos++];
  }
  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
      if (shift > 35) throw new Error('wasm: bad LEB128');
    }
  }
  name() {
    const len = this.u32();
    const s = Buffer.from(this.b.subarray(this.pos, this.pos + len)).toString('utf8');
    this.pos += len;
    return s;
  }
  valtype() {
    const t = this.byte();
    if (!(t in VALTYPES)) throw new Error(`wasm: value type 0x${t.toString(16)} (not in the MVP)`);
    return VALTYPES[t];
  }
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

/** { imports: [{ module, name, params, results }], exports: [{ name, params, results }] } for functions. */
export function functionSignatures(bytes) {
  const HEADER = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  if (bytes.length < 8 || HEADER.some((b, i) => bytes[i] !== b)) throw new Error('not a wasm module (version 1)');
  const r = new Reader(bytes, 8);
  const types = [];
  const funcs = []; // type index of every function, imported first
  const imports = [];
  const exports = [];
  while (r.pos < r.end) {
    const id = r.byte();
    const size = r.u32();
    const s = new Reader(bytes, r.pos, r.pos + size);
    r.pos += size;
    if (id === 1) {
      for (let n = s.u32(); n > 0; n--) {
        if (s.byte() !== 0x60) throw new Error('wasm: a type that is not a function type');
        const params = Array.from({ length: s.u32() }, () => s.valtype());
        const results = Array.from({ length: s.u32() }, () => s.valtype());
        types.push({ params, results });
      }
    } else if (id === 2) {
      for (let n = s.u32(); n > 0; n--) {
        const module = s.name();
        const name = s.name();
        const kind = s.byte();
        if (kind === 0) {
          const t = s.u32();
          funcs.push(t);
          imports.push({ module, name, ...types[t] });
        } else if (kind === 1) {
          s.byte();
          s.limits();
        } else if (kind === 2) {
          s.limits();
        } else if (kind === 3) {
          s.valtype();
          s.byte();
        } else {
          throw new Error(`wasm: import kind ${kind}`);
        }
      }
    } else if (id === 3) {
      for (let n = s.u32(); n > 0; n--) funcs.push(s.u32());
    } else if (id === 7) {
      for (let n = s.u32(); n > 0; n--) {
        const name = s.name();
        const kind = s.byte();
        const index = s.u32();
        if (kind === 0) exports.push({ name, ...types[funcs[index]] });
      }
    }
  }
  return { imports, exports };
}
