import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { DetailsPanel } from '../../../src/features/details/DetailsPanel';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

const setup = () => renderWithLaoCai(<DetailsPanel />);

// The phone's peek repeats status, area and commune in its own list: read the sheet's body.
const factValue = (label: string) => {
  const dts = screen.getAllByText(label, { selector: 'dt' }).filter((dt) => !dt.closest('[data-testid="sheet-summary"]'));
  expect(dts).toHaveLength(1);
  return (dts[0] as HTMLElement).nextElementSibling as HTMLElement;
};

describe('details panel', () => {
  it('shows nothing until something is selected', () => {
    setup();
    expect(screen.queryByTestId('details')).toBeNull();
  });

  it('shows Tằng Loỏng’s figures, each with the source that backs it', () => {
    const store = setup();
    act(() => store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' }));
    expect(screen.getByRole('heading', { name: 'KCN Tằng Loỏng' })).toBeTruthy();
    expect(factValue('Trạng thái').textContent).toContain('Đang hoạt động');
    // 1,100 ha: the 1/2000 zoning plan of 30/12/2024 (facts/lao-cai-2026-plan.md).
    const declared = factValue('Diện tích công bố');
    expect(declared.textContent).toContain('1.100,00 ha');
    const ref = within(declared).getByRole('link');
    const n = /\[(\d+)\]/.exec(ref.textContent ?? '')![1]!;
    const source = document.getElementById(`src-${n}`)!;
    expect(source.textContent).toMatch(/quy hoạch/i);
    expect(source.textContent).toContain('diện tích');
    expect(factValue('Xã/phường (từ 2025)').textContent).toContain('xã Tằng Loỏng');
  });

  it('says an outline is a sketch and gives its computed area with how it was computed', () => {
    const store = setup();
    act(() => store.getState().select({ type: 'site', id: 'lc-ccn-thong-nhat-1' }));
    expect(screen.getByRole('note').textContent).toContain('Hình minh họa');
    const computed = factValue('Diện tích theo hình vẽ');
    // The footprint is built from the legal area, 74.95 ha (QĐ 630/QĐ-UBND).
    expect(computed.textContent).toContain('74,95 ha');
    expect(computed.textContent).toContain('elipxoit WGS84');
  });

  it('says CCN Thống Nhất has no known position, with no sketch banner, and that the map stays put', () => {
    const store = setup();
    const before = store.getState().flyTo;
    act(() => store.getState().select({ type: 'site', id: 'lc-ccn-thong-nhat' }));
    expect(factValue('Vị trí').textContent).toBe('chưa xác định được vị trí');
    expect(factValue('Diện tích theo hình vẽ').textContent).toBe('chưa có hình, chưa biết vị trí');
    expect(screen.queryByText('Hình minh họa', { exact: false })).toBeNull();
    expect(screen.getByTestId('details').textContent).not.toContain('vị trí đã biết');
    expect(screen.getByTestId('unlocated-note').textContent).toContain('bản đồ giữ nguyên');
    expect(store.getState().flyTo).toBe(before);
  });

  it('says the same of every unlocated Lào Cai cluster, and nothing of it for a located one', () => {
    const store = setup();
    const unlocated = store.getState().region!.unlocatedSiteIds;
    // the 11 planned clusters with no known position, CCN Thống Nhất among them (README: listed, not drawn)
    expect(unlocated).toHaveLength(11);
    expect(unlocated).toContain('lc-ccn-thong-nhat');
    for (const id of unlocated) {
      act(() => store.getState().select({ type: 'site', id }));
      expect(screen.getByTestId('unlocated-note')).toBeTruthy();
      expect(screen.queryByText('Hình minh họa', { exact: false })).toBeNull();
    }
    act(() => store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' }));
    expect(screen.queryByTestId('unlocated-note')).toBeNull();
  });

  it('marks figures the sources do not give instead of inventing them', () => {
    const store = setup();
    act(() => store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' }));
    expect(factValue('Chủ đầu tư hạ tầng').textContent).toBe('chưa có trong nguồn');
  });

  it('shows a connector road’s length, raised investment and decision', () => {
    const store = setup();
    act(() => store.getState().select({ type: 'road', id: 'lc-road-phu-thinh-main' }));
    expect(factValue('Chiều dài công bố').textContent).toContain('2,9 km');
    expect(factValue('Vốn đầu tư').textContent).toContain('208 tỷ đồng');
    expect(factValue('Mức được duyệt ban đầu').textContent).toContain('173 tỷ đồng');
    expect(factValue('Quyết định').textContent).toContain('898/QĐ-UBND, 02/06/2023');
  });

  it('says a relocation’s destination is not decided rather than drawing one', () => {
    const store = setup();
    act(() => store.getState().select({ type: 'relocation', id: 'lc-reloc-ccn-son-man' }));
    expect(factValue('Đến').textContent).toBe('chưa xác định');
    expect(factValue('Thời hạn').textContent).toContain('quý IV/2026');
  });

  it('switches to English and formats numbers the English way', () => {
    const store = setup();
    act(() => {
      store.getState().setLang('en');
      store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' });
    });
    expect(factValue('Declared area').textContent).toContain('1,100.00 ha');
  });

  it('closes with its button', async () => {
    const store = setup();
    act(() => store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Đóng' }));
    expect(store.getState().selected).toBeNull();
    expect(screen.queryByTestId('details')).toBeNull();
  });
});

describe('details panel with the report', () => {
  it('shows the three areas of a park, and no clean land the documents do not date', async () => {
    const { buildReport } = await import('../../../src/analytics/report');
    const { laoCai } = await import('../../fixtures/laoCai');
    const store = setup();
    act(() => {
      store.getState().setReport(buildReport(laoCai(), '2026-11-22'));
      store.getState().select({ type: 'site', id: 'lc-ccn-thong-nhat-1' });
    });
    expect(factValue('Diện tích VN-2000').textContent).toMatch(/^74,9\d ha/);
    expect(factValue('Diện tích VN-2000').textContent).toContain('104°45′');
    expect(factValue('Diện tích trên mặt cầu').textContent).toMatch(/^75,1\d ha/);
    // "74.97 ha cleared" comes from a secondary source with no date and no primary document
    // (facts/lao-cai-2026-plan.md): it is not a 2026 figure and the sheet must not show it as one.
    const clearanceRow = screen.queryByText('Giải phóng mặt bằng', { selector: 'dt' })?.nextElementSibling;
    expect(clearanceRow?.textContent ?? '').not.toContain('74,97');
  });
});

describe('details panel: tasks a document orders and the rules that govern the site', () => {
  async function langSon() {
    const { prepareRegion } = await import('../../../src/domain/prepare');
    const { validateRegion } = await import('../../../src/domain/validate');
    const { readRegionFiles } = await import('../../../scripts/regionFs');
    const { createAppStore } = await import('../../../src/store/createAppStore');
    const { StoreProvider } = await import('../../../src/store/context');
    const { render } = await import('@testing-library/react');
    const store = createAppStore({ regionId: 'lang-son' });
    store.getState().setRegion(prepareRegion(validateRegion(readRegionFiles('lang-son')).data!));
    render(
      <StoreProvider store={store}>
        <DetailsPanel />
      </StoreProvider>,
    );
    return store;
  }
  const section = (name: string) => screen.getByRole('heading', { name }).closest('section') as HTMLElement;

  it('lists CCN Đình Lập’s tasks of the 03/10/2025 notice with the document’s deadline words, agency and source', async () => {
    const store = await langSon();
    act(() => store.getState().select({ type: 'site', id: 'ls-ccn-dinh-lap' }));
    const tasks = section('Nhiệm vụ liên quan');
    const text = tasks.textContent ?? '';
    // Notice of 03/10/2025, item 3 (seeds/004): the last 0.31 ha within October; the 110 kV line before 20/10.
    expect(text).toContain('0,31 ha');
    expect(text).toContain('hoàn thành trong tháng 10/2025');
    expect(text).toContain('trước ngày 20/10/2025');
    expect(text).toContain('UBND xã Đình Lập');
    expect(text).toContain('Thông báo kết luận');
    // the data date is 03/10/2025: 20/10 is 16 days on (the last day allowed is the 19th)
    const line = within(tasks).getByText(/Di chuyển đường dây 110 kV/).closest('li') as HTMLElement;
    expect(line.textContent).toContain('còn 16 ngày');
    // "ngay sau khi … hoàn thành" has no date: no countdown
    const handover = within(tasks).getByText(/nghiệm thu, bàn giao đường dây/).closest('li') as HTMLElement;
    expect(handover.textContent).toContain('Không nêu thời hạn');
    expect(handover.textContent).not.toMatch(/còn \d+ ngày|quá hạn/);
  });

  it('shows the rules that govern a cluster, each with its source', async () => {
    const store = await langSon();
    act(() => store.getState().select({ type: 'site', id: 'ls-ccn-hoa-son-1' }));
    const rules = section('Quy định áp dụng').textContent ?? '';
    // QĐ 609/QĐ-UBND, mục V (seeds/003): no operation before the wastewater plant; one environmental officer.
    expect(rules).toContain('trước khi đưa cụm vào hoạt động');
    expect(rules).toContain('ít nhất 01 cán bộ phụ trách bảo vệ môi trường');
    expect(rules).toContain('Quyết định 609/QĐ-UBND');
    // the rule on polluting clusters in residential areas is for clusters in operation, not a planned one
    act(() => store.getState().select({ type: 'site', id: 'ls-ccn-minh-son' }));
    expect(section('Quy định áp dụng').textContent).not.toContain('xen lẫn trong khu dân cư');
  });
});
