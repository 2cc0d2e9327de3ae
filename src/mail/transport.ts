import nodemailer from 'nodemailer';

/** The SMTP server to send through (the shape src/config.ts parses SMTP_URL into). */
export interface SmtpServer {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  rejectUnauthorized: boolean;
  auth?: { user: string; pass: string };
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  lang: 'fa' | 'en';
}

/** Why a message was not accepted, and whether trying again later could change that. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** A 5xx answer: the server refused this message for good (no such mailbox, policy). */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** One pooled SMTP connection set per sender: invitations go out in batches, so connections are reused. */
export function createMailTransport(server: SmtpServer): MailTransport {
  const transporter = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: server.requireTLS,
    tls: { rejectUnauthorized: server.rejectUnauthorized },
    ...(server.auth && { auth: server.auth }),
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      try {
        await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
        });
      } catch (err) {
        const e = err as Error & { responseCode?: number };
        const code = e.responseCode;
        throw new DeliveryError(e.message, code !== undefined && code >= 500 && code < 600);
      }
    },
    close: () => transporter.close(),
  };
}
