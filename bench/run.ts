/**
 * `npm run bench`: awaitify's whole-repository preview against the parse floor and plain jscodeshift,
 * on the same files, with medians over several runs, peak memory, the analysis against a TypeScript
 * program of the files it needs, and scaling at 25/50/100% of the generated repository.
 *
 *   npm run bench [-- --files 5000 --runs 3 --seed 1 --sizes 25,50,100 --no-git --full-program --unfiltered-jscodeshift]
 *   npm run bench -- --repo ../some-project
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverFiles } from '../engine/discover';
import { listTransforms } from '../transforms/registry';
import { generateRepository, generatorVersion } from './generate';
import { readFlags } from './flags';
import { hasGnuTime } from './measure';
import { checkTargets, renderTable, renderTargets, summariseStep, type RepoMeasurement } from './report';
import { hasCli, prepareScratch, runStep, type StepContext, type StepName, type StepRun } from './steps';
import { readGeneratedSummary, writeRepository } from './write-repository';

const defaults = {
  repo: '',
  files: '5000',
  runs: '3',
  seed: '1',
  sizes: '25,50,100',
  git: 'true',
  'full-program': 'false',
  'unfiltered-jscodeshift': 'false',
  work: path.join(os.tmpdir(), 'awaitify-bench'),
  out: '',
};
type Flags = Record<keyof typeof defaults, string>;

const distRoot = path.resolve(__dirname, '..');
const projectRoot = path.resolve(distRoot, '..');

/** Generates (or reuses, when seed, size and generator version match) the repository of `files` files. */
function ensureGenerated(flags: Flags, files: number): string {
  const dir = path.join(flags.work, `seed${flags.seed}-files${files}`);
  const summary = readGeneratedSummary(dir);
  const git = flags.git !== 'false';
  const fresh =
    summary &&
    summary.generatorVersion === generatorVersion &&
    summary.seed === Number(flags.seed) &&
    summary.files === files &&
    fs.existsSync(path.join(dir, '.git')) === git;
  if (!fresh) {
    process.stderr.write(`generating ${files} files in ${dir}\n`);
    writeRepository(dir, generateRepository({ files, seed: Number(flags.seed) }), { git });
  }
  return dir;
}

function listTargets(flags: Flags): { label: string; repo: string }[] {
  if (flags.repo) return [{ label: path.basename(path.resolve(flags.repo)), repo: path.resolve(flags.repo) }];
  const total = Number(flags.files);
  return flags.sizes
    .split(',')
    .map((pct) => ({ label: `${pct}%`, repo: ensureGenerated(flags, Math.round((total * Number(pct)) / 100)) }));
}

function chooseSteps(flags: Flags): StepName[] {
  const steps: StepName[] = ['awaitify-api', 'floor'];
  if (hasCli(distRoot)) steps.push('awaitify-cli');
  steps.push('jscodeshift');
  if (flags['unfiltered-jscodeshift'] === 'true') steps.push('jscodeshift-unfiltered');
  steps.push('program');
  if (flags['full-program'] === 'true') steps.push('full-program');
  return steps;
}

