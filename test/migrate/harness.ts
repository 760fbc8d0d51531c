import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/migrate/run';

export const ROOT = path.join(__dirname, '..', '..');

/** What one in-process run printed and returned. */
export interface MigrateResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A project in a temporary directory: the files given, and this repository's node_modules (so
 * aws-cdk-lib and typescript resolve as in a user's project). Removed by `dispose()`.
 */
export class Project {
  readonly dir: string;

  constructor(files: { [name: string]: string }, options: { nodeModules?: boolean } = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'));
    if (options.nodeModules ?? true) fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(this.dir, 'node_modules'), 'dir');
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  write(name: string, text: string) {
    const full = path.join(this.dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }

  read(name: string): string {
    return fs.readFileSync(path.join(this.dir, name), 'utf8');
  }

  /** Runs the codemod in-process, in the project's directory. */
  migrate(args: string[]): MigrateResult {
    let stdout = '';
    let stderr = '';
    const status = run(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: this.dir });
    return { status, stdout, stderr };
  }

  dispose() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
