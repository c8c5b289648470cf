// Set-up shared by both test projects: Vietnamese zod messages, and the English catalogue in memory
// (the app fetches it when English is chosen; tests read either language at once; i18n/catalogue.test.ts
// covers the loading).
import '../../src/domain/zodVietnamese';
import { loadMessages } from '../../src/i18n/catalogue';

await loadMessages('en');
