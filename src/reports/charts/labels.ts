// node-canvas lays every string out with a left-to-right base direction, so a label that starts in
// Persian and contains Latin ("شاخص‌های تجربه مشتری — Customer Experience") comes out with its parts
// swapped. A RIGHT-TO-LEFT ISOLATE around it gives the string its own RTL base direction. Chart.js's
// `textDirection: 'rtl'` would be the obvious fix but crashes under node-canvas.

const RLI = '\u2067';
const PDI = '\u2069';

const FIRST_STRONG = /[\p{L}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** True when the first letter of `s` belongs to a right-to-left script. */
export function isRtlFirst(s: string): boolean {
  const first = FIRST_STRONG.exec(s);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

/** Wraps a Persian-first label in U+2067…U+2069; other labels (and already wrapped ones) pass through. */
export function rtlLabel(s: string): string {
  if (s.startsWith(RLI) || !isRtlFirst(s)) return s;
  return RLI + s + PDI;
}
