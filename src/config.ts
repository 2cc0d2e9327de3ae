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
  };
}
