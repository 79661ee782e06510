// Trunk post_build hook (Trunk.toml): seals the build in $TRUNK_STAGING_DIR for offline use.
//
//   1. Replaces the inline module script Trunk writes to start the wasm with our start-up file
//      (pwa/boot.js as xxgk-boot-<hash>.js, with an integrity attribute; no top-level await, checks
//      for WebAssembly first, compiles in a worker where an old Chromium's CSP forbids it on the page:
//      pwa/compile-worker.js as xxgk-compile-<hash>.js), so the Content-Security-Policy needs no
//      inline script; adds pwa/nomodule.js for browsers without modules (docs/browser-support.md).
//      (Under `trunk serve`, Trunk's live-reload script must stay inline: that dev page gets
//      'unsafe-inline' in script-src and a warning.)
//   2. Checks the page: a CSP meta that allows only the app's own origin, no inline script or
//      event handler attribute left. A failed check fails the build.
//   3. Marks index.html with the build version (<meta name="xxgk-build">) and writes sw.js from
//      pwa/sw.js with the list of every file of the build and its SHA-256 (the precache list).
//
// Idempotent: `node scripts/post-build.mjs DIR` re-seals a finished build in DIR (the browser
// tests use it to make a "next version" of dist/).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitAppWasm } from './split-wasm.mjs';

const PWA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../pwa');
const SW_TEMPLATE = path.join(PWA, 'sw.js');
const BUILD_TOKEN = '__XXGK_BUILD__';
const BUILD_META = /<meta name="xxgk-build" content="[0-9a-f]*" \/>\n?/g;
// Trunk's content-hashed names (name-<hex>.js, name-<hex>_bg.wasm, name-<hex>.css) and ours.
const HASHED_NAME = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
const LIVE_RELOAD = '.well-known/trunk/ws';
// Every wasm Trunk builds gets wasm-opt told the Chromium 80 features (.cargo/config.toml); the split
// step (scripts/split-wasm.mjs) runs wasm-opt itself on the app's wasm with the same.
const WASM_OPT_PARAMS = '--mvp-features --enable-mutable-globals --enable-sign-ext --enable-nontrapping-float-to-int --enable-bulk-memory';

/** Source expressions a directive may hold: this origin only, plus data:/blob: where listed. */
const ALLOWED_SOURCES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  // Also covers style="…" attributes: the app sets column widths through the CSSOM (style:width) instead.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};
const REQUIRED = ['default-src', 'script-src', 'object-src', 'base-uri', 'form-action'];

const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};
const sha = (algorithm, data) => crypto.createHash(algorithm).update(data);

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || fail('no directory: run by Trunk, or pass one'));
const base = process.env.TRUNK_PUBLIC_URL || './';
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8').replace(BUILD_META, '');

