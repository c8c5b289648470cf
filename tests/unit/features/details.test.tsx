import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { DetailsPanel } from '../../../src/features/details/DetailsPanel';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

const setup = () => renderWithLaoCai(<DetailsPanel />);

const factValue = (label: string) => {
  const dt = screen.getByText(label, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
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
    expect(screen.getByRole('note').textContent).toContain('Hình minh hoạ');
    const computed = factValue('Diện tích theo hình vẽ');
    // The footprint is built from the legal area, 74.95 ha (QĐ 630/QĐ-UBND).
    expect(computed.textContent).toContain('74,95 ha');
    expect(computed.textContent).toContain('GeographicLib');
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
  it('shows the three areas of a park and flags clean land exceeding the legal area', async () => {
    const { buildReport } = await import('../../../src/analytics/report');
    const { laoCai } = await import('../../fixtures/laoCai');
    const store = setup();
    act(() => {
      store.getState().setReport(buildReport(laoCai(), '2026-11-22'));
      store.getState().select({ type: 'site', id: 'lc-ccn-thong-nhat-1' });
    });
    expect(factValue('Diện tích VN-2000').textContent).toMatch(/^74,9\d ha/);
    expect(factValue('Diện tích VN-2000').textContent).toContain('104°45′');
    expect(factValue('Diện tích theo Turf').textContent).toMatch(/^75,1\d ha/);
    // 74.97 ha reported clean against a legal area of 74.95 ha (facts/lao-cai-2026-plan.md).
    const clearance = factValue('Giải phóng mặt bằng').textContent ?? '';
    expect(clearance).toContain('74,97 ha');
    expect(clearance).toContain('lớn hơn diện tích của khu, cụm (74,95 ha)');
  });
});

describe('details panel: tasks a document orders', () => {
  it('lists Lạng Sơn’s 03/10/2025 notice tasks for CCN Đình Lập with their deadlines and source', async () => {
    const { prepareRegion } = await import('../../../src/domain/prepare');
    const { validateRegion } = await import('../../../src/domain/validate');
    const { readRegionFiles } = await import('../../../scripts/regionFs');
    const { createAppStore } = await import('../../../src/store/appStore');
    const { StoreProvider } = await import('../../../src/store/context');
    const { render } = await import('@testing-library/react');
    const store = createAppStore({ regionId: 'lang-son' });
    store.getState().setRegion(prepareRegion(validateRegion(readRegionFiles('lang-son')).data!));
    render(
      <StoreProvider store={store}>
        <DetailsPanel />
      </StoreProvider>,
    );
    act(() => store.getState().select({ type: 'site', id: 'ls-ccn-dinh-lap' }));
    // The notice of 03/10/2025 (facts/lang-son-plan.md): the last 0.31 ha within October; the 110 kV line by 20/10.
    const tasks = factValue('Việc phải làm').textContent ?? '';
    expect(tasks).toContain('0,31 ha');
    expect(tasks).toContain('trong tháng 10/2025');
    expect(tasks).toContain('trước 20/10/2025');
    expect(tasks).toContain('Thông báo kết luận');
  });
});

describe('fact sheet of a site', () => {
  /** Haversine on a sphere of the WGS84 mean radius: an independent check within 0.5% of the geodesic. */
  function haversineKm([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
    const r = (d: number) => (d * Math.PI) / 180;
    const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
    return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
  }

  it('groups what an investor asks first under headings, down to contacts', () => {
    const store = setup();
    act(() => store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' }));
    for (const h of ['Vị trí', 'Diện tích', 'Pháp lý và tiến độ', 'Đầu tư', 'Kết nối', 'Liên hệ']) {
      expect(screen.getByRole('heading', { name: h })).toBeTruthy();
    }
    // A park's contact is the economic-zone authority the 2026 plan names, with where it says so.
    const contact = screen.getByRole('region', { name: 'Liên hệ' });
    expect(contact.textContent).toContain('Ban Quản lý Khu kinh tế');
    expect(contact.textContent).toContain('mục V.7');
    expect(screen.getByRole('button', { name: 'In (A4)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sao chép liên kết' })).toBeTruthy();
  });

  it('gives the distance to Lào Cai station as the crow flies, matching an independent haversine within 0.5%', () => {
    const store = setup();
    act(() => store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' }));
    const region = store.getState().region!;
    const anchor = region.siteAnchors.features.find((f) => f.properties.id === 'lc-kcn-tang-loong')!.geometry.coordinates;
    const station = region.landmarks.features.find((f) => f.properties.id === 'lc-ga-lao-cai')!.geometry.coordinates;
    const expected = haversineKm(anchor as [number, number], station as [number, number]);
    const row = factValue('Ga đường sắt');
    const shown = Number(/([\d.,]+) km/.exec(row.textContent ?? '')![1]!.replace('.', '').replace(',', '.'));
    expect(Math.abs(shown - expected) / expected).toBeLessThan(0.005);
    expect(row.textContent).toContain('Ga Lào Cai');
    expect(row.textContent).toContain('đường chim bay');
  });

  it('says a kind of access point the data lacks is not in the data', () => {
    const store = setup();
    const region = store.getState().region!;
    const noAirport = <T extends { features: { properties: { kind: string } }[] }>(fc: T): T => ({ ...fc, features: fc.features.filter((f) => f.properties.kind !== 'airport') });
    const stripped = { ...region, landmarks: noAirport(region.landmarks), data: { ...region.data, landmarks: noAirport(region.data.landmarks) } };
    act(() => {
      store.getState().setRegion(stripped);
      store.getState().select({ type: 'site', id: 'lc-kcn-tang-loong' });
    });
    expect(factValue('Sân bay').textContent).toContain('chưa có trong dữ liệu');
  });

  it('shows investment in USD beside VND at the rate the region data sets, and says the rate', () => {
    const store = setup();
    const region = store.getState().region!;
    // No Lào Cai park has an investment figure yet: give one (210 tỷ đồng) to a copy of Tằng Loỏng.
    const site = { ...region.data.sites.features[0]!, properties: { ...region.data.sites.features[0]!.properties, investmentBnVnd: 210 } };
    const withRate = {
      ...region,
      data: {
        ...region.data,
        sites: { ...region.data.sites, features: [site, ...region.data.sites.features.slice(1)] },
        region: { ...region.data.region, usdRate: { vndPerUsd: 25_000, asOf: '2026-11-01', source: { doc: 'kh-2026' } } },
      },
    };
    act(() => {
      store.getState().setRegion(withRate);
      store.getState().select({ type: 'site', id: site.properties.id });
    });
    // 1 tỷ đồng = 10⁹ đồng; at 25,000 đồng per USD that is 40,000 USD = 0.04 million.
    const row = factValue('Vốn đầu tư');
    expect(row.textContent).toContain('210 tỷ đồng (≈ 8,4 triệu USD)');
    expect(row.textContent).toContain('25.000 đồng/USD');
  });
});
