import { z } from 'zod';

/** The three readiness dimensions every item belongs to (exactly one each). */
export const DIMENSIONS = ['culture', 'process', 'interaction'] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

/** The two levels of "ساختار مشتری مداری" (002_…): information/organization level and customer level. */
export const LEVELS = ['information', 'customer'] as const;
export type LevelId = (typeof LEVELS)[number];

const nonBlank = z.string().trim().min(1, 'must not be empty');
export const localizedSchema = z.strictObject({ fa: nonBlank, en: nonBlank });
export type Localized = z.infer<typeof localizedSchema>;

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/, 'must be lower-case letters, digits and . _ - (e.g. "info.know-customers")')
  .max(64);

const seedFileSchema = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a seed file name such as "002_f1b9106ea715ad56.txt"');

/** Where an item or recommendation comes from: a seed text file name and a short quote from it. */
export const sourceSchema = z.strictObject({
  file: seedFileSchema,
  quote: nonBlank.max(400),
  /** The quote in English, shown to English readers instead of the Persian original. */
  translation: z.strictObject({ en: nonBlank.max(600) }).optional(),
  /** How the item reads the quote, where the seed's wording cannot be taken at face value. */
  note: localizedSchema.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

// Scales are limited to single digits: submitted answers are stored one character per item.
const scaleSchema = z
  .strictObject({ min: z.number().int().min(0).max(8), max: z.number().int().min(1).max(9) })
  .refine((s) => s.max > s.min, { message: 'max must be greater than min' });

export const itemSchema = z.strictObject({
  id: idSchema,
  text: localizedSchema,
  dimension: z.enum(DIMENSIONS),
  level: z.enum(LEVELS),
  section: idSchema,
  weight: z.number().positive().max(100).default(1),
  reverse: z.boolean().default(false),
  scale: scaleSchema.default({ min: 1, max: 5 }),
  source: sourceSchema,
  /** In a customer questionnaire: the staff items (of mehvar-core) this item asks customers about. */
  mirrors: z.array(idSchema).min(1).max(10).optional(),
  /** A short name for charts and tables, where the question itself is too long (customer questionnaires). */
  label: localizedSchema.optional(),
});
export type Item = z.infer<typeof itemSchema>;

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  description: localizedSchema.optional(),
  source: sourceSchema,
});
export type Section = z.infer<typeof sectionSchema>;

