import type { Generated, Insertable, Selectable } from 'kysely';

// Timestamps are ISO-8601 text and identifiers random UUID text, so the same schema runs on PostgreSQL.

export interface UserTable {
  id: string;
  role: 'admin' | 'consultant' | 'manager';
  name: string;
  token_hash: string;
  organization_id: string | null;
  created_at: string;
}

export interface OrganizationTable {
  id: string;
  name_fa: string;
  name_en: string | null;
  sector: string | null;
  headcount: number | null;
  created_by: string;
  created_at: string;
}

export interface OrganizationConsultantTable {
  organization_id: string;
  user_id: string;
}

export interface AssessmentTable {
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

export interface InvitationTable {
  id: string;
  assessment_id: string;
  token_hash: string;
  role: 'manager' | 'staff';
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

export interface ResponseTable {
  id: string;
  assessment_id: string;
  invitation_id: string | null;
  role: 'manager' | 'staff';
  department: string | null;
  /** One character per questionnaire item, see src/domain/answers.ts. */
  answers: string;
  comments: string | null;
  source: 'online' | 'import';
  submitted_at: string;
  seq: Generated<number>;
  /** The snapshot (1, 2, …) the response entered the figures with; null until released (see domain/anonymity.ts). */
  release: number | null;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_id: string;
  actor_role: UserTable['role'];
  /** e.g. organization.create, assessment.close, responses.import, export.responses, report.download */
  action: string;
  organization_id: string | null;
  target_type: string;
  target_id: string | null;
  /** JSON with what was done, never secrets or answers. */
  details: string | null;
}

export interface Database {
  users: UserTable;
  organizations: OrganizationTable;
  organization_consultants: OrganizationConsultantTable;
  assessments: AssessmentTable;
  invitations: InvitationTable;
  responses: ResponseTable;
  audit_events: AuditEventTable;
}

export type User = Selectable<UserTable>;
export type Organization = Selectable<OrganizationTable>;
export type Assessment = Selectable<AssessmentTable>;
export type Invitation = Selectable<InvitationTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type NewResponse = Insertable<ResponseTable>;

/** A dashboard session; the cookie holds a random value whose SHA-256 hex is the id. */
export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  /** Sliding: moved forward on use, never past the absolute limit (see repositories/sessions.ts). */
  expires_at: string;
  revoked_at: string | null;
}

// Declared apart from the list above so that adding a table is an append (interfaces merge).
export interface Database {
  sessions: SessionTable;
}

export type Session = Selectable<SessionTable>;

/** The headline scores of a closed assessment's final snapshot, stored once (see services/benchmark.ts). */
export interface FinalScoresTable {
  assessment_id: string;
  in_figures: number;
  overall: number | null;
  culture: number | null;
  process: number | null;
  interaction: number | null;
  computed_at: string;
}

export interface Database {
  final_scores: FinalScoresTable;
}

export type FinalScores = Selectable<FinalScoresTable>;

/** A respondent's comment on a section: apart from the answers, joinable to nothing (domain/anonymity.ts). */
export interface CommentTable {
  id: string;
  assessment_id: string;
  section: string;
  /** Contact details already replaced (domain/scrubContacts.ts). */
  text: string;
  /** Until released, the respondent's; once released, the label its release may show (null = not shown). */
  role: 'manager' | 'staff' | null;
  department: string | null;
  release: number | null;
}

export interface Database {
  comments: CommentTable;
}