// --- 1. inline scripts out, our start-up in ---
/** Writes `code` as <prefix>-<hash>.js in the build; returns its name and SRI integrity. */
function writeHashed(prefix, code) {
  const name = `${prefix}-${sha('sha256', code).digest('hex').slice(0, 16)}.js`;
  fs.writeFileSync(path.join(dir, name), code);
  return { name, integrity: `sha384-${sha('sha384', code).digest('base64')}` };
}
const template = (file) => fs.readFileSync(path.join(PWA, file), 'utf8');
const fill = (code, values) => {
  for (const [token, value] of Object.entries(values)) {
    if (code.split(token).length !== 2) fail(`the start-up template must contain ${token} exactly once`);
    code = code.replace(token, () => value);
  }
  return code;
};
// Trunk's loader of the app's wasm (still inline: a fresh Trunk build, not a re-seal) -> the split.
{
  const glue = /^import init, \* as bindings from '([^']*xxgk-report-web-[0-9a-f]+\.js)';$/m.exec(html)?.[1];
  const wasm = /\binit\(\{ module_or_path: '([^']*xxgk-report-web-[0-9a-f]+_bg\.wasm)' \}\)/.exec(html)?.[1];
  if (glue && wasm) html = splitAppWasm({ dir, html, glue, wasm, base, wasmOptParams: WASM_OPT_PARAMS, fail }).html;
}
let devServer = false;
let booted = false;
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/g, (tag, attrs, code) => {
  if (/\bsrc\s*=/.test(attrs)) return tag;
  if (code.includes(LIVE_RELOAD)) {
    devServer = true;
    return tag;
  }
  if (!/\btype="module"/.test(attrs)) fail(`an inline classic script, not Trunk's loader: ${tag.slice(0, 200)}`);
  // Trunk 0.21's default loader: `import init, * as bindings from '<glue>'; ... init({ module_or_path: '<wasm>' })`.
  const glue = /^import init, \* as bindings from '([^']+)';$/m.exec(code)?.[1];
  const wasm = /\binit\(\{ module_or_path: '([^']+)' \}\)/.exec(code)?.[1];
  if (!glue || !wasm || booted) fail(`not the one Trunk loader this hook knows how to replace: ${code.slice(0, 300)}`);
  booted = true;
  return bootScript(glue, wasm);
});
/** Our start-up script for the wasm `wasm` with its glue `glue` (both as the page names them). */
function bootScript(glue, wasm) {
  const worker = writeHashed('xxgk-compile', template('compile-worker.js'));
  const boot = writeHashed('xxgk-boot', fill(template('boot.js'), {
    __XXGK_GLUE__: glue,
    __XXGK_WASM__: wasm,
    __XXGK_COMPILE_WORKER__: `${base}${worker.name}`,
  }));
  return `<script type="module" src="${base}${boot.name}" integrity="${boot.integrity}"></script>`;
}
const nomodule = writeHashed('xxgk-nomodule', template('nomodule.js'));
const noModuleScript = `<script nomodule src="${base}${nomodule.name}" integrity="${nomodule.integrity}"></script>\n</body>`;
if (booted) html = html.replace(/<\/body>/, noModuleScript);
// Other pages (summary.html) name Trunk's loader shim of their own wasm (a rel="rust" link with
// data-bindgen-target="web" and data-loader-shim: `<name>_loader.js`, which awaits at top level and
// compiles on the page). They start the same way as index.html instead: the shim's <script> becomes
// a boot file for `<name>.js` / `<name>_bg.wasm`, and the shim leaves the build.
const LOADER_SHIM = /<script type="module" src="(?:\.\/)?([A-Za-z0-9_-]+)_loader\.js"><\/script>/;
for (const page of fs.readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'index.html')) {
  const file = path.join(dir, page);
  let other = fs.readFileSync(file, 'utf8');
  const shim = LOADER_SHIM.exec(other);
  if (!shim) continue;
  const name = shim[1];
  for (const f of [`${name}.js`, `${name}_bg.wasm`]) if (!fs.existsSync(path.join(dir, f))) fail(`${page} starts ${name}, but the build has no ${f}`);
  if (!other.includes('id="xxgk-unsupported"')) fail(`${page} lacks the message for browsers that cannot run it (id="xxgk-unsupported")`);
  other = other.replace(shim[0], () => bootScript(`./${name}.js`, `./${name}_bg.wasm`)).replace(/<\/body>/, noModuleScript);
  fs.writeFileSync(file, other);
  fs.rmSync(path.join(dir, `${name}_loader.js`), { force: true });
}
for (const link of fs.readFileSync(path.join(PWA, '../index.html'), 'utf8').match(/<link\b[^>]*\bdata-trunk\b[^>]*>/g) || []) {
  if (/\brel="rust"/.test(link) && !link.includes(`data-wasm-opt-params="${WASM_OPT_PARAMS}"`)) {
    fail(`every rust link in index.html needs data-wasm-opt-params="${WASM_OPT_PARAMS}" (docs/browser-support.md): ${link}`);
  }
}
if (!html.includes('id="xxgk-unsupported"')) fail('index.html lacks the message for browsers that cannot run the app (id="xxgk-unsupported")');

