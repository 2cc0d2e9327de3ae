import type { Lang } from '../questionnaire/localize.js';
import { targetOf } from './actions.js';
import type { MeasuredAction, MeasureStatus } from './actionsChange.js';

// The trend's `actions` as the API serves them: one language, numbers unrounded, CIs as [lo, hi].

const NOTES: Record<Exclude<MeasureStatus, 'measured'>, Record<Lang, (missing: string) => string>> = {
  noNextAssessment: { fa: () => 'هنوز ارزیابی بعدی در این مقایسه نیست.', en: () => 'No later assessment in this comparison yet.' },
  itemsMissing: {
    fa: (m) => `این گویه‌ها در نسخه‌ی دیگر پرسش‌نامه نیستند، پس تغییرشان سنجیده نمی‌شود: ${m}`,
    en: (m) => `These items are not in the other questionnaire version, so their change is not measured: ${m}`,
  },
  targetMissing: { fa: () => 'هدف این اقدام در هر دو نسخه‌ی پرسش‌نامه گویه‌ای ندارد.', en: () => 'The target has no item in both questionnaire versions.' },
  notDisclosed: {
    fa: () => 'یکی از دو دور کمتر از حد ناشناس‌ماندن پاسخ در نتایج دارد؛ تغییری نشان داده نمی‌شود.',
    en: () => 'One of the two rounds has fewer responses in its figures than the anonymity threshold; no change is shown.',
  },
};

/** Why a measure has no change, in words; null when it has one. */
export function measureNote(status: MeasureStatus, missingItems: readonly string[], lang: Lang): string | null {
  return status === 'measured' ? null : NOTES[status][lang](missingItems.join(lang === 'fa' ? '، ' : ', '));
}

export function presentTrendActions(list: readonly MeasuredAction[], lang: Lang) {
  return list.map(({ action: a, targetName, overdue, measure: m }) => {
    const t = targetOf(a);
    const c = m.change;
    return {
      id: a.id,
      assessmentId: a.assessment_id,
      title: a.title,
      owner: a.owner,
      status: a.status,
      dueDate: a.due_date,
      overdue,
      target: { ...(t.kind === 'dimension' ? { kind: t.kind, dimension: t.dimension } : t.kind === 'section' ? { kind: t.kind, section: t.section } : { kind: t.kind, itemIds: t.itemIds }), name: targetName[lang] },
      measurement: { status: m.status, nextAssessmentId: m.to, missingItems: m.missingItems, note: measureNote(m.status, m.missingItems, lang) },
      change:
        c && m.before && m.after
          ? {
            from: m.before.mean, to: m.after.mean, delta: c.delta, ci95: c.ci95 ? ([c.ci95.low, c.ci95.high] as [number, number]) : null,
            t: c.t, df: c.df, p: c.p, d: c.cohensD, significant: c.significant, tested: c.tested, n: { from: m.before.n, to: m.after.n },
          }
          : null,
    };
  });
}
