// Settings of the embedded-basemap build (scripts/build-basemap.ts): where it writes and caches, the box it
// covers, and the generalisation tolerances and thresholds of each layer.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BBox } from 'geojson';

// This file is in scripts/basemap/, two levels below the repository root.
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = join(ROOT, 'public', 'basemap');
export const LICENSE_DIR = join(ROOT, 'public', 'licenses');
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'kcn-basemap');

/** Box around Vietnam and its neighbours (lon 97..115, lat 7..26): covers the Paracel and most of the Spratly Islands. */
export const BOX: BBox = [97, 7, 115, 26];
export const GMT_REGION = `-R${BOX[0]}/${BOX[2]}/${BOX[1]}/${BOX[3]}`;

/** WDBII river classes kept: 1 permanent major rivers, 2 additional major rivers, 3 additional rivers. */
export const RIVER_CLASSES = [1, 2, 3] as const;
/** Douglas–Peucker tolerance for rivers and lake shores in degrees (~100 m): invisible at zoom ≤ 11. */
export const RIVER_TOLERANCE = 0.001;
/** Smallest lake kept, in km² (GMT -A): smaller ones are specks at the zooms this map is used at. */
export const LAKE_MIN_KM2 = 10;
/** Tolerance for country outlines, applied to shared TopoJSON arcs so fills and border lines stay identical. */
export const COUNTRY_TOLERANCE = 0.002;

/** Places: ranks 1–2 are always kept; weaker ranks are thinned so that no two labels are closer than this (km). */
export const PLACE_SPACING_KM: Readonly<Record<number, number>> = { 1: 0, 2: 0, 3: 3, 4: 6, 5: 12 };
/** Two entries with the same name closer than this are one place listed twice (e.g. "Phu Quoc" and "Phú Quốc"). */
export const SAME_PLACE_KM = 10;