// --- 2. checks ---
const cspTags = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi) || [];
if (cspTags.length !== 1) fail(`index.html must have exactly one <meta http-equiv="Content-Security-Policy">, found ${cspTags.length}`);
const policy = /content="([^"]*)"/.exec(cspTags[0])[1];
const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((t) => t[0]).map(([name, ...sources]) => [name.toLowerCase(), sources]));
for (const name of REQUIRED) if (!directives.has(name)) fail(`the CSP lacks ${name}`);
for (const [name, sources] of directives) {
  const allowed = ALLOWED_SOURCES[name] || fail(`the CSP directive ${name} is not one this app uses`);
  for (const source of sources) {
    if (!allowed.includes(source)) fail(`the CSP's ${name} allows ${source}: only ${allowed.join(' ')} may be allowed (nothing from another origin)`);
  }
}
const firstResource = html.search(/<script|<link[^>]+rel="(stylesheet|modulepreload|preload|manifest|icon)"/);
if (firstResource >= 0 && html.search(/<meta\s+http-equiv="Content-Security-Policy"/i) > firstResource) {
  fail('the CSP meta must come before every script, stylesheet and link it governs');
}
const handler = /<[^>]+\son[a-z]+\s*=|javascript:/i.exec(html);
if (handler) fail(`inline event handler or javascript: URL in index.html: ${handler[0].slice(0, 120)}`);
const external = /\s(?:src|href)="(?:[a-z]+:)?\/\/[^"]*"/i.exec(html);
if (external) fail(`index.html refers to another origin: ${external[0].trim()}`);
// Every other page of the build (summary.html) must carry the very same policy and nothing inline.
for (const page of fs.readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'index.html')) {
  const other = fs.readFileSync(path.join(dir, page), 'utf8');
  const metas = other.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi) || [];
  if (metas.length !== 1 || /content="([^"]*)"/.exec(metas[0])[1] !== policy) fail(`${page} must carry index.html's Content-Security-Policy meta, exactly`);
  if (/<script\b(?![^>]*\bsrc=)[^>]*>/i.test(other)) fail(`${page} has an inline script`);
  const bad = /<[^>]+\son[a-z]+\s*=|javascript:/i.exec(other) || /\s(?:src|href)="(?:[a-z]+:)?\/\/[^"]*"/i.exec(other);
  if (bad) fail(`${page}: inline handler or another origin: ${bad[0].slice(0, 120)}`);
}
if (devServer) {
  html = html.replace(/(http-equiv="Content-Security-Policy"\s+content="[^"]*script-src 'self')/, "$1 'unsafe-inline'");
  console.warn("post-build: warning: Trunk's live-reload script is inline; this dev build's CSP allows inline scripts");
}

// --- 3. version, precache list, sw.js ---
function listFiles(root, rel = '') {
  return fs.readdirSync(path.join(root, rel), { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => {
      const p = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(root, p) : [p];
    });
}
const files = listFiles(dir)
  .filter((p) => p !== 'sw.js')
  .sort()
  .map((p) => {
    const data = p === 'index.html' ? html : fs.readFileSync(path.join(dir, p));
    return { path: p, sha256: sha('sha256', data).digest('hex'), immutable: HASHED_NAME.test(p), size: Buffer.byteLength(data) };
  });
if (!files.some((f) => f.path === 'index.html')) fail('no index.html');
if (!files.some((f) => f.path.endsWith('.wasm'))) fail('no .wasm in the build');
const swTemplate = fs.readFileSync(SW_TEMPLATE, 'utf8');
if (swTemplate.split(BUILD_TOKEN).length !== 2) fail(`${SW_TEMPLATE} must contain ${BUILD_TOKEN} exactly once`);
// The service worker's own code counts too: a new sw.js is a new version with a cache of its own.
const version = sha('sha256', files.map((f) => `${f.path}\0${f.sha256}\n`).join('') + swTemplate).digest('hex').slice(0, 16);

html = html.replace(/<\/head>/, `<meta name="xxgk-build" content="${version}" />\n</head>`);
fs.writeFileSync(indexPath, html);
const index = files.find((f) => f.path === 'index.html');
index.sha256 = sha('sha256', html).digest('hex');
index.size = Buffer.byteLength(html);

// One file per line, so that a diff of two builds' sw.js reads well.
const list = files.map(({ path: p, sha256, immutable }) => `    ${JSON.stringify({ path: p, sha256, immutable })}`);
const build = `{\n  "version": "${version}",\n  "files": [\n${list.join(',\n')}\n  ]\n}`;
fs.writeFileSync(path.join(dir, 'sw.js'), swTemplate.replace(BUILD_TOKEN, build));

const kb = Math.round(files.reduce((s, f) => s + f.size, 0) / 1024);
console.log(`post-build: build ${version}: sw.js precaches ${files.length} files (${kb} KB)${devServer ? ' [dev server]' : ''}`);
