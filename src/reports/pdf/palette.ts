// Mehvar's report colours: calm blues and slate with one warm accent, readable in greyscale print.
// Exported for the web pages too, so a chart on screen and in the PDF look the same.

export const palette = {
  ink: '#1f2a37',
  muted: '#5b6776',
  faint: '#8a94a3',
  rule: '#d5dbe3',
  wash: '#f3f5f8',
  white: '#ffffff',

  primary: '#2f5d8a',
  primaryDark: '#1e3f60',
  primaryWash: '#e6eef6',
  /** Targets and the "you are here" marker. */
  accent: '#c7793b',
  accentWash: '#f8ece2',

  dimensions: {
    culture: '#2f5d8a',
    process: '#3f8f7f',
    interaction: '#8a6bb0',
  },
  /** Level and section bars of the score chart. */
  levelBar: '#3f8f7f',
  sectionBar: '#2f5d8a',
  whisker: '#1f2a37',

  /** Diverging Likert scale, from the lowest answer to the highest. */
  likert: ['#b5553c', '#e3a58e', '#d8dadf', '#94b8d8', '#2f5d8a'],
  dontKnow: '#a7adb5',
  notApplicable: '#d9cfbd',

  priority: {
    high: '#b5553c',
    medium: '#c98f2e',
    low: '#5f8a5a',
  },
  /** Maturity ladder, level 1 to 5. */
  ladder: ['#e9eef4', '#d3deea', '#bccde0', '#a5bcd5', '#8eaacb'],
} as const;

/** A Likert colour for a tone in [-1, 1] (lowest answer -1, neutral 0, highest 1). */
export function likertColour(tone: number): string {
  const i = Math.round(((tone + 1) / 2) * (palette.likert.length - 1));
  return palette.likert[Math.max(0, Math.min(palette.likert.length - 1, i))];
}

/** `#rrggbb` with an alpha, for chart fills. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
