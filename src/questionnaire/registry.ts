import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Questionnaire, questionnaireSchema } from './schema.js';

export class QuestionnaireError extends Error {}

export interface LoadedQuestionnaire {
  definition: Questionnaire;
  /** SHA-256 of the resolved definition; stored with each assessment that uses this version. */
  hash: string;
  file: string;
}

export interface QuestionnaireRegistry {
  list(): LoadedQuestionnaire[];
  /** Without a version: the newest one. */
  get(id: string, version?: number): LoadedQuestionnaire | undefined;
  /**
   * Customer questionnaires (audience "customers"), kept out of list() and get(): an assessment, a peer
   * comparison or a questionnaire list is about staff questionnaires only. Without an id: the newest of any.
   */
  customer(id?: string, version?: number): LoadedQuestionnaire | undefined;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function hashDefinition(q: Questionnaire): string {
  return createHash('sha256').update(canonicalJson(q)).digest('hex');
}

export function parseQuestionnaireFile(file: string, raw: string): LoadedQuestionnaire {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new QuestionnaireError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = questionnaireSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${file} at ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new QuestionnaireError(`Invalid questionnaire file ${file}:\n${lines.join('\n')}`);
  }
  return { definition: parsed.data, hash: hashDefinition(parsed.data), file };
}

/**
 * A version frozen before its questionnaire named its seed texts (mehvar-core v1) borrows the titles from the
 * newest version of the same questionnaire that has them, for the seeds it cites: its reports then cite
 * sources by title too. Its hash stays that of its file, which is what the frozen check compares.
 */
function withBorrowedSeedTitles(all: LoadedQuestionnaire[]): LoadedQuestionnaire[] {
  return all.map((q) => {
    const d = q.definition;
    if (d.seeds) return q;
    const donor = all.filter((o) => o.definition.id === d.id && o.definition.seeds).sort((a, b) => b.definition.version - a.definition.version)[0];
    if (!donor) return q;
    const cited = new Set([...d.items, ...d.sections, ...d.recommendations, ...d.levels].map((x) => x.source.file));
    const seeds = donor.definition.seeds!.filter((s) => cited.has(s.file));
    return seeds.length === cited.size ? { ...q, definition: { ...d, seeds } } : q;
  });
}

export function createRegistry(loaded: LoadedQuestionnaire[]): QuestionnaireRegistry {
  const byKey = new Map<string, LoadedQuestionnaire>();
  for (const q of withBorrowedSeedTitles(loaded)) {
    const key = `${q.definition.id}@${q.definition.version}`;
    const prior = byKey.get(key);
    if (prior) throw new QuestionnaireError(`${q.file} and ${prior.file} both define ${key}`);
    byKey.set(key, q);
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => a.definition.id.localeCompare(b.definition.id) || a.definition.version - b.definition.version,
  );
  const forStaff = sorted.filter((q) => q.definition.audience === undefined);
  const forCustomers = sorted.filter((q) => q.definition.audience === 'customers');
  const pick = (list: LoadedQuestionnaire[], id: string | undefined, version?: number) => {
    const same = id === undefined ? list : list.filter((q) => q.definition.id === id);
    return version === undefined ? same.at(-1) : same.find((q) => q.definition.version === version);
  };
  return {
    list: () => forStaff,
    get: (id, version) => pick(forStaff, id, version),
    customer: (id, version) => pick(forCustomers, id, version),
  };
}

/** The registry as the frozen-version check reads customer surveys' questionnaires: get() finds customer versions. */
export function customerRegistry(r: QuestionnaireRegistry): QuestionnaireRegistry {
  return { list: r.list, get: (id, version) => r.customer(id, version), customer: r.customer };
}

/** Reads and validates every questionnaire file; an invalid file stops start-up naming file, path and reason. */
export function loadQuestionnaires(dir: string): QuestionnaireRegistry {
  if (!fs.existsSync(dir)) throw new QuestionnaireError(`Questionnaire folder ${dir} does not exist`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new QuestionnaireError(`No questionnaire (*.json) in ${dir}`);
  return createRegistry(files.map((f) => parseQuestionnaireFile(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'))));
}
