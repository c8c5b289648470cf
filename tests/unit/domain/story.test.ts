import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue, validateRegion } from '../../../src/domain/validate';
import { readRegionFiles } from '../../../scripts/regionFs';
import { asFiles, miniRegion } from '../../fixtures/miniRegion';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A story for the mini region: a cover and a slide on its park, as an author would write them. */
function miniStory() {
  return {
    title: { vi: 'Tỉnh Thử', en: 'Test Province' },
    slides: [
      {
        id: 'bia',
        title: { vi: 'Tỉnh Thử', en: 'Test Province' },
        camera: { center: [104.25, 22.25], zoom: 9 },
      },
      {
        id: 'kcn-a',
        title: { vi: 'KCN A', en: 'KCN A' },
        text: { vi: 'Mặt bằng sạch.', en: 'Clean land.' },
        camera: { center: [104.305, 22.305], zoom: 13, bearing: 20, pitch: 30 },
        layers: ['kcn-existing', 'clearance'],
        highlight: ['mini-kcn-a'],
        targets: ['clean-land'],
        figures: [{ type: 'road', id: 'mini-road-a' }],
        sources: [{ doc: 'plan', where: 'II.3' }],
        durationSeconds: 12,
      },
    ],
  };
}
type MiniStory = ReturnType<typeof miniStory>;

function validateWith(mutate: (s: MiniStory) => void) {
  const story = miniStory();
  mutate(story);
  return validateRegion({ ...asFiles(miniRegion()), story });
}

/** The messages a planner reads (file › slide › field: what is wrong). */
function messages(mutate: (s: MiniStory) => void): string[] {
  const r = validateWith(mutate);
  expect(r.data).toBeNull();
  return r.issues.map(formatIssue);
}

