// The grid's keys, as in Excel/WPS: arrows, Enter, Tab (and Shift), typing replaces a focused
// cell, and nothing moves while a Chinese input method is composing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { editorSession } from './editor.page.mjs';

const session = editorSession();
let ed;
before(async () => {
  await session.start();
  ed = await session.open();
});
after(() => session.stop());

const T3 = (row, col) => `table3.${row}.${col}`;

test('arrows, Enter and Tab move across the grid geometry; Shift reverses', async () => {
  const { page } = ed;
  await ed.cell(T3('granted', 'natural')).click();
  const steps = [
    ['ArrowRight', T3('granted', 'business')],
    ['ArrowDown', T3('partly_granted', 'business')],
    // Into the （三）不予公开 group: the group label cells are skipped.
    ['ArrowDown', T3('withheld_state_secret', 'business')],
    ['ArrowLeft', T3('withheld_state_secret', 'natural')],
    ['ArrowLeft', T3('withheld_state_secret', 'natural')], // the table's edge
    ['ArrowUp', T3('partly_granted', 'natural')],
    ['Enter', T3('withheld_state_secret', 'natural')],
    ['Shift+Enter', T3('partly_granted', 'natural')],
    ['Tab', T3('partly_granted', 'business')],
    ['Shift+Tab', T3('partly_granted', 'natural')],
  ];
  for (const [key, expected] of steps) {
    await page.keyboard.press(key);
    assert.equal(await ed.focused(), expected, `after ${key}`);
  }
  // Tab wraps to the next row, passing over the computed 总计 column.
  await ed.cell(T3('granted', 'other_org')).click();
  await page.keyboard.press('Tab');
  assert.equal(await ed.focused(), T3('partly_granted', 'natural'));
  await page.keyboard.press('Shift+Tab');
  assert.equal(await ed.focused(), T3('granted', 'other_org'));
  // 表二: down from a three-column row into a one-cell row and back up.
  await ed.cell('table2.normative_docs.in_force').click();
  await page.keyboard.press('ArrowDown');
  assert.equal(await ed.focused(), 'table2.licensing.decisions');
});

test('typing into a focused cell replaces its value; left/right leave a cell only from its edge', async () => {
  const { page } = ed;
  await ed.typeInto(T3('new_received', 'natural'), '64');
  await page.keyboard.press('ArrowUp'); // stays: first row
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Enter'); // back on the cell: its content is selected
  await page.keyboard.type('70');
  assert.equal(await ed.cell(T3('new_received', 'natural')).inputValue(), '70');
  // After typing, the caret is at the end of "70": Left moves it inside the text, Right back to
  // the end, and only a Right from the end leaves the cell.
  await page.keyboard.press('ArrowLeft');
  assert.equal(await ed.focused(), T3('new_received', 'natural'), 'Left moves the caret inside "70"');
  await page.keyboard.press('ArrowRight');
  assert.equal(await ed.focused(), T3('new_received', 'natural'), 'Right moves the caret back to the end');
  await page.keyboard.press('ArrowRight');
  assert.equal(await ed.focused(), T3('new_received', 'business'), 'from the end, Right leaves the cell');
  // F2 edits: the caret goes to the end, so typing appends.
  await ed.typeInto(T3('new_received', 'research'), '1');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('F2');
  await page.keyboard.type('2');
  assert.equal(await ed.cell(T3('new_received', 'research')).inputValue(), '12');
  // Esc undoes what was typed since the cell got the focus.
  await page.keyboard.press('Tab');
  await page.keyboard.type('99');
  await page.keyboard.press('Escape');
  assert.equal(await ed.cell(T3('new_received', 'nonprofit')).inputValue(), '');
});

test('IME composition: no key moves the focus until the composition ends, then the text is kept', async () => {
  const { page } = ed;
  const field = T3('declined_repeat', 'legal');
  await ed.cell(field).click();
  await page.evaluate((path) => {
    const input = document.querySelector(`input[data-field="${path}"]`);
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    for (const key of ['Enter', 'Tab', 'ArrowDown', 'ArrowRight']) {
      input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, isComposing: true }));
    }
    input.value = '３';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: '３', inputType: 'insertCompositionText', isComposing: true }));
  }, field);
  // Real key presses between compositionstart and compositionend do not move either.
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  assert.equal(await ed.focused(), field);
  await page.evaluate((path) => {
    const input = document.querySelector(`input[data-field="${path}"]`);
    input.value = '３';
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '３' }));
  }, field);
  assert.equal(await ed.focused(), field);
  assert.equal(await ed.cell(field).inputValue(), '３', 'the full-width digit stays as typed');
  assert.equal(await ed.cell(field).getAttribute('aria-invalid'), null, 'full-width digits are valid');
  // After the composition, keys move again.
  await page.keyboard.press('Enter');
  assert.equal(await ed.focused(), T3('declined_publication', 'legal'));
});

test('a value the core rejects stays as typed, with its Chinese message at the cell', async () => {
  const { page } = ed;
  const field = 'table2.fees.amount';
  await ed.typeInto(field, '12.3.4');
  const cell = ed.cell(field);
  assert.equal(await cell.inputValue(), '12.3.4');
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  const text = await page.locator(`[id="msg-${field}"]`).textContent();
  assert.match(text, /[\u4e00-\u9fff]/, 'the message is in Chinese');
  assert.ok(await page.locator(`[id="msg-${field}"]`).isVisible(), 'shown while the cell has the focus');
  assert.ok((await ed.checks('fail')).includes(`value.${field}`));
  // Blank is blank, not 0.
  assert.equal(await ed.cell('table2.penalty.decisions').inputValue(), '');
});

test('undo and redo cover text fields too; typing in one field is one step', async () => {
  const { page } = ed;
  const name = page.locator('input[name="unit_name"]');
  await name.click();
  await page.keyboard.type('Pingtan');
  await ed.typeInto(T3('granted', 'natural'), '5');
  await page.locator('textarea[name="overview"]').click();
  await page.keyboard.type('abc');
  await ed.undo();
  assert.equal(await page.locator('textarea[name="overview"]').inputValue(), '');
  await ed.undo();
  assert.equal(await ed.cell(T3('granted', 'natural')).inputValue(), '');
  await ed.undo();
  assert.equal(await name.inputValue(), '');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await name.inputValue(), 'Pingtan');
  await ed.redo();
  assert.equal(await ed.cell(T3('granted', 'natural')).inputValue(), '5');
  assert.deepEqual(ed.consoleErrors, []);
});
