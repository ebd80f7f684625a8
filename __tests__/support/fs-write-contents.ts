/** Old and new contents of the files the kill and signal tests write (shared with the child process). */
import { existsSync, readdirSync } from 'fs';

export function buildOldContent(index: number): string {
  return `// file ${index}, old\n`.repeat(20);
}

export function buildNewContent(index: number): string {
  return `// file ${index}, new content that is longer than the old one\n`.repeat(40);
}

export function getFileName(index: number): string {
  return `f${String(index).padStart(4, '0')}.js`;
}

/** The writer's temp files in `dir` (today's names and earlier versions'). */
export function findTempFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => /\.awaitify-tmp-\d+-[0-9a-f]+$|\.awaitify-\d+-[0-9a-f]+\.tmp$/.test(name));
}
