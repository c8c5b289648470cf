import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SearchBox } from '../../../src/features/search/SearchBox';
import { SiteTable } from '../../../src/features/sites/SiteTable';
import { buildReport } from '../../../src/analytics/report';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

describe('search box', () => {
  it('lists parks and clusters typed without marks, moves with the arrow keys, and opens the pick', async () => {
    const store = renderWithLaoCai(<SearchBox />);
    const user = userEvent.setup();
    const box = screen.getByRole('combobox', { name: 'Tìm khu, cụm hoặc xã' });
    await user.type(box, 'thong nhat');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.length).toBeGreaterThanOrEqual(2);
    for (const o of options) expect(o.textContent).toMatch(/Thống Nhất/);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    const second = options[1]!.textContent!;
    await user.keyboard('{Enter}');
    const sel = store.getState().selected!;
    const picked = store.getState().region!.data.sites.features.find((f) => f.properties.id === sel.id)!.properties;
    expect(second).toContain(picked.name.vi);
    expect(store.getState().flyTo?.siteId).toBe(sel.id);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('finds Tằng Loỏng from "tang long" (a letter short)', async () => {
    renderWithLaoCai(<SearchBox />);
    await userEvent.setup().type(screen.getByRole('combobox'), 'tang long');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]!.textContent).toContain('Tằng Loỏng');
  });

  it('says when nothing matches, and Escape closes the list', async () => {
    renderWithLaoCai(<SearchBox />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox'), 'khong co khu nay');
    expect(screen.getByRole('listbox').textContent).toBe('Không tìm thấy khu, cụm nào');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});

describe('site list filters', () => {
  it('narrows the list by status and area range, and one button clears everything', async () => {
    const store = renderWithLaoCai(<SiteTable />);
    const region = store.getState().region!;
    act(() => store.getState().setReport(buildReport(region, region.data.region.asOf)));
    const user = userEvent.setup();
    const total = region.data.sites.features.length;
    const established = region.data.sites.features.filter((f) => f.properties.status === 'established');
    await user.click(screen.getByText('Thêm bộ lọc'));
    await user.click(screen.getByRole('checkbox', { name: 'Đã thành lập' }));
    expect(screen.getByRole('status').textContent).toBe(`Hiển thị ${established.length}/${total} khu, cụm`);
    const big = established.filter((f) => (f.properties.declaredAreaHa ?? -1) >= 50);
    await user.type(screen.getByLabelText('Từ (ha)'), '50');
    expect(screen.getByRole('status').textContent).toBe(`Hiển thị ${big.length}/${total} khu, cụm`);
    expect(store.getState().siteFilter).toMatchObject({ statuses: ['established'], minHa: 50 });
    await user.click(screen.getByRole('button', { name: 'Bỏ mọi bộ lọc' }));
    expect(screen.getByRole('status').textContent).toBe(`Hiển thị ${total}/${total} khu, cụm`);
  });

  it('refuses "abc" in the area range in place: the panel stays open, the message says why, the last good value holds', async () => {
    const store = renderWithLaoCai(<SiteTable />);
    const region = store.getState().region!;
    act(() => store.getState().setReport(buildReport(region, region.data.region.asOf)));
    const user = userEvent.setup();
    await user.click(screen.getByText('Thêm bộ lọc'));
    const min = screen.getByLabelText('Từ (ha)');
    await user.type(min, '50');
    await user.clear(min);
    await user.type(min, 'abc');
    expect((min as HTMLInputElement).value).toBe('abc');
    expect(min.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('"abc" không phải là số ha; nhập số, ví dụ 50 hoặc 12,5.');
    expect(screen.getByText('Thêm bộ lọc').closest('details')!.open).toBe(true);
    // Clearing the box on the way to "abc" set no bound; the refused text changed nothing after that.
    expect(store.getState().siteFilter.minHa).toBeNull();
    await user.clear(min);
    await user.type(min, '12,5');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().siteFilter.minHa).toBe(12.5);
    await user.type(min, 'x');
    expect(screen.getByRole('alert').textContent).toContain('"12,5x"');
    expect(store.getState().siteFilter.minHa).toBe(12.5);
  });

  it('says the sources have no wastewater figure for any Lào Cai site instead of offering a filter that keeps none', async () => {
    const store = renderWithLaoCai(<SiteTable />);
    const region = store.getState().region!;
    act(() => store.getState().setReport(buildReport(region, region.data.region.asOf)));
    expect(region.data.sites.features.every((f) => f.properties.wastewater === undefined)).toBe(true);
    await userEvent.setup().click(screen.getByText('Thêm bộ lọc'));
    const select = screen.getByRole('combobox', { name: /Xử lý nước thải/ }) as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.getAttribute('aria-describedby')).toBe('no-wastewater-data');
    expect(document.getElementById('no-wastewater-data')!.textContent).toContain('chưa có thông tin xử lý nước thải');
  });
});

