/**
 * Normalizes user-typed text: Arabic yeh/kaf (ي ك ى) become Persian ی ک, so the same word typed on an
 * Arabic keyboard layout matches; ZWNJ (U+200C) is kept because it is part of Persian spelling.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/[\u064A\u0649]/g, '\u06CC').replace(/\u0643/g, '\u06A9').trim();
}
