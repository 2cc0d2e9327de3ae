import type { Generated, Insertable } from 'kysely';
import type { Assessment, AuditEvent, FinalScores, Invitation, Organization, ResponseRow, Session, User } from '../domain/records.js';
import type { CustomerLink, CustomerResponse, CustomerSurvey } from '../domain/customerSurvey.js';
import type { ActionRecord } from '../domain/actions.js';

// The tables store the records of src/domain/records.ts field for field (timestamps ISO-8601 text,
// identifiers random UUID text, so the same schema runs on PostgreSQL).

export type { Assessment, FinalScores, Invitation, Organization, ResponseRow, Session, User };

export type UserTable = User;
export type OrganizationTable = Organization;

export interface OrganizationConsultantTable {
  organization_id: string;
  user_id: string;
}

export type AssessmentTable = Assessment;
export type InvitationTable = Invitation;
export interface ResponseTable extends Omit<ResponseRow, 'seq'> {
  seq: Generated<number>;
}
export type AuditEventTable = AuditEvent;

export interface Database {
  users: UserTable;
  organizations: OrganizationTable;
  organization_consultants: OrganizationConsultantTable;
  assessments: AssessmentTable;
  invitations: InvitationTable;
  responses: ResponseTable;
  audit_events: AuditEventTable;
}

export type NewResponse = Insertable<ResponseTable>;

export type SessionTable = Session;

// Declared apart from the list above so that adding a table is an append (interfaces merge).
export interface Database {
  sessions: SessionTable;
}

export type FinalScoresTable = FinalScores;

export interface Database {
  final_scores: FinalScoresTable;
}

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

/** An action of an organization's action plan (domain/actions.ts). */
export type ActionTable = ActionRecord;

export interface Database {
  actions: ActionTable;
}

/** An organization's departments, which the dashboard offers to pick from (migration 0011). */
export interface DepartmentTable {
  id: string;
  organization_id: string;
  name: string;
  created_at: string;
}

export interface Database {
  departments: DepartmentTable;
}

/** Customer surveys, their single-use links and the customers' answers, apart from staff responses (domain/customerSurvey.ts). */
export interface CustomerResponseTable extends Omit<CustomerResponse, 'seq'> {
  seq: Generated<number>;
}

export interface Database {
  customer_surveys: CustomerSurvey;
  customer_links: CustomerLink;
  customer_responses: CustomerResponseTable;
}

/** An email invitee's address and link, apart from everything else and deleted at close (migration 0009). */
export interface InviteeAddressTable {
  invitation_id: string;
  assessment_id: string;
  email: string;
  lang: 'fa' | 'en';
  token: string;
}

/** A message to send: what and to which invitation, never the address or the body (migration 0009). */
export interface MailOutboxTable {
  id: string;
  assessment_id: string;
  invitation_id: string;
  kind: 'invitation' | 'reminder';
  note: string | null;
  status: 'queued' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface Database {
  invitee_addresses: InviteeAddressTable;
  mail_outbox: MailOutboxTable;
}

/** A reminder sent by the sender itself some days before the closing date (migration 0009). */
export interface MailScheduleTable {
  assessment_id: string;
  days_before: number;
  note: string | null;
  created_by: string;
  created_role: 'admin' | 'consultant' | 'manager';
  sent_at: string | null;
}

export interface Database {
  mail_schedules: MailScheduleTable;
}

/** A consultant's branding for their reports (migration 0010; domain/branding.ts). */
export interface BrandingTable {
  user_id: string;
  firm_name_fa: string;
  firm_name_en: string;
  primary_color: string;
  contact: string | null;
  /** PNG as base64. */
  logo_png: string | null;
  updated_at: string;
}

export interface Database {
  brandings: BrandingTable;
}
