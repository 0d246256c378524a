import type { GrafanaGridPos } from './grafana-dashboard-json';

/** Grafana lays panels out on a grid 24 columns wide. */
export const GRID_COLUMNS = 24;
/** A row header takes one grid row. */
export const ROW_HEADER_HEIGHT = 1;

export interface PanelSize {
  readonly width: number;
  readonly height: number;
}

export interface RowPlacement {
  readonly header: GrafanaGridPos;
  readonly panels: readonly GrafanaGridPos[];
}

/**
 * Places rows one under another, each a header then its panels left to right; a panel that does not fit in what is
 * left of the line starts a new line under the tallest panel of the current one. Nothing overlaps by construction.
 * Sizes must already be valid (width 1-24, height >= 1).
 */
export function placeRows(rows: readonly (readonly PanelSize[])[]): RowPlacement[] {
  let y = 0;
  return rows.map((sizes) => {
    const header = { x: 0, y, w: GRID_COLUMNS, h: ROW_HEADER_HEIGHT };
    y += ROW_HEADER_HEIGHT;
    let x = 0;
    let lineHeight = 0;
    const panels = sizes.map(({ width, height }) => {
      if (x + width > GRID_COLUMNS) {
        y += lineHeight;
        x = 0;
        lineHeight = 0;
      }
      const position = { x, y, w: width, h: height };
      x += width;
      lineHeight = Math.max(lineHeight, height);
      return position;
    });
    y += lineHeight;
    return { header, panels };
  });
}
