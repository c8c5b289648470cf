// The VN-2000 TM-3 central meridians the provinces of Vietnam use (each province has one), offered
// when a file in metres does not say its zone. 104.75 is 104°45′.
export const VN2000_ZONES: readonly number[] = [
  102, 103, 104, 104.5, 104.75, 105, 105.5, 105.75, 106, 106.25, 106.5, 107, 107.25, 107.5, 107.75, 108, 108.25, 108.5,
];
