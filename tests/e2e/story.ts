// What the presentation tests share: Lào Cai's story as its author wrote it (the expected cameras and
// titles come from the file), the projector's size, and waiting for a slide's camera.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

export interface StoryJson {
  slides: { id: string; title: { vi: string }; camera: { center: [number, number]; zoom: number } }[];
}

export const STORY = JSON.parse(readFileSync(join(ROOT, 'data', 'regions', 'lao-cai', 'story.json'), 'utf8')) as StoryJson;

export const PROJECTOR = { width: 1920, height: 1080 };

/** Waits until the map has stopped at a slide's camera (the flight takes about 1.5 s). */
export async function waitForCamera(page: Page, cam: { center: [number, number]; zoom: number }): Promise<void> {
  await page.waitForFunction(
    (c) => {
      const m = window.__atlas!.map;
      const at = m.getCenter();
      return !m.isMoving() && Math.abs(at.lng - c.center[0]) < 1e-4 && Math.abs(at.lat - c.center[1]) < 1e-4 && Math.abs(m.getZoom() - c.zoom) < 1e-3;
    },
    cam,
    { timeout: 15_000 },
  );
}