describe('story.json', () => {
  it('is optional: a region without one loads with no story', () => {
    const r = validateRegion(asFiles(miniRegion()));
    expect(r.issues).toEqual([]);
    expect(r.data?.story).toBeNull();
  });

  it('loads a valid story with the defaults an author may leave out', () => {
    const r = validateWith(() => undefined);
    expect(r.issues).toEqual([]);
    const story = r.data!.story!;
    expect(story.slides.map((s) => s.id)).toEqual(['bia', 'kcn-a']);
    // Kiosk times fall back to 20 s a slide and 60 s of idle time; a cover has no widgets and shows every layer.
    expect(story.kiosk).toEqual({ slideSeconds: 20, idleSeconds: 60 });
    expect(story.slides[0]).toMatchObject({ camera: { bearing: 0, pitch: 0 }, highlight: [], targets: [], figures: [] });
    expect(story.slides[0]!.layers).toBeUndefined();
    expect(story.slides[1]).toMatchObject({ camera: { bearing: 20, pitch: 30 }, layers: ['kcn-existing', 'clearance'], durationSeconds: 12 });
  });

  it('names the slide and field of a site, target, figure or source that the region does not have', () => {
    expect(
      messages((s) => {
        s.slides[1]!.highlight = ['mini-kcn-a', 'mini-kcn-z'];
        s.slides[1]!.targets = ['cleared'];
        s.slides[1]!.figures = [{ type: 'relocation', id: 'mini-road-a' }];
        s.slides[1]!.sources = [{ doc: 'ke-hoach', where: 'II' }];
      }),
    ).toEqual([
      'story.json › trang 2 "kcn-a" › highlight.1: khu/cụm "mini-kcn-z" không có trong sites.geojson',
      'story.json › trang 2 "kcn-a" › targets.0: mục tiêu "cleared" không có trong region.json › targets',
      'story.json › trang 2 "kcn-a" › figures.0.id: di dời "mini-road-a" không có trong relocations.geojson',
      'story.json › trang 2 "kcn-a" › sources.0.doc: nguồn "ke-hoach" không có trong region.json › sources',
    ]);
  });

  it('rejects an unknown layer and lists the known ones', () => {
    const [msg] = messages((s) => {
      s.slides[1]!.layers = ['kcn-existing', 'duong-sat'];
    });
    expect(msg).toMatch(/^story\.json › trang 2 "kcn-a" › layers\.1: lớp không có; các lớp là: kcn-existing, .*landmarks, parcelTiles$/);
  });

  it('catches latitude and longitude written the wrong way round', () => {
    // [22.3, 104.3]: a latitude of 104° does not exist.
    expect(
      messages((s) => {
        s.slides[0]!.camera.center = [22.3, 104.3];
      }),
    ).toEqual(['story.json › trang 1 "bia" › camera.center.1: vĩ độ từ -90 đến 90 (tọa độ viết [kinh độ, vĩ độ])']);
    // A camera on another province (Hà Nội, about 105.85 E 21.03 N) is more than half a degree outside the bbox.
    expect(
      messages((s) => {
        s.slides[0]!.camera.center = [105.85, 21.03];
      }),
    ).toEqual(['story.json › trang 1 "bia" › camera.center: tâm [105.85, 21.03] nằm ngoài vùng của tỉnh (bbox 104, 22, 104.5, 22.5); kinh độ đứng trước vĩ độ']);
  });

  it('reports every bad slide at once, missing translations included, and a repeated id', () => {
    const msgs = messages((s) => {
      (s.slides[0]!.title as { vi: string; en?: string }).en = undefined;
      s.slides[1]!.id = 'bia';
      s.slides[1]!.highlight = ['mini-kcn-z'];
    });
    expect(msgs[0]).toMatch(/^story\.json › trang 1 "bia" › title\.en: /);
    expect(msgs.slice(1)).toEqual([
      'story.json › trang 2 "bia" › id: mã trang trùng với trang 1',
      'story.json › trang 2 "bia" › highlight.0: khu/cụm "mini-kcn-z" không có trong sites.geojson',
    ]);
  });

  it('says when the file has no slides', () => {
    expect(
      messages((s) => {
        s.slides = [];
      }),
    ).toEqual(['story.json › slides: câu chuyện cần ít nhất một trang']);
  });

  it('rejects non-positive kiosk times', () => {
    const msgs = messages((s) => {
      Object.assign(s, { kiosk: { slideSeconds: 0 } });
    });
    expect(msgs).toEqual(['story.json › kiosk.slideSeconds: thời lượng phải lớn hơn 0']);
  });

  it('the shipped Lào Cai story is valid and tells the 2026 plan', () => {
    const { data, issues } = validateRegion(readRegionFiles('lao-cai'));
    expect(issues.map(formatIssue)).toEqual([]);
    const story = data!.story!;
    const ids = story.slides.map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    // The targets, the 500 ha of clean land, the relocations come from the report, not from typed numbers.
    const targets = story.slides.flatMap((s) => s.targets);
    expect(targets).toEqual(expect.arrayContaining(['cleared-land', 'relocations', 'newly-established']));
    expect(story.slides.flatMap((s) => s.figures.flatMap((f) => ('id' in f ? [f.id] : [])))).toEqual(
      expect.arrayContaining(['lc-road-ic18-thong-nhat', 'lc-kcn-tang-loong', 'lc-reloc-tang-loong-households']),
    );
    // No phone numbers or e-mail addresses: the sources name agencies only.
    const text = story.slides.map((s) => `${s.text?.vi ?? ''} ${s.text?.en ?? ''}`).join(' ');
    expect(text).not.toMatch(/\d{3}[ .]?\d{3}[ .]?\d{3,4}|@/);
  });

  it('npm run validate:data names the file and the slide of a broken story', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-story-'));
    const m = miniRegion();
    const d = join(dir, 'thu');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'region.json'), JSON.stringify({ ...m.region, id: 'thu' }));
    writeFileSync(join(d, 'sites.geojson'), JSON.stringify(m.sites));
    writeFileSync(join(d, 'roads.geojson'), JSON.stringify(m.roads));
    writeFileSync(join(d, 'relocations.geojson'), JSON.stringify(m.relocations));
    const story = miniStory();
    story.slides[1]!.highlight = ['mini-kcn-z'];
    writeFileSync(join(d, 'story.json'), JSON.stringify(story));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'validate-data.ts')], {
      cwd: ROOT,
      env: { ...process.env, KCN_REGIONS_DIR: dir },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✘ thu: 1 lỗi');
    expect(r.stdout).toContain('thu/story.json › trang 2 "kcn-a" › highlight.0: khu/cụm "mini-kcn-z" không có trong sites.geojson');
  }, 30_000);
});
