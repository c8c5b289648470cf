// The English catalogue is not part of the start-up code: it is fetched once, the first time it is
// asked for, and whoever waits for it is told when it arrives.
import { describe, expect, it, vi as vitest } from 'vitest';

describe('message catalogues', () => {
  it('has Vietnamese at once and fetches English once, on first request, telling subscribers', async () => {
    // A fresh module: the test setup has already loaded English into the shared one.
    vitest.resetModules();
    const cat = await import('../../../src/i18n/catalogue');
    expect(cat.messagesOf('vi')?.appTitle).toBe('Bản đồ khu, cụm công nghiệp');
    expect(cat.messagesOf('en')).toBeUndefined();

    const heard = vitest.fn();
    const unsubscribe = cat.subscribeCatalogue(heard);
    const before = cat.catalogueVersion();
    const first = cat.loadMessages('en');
    const second = cat.loadMessages('en');
    expect(second).toBe(first);
    const en = await first;
    expect(en.appTitle).toBe('Industrial parks and clusters');
    expect(cat.messagesOf('en')).toBe(en);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(cat.catalogueVersion()).not.toBe(before);

    // Asking again changes nothing and tells no one.
    await cat.loadMessages('en');
    expect(heard).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('gives both catalogues the same keys', async () => {
    const { vi } = await import('../../../src/i18n/messages');
    const { en } = await import('../../../src/i18n/messagesEn');
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });
});
