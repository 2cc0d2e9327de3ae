import type { Questionnaire } from '../questionnaire/schema.js';

/** A small deterministic generator, so the demo looks the same on every machine. */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoRespondent {
  role: 'manager' | 'staff';
  department: string;
}

/** The demo organization's people: managers rate a little higher than staff, as they often do. */
export const DEMO_DEPARTMENTS = ['فروش', 'خدمات پس از فروش', 'تولید', 'مالی'];

export function demoAnswers(q: Questionnaire, who: DemoRespondent, random: () => number): Record<string, number | null> {
  const leaning = { culture: 0.4, process: -0.5, interaction: 0.1 };
  const roleBias = who.role === 'manager' ? 0.6 : 0;
  const answers: Record<string, number | null> = {};
  for (const item of q.items) {
    const r = random();
    if (r < 0.04) continue; // skipped
    if (r < 0.08) {
      answers[item.id] = null; // don't know
      continue;
    }
    const mid = (item.scale.min + item.scale.max) / 2;
    const agreement = leaning[item.dimension] + roleBias + (random() - 0.5) * 2.2;
    const value = Math.round(mid + (item.reverse ? -agreement : agreement));
    answers[item.id] = Math.min(item.scale.max, Math.max(item.scale.min, value));
  }
  return answers;
}
