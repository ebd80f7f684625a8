/**
 * co resolved each value a generator yielded by what it was at run time: a promise, an array or a plain
 * object of yieldables (all at once), a generator or generator function (run as a coroutine), a thunk
 * (called with a callback); anything else was a TypeError. `await` only waits for promises, so a yield
 * whose value awaitify cannot prove to be a promise becomes `await coYield(value)`, a helper written once
 * at the end of the file that resolves the value as co did. propagate-async's analysis then turns the
 * calls whose argument the type checker knows to be a promise (or an array of promises) back into a plain
 * `await value` (or `await Promise.all(value)`), and the helper goes away when no call is left.
 */
import type { StatementKind } from 'ast-types/lib/gen/kinds';
import type { Collection, JSCodeshift } from 'jscodeshift';

import { coYieldMarker } from '../../core/markers';
import { detectCodeStyle, matchCodeStyle, type CodeStyle } from '../../source/code-style';
import { getParsedSource } from '../../source/parsed-source';

const comment = [
  `// ${coYieldMarker} by its shape (promise, array or object of them, generator, thunk).`,
  '// This does the same where the shape is not known. Where the value is a promise, `await value` is enough.',
];

/** The helper's source text, `name` standing for the function (TypeScript gets the types it needs). */
function buildHelperText(name: string, isTypeScript: boolean): string {
  const t = (annotation: string) => (isTypeScript ? annotation : '');
  // a promise's type flows through (`const x = await coYield(p)` types x), so the analysis can tell
  // which later yields are promises in the same run; the rest is `any`
  const resolved = 'Promise<T extends PromiseLike<infer U> ? U : any>';
  const jsDoc = ['/**', ' * @template T', ' * @param {T} value', ` * @returns {${resolved}}`, ' */'];
  return [
    ...comment,
    ...(isTypeScript ? [] : jsDoc),
    `function ${name}${t('<T>')}(value${t(': T')})${t(`: ${resolved}`)} {`,
    `  const run = (generator${t(': Generator<any, any, any>')}) =>`,
    `    new Promise${t('<any>')}((resolve, reject) => {`,
    `      const step = (method${t(": 'next' | 'throw'")}, input${t(': any')}) => {`,
    '        let result;',
    '        try {',
    '          result = generator[method](input);',
    '        } catch (error) {',
    '          return reject(error);',
    '        }',
    '        if (result.done) return resolve(result.value);',
    `        ${name}(result.value).then(`,
    "          (output) => step('next', output),",
    "          (error) => step('throw', error),",
    '        );',
    '      };',
    "      step('next', undefined);",
    '    });',
    `  const settle = (item${t(': any')})${t(': any')} => {`,
    '    if (!item) return item;',
    "    if (typeof item.then === 'function') return item;",
    "    if (typeof item.next === 'function' && typeof item.throw === 'function') return run(item);",
    "    if (typeof item === 'function') {",
    "      if (item.constructor && item.constructor.name === 'GeneratorFunction') return run(item());",
    '      return new Promise((resolve, reject) =>',
    `        item((error${t(': unknown')}, ...results${t(': unknown[]')}) =>`,
    '          error ? reject(error) : resolve(results.length > 1 ? results : results[0]),',
    '        ),',
    '      );',
    '    }',
    '    if (Array.isArray(item)) return Promise.all(item.map(settle));',
    '    if (item.constructor !== Object) return item;',
    '    const keys = Object.keys(item);',
    '    return Promise.all(keys.map((key) => settle(item[key]))).then((values) => {',
    `      const resolved${t(': any')} = {};`,
    '      keys.forEach((key, index) => {',
    '        resolved[key] = values[index];',
    '      });',
    '      return resolved;',
    '    });',
    '  };',
    '  const settled = settle(value);',
    "  if (settled && typeof settled.then === 'function') return settled;",
    '  return Promise.reject(',
    '    new TypeError(',
    "      'You may only yield a function, promise, generator, array, or object, ' +",
    '        `but the following object was passed: "${String(value)}"`,',
    '    ),',
    '  );',
    '}',
    '',
  ].join('\n');
}

/** The helper as statements parsed with the file's own parser (one function declaration), in `style`. */
export function buildCoYieldHelper(
  j: JSCodeshift,
  name: string,
  isTypeScript: boolean,
  style: CodeStyle,
): StatementKind[] {
  const text = matchCodeStyle(buildHelperText(name, isTypeScript), style);
  const program = j(text).get().node.program as { body: StatementKind[] };
  return program.body;
}

/** Appends the helper at the end of the program (a function declaration: callable from anywhere). */
export function appendCoYieldHelper(j: JSCodeshift, root: Collection, name: string, isTypeScript: boolean): void {
  const body = (root.get().node as { program: { body: StatementKind[] } }).program.body;
  body.push(...buildCoYieldHelper(j, name, isTypeScript, detectCodeStyle(getParsedSource(root).text)));
}

export { buildHelperText as buildCoYieldHelperText };
