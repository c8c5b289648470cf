// `tsx scripts/build-pages.ts [--out dist] [--no-png]`, run by `vite build` (vite.config.ts › kcn-static-pages) after the
// app is written: a static page per park and cluster and per province, in Vietnamese and English, under
// <out>/pages/, with a small SVG map each, a sitemap.xml and a robots.txt at the base. The pages are the app's
// own fact-sheet components rendered to HTML (features/pages), from the same validated region data, so they
// never drift from the map. Absolute addresses (sitemap, canonical, og:image) need the site's address:
// KCN_SITE_URL=https://portal.example/ban-do-kcn/ npm run build.
import { register } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { buildReport } from '../src/analytics/report';
import { prepareRegion } from '../src/domain/prepare';
import '../src/domain/zodVietnamese';
import { formatIssue, validateRegion } from '../src/domain/validate';
import { cspValue, regionDataOrigins } from '../src/app/contentSecurityPolicy';
import { loadMessages } from '../src/i18n/catalogue';
import type { Lang } from '../src/i18n/format';
import { siteTitle } from '../src/i18n/siteTitle';
import { createAppStore } from '../src/store/createAppStore';
import { StoreProvider } from '../src/store/context';
import { provideBasemapRoads } from '../src/features/details/basemapRoads';
import { OSM_BASEMAP_FILES } from '../src/map/layers/osmLines';
import { RegionPage } from '../src/features/pages/RegionPage';
import { anchorOf, pageFile, PAGES_DIR, type PageLinks } from '../src/features/pages/PageShell';
import { listRegionIds, readRegionFiles, REGIONS_DIR } from './regionFs';
import { locatorSvg } from './pages/locatorSvg';
import { locatorPng } from './pages/locatorPng';

const ROOT = resolve(import.meta.dirname, '..');
const LANGS: Lang[] = ['vi', 'en'];

function outDir(argv: string[]): string {
  const i = argv.indexOf('--out');
  return resolve(i >= 0 && argv[i + 1] ? argv[i + 1]! : join(ROOT, 'dist'));
}

