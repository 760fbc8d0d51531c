#!/usr/bin/env node
import { clean } from './report';
import { run } from './run';

/** The last guard: whatever escapes is one line on stderr and exit status 2, never a stack trace. */
function fail(e: unknown): never {
  let text: string;
  try {
    text = e instanceof Error ? e.message : String(e);
  } catch {
    text = 'an exception';
  }
  process.stderr.write(`cognito-client-check: internal error: ${clean(text.replace(/\s*\n\s*/g, ' ').slice(0, 500))}\n`);
  process.exit(2);
}

process.on('uncaughtException', fail);

// A closed pipe (`cognito-client-check ... | head`) ends the output quietly, never with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    process.exit(e.code === 'EPIPE' ? (process.exitCode as number | undefined) ?? 0 : 2);
  });
}

try {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
  });
} catch (e) {
  // run() never throws; this is the last guard against a stack trace.
  fail(e);
}
