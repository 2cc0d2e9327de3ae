import type { AnswerMap } from './answerMaps.js';

// The records the application works with, as src/repositories/ return them and the services, adapters and
// reports read them. Timestamps are ISO-8601 text and identifiers random UUID text, so the same records
// come from SQLite and PostgreSQL; the tables of src/db/tables.ts store exactly these fields.

export type Role = 'admin' | 'consultant' | 'manager';
export type RespondentRole = 'manager' | 'staff';

export interface User {
  id: string;
  role: Role;
  name: string;
  token_hash: string;
  organization_id: string | null;
  created_at: string;
}

export interface Organization {
  id: string;
  name_fa: string;
  name_en: string | null;
  sector: string | null;
  headcount: number | null;
  created_by: string;
  created_at: string;
}

/** What a report, a respondent page or a fingerprint shows of an organization. */
export type OrganizationProfile = Pick<Organization, 'name_fa' | 'name_en' | 'sector' | 'headcount'>;

export interface Assessment {
  id: string;
  organization_id: string;
  title: string;
  questionnaire_id: string;
  questionnaire_version: number;
  questionnaire_hash: string;
  anonymity_threshold: number;
  target_culture: number | null;
  target_process: number | null;
  target_interaction: number | null;
  closes_at: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
}

export interface Invitation {
  id: string;
  assessment_id: string;
  token_hash: string;
  role: RespondentRole;
  department: string | null;
  status: 'not_started' | 'in_progress' | 'submitted';
  /** JSON object {itemId: value | null}; null in JSON = "don't know". */
  draft_answers: string | null;
  /** JSON object {sectionId: text}. */
  draft_comments: string | null;
  response_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResponseRow {
  id: string;
  assessment_id: string;
  invitation_id: string | null;
  role: RespondentRole;
  department: string | null;
  /** One character per questionnaire item, see src/domain/answers.ts. */
  answers: string;
  comments: string | null;
  source: 'online' | 'import';
  submitted_at: string;
  seq: number;
  /** The snapshot (1, 2, …) the response entered the figures with; null until released (see domain/anonymity.ts). */
  release: number | null;
}

/** A paper response as an import hands it over: who answered and what, by item id (null = "don't know"). */
export interface ImportedResponse {
  role: RespondentRole;
  department: string | null;
  answers: AnswerMap;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor_id: string;
  actor_role: Role;
  /** e.g. organization.create, assessment.close, responses.import, export.responses, report.download */
  action: string;
  organization_id: string | null;
  target_type: string;
  target_id: string | null;
  /** JSON with what was done, never secrets or answers. */
  details: string | null;
}

/** A dashboard session; the cookie holds a random value whose SHA-256 hex is the id. */
export interface Session {
  id: string;
  user_id: string;
  created_at: string;
  /** Sliding: moved forward on use, never past the absolute limit (see repositories/sessions.ts). */
  expires_at: string;
  revoked_at: string | null;
}

/** The headline scores of a closed assessment's final snapshot, stored once (see services/benchmark.ts). */
export interface FinalScores {
  assessment_id: string;
  in_figures: number;
  overall: number | null;
  culture: number | null;
  process: number | null;
  interaction: number | null;
  computed_at: string;
}

/** Whether an assessment takes no more answers: closed by hand, or its closing date has passed. */
export function isClosed(a: Pick<Assessment, 'closed_at' | 'closes_at'>, now: Date): boolean {
  return a.closed_at !== null || (a.closes_at !== null && Date.parse(a.closes_at) <= now.getTime());
}
