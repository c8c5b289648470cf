// Failing loudly (BuildError with a message naming the fix) and running the outside tools the basemap build
// needs: GDAL's ogr2ogr, GMT, dpkg and the versions of the npm packages it reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './settings';

export class BuildError extends Error {}

export function fail(message: string): never {
  throw new BuildError(message);
}

function requireDebianPackage(pkg: string, probe: () => boolean): void {
  if (!probe()) {
    fail(`Debian package ${pkg} is missing. Install it with:\n  sudo apt-get install -y ${pkg}`);
  }
}

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command and returns its stdout; GMT writes gmt.history into its working directory, so give it a temp one. */
export function run(command: string, args: readonly string[], cwd?: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    return fail(`${command} ${args.join(' ')} failed:\n${stderr || String(error)}`);
  }
}

export function debianVersion(pkg: string): string {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

export function npmVersion(pkg: string): string {
  const json = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

/** Fails before any output is written when a Debian package the full build needs is missing. */
export function checkTools(work: string): void {
  requireDebianPackage('gdal-bin', () => commandExists('ogr2ogr'));
  requireDebianPackage('gmt', () => commandExists('gmt'));
  requireDebianPackage('gmt-gshhg-high', () => {
    const probe = spawnSync('gmt', ['coast', '-R104/107/20/23', '-Dh', '-Ia', '-M'], { cwd: work, encoding: 'utf8' });
    return probe.status === 0 && probe.stdout.includes('>');
  });
}
