// What the build uses of the web platform, for tests/e2e/browser-support-inventory.test.mjs:
// the CSS (properties, selectors' pseudo-classes, at-rules, functions) of the style sheets, and the
// identifiers of the JS files; and the rows of docs/browser-support.md's tables.
import fs from 'node:fs';
import path from 'node:path';

/** Files under `dir` (recursive) whose name ends with `ext`, sorted. */
export function filesOf(dir, ext) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(dir, f));
}

const stripComments = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/**
 * Parses a style sheet into { rules: [{ selector, decls: [{ property, value }], context }], atRules }.
 * Enough for the app's own CSS (no strings with braces); `context` is the enclosing at-rules.
 */
export function parseCss(text) {
  const css = stripComments(text);
  const rules = [];
  const atRules = new Set();
  let i = 0;
  function block(context) {
    while (i < css.length) {
      const open = css.indexOf('{', i);
      const close = css.indexOf('}', i);
      if (close >= 0 && (open < 0 || close < open)) {
        i = close + 1;
        return;
      }
      if (open < 0) return;
      const head = css.slice(i, open).trim();
      i = open + 1;
      if (head.startsWith('@')) {
        const name = /^@[\w-]+/.exec(head)[0];
        atRules.add(name);
        if (name === '@page' || name === '@font-face') {
          declarations(head, [...context, head]);
        } else {
          block([...context, head]);
        }
      } else {
        declarations(head, context);
      }
    }
  }
  function declarations(selector, context) {
    const end = css.indexOf('}', i);
    const body = css.slice(i, end);
    i = end + 1;
    const decls = body
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const colon = d.indexOf(':');
        return { property: d.slice(0, colon).trim().toLowerCase(), value: d.slice(colon + 1).replace(/!important/, '').trim() };
      });
    rules.push({ selector, decls, context });
  }
  block([]);
  return { rules, atRules };
}

/** The features one parsed sheet uses, as the names docs/browser-support.md lists them. */
export function cssFeatures({ rules, atRules }) {
  const used = new Set(atRules);
  for (const rule of rules) {
    const inKeyframes = rule.context.some((c) => c.startsWith('@keyframes'));
    if (!inKeyframes && !rule.selector.startsWith('@')) {
      for (const m of rule.selector.matchAll(/::?[\w-]+(\()?/g)) used.add(m[0].toLowerCase() + (m[1] ? ')' : ''));
    }
    for (const { property, value } of rule.decls) {
      used.add(property.startsWith('--') ? '--*' : property);
      for (const m of value.matchAll(/\b([a-z][\w-]*)\(/gi)) used.add(`${m[1].toLowerCase()}()`);
    }
  }
  return used;
}

/** The first column (the `code` in it) of every row of the table under `## heading` in a markdown file. */
export function docTable(markdown, heading) {
  const sections = markdown.split(/^## /m);
  const section = sections.find((s) => s.split('\n')[0].trim() === heading);
  if (!section) throw new Error(`docs/browser-support.md has no section "## ${heading}"`);
  const rows = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 2 || /^-+$/.test(cells[0]) || !cells[0].startsWith('`')) continue;
    const min = Number(/\d+/.exec(cells[1])?.[0]);
    for (const m of cells[0].matchAll(/`([^`]+)`/g)) rows.push({ name: m[1], minimum: min, note: cells.slice(2).join(' | ') });
  }
  return rows;
}

/**
 * Identifiers of a JS file: those written as a member (`.name`) and all bare ones, comments dropped
 * (roughly: a `//` inside a string may cut a line short, which only loses identifiers).
 */
export function jsIdentifiers(code) {
  const src = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  return {
    members: new Set([...src.matchAll(/\.\s*([A-Za-z_$][\w$]*)/g)].map((m) => m[1])),
    all: new Set([...src.matchAll(/[A-Za-z_$][\w$]*/g)].map((m) => m[0])),
  };
}

/**
 * Page script: the names the global object offers: { globals, statics: ['Ctor.name', ...] (own
 * properties of global functions, e.g. AbortSignal.timeout), members: [...] (properties of their
 * prototypes and of the global objects' prototype chains, e.g. at, replaceChildren) }.
 */
export const BUILTIN_NAMES = `(() => {
  const globals = Object.getOwnPropertyNames(window);
  const statics = new Set();
  const members = new Set();
  const chain = (obj) => {
    for (let o = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      try { for (const k of Object.getOwnPropertyNames(o)) members.add(k); } catch (e) {}
    }
  };
  for (const g of globals) {
    let v;
    try { v = window[g]; } catch (e) { continue; }
    if (typeof v === 'function') {
      for (const k of Object.getOwnPropertyNames(v)) statics.add(g + '.' + k);
      if (v.prototype) chain(v.prototype);
    } else if (v && typeof v === 'object') {
      chain(v);
      for (const k of Object.getOwnPropertyNames(v)) statics.add(g + '.' + k);
    }
  }
  chain(Object.prototype);
  for (const k of Object.getOwnPropertyNames(Object.prototype)) members.add(k);
  return { globals, statics: [...statics], members: [...members] };
})()`;
