// A PMTiles archive readable offline after the first visit. The service worker cannot serve range requests
// for the archive from its cache (the Cache API refuses 206 answers, so a cached range is never there for
// the next one, and passing ranges through a cache-first route broke decoding in our tries), so the
// archive bypasses it: the first reads go to the server by HTTP range, as usual, while the whole file is
// downloaded once in the background into Cache Storage; from then on every read is a slice of that copy
// (Blob.slice reads only the bytes asked for from disk). Online, a one-byte range checks the server's
// copy once per page load; a changed archive is downloaded again and used from the next load on.
import type { RangeResponse, Source } from 'pmtiles';

export const ARCHIVE_CACHE = 'kcn-basemap-archives';

/** What the cached copy was made from, to tell whether the server now has another archive. */
interface Fingerprint {
  size: string | null;
  etag: string | null;
  lastModified: string | null;
}

function fingerprintOf(res: Response): Fingerprint {
  // A range answer gives the whole size after the slash of Content-Range; a whole answer in Content-Length.
  const range = res.headers.get('content-range');
  const size = range?.split('/')[1] ?? res.headers.get('content-length');
  return { size: size && size !== '*' ? size : null, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
}

function sameArchive(a: Fingerprint, b: Fingerprint): boolean {
  if (a.etag && b.etag) return a.etag === b.etag;
  return a.size === b.size && a.lastModified === b.lastModified;
}

export interface OfflineArchiveDeps {
  fetch: typeof fetch;
  caches: CacheStorage | undefined;
}

export class OfflineArchiveSource implements Source {
  private copy: Promise<Blob | null> | null = null;
  private downloading: Promise<void> | null = null;
  private checked = false;
  private readonly deps: OfflineArchiveDeps;

  constructor(
    private readonly url: string,
    deps?: Partial<OfflineArchiveDeps>,
  ) {
    this.deps = { fetch: deps?.fetch ?? globalThis.fetch.bind(globalThis), caches: deps && 'caches' in deps ? deps.caches : globalThis.caches };
  }

  getKey(): string {
    return this.url;
  }

  /** The whole archive as stored by an earlier visit, or null. */
  private cachedCopy(): Promise<Blob | null> {
    this.copy ??= (async () => {
      const store = this.deps.caches;
      if (!store) return null;
      const res = await (await store.open(ARCHIVE_CACHE)).match(this.url);
      return res ? await res.blob() : null;
    })().catch(() => null);
    return this.copy;
  }

  /** Resolves once the background download (if one was started) has ended, stored or not. */
  whenStored(): Promise<void> {
    return this.downloading ?? Promise.resolve();
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    const copy = await this.cachedCopy();
    if (copy) {
      if (!this.checked) {
        this.checked = true;
        void this.refreshIfChanged();
      }
      return { data: await copy.slice(offset, offset + length).arrayBuffer() };
    }
    const res = await this.deps.fetch(this.url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` }, ...(signal ? { signal } : {}) });
    if (!res.ok) throw new Error(`${this.url}: HTTP ${res.status}`);
    const body = await res.arrayBuffer();
    // A server that ignores ranges sends the whole file (200): the bytes asked for are a slice of it.
    const data = res.status === 200 && body.byteLength > length ? body.slice(offset, offset + length) : body;
    this.downloading ??= this.download();
    return { data };
  }

  /** Stores the whole archive for later visits; a failure (offline, storage full) only means no offline copy yet. */
  private async download(): Promise<void> {
    const store = this.deps.caches;
    if (!store) return;
    try {
      const res = await this.deps.fetch(this.url);
      if (res.status !== 200) return;
      const fp = fingerprintOf(res);
      const blob = await res.blob();
      const headers = new Headers({ 'content-type': 'application/octet-stream', 'content-length': String(blob.size) });
      if (fp.etag) headers.set('etag', fp.etag);
      if (fp.lastModified) headers.set('last-modified', fp.lastModified);
      await (await store.open(ARCHIVE_CACHE)).put(this.url, new Response(blob, { status: 200, headers }));
    } catch {
      // Quota exceeded or the connection dropped: the map keeps reading by range while online.
    }
  }

  /** Online: if the server's archive is not the stored one, download it again (used from the next page load). */
  private async refreshIfChanged(): Promise<void> {
    const store = this.deps.caches;
    if (!store) return;
    try {
      const cached = await (await store.open(ARCHIVE_CACHE)).match(this.url);
      const probe = await this.deps.fetch(this.url, { headers: { Range: 'bytes=0-0' }, cache: 'no-store' });
      await probe.arrayBuffer();
      if (!cached || !probe.ok) return;
      if (!sameArchive(fingerprintOf(probe), fingerprintOf(cached))) this.downloading = this.download();
    } catch {
      // Offline: the stored copy is what there is.
    }
  }
}
