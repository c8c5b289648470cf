// What the documents order, in a real browser: the Tasks tab (Lạng Sơn's notice of 03/10/2025) and a
// fact sheet with its tasks and rules. Expected counts are read from the region files, not the app.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appAndBrowser, openOffline, ROOT, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const tasksOf = (region: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'data', 'regions', region, 'tasks.json'), 'utf8')) as { tasks: { id: string; deadline: { kind: string } }[] }).tasks;

describe('tasks and rules, offline', () => {
  it('lists Lạng Sơn’s tasks by deadline, undated ones last without a countdown, and opens a task’s site', async () => {
    const tasks = tasksOf('lang-son');
    const o = await openOffline(app.browser, `${app.url}?region=lang-son&tab=tasks`);
    await waitForIdleMap(o.page);
    const panel = o.page.locator('.tasks-panel');
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Theo thời hạn' }).click();
    const items = panel.locator('li.task');
    assert.equal(await items.count(), tasks.length);
    // the earliest last day: "chậm nhất ngày 10/10/2025" (notice items 7 and 8)
    assert.match((await items.first().textContent()) ?? '', /chậm nhất ngày 10\/10\/2025/);
    const undated = tasks.filter((t) => t.deadline.kind === 'none').length;
    assert.equal(await panel.locator('li.task-no-date').count(), undated);
    for (const text of await panel.locator('li.task-no-date').allTextContents()) assert.doesNotMatch(text, /còn \d+ ngày|quá hạn/);
    await screenshot(o.page, 'tasks-view');
    await panel.locator('li[data-task="ls-hoa-son-1-minerals"]').getByRole('button', { name: 'CCN Hòa Sơn 1' }).click();
    await o.page.getByRole('heading', { name: 'CCN Hòa Sơn 1', level: 2 }).waitFor();
    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.blocked, []);
    await o.context.close();
  });

  it('shows a cluster’s tasks and the rules that govern it on its fact sheet', async () => {
    const o = await openOffline(app.browser, `${app.url}?region=lang-son&sel=site:ls-ccn-dinh-lap`);
    await waitForIdleMap(o.page);
    const details = o.page.getByTestId('details');
    await details.getByRole('heading', { name: 'Nhiệm vụ liên quan' }).waitFor();
    const text = (await details.textContent()) ?? '';
    assert.ok(text.includes('trước ngày 20/10/2025'), 'the 110 kV line deadline as the notice words it');
    assert.ok(text.includes('hoàn thành hệ thống xử lý nước thải tập trung trước khi đưa cụm vào hoạt động'), 'the wastewater rule of QĐ 609');
    // the end of the task list and the rules below it
    await details.getByRole('heading', { name: 'Quy định áp dụng' }).scrollIntoViewIfNeeded();
    await screenshot(o.page, 'fact-sheet-tasks-rules');
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });

});
