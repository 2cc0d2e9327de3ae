import { createHash, randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import { type ActionRecord, type ActionStatus, checkAction, isOpen, isOverdue, storedTarget, targetLabel, targetOf } from '../domain/actions.js';
import { type MeasuredAction, type PlannedAction, type ReportActions, measureSideOf, measureTarget, type MeasureSide, nextInSeries, type TargetMeasure } from '../domain/actionsChange.js';
import type { ScoringData } from '../domain/assessmentScoring.js';
import { Invalid, NotFound } from '../domain/errors.js';
import type { Assessment, Organization, User } from '../domain/records.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import * as repo from '../repositories/actions.js';
import { listAssessments } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { responseCounters } from '../repositories/responses.js';
import { requireWriter } from './access.js';
import { organizationFor } from './organizations.js';
import { questionnaireOf } from './questionnaires.js';
import { readScoringData } from './results.js';
import { loadTrend } from './trend.js';

// Action plans: each use case checks access, validates against the assessment's questionnaire
// (domain/actions.ts), stores, and records who did it. The measured change of an action's target is in
// domain/actionsChange.ts; the trend, the reports and the dashboard read it from here.

export interface ActionTargetInput {
  dimension?: string;
  section?: string;
  itemIds?: string[];
}

export interface ActionInput extends ActionTargetInput {
  assessmentId: string;
  title: string;
  description: string | null;
  recommendationId: string | null;
  owner: string;
  dueDate: string;
  status: ActionStatus;
}

export type ActionPatch = Partial<Omit<ActionInput, 'assessmentId'>>;

const dateOf = (a: Assessment) => a.closed_at ?? a.created_at;

/** The organization's assessments oldest first, as the trend orders them. */
const inSeriesOrder = (list: Assessment[]) => [...list].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.id.localeCompare(b.id));

async function assessmentOfOrganization(deps: AppDeps, orgId: string, assessmentId: string): Promise<Assessment> {
  const a = (await listAssessments(deps.db, orgId)).find((x) => x.id === assessmentId);
  if (!a) throw new Invalid('The assessment is not one of this organization.', [{ path: 'assessmentId', message: 'not an assessment of this organization' }]);
  return a;
}

function validated(deps: AppDeps, a: Assessment, f: Pick<ActionInput, 'dueDate' | 'recommendationId'> & ActionTargetInput) {
  const q = questionnaireOf(deps, a).definition;
  const checked = checkAction({ dueDate: f.dueDate, recommendationId: f.recommendationId, target: { dimension: f.dimension, section: f.section, itemIds: f.itemIds } }, { q, assessmentCreatedAt: a.created_at });
  if (!checked.target) throw new Invalid('The action does not fit its assessment; see errors for each field.', checked.errors);
  return checked.target;
}

/** Records an action of an assessment of the organization (consultants and admins). */
export async function createAction(deps: AppDeps, user: User, orgId: string, f: ActionInput): Promise<ActionRecord> {
  const org = await organizationFor(deps, user, orgId);
  requireWriter(user);
  const a = await assessmentOfOrganization(deps, org.id, f.assessmentId);
  const target = validated(deps, a, f);
  const now = deps.clock().toISOString();
  const action: ActionRecord = {
    id: randomUUID(), organization_id: org.id, assessment_id: a.id, title: f.title, description: f.description, recommendation_id: f.recommendationId,
    ...storedTarget(target), owner: f.owner, due_date: f.dueDate, status: f.status, created_by: user.id, created_at: now, updated_at: now,
  };
  await repo.insertAction(deps.db, action);
  await recordAudit(deps.db, user, { action: 'action.create', organizationId: org.id, targetType: 'action', targetId: action.id, details: { assessmentId: a.id, status: f.status } }, deps.clock());
  return action;
}

/** An organization's actions the caller may see (optionally of one assessment), by due day. */
export async function actionsOf(deps: AppDeps, user: User, orgId: string, assessmentId?: string): Promise<{ org: Organization; actions: ActionRecord[] }> {
  const org = await organizationFor(deps, user, orgId);
  return { org, actions: await repo.listActions(deps.db, org.id, assessmentId) };
}

