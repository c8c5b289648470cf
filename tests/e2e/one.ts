// Runs a single browser-test file against an existing build:
//   npx vite build --outDir /tmp/dist-mine && E2E_DIST=/tmp/dist-mine npx tsx tests/e2e/one.ts tests/e2e/atlas.e2e.ts
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx tests/e2e/one.ts <file.e2e.ts>');
let failed = false;
run({ files: [file], concurrency: 1, timeout: 120_000 })
  .on('test:fail', () => {
    failed = true;
  })
  .compose(new spec())
  .pipe(process.stdout)
  .on('finish', () => process.exit(failed ? 1 : 0));
