// The offline notes. On the map: from the first paint on a visit where this browser already held the
// whole app, and whenever the network goes; never popping up late on a first visit. In the export
// menu: whether the app is stored yet.
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { OfflineMenuNote, OfflineStatus } from '../../../../src/features/offline/OfflineStatus';
import type { OfflineEnv } from '../../../../src/features/offline/useOfflineState';
import { createAppStore } from '../../../../src/store/createAppStore';
import { StoreProvider } from '../../../../src/store/context';

function fakeEnv(opts: { controlledAtLoad?: boolean; ready: Promise<unknown> | undefined }): OfflineEnv & { setOnline(v: boolean): void } {
  const target = new EventTarget();
  let online = true;
  return {
    controlledAtLoad: opts.controlledAtLoad ?? false,
    ready: opts.ready,
    isOnline: () => online,
    events: target as unknown as OfflineEnv['events'],
    setOnline(v: boolean) {
      online = v;
      target.dispatchEvent(new Event(v ? 'online' : 'offline'));
    },
  };
}

function show(ui: React.ReactElement, lang: 'vi' | 'en' = 'vi') {
  const store = createAppStore();
  store.getState().setLang(lang);
  return render(<StoreProvider store={store}>{ui}</StoreProvider>);
}

describe('OfflineStatus (on the map)', () => {
  it('is on screen from the first render when a worker already controlled the page, and says when the network goes', () => {
    // The worker's ready promise has not even resolved: the first render must already hold the note.
    const env = fakeEnv({ controlledAtLoad: true, ready: new Promise(() => {}) });
    show(<OfflineStatus env={env} />);
    const note = screen.getByRole('status');
    expect(note.textContent).toBe('Sẵn sàng dùng không cần mạng');
    expect(note.getAttribute('title')).toMatch(/bản đồ nền, phông chữ và dữ liệu của mọi tỉnh/);
    act(() => env.setOnline(false));
    expect(note.textContent).toBe('Đang chạy không cần mạng');
    act(() => env.setOnline(true));
    expect(note.textContent).toBe('Sẵn sàng dùng không cần mạng');
  });

  it('does not pop up on a first visit when the worker becomes ready, only once the network goes', async () => {
    const env = fakeEnv({ ready: Promise.resolve() });
    show(<OfflineStatus env={env} />);
    await act(async () => {});
    expect(screen.queryByTestId('offline-status')).toBeNull();
    act(() => env.setOnline(false));
    expect(screen.getByRole('status').textContent).toBe('Đang chạy không cần mạng');
  });

  it('warns when the network goes before the app is stored', async () => {
    const env = fakeEnv({ ready: new Promise(() => {}) });
    show(<OfflineStatus env={env} />);
    await act(async () => {});
    expect(screen.queryByTestId('offline-status')).toBeNull();
    act(() => env.setOnline(false));
    expect(screen.getByRole('status').textContent).toBe('Mất mạng: ứng dụng chưa lưu xong, một số phần có thể không mở được');
  });

  it('says nothing where no worker is registered, while online', async () => {
    show(<OfflineStatus env={fakeEnv({ ready: undefined })} />);
    await act(async () => {});
    expect(screen.queryByTestId('offline-status')).toBeNull();
  });

  it('speaks English', () => {
    show(<OfflineStatus env={fakeEnv({ controlledAtLoad: true, ready: Promise.resolve() })} />, 'en');
    expect(screen.getByRole('status').textContent).toBe('Ready to work offline');
  });
});

describe('OfflineMenuNote (in the export menu)', () => {
  it('says the app is being stored, then that it is ready', async () => {
    let done: (v: unknown) => void = () => {};
    show(<OfflineMenuNote env={fakeEnv({ ready: new Promise((r) => (done = r)) })} />);
    expect(screen.getByTestId('offline-menu-note').textContent).toBe('Đang lưu ứng dụng để dùng không cần mạng…');
    await act(async () => done(undefined));
    expect(screen.getByTestId('offline-menu-note').textContent).toBe('Sẵn sàng dùng không cần mạng');
  });

  it('says nothing where no worker is registered (the dev server)', () => {
    show(<OfflineMenuNote env={fakeEnv({ ready: undefined })} />);
    expect(screen.queryByTestId('offline-menu-note')).toBeNull();
  });
});
