import type { Strings } from './strings.js';

export const EN: Strings = {
  reportTitle: 'Customer-Centricity Maturity Report',
  pageLabel: 'Page {page} of {pages}',
  coverNote:
    'This report measures how ready the organization is to put its customers at the centre, across three ' +
    'dimensions: culture, process and interaction. Answers were collected anonymously, and no figure is ' +
    'reported for any group smaller than the anonymity threshold.',
  facts: {
    date: 'Report date',
    period: 'Assessment period',
    respondents: 'Respondents',
    responseRate: 'Response rate',
    sector: 'Sector',
    headcount: 'Headcount',
    questionnaire: 'Questionnaire',
    threshold: 'Anonymity threshold',
  },
  respondentsOf: (submitted, invited) => `${submitted} of ${invited} invited`,
  respondentsOnly: (submitted) => submitted,
  noRate: 'not known (no invitations recorded)',
  periodOpen: (from) => `from ${from}, still open`,
  periodClosed: (from, to) => `${from} to ${to}`,
  questionnaireVersion: (title, version) => `${title}, version ${version}`,
  noResponses: {
    title: 'No responses yet',
    paragraphs: (invited, threshold) => [
      `No complete response has been submitted for this assessment yet${invited === null ? '' : ` (${invited} invited)`}, so this report ` +
        'contains no scores, maturity level, charts or recommendations.',
      'Download this report again once responses have been submitted. Comparing roles and departments needs ' +
        `at least ${threshold} responses in each group.`,
    ],
  },
  withheld: {
    title: 'Not enough responses to show figures',
    paragraphs: (submitted, count, invited, threshold) => [
      `${submitted} ${count === 1 ? 'response has' : 'responses have'} been submitted${invited === null ? '' : ` (${invited} invited)`}, fewer than the ` +
        `anonymity threshold of ${threshold}. So that no one's answers can be singled out, this report shows no scores, ` +
        'maturity level, charts or recommendations until at least that many responses are in the figures.',
      'Respondents were promised that no figure describes fewer people than the threshold; this holds for every ' +
        'report, export and page of this assessment.',
    ],
    open: (more, count) => `The figures will appear once ${more} more ${count === 1 ? 'response has' : 'responses have'} been submitted.`,
  },

  summary: {
    title: 'Executive summary',
    intro: (n, count, title) =>
      `This report is based on ${n} submitted ${count === 1 ? 'response' : 'responses'} to the assessment “${title}”. Scores run from 0 to 100; ` +
      'the maturity level runs from 1 (Initial) to 5 (Embedded customer-centric).',
    overall: 'Overall customer-centricity readiness',
    outOf: 'out of 100',
    level: (n, name) => `Level ${n}: ${name}`,
    noOverall: 'No overall score: at least one of the three dimensions has no score.',
    capped: (scoreLevel, weakest) =>
      `The overall score alone would be level ${scoreLevel}, but the organization's level is at most one above ` +
      `its weakest dimension (${weakest}), so that one strong dimension cannot hide a weak one.`,
    pending: (inFigures, pending, count, more) =>
      `The figures stand at ${inFigures} responses. ${pending} ${count === 1 ? 'response has' : 'responses have'} arrived since; ` +
      `they enter the figures together once ${more} more have arrived, so that no update describes fewer people than the anonymity threshold.`,
    heldOut: (inFigures, pending, count, threshold) =>
      `The final figures stand at ${inFigures} responses. ${pending} ${count === 1 ? 'response' : 'responses'} submitted after the last update ` +
      `${count === 1 ? 'is' : 'are'} counted in the response rate but not in the figures: fewer than ${threshold} added to figures already ` +
      'shown would let anyone comparing the two read their answers.',
    strongest: 'Strongest dimension',
    weakest: 'Weakest dimension',
    dimensionLine: (name, score) => `${name}, scoring ${score}`,
    target: (t) => `Target: ${t}`,
    urgent: (count) => (count === 3 ? 'The three most urgent actions' : 'Most urgent actions'),
    urgentEmpty: 'No section or item scores below its target; no urgent action is suggested.',
  },
  priority: { high: 'High priority', medium: 'Medium priority', low: 'Low priority' },
  targetSection: (title) => `Section “${title}”`,
  targetItem: (number, section) => `Item ${number} in section “${section}”`,

  profile: {
    title: 'Readiness profile across the three dimensions',
    intro:
      'The radar chart shows the organization’s score on culture, process and interaction: the larger the ' +
      'shaded area, the readier the organization. The maturity ladder shows where the organization stands ' +
      'overall among the five levels.',
    scoreLabel: 'Organization score',
    targetLabel: 'Target',
    noTargets: 'No targets were set for this assessment; recommendations use the default target of 80.',
    withTargets: 'The dashed line shows the target set for each dimension.',
    ladder: 'Maturity ladder',
    current: 'You are here',
    noLevel: 'No overall level could be determined.',
    columns: {
      dimension: 'Dimension', score: 'Score', ci: '95% CI', level: 'Level', target: 'Target',
      gap: 'Gap to target', alpha: 'Cronbach’s alpha', rwg: 'Agreement rwg(j)',
    },
    range: (lo, hi) => `${lo}–${hi}`,
  },
  scores: {
    title: 'Level and section scores',
    intro:
      'Each bar is a mean score (0–100); the whisker is its 95% confidence interval — the shorter it is, the ' +
      'more precise the estimate. The first two bars are the two levels of the customer-centricity structure, ' +
      'the others the sections of the questionnaire.',
    scoreLabel: 'Score',
    levelLabel: 'Level',
    sectionLabel: 'Section',
    ciLabel: '95% confidence interval',
    columns: { group: 'Level or section', n: 'Respondents', score: 'Score', ci: '95% CI' },
    levelPrefix: 'Level',
  },
  distributions: {
    title: 'Answer distributions by item',
    intro: (withNa) =>
      'Each bar shows how the answers split: “Not at all” and “Slightly” on one side, “Largely” and ' +
      '“Completely” on the other, “Somewhat” across the middle. Percentages are of the answers that gave an ' +
      (withNa
        ? 'opinion; “Don’t know” and “Not applicable” are shown apart, in the column at the side, and never enter a score.'
        : 'opinion; “Don’t know” is shown apart, in the column at the side, and never enters a score.'),
    reverse: 'reverse-coded',
    continued: 'continued',
    n: (n) => `${n} answers`,
  },
  groups: {
    title: 'Roles and departments',
    intro:
      'Scores on each dimension by role and by department. Groups with fewer responses than the anonymity ' +
      'threshold — and, where needed, one more group, so that none can be worked out by subtraction from the ' +
      'total — are shown as “insufficient responses”, with no figures.',
    byRole: 'By role',
    byDepartment: 'By department',
    roles: { manager: 'Managers', staff: 'Staff' },
    columns: { group: 'Group', n: 'Responses' },
    insufficient: 'insufficient responses',
    noDepartments: 'No response names a department.',
    noneShown: 'No group has enough responses to be charted.',
    gapTitle: 'Manager–staff perception gap',
    gapColumns: { dimension: 'Dimension', manager: 'Managers', staff: 'Staff', gap: 'Gap (managers − staff)' },
    gapNotShown: (threshold) =>
      'The perception gap is not shown: managers or staff gave fewer responses than the anonymity threshold ' +
      `(${threshold}), and the gap would reveal the smaller group’s score.`,
    gapLargest: (dimension, points, higher) =>
      `The largest gap is in ${dimension}: managers rate it ${points} points ${higher ? 'higher' : 'lower'} than ` +
      'staff do. A large gap means managers’ picture of the organization differs from what staff experience.',
    gapNone: 'Managers and staff rate the organization about the same.',
  },
  recommendations: {
    title: 'Recommendations in order of priority',
    intro:
      'Each recommendation comes from the questionnaire’s source texts and is listed because its section or ' +
      'item scores below target. Some depend on the stage: a section at level 1 or 2 gets the first steps, from ' +
      'level 3 on the next ones. Priority = weight × (target − score); 30 or more is high, 15 or more medium.',
    source: 'Source',
    empty: 'No section or item scores below its target; no recommendation was needed.',
    figures: (score, target) => `score ${score}, target ${target}`,
  },
  methodology: {
    title: 'Appendix: how the figures are computed',
    reliabilityTitle: 'Reliability and agreement in this assessment',
    reliabilityColumns: { dimension: 'Dimension', alpha: 'Alpha', alphaMeaning: 'What alpha means here', rwg: 'rwg(j)', rwgMeaning: 'What agreement means here' },
    alphaOk: 'acceptable: the items hang together',
    alphaLow: 'low: the items disagree with each other',
    rwgOk: 'high: the organization-level score is meaningful',
    rwgLow: 'low: people experience the organization differently',
    notComputed: 'not computed (too little data)',
    countsTitle: 'Response counts',
    counts: {
      invited: 'Invited',
      submitted: 'Submitted responses',
      rate: 'Response rate',
      flagged: 'Straight-lined responses',
      population: 'Population N for the finite-population correction',
      scored: (d) => `Respondents scored on ${d}`,
    },
    populationUnknown: 'unknown',
    flaggedTitle: 'Straight-lined responses',
    flaggedText: (n, count) =>
      count === 1
        ? `${n} response was flagged as straight-lined. It is included in every figure of this report; the results API can leave it out. Its anonymous id:`
        : `${n} responses were flagged as straight-lined. They are included in every figure of this report; the results API can leave them out. Their anonymous ids:`,
    flaggedNone: 'No response was straight-lined.',
    flaggedMore: (n) => `and ${n} more`,
  },
};
