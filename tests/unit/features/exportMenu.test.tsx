// The export menu opens with the five formats, in the interface language, and closes on Escape.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { ExportMenu } from '../../../src/features/export/ExportMenu';
import { renderWithLaoCai } from '../../fixtures/renderWithStore';

describe('export menu', () => {
  it('lists GeoJSON, CSV, KML, PNG and PDF, in Vietnamese then English', () => {
    const store = renderWithLaoCai(<ExportMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Xuất' }));
    const items = screen.getAllByRole('menuitem').map((b) => b.textContent ?? '');
    expect(items).toHaveLength(5);
    expect(items.join(' ')).toMatch(/GeoJSON.*CSV.*KML.*PNG.*PDF/);
    expect(items[3]).toContain('ảnh bản đồ');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    act(() => store.getState().setLang('en'));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(screen.getAllByRole('menuitem')[4]!.textContent).toContain('A4 landscape');
  });
});
