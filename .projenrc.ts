import { readFileSync } from 'fs';
import { JsonPatch, awscdk, javascript } from 'projen';

/** The newest aws-cdk-lib 2.x when this was written (compat/versions.json, which the installs read too). */
const NEWEST_CDK: string = JSON.parse(readFileSync('compat/versions.json', 'utf8')).newestAwsCdkLib;

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-cognito-app-client',
  description:
    'An AWS CDK construct for Amazon Cognito user pool app clients with secure defaults, exact token units and synth-time validation of every documented service rule.',
  author: 'cdk-cognito-app-client maintainers',
  authorAddress: 'maintainers@example.org',
  repositoryUrl: 'https://github.com/cdk-cognito-app-client/cdk-cognito-app-client.git',
  license: 'Apache-2.0',
  stability: 'experimental',
  keywords: ['cdk', 'awscdk', 'aws-cdk', 'cognito', 'user-pool', 'app-client', 'oauth', 'validation'],

  // The current line: the first aws-cdk-lib where IUserPoolClient has `userPoolClientRef`
  // (UserPoolClientReference, from 2.235.0) and Validations.addPlugins takes IPolicyValidationPlugin
  // (from 2.251.0). projen pins the dev dependencies at exactly these versions, so the library
  // compiles against the minimum, as jsii's other languages need. The classic line (aws-cdk-lib
  // 2.100.0 to 2.234.x) is the same source compiled against 2.100.0 (lines/classic, `npx projen classic`).
  cdkVersion: '2.251.0',
  constructsVersion: '10.5.0',
  minNodeVersion: '20.0.0',
  jsiiVersion: '~6.0.0',
  projenVersion: '0.103.25',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  // jsii targets for the Construct Hub. Only the JS package is built locally
  // (see the `package` task below); a release builds the others in their own jobs.
  publishToPypi: {
    distName: 'cdk-cognito-app-client',
    module: 'cdk_cognito_app_client',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkcognitoappclient',
    mavenGroupId: 'io.github.cdk-cognito-app-client',
    mavenArtifactId: 'cdk-cognito-app-client',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkCognitoAppClient',
    packageId: 'CdkCognitoAppClient',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-cognito-app-client/cdk-cognito-app-client-go',
  },

  // cdk-nag is not a dependency in any language: only AppClientChecks needs it, and loads the
  // cdk-nag the app installed (2 or 3) when the pack is created, checking its version then. A peer
  // dependency would put cdk-nag into the jsii assembly, so that Go's module would pin one major.
  // aws-cdk: the cdk CLI, for the example app's `cdk synth` tests.
  // ajv and @microsoft/jest-sarif (for the SARIF 2.1.0 JSON schema it ships): the checker's SARIF output is validated in tests.
  devDeps: ['cdk-nag@2.27.0', 'fast-check@^4', 'aws-cdk@2.1148.1', 'ajv@6.15.0', '@microsoft/jest-sarif@1.0.0-beta.0'],
  // Bundled, as jsii requires. yaml: the checker reads YAML templates (with the short intrinsic
  // tags). re2js: linear-time matching of the policy's patterns and globs (RE2, pure JavaScript).
  bundledDeps: ['yaml@^2', 're2js@2.10.0'],
  bin: { 'cognito-client-check': 'lib/cli/main.js', 'cognito-client-migrate': 'lib/migrate/main.js' },

  jestOptions: {
    // A changed snapshot must fail the tests; update with `npx projen test:update`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: { setupFiles: ['<rootDir>/test/setup.ts'] },
  },
  gitignore: ['/build/', '/cdk.out/', '/examples/**/cdk.out/', '.jsii.tabl.json'],
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'projenrc', '.projenrc.ts'] },
});

// Trap 1: the registry serves unrs-resolver@1.13.0 bindings for Linux only, so `npm ci`
// rejects a lockfile written here. 1.12.2 resolves on every platform.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// For pnpm and Yarn, whose strict layouts let a package require only what it declares: cdk-nag as
// an optional peer of any version (npm and jsii read only peerDependencies, so nothing else sees it).
project.package.addField('peerDependenciesMeta', { 'cdk-nag': { optional: true } });

// Trap 3: only the JavaScript package can be built on this machine.
const pkg = project.tasks.tryFind('package')!;
pkg.reset();
pkg.spawn(project.tasks.tryFind('package:js')!);

project.addPackageIgnore('/.ci/');
project.addPackageIgnore('/examples/');
project.addPackageIgnore('/bench/');
project.addPackageIgnore('/rosetta/');
project.addPackageIgnore('/scripts/');
project.addPackageIgnore('/compat/');
project.addPackageIgnore('/lines/');
project.addPackageIgnore('/polyglot/');
project.addPackageIgnore('/build/');
// docs/rules (the rule pages that every finding links to) ships in the package, beside the README that links it.

