/**
 * ANSI styles for terminal output. Reporters take a Palette so they stay pure: the CLI decides whether
 * colour is wanted (see shouldUseColor) and passes the matching one.
 */

export interface Palette {
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

function buildStyle(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity = (text: string): string => text;

export const plainPalette: Palette = {
  bold: identity,
  red: identity,
  green: identity,
  cyan: identity,
  yellow: identity,
  dim: identity,
};

export const ansiPalette: Palette = {
  bold: buildStyle(1, 22),
  red: buildStyle(31, 39),
  green: buildStyle(32, 39),
  cyan: buildStyle(36, 39),
  yellow: buildStyle(33, 39),
  dim: buildStyle(2, 22),
};

export function getPalette(color: boolean): Palette {
  return color ? ansiPalette : plainPalette;
}

/**
 * Whether to colour: an explicit --color/--no-color wins; then FORCE_COLOR as Node and supports-color
 * read it (`0` or `false` turns colour off, any other value, even empty, on — for CI logs that are not
 * a terminal); then https://no-color.org (a non-empty NO_COLOR turns it off); else only on a terminal.
 */
export function shouldUseColor(options: {
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  flag?: boolean;
}): boolean {
  // An explicit flag wins over NO_COLOR and FORCE_COLOR, as no-color.org asks.
  if (options.flag !== undefined) return options.flag;
  const force = options.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') return false;
  return options.isTTY;
}
