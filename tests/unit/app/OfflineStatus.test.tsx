// The offline note: shown only once a service worker is active, and says whether the network is gone.
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { OfflineStatus, type OfflineEnv } from '../../../src/app/OfflineStatus';
import { createAppStore } from '../../../src/store/createAppStore';
import { StoreProvider } from '../../../src/store/context';

function fakeEnv(ready: Promise<unknown> | undefined): OfflineEnv & { setOnline(v: boolean): void } {
  const target = new EventTarget();
  let online = true;
  return {
    ready,
    isOnline: () => online,
    events: target as unknown as OfflineEnv['events'],
    setOnline(v) {
      online = v;
      target.dispatchEvent(new Event(v ? 'online' : 'offline'));
    },
  };
}

function show(env: OfflineEnv, lang: 'vi' | 'en' = 'vi') {
  const store = createAppStore();
  store.getState().setLang(lang);
  render(
    <StoreProvider store={store}>
      <OfflineStatus env={env} />
    </StoreProvider>,
  );
}

describe('OfflineStatus', () => {
  it('says nothing while no service worker is active, or where there is none', async () => {
    show(fakeEnv(new Promise(() => {})));
    show(fakeEnv(undefined));
    await act(async () => {});
    expect(screen.queryByTestId('offline-status')).toBeNull();
  });

  it('says the app is ready offline once the worker is active, and that it runs offline when the network goes', async () => {
    const env = fakeEnv(Promise.resolve());
    show(env);
    const note = await screen.findByRole('status');
    expect(note.textContent).toBe('Sẵn sàng dùng không cần mạng');
    expect(note.getAttribute('title')).toMatch(/bản đồ nền, phông chữ và dữ liệu của mọi tỉnh/);
    act(() => env.setOnline(false));
    expect(note.textContent).toBe('Đang chạy không cần mạng');
    act(() => env.setOnline(true));
    expect(note.textContent).toBe('Sẵn sàng dùng không cần mạng');
  });

  it('speaks English', async () => {
    show(fakeEnv(Promise.resolve()), 'en');
    expect((await screen.findByRole('status')).textContent).toBe('Ready to work offline');
  });
});
