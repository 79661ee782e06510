// The checks that need last year's report, in a draft started from it (由上年报告新建): text copied
// from last year's is flagged while typing pauses, and an all-zero 表三 after a year with
// applications is a warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { draftsSession, report, draftFile } from './drafts.page.mjs';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

test("in a next-year draft, last year's text typed again and an all-zero 表三 are flagged", async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  const { page } = d;
  // 平潭综合实验区 2021 (fixture 01): applications received, a long 一.
  const last = report('01_');
  await d.import([{ name: 'pingtan-2021.json', text: draftFile(last) }]);
  await page.waitForFunction(() => document.querySelector('input[name="unit_name"]').value === '平潭综合实验区');
  await page.locator('.drafts-bar').getByRole('button', { name: '由上年报告新建' }).click();
  await page.getByTestId('next-year-dialog').getByRole('button', { name: /^平潭综合实验区 2021年/ }).click();
  await d.saved();
  assert.equal(await page.locator('select[name="year"]').inputValue(), '2022');

  // Last year's 一, typed again with this year's number: flagged as repeated.
  await d.typeText('overview', last.text.overview.replaceAll('2021', '2022'));
  const repeated = page.locator('[data-check="text.repetition.overview"][data-status="fail"]');
  await repeated.waitFor();
  assert.match(await repeated.textContent(), /第一部分与2021年报告的同一部分重复约\d+%，超过50%/);
  // Rewritten: the warning goes.
  await page.locator('textarea[name="overview"]').fill('2022年，本区围绕优化营商环境，新开设政策问答专栏，全年举办政府开放日活动三场，邀请群众代表参与政策制定讨论。');
  await repeated.waitFor({ state: 'detached' });

  // Every cell 0 although last year had applications: a warning on 表三.
  await page.getByRole('button', { name: '空格填 0' }).click();
  // 上年结转 came from last year's 结转 (1 in 自然人): set to 0 as well.
  await d.typeInto('table3.carried_over.natural', '0');
  await page.keyboard.press('Enter');
  const zero = page.locator('[data-check="plausible.zero.table3"][data-status="fail"]');
  await zero.waitFor();
  assert.match(await zero.textContent(), /表三各项均为0，而上年（2021年）新收和上年结转的申请共\d+件/);
  assert.deepEqual(d.consoleErrors ?? [], []);
});
