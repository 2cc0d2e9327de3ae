import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const smtp = (SMTP_URL: string, extra: Record<string, string> = {}) => loadConfig({ SMTP_URL, ...extra });

describe('SMTP_URL and MAIL_FROM', () => {
  it('reads smtp:// as STARTTLS required on 587 and smtps:// as TLS on 465, with the credentials decoded', () => {
    expect(smtp('smtp://mehvar:p%40ss%3Aword@mail.example.com').smtp).toEqual({
      host: 'mail.example.com', port: 587, secure: false, requireTLS: true, rejectUnauthorized: true, auth: { user: 'mehvar', pass: 'p@ss:word' },
    });
    expect(smtp('smtps://mail.example.com').smtp).toEqual({ host: 'mail.example.com', port: 465, secure: true, requireTLS: false, rejectUnauthorized: true });
    expect(smtp('smtp://relay.internal:25?requireTLS=false&tls.rejectUnauthorized=false').smtp).toMatchObject({ port: 25, requireTLS: false, rejectUnauthorized: false });
  });

  it('stops start-up on a malformed URL, naming SMTP_URL and never echoing the password', () => {
    for (const bad of ['mail.example.com', 'http://mail.example.com', 'smtp://user:hunter2@mail.example.com/path', 'smtp://mail.example.com?pool=true', 'smtp://mail.example.com?requireTLS=yes', 'smtp://user:hunter2@:99999']) {
      let err: unknown;
      try {
        smtp(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(ConfigError);
      expect((err as Error).message, bad).toMatch(/SMTP_URL/);
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('has no mail without SMTP_URL, and a sender address from PUBLIC_URL unless MAIL_FROM says', () => {
    const off = loadConfig({ PUBLIC_URL: 'https://survey.example.com' });
    expect(off.smtp).toBeUndefined();
    expect(off.mailFrom).toBe('Mehvar <noreply@survey.example.com>');
    expect(smtp('smtps://mail.example.com', { MAIL_FROM: 'محور <survey@example.com>' }).mailFrom).toBe('محور <survey@example.com>');
    expect(() => smtp('smtps://mail.example.com', { MAIL_FROM: 'a@b.c\r\nBcc: x@y.z' })).toThrow(/MAIL_FROM/);
  });
});
