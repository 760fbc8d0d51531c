import type * as TS from 'typescript';

/** The TypeScript compiler API, as the user's project installed it. */
export type TypeScript = typeof TS;

/** Thrown when the user's project has no `typescript` package. */
export class NoTypeScriptError extends Error {}

/**
 * Loads the `typescript` package of the user's project: resolved from `dir` (the working directory),
 * never the one this package was built with, so the codemod parses with the user's own version.
 */
export function loadTypeScript(dir: string): TypeScript {
  let file: string;
  try {
    file = require.resolve('typescript', { paths: [dir] });
  } catch {
    throw new NoTypeScriptError(`cannot find the package typescript from ${dir}: the codemod uses your project's own TypeScript compiler. Fix: install it (npm install --save-dev typescript) and run the command from your project's directory.`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as TypeScript;
}
