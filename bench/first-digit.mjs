// The start-up probe of bench/editor-latency.mjs and bench/keystroke-profile.mjs --start-up, put
// into the page before any script (page.addInitScript(FIRST_DIGIT, { cell, check })): once the cell
// and the check's panel entry are there, it types a digit into the cell, as a clerk who starts at
// once would, and records when the entry shows its new result. In window.__firstLoad: usable
// (the grid is there), typed, shown (performance.now() times); also performance marks
// 'grid-usable' and 'digit-checked' for a trace.
//
// It looks only at what each batch of DOM changes adds (and, once the digit is typed, at the
// changes inside the check's entry): a probe that queried the whole document on each batch cost
// some 300 to 400 ms of a 4× start-up itself, by polling per frame as much as per change
// (bench/README.md), and the app was blamed for it.
export const FIRST_DIGIT = ({ cell, check }) => {
  const mark = (window.__firstLoad = {});
  const CELL = `input[data-field="${cell}"]`;
  const ENTRY = `[data-check="${check}"]`;
  let input = null;
  let entry = null;
  const seek = (node, selector) => (node.matches(selector) ? node : node.querySelector(selector));
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      if (mark.usable && target?.closest(ENTRY)) entry = target.closest(ENTRY);
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (!mark.usable) input ??= seek(node, CELL);
        entry = seek(node, ENTRY) ?? entry;
      }
    }
    if (!mark.usable && input?.isConnected && entry?.isConnected) {
      mark.usable = performance.now();
      performance.mark('grid-usable');
      mark.before = entry.textContent;
      input.focus();
      input.value = '5';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '5' }));
      mark.typed = performance.now();
    } else if (mark.usable && entry?.isConnected && entry.textContent !== mark.before) {
      mark.shown = performance.now();
      performance.mark('digit-checked');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
};

/** The cell the probe types into and the check it watches. */
export const FIRST_DIGIT_TARGET = { cell: 'table3.new_received.natural', check: 't3.balance.natural' };
