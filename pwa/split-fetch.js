// Fetches and instantiates one chunk of the app's split wasm (docs/first-load.md). The loader that
// wasm-split writes (xxgk-split-<hash>.js) gets this function in place of its own makeFetch, by
// scripts/split-wasm.mjs: where the page may not compile wasm (Chromium < 97 under the app's CSP,
// pwa/boot.js), pwa/boot.js has set self.xxgkCompileWasm and the chunk is compiled in its worker,
// as the main wasm is; elsewhere it streams. Plain ES2017. A failed load rejects: the Rust side
// then shows a message (src/components/lazy_view.rs) and loads again next time.
function makeFetch(srcUrl) {
  if (srcUrl === undefined) {
    return function () {
      return function () {
        return Promise.resolve({});
      };
    };
  }
  return function () {
    const compile = self.xxgkCompileWasm;
    const source = compile ? compile(srcUrl.href) : fetch(srcUrl, { credentials: 'same-origin' });
    return function (imports) {
      if (compile) {
        return source.then(function (module) {
          return WebAssembly.instantiate(module, imports);
        });
      }
      return WebAssembly.instantiateStreaming(source, imports);
    };
  };
}
