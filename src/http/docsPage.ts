import { html, raw } from 'hono/html';

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
}

/** A small, self-contained reference page (no CDN): every operation with its summary, grouped by tag. */
export function renderDocsPage(doc: OpenApiDoc) {
  const byTag = new Map<string, Array<{ method: string; path: string; summary: string }>>();
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method: method.toUpperCase(), path, summary: op.summary ?? '' });
    }
  const sections = [...byTag].map(
    ([tag, ops]) => html`<h2>${tag}</h2>
      <table>
        ${ops.map((o) => html`<tr><td class="m">${o.method}</td><td><code>${o.path}</code></td><td>${o.summary}</td></tr>`)}
      </table>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title} — API</title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; }
          table { border-collapse: collapse; width: 100%; }
          td { border-bottom: 1px solid #e3e6ec; padding: .4rem .5rem; vertical-align: top; }
          td.m { font-weight: 600; width: 4rem; }
          code { font-size: .9em; }
        </style>
      </head>
      <body>
        <h1>${doc.info.title} API ${doc.info.version}</h1>
        <p>${doc.info.description ?? ''}</p>
        <p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code>.</p>
        ${raw('')}${sections}
      </body>
    </html>`;
}
