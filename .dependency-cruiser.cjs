/**
 * The layers of the house (../shared/DESIGN.md), bottom to top. A module may import its own layer and
 * the layers below it, never one above; no import cycles. `npm run lint` runs this
 * (`depcruise --config .dependency-cruiser.cjs ...`), and __tests__/layers.test.ts checks that a planted
 * upward import fails it.
 */
const layers = ['core', 'source', 'analysis', 'transforms', 'engine', 'report', 'write', 'cli', 'bin'];

/** For each layer, a rule that forbids importing any layer above it. */
const upward = layers.slice(0, -1).map((layer, index) => ({
  name: `no-upward-from-${layer}`,
  comment: `${layer}/ sits below ${layers.slice(index + 1).join(', ')}: it may not import them`,
  severity: 'error',
  from: { path: `^${layer}/` },
  to: { path: `^(${layers.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-circular',
      comment: 'an import cycle hides which module depends on which',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-tests-from-sources',
      comment: 'the shipped code never imports tests, fixtures or the benchmark',
      severity: 'error',
      from: { path: `^(${layers.join('|')})/` },
      to: { path: '^(__tests__|__testfixtures__|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules|__testfixtures__|examples)/' },
  },
};
