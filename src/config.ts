import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('data/mehvar.sqlite')
    .refine((v) => !/^[a-z]+:\/\//i.test(v) || /^postgres(ql)?:\/\//i.test(v), 'must be a SQLite file path, ":memory:" or a postgres:// URL'),
  MEHVAR_ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  PUBLIC_URL: z.url().optional(),
  QUESTIONNAIRES_DIR: z.string().min(1).default('questionnaires'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  MAX_IMPORT_BYTES: z.coerce.number().int().positive().default(20_000_000),
  RATE_LIMIT_PER_TOKEN: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : []))
    .refine((list) => list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)), 'must be a comma-separated list of origins such as https://app.example.com'),
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  SMTP_URL: z.string().optional().transform(parseSmtpUrl),
  MAIL_FROM: z.string().max(300).regex(/^[^\r\n]*@[^\r\n]*$/, 'must be an address such as "Mehvar <noreply@example.com>"').optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** PostgreSQL connections per instance. */
  databasePoolSize: number;
  adminToken: string | undefined;
  publicUrl: string;
  questionnairesDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  maxBodyBytes: number;
  maxImportBytes: number;
  /** Requests per minute on one respondent link / sign-in token. */
  rateLimitPerToken: number;
  /** Failed token attempts (401/404) per minute from one client address. */
  rateLimitFailuresPerIp: number;
  requestTimeoutMs: number;
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsOrigins: string[];
  /** Bearer token for GET /metrics; without it /metrics does not exist. */
  metricsToken: string | undefined;
  /** Where invitations and reminders are sent from; without it email features answer "not configured". */
  smtp: SmtpSettings | undefined;
  mailFrom: string;
}

/** An SMTP server as SMTP_URL names it (src/mail/transport.ts takes the same shape). */
export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps:// — TLS from the first byte (port 465 by default). */
  secure: boolean;
  /** smtp:// upgrades with STARTTLS and refuses a server without it, unless `?requireTLS=false`. */
  requireTLS: boolean;
  /** `?tls.rejectUnauthorized=false` accepts a self-signed certificate (an internal relay). */
  rejectUnauthorized: boolean;
  auth?: { user: string; pass: string };
}

const SMTP_QUERY = new Set(['requireTLS', 'tls.rejectUnauthorized']);

/** SMTP_URL to settings, refusing at start-up anything that would only fail at the first message. */
function parseSmtpUrl(raw: string | undefined, ctx: z.RefinementCtx): SmtpSettings | undefined {
  if (raw === undefined) return undefined;
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('must be a URL such as smtp://user:password@mail.example.com:587 or smtps://…:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return fail('must start with smtp:// (STARTTLS) or smtps:// (TLS)');
  if (!url.hostname) return fail('names no host');
  if (url.pathname && url.pathname !== '/') return fail('must not have a path');
  const flags: Record<string, boolean> = {};
  for (const [key, value] of url.searchParams) {
    if (!SMTP_QUERY.has(key)) return fail(`unknown option ${key} (known: ${[...SMTP_QUERY].join(', ')})`);
    if (value !== 'true' && value !== 'false') return fail(`${key} must be true or false`);
    flags[key] = value === 'true';
  }
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && (flags.requireTLS ?? true),
    rejectUnauthorized: flags['tls.rejectUnauthorized'] ?? true,
    ...(user && { auth: { user, pass: decodeURIComponent(url.password) } }),
  };
}

export class ConfigError extends Error {}

/** Parse the environment once; a bad value stops start-up naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    adminToken: e.MEHVAR_ADMIN_TOKEN,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    questionnairesDir: e.QUESTIONNAIRES_DIR,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    rateLimitPerToken: e.RATE_LIMIT_PER_TOKEN,
    rateLimitFailuresPerIp: e.RATE_LIMIT_FAILURES_PER_IP,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    corsOrigins: e.CORS_ORIGINS,
    metricsToken: e.METRICS_TOKEN,
    smtp: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `Mehvar <noreply@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>`,
  };
}
