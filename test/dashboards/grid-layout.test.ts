import { placeRows } from '../../constructs/dashboards';

describe('placeRows', () => {
  test('puts a full-width header at the top of each row', () => {
    expect(placeRows([[{ width: 24, height: 2 }], [{ width: 24, height: 2 }]]).map((row) => row.header)).toEqual([
      { x: 0, y: 0, w: 24, h: 1 },
      { x: 0, y: 3, w: 24, h: 1 },
    ]);
  });

  test('places panels left to right under their header', () => {
    expect(placeRows([[{ width: 8, height: 4 }, { width: 16, height: 4 }]])[0].panels).toEqual([
      { x: 0, y: 1, w: 8, h: 4 },
      { x: 8, y: 1, w: 16, h: 4 },
    ]);
  });

  test('starts a new line under the tallest panel when the next does not fit', () => {
    expect(placeRows([[{ width: 12, height: 4 }, { width: 12, height: 8 }, { width: 6, height: 2 }]])[0].panels[2]).toEqual({ x: 0, y: 9, w: 6, h: 2 });
  });

  test('starts the next row under the last line of the previous one', () => {
    expect(placeRows([[{ width: 12, height: 4 }, { width: 24, height: 6 }], [{ width: 1, height: 1 }]])[1].header.y).toBe(11);
  });
});
