import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { timeout } from 'hono/timeout';
import { AppError } from '../httpErrors.js';

/** Whether the request body is still on its way: the Node request has not been received in full. */
function bodyStillArriving(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming !== undefined && !incoming.complete;
}

/**
 * Ends a request that runs longer than `ms`. Who was slow decides the answer: a client still sending its
 * body gets 408 (and the connection closes, since the rest of that body would otherwise be read as the
 * next request); a handler that ran too long gets 503, the server's own fault.
 */
export function requestTimeout(ms: number): MiddlewareHandler {
  return timeout(ms, (c) => {
    if (!bodyStillArriving(c)) return new AppError(503, 'The request took too long and was stopped; nothing more will happen for it. Try again.');
    const err = new AppError(408, `The request body did not arrive within ${ms / 1000} seconds; nothing was stored. Send it again.`);
    err.headers = { connection: 'close' };
    return err;
  });
}
