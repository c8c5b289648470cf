// A cold start fetches the opening province once: the request main.tsx starts before React renders is
// the one App's loader receives.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { availableRegionIds, fetchRegionFiles, prefetchRegionFiles } from '../../../src/app/regionSource';

const fakeFetch = () =>
  vi.fn(async (url: string | URL | Request) => new Response(JSON.stringify({ from: String(url) }), { status: 200 }));

afterEach(() => vi.unstubAllGlobals());

describe('region files', () => {
  it('hands the early fetch to the first load of that region, and fetches anew after that', async () => {
    const id = availableRegionIds()[0]!;
    const early = fakeFetch();
    vi.stubGlobal('fetch', early);
    prefetchRegionFiles(id);
    const requested = early.mock.calls.length;
    expect(requested).toBeGreaterThanOrEqual(2); // region.json, sites.geojson, …

    const later = fakeFetch();
    const files = await fetchRegionFiles(id, later);
    expect(later).not.toHaveBeenCalled();
    expect(early).toHaveBeenCalledTimes(requested);
    expect((files.region as unknown as { from: string }).from).toMatch(/region.*\.json/);

    // The second load (switching back to the province) reads the files again.
    await fetchRegionFiles(id, later);
    expect(later).toHaveBeenCalledTimes(requested);
  });

  it('ignores a region the build does not have', () => {
    const spy = fakeFetch();
    vi.stubGlobal('fetch', spy);
    prefetchRegionFiles('khong-co-tinh-nay');
    expect(spy).not.toHaveBeenCalled();
  });
});
