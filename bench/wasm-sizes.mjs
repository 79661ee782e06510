// Where the bytes of a wasm go (not a test): each function's body size by its name, grouped by
// crate, with each group's brotli size when compressed on its own, plus the data and other sections.
//
//   node bench/wasm-sizes.mjs FILE.wasm [--top 30]
//
// The release wasm has no names (wasm-opt strips them). For a breakdown, make a named copy of the
// same build: `wasm-opt -Oz -g <the feature flags of index.html> <Trunk's wasm-bindgen output> -o
// named.wasm` (bench/README.md); -g keeps the name section and barely changes the code.
import fs from 'node:fs';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: node bench/wasm-sizes.mjs FILE.wasm [--top N]');
  process.exit(2);
}
const ti = args.indexOf('--top');
const TOP = ti >= 0 ? Number(args[ti + 1]) : 30;
const buf = fs.readFileSync(file);

let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return result;
  }
};
const name = () => {
  const n = u32();
  const s = buf.subarray(pos, pos + n).toString('utf8');
  pos += n;
  return s;
};

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const sections = [];
let imported = 0;
let bodies = [];
const names = new Map();
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const start = pos;
  const end = start + size;
  let label = SECTIONS[id] ?? `section ${id}`;
  if (id === 0) {
    label = `custom "${name()}"`;
    if (label === 'custom "name"') {
      while (pos < end) {
        const sub = buf[pos++];
        const subSize = u32();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = u32();
          for (let i = 0; i < count; i++) {
            const index = u32();
            names.set(index, name());
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = u32();
    for (let i = 0; i < count; i++) {
      name();
      name();
      const kind = buf[pos++];
      if (kind === 0) {
        u32();
        imported++;
      } else if (kind === 1) {
        pos++;
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 3) {
        pos += 2;
      }
    }
  } else if (id === 10) {
    const count = u32();
    for (let i = 0; i < count; i++) {
      const bodySize = u32();
      bodies.push({ index: imported + i, start: pos, size: bodySize });
      pos += bodySize;
    }
  }
  sections.push({ label, start, size: end - start });
  pos = end;
}

// The crate a Rust symbol belongs to: `crate[hash]::...`, `<crate[hash]::Type as ...>::...`, or in
// a v0-mangled name (a build with XXGK_WASM_NAMES=1), the first crate root `Cs<hash>_<len><name>`.
const crateOf = (fn) => {
  const m = /^<?&?(?:mut )?(?:dyn )?([a-z_][a-z0-9_]*)\[[0-9a-f]+\]/.exec(fn);
  if (m) return m[1];
  const v0 = /^_R.*?C(?:s[0-9A-Za-z]*_)?(\d+)([a-z_][a-z0-9_]*)/.exec(fn);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  if (/^(__wbg|__wbindgen|__externref|wasm_bindgen)/.test(fn)) return 'wasm_bindgen';
  if (fn === '(unnamed)') return '(unnamed)';
  return 'other';
};
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const groups = new Map();
const fns = bodies.map((b) => {
  const fn = names.get(b.index) ?? '(unnamed)';
  const g = crateOf(fn);
  if (!groups.has(g)) groups.set(g, { size: 0, count: 0, parts: [] });
  const group = groups.get(g);
  group.size += b.size;
  group.count++;
  group.parts.push(buf.subarray(b.start, b.start + b.size));
  return { fn, size: b.size };
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(buf.length)} raw, ${kb(br(buf))} brotli; ${bodies.length} functions, ${names.size} named`);
console.log('\nsections (raw):');
for (const s of sections.sort((a, b) => b.size - a.size)) console.log(`  ${kb(s.size).padStart(10)}  ${s.label}`);
const data = sections.find((s) => s.label === 'data');
console.log('\ncode by crate (raw; brotli of the group compressed alone, so the sum is above the whole):');
for (const [g, v] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
  console.log(`  ${kb(v.size).padStart(10)} ${kb(br(Buffer.concat(v.parts))).padStart(10)} br  ${String(v.count).padStart(5)} fns  ${g}`);
}
if (data) console.log(`  ${kb(data.size).padStart(10)} ${kb(br(buf.subarray(data.start, data.start + data.size))).padStart(10)} br         data section (string literals, tables, the format description's constants)`);
console.log(`\nlargest ${TOP} functions (raw):`);
for (const f of fns.sort((a, b) => b.size - a.size).slice(0, TOP)) console.log(`  ${kb(f.size).padStart(9)}  ${f.fn.slice(0, 140)}`);