/** One action the caller may see; another tenant's is 404 like a missing one. */
export async function actionFor(deps: AppDeps, user: User, id: string): Promise<{ action: ActionRecord; org: Organization }> {
  const action = await repo.findActionById(deps.db, id);
  if (!action) throw new NotFound('Action');
  try {
    return { action, org: await organizationFor(deps, user, action.organization_id) };
  } catch (err) {
    if (err instanceof NotFound) throw new NotFound('Action');
    throw err;
  }
}

/** Changes an action's fields; a new target replaces the old one. Recorded with the fields changed. */
export async function changeAction(deps: AppDeps, user: User, id: string, patch: ActionPatch): Promise<ActionRecord> {
  const { action } = await actionFor(deps, user, id);
  requireWriter(user);
  const a = await assessmentOfOrganization(deps, action.organization_id, action.assessment_id);
  const newTarget = patch.dimension !== undefined || patch.section !== undefined || patch.itemIds !== undefined;
  const current = targetOf(action);
  const target = validated(deps, a, {
    dueDate: patch.dueDate ?? action.due_date,
    recommendationId: patch.recommendationId !== undefined ? patch.recommendationId : action.recommendation_id,
    ...(newTarget
      ? { dimension: patch.dimension, section: patch.section, itemIds: patch.itemIds }
      : current.kind === 'dimension' ? { dimension: current.dimension } : current.kind === 'section' ? { section: current.section } : { itemIds: current.itemIds }),
  });
  const fields: Partial<ActionRecord> = {
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.recommendationId !== undefined && { recommendation_id: patch.recommendationId }),
    ...(patch.owner !== undefined && { owner: patch.owner }),
    ...(patch.dueDate !== undefined && { due_date: patch.dueDate }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(newTarget && storedTarget(target)),
  };
  const now = deps.clock();
  const updated: ActionRecord = { ...action, ...fields, updated_at: now.toISOString() };
  await repo.updateAction(deps.db, id, { ...fields, updated_at: updated.updated_at });
  await recordAudit(deps.db, user, { action: 'action.update', organizationId: action.organization_id, targetType: 'action', targetId: id, details: { fields: Object.keys(fields), status: updated.status } }, now);
  return updated;
}

/** Deletes an action, recorded with its title so the log still says what it was. */
export async function removeAction(deps: AppDeps, user: User, id: string): Promise<void> {
  const { action } = await actionFor(deps, user, id);
  requireWriter(user);
  await repo.deleteAction(deps.db, id);
  await recordAudit(deps.db, user, { action: 'action.delete', organizationId: action.organization_id, targetType: 'action', targetId: id, details: { title: action.title } }, deps.clock());
}

export type { MeasuredAction, ReportActions };

/** An action with its target in words and whether it is overdue now. */
function planned(deps: AppDeps, action: ActionRecord, q: Questionnaire): PlannedAction {
  const t = targetOf(action);
  return { action, targetName: { fa: targetLabel(t, q, 'fa'), en: targetLabel(t, q, 'en') }, overdue: isOverdue(action, deps.clock()) };
}

const measured = (deps: AppDeps, action: ActionRecord, q: Questionnaire, measure: TargetMeasure): MeasuredAction => ({ ...planned(deps, action, q), measure });

/**
 * The actions of the assessments in a series (oldest first), each measured against the next round of the
 * series. The sides carry only released rows, so nothing below k is compared.
 */
export async function measureActionsAlong(deps: AppDeps, orgId: string, series: readonly MeasureSide[]): Promise<MeasuredAction[]> {
  const inSeries = new Map(series.map((s) => [s.assessmentId, s]));
  const actions = (await repo.listActions(deps.db, orgId)).filter((a) => inSeries.has(a.assessment_id));
  if (!actions.length) return [];
  const assessments = new Map((await listAssessments(deps.db, orgId)).map((a) => [a.id, a]));
  return actions.map((action) =>
    measured(deps, action, questionnaireOf(deps, assessments.get(action.assessment_id)!).definition, measureTarget(targetOf(action), inSeries.get(action.assessment_id)!, nextInSeries(series, action.assessment_id))),
  );
}

