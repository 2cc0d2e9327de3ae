import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { onTestFinished } from 'vitest';

// A real SMTP server in the test's own process (smtp-server), so the tests send through nodemailer exactly as
// production does and read what arrived with mailparser. Reusable: the e2e test points SMTP_URL at one.

export interface ReceivedMail {
  parsed: ParsedMail;
  /** The envelope recipients (RCPT TO). */
  to: string[];
  /** Whether the session was encrypted (smtps:// or after STARTTLS) when the message arrived. */
  secure: boolean;
  /** The user the client authenticated as, if any. */
  user: string | undefined;
}

export interface TestSmtpOptions {
  /** smtps://: TLS from the first byte. Otherwise plain, upgraded with STARTTLS unless `starttls: false`. */
  tls?: boolean;
  starttls?: boolean;
  /** Require this user and password. */
  auth?: { user: string; pass: string };
  /** Answer the first `n` messages with a temporary failure (451), to prove retries. */
  refuseFirst?: number;
  /** Refuse mail to addresses matching this for good (550). */
  rejectRecipient?: RegExp;
}

export interface TestSmtp {
  port: number;
  /** An SMTP_URL for this server (the self-signed test certificate accepted). */
  url: string;
  received: ReceivedMail[];
  /** Attempts the server refused so far. */
  refused: number;
  /** Resolves once `n` messages have arrived (rejects after `timeoutMs`, naming how many did). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtp(opts: TestSmtpOptions = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  let toRefuse = opts.refuseFirst ?? 0;
  const state = { refused: 0 };
  const serverOptions: SMTPServerOptions = {
    secure: opts.tls ?? false,
    disabledCommands: opts.starttls === false && !opts.tls ? ['STARTTLS'] : [],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    logger: false,
    // A client still connected (a sender a failed test did not stop) must not hold the test's end for 30 s.
    closeTimeout: 200,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return cb(null, { user: auth.username });
      cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (opts.rejectRecipient?.test(address.address)) {
        state.refused++;
        return cb(Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }));
      }
      cb();
    },
    onData(stream, session: SMTPServerSession, cb) {
      if (toRefuse > 0) {
        toRefuse--;
        state.refused++;
        stream.resume();
        stream.on('end', () => cb(Object.assign(new Error('Try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          received.push({ parsed, to: session.envelope.rcptTo.map((r) => r.address), secure: session.secure, user: session.user as string | undefined });
          for (const w of waiters.splice(0)) w();
          cb();
        },
        (err: Error) => cb(err),
      );
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const auth = opts.auth ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@` : '';
  const query = opts.tls ? '?tls.rejectUnauthorized=false' : opts.starttls === false ? '?requireTLS=false' : '?tls.rejectUnauthorized=false';
  const smtp: TestSmtp = {
    port,
    url: `${opts.tls ? 'smtps' : 'smtp'}://${auth}127.0.0.1:${port}${query}`,
    received,
    get refused() {
      return state.refused;
    },
    waitFor(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${n} messages, ${received.length} arrived`)), timeoutMs);
        const check = () => {
          if (received.length >= n) {
            clearTimeout(timer);
            resolve(received.slice());
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  try {
    onTestFinished(() => smtp.close());
  } catch {
    /* outside a test: the caller closes it */
  }
  return smtp;
}