// The classic line (cdk-cognito-app-client-classic, aws-cdk-lib 2.100.0 to 2.234.x): the same source
// compiled against aws-cdk-lib 2.100.0 with lines/classic/line.ts (lines/build-classic.js), packed
// into dist/classic/js, so the install check covers both lines.
const classic = project.addTask('classic', {
  description: 'Build the classic line (cdk-cognito-app-client-classic) against aws-cdk-lib 2.100.0 into build/classic and dist/classic/js',
  exec: 'node lines/build-classic.js',
});
pkg.spawn(classic);

// The release publishes both lines: each publish job makes the current line's package for its
// registry (projen's package:<target>), then the classic line's beside it, so publib publishes both.
const release = project.github!.tryFindWorkflow('release')!;
for (const [job, target, collectStep] of [['release_npm', 'js', 8], ['release_maven', 'java', 9], ['release_pypi', 'python', 9], ['release_nuget', 'dotnet', 9], ['release_golang', 'go', 9]] as const) {
  release.file!.patch(JsonPatch.add(`/jobs/${job}/steps/${collectStep}`, {
    name: `Create the classic line's ${target} artifact`,
    run: `cd .repo && node lines/build-classic.js --target ${target} --outdir dist`,
  }));
}

// What Java, C# and Go bind to, checked from the assemblies (compat/assemblies.js): every aws-cdk-lib
// interface a class implements, with aws-cdk-lib's own types, as each line's oldest and newest
// aws-cdk-lib declare it; the current line's pack is what Validations.addPlugins takes; no cdk-nag.
const assemblies = project.addTask('assemblies', {
  description: "Check each line's jsii assembly against the aws-cdk-lib releases at both ends of its range (what Java, C# and Go bind to)",
});
for (const cdk of ['2.251.0', NEWEST_CDK]) assemblies.exec(`node compat/assemblies.js --lib . --cdk ${cdk} --expect-plugin`);
for (const cdk of ['2.100.0', '2.234.0']) assemblies.exec(`node compat/assemblies.js --lib build/classic --cdk ${cdk}`);
pkg.spawn(assemblies);

// The install check, the way users install: the packed library (dist/js, from the package step)
// goes with plain `npm install` into fresh projects pinned exactly to old and new aws-cdk-lib
// releases, with cdk-nag 2, cdk-nag 3 and no cdk-nag (compat/run.js). It follows the packing in
// the package task (projen locks the build task), so the README's test command and CI run it.
const installs = project.addTask('installs', {
  description: 'Install each packed line into fresh projects pinned to the aws-cdk-lib releases of its range, with cdk-nag 2, 3 and none, and run an app in each',
  exec: 'node compat/run.js',
});
pkg.spawn(installs);

// The other jsii languages, the way their users install (polyglot/run.js): jsii-pacmak's Python,
// Java and Go bindings of each line beside the published aws-cdk-lib of that language (PyPI, Maven
// Central, the Go module proxy), and an app in each that synthesizes the same client as JavaScript,
// registers the pack, reads an imported client's reference and catches an error by its code.
const polyglot = project.addTask('polyglot', {
  description: 'Build the Python, Java and Go bindings of each line and run an app in each language beside its published aws-cdk-lib',
  exec: 'node polyglot/run.js',
  receiveArgs: true,
});
pkg.spawn(polyglot);

// Quick start: synthesize the example app with the cdk CLI and print its template
// (`npx projen example -c broken=true` shows the findings of the variant with mistakes).
project.addTask('example', {
  description: 'Synthesize examples/app with the cdk CLI and print its template (or every finding)',
  cwd: 'examples/app',
  env: { CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true' },
  exec: 'cdk synth --no-notices',
  receiveArgs: true,
});

// The policy file's JSON Schema is generated from the settings table and shipped in the package;
// it is regenerated before every compile, so a stale schema shows up as drift in CI.
const schemaTask = project.addTask('schema', {
  description: 'Write schema/client-policy.schema.json from the policy settings',
  exec: 'ts-node --project test/tsconfig.json scripts/write-policy-schema.ts',
});
project.tasks.tryFind('pre-compile')!.spawn(schemaTask);

// The benchmark (not part of the tests): compiles, then measures everything in one run.
const bench = project.addTask('bench', {
  description: 'Benchmark AppClient against the L1 and L2, the pack against AwsSolutionsChecks, and the checker; writes bench/RESULTS.md',
});
bench.spawn(project.tasks.tryFind('compile')!);
bench.exec('node bench/run.js', { receiveArgs: true });

// Every README and JSDoc example must compile (jsii-rosetta, strict), so the Construct Hub can
// translate them to Python, Java, C# and Go.
project.postCompileTask.exec('jsii-rosetta extract --strict');
// The README's cdk-nag 2 example imports cdk-nag, which is no dependency of the package.
project.package.addField('jsiiRosetta', { exampleDependencies: { 'cdk-nag': '2.27.0' } });

project.addTask('docs', {
  description: 'Regenerate docs/rules/<rule-id>.md from the rule registry and scripts/rule-examples.ts',
  exec: 'ts-node --project test/tsconfig.json scripts/rule-docs.ts',
});

project.addTask('readme', {
  description: "Rewrite README.md's generated rule and policy tables from the registry",
  exec: 'ts-node --project test/tsconfig.json scripts/readme-tables.ts',
});

project.synth();
