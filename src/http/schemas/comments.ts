import { z } from '@hono/zod-openapi';
import { Snapshot } from './results.js';

// The comments as src/domain/presentComments.ts presents them: no response id, no time, a role or
// department only where k or more respondents of the comment's release share it.

export const CommentTheme = z
  .object({
    term: z.string().openapi({ description: 'A word or two-word phrase, as most respondents wrote it' }),
    count: z.number().int().openapi({ description: 'Comments of the section that use it' }),
    examples: z.array(z.string()).openapi({ description: 'Up to two of those comments' }),
  })
  .openapi('CommentTheme');

export const Comment = z
  .object({
    text: z.string().openapi({ description: 'Contact details replaced by [•••]' }),
    role: z.enum(['manager', 'staff']).optional(),
    department: z.string().optional(),
  })
  .openapi('Comment');

export const AssessmentComments = z
  .object({
    assessmentId: z.string(),
    lang: z.enum(['fa', 'en']),
    snapshot: Snapshot,
    sections: z.array(
      z.object({
        section: z.string(),
        title: z.string(),
        n: z.number().int(),
        comments: z.array(Comment).openapi({ description: 'In an order that carries no information' }),
        themes: z.array(CommentTheme).openapi({ description: 'Up to 8, most telling first' }),
      }),
    ),
  })
  .openapi('AssessmentComments', { description: 'sections is empty while the figures are withheld (snapshot.figuresShown false)' });