/** KCN_SITE_URL with a trailing slash, or null: without it every address stays relative. */
function siteUrl(): string | null {
  const u = process.env['KCN_SITE_URL'];
  if (!u) return null;
  if (!/^https?:\/\//.test(u)) throw new Error(`KCN_SITE_URL phải bắt đầu bằng http:// hoặc https:// (nhận được "${u}")`);
  return u.endsWith('/') ? u : `${u}/`;
}

const CHARSET = '<meta charSet="UTF-8"/>';

// The app's components import their stylesheets (Vite bundles them); in Node a stylesheet is nothing.
const IGNORE_CSS = 'export async function load(u, c, next) { return u.endsWith(".css") ? { format: "module", source: "", shortCircuit: true } : next(u, c); }';
register(`data:text/javascript,${encodeURIComponent(IGNORE_CSS)}`);

async function main(): Promise<void> {
  // After the hook above: the site page reaches a component that imports a stylesheet.
  const { SitePage } = await import('../src/features/pages/SitePage');
  const out = outDir(process.argv.slice(2));
  const pagesDir = join(out, PAGES_DIR);
  mkdirSync(pagesDir, { recursive: true });
  const base = siteUrl();
  const regionIds = listRegionIds();
  const regionFiles = regionIds.map((id) => ({ id, files: readRegionFiles(id) }));
  // The same policy as the app's index.html (vite.config.ts), so a page is held to the same rules; first
  // after the charset, so that it covers every tag of the page.
  const csp = `<meta http-equiv="Content-Security-Policy" content="${cspValue(regionDataOrigins(regionFiles.map((r) => r.files.region)))}"/>`;
  const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => {
    const markup = renderToStaticMarkup(el);
    if (!markup.includes(CHARSET)) throw new Error('trang tĩnh: không thấy thẻ charset để đặt chính sách bảo mật (CSP) sau nó');
    return `<!doctype html>\n${markup.replace(CHARSET, CHARSET + csp)}\n`;
  };
  const links: PageLinks = {
    absolute: base ? (file) => `${base}${PAGES_DIR}/${file}` : null,
  };
  const messages = { vi: await loadMessages('vi'), en: await loadMessages('en') };
  const roadsFile = join(ROOT, 'public', 'basemap', OSM_BASEMAP_FILES.osmRoads);
  if (existsSync(roadsFile)) provideBasemapRoads(JSON.parse(readFileSync(roadsFile, 'utf8')) as FeatureCollection<LineString, { ref?: string }>);
  const provinces = JSON.parse(readFileSync(join(ROOT, 'public', 'basemap', 'provinces.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { id: string }>;

  const written: string[] = [];
  const write = (file: string, text: string) => {
    writeFileSync(join(pagesDir, file), text);
    written.push(file);
  };
  // The SVG is shown on the page (sharp at any size); the PNG is the link preview (og:image).
  // --no-png: the dev server's pages (scripts/devPages.ts), which no link preview reads.
  const png = !process.argv.includes('--no-png');
  let pngMs = 0;
  const writePicture = (name: string, svg: string) => {
    writeFileSync(join(pagesDir, `${name}.svg`), svg);
    if (!png) return;
    const t0 = performance.now();
    writeFileSync(join(pagesDir, `${name}.png`), locatorPng(svg));
    pngMs += performance.now() - t0;
  };
  for (const { id, files } of regionFiles) {
    const { data, issues } = validateRegion(files);
    if (!data) throw new Error(`${REGIONS_DIR}/${id}: dữ liệu không hợp lệ, không tạo trang:\n${issues.map(formatIssue).join('\n')}`);
    const region = prepareRegion(data);
    const report = buildReport(region, data.region.asOf);
    const store = createAppStore({ regionId: id });
    store.getState().setRegion(region);
    const shape = (provinces.features.find((f) => f.properties.id === data.region.basemapProvinceId) ?? null) as Feature<Polygon | MultiPolygon> | null;
    const dots = data.sites.features.flatMap((f) => {
      const at = anchorOf(region, f.properties.id);
      return at ? [{ id: f.properties.id, at, kind: f.properties.kind }] : [];
    });
    const bbox = data.region.bbox as [number, number, number, number];
    writePicture(`${id}`, locatorSvg({ province: shape, bbox, dots, focus: null, caption: data.region.name.vi, title: messages.vi.page_provinceTitle(data.region.name.vi) }));
    for (const lang of LANGS) {
      const t = messages[lang];
      store.getState().setLang(lang);
      write(pageFile(id, lang), html(createElement(RegionPage, { region, report, t, lang, links })));
      for (const f of data.sites.features) {
        const sid = f.properties.id;
        const row = report.sites.find((r) => r.id === sid);
        const page = createElement(StoreProvider, { store, children: createElement(SitePage, { region, siteId: sid, row, t, lang, links }) });
        write(pageFile(sid, lang), html(page));
        if (lang === 'vi') {
          const title = siteTitle(t, f.properties.kind, f.properties.name.vi);
          writePicture(sid, locatorSvg({ province: shape, bbox, dots, focus: sid, caption: title, title: t.page_mapAlt(title, data.region.name.vi) }));
        }
      }
    }
  }
  copyFileSync(join(ROOT, 'scripts', 'pages', 'page.css'), join(pagesDir, 'page.css'));

  // The sitemap lists each page once per language with its alternate; search engines require absolute
  // addresses there, so without KCN_SITE_URL it lists them relative to the base and says so.
  const loc = (file: string) => (base ? `${base}${PAGES_DIR}/${file}` : `${PAGES_DIR}/${file}`);
  const ids = [...new Set(written.map((f) => f.replace(/(\.en)?\.html$/, '')))];
  const urls = ids.flatMap((id) =>
    LANGS.map(
      (lang) =>
        `  <url><loc>${loc(pageFile(id, lang))}</loc>${LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${loc(pageFile(id, l))}"/>`).join('')}</url>`,
    ),
  );
  writeFileSync(
    join(out, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${base ? `  <url><loc>${base}</loc></url>\n` : ''}${urls.join('\n')}\n</urlset>\n`,
  );
  writeFileSync(join(out, 'robots.txt'), `User-agent: *\nAllow: /\n${base ? `Sitemap: ${base}sitemap.xml\n` : ''}`);

  const sites = written.filter((f) => !regionIds.some((r) => f === pageFile(r, 'vi') || f === pageFile(r, 'en')));
  console.log(`\nTrang tĩnh (${PAGES_DIR}/): ${written.length} trang — ${regionIds.length} tỉnh và ${sites.length / 2} khu, cụm, mỗi trang tiếng Việt và tiếng Anh`);
  for (const f of written) console.log(`  ${PAGES_DIR}/${f}`);
  if (png) console.log(`  ảnh xem trước (PNG 1200 × 630) cho mỗi khu, cụm và tỉnh: ${(pngMs / 1000).toFixed(1)} s`);
  console.log(`  sitemap.xml (${urls.length} địa chỉ), robots.txt${base ? '' : ' — chưa đặt KCN_SITE_URL: sitemap ghi địa chỉ tương đối, công cụ tìm kiếm cần địa chỉ đầy đủ'}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
