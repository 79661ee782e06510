// The split of the app's main wasm into the editor and chunks loaded on demand (docs/first-load.md),
// run by scripts/post-build.mjs before it seals the build. Trunk 0.21 has no step between cargo and
// wasm-bindgen, where the split must happen, so this redoes what follows cargo for the main wasm:
//
//   1. wasm_split_cli (crate wasm_split_cli_support, installed by scripts/install.sh) splits the
//      wasm cargo linked (target/wasm32-unknown-unknown/<profile>/xxgk-report-web.wasm; build.rs has
//      it linked with --emit-relocs, which the split needs) at the `#[wasm_split]` points of
//      src/components/lazy_view.rs into main.wasm, one wasm per split point or shared chunk, and
//      __wasm_split.js, the loader the main wasm imports its load functions from;
//   2. wasm-bindgen (the pinned CLI, as Trunk ran it, plus --keep-lld-exports: the chunks import
//      the main wasm's memory, table and functions through those exports) makes the glue;
//   3. wasm-opt -Oz with the Chromium 80 feature set on every wasm (index.html's main rust link has
//      data-wasm-opt="0": Trunk's optimised copy would be thrown away);
//   4. the loader gets pwa/split-fetch.js as its fetcher (the compile worker on Chromium < 97);
//   5. every file gets a content-hashed name (one hash for the set: the glue and the loader import
//      each other), Trunk's main glue and wasm leave the build, index.html names the new ones (with
//      their integrity) and preloads the loader, which the glue imports at once.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const APP = 'xxgk-report-web';
const SPLIT_CLI = 'wasm_split_cli';
// What the pinned wasm_split_cli_support 0.2.2 writes: its link file, the glue path it imports
// initSync from, and its fetcher (replaced by pwa/split-fetch.js; a different text is an error).
const LINK_FILE = '__wasm_split.js';
const LINK_MAIN_IMPORT = 'import { initSync } from "./main.js";';
const LINK_FETCH = `function makeFetch(srcUrl) {
    if (srcUrl === undefined) {
        return () => { return async (_imports) => { return {} } };
    }
    return () => {
        const src = fetch(srcUrl);
        return async (imports) => {
            return await WebAssembly.instantiateStreaming(src, imports);
        }
    }
}
`;
// The import module `#[wasm_split]` leaves in the wasm before the split tool names the loader.
const PLACEHOLDER_MODULE = '__wasm_split_placeholder__';

const sha = (algorithm, data) => crypto.createHash(algorithm).update(data);
const run = (fail, cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    fail(`${cmd} ${args.join(' ')} failed${e.code === 'ENOENT' ? ' (not installed: run scripts/install.sh)' : ''}:\n${e.stderr || e.message}`);
  }
};
const count = (text, part) => text.split(part).length - 1;

/** Whether the wasm `bytes` exports a table (its export section holds an entry of kind 1). */
function exportsTable(bytes) {
  const leb = (pos) => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return [value, pos];
  };
  for (let pos = 8; pos < bytes.length; ) {
    const [size, body] = leb(pos + 1);
    if (bytes[pos] === 7) {
      let [n, at] = leb(body);
      for (; n > 0; n--) {
        const [len, name] = leb(at);
        const kind = bytes[name + len];
        if (kind === 1) return true;
        [, at] = leb(name + len + 1);
      }
      return false;
    }
    pos = body + size;
  }
  return false;
}

/** The wasm cargo linked for Trunk's build of the app (before wasm-bindgen). */
function cargoWasm(fail) {
  const meta = JSON.parse(run(fail, 'cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']));
  const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
  const file = path.join(meta.target_directory, 'wasm32-unknown-unknown', profile, `${APP}.wasm`);
  if (!fs.existsSync(file)) fail(`the split needs cargo's wasm ${file}, which is not there`);
  return file;
}

/**
 * Splits the app's wasm in `dir` (Trunk's staging dir), given Trunk's page `html` with its inline
 * loader naming `glue` and `wasm`; returns the page naming the split build's files.
 */
