// The one door to zod. Zod builds fast object parsers with `new Function` when the page allows it, and
// finds out by trying, once per object schema, when the schema is made. The built app's
// Content-Security-Policy forbids eval (app/contentSecurityPolicy.ts), so that try is refused and
// reported as a policy violation. Every schema module takes `z` from here, so "jitless" (zod's
// interpreter, no probe) is set before any schema exists, in every chunk and every worker, whatever
// order the bundler loads them in. The lint forbids importing 'zod' anywhere else.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
