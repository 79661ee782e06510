// The start-up probe of bench/editor-latency.mjs and bench/keystroke-profile.mjs --start-up, put
// into the page before any script (page.addInitScript(FIRST_DIGIT, { cell, digit, draft })), and the
// stored draft it starts from (storeFilledDraft).
//
// The clerk of the measure comes back to a draft: report 01_, stored by an earlier visit. Once
// the cell shows the draft's figure and the badge is there (the grid is usable), the probe types a
// digit into the cell, as a clerk who starts at once would; the digit breaks the sums the cell is
// in, and the probe records when the badge in the header (always in sight) shows the error. In
// window.__firstLoad: usable, typed, shown (performance.now() times); also performance marks
// 'grid-usable' and 'digit-checked' for a trace. On a blank report (a first visit) it records
// `usable` alone (the cell and the badge are there): one digit there changes no check result the
// clerk can see, the checks waiting for blanks being folded (and built only when unfolded).
//
// It looks only at what each batch of DOM changes adds or changes: a probe that queried the whole
// document on each batch cost some 300 to 400 ms of a 4× start-up itself, by polling per frame as
// much as per change (bench/README.md), and the app was blamed for it.
import { openFilledReport } from './filled-report.mjs';

export const FIRST_DIGIT = ({ cell, digit, draft }) => {
  const mark = (window.__firstLoad = {});
  const CELL = `input[data-field="${cell}"]`;
  let input = null;
  let badge = null;
  const seek = (node, selector) => (node.matches(selector) ? node : node.querySelector(selector));
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        input ??= seek(node, CELL);
        badge ??= seek(node, '.badge');
      }
    }
    if (!mark.usable && input?.isConnected && badge?.isConnected) {
      // The grid is usable once it shows what the clerk left there (a blank report: at once).
      if (!draft || input.value !== '') {
        mark.usable = performance.now();
        performance.mark('grid-usable');
        if (!draft) return observer.disconnect();
        input.focus();
        input.value = digit;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: digit }));
        mark.typed = performance.now();
      }
    } else if (mark.usable && badge.dataset.errors !== '0') {
      mark.shown = performance.now();
      performance.mark('digit-checked');
      observer.disconnect();
    }
  });
  // The draft's figure arrives as the input's value (a property, no mutation): the attributes the
  // app sets as it opens the draft (the badge's counts among them) bring the probe back to look.
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
};

/** The cell the probe types into, and the digit (report 01_ has 1 there: 5 breaks its row's and its column's sums). */
export const FIRST_DIGIT_TARGET = { cell: 'table3.granted.other_org', digit: '5', draft: true };

/** Stores report 01_ as the draft a later visit of `browser`'s profile opens, then closes its page. */
export async function storeFilledDraft(browser, url) {
  const page = await browser.newPage();
  await openFilledReport(page, url);
  await page.waitForFunction(
    () => /^已保存/.test(document.querySelector('[data-testid="save-status"]')?.textContent.trim()),
    null,
    { timeout: 10_000 },
  );
  await page.close();
}
