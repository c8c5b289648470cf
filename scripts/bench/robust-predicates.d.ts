// robust-predicates 2.0.4 ships no types; the benchmark uses one function of it.
declare module 'robust-predicates' {
  /** Positive when a→b→c turns clockwise… in its own sign convention; only the sign is compared here. */
  export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number;
}
