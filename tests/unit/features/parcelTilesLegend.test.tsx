// The legend row of a region's PMTiles parcel layer: only where region.json names one, with the
// province's own label and the note that it needs the network.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Legend } from '../../../src/features/legend/Legend';
import { prepareRegion } from '../../../src/domain/prepare';
import { validateRegion } from '../../../src/domain/validate';
import { createAppStore } from '../../../src/store/createAppStore';
import { StoreProvider } from '../../../src/store/context';
import { miniRegion } from '../../fixtures/miniRegion';

function renderLegend(parcelTiles?: unknown) {
  const m = miniRegion();
  if (parcelTiles) m.region['parcelTiles'] = parcelTiles;
  const store = createAppStore();
  store.getState().setRegion(prepareRegion(validateRegion(m).data!));
  render(
    <StoreProvider store={store}>
      <Legend />
    </StoreProvider>,
  );
  return store;
}

describe('legend row of the parcel tiles', () => {
  it('is absent for a region without an archive', () => {
    renderLegend();
    expect(screen.queryByText('Thửa đất')).toBeNull();
    expect(screen.queryByText(/ngoại tuyến/)).toBeNull();
  });

  it('shows the label from region.json, says it is not available offline, and toggles the layer', async () => {
    const store = renderLegend({ url: 'tiles/a.pmtiles', layer: 'parcels', label: { vi: 'Thửa đất xã Cam Đường', en: 'Parcels, Cam Đường' } });
    const box = screen.getByRole('checkbox', { name: /Thửa đất xã Cam Đường/ });
    expect(screen.getByText(/cần mạng, không xem được khi ngoại tuyến/)).toBeTruthy();
    expect((box as HTMLInputElement).checked).toBe(true);
    await userEvent.setup().click(box);
    expect(store.getState().visible.parcelTiles).toBe(false);
    expect(store.getState().visible.roads).toBe(true);
  });

  it('falls back to a generic name when region.json gives none', () => {
    renderLegend({ url: 'tiles/a.pmtiles', layer: 'parcels' });
    expect(screen.getByRole('checkbox', { name: /^Thửa đất/ })).toBeTruthy();
  });
});
