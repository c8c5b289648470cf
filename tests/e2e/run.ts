// Entry point of the browser tests (`npm run test:e2e` builds first): runs every *.e2e.ts here, or
// only the files named on the command line (`npx tsx tests/e2e/run.ts tests/e2e/atlas.e2e.ts`).
// E2E_DIST points the tests at another build folder.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = import.meta.dirname;
const named = process.argv.slice(2).map((f) => resolve(f));
const files = named.length > 0 ? named : readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).map((f) => join(dir, f));
// The exit code is what CI reads: set it on the first failure (stdout is never "finished" by a pipe,
// so the code cannot wait for that to call process.exit).
run({ files, concurrency: 1, timeout: 600_000 })
  .on('test:fail', () => {
    process.exitCode = 1;
  })
  .compose(new spec())
  .pipe(process.stdout);
