import type { Ctx } from './buildReportModel.js';
import { clampCi } from './format.js';
import type { DistributionsSection, LikertItem, ProfileSection, ScoresSection, TableRow } from './types.js';

const LEVEL_BANDS = [0, 20, 40, 60, 80, 100];

export function profileSection({ r, q, lang, fmt, s }: Ctx): ProfileSection {
  const t = s.profile;
  const hasTargets = r.dimensions.some((d) => d.target !== null);
  const cell = (text: string) => ({ text, dir: fmt.dir });
  const rows: TableRow[] = r.dimensions.map((d) => ({
    cells: [
      cell(d.name),
      cell(fmt.score(d.score)),
      cell(fmt.range(d.ci95)),
      cell(d.level ? `${d.level.name} (${fmt.count(d.level.value)})` : '—'),
      cell(d.target === null ? '—' : fmt.score(d.target)),
      cell(fmt.signed(d.gap)),
      cell(fmt.coefficient(d.alpha)),
      cell(fmt.coefficient(d.rwg)),
    ],
  }));
  const c = t.columns;
  return {
    kind: 'profile',
    title: t.title,
    intro: t.intro,
    radar: {
      labels: r.dimensions.map((d) => d.name),
      scores: r.dimensions.map((d) => d.score),
      targets: hasTargets ? r.dimensions.map((d) => d.target) : null,
      scoreLabel: t.scoreLabel,
      targetLabel: t.targetLabel,
    },
    radarNote: hasTargets ? t.withTargets : t.noTargets,
    ladder: {
      title: t.ladder,
      current: r.overall.level?.value ?? null,
      currentLabel: r.overall.level ? t.current : t.noLevel,
      steps: [...q.maturityLevels]
        .sort((a, b) => a.level - b.level)
        .map((m) => ({
          level: m.level,
          label: fmt.count(m.level),
          name: m.name[lang],
          range: t.range(fmt.count(LEVEL_BANDS[m.level - 1]), fmt.count(LEVEL_BANDS[m.level])),
        })),
    },
    table: {
      columns: [
        { label: c.dimension, weight: 1.1 },
        { label: c.score, weight: 0.8, numeric: true },
        { label: c.ci, weight: 1.3, numeric: true },
        { label: c.level, weight: 1.5 },
        { label: c.target, weight: 0.7, numeric: true },
        { label: c.gap, weight: 0.9, numeric: true },
        { label: c.alpha, weight: 0.9, numeric: true },
        { label: c.rwg, weight: 0.9, numeric: true },
      ],
      rows,
    },
  };
}

export function scoresSection({ r, fmt, s }: Ctx): ScoresSection {
  const t = s.scores;
  const groups = [
    ...r.levels.map((l) => ({ label: l.name, kind: 'level' as const, g: l })),
    ...r.sections.map((x) => ({ label: x.title, kind: 'section' as const, g: x })),
  ];
  const cell = (text: string) => ({ text, dir: fmt.dir });
  return {
    kind: 'scores',
    title: t.title,
    intro: t.intro,
    chart: {
      bars: groups.map(({ label, kind, g }) => ({
        label,
        kind,
        score: g.score,
        ci: g.ci95 ? clampCi(g.ci95) : null,
        valueLabel: fmt.score(g.score),
      })),
      scoreLabel: t.scoreLabel,
      levelLabel: t.levelLabel,
      sectionLabel: t.sectionLabel,
      ciLabel: t.ciLabel,
    },
    table: {
      columns: [
        { label: t.columns.group, weight: 3 },
        { label: t.columns.n, weight: 1, numeric: true },
        { label: t.columns.score, weight: 1, numeric: true },
        { label: t.columns.ci, weight: 1.4, numeric: true },
      ],
      rows: groups.map(({ label, kind, g }) => ({
        cells: [cell(label), cell(fmt.count(g.n)), cell(fmt.score(g.score)), cell(fmt.range(g.ci95))],
        emphasis: kind === 'level',
      })),
    },
  };
}

export function distributionsSection({ r, q, lang, fmt, s }: Ctx): DistributionsSection {
  const t = s.distributions;
  const number = new Map(q.items.map((item, i) => [item.id, fmt.count(i + 1)]));
  // The tones and labels follow the first item's scale; the shipped questionnaires use one scale throughout.
  const { min, max } = q.items[0].scale;
  const mid = (min + max) / 2;
  const half = (max - min) / 2;
  const scale = Array.from({ length: max - min + 1 }, (_, i) => ({
    label: q.scaleLabels[String(min + i)][lang],
    tone: (min + i - mid) / half,
  }));
  const item = (i: (typeof r.items)[number]): LikertItem => {
    const counts = Array.from({ length: max - min + 1 }, (_, k) => i.distribution[String(min + k)] ?? 0);
    const answered = counts.reduce((a, b) => a + b, 0);
    const dk = i.distribution.dontKnow ?? 0;
    const na = i.distribution.notApplicable ?? 0;
    const any = answered + dk + na;
    const dontKnow = any === 0 ? 0 : dk / any;
    const notApplicable = any === 0 ? 0 : na / any;
    const shares = counts.map((c) => (answered === 0 ? 0 : c / answered));
    const side = (sign: number) => shares.reduce((sum, share, k) => (Math.sign(scale[k].tone) === sign ? sum + share : sum), 0);
    return {
      number: number.get(i.id)!,
      text: i.text,
      badge: i.reverse ? t.reverse : null,
      shares,
      lowLabel: fmt.percent(side(-1)),
      highLabel: fmt.percent(side(1)),
      dontKnow,
      dontKnowLabel: fmt.percent(dontKnow),
      notApplicable,
      notApplicableLabel: q.notApplicableLabel ? fmt.percent(notApplicable) : null,
      nLabel: t.n(fmt.count(answered)),
    };
  };
  return {
    kind: 'distributions',
    title: t.title,
    intro: t.intro(q.notApplicableLabel !== undefined),
    scale,
    dontKnowLabel: q.dontKnowLabel[lang],
    notApplicableLabel: q.notApplicableLabel?.[lang] ?? null,
    continued: t.continued,
    axis: {
      ticks: [-100, -50, 0, 50, 100].map((v) => ({ value: v, label: fmt.percent(Math.abs(v) / 100) })),
    },
    groups: r.sections.map((sec) => ({
      title: sec.title,
      items: r.items.filter((i) => i.section === sec.id).map(item),
    })),
  };
}
