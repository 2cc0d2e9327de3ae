import { AsyncLocalStorage } from 'node:async_hooks';
import { shade } from '../../domain/branding.js';

// Mehvar's report colours: calm blues and slate with one warm accent, readable in greyscale print.
// Exported for the web pages too, so a chart on screen and in the PDF look the same.
//
// A report is drawn in its firm's primary colour (model.branding): inside drawInBrandColours the primary
// family below (band, titles, table heads, the radar, section bars, the strongest Likert answer, the
// ladder) is derived from that colour. It is scoped to the drawing's async context, not set on the module,
// so two reports drawn at once on one thread never take each other's colour.

const brand = new AsyncLocalStorage<BrandShades>();

interface BrandShades {
  primary: string;
  primaryDark: string;
  primaryWash: string;
  ladder: string[];
}

function shadesOf(primary: string): BrandShades {
  const p = primary.toLowerCase();
  return { primary: p, primaryDark: shade(p, -0.35), primaryWash: shade(p, 0.88), ladder: [0.88, 0.78, 0.68, 0.58, 0.48].map((a) => shade(p, a)) };
}

/** Runs a report's drawing with the palette's primary family taken from `primaryColor` (`#rrggbb`). */
export function drawInBrandColours<T>(primaryColor: string, draw: () => Promise<T>): Promise<T> {
  return brand.run(shadesOf(primaryColor), draw);
}

const base = {
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

type Palette = {
  readonly [K in keyof typeof base]: (typeof base)[K] extends string ? string : (typeof base)[K] extends readonly string[] ? readonly string[] : { readonly [D in keyof (typeof base)[K]]: string };
};

const current = () => brand.getStore();

/** The colours, with the primary family of the report being drawn (Mehvar's own elsewhere). */
export const palette: Palette = {
  ...base,
  get primary() {
    return current()?.primary ?? base.primary;
  },
  get primaryDark() {
    return current()?.primaryDark ?? base.primaryDark;
  },
  get primaryWash() {
    return current()?.primaryWash ?? base.primaryWash;
  },
  get sectionBar() {
    return current()?.primary ?? base.sectionBar;
  },
  get dimensions() {
    const b = current();
    return b ? { ...base.dimensions, culture: b.primary } : base.dimensions;
  },
  get likert() {
    const b = current();
    return b ? [...base.likert.slice(0, -1), b.primary] : base.likert;
  },
  get ladder() {
    return current()?.ladder ?? base.ladder;
  },
};

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
