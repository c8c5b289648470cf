// A file of the embedded basemap (public/basemap/) read by a fact sheet: fetched once, when a sheet first
// needs it. Same origin and precached by the service worker: nothing leaves the machine. Until it arrives,
// or if it cannot be read, the sheet goes without it.
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';

export interface BasemapFile<T extends FeatureCollection> {
  /** For the static pages built in Node (scripts/build-pages.ts): the same file, read from disk. */
  provide(data: T): void;
  /** The file once fetched (or provided), else null. */
  loaded(): T | null;
  /** Starts the fetch and re-renders the caller when the file arrives. */
  useFile(): T | null;
}

export function basemapFile<T extends FeatureCollection>(file: string): BasemapFile<T> {
  let loaded: T | null = null;
  let pending: Promise<void> | null = null;
  const fetchFile = async () => {
    try {
      const res = await fetch(new URL(`basemap/${file}`, document.baseURI).href);
      if (!res.ok) return;
      const json = (await res.json()) as Partial<T>;
      if (json.type === 'FeatureCollection' && Array.isArray(json.features)) loaded = json as T;
    } catch {
      // Not reachable (a first visit offline): the sheet does without it.
    }
  };
  function useFile(): T | null {
    const [data, setData] = useState(loaded);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      (pending ??= fetchFile()).then(() => {
        if (live) setData(loaded);
      });
      return () => {
        live = false;
      };
    }, []);
    return data;
  }
  return {
    provide: (data) => {
      loaded = data;
    },
    loaded: () => loaded,
    useFile,
  };
}
