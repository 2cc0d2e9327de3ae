import type { AppDeps } from '../deps.js';
import { decodeAnswers } from '../domain/answers.js';
import { compatibility } from '../domain/change.js';
import { cellOf, discloseRows } from '../domain/anonymity.js';
import { Invalid, NotFound } from '../domain/errors.js';
import { type Assessment, isClosed, type User } from '../domain/records.js';
import { buildTrend, overallComposite, type TrendPoint } from '../domain/trend.js';
import { listAssessments } from '../repositories/assessments.js';
import { organizationFor } from './organizations.js';
import { questionnaireOf } from './questionnaires.js';
import { readScoringData } from './results.js';
import type { Item } from '../questionnaire/schema.js';
import { assessmentRef, scoreDisclosed } from '../domain/assessmentScoring.js';
import type { MeasureSide } from '../domain/actionsChange.js';
import { measureActionsAlong } from './actions.js';
import { customerTrendOf } from './customerView.js';

export const MIN_COMPATIBILITY = 0.5;

const dateOf = (a: Assessment) => a.closed_at ?? a.created_at;

/** The assessments to compare: those named (all of this organization, else 404), or every closed one; oldest first. */
async function selectAssessments(deps: AppDeps, orgId: string, ids: string[] | undefined): Promise<Assessment[]> {
  const all = await listAssessments(deps.db, orgId);
  let chosen: Assessment[];
  if (ids) {
    chosen = ids.map((id) => {
      const a = all.find((x) => x.id === id);
      if (!a) throw new NotFound('Assessment', `Assessment ${id} was not found in this organization.`);
      return a;
    });
  } else chosen = all.filter((a) => isClosed(a, deps.clock()));
  return [...new Map(chosen.map((a) => [a.id, a])).values()].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.id.localeCompare(b.id));
}

export async function loadTrend(deps: AppDeps, user: User, orgId: string, ids: string[] | undefined) {
  const org = await organizationFor(deps, user, orgId);
  const assessments = await selectAssessments(deps, org.id, ids);
  const definitions = assessments.map((a) => questionnaireOf(deps, a).definition);

  // Different questionnaire versions are compared on the items all of them share.
  const idLists = definitions.map((q) => q.items.map((i) => i.id));
  const shared = idLists.length ? idLists.reduce((acc, ids2) => compatibility(acc, ids2).shared) : [];
  const union = new Set(idLists.flat());
  const compat = union.size ? shared.length / union.size : 1;
  const versions = new Set(definitions.map((q) => `${q.id}@${q.version}`));
  if (assessments.length > 1 && compat < MIN_COMPATIBILITY)
    throw new Invalid(
      `These assessments used questionnaires that share only ${shared.length} of ${union.size} items (compatibility ${compat.toFixed(2)}, below ${MIN_COMPATIBILITY}); a comparison on so few items would not describe the same thing.`,
      [],
      'incompatible',
    );
  const sharedSet = new Set(shared);
  // A shared item is scored the same way in every round, as the newest version defines it: a newer version
  // may correct an item's dimension or level without changing what it asks (mehvar-core v2 did).
  const newest = definitions.reduce<(typeof definitions)[number] | undefined>((a, b) => (a && a.version >= b.version ? a : b), undefined);
  const items: Item[] = newest?.items.filter((i) => sharedSet.has(i.id)) ?? [];

  const points: TrendPoint[] = [];
  // Each round's released rows in its own questionnaire's order, for measuring the actions' targets.
  const sides: MeasureSide[] = [];
  for (const [k, a] of assessments.entries()) {
    const position = new Map(definitions[k].items.map((item, i) => [item.id, i]));
    const take = items.map((item) => position.get(item.id)!);
    const pick = (all: Int8Array) => Int8Array.from(take, (i) => all[i]);
    const data = await readScoringData(deps, a);
    const disclosed = discloseRows(data.rows, a.anonymity_threshold, data.closed);
    const results = scoreDisclosed({ items, data, k: a.anonymity_threshold, targets: assessmentRef(a).targets, excludeFlagged: false }, disclosed, pick);
    // The composite is over the same released rows the figures use; none below k.
    const released = results.snapshot?.figuresShown ? disclosed.rows : [];
    const cells = released.map(cellOf);
    const answers = released.map(({ row }) => decodeAnswers(row.answers));
    const responses = answers.map((all, i) => ({ answers: pick(all), cell: cells[i] }));
    sides.push({ assessmentId: a.id, items: definitions[k].items, answers, figuresShown: !!results.snapshot?.figuresShown, cells, k: a.anonymity_threshold });
    points.push({
      assessmentId: a.id, title: a.title, date: dateOf(a), questionnaire: { id: a.questionnaire_id, version: a.questionnaire_version },
      results, overallComposite: overallComposite(items, responses, a.anonymity_threshold),
    });
    await new Promise(setImmediate); // long trends must not hold the event loop
  }
  const actions = await measureActionsAlong(deps, org.id, sides);
  // The customers' own scores, round by round, beside the staff's trend (never mixed into it).
  const customers = await customerTrendOf(deps, assessments);
  return { org, points, items, definitions, compatibility: { value: compat, sharedItems: shared.length, totalItems: union.size, versionsDiffer: versions.size > 1 }, trend: { ...buildTrend(points), actions, customers } };
}
