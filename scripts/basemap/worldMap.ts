// Finds Natural Earth's admin-1 provinces: world_map.gpkg from the Debian package qgis-common, fetched with
// apt-get download (not installed) and cached, unless QGIS_WORLD_MAP or an installed qgis-common provides it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR } from './settings';
import { commandExists, debianVersion, fail, run } from './tools';

const GPKG_IN_DEB = 'usr/share/qgis/resources/data/world_map.gpkg';

interface WorldMap {
  readonly path: string;
  readonly version: string;
}

/** Finds world_map.gpkg: $QGIS_WORLD_MAP, an installed qgis-common, the cache, or a fresh `apt-get download`. */
export function locateWorldMap(): WorldMap {
  const fromEnv = process.env.QGIS_WORLD_MAP;
  if (fromEnv) {
    if (!existsSync(fromEnv)) fail(`QGIS_WORLD_MAP=${fromEnv} does not exist`);
    return { path: fromEnv, version: process.env.QGIS_COMMON_VERSION ?? 'unknown (QGIS_WORLD_MAP)' };
  }
  const installed = `/${GPKG_IN_DEB}`;
  if (existsSync(installed)) return { path: installed, version: debianVersion('qgis-common') };

  const cached = join(CACHE_DIR, 'world_map.gpkg');
  const cachedVersion = join(CACHE_DIR, 'qgis-common.version');
  if (existsSync(cached) && existsSync(cachedVersion)) {
    return { path: cached, version: readFileSync(cachedVersion, 'utf8').trim() };
  }
  return downloadWorldMap(cached, cachedVersion);
}

function downloadWorldMap(cached: string, cachedVersion: string): WorldMap {
  const howTo =
    'Get it by hand and point the script at it:\n' +
    '  sudo apt-get update\n' +
    '  cd "$(mktemp -d)" && apt-get download qgis-common && dpkg-deb -x qgis-common_*.deb .\n' +
    `  QGIS_WORLD_MAP="$PWD/${GPKG_IN_DEB}" npm run build:basemap`;
  if (!commandExists('apt-get') || !commandExists('dpkg-deb')) fail(`apt-get and dpkg-deb are needed to fetch qgis-common.\n${howTo}`);
  const work = mkdtempSync(join(tmpdir(), 'kcn-basemap-'));
  try {
    console.log('Fetching Debian package qgis-common (for world_map.gpkg; not installed)…');
    const download = spawnSync('apt-get', ['download', 'qgis-common'], { cwd: work, encoding: 'utf8' });
    const deb = readdirSync(work).find((f) => f.startsWith('qgis-common_') && f.endsWith('.deb'));
    if (download.status !== 0 || !deb) fail(`apt-get download qgis-common failed:\n${download.stderr}\n${howTo}`);
    const version = run('dpkg-deb', ['-f', join(work, deb), 'Version']).trim();
    run('dpkg-deb', ['-x', join(work, deb), join(work, 'x')]);
    const gpkg = join(work, 'x', GPKG_IN_DEB);
    if (!existsSync(gpkg)) fail(`qgis-common ${version} has no ${GPKG_IN_DEB}\n${howTo}`);
    mkdirSync(CACHE_DIR, { recursive: true });
    copyFileSync(gpkg, cached);
    writeFileSync(cachedVersion, `${version}\n`);
    return { path: cached, version };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
