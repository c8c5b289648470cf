// The replay as a WebM video (issue 18), in a real browser: the export menu offers it next to the zip;
// "Huỷ" stops it with no file and the slider back; the file is read back byte by byte (EBML header,
// DocType "webm", frame size, one block per replay date at 400 ms steps, the duration) and played in
// a <video>: its size, its duration, and its first and last frames, decoded and compared with the zip's
// first and last PNG (each video frame is nearer its own PNG than the other end's, and they differ).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { readWebm } from '../../src/io/export/webm';
import { laoCai } from '../fixtures/laoCai';
import { appAndBrowser, openOffline, SCREENSHOT_DIR, waitForIdleMap } from './harness';
import { expectedFrameDates, pickReplayExport } from './replayExport';

const app = appAndBrowser();
const region = laoCai();
/** the steady pace the video promises a presenter (VIDEO_FRAME_MS in the app) */
const FRAME_MS = 400;

/** Picks an export and waits for its file; an export that fails says why (its alert) instead of timing out. */
async function download(page: Page, kind: 'zip' | 'webm', during?: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const file = page.waitForEvent('download', { timeout: 400_000 });
  const failed = page.getByText(/Không xuất được đoạn phát lại/);
  const alarm = failed.waitFor({ timeout: 400_000 }).then(
    () => 'failed' as const,
    () => 'gone' as const,
  );
  await pickReplayExport(page, kind);
  await during?.();
  const dl = await Promise.race([file, alarm]);
  if (dl === 'failed' || dl === 'gone') assert.fail(`${kind}: ${(await failed.textContent().catch(() => '')) ?? ''}`);
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync((await dl.path())!)) };
}

