// The text checks in the browser: a figure in 一 that contradicts 表三 is flagged once typing
// pauses; clicking the warning selects the sentence in its text area; the standard sentence
// drafted from the tables goes in at the caret and reads back without a warning; a warning marked
// 「已核实」 leaves the badge, stays marked after a reload, and lapses when its figure changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { editorSession } from './editor.page.mjs';
import { waitForApp } from './lib/harness.mjs';

const session = editorSession();
before(() => session.start());
after(() => session.stop());

/** 2024: 5 applications from 自然人, all 予以公开, every other cell 0. */
async function fiveApplications(ed) {
  await ed.selectYear(2024);
  await ed.typeInto('table3.new_received.natural', '5');
  await ed.typeInto('table3.granted.natural', '5');
  await ed.page.getByRole('button', { name: '空格填 0' }).click();
  assert.deepEqual(await ed.checks('fail'), []);
}

const received = '[data-check^="text.figure.overview.received"]';

test('a wrong figure in 一 is flagged; clicking the warning selects its sentence', async () => {
  const ed = await session.open();
  const { page } = ed;
  await fiveApplications(ed);
  const opening = '2024年，我局扎实推进政务公开工作。';
  const wrong = '全年共收到政府信息公开申请7件。';
  await ed.typeText('overview', opening + wrong);
  const warning = page.locator(`${received}[data-status="fail"]`);
  await warning.waitFor();
  assert.match(await warning.textContent(), /文中收到的申请为7件.*为5/);
  assert.equal(await ed.badge(), '1 处提醒');

  await warning.locator('.check-button').click();
  const selection = await page.evaluate(() => {
    const area = document.querySelector('textarea[name="overview"]');
    return {
      focused: document.activeElement === area,
      text: area.value.slice(area.selectionStart, area.selectionEnd),
    };
  });
  assert.deepEqual(selection, { focused: true, text: wrong });

  // Corrected, the warning turns into a pass.
  await page.locator('textarea[name="overview"]').fill(opening + '全年共收到政府信息公开申请5件。');
  await warning.waitFor({ state: 'detached' });
  await ed.showPassed();
  await page.locator(`${received}[data-status="pass"]`).waitFor();
  assert.equal(await ed.badge(), '全部通过');
  assert.deepEqual(ed.consoleErrors, []);
});

test('the drafted sentence goes in at the caret, never over the text, and reads back clean', async () => {
  const ed = await session.open();
  const { page } = ed;
  await fiveApplications(ed);
  const area = page.locator('textarea[name="overview"]');
  await ed.typeText('overview', '开头。结尾。');
  // Caret after 「开头。」.
  await area.evaluate((a) => a.setSelectionRange(3, 3));
  await page.getByRole('button', { name: '插入申请办理情况标准表述' }).click();
  const value = await area.inputValue();
  assert.equal(
    value,
    '开头。2024年，共收到政府信息公开申请5件（其中自然人5件、法人或其他组织0件），上年结转0件；办结5件，其中予以公开5件；结转下年度继续办理0件。结尾。',
  );
  await page.getByRole('button', { name: '插入复议、诉讼情况标准表述', exact: true }).click();
  assert.match(await area.inputValue(), /本机关未发生因政府信息公开引起的行政复议、行政诉讼。结尾。$/);
  // Read back by the checks: its figures pass, nothing fails.
  await ed.showPassed();
  await page.locator(`${received}[data-status="pass"]`).waitFor();
  assert.deepEqual(await ed.checks('fail'), []);

  // With a blank in 表三 the sentence cannot be written: a message, and the text is untouched.
  await ed.typeInto('table3.granted.business', '');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  const before = await area.inputValue();
  await page.getByRole('button', { name: '插入申请办理情况标准表述' }).click();
  assert.match(await ed.notice(), /表三还有空格/);
  assert.equal(await area.inputValue(), before);
  assert.deepEqual(ed.consoleErrors, []);
});

test('a warning marked 已核实 leaves the badge, survives a reload, and lapses when its cell changes', async () => {
  const ed = await session.open();
  const { page } = ed;
  await fiveApplications(ed);
  await ed.typeText('overview', '2024年，我局扎实推进政务公开工作。全年共收到政府信息公开申请7件。');
  const failing = page.locator(`.failures ${received}[data-status="fail"]`);
  await failing.waitFor();
  assert.equal(await ed.badge(), '1 处提醒');

  await failing.getByRole('button', { name: '标记为已核实' }).click();
  await failing.getByRole('textbox', { name: '核实说明' }).fill('另有2件当面申请，已在第一部分说明');
  await failing.getByRole('button', { name: '确定已核实' }).click();
  const marked = page.locator(`.verified-group ${received}[data-status="verified"]`);
  await marked.waitFor({ state: 'attached' });
  assert.equal(await failing.count(), 0);
  assert.match(await marked.textContent(), /核实说明：另有2件当面申请，已在第一部分说明/);
  await ed.waitForBadge('全部通过');
  assert.equal(await ed.badge(), '全部通过');
  assert.match(await page.locator('.verified-group summary').textContent(), /已核实 1 项/);

  // Saved with the draft: reload, still marked.
  await page.waitForFunction(() => Object.keys(localStorage).some(
    (k) => k.startsWith('xxgk-report:draft:') && localStorage.getItem(k).includes('另有2件当面申请'),
  ));
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { selector: '[data-field]' });
  await page.locator(`.verified-group ${received}[data-status="verified"]`).waitFor({ state: 'attached' });
  await ed.waitForBadge('全部通过');
  assert.equal(await ed.badge(), '全部通过');

  // The figure it is about changes: the mark no longer applies, the warning is back.
  await ed.typeInto('table3.new_received.natural', '6');
  await page.keyboard.press('Enter');
  await failing.waitFor();
  assert.equal(await page.locator(`.verified-group ${received}`).count(), 0);
  assert.match(await ed.badge(), /1 处提醒/);
  // Back to 5: the same figures as verified, marked again.
  await ed.typeInto('table3.new_received.natural', '5');
  await page.keyboard.press('Enter');
  await marked.waitFor({ state: 'attached' });
  // Unmarked by hand: a failure again.
  await page.locator('.verified-group summary').click();
  await marked.getByRole('button', { name: '取消核实' }).click();
  await failing.waitFor();
  assert.equal(await ed.badge(), '1 处提醒');
  assert.deepEqual(ed.consoleErrors, []);
});
