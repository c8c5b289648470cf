import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../../src/analytics/report';
import { prepareRegion } from '../../../src/domain/prepare';
import { validateRegion } from '../../../src/domain/validate';
import { Presentation } from '../../../src/features/presentation/Presentation';
import { PresentButton } from '../../../src/features/presentation/PresentButton';
import { formatHa } from '../../../src/i18n/format';
import { createAppStore, type AppStore } from '../../../src/store/createAppStore';
import { StoreProvider } from '../../../src/store/context';
import { allVisible } from '../../../src/domain/layers';
import { readRegionFiles } from '../../../scripts/regionFs';
import { laoCai } from '../../fixtures/laoCai';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

interface StoryJson {
  slides: { id: string; title: { vi: string; en: string }; camera: { center: [number, number]; zoom: number }; highlight?: string[]; layers?: string[]; targets?: string[] }[];
}
/** The story file as an author wrote it: the expectations come from here, not from the app. */
const STORY = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'regions', 'lao-cai', 'story.json'), 'utf8')) as StoryJson;
const N = STORY.slides.length;
const slideNo = (id: string) => STORY.slides.findIndex((s) => s.id === id);

function setup(): AppStore {
  const store = renderWithLaoCai(
    <>
      <PresentButton />
      <input aria-label="Tìm kiếm" />
      <Presentation />
    </>,
  );
  store.getState().setReport(buildReport(laoCai(), laoCai().data.region.asOf));
  return store;
}

/** The first slide is applied once the map has its presentation size (two frames after the start). */
async function applied(store: AppStore) {
  await waitFor(() => expect(store.getState().cameraRequest).not.toBeNull());
}

const counter = () => screen.getByTestId('present-counter').textContent;
const title = () => screen.getByRole('heading', { level: 2 }).textContent;

afterEach(() => {
  vi.useRealTimers();
  document.documentElement.classList.remove('present-mode');
});

