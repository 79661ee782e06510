// Draws the app icons (pwa/icons/*.png) from shapes, without any image library or download:
// a red-header document (红头文件: red title, red rule, grey lines of text) on the app's red.
// Run once after changing the design; the PNGs are committed.
//
//   node scripts/make-icons.mjs
//
// icon-192.png, icon-512.png: rounded square, transparent corners ("any").
// maskable-512.png: full bleed; the document stays inside the central 80 % safe zone.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../pwa/icons');
const RED = [139, 26, 26]; // --red of style/main.css, the app header
const WHITE = [255, 255, 255];
const GREY = [196, 196, 196];
const FOLD = [226, 226, 226];
const SUPERSAMPLE = 4;

// Shapes in unit coordinates (0..1, y down), painted in order; each returns true if (x, y) is inside.
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (!rect(x0, y0, x1, y1)(x, y)) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function documentShapes() {
  const [x0, y0, x1, y1] = [0.27, 0.2, 0.73, 0.8];
  const fold = 0.1;
  const page = (x, y) => rect(x0, y0, x1, y1)(x, y) && !(x > x1 - fold && y < y0 + fold && x - (x1 - fold) > y - y0);
  const corner = (x, y) => x > x1 - fold && x < x1 && y > y0 && y < y0 + fold && x - (x1 - fold) <= y - y0;
  const shapes = [
    [page, WHITE],
    [corner, FOLD],
    [rect(0.34, 0.28, 0.66, 0.35), RED], // the red title
    [rect(0.32, 0.4, 0.68, 0.415), RED], // the red rule under it
  ];
  for (let i = 0; i < 5; i++) {
    const y = 0.47 + i * 0.065;
    shapes.push([rect(i === 0 ? 0.37 : 0.33, y, i === 4 ? 0.55 : 0.67, y + 0.03), GREY]);
  }
  return shapes;
}

function draw(size, maskable) {
  const background = maskable ? rect(0, 0, 1, 1) : roundedRect(0.04, 0.04, 0.96, 0.96, 0.2);
  const shapes = [[background, RED], ...documentShapes()];
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < n; s++) {
        const x = (px + ((s % SUPERSAMPLE) + 0.5) / SUPERSAMPLE) / size;
        const y = (py + (Math.floor(s / SUPERSAMPLE) + 0.5) / SUPERSAMPLE) / size;
        let colour = null;
        for (const [inside, c] of shapes) if (inside(x, y)) colour = c;
        if (colour) {
          sum[0] += colour[0]; sum[1] += colour[1]; sum[2] += colour[2]; sum[3] += 255;
        }
      }
      const o = (py * size + px) * 4;
      const covered = sum[3] / 255;
      for (let c = 0; c < 3; c++) pixels[o + c] = covered ? Math.round(sum[c] / covered) : 0;
      pixels[o + 3] = Math.round(sum[3] / n);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['maskable-512.png', 512, true]]) {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, png(size, draw(size, maskable)));
  console.log(`${path.relative(process.cwd(), file)}: ${size}×${size}, ${fs.statSync(file).size} bytes`);
}
