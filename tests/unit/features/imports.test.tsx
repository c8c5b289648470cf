// "My files" as a planner uses it: pick a file, read what was loaded and what was not, fix the zone of
// a VN-2000 file, manage the layers, browse the attribute table. Files are the io fixtures, or built
// here; the expected figures are computed here with GeographicLib and proj4, not through src/.
import { describe, expect, it } from 'vitest';
import { act, render, screen, within, waitFor, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Geodesic } from 'geographiclib-geodesic';
import proj4 from 'proj4';
import type { Polygon } from 'geojson';
import { ImportPanel } from '../../../src/features/imports/ImportPanel';
import { ImportsHost } from '../../../src/features/imports/ImportsHost';
import { importFiles } from '../../../src/features/imports/runImport';
import { createAppStore, type AppStore } from '../../../src/store/createAppStore';
import { StoreProvider } from '../../../src/store/context';
import { laoCai } from '../../fixtures/laoCai';
import { fixture } from '../io/reference';
import { dbf, SHAPE, shp, squareCw, zip } from '../../fixtures/io/shp/build';

function setup(lang: 'vi' | 'en' = 'vi'): { store: AppStore; input: HTMLInputElement; user: ReturnType<typeof userEvent.setup> } {
  const store = createAppStore();
  store.getState().setRegion(laoCai());
  store.getState().setLang(lang);
  render(
    <StoreProvider store={store}>
      <ImportPanel />
    </StoreProvider>,
  );
  return { store, input: screen.getByTestId('import-input') as HTMLInputElement, user: userEvent.setup() };
}

const file = (bytes: Uint8Array | string, name: string) => new File([typeof bytes === 'string' ? bytes : bytes.slice()], name);

function geojson(features: { name?: string | null; geometry: object; props?: Record<string, unknown> }[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { ...(f.name === undefined ? {} : { ten: f.name }), ...f.props } })),
  });
}

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

/** GeographicLib's ellipsoidal area of a simple ring, in ha. */
function geodesicHa(ring: number[][]): number {
  const p = Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat!, lon!);
  return Math.abs(p.Compute(false, true).area ?? NaN) / 10_000;
}

