import { readFixtures, runUnwrapRunners } from './support/runners-fixtures';

const fixtures = readFixtures();

describe('unwrap-runners fixtures', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const result = runUnwrapRunners(fixture.inputFile, fixture.input, fixture.options);
    expect(result.text).toBe(fixture.output);
    const diagnostics = result.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
    expect(diagnostics).toEqual(fixture.diagnostics);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: a second run changes nothing', (_name, fixture) => {
    const again = runUnwrapRunners(fixture.inputFile, fixture.output, fixture.options);
    expect(again.text).toBe(fixture.output);
  });
});
