/**
 * Turns an awaitify Transform into a standard jscodeshift module, so each transform also runs alone:
 * `npx jscodeshift --no-babel -t dist/transforms/unwrap-runners/index.js src/`. The file goes through the
 * engine's own byte handling and parse → edit → print → verify step (the parser its extension calls for,
 * whatever `--parser` says); the transform's options come from jscodeshift's command line by their key
 * or flag name (`--runner=a,b`, `--mark-boundaries`), checked against its meta; diagnostics go to
 * jscodeshift's `api.report`.
 */
import { resolve } from 'node:path';
import type { API, FileInfo, Options } from 'jscodeshift';
import { normaliseOptions, toFlagName } from '../../core/options';
import { editSource } from '../../source/edit-source';
import { isTypeScriptFile } from '../../source/parsers';
import { decodeSource, encodeSource } from '../../source/source-text';
import { createTransformContext, isModuleSource } from './context';
import type { Transform } from './types';

export function toJscodeshift(transform: Transform) {
  return function jscodeshiftTransform(file: FileInfo, api: API, given: Options): string | null {
    const keys = Object.keys(transform.meta.options);
    const options = normaliseOptions(
      transform.meta.options,
      Object.fromEntries(keys.map((key) => [key, given[key] ?? given[toFlagName(key)]])),
    );
    const decoded = decodeSource(Buffer.from(file.source, 'utf8'));
    if (!decoded.ok || !transform.prefilter(decoded.source.text, options)) return null;
    const edited = editSource(
      file.path,
      decoded.source.text,
      ({ j, root }) => {
        const { context, collected } = createTransformContext({
          j,
          root,
          file: file.path,
          absolutePath: resolve(file.path),
          transform,
          isModule: isModuleSource(j, root, file.path),
          isTypeScript: isTypeScriptFile(file.path),
          nodeEngines: null,
          options,
        });
        const changed = transform.apply(root, context);
        for (const d of collected.diagnostics)
          api.report(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
        return changed;
      },
      () => `transform produced invalid code (${transform.meta.name})`,
    );
    return edited.changed ? encodeSource(decoded.source, edited.text).toString('utf8') : null;
  };
}
