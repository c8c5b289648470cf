import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import '../../src/domain/zodVietnamese';
import { loadMessages } from '../../src/i18n/catalogue';

// The app fetches the English catalogue when English is chosen; components under test render in
// either language at once, so it is in memory from the start (i18n/catalogue.test.ts covers the loading).
await loadMessages('en');

afterEach(() => cleanup());
