import { describe, expect, it, vi as jest } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { PanelBoundary } from '../../../src/app/PanelBoundary';
import { createAppStore } from '../../../src/store/createAppStore';
import { StoreProvider } from '../../../src/store/context';

let broken = true;
function Flaky() {
  if (broken) throw new Error('Cannot read properties of undefined (reading "declaredAreaHa")');
  return <p>Bảng mục tiêu</p>;
}

describe('a panel that throws', () => {
  it('shows a message in its place while the rest of the page (the map) stays, and can be tried again', () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    const store = createAppStore({ regionId: 'mini' });
    render(
      <StoreProvider store={store}>
        <div data-testid="map">bản đồ</div>
        <PanelBoundary>
          <Flaky />
        </PanelBoundary>
      </StoreProvider>,
    );
    expect(screen.getByTestId('map')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Không hiển thị được phần này do lỗi của ứng dụng');
    // the error's words appear as text, not markup
    expect(alert.textContent).toContain('reading "declaredAreaHa"');
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(screen.getByText('Bảng mục tiêu')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    quiet.mockRestore();
  });
});
