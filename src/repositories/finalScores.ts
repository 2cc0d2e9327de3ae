import type { Db } from '../db/database.js';
import type { Assessment, FinalScores, User } from '../db/tables.js';
import { visibleOrganizationIds } from './organizations.js';

export type PeerCandidate = Pick<Assessment, 'id' | 'organization_id' | 'closed_at' | 'closes_at' | 'created_at' | 'anonymity_threshold'> & {
  scores: FinalScores | null;
};

/**
 * Closed assessments of the same questionnaire version in the other organizations the user may see, with
 * their stored final scores where already stored; one query, however many organizations there are.
 */
export async function listPeerCandidates(db: Db, user: User, a: Assessment, now: Date): Promise<PeerCandidate[]> {
  const rows = await db
    .selectFrom('assessments')
    .leftJoin('final_scores', 'final_scores.assessment_id', 'assessments.id')
    .select([
      'assessments.id', 'assessments.organization_id', 'assessments.closed_at', 'assessments.closes_at', 'assessments.created_at', 'assessments.anonymity_threshold',
      'final_scores.assessment_id as scored', 'final_scores.in_figures', 'final_scores.overall', 'final_scores.culture', 'final_scores.process',
      'final_scores.interaction', 'final_scores.computed_at',
    ])
    .where('assessments.organization_id', 'in', visibleOrganizationIds(db, user))
    .where('assessments.organization_id', '!=', a.organization_id)
    .where('assessments.questionnaire_id', '=', a.questionnaire_id)
    .where('assessments.questionnaire_version', '=', a.questionnaire_version)
    .where((eb) => eb.or([eb('assessments.closed_at', 'is not', null), eb('assessments.closes_at', '<=', now.toISOString())]))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organization_id: r.organization_id,
    closed_at: r.closed_at,
    closes_at: r.closes_at,
    created_at: r.created_at,
    anonymity_threshold: r.anonymity_threshold,
    scores: r.scored
      ? { assessment_id: r.id, in_figures: r.in_figures!, overall: r.overall, culture: r.culture, process: r.process, interaction: r.interaction, computed_at: r.computed_at! }
      : null,
  }));
}

/** Stores a closed assessment's final scores once; a second writer's row (same figures) is kept. */
export async function storeFinalScores(db: Db, row: FinalScores): Promise<void> {
  await db.insertInto('final_scores').values(row).onConflict((oc) => oc.column('assessment_id').doNothing()).execute();
}

export async function readFinalScores(db: Db, assessmentId: string): Promise<FinalScores | undefined> {
  return db.selectFrom('final_scores').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();
}

/**
 * A cheap fingerprint of everything a benchmark depends on besides the assessment itself: stored final
 * scores, the closed assessments of the questionnaire version (a passed closing date included), and who
 * may see which organization. Counts over indexes, so it costs the same with 1,000 peers as with none.
 */
export async function peerFingerprint(db: Db, a: Assessment, now: Date): Promise<string> {
  const [scores, closed, orgs, assignments] = await Promise.all([
    db.selectFrom('final_scores').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('computed_at').as('last')]).executeTakeFirstOrThrow(),
    db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('questionnaire_id', '=', a.questionnaire_id)
      .where('questionnaire_version', '=', a.questionnaire_version)
      .where((eb) => eb.or([eb('closed_at', 'is not', null), eb('closes_at', '<=', now.toISOString())]))
      .executeTakeFirstOrThrow(),
    db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('organization_consultants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return [Number(scores.n), scores.last, Number(closed.n), Number(orgs.n), Number(assignments.n)].join('|');
}
