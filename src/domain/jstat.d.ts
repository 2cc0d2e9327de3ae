// jstat ships no types; declare only the distributions the domain layer uses.
declare module 'jstat' {
  interface ContinuousDistribution<Params extends number[]> {
    cdf(x: number, ...params: Params): number;
    inv(p: number, ...params: Params): number;
  }
  const jStat: {
    studentt: ContinuousDistribution<[dof: number]>;
    normal: ContinuousDistribution<[mean: number, sd: number]>;
  };
  export = jStat;
}
