/**
 * Byte fidelity: decode a file strictly, hand transforms LF-only text without a BOM, and turn their
 * output back into bytes with the file's own BOM and line endings. Lines that did not change keep
 * their exact terminators even in a file that mixes CRLF and LF; new lines take the dominant one.
 */
import { diffLines } from 'diff';
import { findNestingReason } from './nesting';

export interface SourceText {
  /** Text handed to parsers: BOM removed, CRLF turned into LF. */
  text: string;
  /** The decoded text without BOM, line endings as on disk. */
  raw: string;
  bom: boolean;
  /** The file's dominant line ending, used for lines a transform adds. */
  eol: '\n' | '\r\n';
}

export type DecodeResult = { ok: true; source: SourceText } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Buffer): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'UTF-16 encoded (only UTF-8 is supported)' };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary content (contains a NUL byte)' };
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
  const bom = decoded.charCodeAt(0) === 0xfeff;
  const raw = bom ? decoded.slice(1) : decoded;
  const crlf = raw.split('\r\n').length - 1;
  const lf = raw.split('\n').length - 1 - crlf;
  return {
    ok: true,
    source: { text: raw.replace(/\r\n/g, '\n'), raw, bom, eol: crlf > lf ? '\r\n' : '\n' },
  };
}

/** Lines of `s`, each with its own terminator (the last may have none). */
function splitLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The new text with the original's line endings restored where lines are unchanged. */
export function restoreLineEndings(source: SourceText, newText: string): string {
  if (source.raw === source.text) {
    return source.eol === '\n' ? newText : newText.replace(/\n/g, source.eol);
  }
  if (source.raw === source.text.replace(/\n/g, '\r\n')) return newText.replace(/\n/g, '\r\n');
  const rawLines = splitLines(source.raw);
  let index = 0;
  let out = '';
  // Terminators of the lines just removed: a replaced line keeps the ending of the line it replaces.
  let replaced: string[] = [];
  for (const part of diffLines(source.text, newText)) {
    const count = part.count ?? splitLines(part.value).length;
    if (part.added) {
      out += splitLines(part.value)
        .map((line, i) => (line.endsWith('\n') ? line.slice(0, -1) + (replaced[i] ?? source.eol) : line))
        .join('');
      replaced = [];
    } else if (part.removed) {
      replaced = rawLines.slice(index, index + count).map((line) => (line.endsWith('\r\n') ? '\r\n' : '\n'));
      index += count;
    } else {
      out += rawLines.slice(index, index + count).join('');
      index += count;
      replaced = [];
    }
  }
  return out;
}

export function encodeSource(source: SourceText, newText: string): Buffer {
  const body = restoreLineEndings(source, newText);
  return Buffer.from(source.bom ? `\ufeff${body}` : body, 'utf8');
}

/** Quoted strings on one line (their contents replaced by nothing), so a long literal is not taken for code. */
const stringLiteral = /(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g;

/**
 * Minified code is not worth migrating and costs a lot to parse: long lines of code with little
 * whitespace, across the file. A hand-written file with a long string or a long data line is not
 * (instagram-private-api's constants.ts, a script with one long URL list): strings are left out first,
 * and minifiers leave almost no whitespace (a few percent), where people write 15% or more.
 */
export function isMinified(text: string): boolean {
  if (text.length < 2000) return false;
  const code = text.replace(stringLiteral, '""');
  const lines = code.split('\n').length;
  if (code.length / lines <= 300) return false;
  const whitespace = code.length - code.replace(/\s/g, '').length;
  return whitespace / code.length < 0.08;
}

/**
 * Why a decoded text is left alone before parsing, or null: nested deeper than the parsers recurse
 * (asked first, so a deep one-line file is not called minified), or minified.
 */
export function findUnreadableReason(text: string): string | null {
  return findNestingReason(text) ?? (isMinified(text) ? 'minified code' : null);
}
