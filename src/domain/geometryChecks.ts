// Structural checks of GeoJSON geometries in a region's files (positions are WGS84 lon/lat, rings closed), and
// the editor's plain words for what went wrong.
import type { Geometry, Position } from 'geojson';

export type GeometryType = Geometry['type'];

function checkPosition(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2) return 'tọa độ phải là [kinh độ, vĩ độ]';
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'tọa độ phải là số hữu hạn';
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    return `tọa độ [${lon}, ${lat}] không phải kinh độ/vĩ độ WGS84 (có thể là VN-2000 chưa chuyển đổi)`;
  }
  return null;
}

function checkRing(ring: unknown, label: string): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return `${label}: vòng đa giác cần ít nhất 4 điểm`;
  for (const p of ring) {
    const e = checkPosition(p);
    if (e) return `${label}: ${e}`;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return `${label}: vòng đa giác chưa khép kín (điểm đầu ≠ điểm cuối)`;
  return null;
}

/** Structural check of a GeoJSON geometry: returns a message or null. */
export function checkGeometry(g: unknown, allowed: readonly GeometryType[], allowNull: boolean): string | null {
  if (g === null || g === undefined) return allowNull ? null : 'thiếu hình học (geometry)';
  if (typeof g !== 'object' || !('type' in g) || !('coordinates' in g)) return 'hình học không hợp lệ';
  const geom = g as { type: string; coordinates: unknown };
  if (!(allowed as readonly string[]).includes(geom.type)) {
    return `kiểu hình học ${geom.type} không được phép ở đây (cho phép: ${allowed.join(', ')})`;
  }
  const c = geom.coordinates;
  switch (geom.type) {
    case 'Point':
      return checkPosition(c);
    case 'LineString': {
      if (!Array.isArray(c) || c.length < 2) return 'đường cần ít nhất 2 điểm';
      for (const p of c) {
        const e = checkPosition(p);
        if (e) return e;
      }
      return null;
    }
    case 'Polygon': {
      if (!Array.isArray(c) || c.length === 0) return 'đa giác rỗng';
      for (let i = 0; i < c.length; i++) {
        const e = checkRing(c[i], i === 0 ? 'vòng ngoài' : `lỗ thứ ${i}`);
        if (e) return e;
      }
      return null;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(c) || c.length === 0) return 'đa giác rỗng';
      for (let k = 0; k < c.length; k++) {
        const poly = c[k];
        if (!Array.isArray(poly) || poly.length === 0) return `phần ${k + 1}: đa giác rỗng`;
        for (let i = 0; i < poly.length; i++) {
          const e = checkRing(poly[i], `phần ${k + 1}, ${i === 0 ? 'vòng ngoài' : `lỗ thứ ${i}`}`);
          if (e) return e;
        }
      }
      return null;
    }
    default:
      return `kiểu hình học ${geom.type} chưa được hỗ trợ`;
  }
}

/** A geometry problem in the editor's words: what a moved point or an attached boundary can get wrong. */
export function geometrySay(message: string): { vi: string; en: string } {
  if (message.includes('WGS84')) {
    return { vi: 'tọa độ không phải kinh độ, vĩ độ (độ thập phân WGS84); có thể đang là mét VN-2000', en: 'these are not longitude and latitude (WGS84 decimal degrees); they may be VN-2000 metres' };
  }
  if (message.includes('vòng đa giác') || message.includes('đa giác rỗng')) {
    return { vi: 'đường ranh không khép kín hoặc có quá ít điểm', en: 'the boundary is not closed or has too few points' };
  }
  if (message.includes('số hữu hạn')) return { vi: 'tọa độ phải là số', en: 'the coordinates must be numbers' };
  return { vi: 'hình trên bản đồ không hợp lệ', en: 'the shape on the map is not valid' };
}

export function firstPosition(g: Geometry | null): Position | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'LineString':
      return g.coordinates[0] ?? null;
    case 'Polygon':
      return g.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0] ?? null;
    default:
      return null;
  }
}
