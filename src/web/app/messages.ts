import type { Lang } from '../shared/i18n.js';
import { EN } from './messages.en.js';
import { FA, type Messages } from './messages.fa.js';
import { REPORT_EN } from './reportText.en.js';
import { REPORT_FA, type ReportText } from './reportText.fa.js';

export type { Messages, ReportText };

export const MESSAGES: Record<Lang, Messages> = { fa: FA, en: EN };
export const REPORT_TEXT: Record<Lang, ReportText> = { fa: REPORT_FA, en: REPORT_EN };
