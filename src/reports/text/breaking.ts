import LineBreaker from 'linebreak';

/** A line as a range of the paragraph in logical order; `end` is exclusive and excludes trailing spaces. */
export interface LineRange {
  start: number;
  end: number;
}

export interface LineMeasure {
  /** Width of a piece of text on its own (fast, may be approximate). */
  text(s: string): number;
  /** Exact width of paragraph[start, end) as it will be drawn. */
  range(start: number, end: number): number;
}

const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const TRAILING_SPACE = /[ \t\u00A0]+$/;
// Less than a thousandth of a point: rounding, not overflow.
const EPSILON = 1e-3;

const graphemes = new Intl.Segmenter('fa', { granularity: 'grapheme' });

/** Break opportunities (UAX #14) as [start, end) pieces, never next to a ZWNJ or ZWJ. */
export function breakSegments(text: string): LineRange[] {
  const segments: LineRange[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const p = bk.position;
    if (p < text.length && isJoinerAt(text, p)) continue;
    if (p > last) segments.push({ start: last, end: p });
    last = p;
  }
  if (last < text.length) segments.push({ start: last, end: text.length });
  return segments;
}

function isJoinerAt(text: string, p: number): boolean {
  const before = text[p - 1];
  const after = text[p];
  return before === ZWNJ || after === ZWNJ || before === ZWJ || after === ZWJ;
}

function contentEnd(text: string, seg: LineRange): number {
  const m = TRAILING_SPACE.exec(text.slice(seg.start, seg.end));
  return m ? seg.end - m[0].length : seg.end;
}

/**
 * Greedy line breaking in logical order. Widths of pieces are summed for speed, then every line is
 * checked with its exact width and gives pieces back while it overflows. A piece wider than the box on
 * its own is first cut between graphemes.
 */
export function breakLines(text: string, maxWidth: number, measure: LineMeasure): LineRange[] {
  const segments = breakSegments(text).flatMap((seg) => fitSegment(text, seg, maxWidth, measure));
  const lines: LineRange[] = [];
  let i = 0;
  while (i < segments.length) {
    const first = i;
    let width = 0;
    let pendingSpace = 0;
    for (; i < segments.length; i++) {
      const seg = segments[i];
      const end = contentEnd(text, seg);
      const w = measure.text(text.slice(seg.start, end));
      if (i > first && width + pendingSpace + w > maxWidth + EPSILON) break;
      width += pendingSpace + w;
      pendingSpace = measure.text(text.slice(end, seg.end));
    }
    const start = segments[first].start;
    while (i - first > 1 && measure.range(start, contentEnd(text, segments[i - 1])) > maxWidth + EPSILON) i--;
    lines.push({ start, end: contentEnd(text, segments[i - 1]) });
  }
  return lines;
}

/**
 * Cuts an over-long piece into grapheme runs that each fit; the last keeps the trailing spaces. Where a
 * piece has a ZWNJ it is cut right after the last one: letters there do not join anyway, so no letter
 * changes its form.
 */
function fitSegment(text: string, seg: LineRange, maxWidth: number, measure: LineMeasure): LineRange[] {
  const end = contentEnd(text, seg);
  if (measure.text(text.slice(seg.start, end)) <= maxWidth + EPSILON) return [seg];
  const pieces: LineRange[] = [];
  let start = seg.start;
  let afterZwnj = start;
  for (const { index, segment } of graphemes.segment(text.slice(seg.start, end))) {
    const from = seg.start + index;
    const next = from + segment.length;
    while (from > start && measure.text(text.slice(start, next)) > maxWidth + EPSILON) {
      const cut = afterZwnj > start ? afterZwnj : from;
      pieces.push({ start, end: cut });
      start = cut;
    }
    if (segment.endsWith(ZWNJ)) afterZwnj = next;
  }
  pieces.push({ start, end: seg.end });
  return pieces;
}
