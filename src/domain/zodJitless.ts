// Zod builds fast object parsers with `new Function` when the page allows it, and finds out by trying.
// The built app's Content-Security-Policy forbids eval (app/contentSecurityPolicy.ts), so that try is
// refused and reported as a policy violation on every start. "jitless" makes zod skip the probe and use
// its interpreter. main.tsx imports this module first: zod decides per schema, when the schema is made.
import { z } from 'zod';

z.config({ jitless: true });
