import { localeOf, type Lang } from '../shared/i18n.js';
import { MESSAGES } from './messages.js';

/**
 * The texts app.js shows while a report link marked data-download is being prepared (script.ts), put on the
 * element holding the links so app.js holds no language (not even the separator between its parts): the
 * page's language, with {s}, {queued} and {running} where app.js writes the numbers in the page's digits.
 */
export function downloadTexts(lang: Lang): Record<string, string> {
  const t = MESSAGES[lang];
  return {
    'data-locale': localeOf(lang),
    'data-preparing': t.download.preparing,
    'data-elapsed': t.download.elapsed,
    'data-separator': t.download.separator,
    'data-queue': t.download.queue,
    'data-ready': t.download.ready,
    'data-failed': t.download.failed,
    'data-retry': t.retryIn('{s}'),
  };
}
