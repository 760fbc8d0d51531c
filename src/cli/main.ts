#!/usr/bin/env node
import { run } from './run';

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
  process.stderr.write(`cognito-client-check: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
