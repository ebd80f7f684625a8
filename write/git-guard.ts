/**
 * Refuses `--write` when git could not undo it (the `cargo fix` model: fail closed).
 *
 * Each file is checked in the repository that contains it (`git -C <its folder>`), not the cwd's
 * (strapi/codemods#20); files of several repositories and submodules are each asked their own.
 * - Not in a git work tree, or git not installed: refused unless `allowNoGit`.
 * - In a work tree: refused unless `allowDirty` when a file to be written is modified, staged,
 *   untracked or ignored by git (its current content is not committed, so the change could not be undone).
 * Only the files that would be written count: a dirty package.json elsewhere does not block (ava-codemods#14).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { RefusedWriteError } from '../core/errors';
import { getGitTopLevel, runGit } from '../engine/git';

export interface GitGuardOptions {
  allowDirty: boolean;
  allowNoGit: boolean;
  /** Files in the refusal message are shown relative to this folder (default: absolute paths). */
  cwd?: string;
}

const LISTED_AT_MOST = 10;

export async function checkGitGuard(files: string[], o: GitGuardOptions): Promise<void> {
  if (files.length === 0 || (o.allowDirty && o.allowNoGit)) return;
  const { repos, outside, gitMissing, problems } = await groupFilesByRepo(files);
  const show = (file: string): string => (o.cwd ? path.relative(o.cwd, file).split(path.sep).join('/') : file);
  if (outside.length > 0 && !o.allowNoGit)
    throw new RefusedWriteError(buildNoGitMessage(outside.map(show), gitMissing, problems));
  if (o.allowDirty) return;
  const dirty: string[] = [];
  for (const [top, repoFiles] of [...repos].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const found = await findDirtyFiles(top, repoFiles);
    dirty.push(...found.map(({ file, state }) => `${show(file)} (${state})`));
  }
  if (dirty.length > 0) throw new RefusedWriteError(buildDirtyMessage(dirty));
}

interface RepoGroups {
  repos: Map<string, string[]>;
  outside: string[];
  gitMissing: boolean;
  /** What git said when it refused a folder for another reason than "not a repository". */
  problems: string[];
}

async function groupFilesByRepo(files: string[]): Promise<RepoGroups> {
  const topByFolder = new Map<string, string | null>();
  const repos = new Map<string, string[]>();
  const outside: string[] = [];
  let gitMissing = false;
  const problems = new Set<string>();
  for (const file of [...files].sort()) {
    const folder = await fs.realpath(path.dirname(file));
    if (!topByFolder.has(folder)) {
      const answer = await getGitTopLevel(folder);
      if (answer.kind === 'missing') gitMissing = true;
      if (answer.kind === 'none' && answer.problem) problems.add(answer.problem);
      topByFolder.set(folder, answer.kind === 'top' ? await fs.realpath(answer.top) : null);
    }
    const top = topByFolder.get(folder);
    const realFile = path.join(folder, path.basename(file));
    if (!top) outside.push(realFile);
    else repos.set(top, [...(repos.get(top) ?? []), realFile]);
  }
  return { repos, outside, gitMissing, problems: [...problems] };
}

/** Files of one repository whose content is not committed, with what is uncommitted about each. */
async function findDirtyFiles(top: string, files: string[]): Promise<{ file: string; state: string }[]> {
  const answer = await runGit(top, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=matching']);
  if (answer.kind !== 'ok') {
    throw new RefusedWriteError(
      `Refusing to write: \`git status\` failed in ${top}: ` +
        `${answer.kind === 'failed' ? answer.stderr.trim() : 'git not found'}`,
    );
  }
  const states = readStatusStates(answer.stdout);
  const dirty: { file: string; state: string }[] = [];
  for (const file of files) {
    const relative = path.relative(top, file).split(path.sep).join('/');
    const state = states.get(relative) ?? findIgnoredFolderState(states, relative);
    if (state) dirty.push({ file, state });
  }
  return dirty;
}

/** `git status --porcelain -z` → path (relative to the top level) → what is uncommitted about it. */
function readStatusStates(output: string): Map<string, string> {
  const states = new Map<string, string>();
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field.length < 4) continue;
    const code = field.slice(0, 2);
    states.set(field.slice(3), describeStatusCode(code));
    // A rename or copy names its source in the next field.
    if (code.includes('R') || code.includes('C')) states.set(fields[++i], describeStatusCode(code));
  }
  return states;
}

function describeStatusCode(code: string): string {
  if (code === '??') return 'untracked';
  if (code === '!!') return 'ignored by git';
  const staged = code[0] !== ' ';
  const modified = code[1] !== ' ';
  return staged && modified ? 'staged and modified' : staged ? 'staged' : 'modified';
}

/** `--ignored=matching` names an ignored folder once (`vendor/`), not each file in it. */
function findIgnoredFolderState(states: Map<string, string>, relative: string): string | undefined {
  for (const [entry, state] of states) {
    if (entry.endsWith('/') && relative.startsWith(entry)) return state;
  }
  return undefined;
}

function buildNoGitMessage(outside: string[], gitMissing: boolean, problems: string[]): string {
  const why = gitMissing
    ? 'git is not installed (or not on PATH), so awaitify cannot check that the changes can be undone'
    : 'these files are not inside a git work tree, so the changes could not be reviewed or undone with git';
  return [
    `Refusing to write: ${why}:`,
    ...listSome(outside),
    ...problems.map((problem) => `git said: ${problem}`),
    'Put the code under git first (git init && git add -A && git commit -m "before awaitify"),',
    'or pass --allow-no-git to write anyway.',
  ].join('\n');
}

function buildDirtyMessage(dirty: string[]): string {
  return [
    "Refusing to write: these files have changes that are not committed, so awaitify's changes could not be told " +
      'apart or undone:',
    ...listSome(dirty),
    'Commit or stash them first (git add <files> && git commit, or git stash -u), or pass --allow-dirty to write ' +
      'anyway.',
  ].join('\n');
}

function listSome(items: string[]): string[] {
  const shown = items.slice(0, LISTED_AT_MOST).map((item) => `  ${item}`);
  if (items.length > LISTED_AT_MOST) shown.push(`  … and ${items.length - LISTED_AT_MOST} more`);
  return shown;
}
