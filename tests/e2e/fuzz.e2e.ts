// Damaged files through the real file chooser, in Chromium (its own DOMParser, TextDecoder, zip and
// DXF readers loaded on demand): 4 seeded fuzz cases per format. Each must end with a new layer or
// the error alert naming the file, never a page error or an "unexpected error"; the layer loaded
// first must stay as it was, and the page must still answer at once after every file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appAndBrowser, openImportPanel, openOffline, ROOT, waitForIdleMap } from './harness';
import { caseKeys, makeCase } from '../fuzz/cases';

const app = appAndBrowser();
const KML = join(ROOT, 'tests', 'fixtures', 'io', 'cong-thong-tin.kml');
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);

interface Ending {
  kind: string;
  code?: string;
  layers: { id: string; count: number }[];
}

function ending(page: Page, fileName: string): Promise<Ending> {
  return page
    .waitForFunction(
      (name) => {
        const s = window.__atlas!.store.getState();
        return s.importBusy === null && s.importNotice !== null && 'fileName' in s.importNotice && s.importNotice.fileName === name;
      },
      fileName,
      { timeout: 15_000 },
    )
    .then(() =>
      page.evaluate(() => {
        const s = window.__atlas!.store.getState();
        const n = s.importNotice!;
        return {
          kind: n.kind,
          ...(n.kind === 'error' ? { code: n.code } : {}),
          layers: s.imports.map((l) => ({ id: l.id, count: l.features.features.length })),
        };
      }),
    );
}

/** A round trip to the page within 3 s: it is not frozen. */
async function responds(page: Page): Promise<boolean> {
  const answer = page.evaluate(() => 1 + 1).then((x) => x === 2);
  const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000));
  return Promise.race([answer, late]);
}

describe('damaged files in the browser', () => {
  it('every fuzzed file ends in a layer or an alert naming it; nothing else changes', async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);
    const input = await openImportPanel(page);
    await input.setInputFiles(KML);
    const first = await ending(page, 'cong-thong-tin.kml');
    assert.equal(first.kind, 'loaded');
    const kept = first.layers[0]!;

    const dir = mkdtempSync(join(tmpdir(), 'kcn-fuzz-'));
    const cases = caseKeys(SEED, 4).map(makeCase).filter((c) => c.file.bytes.length <= 3_000_000);
    let loaded = 0;
    let refused = 0;
    for (const [i, c] of cases.entries()) {
      // A name of its own, so each case's notice is told from the last one's.
      const name = `${i}-${c.file.name}`;
      const path = join(dir, name);
      writeFileSync(path, c.file.bytes);
      const before = await page.evaluate(() => window.__atlas!.store.getState().imports.length);
      await input.setInputFiles(path);
      const end = await ending(page, name).catch(() => null);
      assert.ok(end, `${c.key} (${name}): no notice within 15 s`);
      assert.notEqual(end.code, 'unexpected', `${c.key}: an unexpected error`);
      assert.ok(await responds(page), `${c.key}: the page did not answer within 3 s`);
      assert.deepEqual(end.layers.find((l) => l.id === kept.id), kept, `${c.key}: the first layer changed`);
      if (end.kind === 'error') {
        refused++;
        assert.equal(end.layers.length, before, `${c.key}: a refused file changed the layers`);
        const alert = await page.getByRole('alert').innerText();
        if (!['bad-shp', 'bad-dbf', 'unknown-prj'].includes(end.code ?? '')) assert.ok(alert.includes(name.slice(0, 79)), `${c.key}: alert does not name the file: ${alert}`);
      } else {
        loaded++;
        assert.equal(end.kind, 'loaded', `${c.key}: ${end.kind}`);
        assert.equal(end.layers.length, before + 1, `${c.key}: no new layer`);
      }
    }
    assert.ok(cases.length >= 28, `${cases.length} cases`);
    assert.ok(loaded > 0 && refused > 0, `loaded ${loaded}, refused ${refused}`);
    const pageErrors = o.errors.filter((e) => e.startsWith('pageerror'));
    assert.deepEqual(pageErrors, []);
    await o.context.close();
  });
});
