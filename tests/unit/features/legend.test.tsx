import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Legend } from '../../../src/features/legend/Legend';
import { laoCai } from '../../fixtures/laoCai';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

const setup = () => renderWithLaoCai(<Legend />);

describe('legend', () => {
  it('lists the four site groups, clearance, roads, relocations and landmarks, all on at start', () => {
    setup();
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual(Array(8).fill(true));
    for (const name of ['KCN hiện có', 'KCN quy hoạch', 'CCN hiện có', 'CCN quy hoạch', 'Giải phóng mặt bằng', 'Đường kết nối', 'Di dời']) {
      expect(screen.getByText(name)).toBeTruthy();
    }
  });

  it('turning a layer off changes what the store says is visible, and back on', async () => {
    const store = setup();
    const user = userEvent.setup();
    const box = screen.getByRole('checkbox', { name: /CCN quy hoạch/ });
    await user.click(box);
    expect(store.getState().visible['ccn-planned']).toBe(false);
    expect(store.getState().visible['kcn-existing']).toBe(true);
    expect((box as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: /Di dời/ }));
    expect(store.getState().visible.relocations).toBe(false);
    await user.click(box);
    expect(store.getState().visible['ccn-planned']).toBe(true);
  });

  it('counts the existing parks and sums their declared areas from the data', () => {
    setup();
    const sites = laoCai().data.sites.features.filter(
      (f) => f.properties.kind === 'kcn' && ['operating', 'established', 'under-construction', 'relocating'].includes(f.properties.status),
    );
    const sum = sites.reduce((s, f) => s + (f.properties.declaredAreaHa ?? 0), 0);
    // Tằng Loỏng 1,100 + Phía Nam 400 + Minh Quân 160 + Âu Lâu 155 (places.csv); KCN Đông Phố Mới has no sourced area
    expect(sum).toBeCloseTo(1815, 6);
    const row = screen.getByRole('checkbox', { name: /KCN hiện có/ }).closest('label')!;
    expect(within(row).getByText(`${sites.length} khu · tổng diện tích công bố 1.815,00 ha`)).toBeTruthy();
  });

  it('says how many named sites could not be placed on the map', () => {
    setup();
    // 2 before the portal's list, plus its 9 new clusters, none with a known position
    expect(screen.getByText(/11 khu\/cụm chưa xác định được vị trí/)).toBeTruthy();
  });
});
