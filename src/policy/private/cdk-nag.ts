import * as fs from 'fs';
import * as path from 'path';
import { LibraryError } from '../../private/errors';

/**
 * The cdk-nag installed beside the library, loaded only when an `AppClientChecks` pack is made.
 * cdk-nag is an optional peer dependency: `AppClient`, `ClientRules`, `ClientPolicy` and the
 * checker never load it.
 */
export interface InstalledCdkNag {
  /** cdk-nag's exports (its public entry point). */
  readonly module: { [name: string]: any };
  /** Its version, e.g. `2.27.0` (`unknown` when its package.json cannot be read). */
  readonly version: string;
  /** 2: packs are Aspects (`Aspects.of(app).add`); 3: packs are validation plugins. */
  readonly major: 2 | 3;
}

/** What to install when cdk-nag is missing or too old. */
export const INSTALL_HINT = 'Install cdk-nag 2 (packs added with Aspects.of(app).add(...)) or cdk-nag 3 (validation plugins, aws-cdk-lib 2.257 or later): npm install --save-dev cdk-nag@^2.27.0, or npm install --save-dev cdk-nag@^3.';

let cached: InstalledCdkNag | undefined;

/**
 * Loads cdk-nag, or throws one clear error saying what to install. Its major version decides how
 * the pack is registered; when package.json cannot be read, cdk-nag 2 is recognised by
 * `NagSuppressions`, which cdk-nag 3 no longer has.
 */
export function loadCdkNag(): InstalledCdkNag {
  if (cached) return cached;
  let mod: { [name: string]: any };
  try {
    // cdk-nag is the app's: no dependency of the package (a devDependency for the tests)
    // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies
    mod = require('cdk-nag');
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'MODULE_NOT_FOUND' && /'cdk-nag'/.test(err.message ?? '')) {
      throw new CdkNagMissingError(`AppClientChecks needs cdk-nag, which is not installed${loadHint(process.env.JSII_AGENT)}. ${INSTALL_HINT} (AppClient, ClientRules and cognito-client-check work without it.)`);
    }
    throw e;
  }
  const version = versionOf() ?? 'unknown';
  if (!supportedCdkNag(version)) {
    throw new CdkNagMissingError(`AppClientChecks supports cdk-nag 2.27 and later 2.x, and 3.x; cdk-nag ${version} is installed. ${INSTALL_HINT}`);
  }
  const declared = Number.parseInt(version, 10);
  const major: 2 | 3 = declared === 2 || declared === 3 ? declared : (typeof mod.NagSuppressions === 'function' ? 2 : 3);
  if (major === 2 && typeof mod.NagPack !== 'function') {
    throw new CdkNagMissingError(`AppClientChecks cannot use cdk-nag ${version}: it has no NagPack. ${INSTALL_HINT}`);
  }
  cached = { module: mod, version, major };
  return cached;
}

/** How an app of each jsii language brings cdk-nag's JavaScript into the jsii runtime. */
const LOAD_CDK_NAG: { [language: string]: string } = {
  python: 'import cdk_nag',
  java: 'software.amazon.jsii.JsiiEngine.getInstance().loadModule(io.github.cdklabs.cdknag.$Module.class);',
  go: 'cdknagjsii.Initialize() (import cdknagjsii "github.com/cdklabs/cdk-nag-go/cdknag/v2/jsii", or /v3/jsii)',
  dotnet: 'use any cdk-nag type (package Cdklabs.CdkNag) before creating the pack',
};

/**
 * In an app of another jsii language (the jsii runtime sets JSII_AGENT, e.g. `Java/17.0.15`), cdk-nag's
 * JavaScript is in the jsii runtime only once the app has used its module: what to write first.
 * (Go's runtime sets JSII_AGENT to the Go version, e.g. `go1.26.8/linux/amd64`.)
 */
export function loadHint(agent: string | undefined): string {
  if (!agent) return '';
  // Python/3.11.7, Java/17.0.15, DotNet/8.0.0/..., and Go's go1.26.8/linux/amd64
  const language = /^go\d/.test(agent) ? 'Go' : agent.split('/')[0];
  return ` or not loaded into the jsii runtime (in a ${language} app, load its module before creating the pack: ${LOAD_CDK_NAG[language.toLowerCase()] ?? 'use any cdk-nag type first'})`;
}


/**
 * Whether AppClientChecks supports a cdk-nag version: 2.27 and later 2.x, or 3.x (an unknown
 * version is let through, and recognised by its exports). The range is checked here, when the pack
 * is made: cdk-nag is no dependency of the package (so that no jsii language pins a major), so no
 * installer checks it.
 */
export function supportedCdkNag(version: string): boolean {
  const m = /^(\d+)\.(\d+)\./.exec(version);
  if (!m) return version === 'unknown';
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major === 3 || (major === 2 && minor >= 27);
}

/** The `version` of the installed cdk-nag's package.json, found from its entry point. */
function versionOf(): string | undefined {
  try {
    let dir = path.dirname(require.resolve('cdk-nag'));
    for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg.name === 'cdk-nag') return typeof pkg.version === 'string' ? pkg.version : undefined;
    }
  } catch {
    // fall through: the version is only used in messages and to choose the registration
  }
  return undefined;
}

/** cdk-nag is missing or unusable; the message says what to install. No library stack trace. */
export class CdkNagMissingError extends LibraryError {
  constructor(message: string) {
    super('cdk-nag-missing', message, 'CdkNagMissingError');
  }
}