describe('presentation mode', () => {
  it('starts from the header button on the first slide: title, counter, camera, projector theme', async () => {
    const store = setup();
    expect(screen.queryByTestId('presentation')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Trình chiếu' }));
    await applied(store);
    expect(title()).toBe(STORY.slides[0]!.title.vi);
    expect(counter()).toBe(`1 / ${N}`);
    expect(store.getState().cameraRequest?.camera).toMatchObject({ center: STORY.slides[0]!.camera.center, zoom: STORY.slides[0]!.camera.zoom });
    // The map flies, it does not jump: about a second and a half.
    expect(store.getState().cameraRequest?.duration).toBe(1500);
    expect(document.documentElement.classList.contains('present-mode')).toBe(true);
  });

  it('moves with the keys a clicker sends, within the first and the last slide', async () => {
    const store = setup();
    const user = userEvent.setup();
    act(() => store.getState().startPresenting());
    await applied(store);
    await user.keyboard('{PageDown}');
    expect(counter()).toBe(`2 / ${N}`);
    expect(title()).toBe(STORY.slides[1]!.title.vi);
    expect(store.getState().cameraRequest?.camera.center).toEqual(STORY.slides[1]!.camera.center);
    await user.keyboard('{ArrowRight}');
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    expect(counter()).toBe(`5 / ${N}`);
    await user.keyboard('{PageUp}');
    await user.keyboard('{ArrowLeft}');
    await user.keyboard('{ArrowUp}');
    expect(counter()).toBe(`2 / ${N}`);
    await user.keyboard('{End}');
    expect(counter()).toBe(`${N} / ${N}`);
    await user.keyboard('{PageDown}');
    expect(counter()).toBe(`${N} / ${N}`);
    await user.keyboard('{Home}');
    expect(counter()).toBe(`1 / ${N}`);
    await user.keyboard('{PageUp}');
    expect(counter()).toBe(`1 / ${N}`);
    // The on-screen buttons do the same; Space on a focused button presses it once, not twice.
    await user.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(counter()).toBe(`2 / ${N}`);
    await user.keyboard(' ');
    expect(counter()).toBe(`3 / ${N}`);
  });

  it('leaves the keys to a text field being typed in', async () => {
    const store = setup();
    const user = userEvent.setup();
    act(() => store.getState().startPresenting());
    await user.click(screen.getByRole('textbox', { name: 'Tìm kiếm' }));
    await user.keyboard('{PageDown} f{ArrowRight}');
    expect(counter()).toBe(`1 / ${N}`);
    expect(store.getState().presenting).toBe(true);
  });

  it('shows each slide’s layers and sites, and Escape gives the user back their own layers', async () => {
    const store = setup();
    const user = userEvent.setup();
    // The user had switched roads and landmarks off before presenting.
    store.getState().setLayerVisible('roads', false);
    store.getState().setLayerVisible('landmarks', false);
    const before = { ...store.getState().visible };
    act(() => store.getState().startPresenting({ slide: slideNo('ic18-thong-nhat') }));
    await applied(store);
    const ic18 = STORY.slides[slideNo('ic18-thong-nhat')]!;
    const shown = Object.entries(store.getState().visible).filter(([, on]) => on).map(([k]) => k);
    expect(shown.sort()).toEqual([...ic18.layers!].sort());
    expect(store.getState().highlighted).toEqual(ic18.highlight);
    await user.keyboard('{Escape}');
    expect(store.getState().presenting).toBe(false);
    expect(store.getState().visible).toEqual(before);
    expect(store.getState().highlighted).toEqual([]);
    expect(screen.queryByTestId('presentation')).toBeNull();
    expect(document.documentElement.classList.contains('present-mode')).toBe(false);
  });

  it('shows the targets as the report computes them, with the sample label and the sources', () => {
    const store = setup();
    act(() => store.getState().startPresenting({ slide: slideNo('muc-tieu-2026') }));
    const report = store.getState().report!;
    const cleared = report.targets.find((r) => r.target.id === 'cleared-land')!;
    const card = screen.getByRole('article', { name: 'Hoàn thiện ít nhất 500 ha mặt bằng sạch để thu hút nhà đầu tư thứ cấp' });
    expect(within(card).getByText(formatHa(cleared.value!, 'vi'))).toBeTruthy();
    expect(within(card).getByText('≥ 500,00 ha')).toBeTruthy();
    expect(within(card).getByText('Số liệu minh họa')).toBeTruthy();
    // A verdict on sample parcels carries the sample label in its own words, in the same badge (issue 14 item 6).
    expect(within(card).getByText(`${cleared.met ? 'Đã đạt' : 'Chưa đạt'} (theo số liệu minh họa)`)).toBeTruthy();
    expect(within(card).queryByText(/^(Đã đạt|Chưa đạt)$/)).toBeNull();
    const est = screen.getByRole('article', { name: 'Thành lập mới khoảng trên 500 ha khu, cụm công nghiệp' });
    expect(within(est).getByText('khoảng trên 500,00 ha')).toBeTruthy();
    // No park or cluster carries an establishing decision dated in 2026: no data, not "0,00 ha · Chưa đạt" (item 7).
    expect(within(est).getByText('Chưa có số liệu')).toBeTruthy();
    expect(within(est).queryByText(/Chưa đạt|^0,00 ha$/)).toBeNull();
    const moves = screen.getByRole('article', { name: /^Di dời KCN Đông Phố Mới/ });
    expect(within(moves).getByText('quý IV/2026')).toBeTruthy();
    expect(screen.getByText(/^Nguồn:/).textContent).toContain('Kế hoạch thực hiện Nghị quyết 34-NQ/TU về phát triển khu, cụm công nghiệp năm 2026 (mục II; mục II.2; Phụ lục 02; mục II.3; Phụ lục 03; mục II.4)');
  });

  it('reads a road’s and a park’s figures from the data, marked as sketches where they are', () => {
    const store = setup();
    act(() => store.getState().startPresenting({ slide: slideNo('ic18-thong-nhat') }));
    // 2.6 km and 210 billion VND: the plan's section IV.1 (facts/lao-cai-2026-plan.md).
    const road = screen.getByRole('heading', { name: 'Đường trục nối IC18 đến CCN Thống Nhất' }).closest('article')!;
    expect(within(road as HTMLElement).getByText('2,6 km')).toBeTruthy();
    expect(within(road as HTMLElement).getByText('210 tỷ đồng')).toBeTruthy();
    expect(within(road as HTMLElement).getByText('Đang thi công')).toBeTruthy();
    expect(within(road as HTMLElement).getByText('Hình minh họa')).toBeTruthy();
    const park = screen.getByRole('heading', { name: 'CCN Thống Nhất 1' }).closest('article')!;
    expect(within(park as HTMLElement).getByText('74,95 ha')).toBeTruthy();
    act(() => store.getState().setSlide(slideNo('tang-loong-sinh-thai')));
    expect(screen.getByText('trên 400 hộ dân')).toBeTruthy();
    expect(screen.getByText('1.100,00 ha')).toBeTruthy();
  });

  it('opens on the province’s counts of parks and clusters, counted from its sites', async () => {
    const store = setup();
    act(() => store.getState().startPresenting());
    await applied(store);
    const sites = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'regions', 'lao-cai', 'sites.geojson'), 'utf8')) as {
      features: { properties: { kind: string } }[];
    };
    const kcn = sites.features.filter((f) => f.properties.kind === 'kcn').length;
    const ccn = sites.features.filter((f) => f.properties.kind === 'ccn').length;
    const card = screen.getByRole('heading', { level: 3, name: 'Lào Cai' }).closest('article') as HTMLElement;
    const figures = [...card.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(figures.slice(0, 2)).toEqual([`Khu công nghiệp: ${kcn}`, `Cụm công nghiệp: ${ccn}`]);
    expect(screen.getByText('Tính từ dữ liệu của bản đồ')).toBeTruthy();
  });

  it('speaks English when the interface does', () => {
    const store = setup();
    act(() => {
      store.getState().setLang('en');
      store.getState().startPresenting();
    });
    expect(title()).toBe(STORY.slides[0]!.title.en);
    expect(screen.getByRole('button', { name: 'Next slide' })).toBeTruthy();
  });

  it('F asks the browser for full screen', async () => {
    const store = setup();
    const request = vi.fn(() => Promise.resolve());
    Object.defineProperty(document.documentElement, 'requestFullscreen', { value: request, configurable: true });
    act(() => store.getState().startPresenting());
    await userEvent.setup().keyboard('f');
    expect(request).toHaveBeenCalledTimes(1);
    Reflect.deleteProperty(document.documentElement, 'requestFullscreen');
  });

  it('kiosk: plays by itself, wraps round, pauses for a visitor and returns to slide 1 when left alone', () => {
    vi.useFakeTimers();
    const store = setup();
    act(() => {
      store.getState().setKioskTiming({ slideSeconds: 5, idleSeconds: 30 });
      store.getState().startPresenting({ kiosk: true });
    });
    act(() => vi.advanceTimersByTime(5000));
    expect(counter()).toBe(`2 / ${N}`);
    act(() => vi.advanceTimersByTime(5000));
    expect(counter()).toBe(`3 / ${N}`);
    // A visitor presses the clicker: the story follows them and stops playing.
    act(() => {
      fireEvent.keyDown(document.body, { key: 'PageDown' });
    });
    expect(counter()).toBe(`4 / ${N}`);
    expect(screen.getByRole('status').textContent).toMatch(/Tạm dừng tự chạy/);
    act(() => vi.advanceTimersByTime(29_000));
    expect(counter()).toBe(`4 / ${N}`);
    // 30 s without input: back to the first slide, playing again.
    act(() => vi.advanceTimersByTime(1000));
    expect(counter()).toBe(`1 / ${N}`);
    act(() => vi.advanceTimersByTime(5000));
    expect(counter()).toBe(`2 / ${N}`);
    // After the last slide comes the first.
    act(() => store.getState().setSlide(N - 1));
    act(() => vi.advanceTimersByTime(5000));
    expect(counter()).toBe(`1 / ${N}`);
  });

  it('kiosk times come from story.json when nothing overrides them', () => {
    vi.useFakeTimers();
    const store = setup();
    act(() => store.getState().startPresenting({ kiosk: true, slide: 1 }));
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'regions', 'lao-cai', 'story.json'), 'utf8')) as { kiosk: { slideSeconds: number } };
    act(() => vi.advanceTimersByTime(file.kiosk.slideSeconds * 1000 - 1));
    expect(counter()).toBe(`2 / ${N}`);
    act(() => vi.advanceTimersByTime(1));
    expect(counter()).toBe(`3 / ${N}`);
  });

  it('authoring turns the current view into a slide that story.json accepts', async () => {
    const store = setup();
    const user = userEvent.setup();
    act(() => store.getState().startPresenting());
    await user.click(screen.getByRole('button', { name: 'Soạn trang' }));
    const add = screen.getByRole('button', { name: 'Thêm khung nhìn hiện tại thành trang' });
    act(() => {
      store.getState().setCamera({ center: [104.1443123456, 22.2949876543], zoom: 12.3456, bearing: 10.04, pitch: 0 });
      store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' });
    });
    // The author chooses the layers in the panel.
    await user.click(screen.getByRole('checkbox', { name: /Di dời/ }));
    await user.click(add);
    const json = JSON.parse((screen.getByRole('textbox', { name: 'JSON của trang' }) as HTMLTextAreaElement).value) as Record<string, unknown>;
    expect(json).toMatchObject({
      id: 'lc-kcn-tang-loong',
      title: { vi: 'KCN Tằng Loỏng', en: 'KCN Tằng Loỏng' },
      camera: { center: [104.14431, 22.29499], zoom: 12.35, bearing: 10, pitch: 0 },
      highlight: [...STORY.slides[0]!.highlight ?? [], 'lc-kcn-tang-loong'],
      targets: [],
    });
    const expectedLayers = Object.entries(store.getState().visible).filter(([, on]) => on).map(([k]) => k);
    expect(json['layers']).toEqual(expectedLayers);
    expect(json['layers']).not.toContain('relocations');
    // Pasted at the end of the story, it validates with the region.
    const files = readRegionFiles('lao-cai');
    const story = files.story as StoryJson;
    const r = validateRegion({ ...files, story: { ...story, slides: [...story.slides, json] } });
    expect(r.issues).toEqual([]);
    // Copy.
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Sao chép' }));
    expect(writeText).toHaveBeenCalledWith(JSON.stringify(json, null, 2));
    expect(await screen.findByText('Đã sao chép.')).toBeTruthy();
  });

  it('a province without a story says so and offers authoring', () => {
    const { data } = validateRegion(readRegionFiles('lang-son'));
    const store = createAppStore({ regionId: 'lang-son' });
    store.getState().setRegion(prepareRegion(data!));
    render(
      <StoreProvider store={store}>
        <Presentation />
      </StoreProvider>,
    );
    act(() => store.getState().startPresenting());
    expect(screen.getByText(/chưa có câu chuyện trình chiếu/)).toBeTruthy();
    expect(counter()).toBe('0 / 0');
    expect(screen.getByRole('button', { name: 'Soạn trang' })).toBeTruthy();
    expect(store.getState().visible).toEqual(allVisible());
  });
});
