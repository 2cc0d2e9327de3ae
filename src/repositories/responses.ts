import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Db, isPostgres } from '../db/database.js';
import type { Database, Invitation, NewResponse } from '../db/tables.js';
import type { ImportedResponse } from '../domain/records.js';
import { encodeAnswers } from '../domain/answers.js';
import { scrubContacts } from '../domain/scrubContacts.js';
import { insertComments } from './comments.js';
import { type AnswerMap, toAnswerVector } from '../domain/answerMaps.js';
import type { Questionnaire } from '../questionnaire/schema.js';

export function readDraft(inv: Pick<Invitation, 'draft_answers' | 'draft_comments'>): { answers: AnswerMap; comments: Record<string, string> } {
  return {
    answers: inv.draft_answers ? (JSON.parse(inv.draft_answers) as AnswerMap) : {},
    comments: inv.draft_comments ? (JSON.parse(inv.draft_comments) as Record<string, string>) : {},
  };
}

/**
 * The invitation row, locked until the transaction ends where other instances could write it at the same
 * time (PostgreSQL). SQLite has no FOR UPDATE and needs none: it has one writer at a time.
 */
function lockInvitation(trx: Kysely<Database>, invitationId: string) {
  const q = trx.selectFrom('invitations').selectAll().where('id', '=', invitationId);
  return (isPostgres(trx) ? q.forUpdate() : q).executeTakeFirstOrThrow();
}

const scrubAll = (comments: Record<string, string>) => Object.fromEntries(Object.entries(comments).map(([section, text]) => [section, scrubContacts(text)]));

export type DraftOutcome = { kind: 'saved'; answers: AnswerMap; comments: Record<string, string> } | { kind: 'submitted' };

/**
 * Merges answers into the draft, re-reading the locked row, so two tabs (or two instances) saving at once
 * never drop each other's answers. Run it inside a transaction (the caller's, usually the write batcher's).
 * An empty comment removes it.
 */
export async function mergeDraft(
  trx: Kysely<Database>,
  invitationId: string,
  answers: AnswerMap,
  comments: Record<string, string>,
  now: Date,
): Promise<DraftOutcome> {
  {
    const inv = await lockInvitation(trx, invitationId);
    if (inv.status === 'submitted') return { kind: 'submitted' } as const;
    const draft = readDraft(inv);
    const mergedAnswers = { ...draft.answers, ...answers };
    // A draft is stored too: contact details are replaced before it is (anonymity.md, "Free text").
    const mergedComments = { ...draft.comments, ...scrubAll(comments) };
    for (const [k, v] of Object.entries(mergedComments)) if (v === '') delete mergedComments[k];
    await trx
      .updateTable('invitations')
      .set({
        draft_answers: JSON.stringify(mergedAnswers),
        draft_comments: JSON.stringify(mergedComments),
        status: 'in_progress',
        updated_at: now.toISOString(),
      })
      .where('id', '=', invitationId)
      .execute();
    return { kind: 'saved', answers: mergedAnswers, comments: mergedComments } as const;
  }
}

export type SubmitOutcome =
  | { kind: 'submitted'; responseId: string; created: boolean }
  | { kind: 'empty' };

/**
 * Idempotent: a second submit of the same invitation returns the first response's id. `last` answers, when
 * given, are merged into the draft first, in the same transaction. Run it inside a transaction. On
 * PostgreSQL the row lock makes a concurrent submit on another instance wait for the first and then read
 * its response_id; the unique invitation_id on responses is the last line of defence. The draft is cleared
 * once submitted: the response holds the answers, and keeping a second copy would only keep more data.
 */
export async function submitDraft(
  trx: Kysely<Database>,
  invitationId: string,
  q: Questionnaire,
  now: Date,
  last?: { answers: AnswerMap; comments: Record<string, string> },
): Promise<SubmitOutcome> {
  const inv = await lockInvitation(trx, invitationId);
  if (inv.response_id) return { kind: 'submitted', responseId: inv.response_id, created: false } as const;
  const draft = readDraft(inv);
  const answers = last ? { ...draft.answers, ...last.answers } : draft.answers;
  const comments = last ? { ...draft.comments, ...last.comments } : draft.comments;
  for (const [k, v] of Object.entries(comments)) if (v === '') delete comments[k];
  if (Object.keys(answers).length === 0) return { kind: 'empty' } as const;
  const responseId = randomUUID();
  await trx
    .insertInto('responses')
    .values({
      id: responseId,
      assessment_id: inv.assessment_id,
      invitation_id: inv.id,
      role: inv.role,
      department: inv.department,
      answers: encodeAnswers(toAnswerVector(q, answers)),
      comments: null,
      source: 'online',
      submitted_at: now.toISOString(),
    })
    .execute();
  // Comments go apart from the answers, contact details replaced first (anonymity.md, "Free text").
  await insertComments(trx, inv.assessment_id, { role: inv.role, department: inv.department }, scrubAll(comments));
  await trx
    .updateTable('invitations')
    .set({ status: 'submitted', response_id: responseId, draft_answers: null, draft_comments: null, updated_at: now.toISOString() })
    .where('id', '=', inv.id)
    .execute();
  return { kind: 'submitted', responseId, created: true } as const;
}

export type { ImportedResponse };

/** All or nothing: one transaction for the whole import. */
export async function insertImportedResponses(
  db: Db,
  assessmentId: string,
  q: Questionnaire,
  rows: ImportedResponse[],
  now: Date,
): Promise<number> {
  const submittedAt = now.toISOString();
  const toRow = (r: ImportedResponse): NewResponse => ({
    id: randomUUID(),
    assessment_id: assessmentId,
    invitation_id: null,
    role: r.role,
    department: r.department,
    answers: encodeAnswers(toAnswerVector(q, r.answers)),
    comments: null,
    source: 'import',
    submitted_at: submittedAt,
  });
  // One transaction (all or nothing), built and inserted IMPORT_CHUNK rows at a time with the event loop given
  // back in between: in one piece, 100,000 rows held it for 3.4 s and more. The transaction holds the
  // connection, so other queries wait for it; requests that need no database are answered meanwhile.
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      await trx.insertInto('responses').values(rows.slice(i, i + IMPORT_CHUNK).map(toRow)).execute();
    }
  });
  return rows.length;
}

const IMPORT_CHUNK = 500;

/** How many responses an assessment has, its last sequence number and its last release (null when none). */
export async function responseCounters(db: Db, assessmentId: string): Promise<{ count: number; lastSeq: number | null; lastRelease: number | null }> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('seq').as('lastSeq'), eb.fn.max('release').as('lastRelease')])
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirstOrThrow();
  return {
    count: Number(row.n),
    lastSeq: row.lastSeq === null ? null : Number(row.lastSeq),
    lastRelease: row.lastRelease === null ? null : Number(row.lastRelease),
  };
}

/**
 * What scoring reads: the compact answer string per submitted response and the release it entered the
 * figures with (null while waiting). Only domain/anonymity.ts decides what of it may be shown.
 */
export async function listResponsesForScoring(db: Db, assessmentId: string) {
  return db
    .selectFrom('responses')
    .select(['id', 'role', 'department', 'answers', 'release'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('seq')
    .execute();
}
