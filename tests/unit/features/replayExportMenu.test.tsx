// The replay's export menu: the zip and the WebM video side by side, in Vietnamese then English; where
// the browser cannot record WebM (jsdom has no MediaRecorder) the video stays listed, unavailable and
// saying why, and choosing it does nothing. The codec is VP9 where offered, else VP8. The file names.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { ReplayExport } from '../../../src/features/replay/ReplayExport';
import { replayFileName } from '../../../src/features/replay/replayFrames';
import { pickWebmType, webmType } from '../../../src/features/replay/videoSupport';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

const SPAN = { start: '2026-01-01', end: '2026-06-30', days: 180 };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('replay export menu', () => {
  it('lists the zip and the video; the video is unavailable, with the reason, where WebM cannot be recorded', () => {
    expect(typeof MediaRecorder).toBe('undefined');
    const store = renderWithLaoCai(<ReplayExport span={SPAN} />);
    fireEvent.click(screen.getByRole('button', { name: 'Xuất đoạn phát lại' }));
    const menu = screen.getByRole('menu', { name: 'Xuất đoạn phát lại thành' });
    const items = screen.getAllByRole('menuitem');
    expect(menu.contains(items[0]!)).toBe(true);
    expect(items.map((b) => b.textContent)).toEqual([
      'Khung ảnh PNG đánh số (.zip)',
      'Video WebM (.webm) — trình duyệt này không ghi được video WebM (cần MediaRecorder với VP9 hoặc VP8)',
    ]);
    expect(items[0]!.getAttribute('aria-disabled')).toBeNull();
    expect(items[1]!.getAttribute('aria-disabled')).toBe('true');
    // Chosen anyway: nothing starts, the menu stays.
    fireEvent.click(items[1]!);
    expect(screen.queryByTestId('replay-export-cancel')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    act(() => store.getState().setLang('en'));
    fireEvent.click(screen.getByRole('button', { name: 'Export the replay' }));
    expect(screen.getAllByRole('menuitem').map((b) => b.textContent)).toEqual([
      'Numbered PNG frames (.zip)',
      'WebM video (.webm) — this browser cannot record WebM video (it needs MediaRecorder with VP9 or VP8)',
    ]);
    // Two renders and the English catalogue: over 5 s on a loaded machine.
  }, 20_000);

  it('offers the video where the browser records WebM, saying its pace', () => {
    vi.stubGlobal('MediaRecorder', { isTypeSupported: (t: string) => t === 'video/webm;codecs=vp8' });
    HTMLCanvasElement.prototype.captureStream = vi.fn() as unknown as HTMLCanvasElement['captureStream'];
    try {
      renderWithLaoCai(<ReplayExport span={SPAN} />);
      fireEvent.click(screen.getByRole('button', { name: 'Xuất đoạn phát lại' }));
      const video = screen.getByTestId('replay-export-webm');
      expect(video.textContent).toBe('Video WebM (.webm)');
      expect(video.getAttribute('aria-disabled')).toBeNull();
      expect(video.getAttribute('title')).toContain('2,5 khung mỗi giây');
    } finally {
      delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).captureStream;
    }
  });
});

describe('WebM support and file names', () => {
  it('prefers VP9, then VP8, else none', () => {
    expect(pickWebmType(() => true)).toBe('video/webm;codecs=vp9');
    expect(pickWebmType((t) => t.endsWith('vp8'))).toBe('video/webm;codecs=vp8');
    expect(pickWebmType((t) => t === 'video/mp4')).toBeNull();
  });

  it('needs canvas capture as well as the recorder', () => {
    vi.stubGlobal('MediaRecorder', { isTypeSupported: () => true });
    expect(webmType()).toBeNull();
  });

  it('names the file by province and span, one name for the zip and the video', () => {
    expect(replayFileName('lao-cai', SPAN, 'webm')).toBe('kcn-lao-cai-phat-lai-2026-01-01-2026-06-30.webm');
    expect(replayFileName('lao-cai', SPAN, 'zip')).toBe('kcn-lao-cai-phat-lai-2026-01-01-2026-06-30.zip');
  });
});
