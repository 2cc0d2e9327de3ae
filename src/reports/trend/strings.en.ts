import type { TrendStrings } from './strings.js';

export const TREND_EN: TrendStrings = {
  kicker: 'Customer-centricity: comparison over time',
  pageLabel: 'Page {page} of {pages}',
  coverTitle: (n) => `${n} assessments compared`,
  coverNote:
    'This report compares repeated assessments of the same organization: how each score moved, and whether ' +
    'each change is larger than chance alone would produce. Scores run from 0 to 100. Responses are anonymous, ' +
    'and the people who answered may differ from one assessment to the next.',
  subtitle: (from, to) => `Comparison over time: ${from} – ${to}`,
  facts: { date: 'Report date', period: 'Period', questionnaire: 'Questionnaire', assessments: 'Assessments compared' },
  period: (from, to) => `${from} to ${to}`,
  questionnaire: (title, versions, several) => `${title}, ${several ? 'versions' : 'version'} ${versions}`,
  list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
  assessmentsTitle: 'The assessments compared, oldest first',
  assessmentColumns: { number: 'No.', title: 'Assessment', date: 'Date', respondents: 'Respondents', version: 'Version' },
  respondentsOf: (submitted, invited) => `${submitted} of ${invited}`,
  compatibility: (versions, shared, total, ratio) =>
    `These assessments used different questionnaire versions (${versions}); they are compared on the ${shared} ` +
    `items every version shares, out of ${total} items in all (compatibility ${ratio}). Scores in this report ` +
    'are computed on those shared items only, so they can differ from each assessment’s own report.',

  single: {
    title: 'Nothing to compare yet',
    none: [
      'This organization has no closed assessment yet, so there is nothing to compare.',
      'Once an assessment is closed it becomes the baseline; after the next one closes, this report shows how each score changed and whether the change is real.',
    ],
    one: (title, date) => [
      `Only one assessment (“${title}”, ${date}) is included, and a comparison needs at least two.`,
      'Its scores below are the baseline. After the next assessment closes, this report will show how each score changed, with a test of whether each change is larger than chance alone would produce.',
    ],
    baselineTitle: 'The baseline',
    columns: { group: 'Dimension', score: 'Score', ci: '95% CI', level: 'Maturity level', n: 'Respondents' },
  },

  summary: {
    title: 'Summary of changes',
    intro: (n, organization, from, to) =>
      `This report compares ${n} assessments of ${organization}, from ${from} to ${to}. The cards and sentences ` +
      'below set the first assessment against the last; every score runs from 0 to 100.',
    sentencesTitle: 'In plain words',
    moved: (name, points, movement) =>
      movement === 'flat'
        ? `${name} stayed the same`
        : `${name} ${movement === 'up' ? 'improved' : 'declined'} by ${points} ${points === '1' ? 'point' : 'points'}`,
    verdict: (verdict, stats) =>
      verdict === 'significant'
        ? `; the change is statistically significant${stats ? ` (${stats})` : ''}.`
        : verdict === 'chance'
          ? `; the change is within what chance could produce${stats ? ` (${stats})` : ''}.`
          : '; there are too few responses to test the change.',
    stats: (p, d) => (d === null ? `p ${p}` : `p ${p}, d = ${d}`),
    noScore: (name) => `${name} cannot be compared: one of the assessments has no score for it.`,
    cardVerdict: { significant: 'significant change', chance: 'within chance', untested: 'too few responses to test' },
    noScoreCard: 'no score to compare',
  },

  charts: {
    title: 'Scores over time',
    intro:
      'Each line joins one assessment’s score to the next, oldest on the left. The shaded band around a ' +
      'dimension’s line is the 95% confidence interval of each score: where the bands of two assessments ' +
      'overlap widely, the difference between them may be chance. The vertical axis shows only the range ' +
      'the scores span, so small changes are visible; read the figures, not the slope alone.',
    overview: 'Overall readiness and the three dimensions',
    scoreLabel: 'Score',
    ciLabel: '95% confidence interval',
  },

  changes: {
    title: 'Table of changes',
    intro:
      'For each comparison: the score before and after, the change, its 95% confidence interval, the ' +
      'p-value of Welch’s t test and Cohen’s d (the change in standard deviations). Rows with a significant ' +
      'change are in bold.',
    firstToLast: (a, b) => `First to last: ${a} to ${b}`,
    pair: (a, b) => `${a} to ${b}`,
    assessment: (title) => `“${title}”`,
    columns: { group: 'Dimension', before: 'Before', after: 'After', change: 'Change', ci: '95% CI of the change', p: 'p', d: 'Cohen’s d', mark: 'Significance' },
    detailTitle: 'Levels and sections, first to last',
    detailGroup: 'Level or section',
    notTested: 'not tested',
    ciRange: (lo, hi) => `${lo} to ${hi}`,
    marksNote:
      'Significance: * p < 0.05, ** p < 0.01, *** p < 0.001; — not significant; “not tested”: too few responses ' +
      '(or no variation) to test. Change = after − before, in points on the 0–100 scale.',
  },

  levels: {
    title: 'Maturity level transitions',
    intro:
      'The maturity level, from 1 (Initial) to 5 (Embedded customer-centric), of the organization and of each ' +
      'dimension in every assessment. The overall level is at most one above the weakest dimension’s.',
    group: 'Dimension',
    level: (n, name) => `${n}: ${name}`,
    levelRef: (n, name) => `${n} (${name})`,
    rose: (name, from, to, a, b) => `${name} rose from level ${from} to level ${to} between ${a} and ${b}.`,
    fell: (name, from, to, a, b) => `${name} fell from level ${from} to level ${to} between ${a} and ${b}.`,
    none: 'No maturity level changed between the assessments.',
  },

  movers: {
    title: 'Items that moved most',
    intro:
      'The questionnaire items whose score changed most between the first and the last assessment. An item ' +
      'score is the mean answer rescaled to 0–100; a single item is noisier than a dimension, so read these as ' +
      'pointers to where the change happened, not as tested results.',
    upTitle: 'Most improved',
    downTitle: 'Most declined',
    columns: { item: 'Item', source: 'Source', before: 'Before', after: 'After', change: 'Change' },
    empty: 'No item moved in this direction.',
    none: 'No item score could be compared.',
  },

  methodology: {
    title: 'Appendix: how changes are tested',
    change: {
      heading: 'The change and its confidence interval',
      paragraphs: [
        'The change of a group (overall readiness, a dimension, level or section) is the later assessment’s mean score minus the earlier one’s. Its 95% confidence interval is the range of changes compatible with the data; when it excludes zero, the change is significant at the 5% level.',
      ],
    },
    welch: {
      heading: 'Welch’s t test',
      paragraphs: [
        'The respondents of two assessments are treated as independent samples, and Welch’s t test compares their means without assuming equal variances. The p-value is two-sided, from Student’s t distribution with Welch’s degrees of freedom; a change is called significant when p < 0.05.',
        'A test needs at least two responses on each side and some variation in the scores; otherwise the change is shown, but not tested.',
      ],
    },
    effect: {
      heading: 'Effect size: Cohen’s d',
      paragraphs: [
        'Cohen’s d expresses the change in pooled standard deviations, so it does not grow with the number of respondents as significance does. As a rough guide, |d| around 0.2 is small, 0.5 medium and 0.8 large.',
      ],
    },
    overall: {
      heading: 'Overall readiness',
      paragraphs: [
        'Overall readiness is the mean of the three dimension scores. For its test, each respondent’s own mean of the three dimensions (when they answered all three) supplies the spread and the number of respondents; the change shown stays the difference of the published scores.',
      ],
    },
    compatibility: {
      heading: 'Questionnaire versions',
      paragraphs: [
        'When the assessments used different questionnaire versions, every score in this report is computed on the items all of them share, so like is compared with like. Compatibility is the share of shared items among all items; below 0.5 the comparison is refused, as the versions would no longer measure the same thing.',
      ],
    },
    caution: {
      heading: 'Reading the results with care',
      paragraphs: [
        'Many changes are tested at once: even with no real change, about one test in twenty comes out significant by chance. A significant change is a real change in the average, not necessarily a large or important one — read it together with Cohen’s d and the confidence interval. A change that is not significant is not proof that nothing changed; with few respondents, only large changes can be detected.',
      ],
    },
  },
};
