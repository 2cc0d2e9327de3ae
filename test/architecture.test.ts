import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of the README's "Layout" section: a file's folder says what it may import. This reads every
// import (static, `export … from`, and dynamic `import()`) of every file under src/ and checks it against
// the table below, so an adapter that reaches into the database, a service that throws HTTP errors, or a
// report that loads its own data fails here with the file and the import named.

const SRC = path.resolve(import.meta.dirname, '../src');

type Layer = 'entry' | 'app' | 'deps' | 'http' | 'web' | 'cli' | 'services' | 'reports' | 'formats' | 'domain' | 'questionnaire' | 'data' | 'shared';

/** The layer of a path under src/, by its longest matching prefix. */
const FOLDERS: Array<[prefix: string, layer: Layer]> = [
  ['index.ts', 'entry'],
  ['config.ts', 'entry'],
  ['boot.ts', 'entry'],
  ['logger.ts', 'entry'],
  ['app.ts', 'app'],
  ['httpErrors.ts', 'app'],
  ['deps.ts', 'deps'],
  ['http/', 'http'],
  ['routes/', 'http'],
  ['web/', 'web'],
  ['cli/', 'cli'],
  ['services/', 'services'],
  ['reports/', 'reports'],
  // Reading import bodies (CSV, JSON, their encodings) is the import route's parsing of its input.
  ['imports/', 'http'],
  ['exports/', 'formats'],
  // Email messages and the SMTP transport the services hand them to, like the files of exports/.
  ['mail/', 'formats'],
  ['domain/', 'domain'],
  ['questionnaire/', 'questionnaire'],
  ['db/', 'data'],
  ['repositories/', 'data'],
  ['backup/', 'data'],
  ['auth/', 'shared'],
  ['text.ts', 'shared'],
];

/** What each layer may import (besides itself and packages; packages are checked below). */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  entry: ['app', 'deps', 'services', 'data', 'questionnaire', 'shared'],
  // The composition root: builds the adapters and the service instances they share (the report service).
  app: ['http', 'web', 'services', 'deps', 'domain', 'entry', 'shared'],
  // AppDeps: the injected dependencies' types, handed from the entry through the adapters to the services.
  deps: ['entry', 'data', 'domain', 'questionnaire'],
  http: ['services', 'deps', 'domain', 'questionnaire', 'app', 'shared'],
  web: ['services', 'deps', 'domain', 'questionnaire', 'formats', 'http', 'app', 'shared'],
  cli: ['services', 'deps', 'entry', 'app', 'domain', 'questionnaire', 'shared'],
  services: ['deps', 'domain', 'data', 'reports', 'questionnaire', 'formats', 'shared'],
  reports: ['domain', 'questionnaire', 'shared'],
  formats: ['domain', 'questionnaire', 'shared'],
  domain: ['questionnaire', 'shared'],
  questionnaire: ['shared'],
  data: ['domain', 'questionnaire', 'shared'],
  shared: [],
};

/** Documented exceptions: file → the folders (or files) under src/ it may import beyond its layer's list. */
const EXCEPTIONS: Record<string, string[]> = {
  // The copy between databases and the backup of the database file are data tools themselves.
  'cli/dbCopy.ts': ['db/'],
  'cli/backup.ts': ['backup/'],
  // The demo is the service too, and holds the lock on its database file that restore checks.
  'cli/demo.ts': ['backup/databaseLock.ts'],
  // The dashboard's charts draw in the report's colours: one palette for both.
  'web/app/charts.ts': ['reports/pdf/palette.ts'],
  'web/app/resultsItems.tsx': ['reports/pdf/palette.ts'],
  'web/app/styles.ts': ['reports/pdf/palette.ts'],
  // The branding page's cover preview shows the report's own accent and muted colours.
  'web/app/brandingPage.tsx': ['reports/pdf/palette.ts'],
};

/** Packages that belong to one layer: the web framework to the adapters, the query builder and drivers to Data. */
const PACKAGES: Array<[pattern: RegExp, allowed: Layer[]]> = [
  [/^(hono|@hono\/)/, ['entry', 'app', 'http', 'web', 'cli']],
  // db:copy (src/cli/dbCopy.ts) opens its source database itself.
  [/^(kysely|better-sqlite3|pg)$/, ['data', 'cli']],
  [/^(pdfkit|chart\.js|chartjs-node-canvas|canvas|piscina)/, ['reports']],
];

const layerOf = (rel: string): Layer | undefined => {
  let best: [string, Layer] | undefined;
  for (const [prefix, layer] of FOLDERS) if ((rel === prefix || rel.startsWith(prefix)) && (!best || prefix.length > best[0].length)) best = [prefix, layer];
  return best?.[1];
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

/** Every module a file names in an import, an `export … from` or a dynamic `import()`. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  const patterns = [/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** The import resolved to a path under src/ (`repositories/assessments.ts`), or undefined for a package. */
function resolve(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const abs = path.resolve(path.dirname(fromFile), spec).replace(/\.js$/, '');
  for (const candidate of [`${abs}.ts`, `${abs}.tsx`, path.join(abs, 'index.ts')]) if (fs.existsSync(candidate)) return path.relative(SRC, candidate).split(path.sep).join('/');
  return path.relative(SRC, abs).split(path.sep).join('/');
}

const files = sourceFiles(SRC).map((full) => ({ full, rel: path.relative(SRC, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') }));

describe('architecture: what each folder under src/ may import', () => {
  it('places every file under src/ in a layer', () => {
    expect(files.filter((f) => !layerOf(f.rel)).map((f) => f.rel)).toEqual([]);
  });

  it('imports only from the layers its folder may import', () => {
    const violations: string[] = [];
    for (const f of files) {
      const layer = layerOf(f.rel)!;
      for (const spec of importsOf(f.text)) {
        const target = resolve(f.full, spec);
        if (target === undefined) continue;
        const to = layerOf(target);
        if (!to) {
          violations.push(`${f.rel} imports ${spec}, which is outside src/`);
          continue;
        }
        if (to === layer || MAY_IMPORT[layer].includes(to)) continue;
        if (EXCEPTIONS[f.rel]?.some((allowed) => target === allowed || target.startsWith(allowed))) continue;
        violations.push(`${f.rel} (${layer}) imports ${target} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the web framework in the adapters and the database drivers in Data', () => {
    const violations: string[] = [];
    for (const f of files) {
      const layer = layerOf(f.rel)!;
      for (const spec of importsOf(f.text))
        for (const [pattern, allowed] of PACKAGES) if (pattern.test(spec) && !allowed.includes(layer)) violations.push(`${f.rel} (${layer}) imports ${spec}`);
    }
    expect(violations).toEqual([]);
  });

  it('runs every query in src/repositories/ (or src/db/)', () => {
    const query = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|transaction)\(/;
    const outside = files.filter((f) => layerOf(f.rel) !== 'data' && query.test(f.text)).map((f) => f.rel);
    expect(outside).toEqual([]);
  });

  it('lets services throw domain errors only, never HTTP ones', () => {
    const offenders = files.filter((f) => layerOf(f.rel) === 'services' && /\b(AppError|HTTPException|PageError)\b/.test(f.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });
});
