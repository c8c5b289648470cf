// Entry point of the browser tests (`npm run test:e2e` builds first): runs every *.e2e.ts here.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).map((f) => join(dir, f));
let failed = false;
run({ files, concurrency: 1, timeout: 120_000 })
  .on('test:fail', () => {
    failed = true;
  })
  .compose(new spec())
  .pipe(process.stdout)
  .on('finish', () => process.exit(failed ? 1 : 0));
