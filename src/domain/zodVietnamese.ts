// Zod's own messages (a wrong type, a missing field) in Vietnamese, for the planners who edit the data
// files. Importing this module switches them on for the whole program. The app imports it only when a
// region's files fail validation (then validates again for the wording), which keeps the locale off
// the start-up path; scripts and tests import it up front.
import { z } from './z';
import vi from 'zod/v4/locales/vi.js';

z.config(vi());
