// A uniform grid over a shape's edges, so a query box meets only the edges near it (a parcel
// against a site outline of thousands of corners).
import type { Shape } from './shape';

/** Uniform grid over the outline's edges, so a parcel meets only the edges near it. */
export class SegmentGrid {
  private readonly cells: Map<number, number[]> = new Map();
  private readonly x0: number;
  private readonly y0: number;
  private readonly cw: number;
  private readonly ch: number;
  private readonly nx: number;
  private readonly ny: number;
  readonly ax: number[] = [];
  readonly ay: number[] = [];
  readonly bx: number[] = [];
  readonly by: number[] = [];
  private stamp: Int32Array;
  private tick = 0;

  constructor(shape: Shape) {
    for (const R of shape.rings) {
      for (let i = 0; i < R.n; i++) {
        const j = i + 1 === R.n ? 0 : i + 1;
        this.ax.push(R.xs[i]!);
        this.ay.push(R.ys[i]!);
        this.bx.push(R.xs[j]!);
        this.by.push(R.ys[j]!);
      }
    }
    const E = this.ax.length;
    const side = Math.max(1, Math.ceil(Math.sqrt(E)));
    const [minX, minY, maxX, maxY] = shape.bbox;
    this.x0 = minX;
    this.y0 = minY;
    this.nx = side;
    this.ny = side;
    this.cw = (maxX - minX) / side || 1;
    this.ch = (maxY - minY) / side || 1;
    this.stamp = new Int32Array(E);
    for (let e = 0; e < E; e++) {
      const [cx0, cy0, cx1, cy1] = this.cellRange(
        Math.min(this.ax[e]!, this.bx[e]!), Math.min(this.ay[e]!, this.by[e]!),
        Math.max(this.ax[e]!, this.bx[e]!), Math.max(this.ay[e]!, this.by[e]!),
      );
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          const key = cy * this.nx + cx;
          let c = this.cells.get(key);
          if (!c) this.cells.set(key, (c = []));
          c.push(e);
        }
      }
    }
  }

  private cellRange(minX: number, minY: number, maxX: number, maxY: number): [number, number, number, number] {
    const clampX = (v: number) => Math.min(this.nx - 1, Math.max(0, Math.floor((v - this.x0) / this.cw)));
    const clampY = (v: number) => Math.min(this.ny - 1, Math.max(0, Math.floor((v - this.y0) / this.ch)));
    return [clampX(minX), clampY(minY), clampX(maxX), clampY(maxY)];
  }

  /** Calls `visit` once for each edge whose cell range meets the box; stops when it returns true. */
  some(minX: number, minY: number, maxX: number, maxY: number, visit: (e: number) => boolean): boolean {
    const t = ++this.tick;
    const [cx0, cy0, cx1, cy1] = this.cellRange(minX, minY, maxX, maxY);
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const c = this.cells.get(cy * this.nx + cx);
        if (!c) continue;
        for (const e of c) {
          if (this.stamp[e] === t) continue;
          this.stamp[e] = t;
          if (visit(e)) return true;
        }
      }
    }
    return false;
  }
}

