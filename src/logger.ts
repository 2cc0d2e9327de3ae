import pino, { type Logger } from 'pino';

/** Structured logs; secrets are redacted wherever they might appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'token', '*.token', 'adminToken'], censor: '[redacted]' },
  });
}
