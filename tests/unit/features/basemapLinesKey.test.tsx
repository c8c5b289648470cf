// The legend's key of the basemap's railways and roads: the three classes and what they cover, with the
// embedded basemap only (the online style draws its own roads, which this key would misdescribe).
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { Legend } from '../../../src/features/legend/Legend';
import { prepareRegion } from '../../../src/domain/prepare';
import { validateRegion } from '../../../src/domain/validate';
import { createAppStore } from '../../../src/store/createAppStore';
import { StoreProvider } from '../../../src/store/context';
import { miniRegion } from '../../fixtures/miniRegion';

function renderLegend() {
  const store = createAppStore();
  store.getState().setRegion(prepareRegion(validateRegion(miniRegion()).data!));
  render(
    <StoreProvider store={store}>
      <Legend />
    </StoreProvider>,
  );
  return store;
}

describe('legend key of the basemap railways and roads', () => {
  it('names railway, national and provincial roads and says the roads cover the former Lào Cai only, without expressways', () => {
    renderLegend();
    expect(screen.getByText('Đường sắt, đường bộ trên bản đồ nền')).toBeTruthy();
    expect(screen.getByText('Đường sắt')).toBeTruthy();
    expect(screen.getByText('Quốc lộ (QL)')).toBeTruthy();
    expect(screen.getByText('Đường tỉnh (ĐT)')).toBeTruthy();
    expect(screen.getByText(/tỉnh Lào Cai cũ; chưa có đường cao tốc/)).toBeTruthy();
  });

  it('is left out when the online basemap is chosen', () => {
    const store = renderLegend();
    act(() => store.getState().setBasemap('osm'));
    expect(screen.queryByText('Quốc lộ (QL)')).toBeNull();
  });
});
