/** The charts' drawing box in SVG user units (the picture scales to the width it is given), and its margins. */
export const CHART_BOX = { width: 640, height: 200, left: 8, right: 8, top: 12, bottom: 12 } as const;
