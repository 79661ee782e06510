// The raw / gzip -9 / brotli -11 size of each of a worker's files in dist/, one line each
// (bench/docx.mjs, bench/import.mjs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { distDir } from '../tests/e2e/lib/harness.mjs';

export function printWorkerSizes(names) {
  console.log(`${'worker file (dist/)'.padEnd(28)} ${'raw'.padStart(9)} ${'gzip-9'.padStart(9)} ${'brotli-11'.padStart(9)}`);
  for (const name of names) {
    const data = fs.readFileSync(path.join(distDir, name));
    const gzip = zlib.gzipSync(data, { level: 9 }).length;
    const br = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${name.padEnd(28)} ${String(data.length).padStart(9)} ${String(gzip).padStart(9)} ${String(br).padStart(9)}`);
  }
}
