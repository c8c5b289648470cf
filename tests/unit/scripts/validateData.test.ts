// `npm run validate:data` as a planner runs it: a real process over a folder of region files.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { miniRegion } from '../../fixtures/miniRegion';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function writeRegion(dir: string, id: string, m: ReturnType<typeof miniRegion>, sitesText?: string) {
  const d = join(dir, id);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'region.json'), JSON.stringify({ ...m.region, id }));
  writeFileSync(join(d, 'sites.geojson'), sitesText ?? JSON.stringify(m.sites));
  writeFileSync(join(d, 'roads.geojson'), JSON.stringify(m.roads));
  writeFileSync(join(d, 'relocations.geojson'), JSON.stringify(m.relocations));
}

function run(dir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'validate-data.ts')], {
    cwd: ROOT,
    env: { ...process.env, KCN_REGIONS_DIR: dir },
    encoding: 'utf8',
  });
}

describe('validate:data', () => {
  it('passes good regions and fails a bad one, naming file, feature and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-regions-'));
    writeRegion(dir, 'tot', miniRegion());
    const bad = miniRegion();
    bad.sites.features[1]!.properties['kind'] = 'khu';
    writeRegion(dir, 'xau', bad);
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✔ tot');
    expect(r.stdout).toContain('✘ xau: 1 lỗi');
    expect(r.stdout).toContain('xau/sites.geojson › đối tượng "mini-ccn-b" (thứ 2) › properties.kind:');
  }, 30_000);

  it('names the file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcn-regions-'));
    writeRegion(dir, 'hong', miniRegion(), '{"type": "FeatureCollection", "features": [');
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/hong\/sites\.geojson: không đọc được JSON/);
  }, 30_000);
});
