import type { Lang } from '../shared/i18n.js';
import { fmtFor } from './format.js';
import { MANAGE_EN } from './manageText.en.js';
import { MANAGE_FA, type ManageText } from './manageText.fa.js';

export type { ManageText };
export const MANAGE: Record<Lang, ManageText> = { fa: MANAGE_FA, en: MANAGE_EN };

/** The confirmation a redirect carries in `?done=` (and `&n=` for a count), in the reader's language. */
export function flashText(lang: Lang, done: string | undefined, n: string | undefined): string | undefined {
  // Only the confirmations listed: `?done=constructor` names nothing.
  if (!done || !Object.hasOwn(MANAGE[lang].flash, done)) return undefined;
  const m = MANAGE[lang].flash[done];
  if (typeof m === 'function') return m(fmtFor(lang).count(/^\d{1,6}$/.test(n ?? '') ? Number(n) : 0));
  return m;
}
