import { awscdk, javascript } from 'projen';

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

  cdkVersion: '2.276.0',
  constructsVersion: '10.8.1',
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

  peerDeps: ['cdk-nag@^3.0.2'],
  // aws-cdk: the cdk CLI, for the example app's `cdk synth` tests.
  // ajv and @microsoft/jest-sarif (for the SARIF 2.1.0 JSON schema it ships): the checker's SARIF output is validated in tests.
  devDeps: ['cdk-nag@3.0.2', 'fast-check@^4', 'aws-cdk@2.1148.1', 'ajv@6.15.0', '@microsoft/jest-sarif@1.0.0-beta.0'],
  // The checker reads YAML templates (with the short intrinsic tags); bundled, as jsii requires.
  bundledDeps: ['yaml@^2'],
  bin: { 'cognito-client-check': 'lib/cli/main.js' },

  jestOptions: {
    // A changed snapshot must fail the tests; update with `npx projen test:update`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: { setupFiles: ['<rootDir>/test/setup.ts'] },
  },
  gitignore: ['/cdk.out/', '/examples/**/cdk.out/', '.jsii.tabl.json'],
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'projenrc', '.projenrc.ts'] },
});

// Trap 1: the registry serves unrs-resolver@1.13.0 bindings for Linux only, so `npm ci`
// rejects a lockfile written here. 1.12.2 resolves on every platform.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// Trap 3: only the JavaScript package can be built on this machine.
const pkg = project.tasks.tryFind('package')!;
pkg.reset();
pkg.spawn(project.tasks.tryFind('package:js')!);

project.addPackageIgnore('/.ci/');
project.addPackageIgnore('/examples/');
project.addPackageIgnore('/bench/');
project.addPackageIgnore('/rosetta/');
project.addPackageIgnore('/docs/');
project.addPackageIgnore('/scripts/');

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

project.addTask('docs', {
  description: 'Regenerate docs/rules/<rule-id>.md from the rule registry and scripts/rule-examples.ts',
  exec: 'ts-node --project test/tsconfig.json scripts/rule-docs.ts',
});

project.addTask('readme', {
  description: "Rewrite README.md's generated rule and policy tables from the registry",
  exec: 'ts-node --project test/tsconfig.json scripts/readme-tables.ts',
});

project.synth();
