/**
 * Runs git without a shell. Shared by discovery (`git ls-files`) and the write guard (`git status`):
 * both ask the repository that contains the target, never the cwd's (strapi/codemods#20).
 */
import { execFile } from 'child_process';

export type GitAnswer =
  | { kind: 'ok'; stdout: string }
  | { kind: 'failed'; stderr: string }
  /** The git executable could not be started (not installed, not on PATH). */
  | { kind: 'missing' };

const MAX_OUTPUT = 512 * 1024 * 1024;

export function runGit(dir: string, args: string[]): Promise<GitAnswer> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', dir, ...args],
      { maxBuffer: MAX_OUTPUT, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve({ kind: 'missing' });
        else if (error) resolve({ kind: 'failed', stderr: String(stderr) });
        else resolve({ kind: 'ok', stdout: String(stdout) });
      },
    );
  });
}

/**
 * The work tree's top-level folder that contains `dir`, or why there is none.
 * `dir` inside `.git/` or a bare repository answers 'none'.
 */
export async function getGitTopLevel(
  dir: string,
): Promise<{ kind: 'top'; top: string } | { kind: 'none'; problem: string | null } | { kind: 'missing' }> {
  const answer = await runGit(dir, ['rev-parse', '--show-toplevel']);
  if (answer.kind === 'missing') return { kind: 'missing' };
  if (answer.kind === 'failed') return { kind: 'none', problem: findUnusualProblem(answer.stderr) };
  const top = answer.stdout.replace(/\r?\n$/, '');
  return top === '' ? { kind: 'none', problem: null } : { kind: 'top', top };
}

/** git's complaint when it is not the plain "not a git repository" (e.g. "detected dubious ownership"). */
function findUnusualProblem(stderr: string): string | null {
  const first = stderr.split('\n').find((line) => line.trim() !== '') ?? '';
  return first === '' || /not a git repository/i.test(first) ? null : first.replace(/^fatal:\s*/, '');
}
