import type { DimensionId, Questionnaire } from '../questionnaire/schema.js';
import type { FieldError } from './errors.js';

// Action plans (issue 19): what an organization decided to do after an assessment, who owns it, by when,
// and which part of the questionnaire it should move, so that the next assessment can measure it.

export const ACTION_STATUSES = ['planned', 'doing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What an action means to move: one dimension, one section, or a set of items (exactly one kind). */
export type ActionTarget = { kind: 'dimension'; dimension: DimensionId } | { kind: 'section'; section: string } | { kind: 'items'; itemIds: string[] };

/** An action as stored (src/db/tables.ts keeps these fields); `target_ids` is the section, the dimension or the items joined by commas. */
export interface ActionRecord {
  id: string;
  organization_id: string;
  assessment_id: string;
  title: string;
  description: string | null;
  recommendation_id: string | null;
  target_kind: ActionTarget['kind'];
  target_ids: string;
  owner: string;
  /** A calendar day, YYYY-MM-DD. */
  due_date: string;
  status: ActionStatus;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export function targetOf(a: Pick<ActionRecord, 'target_kind' | 'target_ids'>): ActionTarget {
  if (a.target_kind === 'dimension') return { kind: 'dimension', dimension: a.target_ids as DimensionId };
  if (a.target_kind === 'section') return { kind: 'section', section: a.target_ids };
  return { kind: 'items', itemIds: a.target_ids.split(',') };
}

export function storedTarget(t: ActionTarget): Pick<ActionRecord, 'target_kind' | 'target_ids'> {
  return { target_kind: t.kind, target_ids: t.kind === 'dimension' ? t.dimension : t.kind === 'section' ? t.section : t.itemIds.join(',') };
}

/** Planned or under way: what an action plan still lists as open. */
export const isOpen = (status: ActionStatus): boolean => status === 'planned' || status === 'doing';

/** Past its due day (in UTC) and still open. */
export function isOverdue(a: Pick<ActionRecord, 'due_date' | 'status'>, now: Date): boolean {
  return isOpen(a.status) && a.due_date < now.toISOString().slice(0, 10);
}

/** The target a recommendation implies: its section, or its one item. */
export function recommendationTargetOf(q: Questionnaire, recommendationId: string): ActionTarget | null {
  const rec = q.recommendations.find((r) => r.id === recommendationId);
  if (!rec) return null;
  return 'section' in rec.target ? { kind: 'section', section: rec.target.section } : { kind: 'items', itemIds: [rec.target.item] };
}

export interface ActionDraft {
  dueDate: string;
  recommendationId: string | null;
  target: { dimension?: string; section?: string; itemIds?: string[] };
}

/**
 * The checks an action must pass against its assessment's questionnaire: exactly one kind of target, each
 * id known to that questionnaire version, a recommendation of the same questionnaire, a due day not before
 * the assessment started. Returns the target, or the field errors (all of them, not the first).
 */
export function checkAction(
  d: ActionDraft,
  ctx: { q: Pick<Questionnaire, 'id' | 'version' | 'items' | 'sections' | 'dimensions' | 'recommendations'>; assessmentCreatedAt: string },
): { target: ActionTarget; errors: [] } | { target: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { q } = ctx;
  const started = ctx.assessmentCreatedAt.slice(0, 10);
  if (d.dueDate < started) errors.push({ path: 'dueDate', message: `must not be before the assessment started (${started})` });
  if (d.recommendationId !== null && !q.recommendations.some((r) => r.id === d.recommendationId))
    errors.push({ path: 'recommendationId', message: `not a recommendation of questionnaire ${q.id} v${q.version}` });
  const given = (['dimension', 'section', 'itemIds'] as const).filter((k) => d.target[k] !== undefined);
  if (given.length !== 1) {
    errors.push({ path: given.length ? given[1] : 'target', message: 'give exactly one target: dimension, section or itemIds' });
    return { target: null, errors };
  }
  let target: ActionTarget | null = null;
  if (d.target.dimension !== undefined) {
    if (q.dimensions.some((x) => x.id === d.target.dimension)) target = { kind: 'dimension', dimension: d.target.dimension as DimensionId };
    else errors.push({ path: 'dimension', message: `unknown dimension "${d.target.dimension}"` });
  } else if (d.target.section !== undefined) {
    if (q.sections.some((x) => x.id === d.target.section)) target = { kind: 'section', section: d.target.section };
    else errors.push({ path: 'section', message: `unknown section "${d.target.section}" in questionnaire ${q.id} v${q.version}` });
  } else {
    const ids = d.target.itemIds!;
    const known = new Set(q.items.map((i) => i.id));
    ids.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `itemIds.${i}`, message: `unknown item "${id}" in questionnaire ${q.id} v${q.version}` });
    });
    if (new Set(ids).size !== ids.length) errors.push({ path: 'itemIds', message: 'lists an item twice' });
    if (ids.length === 0) errors.push({ path: 'itemIds', message: 'must name at least one item' });
    target = { kind: 'items', itemIds: ids };
  }
  return errors.length || !target ? { target: null, errors } : { target, errors: [] };
}

/** The target in words, in one language: the dimension's name, the section's title, or the items' texts. */
export function targetLabel(t: ActionTarget, q: Pick<Questionnaire, 'dimensions' | 'sections' | 'items'> | undefined, lang: 'fa' | 'en'): string {
  if (t.kind === 'dimension') return q?.dimensions.find((d) => d.id === t.dimension)?.name[lang] ?? t.dimension;
  if (t.kind === 'section') return q?.sections.find((s) => s.id === t.section)?.title[lang] ?? t.section;
  return t.itemIds.map((id) => q?.items.find((i) => i.id === id)?.text[lang] ?? id).join(lang === 'fa' ? '؛ ' : '; ');
}
