// When storage fails nothing typed is lost: a full quota, storage switched off, a damaged record,
// a draft written by a newer version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { draftsSession, report, draftFile, DRAFT_PREFIX, BACKUP_PREFIX } from './drafts.page.mjs';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

/** Fills localStorage with junk (under another app's keys) until it refuses even one more character. */
async function fillQuota(page) {
  return page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`other-app:junk:${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return n;
  });
}

test('fill localStorage to its quota, keep typing: banner, export, nothing lost', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.typeText('unit_name', '平潭综合实验区社会事业局');
  await d.saved();
  assert.ok((await fillQuota(d.page)) > 0);

  await d.typeText('overview', '存储已满之后输入的文字，一个字也不能丢。');
  await d.typeInto('table3.new_received.natural', '13');
  const banner = d.page.getByTestId('storage-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /浏览器本地存储空间已满.*请先「导出草稿文件」/);
  assert.match(await d.statusText(), /^保存失败：浏览器本地存储空间已满/);
  // What was typed stays on screen.
  assert.equal(await d.field('overview').inputValue(), '存储已满之后输入的文字，一个字也不能丢。');

  const file = await d.download(banner.getByRole('button', { name: '导出草稿文件' }));
  assert.equal(file.name, '平潭综合实验区社会事业局' + (await d.page.locator('select[name="year"]').inputValue()) + '年政府信息公开工作年度报告-草稿.json');
  const exported = JSON.parse(file.text).report;
  assert.equal(exported.unit_name, '平潭综合实验区社会事业局');
  assert.equal(exported.sections.overview, '存储已满之后输入的文字，一个字也不能丢。');
  assert.equal(exported.table3.new_received.natural, '13');

  // Space freed: 「重试保存」 writes it, the banner goes, and a reload brings everything back.
  await d.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('other-app:')).forEach((k) => localStorage.removeItem(k)));
  await banner.getByRole('button', { name: '重试保存' }).click();
  await d.saved();
  assert.equal(await banner.count(), 0);
  await d.reload();
  assert.equal(await d.field('overview').inputValue(), '存储已满之后输入的文字，一个字也不能丢。');
  assert.equal(await d.cell('table3.new_received.natural').inputValue(), '13');
});

test('storage switched off: the app works from memory, says so and offers export', async () => {
  const browser = await session.browser();
  await browser.context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const d = await session.open(browser);
  const banner = d.page.getByTestId('storage-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /不允许本页使用本地存储/);
  await d.typeText('unit_name', '某某镇人民政府');
  await d.page.waitForTimeout(600);
  assert.match(await d.statusText(), /^保存失败：/);
  const file = await d.download(banner.getByRole('button', { name: '导出草稿文件' }));
  assert.equal(JSON.parse(file.text).report.unit_name, '某某镇人民政府');
  assert.deepEqual(d.consoleErrors, []);
});

test('corrupt the stored JSON by hand, reload: the app starts and the raw text is kept', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.typeText('unit_name', '平潭综合实验区自然资源与生态环境局');
  await d.saved();
  const [{ key, raw }] = await d.stored();
  const damaged = raw.slice(0, Math.floor(raw.length / 2)) + '……手工改坏';
  await d.page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, damaged]);

  await d.reload();
  const alert = d.page.getByTestId('storage-alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /无法读取（保存的数据已损坏.*原始内容已原样另存为备份/);
  // The raw text, exactly, under a backup key; the damaged record is gone from the list.
  const backups = await d.page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), BACKUP_PREFIX);
  assert.equal(backups.length, 1);
  assert.equal(await d.storageItem(backups[0]), damaged);
  assert.equal(await d.storageItem(key), null);

  // The app works: a new draft is saved.
  await d.typeText('unit_name', '新的草稿');
  await d.saved();
  assert.equal((await d.stored()).length, 1);

  // The backup can be downloaded from the drafts list.
  const list = await d.openList();
  const file = await d.download(list.getByTestId('backup').getByRole('button', { name: '下载原始内容' }));
  assert.equal(file.text, damaged);
  assert.deepEqual(d.consoleErrors, []);
});

test('a draft written by a newer version opens read-only with a message and is never written over', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  const newer = JSON.parse(draftFile(report('08_')));
  newer.version = 99;
  newer.report.field_of_the_future = { kept: true };
  const record = JSON.stringify({ schema: 1, app_version: '9.9.9', saved_at: Date.now(), draft: newer });
  const key = `${DRAFT_PREFIX}1a000000000-00000001`;
  await d.page.evaluate(([k, v]) => {
    localStorage.setItem(k, v);
    localStorage.setItem('xxgk-report:last-opened', k.split(':').pop());
  }, [key, record]);

  await d.reload();
  const banner = d.page.getByTestId('read-only-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /较新版本（9\.9\.9）保存，本版本只能查看，不能修改/);
  assert.equal(await d.field('unit_name').inputValue(), '平潭综合实验区君山片区管理局');
  assert.equal(await d.field('unit_name').getAttribute('readonly'), '');
  await d.field('overview').click();
  await d.page.keyboard.type('不应写入');
  await d.page.waitForTimeout(600);
  assert.equal(await d.storageItem(key), record, 'the newer record is untouched');
  // Exported as stored: the newer version's fields survive.
  const file = await d.download(banner.getByRole('button', { name: '导出草稿文件' }));
  assert.deepEqual(JSON.parse(file.text), newer);
});

test('storage full: switching or starting another draft never drops the unsaved edits', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.typeText('unit_name', '甲局');
  await d.saved();
  await d.page.locator('.drafts-bar').getByRole('button', { name: '新建草稿' }).click();
  await d.typeText('unit_name', '乙局');
  await d.saved();
  assert.ok((await fillQuota(d.page)) > 0);
  // Long enough that the record grows past the quota whatever the blank draft held.
  const overview = '乙局存储已满后写的概述，'.repeat(40) + '完。';
  await d.typeText('overview', overview);
  await d.page.getByTestId('storage-banner').waitFor();

  // Opening 甲局 is refused with the reason; 乙局's text stays in the editor.
  let list = await d.openList();
  await list.locator('tbody tr', { hasText: '甲局' }).getByRole('button', { name: '打开' }).click();
  const alert = d.page.getByTestId('storage-alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /当前草稿的修改还没能保存（浏览器本地存储空间已满.*），为免丢失，没有切换草稿/);
  assert.equal(await d.field('unit_name').inputValue(), '乙局');
  assert.equal(await d.field('overview').inputValue(), overview);

  // 「新建草稿」 goes ahead, keeping the unsaved edits in the list's trash, from where they export.
  await d.page.keyboard.press('Escape');
  await d.page.locator('.drafts-bar').getByRole('button', { name: '新建草稿' }).click();
  assert.equal(await d.field('unit_name').inputValue(), '');
  list = await d.openList();
  const kept = list.locator('.trash li', { hasText: '未能保存的修改' });
  assert.match(await kept.textContent(), /乙局 \d{4}年（未能保存的修改）/);
  const file = await d.download(kept.getByRole('button', { name: '导出' }));
  const exported = JSON.parse(file.text).report;
  assert.equal(exported.unit_name, '乙局');
  assert.equal(exported.sections.overview, overview);
});
