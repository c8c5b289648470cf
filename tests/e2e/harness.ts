// Browser-test harness: the built app (dist/) served by Vite's preview server on localhost, and
// Debian's Chromium driven by playwright-core, with every request off localhost blocked.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Screenshots a person should look at after a run (named in the README). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  // WebGL2 through SwiftShader: no GPU on these machines.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  // Chromium's own background traffic is refused by closed networks and only adds noise.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The build under test: dist/, or E2E_DIST (so parallel runs can build into folders of their own). */
export const DIST = process.env['E2E_DIST'] ?? join(ROOT, 'dist');

export async function startServer(): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`vite build\` first`);
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    build: { outDir: DIST },
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 4179, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  return { server, url };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (sudo apt-get install -y chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface OfflinePage {
  context: BrowserContext;
  page: Page;
  /** requests that tried to leave localhost (all were blocked) */
  blocked: string[];
  /** uncaught page errors and console errors */
  errors: string[];
}

export async function openOffline(
  browser: Browser,
  url: string,
  viewport = { width: 1440, height: 900 },
): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  // Every browser test also checks the Content-Security-Policy: a refused script, style, image or
  // request is reported as a console error, which the tests collect below.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/GPU stall/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, blocked, errors };
}

/** Waits until the region is loaded and the map has drawn everything it asked for. */
export async function waitForIdleMap(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__atlas?.store.getState().region), null, { timeout: 30_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__atlas!.map;
        if (map.loaded() && !map.isMoving()) {
          // One more idle after any pending re-render, so the first frame with data is drawn.
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else {
          map.once('idle', () => resolve());
        }
      }),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** For a test file: the built app's server and Chromium, started before its tests and stopped after them. */
export function appAndBrowser(): { readonly url: string; readonly browser: Browser } {
  let server: PreviewServer | undefined;
  let url = '';
  let browser: Browser | undefined;
  before(async () => {
    ({ server, url } = await startServer());
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return url;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in before(): use it inside a test');
      return browser;
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Puts axe-core in the page. Through the DevTools protocol, not a <script> tag: the app's
 * Content-Security-Policy rightly refuses an inline script, and a test must not weaken it.
 */
export async function injectAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
}

/** axe-core's WCAG 2.x A/AA rules on the page as it is (or on one element); only serious and critical findings. */
export async function axeSerious(page: Page, where: { include?: string; exclude?: string[] } = {}): Promise<AxeFinding[]> {
  await injectAxe(page);
  return page.evaluate(
    async ({ include, exclude }) => {
      type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
      const res = await axe.run({ include: [[include]], exclude: exclude.map((s) => [s]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return res.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
    },
    { include: where.include ?? 'body', exclude: where.exclude ?? [] },
  );
}

/** Opens the "Tệp của tôi" tab; resolves to its file input once the (lazily loaded) panel has it. */
export async function openImportPanel(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Tệp của tôi' }).click();
  const input = page.getByTestId('import-input');
  await input.waitFor({ state: 'attached' });
  return input;
}

/** Opens "Tệp của tôi" and loads one file through its chooser; resolves once the panel reports how many features loaded. */
export async function importThroughChooser(page: Page, file: string, loaded: string): Promise<void> {
  const input = await openImportPanel(page);
  await input.setInputFiles(file);
  await page.getByText(loaded).waitFor();
}

/**
 * Builds the app against another folder of regions (KCN_REGIONS_DIR), into `outDir`, then deletes
 * that folder: a test's province made of fixtures, as a province would add its own.
 */
export async function buildWithRegions(regionsDir: string, outDir: string): Promise<void> {
  process.env['KCN_REGIONS_DIR'] = regionsDir;
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env['KCN_REGIONS_DIR'];
    rmSync(regionsDir, { recursive: true, force: true });
  }
}

/**
 * scripts/serve-dist.mjs serving `dir` under /ban-do-kcn/, as a presenter runs it or a shared host
 * would; resolves to the URL it prints (the one a presenter opens). The caller kills the process.
 */
export function serveDistUnderSubPath(dir: string): { child: ChildProcessWithoutNullStreams; url: Promise<string> } {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve-dist.mjs'), dir, '--port', '0', '--base', '/ban-do-kcn/']);
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    const take = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+\/ban-do-kcn\//.exec(out);
      if (m) resolve(m[0]);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => reject(new Error(`serve-dist.mjs exited with ${code}: ${out}`)));
  });
  return { child, url };
}