const vi2 = (x: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

describe('loading a file', () => {
  it('loads the portal-style KML: count, names, legend, and the layer drawn from the store', async () => {
    const { store, input, user } = setup();
    await user.upload(input, file(fixture('cong-thong-tin.kml'), 'cong-thong-tin.kml'));
    expect(await screen.findByText('“cong-thong-tin.kml”: 5 đối tượng đã nạp.')).toBeTruthy();
    const layer = store.getState().imports[0]!;
    expect(layer.features.features.map((f) => f.properties.name)).toEqual([
      'KCN Đông Phố Mới',
      'KCN Tằng Loỏng',
      'CCN Bắc Duyên Hải',
      'Đường vào CCN Thống Nhất',
      'Cảng cạn & trạm',
    ]);
    expect((screen.getByRole('textbox', { name: 'Tên lớp' }) as HTMLInputElement).value).toBe(layer.name);
    expect(screen.getByRole('region', { name: 'Tệp của bạn' }).textContent).toContain(layer.name);
    expect(screen.getByText('5 đối tượng')).toBeTruthy();
    expect(screen.getByText(/Hệ tọa độ: WGS84/)).toBeTruthy();
    // The map is asked to frame the new layer.
    expect(store.getState().importFlyTo?.layerId).toBe(layer.id);
  }, 20_000);

  it('shows a file that cannot be read as one alert naming it, and changes nothing already loaded', async () => {
    const { store, input, user } = setup();
    await user.upload(input, file(fixture('khu-cong-nghiep.geojson'), 'khu-cong-nghiep.geojson'));
    await screen.findByText(/khu-cong-nghiep\.geojson”: \d+ đối tượng đã nạp/);
    const before = store.getState().imports;
    await user.upload(input, file(fixture('bad/cat-cut.kml'), 'cat-cut.kml'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“cat-cut.kml”');
    expect(alert.textContent).toMatch(/không phải XML hợp lệ/);
    expect(alert.textContent).toContain('Các lớp đã nạp trước đó không thay đổi.');
    expect(store.getState().imports).toBe(before);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('refuses a file over 200 MB by its size, before reading a byte of it', async () => {
    const { store } = setup();
    let read = false;
    await importFiles(store, [
      {
        name: 'ban-do-dia-chinh.geojson',
        size: 250 * 1024 * 1024,
        arrayBuffer: async () => {
          read = true;
          return new ArrayBuffer(0);
        },
      },
    ]);
    expect(read).toBe(false);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“ban-do-dia-chinh.geojson”');
    expect(alert.textContent).toContain('vượt giới hạn 200 MB');
    expect(store.getState().imports).toEqual([]);
  });

  it('shows a busy state while the file is read', async () => {
    const { store } = setup();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const bytes = new TextEncoder().encode(geojson([{ name: 'A', geometry: point(104.05, 22.38) }]));
    const done = importFiles(store, [{ name: 'cham.geojson', size: bytes.length, arrayBuffer: async () => (await gate, bytes.slice().buffer) }]);
    expect(await screen.findByText('Đang đọc tệp “cham.geojson”…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Chọn tệp…' }) as HTMLButtonElement).disabled).toBe(true);
    release();
    await done;
    expect(await screen.findByText('“cham.geojson”: 1 đối tượng đã nạp.')).toBeTruthy();
    expect(screen.queryByText(/Đang đọc tệp/)).toBeNull();
  });
});

describe('problems of a file', () => {
  it('lists errors with number, name and reason, and folds 40 missing names into one line', async () => {
    const { input, user } = setup();
    const unnamed = Array.from({ length: 40 }, (_, i) => ({ geometry: point(104 + i * 0.001, 22.4) }));
    const text = geojson([
      { name: 'Lô tốt', geometry: point(104.05, 22.38) },
      ...unnamed,
      { name: 'Lô Paris', geometry: point(2.35, 48.85) },
    ]);
    await user.upload(input, file(text, 'khao-sat.geojson'));
    expect(await screen.findByText('“khao-sat.geojson”: 41 đối tượng đã nạp; 1 đối tượng không nạp được (xem bên dưới).')).toBeTruthy();
    const errors = screen.getByText('1 đối tượng không nạp được').closest('details')!;
    expect(errors.open).toBe(true);
    // Feature 42 of the file (counted from 1), with its name, and why.
    expect(within(errors).getByRole('listitem').textContent).toMatch(/^Đối tượng thứ 42 \(“Lô Paris”\) nằm ngoài Việt Nam/);
    const warnings = screen.getByText('40 lưu ý (các đối tượng này vẫn được nạp)').closest('details')!;
    expect(warnings.open).toBe(false);
    expect(within(warnings).getAllByRole('listitem', { hidden: true }).map((li) => li.textContent)).toEqual(['40 đối tượng không có tên.']);
  });
});

describe('areas of a layer', () => {
  it('shows the ellipsoidal total as the headline, with VN-2000 and Turf beside it', async () => {
    const { input, user } = setup();
    const a = [[104.0, 22.3], [104.01, 22.3], [104.01, 22.31], [104.0, 22.31], [104.0, 22.3]];
    const b = [[104.1, 22.4], [104.12, 22.4], [104.12, 22.41], [104.1, 22.4]];
    const text = geojson([
      { name: 'Lô A', geometry: { type: 'Polygon', coordinates: [a] } },
      { name: 'Lô B', geometry: { type: 'Polygon', coordinates: [b] } },
      { name: 'Mốc', geometry: point(104.05, 22.38) },
    ]);
    await user.upload(input, file(text, 'lo-dat.geojson'));
    await screen.findByText(/“lo-dat\.geojson”: 3 đối tượng đã nạp/);
    const expected = geodesicHa(a) + geodesicHa(b);
    // About 115 + 114 ha: a 0.01° square at 22°N is 1.03 km by 1.11 km.
    expect(expected).toBeGreaterThan(200);
    expect(document.querySelector('.import-area-headline')!.textContent).toBe(`${vi2(expected)} ha`);
    const area = document.querySelector('.import-area') as HTMLElement;
    expect(area.textContent).toContain('VN-2000, múi 104°45′');
    expect(area.textContent).toContain('Mặt cầu');
    expect(area.textContent).toContain('Cộng 2 vùng của tệp');
    expect(screen.getByText('3 đối tượng').parentElement!.textContent).toContain('2 vùng, 1 điểm');
  });
});

describe('a polygon that crosses itself', () => {
  it('is loaded as its repaired shape: drawn, flagged where it crosses, its area labelled, and left out on request', async () => {
    const { store, input, user } = setup();
    const square = [[104.0, 22.3], [104.01, 22.3], [104.01, 22.31], [104.0, 22.31], [104.0, 22.3]];
    // A lopsided bow-tie: corners 2 and 3 swapped, so edges 1→2 and 3→4 cross.
    const p1: [number, number] = [104.1, 22.4];
    const p2: [number, number] = [104.13, 22.41];
    const p3: [number, number] = [104.13, 22.4];
    const p4: [number, number] = [104.1, 22.42];
    const text = geojson([
      { name: 'Lô vuông', geometry: { type: 'Polygon', coordinates: [square] } },
      { name: 'Nơ bướm', geometry: { type: 'Polygon', coordinates: [[p1, p2, p3, p4, p1]] } },
    ]);
    await user.upload(input, file(text, 'no-buom.geojson'));
    expect(await screen.findByText('“no-buom.geojson”: 2 đối tượng đã nạp.')).toBeTruthy();

    // Where the edges cross (line–line intersection), and the two triangles either side of it.
    const d = (p1[0] - p2[0]) * (p3[1] - p4[1]) - (p1[1] - p2[1]) * (p3[0] - p4[0]);
    const t = ((p1[0] - p3[0]) * (p3[1] - p4[1]) - (p1[1] - p3[1]) * (p3[0] - p4[0])) / d;
    const x: [number, number] = [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])];
    const bowTieHa = geodesicHa([p1, x, p4, p1]) + geodesicHa([x, p2, p3, x]);
    const expected = geodesicHa(square) + bowTieHa;

    const headline = document.querySelector('.import-area-headline')!;
    expect(headline.textContent).toBe(`${vi2(expected)} ha đã sửa hình`);
    expect(document.querySelector('.import-area')!.textContent).toContain('Gồm 1 vùng tự cắt, tính trên hình đã sửa.');
    const list = screen.getByTestId('import-repaired');
    const item = within(list).getByRole('listitem');
    expect(item.textContent).toContain('2. Nơ bướm');
    expect(item.textContent).toContain(`${vi2(bowTieHa)} ha`);
    expect(item.textContent).toContain('đã sửa hình');
    expect(item.textContent).toContain(`Tự cắt tại [${x[0].toFixed(6)}, ${x[1].toFixed(6)}]`);

    // Linked to a site, the site's area is the repaired shape's, and says so.
    const siteId = laoCai().data.sites.features[0]!.properties.id;
    const layerId = store.getState().imports[0]!.id;
    act(() => store.getState().setSiteLink(layerId, 1, siteId, true));
    expect(store.getState().region!.areas[siteId]!.surveyedFrom?.repaired).toBe(true);
    // Within 10⁻⁷ of the area: the app measures rings under 2 km across in a local equal-area plane of the
    // ellipsoid (src/geo/geodesic.ts), the test with GeographicLib directly.
    expect(Math.abs(store.getState().region!.areas[siteId]!.computedHa! - bowTieHa)).toBeLessThan(1e-7 * bowTieHa);

    // Left out: off the total, no site's outline any more, the choice kept on the layer.
    await user.click(within(item).getByRole('checkbox', { name: 'Bỏ vùng này khỏi lớp: Nơ bướm' }));
    expect(store.getState().imports[0]!.leftOut).toEqual([1]);
    expect(headline.textContent).toBe(`${vi2(geodesicHa(square))} ha`);
    expect(document.querySelector('.import-area')!.textContent).toContain('1 vùng đã bỏ khỏi lớp');
    expect(store.getState().region!.areas[siteId]!.surveyedFrom).toBeUndefined();
    // …and taken back.
    await user.click(within(item).getByRole('checkbox', { name: 'Bỏ vùng này khỏi lớp: Nơ bướm' }));
    expect(store.getState().imports[0]!.leftOut).toEqual([]);
    expect(headline.textContent).toBe(`${vi2(expected)} ha đã sửa hình`);
  }, 30_000);
});

describe('a VN-2000 file without its zone', () => {
  // A 200 m square in metres, 50 km east of 104°45′'s meridian, with no .prj.
  const E = 550_000;
  const N = 2_475_000;
  const zipped = () => {
    const { shp: s, shx } = shp(SHAPE.polygon, [[squareCw(E, N, 200)]]);
    return zip({ 'lo.shp': s, 'lo.shx': shx, 'lo.dbf': dbf([{ name: 'TEN', type: 'C', length: 20 }], [['Lô khảo sát']]) });
  };
  const towgs = '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278';
  const lonLat = (zone: number) =>
    proj4(`+proj=tmerc +lat_0=0 +lon_0=${zone} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ${towgs} +units=m +no_defs`, 'WGS84', [E, N]) as [number, number];

  it('says the province zone was used, and a chosen zone reads the file again and moves the layer', async () => {
    const { store, input, user } = setup();
    await user.upload(input, file(zipped(), 'lo-dat.zip'));
    await screen.findByText(/“lo-dat\.zip”: 1 đối tượng đã nạp/);
    expect(screen.getByText(/không ghi múi chiếu; đã dùng múi chiếu 104°45′ của tỉnh/)).toBeTruthy();
    const sw = () => {
      const ring = (store.getState().imports[0]!.features.features[0]!.geometry as Polygon).coordinates[0]!;
      return ring.reduce((m, p) => (p[0]! + p[1]! < m[0]! + m[1]! ? p : m));
    };
    const at104_45 = lonLat(104.75);
    expect(sw()[0]).toBeCloseTo(at104_45[0], 5);
    expect(sw()[1]).toBeCloseTo(at104_45[1], 5);
    const id = store.getState().imports[0]!.id;
    const select = screen.getByRole('combobox', { name: 'Múi chiếu VN-2000' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '102°', '103°', '104°', '104°30′', '104°45′', '105°', '105°30′', '105°45′', '106°', '106°15′', '106°30′', '107°', '107°15′', '107°30′', '107°45′', '108°', '108°15′', '108°30′',
    ]);
    await user.selectOptions(select, '105.5');
    await screen.findByText('“lo-dat.zip” đã được đọc lại với múi chiếu 105°30′: 1 đối tượng.');
    const at105_30 = lonLat(105.5);
    expect(sw()[0]).toBeCloseTo(at105_30[0], 5);
    expect(sw()[1]).toBeCloseTo(at105_30[1], 5);
    // The same layer, replaced in place; the notice about the default is gone, the chooser stays.
    expect(store.getState().imports.map((l) => l.id)).toEqual([id]);
    expect(screen.getByText(/VN-2000 TM-3, kinh tuyến trục 105°30′ \(bạn chọn\)/)).toBeTruthy();
    expect(screen.queryByText(/đã dùng múi chiếu 104°45′ của tỉnh/)).toBeNull();
    expect(store.getState().importFlyTo?.layerId).toBe(id);
  });
});

describe('managing layers', () => {
  it('renames, recolours, hides, removes and undoes the removal', async () => {
    const { store, input, user } = setup();
    await user.upload(input, file(geojson([{ name: 'A', geometry: point(104.05, 22.38) }]), 'diem.geojson'));
    await screen.findByText(/“diem\.geojson”: 1 đối tượng đã nạp/);
    const nameBox = screen.getByRole('textbox', { name: 'Tên lớp' });
    await user.clear(nameBox);
    await user.type(nameBox, 'Mốc giới đợt 2{Enter}');
    expect(store.getState().imports[0]!.name).toBe('Mốc giới đợt 2');
    fireEvent.input(screen.getByLabelText('Màu: Mốc giới đợt 2'), { target: { value: '#123456' } });
    expect(store.getState().imports[0]!.color).toBe('#123456');
    await user.click(screen.getByLabelText('Hiện: Mốc giới đợt 2'));
    expect(store.getState().imports[0]!.visible).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Xoá' }));
    expect(store.getState().imports).toEqual([]);
    expect(screen.getByText('Đã xoá lớp “Mốc giới đợt 2”.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    expect(store.getState().imports.map((l) => l.name)).toEqual(['Mốc giới đợt 2']);
    await user.click(screen.getByRole('button', { name: 'Xem trên bản đồ' }));
    expect(store.getState().importFlyTo?.layerId).toBe(store.getState().imports[0]!.id);
  });

  it('speaks English when the interface does', async () => {
    const { input, user } = setup('en');
    await user.upload(input, file(fixture('cong-thong-tin.kml'), 'cong-thong-tin.kml'));
    expect(await screen.findByText('“cong-thong-tin.kml”: 5 features loaded.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Your file' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Attribute table' })).toBeTruthy();
  });
});

describe('the attribute table', () => {
  it('sorts, filters without diacritics, and shows names from the file as text', async () => {
    const { input, user } = setup();
    const evil = '<img src=x onerror=alert(1)>';
    const text = geojson([
      { name: 'KCN Đông Phố Mới', geometry: point(104.05, 22.38), props: { dien_tich: 100.5 } },
      { name: evil, geometry: point(104.06, 22.38), props: { dien_tich: 7 } },
      { name: 'CCN Bắc Duyên Hải', geometry: point(104.07, 22.38), props: { dien_tich: 75 } },
    ]);
    await user.upload(input, file(text, 'bang.geojson'));
    await screen.findByText(/“bang\.geojson”: 3 đối tượng đã nạp/);
    await user.click(screen.getByRole('button', { name: 'Bảng thuộc tính' }));
    const table = screen.getByRole('table');
    const names = () => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1]!.textContent);
    expect(names()).toEqual(['KCN Đông Phố Mới', evil, 'CCN Bắc Duyên Hải']);
    // The markup in the name is shown as characters: no image element was made.
    expect(table.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    await user.click(within(table).getByRole('button', { name: 'dien_tich' }));
    expect(names()).toEqual([evil, 'CCN Bắc Duyên Hải', 'KCN Đông Phố Mới']);
    await user.click(within(table).getByRole('button', { name: /dien_tich/ }));
    expect(names()).toEqual(['KCN Đông Phố Mới', 'CCN Bắc Duyên Hải', evil]);
    expect(within(table).getByRole('columnheader', { name: /dien_tich/ }).getAttribute('aria-sort')).toBe('descending');
    // vi-VN numbers in the cells: 100,5.
    expect(within(table).getByText('100,5')).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: 'Lọc bảng (gõ không dấu cũng được)' }), 'dong pho');
    expect(names()).toEqual(['KCN Đông Phố Mới']);
    expect(screen.getByText('1 trên 3 dòng')).toBeTruthy();
  });
});

describe('several files at once', () => {
  it('zips the parts of a Shapefile picked together and reads them as one layer', async () => {
    const { store, input, user } = setup();
    const { shp: s, shx } = shp(SHAPE.point, [[[[104.05, 22.38]]]]);
    const d = dbf([{ name: 'TEN', type: 'C', length: 20 }], [['Mốc 1']]);
    await user.upload(input, [file(s, 'moc.shp'), file(shx, 'moc.shx'), file(d, 'moc.dbf')]);
    await waitFor(() => expect(store.getState().imports).toHaveLength(1));
    expect(store.getState().imports[0]!.format).toBe('shapefile');
    expect(store.getState().imports[0]!.features.features[0]!.properties.name).toBe('Mốc 1');
  });

  it('keeps one result per file: two loaded and one refused, each named, in the order read', async () => {
    const { store, input, user } = setup();
    await user.upload(input, [
      file(geojson([{ name: 'A', geometry: point(104.05, 22.38) }]), 'mot.geojson'),
      file('{ day khong phai json', 'hong.geojson'),
      file(geojson([{ name: 'B', geometry: point(104.06, 22.39) }, { name: 'C', geometry: point(104.07, 22.4) }]), 'hai.geojson'),
    ]);
    const box = await screen.findByTestId('import-batch');
    const lines = within(box).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('“mot.geojson”: 1 đối tượng đã nạp.');
    expect(lines[1]).toContain('“hong.geojson”');
    expect(lines[2]).toBe('“hai.geojson”: 2 đối tượng đã nạp.');
    expect(box.textContent).toContain('Đã đọc 3 tệp; 1 tệp không nạp được');
    expect(store.getState().imports.map((l) => l.fileName)).toEqual(['mot.geojson', 'hai.geojson']);
  });
});

describe('on the map area', () => {
  function host(): { store: AppStore; wrap: HTMLElement } {
    const store = createAppStore();
    store.getState().setRegion(laoCai());
    const { container } = render(
      <StoreProvider store={store}>
        <div className="map-wrap" data-testid="wrap">
          <ImportsHost />
        </div>
      </StoreProvider>,
    );
    return { store, wrap: container.querySelector('.map-wrap') as HTMLElement };
  }

  it('says when the browser could not keep a layer, naming it', () => {
    const { store } = host();
    act(() => store.getState().setImportStorageNotice({ kind: 'quota', names: ['Bản đồ địa chính'] }));
    expect(screen.getByRole('alert').textContent).toMatch(/Bộ nhớ của trình duyệt đã đầy nên không lưu được lớp “Bản đồ địa chính”/);
    act(() => store.getState().setImportStorageNotice({ kind: 'corrupt', names: ['Lô cũ'] }));
    expect(screen.getByRole('alert').textContent).toMatch(/Không mở lại được lớp đã lưu “Lô cũ”.*các lớp khác vẫn được nạp/);
  });

  it('shows the drop overlay while a file is dragged over, and reads the dropped file into the “My files” tab', async () => {
    const { store, wrap } = host();
    const files = [file(geojson([{ name: 'Thả vào', geometry: point(104.05, 22.38) }]), 'tha.geojson')];
    const dataTransfer = { types: ['Files'], files, dropEffect: 'none' };
    fireEvent.dragOver(wrap, { dataTransfer });
    expect(screen.getByTestId('import-drop').textContent).toBe('Thả tệp vào đây để nạp lên bản đồ');
    fireEvent.drop(wrap, { dataTransfer });
    expect(screen.queryByTestId('import-drop')).toBeNull();
    expect(store.getState().tab).toBe('imports');
    await waitFor(() => expect(store.getState().imports.map((l) => l.fileName)).toEqual(['tha.geojson']));
  });
});