function pngSize(bytes: Uint8Array): { w: number; h: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { w: v.getUint32(16), h: v.getUint32(20) };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('replay as a WebM video', () => {
  it('is offered next to the zip, cancels cleanly, and holds one frame per date at the frame size, first and last different', async () => {
    const o = await openOffline(app.browser, app.url);
    const page = o.page;
    await waitForIdleMap(page);
    await page.waitForFunction(() => Boolean(window.__atlas?.store.getState().report), null, { timeout: 30_000 });
    await page.getByTestId('replay-bar').waitFor();
    const start = region.data.region.targets.find((t) => t.metric === 'clearedHa')!.periodStart!;
    const end = region.data.region.asOf;
    const dates = expectedFrameDates(region);

    // The menu: the zip, then the video, available in this Chromium.
    await page.getByTestId('replay-export').click();
    const menu = page.getByRole('menu', { name: 'Xuất đoạn phát lại thành' });
    const items = await menu.getByRole('menuitem').allTextContents();
    assert.deepEqual(items, ['Khung ảnh PNG đánh số (.zip)', 'Video WebM (.webm)']);
    assert.equal(await page.getByTestId('replay-export-webm').getAttribute('aria-disabled'), null);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // "Huỷ" while the frames are drawn: no file, the slider back where it was, a message saying so.
    let downloads = 0;
    page.on('download', () => downloads++);
    // A frame can take less than Playwright's polling interval, so the page itself watches the status line
    // and presses "Huỷ" the moment the second frame is under way (CI once saw the export finish unseen).
    await page.evaluate(() => {
      const status = document.getElementById('replay-export-status')!;
      const seen = new MutationObserver(() => {
        const m = /Đang xuất khung (\d+)\//.exec(status.textContent ?? '');
        if (!m || Number(m[1]) < 2) return;
        seen.disconnect();
        document.querySelector<HTMLButtonElement>('[data-testid="replay-export-cancel"]')?.click();
        document.body.dataset.cancelledAt = m[1];
      });
      seen.observe(status, { childList: true, characterData: true, subtree: true });
    });
    await pickReplayExport(page, 'webm');
    const stopped = page.getByText(/Không xuất được đoạn phát lại/);
    const reached = await Promise.race([
      page.getByText('Đã huỷ xuất đoạn phát lại.').waitFor({ timeout: 120_000 }).then(() => 'cancelled' as const, () => 'timeout' as const),
      stopped.waitFor({ timeout: 120_000 }).then(() => 'failed' as const, () => 'timeout' as const),
    ]);
    if (reached !== 'cancelled') assert.fail(`not cancelled at the second frame (${reached}): ${await page.getByTestId('replay-bar').textContent()}`);
    assert.equal(await page.evaluate(() => document.body.dataset.cancelledAt), '2', 'Huỷ pressed while the second frame was drawn');
    assert.equal(await page.getByTestId('replay-export-cancel').count(), 0, 'the cancel button goes with the export');
    assert.equal(await page.evaluate(() => window.__atlas!.store.getState().replayAt), null, 'the slider is back at today');
    await page.waitForTimeout(500);
    assert.equal(downloads, 0, 'a cancelled export downloads nothing');

    // The zip of the same frames, for their size and pixels.
    const zip = await download(page, 'zip');
    const pngs = unzipSync(zip.bytes);
    const names = Object.keys(pngs).sort();
    assert.equal(names.length, dates.length);
    const frameSize = pngSize(pngs[names[0]!]!);

    // The video; its progress is shown while it records.
    const vp9 = await page.evaluate(() => MediaRecorder.isTypeSupported('video/webm;codecs=vp9'));
    const video = await download(page, 'webm', () => page.getByText(new RegExp(`Đang ghi video: khung \\d+/${dates.length}`)).waitFor({ timeout: 300_000 }));
    assert.equal(video.name, `kcn-lao-cai-phat-lai-${start}-${end}.webm`);
    // EBML magic, then the walker's reading of the whole file.
    assert.deepEqual([...video.bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'an EBML header');
    const webm = readWebm(video.bytes);
    assert.equal(webm.docType, 'webm');
    assert.equal(webm.codec, vp9 ? 'V_VP9' : 'V_VP8', 'VP9 where the recorder has it, else VP8');
    assert.deepEqual({ w: webm.width, h: webm.height }, frameSize, 'the video frame is the composed frame (the zip PNG size)');
    assert.equal(webm.frames.length, dates.length, 'one frame per replay date');
    assert.deepEqual(
      webm.frames.map((f) => f.timeMs),
      dates.map((_, i) => i * FRAME_MS),
      'a steady pace: frame i starts at i × 400 ms',
    );
    assert.equal(webm.durationMs, dates.length * FRAME_MS, 'the last date is held for its full time');
    assert.ok(webm.frames[0]!.key, 'the video opens on a key frame');
    const seconds = ((dates.length * FRAME_MS) / 1000).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    await page.getByText(`Đã xuất video ${dates.length} khung, dài ${seconds} giây: ${video.name}`).waitFor();
    console.log(`webm: ${video.bytes.length} bytes, ${webm.frames.length} frames ${webm.width}×${webm.height}, ${webm.codec}, ${webm.durationMs} ms`);

    // Played in a <video> (a blank page: the test's instrument, outside the app's CSP), its first and
    // last frames decoded and set against the zip's first and last PNG.
    const lab = await o.context.newPage();
    // tsx names the helpers below with esbuild's __name(), which a blank page lacks.
    await lab.evaluate('globalThis.__name = (f) => f');
    const seen = await lab.evaluate(
      async ({ webm, first, last, n, frameMs }) => {
        const blob = (s: string, type: string) => new Blob([Uint8Array.from(atob(s), (c) => c.charCodeAt(0))], { type });
        const v = document.createElement('video');
        v.muted = true;
        v.src = URL.createObjectURL(blob(webm, 'video/webm'));
        await new Promise((ok, no) => {
          v.onloadeddata = ok;
          v.onerror = () => no(new Error(v.error?.message ?? 'video error'));
        });
        const canvas = document.createElement('canvas');
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        const grab = async (t: number) => {
          v.currentTime = t;
          await new Promise((ok) => (v.onseeked = ok));
          ctx.drawImage(v, 0, 0);
          return { pixels: ctx.getImageData(0, 0, canvas.width, canvas.height).data, png: canvas.toDataURL('image/png') };
        };
        const png = async (s: string) => {
          ctx.drawImage(await createImageBitmap(blob(s, 'image/png')), 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        };
        /**
         * The share of pixels that changed plainly (a colour channel by more than 64 of 255): what a
         * viewer sees change (text, parcel colours), not the small colour shifts of the codec.
         */
        const diff = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
          let changed = 0;
          for (let i = 0; i < a.length; i += 4) {
            if (Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!)) > 64) changed++;
          }
          return changed / (a.length / 4);
        };
        const v0 = await grab(frameMs / 2000);
        const vL = await grab(((n - 1) * frameMs + frameMs / 2) / 1000);
        const p0 = await png(first);
        const pL = await png(last);
        return {
          w: v.videoWidth,
          h: v.videoHeight,
          duration: v.duration,
          firstLast: diff(v0.pixels, vL.pixels),
          v0p0: diff(v0.pixels, p0),
          v0pL: diff(v0.pixels, pL),
          vLpL: diff(vL.pixels, pL),
          vLp0: diff(vL.pixels, p0),
          p0pL: diff(p0, pL),
          firstPng: v0.png,
          lastPng: vL.png,
        };
      },
      { webm: b64(video.bytes), first: b64(pngs[names[0]!]!), last: b64(pngs[names[names.length - 1]!]!), n: dates.length, frameMs: FRAME_MS },
    );
    const pct = (x: number) => `${(x * 100).toFixed(3)} %`;
    console.log(`decoded: ${seen.w}×${seen.h}, ${seen.duration} s; pixels changed: first↔last ${pct(seen.firstLast)}, first↔its PNG ${pct(seen.v0p0)} (↔last PNG ${pct(seen.v0pL)}), last↔its PNG ${pct(seen.vLpL)} (↔first PNG ${pct(seen.vLp0)}); first↔last PNG ${pct(seen.p0pL)}`);
    assert.deepEqual({ w: seen.w, h: seen.h }, frameSize, 'the <video> plays at the composed frame size');
    assert.ok(Math.abs(seen.duration - (dates.length * FRAME_MS) / 1000) < 0.05, `duration ${seen.duration} s`);
    assert.ok(seen.v0p0 < seen.v0pL, 'the first video frame is the first PNG, not the last');
    assert.ok(seen.vLpL < seen.vLp0, 'the last video frame is the last PNG, not the first');
    assert.ok(seen.p0pL > 0 && seen.firstLast > seen.p0pL / 2, 'the first and last video frames differ, by at least half as much as the PNGs do');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'replay-video-first.png'), Buffer.from(seen.firstPng.split(',')[1]!, 'base64'));
    writeFileSync(join(SCREENSHOT_DIR, 'replay-video-last.png'), Buffer.from(seen.lastPng.split(',')[1]!, 'base64'));
    await lab.close();
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
