import { z } from '@hono/zod-openapi';
import { DIMENSIONS, LEVELS } from '../../questionnaire/schema.js';

// Questionnaire definitions as GET /questionnaires serves them (src/questionnaire/schema.ts, defaults
// resolved), and the small pieces other answers share.

export const Lang = z.enum(['fa', 'en']).openapi('Lang');
export const DimensionId = z.enum(DIMENSIONS).openapi('DimensionId');
export const LevelId = z.enum(LEVELS).openapi('LevelId', { description: 'information: information/organization level; customer: customer level' });

export const Localized = z.object({ fa: z.string(), en: z.string() }).openapi('Localized');

export const Source = z
  .object({
    file: z.string().openapi({ example: '002_f1b9106ea715ad56.txt' }),
    quote: z.string(),
    translation: z.object({ en: z.string() }).optional().openapi({ description: 'The quote in English, for English readers' }),
    // How the item reads the quote, where the seed's wording cannot be taken at face value.
    note: Localized.optional(),
  })
  .openapi('Source', { description: 'Where an item or recommendation comes from: a seed text file and a short quote from it' });

export const QuestionnaireRef = z.object({ id: z.string(), version: z.number().int() }).openapi('QuestionnaireRef');

export const RecommendationTarget = z
  .union([z.object({ section: z.string() }), z.object({ item: z.string() })])
  .openapi('RecommendationTarget', { description: 'A section id or an item id' });

export const QuestionnaireSummary = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: Localized,
    items: z.number().int().openapi({ description: 'Number of items' }),
    sections: z.number().int().openapi({ description: 'Number of sections' }),
    hash: z.string().openapi({ description: 'SHA-256 of the resolved definition; assessments are frozen to it' }),
  })
  .openapi('QuestionnaireSummary');

export const QuestionnaireList = z.object({ questionnaires: z.array(QuestionnaireSummary) }).openapi('QuestionnaireList');

export const QuestionnaireItem = z
  .object({
    id: z.string(),
    text: Localized,
    dimension: DimensionId,
    level: LevelId,
    section: z.string(),
    weight: z.number(),
    reverse: z.boolean(),
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    source: Source,
  })
  .openapi('QuestionnaireItem');

export const Questionnaire = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: Localized,
    description: Localized,
    estimatedMinutes: z.number().int(),
    scaleLabels: z.record(z.string(), Localized).openapi({ description: 'Label of each scale value, keyed by the value ("1".."5")' }),
    dontKnowLabel: Localized,
    notApplicableLabel: Localized.optional(),
    seeds: z
      .array(z.object({ file: z.string(), title: Localized }))
      .optional()
      .openapi({ description: 'The title of each seed text, by which sources are cited to people' }),
    dimensions: z.array(z.object({ id: DimensionId, name: Localized, description: Localized })),
    levels: z.array(z.object({ id: LevelId, name: Localized, source: Source })),
    sections: z.array(z.object({ id: z.string(), title: Localized, description: Localized.optional(), source: Source })),
    items: z.array(QuestionnaireItem),
    maturityLevels: z.array(
      z.object({
        level: z.number().int().min(1).max(5),
        name: Localized,
        description: Localized,
        byDimension: z.object({ culture: Localized, process: Localized, interaction: Localized }).optional(),
      }),
    ),
    recommendations: z.array(
      z.object({ id: z.string(), target: RecommendationTarget, atLevels: z.array(z.number().int()).optional(), text: Localized, source: Source }),
    ),
    hash: z.string(),
  })
  .openapi('Questionnaire', { description: 'The full definition with every item field, defaults resolved' });
