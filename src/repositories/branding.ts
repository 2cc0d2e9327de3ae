import type { Db } from '../db/database.js';
import type { Branding } from '../domain/branding.js';

/** A consultant's own branding, or undefined when they have set none. */
export async function findBranding(db: Db, userId: string): Promise<Branding | undefined> {
  const row = await db.selectFrom('brandings').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  return {
    firmName: { fa: row.firm_name_fa, en: row.firm_name_en },
    primaryColor: row.primary_color,
    contact: row.contact,
    logoPng: row.logo_png === null ? null : new Uint8Array(Buffer.from(row.logo_png, 'base64')),
  };
}

/** The branding of whoever created the organization, when they have set one. */
export async function findOrganizationBranding(db: Db, organizationId: string): Promise<Branding | undefined> {
  const org = await db.selectFrom('organizations').select('created_by').where('id', '=', organizationId).executeTakeFirst();
  return org ? findBranding(db, org.created_by) : undefined;
}

/** Sets a consultant's branding, replacing what was there. */
export async function saveBranding(db: Db, userId: string, b: Branding, now: Date): Promise<void> {
  const values = {
    firm_name_fa: b.firmName.fa,
    firm_name_en: b.firmName.en,
    primary_color: b.primaryColor,
    contact: b.contact,
    logo_png: b.logoPng === null ? null : Buffer.from(b.logoPng).toString('base64'),
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('brandings')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
