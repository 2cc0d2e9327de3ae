const JSON_TYPES = new Set(['application/json', 'application/problem+json']);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/*']);

/**
 * Whether an Accept header prefers JSON to HTML. Page routes answer people by default: a browser lists
 * text/html first, and a client that takes anything (curl, a bare fetch) has not asked for JSON, so only
 * a JSON type ranked above every HTML type turns an error page into problem+json.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  let json = 0;
  let html = 0;
  for (const part of accept.toLowerCase().split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) continue;
    if (JSON_TYPES.has(type)) json = Math.max(json, q);
    else if (HTML_TYPES.has(type)) html = Math.max(html, q);
  }
  return json > html;
}
