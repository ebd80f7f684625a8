/** Errors the CLI turns into exit code 2 with a one-line message (no stack trace). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A write that was refused before any file was touched (dirty git tree, no git, …). */
export class RefusedWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedWriteError';
  }
}

/** An error about a place in a file (1-based line and column, a tab counting as one column). */
export class LocatedError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'LocatedError';
  }
}