async function measureRepository(
  label: string,
  repo: string,
  flags: Flags,
  steps: StepName[],
): Promise<RepoMeasurement> {
  const discovery = await discoverFiles({ paths: [repo], cwd: repo, ignore: [], maxFileSize: 2 * 1024 * 1024 });
  const files = discovery.files.map((f) => f.absolutePath);
  const ctx: StepContext = {
    repo,
    distRoot,
    files,
    scratch: fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-bench-run-')),
    transformNames: listTransforms().map((t) => t.meta.name),
  };
  prepareScratch(ctx);
  const runs: Partial<Record<StepName, StepRun[]>> = {};
  for (let i = 0; i < Number(flags.runs); i++) {
    for (const step of steps) {
      const result = runStep(ctx, step);
      (runs[step] ??= []).push(result);
      process.stderr.write(
        `${label} run ${i + 1} ${step}: ${(result.wallMs / 1000).toFixed(2)} s, ${result.maxRssMb.toFixed(0)} MB, exit ${result.exitCode}\n`,
      );
      if (result.exitCode !== 0 && i === 0)
        process.stderr.write(`  stderr: ${result.stderrTail.trim().split('\n').slice(-6).join('\n  ')}\n`);
    }
  }
  fs.rmSync(ctx.scratch, { recursive: true, force: true });
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const generated = readGeneratedSummary(repo) ?? undefined;
  const summaries = Object.fromEntries(Object.entries(runs).map(([step, r]) => [step, summariseStep(r)]));
  return {
    label,
    repo,
    files: files.length,
    bytes,
    generated: generated as Record<string, unknown> | undefined,
    steps: summaries,
  };
}

function describeMachine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model,
    totalMemGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    gnuTime: hasGnuTime,
    loadAverage: os.loadavg(),
  };
}

/** Correctness next to speed: what the generator planted against what awaitify reported. */
function renderFindings(measurements: readonly RepoMeasurement[]): string {
  return measurements
    .map((m) => {
      const inner = m.steps['awaitify-api']?.inner ?? {};
      const expected = m.generated
        ? `, generator planted ${String(m.generated.asyncFunctions)} async functions in ${String(m.generated.patternFiles)} pattern files`
        : '';
      const phases = Object.entries(inner)
        .filter(([key]) => key.startsWith('stats.phaseMs.'))
        .map(([key, ms]) => `${key.slice('stats.phaseMs.'.length)} ${(ms / 1000).toFixed(2)} s`)
        .join(', ');
      return (
        `${m.label}: awaitify parsed ${inner['stats.parsed']} of ${inner['stats.discovered']} files, changed ${inner.changed}, failed ${inner.failed}, ` +
        `made ${inner.madeAsync} functions async (${inner.starts} starts)${expected}\n  in-process phases: ${phases}`
      );
    })
    .join('\n');
}

/** Wall times mean little when other jobs compete for the cores: say so next to the verdicts. */
function describeLoad(loadBefore: number): string {
  const cpus = os.cpus().length;
  const load = Math.max(loadBefore, os.loadavg()[0]);
  const note =
    load > cpus ? ' - busier than the machine has cores: wall times are inflated, compare the CPU ratios' : '';
  return `load average ${loadBefore.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)} on ${cpus} cores${note}`;
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), defaults) as Flags;
  const steps = chooseSteps(flags);
  const transforms = listTransforms().map((t) => t.meta.name);
  if (transforms.length === 0)
    process.stderr.write(
      'warning: no transforms are registered in transforms/registry.ts; awaitify has nothing to run\n',
    );
  if (!steps.includes('awaitify-cli'))
    process.stderr.write('note: dist/bin/awaitify.js not built; awaitify is measured through its API only\n');
  const loadBefore = os.loadavg()[0];
  const measurements: RepoMeasurement[] = [];
  for (const target of listTargets(flags))
    measurements.push(await measureRepository(target.label, target.repo, flags, steps));
  const targets = checkTargets(measurements);
  const output = [
    `awaitify benchmark, ${new Date().toISOString()}, transforms: ${transforms.join(', ') || '(none)'}, ${flags.runs} runs, medians`,
    renderTable(measurements),
    '',
    renderFindings(measurements),
    '',
    renderTargets(targets),
    describeLoad(loadBefore),
  ].join('\n');
  process.stdout.write(`${output}\n`);
  const outFile =
    flags.out ||
    path.join(projectRoot, 'bench', 'results', `${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const json = {
    date: new Date().toISOString(),
    machine: describeMachine(),
    options: flags,
    transforms,
    steps,
    measurements,
    targets,
  };
  fs.writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`results: ${path.relative(process.cwd(), outFile)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
