import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from '../deps.js';
import { type Branding, brandingProblems, type BrandingRequest } from '../domain/branding.js';
import { Invalid } from '../domain/errors.js';
import type { User } from '../domain/records.js';
import { findBranding, findOrganizationBranding, saveBranding } from '../repositories/branding.js';
import { recordAudit } from '../repositories/audit.js';
import { requireRole } from './access.js';

// A consultant's branding: per consultant (the signed-in consultant's own firm), as the issue puts it, "a
// consultant sets their own". An organization's reports carry the branding of the consultant who created
// it, whoever downloads them (a manager of the client, an assigned colleague), so every reader gets the
// same document; a consultant who has set nothing, and organizations an admin created, get the
// installation's theme (reports/theme.json).

export interface BrandingView {
  branding: Branding;
  /** `consultant`: their own; `default`: the installation's theme, until they set theirs. */
  source: 'consultant' | 'default';
}

/** The caller's branding as their reports show it. Consultants only: it is their firm. */
export async function brandingOf(deps: AppDeps, user: User): Promise<BrandingView> {
  requireRole(user, 'consultant');
  const own = await findBranding(deps.db, user.id);
  return own ? { branding: own, source: 'consultant' } : { branding: defaultBranding(), source: 'default' };
}

/**
 * Sets the caller's branding, replacing it whole. Refused with every bad field named (colour format, logo
 * encoding, PNG signature, size) and nothing stored. `logoPng: 'keep'` keeps the logo already set (the
 * dashboard's form, when no new file is chosen).
 */
export async function setBranding(deps: AppDeps, user: User, request: BrandingRequest): Promise<BrandingView> {
  requireRole(user, 'consultant');
  const problems = brandingProblems(request);
  if (problems.errors.length) throw new Invalid('The branding was not saved; see errors for each field.', problems.errors);
  const logoPng = request.logoPng === 'keep' ? ((await findBranding(deps.db, user.id))?.logoPng ?? null) : problems.logo;
  const branding: Branding = { firmName: request.firmName, primaryColor: request.primaryColor.toLowerCase(), contact: request.contact ?? null, logoPng };
  const now = deps.clock();
  await saveBranding(deps.db, user.id, branding, now);
  await recordAudit(
    deps.db,
    user,
    { action: 'branding.update', organizationId: null, targetType: 'user', targetId: user.id, details: { primaryColor: branding.primaryColor, logoBytes: logoPng?.length ?? 0 } },
    now,
  );
  return { branding, source: 'consultant' };
}

/** The branding an organization's reports carry: its creating consultant's, else the installation's. */
export async function reportBrandingFor(deps: AppDeps, organizationId: string): Promise<Branding> {
  return (await findOrganizationBranding(deps.db, organizationId)) ?? defaultBranding();
}

let theme: Branding | undefined;

/** The installation's theme, reports/theme.json and its logo, read once. */
export function defaultBranding(): Branding {
  theme ??= readTheme(themeDir());
  return theme;
}

/** Reads a theme folder; throws naming the file and field when something in it is not usable. */
export function readTheme(dir: string): Branding {
  const file = path.join(dir, 'theme.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { firmName?: { fa?: string; en?: string }; colors?: { primary?: string }; contact?: string | null; logo?: string | null };
  const logoPng = raw.logo ? new Uint8Array(fs.readFileSync(path.join(dir, raw.logo))) : null;
  const request: BrandingRequest = {
    firmName: { fa: raw.firmName?.fa ?? '', en: raw.firmName?.en ?? '' },
    primaryColor: raw.colors?.primary ?? '',
    contact: raw.contact ?? null,
    logoPng: logoPng ? Buffer.from(logoPng).toString('base64') : null,
  };
  const { errors } = brandingProblems(request);
  if (!request.firmName.fa || !request.firmName.en) errors.push({ path: 'firmName', message: 'needs both fa and en' });
  if (errors.length) throw new Error(`${file}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return { firmName: request.firmName, primaryColor: request.primaryColor.toLowerCase(), contact: request.contact ?? null, logoPng };
}

// reports/ sits at the repository root, above src/ (tsx, tests) and above dist/src/ (the build): the
// nearest folder upwards that holds reports/theme.json.
function themeDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'reports');
    if (fs.existsSync(path.join(candidate, 'theme.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return fallbackThemeDir();
    dir = parent;
  }
}

function fallbackThemeDir(): never {
  throw new Error(`reports/theme.json was not found above ${path.dirname(fileURLToPath(import.meta.url))}; it holds the reports' default branding`);
}
