/** Conversion ids in tests, written as people read them: `transform:line:column` of the input text. */
import { resolve } from 'node:path';
import { getConversionKey, type ConversionId } from '../../core/async-function';
import { LineIndex } from '../../core/positions';

/** `unwrap-runners:4:3` for each id (offsets located in `text`). */
export function describeConversions(text: string, ids: readonly ConversionId[]): string[] {
  const lines = new LineIndex(text);
  return ids.map((id) => {
    const { line, column } = lines.locate(id.start);
    return `${id.transform}:${line}:${column}`;
  });
}

/** The key (getConversionKey) of the conversion `transform` makes at `line:column` of `file`'s `text`. */
export function conversionKeyAt(file: string, text: string, place: string): string {
  const [transform, line, column] = place.split(':');
  const lineStart = text
    .split('\n')
    .slice(0, Number(line) - 1)
    .reduce((sum, l) => sum + l.length + 1, 0);
  return getConversionKey({ file: resolve(file), transform, start: lineStart + Number(column) - 1 });
}
