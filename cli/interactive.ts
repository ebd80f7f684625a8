/**
 * `--interactive`: shows each changed file's diff and asks what to do with it.
 *   y  apply this file      n  skip it
 *   a  apply this file and all the rest      q  stop here, writing only what was accepted so far
 * Answers are read line by line from stdin; end of input counts as q.
 */
import * as readline from 'node:readline';
import type { OutputStream } from './io';

export type ReviewAnswer = 'yes' | 'no' | 'all' | 'quit';

const answers: Readonly<Record<string, ReviewAnswer>> = {
  y: 'yes',
  yes: 'yes',
  n: 'no',
  no: 'no',
  a: 'all',
  all: 'all',
  q: 'quit',
  quit: 'quit',
};

const helpText =
  'y - apply this file\nn - skip this file\na - apply this file and all the rest\nq - quit; write only the files ' +
  'accepted so far\n';

export function parseAnswer(line: string): ReviewAnswer | null {
  return answers[line.trim().toLowerCase()] ?? null;
}

export interface ReviewItem<T> {
  item: T;
  /** The file's diff as the user should see it. */
  diff: string;
  path: string;
}

/** Asks about each item in turn; returns the accepted ones, in order. */
export async function reviewChanges<T>(
  items: readonly ReviewItem<T>[],
  input: NodeJS.ReadableStream,
  output: OutputStream,
): Promise<T[]> {
  const lines = readline.createInterface({ input, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  const accepted: T[] = [];
  try {
    for (let index = 0; index < items.length; index++) {
      const { item, diff, path } = items[index];
      output.write(diff);
      const answer = await askAnswer(
        `(${index + 1}/${items.length}) Apply the change to ${path} [y,n,a,q,?]? `,
        iterator,
        output,
      );
      if (answer === 'quit') break;
      if (answer === 'yes') accepted.push(item);
      if (answer === 'all') {
        accepted.push(...items.slice(index).map((rest) => rest.item));
        break;
      }
    }
  } finally {
    lines.close();
  }
  return accepted;
}

async function askAnswer(question: string, lines: AsyncIterator<string>, output: OutputStream): Promise<ReviewAnswer> {
  for (;;) {
    output.write(question);
    const next = await lines.next();
    if (next.done) {
      output.write('\n');
      return 'quit';
    }
    const answer = parseAnswer(next.value);
    if (answer) return answer;
    output.write(helpText);
  }
}
