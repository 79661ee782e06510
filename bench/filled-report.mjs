// The page both keystroke benchmarks type into: report 01_ filled in with automatic totals off (so
// that every keystroke flips checks), with no failing table check, its text checks settled.
import { Editor, report } from '../tests/e2e/editor.page.mjs';

export async function openFilledReport(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('[data-field]').first().waitFor();
  const ed = new Editor(page, []);
  await ed.fill(report('01_'), { autoTotals: false });
  await ed.waitForBadge('全部通过'); // the text checks run once typing pauses
  // Samples end on a change of the error count: warnings (a text check) may remain.
  if ((await page.locator('.badge').getAttribute('data-errors')) !== '0') {
    throw new Error(`the filled report has errors: ${await ed.badge()}`);
  }
  return ed;
}