export function splitAppWasm({ dir, html, glue, wasm, base, wasmOptParams, fail }) {
  const t0 = Date.now();
  const glueFile = path.join(dir, path.basename(glue));
  const wasmFile = path.join(dir, path.basename(wasm));
  for (const f of [glueFile, wasmFile]) if (!fs.existsSync(f)) fail(`Trunk's loader names ${path.basename(f)}, which the build lacks`);
  const input = cargoWasm(fail);
  const raw = fs.readFileSync(input);
  // Cargo's wasm must be the one Trunk just bound (written before Trunk's wasm-bindgen output).
  if (fs.statSync(input).mtimeMs > fs.statSync(wasmFile).mtimeMs + 1000) fail(`${input} is newer than Trunk's ${path.basename(wasmFile)}: not this build's`);
  if (!raw.includes(PLACEHOLDER_MODULE)) fail(`${input} has no #[wasm_split] point (src/components/lazy_view.rs): nothing to split`);
  if (!raw.includes('reloc.CODE')) fail(`${input} was linked without --emit-relocs (build.rs), which the split needs`);
  if (!exportsTable(raw)) fail(`${input} was linked without --export-table (build.rs), which the split needs`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-split-'));
  try {
    // 1. the split
    run(fail, SPLIT_CLI, [input, tmp]);
    const main = path.join(tmp, 'main.wasm');
    const linkPath = path.join(tmp, LINK_FILE);
    if (!fs.existsSync(main) || !fs.existsSync(linkPath)) fail(`${SPLIT_CLI} wrote no main.wasm or ${LINK_FILE} in ${tmp}`);
    let link = fs.readFileSync(linkPath, 'utf8');
    // 2. the glue
    const out = path.join(tmp, 'bindgen');
    run(fail, 'wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript', '--out-dir', out, '--out-name', APP, main]);
    if (fs.existsSync(path.join(out, 'snippets'))) fail('wasm-bindgen wrote JS snippets, which the split step does not carry into the build');
    let glueCode = fs.readFileSync(path.join(out, `${APP}.js`), 'utf8');
    const mainWasm = path.join(out, `${APP}_bg.wasm`);
    // Chunks the loader fetches; one without code is never fetched (makeLoad(undefined, …)).
    const chunks = fs.readdirSync(tmp).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm' && link.includes(`"./${f}"`)).sort();
    if (chunks.length === 0) fail(`${SPLIT_CLI} split nothing off`);
    // 3. wasm-opt (release builds, as Trunk does)
    if (process.env.TRUNK_PROFILE !== 'debug') {
      const version = run(fail, 'wasm-opt', ['--version']);
      if (!/version 132\b/.test(version)) fail(`wasm-opt is not binaryen 132 (${version.trim()}): source scripts/env.sh (npm's binaryen first on PATH)`);
      // XXGK_WASM_NAMES=1 keeps the function names (bench/README.md: a build for the breakdowns).
      const names = process.env.XXGK_WASM_NAMES === '1' ? ['-g'] : [];
      for (const f of [mainWasm, ...chunks.map((c) => path.join(tmp, c))]) run(fail, 'wasm-opt', ['-Oz', ...names, ...wasmOptParams.split(' '), f, '-o', f]);
    }
    // 4. the loader's fetcher
    if (count(link, LINK_FETCH) !== 1) fail(`${LINK_FILE} has not the one makeFetch of wasm_split_cli_support 0.2.2 that this step replaces`);
    const fetcher = fs.readFileSync(new URL('../pwa/split-fetch.js', import.meta.url), 'utf8');
    link = link.replace(LINK_FETCH, () => fetcher);
    // 5. names
    const hash = sha('sha256', '');
    for (const data of [fs.readFileSync(mainWasm), ...chunks.map((c) => fs.readFileSync(path.join(tmp, c))), glueCode, link]) hash.update(data);
    const h = hash.digest('hex').slice(0, 16);
    const names = { glue: `${APP}-${h}.js`, wasm: `${APP}-${h}_bg.wasm`, link: `xxgk-split-${h}.js` };
    if (count(link, LINK_MAIN_IMPORT) !== 1) fail(`${LINK_FILE} does not import initSync from ./main.js as expected`);
    link = link.replace(LINK_MAIN_IMPORT, () => `import { initSync } from "./${names.glue}";`);
    const chunkNames = chunks.map((c) => `xxgk-${c.replace(/\.wasm$/, '').replace(/_/g, '-')}-${h}.wasm`);
    chunks.forEach((c, i) => {
      link = link.split(`"./${c}"`).join(`"./${chunkNames[i]}"`);
    });
    // The glue's `import * as importN from "./__wasm_split.js"` lines (the keys of its imports
    // object stay: they are the module names in the wasm).
    const linkImport = `from "./${LINK_FILE}"`;
    if (count(glueCode, linkImport) === 0) fail(`wasm-bindgen's glue does not import ./${LINK_FILE}`);
    // (with the semicolon wasm-bindgen leaves out, as on its other import lines)
    glueCode = glueCode.split(`${linkImport};`).join(linkImport).split(linkImport).join(`from "./${names.link}";`);

    fs.rmSync(glueFile);
    fs.rmSync(wasmFile);
    fs.writeFileSync(path.join(dir, names.glue), glueCode);
    fs.copyFileSync(mainWasm, path.join(dir, names.wasm));
    fs.writeFileSync(path.join(dir, names.link), link);
    chunks.forEach((c, i) => fs.copyFileSync(path.join(tmp, c), path.join(dir, chunkNames[i])));

    // The page: the new names, their integrity, and the loader preloaded beside the glue.
    const integrity = (name) => `sha384-${sha('sha384', fs.readFileSync(path.join(dir, name))).digest('base64')}`;
    html = html.split(path.basename(glue)).join(names.glue).split(path.basename(wasm)).join(names.wasm);
    html = html.replace(/<link\b[^>]*>/g, (tag) => {
      const name = [names.glue, names.wasm].find((n) => tag.includes(`"${base}${n}"`));
      return name ? tag.replace(/\bintegrity="[^"]*"/, () => `integrity="${integrity(name)}"`) : tag;
    });
    const gluePreload = new RegExp(`<link rel="modulepreload" href="${base.replace(/[.]/g, '\\.')}${names.glue}"[^>]*>`).exec(html);
    if (!gluePreload) fail(`Trunk's page has no <link rel="modulepreload"> for ${names.glue}`);
    const linkPreload = gluePreload[0].split(names.glue).join(names.link).replace(/\bintegrity="[^"]*"/, () => `integrity="${integrity(names.link)}"`);
    html = html.replace(gluePreload[0], () => `${gluePreload[0]}\n${linkPreload}`);
    const kb = (f) => `${(fs.statSync(path.join(dir, f)).size / 1024).toFixed(0)} KB`;
    console.log(`post-build: split ${APP}: main ${kb(names.wasm)}, ${chunks.length} chunks (${chunkNames.map(kb).join(', ')}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { html, glue: `${base}${names.glue}`, wasm: `${base}${names.wasm}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