/** The action plan data of an assessment's report; `scoring` is the report's own, already read. */
export async function reportActionsFor(deps: AppDeps, assessment: Assessment, scoring: ScoringData): Promise<ReportActions> {
  const all = await repo.listActions(deps.db, assessment.organization_id);
  const qNow = questionnaireOf(deps, assessment).definition;
  const open = all.filter((a) => a.assessment_id === assessment.id && isOpen(a.status)).map((action) => planned(deps, action, qNow));
  const series = inSeriesOrder(await listAssessments(deps.db, assessment.organization_id));
  const before = series[series.findIndex((a) => a.id === assessment.id) - 1];
  const previousActions = before ? all.filter((a) => a.assessment_id === before.id) : [];
  if (!before || !previousActions.length) return { open, previous: null };
  const qBefore = questionnaireOf(deps, before).definition;
  const from = measureSideOf(before.id, qBefore.items, await readScoringData(deps, before), before.anonymity_threshold);
  const to = measureSideOf(assessment.id, qNow.items, scoring, assessment.anonymity_threshold);
  return {
    open,
    previous: { assessmentTitle: before.title, actions: previousActions.map((action) => measured(deps, action, qBefore, measureTarget(targetOf(action), from, to))) },
  };
}

/**
 * A fingerprint of what the report's action sections show, for the report cache key: every field of the
 * organization's actions (an edit within the same millisecond still changes it) and the previous round's
 * response counters.
 */
export async function actionsFingerprint(deps: AppDeps, assessment: Assessment): Promise<string> {
  const actions = await repo.listActions(deps.db, assessment.organization_id);
  if (!actions.length) return '0';
  const series = inSeriesOrder(await listAssessments(deps.db, assessment.organization_id));
  const before = series[series.findIndex((a) => a.id === assessment.id) - 1];
  const r = before ? await responseCounters(deps.db, before.id) : null;
  const content = JSON.stringify([actions, before?.id ?? null, before?.closed_at ?? null, r?.count ?? null, r?.lastRelease ?? null]);
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}

/** One action as a plain row, for spreadsheets (the XLSX workbook's Actions sheet) and lists. */
export interface ActionRow {
  id: string;
  assessmentId: string;
  assessmentTitle: string;
  title: string;
  description: string;
  target: string;
  recommendationId: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An organization's actions (or one assessment's) as plain rows in one language, by due day. */
export async function actionRowsFor(deps: AppDeps, user: User, orgId: string, lang: 'fa' | 'en', assessmentId?: string): Promise<ActionRow[]> {
  const { org, actions } = await actionsOf(deps, user, orgId, assessmentId);
  const assessments = new Map((await listAssessments(deps.db, org.id)).map((a) => [a.id, a]));
  const now = deps.clock();
  return actions.map((x) => {
    const a = assessments.get(x.assessment_id)!;
    return {
      id: x.id, assessmentId: a.id, assessmentTitle: a.title, title: x.title, description: x.description ?? '',
      target: targetLabel(targetOf(x), questionnaireOf(deps, a).definition, lang), recommendationId: x.recommendation_id ?? '',
      owner: x.owner, dueDate: x.due_date, status: x.status, overdue: isOverdue(x, now), createdAt: x.created_at, updatedAt: x.updated_at,
    };
  });
}

/**
 * The dashboard's action board of an organization: every action with its target in words, whether it is
 * overdue, and its measured change where a later assessment has figures (the trend's figures over all the
 * organization's assessments). Questionnaire versions too different to compare leave the changes out, said so.
 */
export async function actionBoard(deps: AppDeps, user: User, orgId: string) {
  const { org, actions } = await actionsOf(deps, user, orgId);
  const assessments = inSeriesOrder(await listAssessments(deps.db, org.id));
  const byId = new Map(assessments.map((a) => [a.id, a]));
  let measures = new Map<string, TargetMeasure>();
  let comparable = true;
  if (actions.length) {
    try {
      // Every assessment, open ones too: a later round's released figures already measure the change.
      const t = await loadTrend(deps, user, org.id, assessments.map((a) => a.id));
      measures = new Map(t.trend.actions.map((m) => [m.action.id, m.measure]));
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      comparable = false;
    }
  }
  const rows = actions.map((action) => {
    const a = byId.get(action.assessment_id)!;
    const base = measured(deps, action, questionnaireOf(deps, a).definition, measures.get(action.id) ?? measureTarget(targetOf(action), { assessmentId: a.id, items: [], answers: [], figuresShown: false, cells: [], k: a.anonymity_threshold }, null));
    return { ...base, assessment: a };
  });
  return { org, assessments, rows, comparable };
}