export const recommendationSchema = z.strictObject({
  id: idSchema,
  target: z.union([z.strictObject({ section: idSchema }), z.strictObject({ item: idSchema })]),
  /**
   * The stages it is for: given only while its target's maturity level (of the target's score) is one of these.
   * What to do at level 1–2 is not what to do at level 4. Without it, at every level.
   */
  atLevels: z
    .array(z.number().int().min(1).max(5))
    .min(1)
    .refine((l) => new Set(l).size === l.length, { message: 'each level at most once' })
    .optional(),
  text: localizedSchema,
  source: sourceSchema,
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const maturityLevelSchema = z.strictObject({
  level: z.number().int().min(1).max(5),
  name: localizedSchema,
  /** The level of the organization as a whole. */
  description: localizedSchema,
  /** What the level means for each dimension; where present, a dimension's level is described by it. */
  byDimension: z.strictObject({ culture: localizedSchema, process: localizedSchema, interaction: localizedSchema }).optional(),
});
export type MaturityLevel = z.infer<typeof maturityLevelSchema>;

export const questionnaireSchema = z
  .strictObject({
    id: idSchema,
    version: z.number().int().positive(),
    /** Who answers it: an organization's staff (absent) or its customers (a customer survey, never an assessment's questionnaire). */
    audience: z.enum(['customers']).optional(),
    title: localizedSchema,
    description: localizedSchema,
    /** Shown on the respondent's welcome page. */
    estimatedMinutes: z.number().int().positive().max(240),
    /** Labels of the answer scale, keyed by value ("1".."5"), plus "don't know". */
    scaleLabels: z.record(z.string().regex(/^\d$/), localizedSchema),
    dontKnowLabel: localizedSchema,
    /** The "not applicable" answer, offered only when set (version 1 of mehvar-core has none). */
    notApplicableLabel: localizedSchema.optional(),
    /**
     * A short title for each seed text, by which sources are cited to people ("Text 5: Customer relationship
     * management"); a report never shows a file name. Optional: see registry.ts for a version without them.
     */
    seeds: z.array(z.strictObject({ file: seedFileSchema, title: localizedSchema })).optional(),
    dimensions: z.array(z.strictObject({ id: z.enum(DIMENSIONS), name: localizedSchema, description: localizedSchema })).length(3),
    levels: z.array(z.strictObject({ id: z.enum(LEVELS), name: localizedSchema, source: sourceSchema })).length(2),
    sections: z.array(sectionSchema).min(1),
    items: z.array(itemSchema).min(1),
    maturityLevels: z.array(maturityLevelSchema).length(5),
    recommendations: z.array(recommendationSchema),
  })
  .superRefine((q, ctx) => {
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id "${id}"` });
        seen.add(id);
      });
    };
    unique(q.sections.map((s) => s.id), 'sections');
    unique(q.items.map((s) => s.id), 'items');
    unique(q.recommendations.map((s) => s.id), 'recommendations');
    const sectionIds = new Set(q.sections.map((s) => s.id));
    const itemIds = new Set(q.items.map((s) => s.id));
    q.items.forEach((item, i) => {
      if (!sectionIds.has(item.section))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'section'], message: `unknown section "${item.section}"` });
      for (let v = item.scale.min; v <= item.scale.max; v++)
        if (!q.scaleLabels[String(v)])
          ctx.addIssue({ code: 'custom', path: ['items', i, 'scale'], message: `no label in scaleLabels for value ${v}` });
    });
    for (const s of q.sections)
      if (!q.items.some((i) => i.section === s.id))
        ctx.addIssue({ code: 'custom', path: ['sections', q.sections.indexOf(s), 'id'], message: `section "${s.id}" has no items` });
    q.recommendations.forEach((r, i) => {
      if ('section' in r.target && !sectionIds.has(r.target.section))
        ctx.addIssue({ code: 'custom', path: ['recommendations', i, 'target', 'section'], message: `unknown section "${r.target.section}"` });
      if ('item' in r.target && !itemIds.has(r.target.item))
        ctx.addIssue({ code: 'custom', path: ['recommendations', i, 'target', 'item'], message: `unknown item "${r.target.item}"` });
    });
    const levels = q.maturityLevels.map((m) => m.level).sort();
    if (levels.join() !== '1,2,3,4,5')
      ctx.addIssue({ code: 'custom', path: ['maturityLevels'], message: 'must define each level 1..5 exactly once' });
    // Per-dimension descriptions for every level or for none: a dimension's level is never half described.
    const described = q.maturityLevels.filter((m) => m.byDimension).length;
    if (described > 0 && described < q.maturityLevels.length)
      q.maturityLevels.forEach((m, i) => {
        if (!m.byDimension) ctx.addIssue({ code: 'custom', path: ['maturityLevels', i, 'byDimension'], message: 'required: other levels describe each dimension' });
      });
    if (q.seeds) {
      const titled = new Set(q.seeds.map((s) => s.file));
      if (titled.size !== q.seeds.length) ctx.addIssue({ code: 'custom', path: ['seeds'], message: 'each seed file exactly once' });
      const cited = [...q.items, ...q.sections, ...q.recommendations, ...q.levels].map((x) => x.source.file);
      for (const file of new Set(cited))
        if (!titled.has(file)) ctx.addIssue({ code: 'custom', path: ['seeds'], message: `no title for the cited seed "${file}"` });
    }
    if (q.audience === 'customers')
      q.items.forEach((item, i) => {
        if (!item.mirrors) ctx.addIssue({ code: 'custom', path: ['items', i, 'mirrors'], message: 'required in a customer questionnaire: the staff items it mirrors' });
        if (!item.label) ctx.addIssue({ code: 'custom', path: ['items', i, 'label'], message: 'required in a customer questionnaire: its short name in charts' });
      });
    for (const d of ['dimensions', 'levels'] as const) {
      const ids = q[d].map((x) => x.id);
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: [d], message: 'each id exactly once' });
    }
  });

/** A questionnaire with every default resolved — what the API serves and scoring uses. */
export type Questionnaire = z.infer<typeof questionnaireSchema>;
