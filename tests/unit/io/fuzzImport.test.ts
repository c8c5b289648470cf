// The seeded import fuzzer: valid files of every format the import reads (GeoJSON, KML, KMZ, zipped
// Shapefile, a lone .shp, CSV, TSV, DXF) mutated ~170 ways each (cut short, bytes flipped, wrong
// encodings, NaN and 1e400, 100 000 levels of nesting, huge values, empty and lying zips, wrong
// extensions…). Every case must end as the app can show it: a layer of finite lon/lat, or one clear
// Vietnamese/English sentence; never an uncaught error, never seconds of work.
//
//   FUZZ_SEED=7 npx vitest run tests/unit/io/fuzzImport.test.ts          another base seed
//   FUZZ_CASES=500 …                                                       cases per format
//   FUZZ_REPLAY=kml/deep-nesting/123456 …                                  one case (printed on failure)
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { baseFiles, caseKeys, FORMATS, makeCase, type FuzzFormat } from '../../fuzz/cases';
import { judge, type Outcome } from '../../fuzz/judge';
import { parseXml } from './reference';

const BASE_SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
const PER_FORMAT = Number(process.env['FUZZ_CASES'] ?? 170);
const REPLAY = (process.env['FUZZ_REPLAY'] ?? '').split(',').filter(Boolean);

// runImport passes the region's zone; in Node the XML parser is @xmldom/xmldom (the browser's
// DOMParser is exercised by tests/e2e/fuzz.e2e.ts).
const OPTIONS = { defaultZone: 104.75, parseXml };

const replayHint = (key: string) => `FUZZ_REPLAY=${key} npx vitest run tests/unit/io/fuzzImport.test.ts`;

async function runKeys(keys: readonly string[]): Promise<{ outcomes: Map<string, Outcome>; failures: string[] }> {
  const outcomes = new Map<string, Outcome>();
  const failures: string[] = [];
  for (const key of keys) {
    const c = makeCase(key);
    const o = await judge(c, OPTIONS);
    outcomes.set(key, o);
    if (o.kind === 'failed') {
      const extra = c.extra.length ? ` + ${c.extra.join(' + ')}` : '';
      failures.push(`${key} (${c.base} → ${c.file.name}, ${c.file.bytes.length} bytes${extra}): ${o.why}\n    replay: ${replayHint(key)}`);
    }
  }
  return { outcomes, failures };
}

if (REPLAY.length > 0) {
  describe('fuzz replay', () => {
    it.each(REPLAY)('%s', async (key) => {
      const { outcomes, failures } = await runKeys([key]);
      console.log(key, JSON.stringify(outcomes.get(key)));
      expect(failures).toEqual([]);
    }, 120_000);
  });
} else {
  describe(`import fuzzer (seed ${BASE_SEED}, ${PER_FORMAT} cases per format)`, () => {
    // dxf-parser prints a line per group code it does not know; thousands of them for a damaged drawing.
    beforeAll(() => {
      vi.spyOn(console, 'log').mockImplementation(() => {});
    });
    afterAll(() => {
      vi.restoreAllMocks();
    });

    it('starts from files that import cleanly', async () => {
      for (const [format, files] of Object.entries(baseFiles())) {
        for (const f of files) {
          const o = await judge({ key: `${format}/base/0`, format: format as FuzzFormat, mutator: 'none', seed: 0, base: f.name, extra: [], file: f }, OPTIONS);
          if (format === 'shp') {
            // A lone .shp is refused, asking for its .dbf: the route the fuzzer shakes is still the Shapefile reader's.
            expect(o.kind === 'refused' && o.code).toBe('shp-without-dbf');
          } else {
            expect(o.kind === 'loaded' && o.rejected === 0 && o.features > 0, `${f.name}: ${JSON.stringify(o)}`).toBe(true);
          }
        }
      }
    });

    it('generates the same cases from the same seed, and at least 1 000 of them by default', () => {
      const keys = caseKeys(BASE_SEED, PER_FORMAT);
      expect(keys).toEqual(caseKeys(BASE_SEED, PER_FORMAT));
      if (!process.env['FUZZ_CASES']) expect(keys.length).toBeGreaterThanOrEqual(1_000);
      // Every 25th case, built twice, gives the same name and bytes (compared by a checksum: some are megabytes).
      const sum = (b: Uint8Array) => b.reduce((h, x) => (Math.imul(h, 31) + x) >>> 0, b.length);
      for (const k of keys.filter((_, i) => i % 25 === 0)) {
        const [a, b] = [makeCase(k).file, makeCase(k).file];
        expect([a.name, sum(a.bytes)], k).toEqual([b.name, sum(b.bytes)]);
      }
    }, 60_000);

    for (const format of FORMATS) {
      it(`${format}: every mutated file ends in a layer or a clear message`, async () => {
        const keys = caseKeys(BASE_SEED, PER_FORMAT, [format]);
        const { outcomes, failures } = await runKeys(keys);
        expect(failures, `${failures.length} of ${keys.length} ${format} cases failed:\n${failures.slice(0, 12).join('\n')}`).toEqual([]);
        // The mutations must reach the readers, not stop at the door: some files still load, some are refused.
        const all = [...outcomes.values()];
        const loaded = all.filter((o) => o.kind === 'loaded').length;
        const refused = all.filter((o) => o.kind === 'refused').length;
        if (format !== 'shp') expect(loaded, `${format}: loaded ${loaded}, refused ${refused}`).toBeGreaterThan(keys.length / 10);
        expect(refused, `${format}: loaded ${loaded}, refused ${refused}`).toBeGreaterThan(keys.length / 10);
      }, 180_000);
    }
  });
}
