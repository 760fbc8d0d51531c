#!/usr/bin/env node
// Builds the classic line, `cdk-cognito-app-client-classic`: the library's source compiled with jsii
// against aws-cdk-lib 2.100.0, for apps on aws-cdk-lib 2.100.0 to 2.234.x (README, "Install").
// The only source difference is src/private/line.ts, replaced by lines/classic/line.ts (the
// aws-cdk-lib types the two lines implement). The package goes to build/classic (its assembly, for
// jsii-pacmak), and jsii-pacmak writes it for one target:
//   node lines/build-classic.js                                  the npm tarball, into dist/classic/js
//   node lines/build-classic.js --target <js|python|java|dotnet|go> [--outdir dist]
// The release's publish jobs run the second form after each language's package task (.projenrc.ts),
// so that each registry gets both lines; the build keeps the classic tarball out of dist/js, whose
// one tarball the publish jobs unpack.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'classic');
/** Where `--target js` writes by default (its tarball in js/), out of the current line's dist/js. */
const JS_OUT = path.join(ROOT, 'dist', 'classic');
/** The line: its package names in every language and the aws-cdk-lib it is compiled against. */
const CLASSIC = {
  name: 'cdk-cognito-app-client-classic',
  awsCdkLib: '2.100.0',
  constructs: '10.0.5',
  peerRange: '>=2.100.0 <2.235.0',
  constructsRange: '^10.0.5',
  targets: {
    java: { package: 'io.github.cdkcognitoappclient.classic', maven: { groupId: 'io.github.cdk-cognito-app-client', artifactId: 'cdk-cognito-app-client-classic' } },
    python: { distName: 'cdk-cognito-app-client-classic', module: 'cdk_cognito_app_client_classic' },
    dotnet: { namespace: 'CdkCognitoAppClient.Classic', packageId: 'CdkCognitoAppClient.Classic' },
    // the current line's Go repository: its module is github.com/.../cdk-cognito-app-client-go/cdkcognitoappclientclassic
    go: { moduleName: 'github.com/cdk-cognito-app-client/cdk-cognito-app-client-go' },
  },
};

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, JSII_SUPPRESS_UPGRADE_PROMPT: 'true', JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: 'true' } });
  if (r.status !== 0) {
    console.error(`classic: '${cmd} ${args.join(' ')}' failed in ${path.relative(ROOT, cwd) || '.'} (status ${r.status})`);
    process.exit(1);
  }
}

function installed(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** `--target` and `--outdir`, with their defaults. */
function parseArgs(argv) {
  const opts = { target: 'js', outdir: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--target') opts.target = argv[++i];
    else if (argv[i] === '--outdir') opts.outdir = argv[++i];
    else {
      console.error(`classic: unknown argument ${argv[i]} (usage: node lines/build-classic.js [--target js|python|java|dotnet|go] [--outdir DIR])`);
      process.exit(2);
    }
  }
  opts.outdir = opts.outdir === undefined ? (opts.target === 'js' ? JS_OUT : path.join(ROOT, 'dist')) : path.resolve(ROOT, opts.outdir);
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const d of ['src', 'lib', 'schema', 'docs', 'dist']) fs.rmSync(path.join(OUT, d), { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  fs.cpSync(path.join(ROOT, 'src'), path.join(OUT, 'src'), { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'classic', 'line.ts'), path.join(OUT, 'src', 'private', 'line.ts'));
  fs.cpSync(path.join(ROOT, 'schema'), path.join(OUT, 'schema'), { recursive: true });
  // the rule pages, which the README and every finding link to
  fs.cpSync(path.join(ROOT, 'docs'), path.join(OUT, 'docs'), { recursive: true });
  for (const f of ['README.md', 'LICENSE', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, f), path.join(OUT, f));

  // The root package.json with the line's names, ranges and pins; bundled dependencies at the
  // versions the root installed, so both lines bundle the same code.
  const deps = Object.fromEntries(Object.keys(root.dependencies ?? {}).map((d) => [d, installed(d)]));
  const pkg = {
    ...root,
    name: CLASSIC.name,
    description: `${root.description} The classic line, for aws-cdk-lib ${CLASSIC.peerRange} (cdk-cognito-app-client serves 2.251.0 and later).`,
    scripts: undefined,
    dependencies: deps,
    devDependencies: { 'aws-cdk-lib': CLASSIC.awsCdkLib, 'constructs': CLASSIC.constructs, '@types/node': installed('@types/node') },
    peerDependencies: { 'aws-cdk-lib': CLASSIC.peerRange, 'constructs': CLASSIC.constructsRange },
    jsii: { ...root.jsii, targets: CLASSIC.targets },
  };
  fs.writeFileSync(path.join(OUT, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(path.join(OUT, '.npmignore'), fs.readFileSync(path.join(ROOT, '.npmignore'), 'utf8'));

  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--prefer-offline', '--loglevel=error'], OUT);
  // tsconfig.json names jest's types for the tests, which this folder does not have
  const tsconfig = JSON.parse(fs.readFileSync(path.join(OUT, 'tsconfig.json'), 'utf8'));
  tsconfig.compilerOptions.types = ['node'];
  fs.writeFileSync(path.join(OUT, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  run(process.execPath, [path.join(ROOT, 'node_modules', 'jsii', 'bin', 'jsii'), '--silence-warnings=reserved-word'], OUT);
  run(process.execPath, [path.join(ROOT, 'node_modules', 'jsii-pacmak', 'bin', 'jsii-pacmak'), '--target', opts.target, '--outdir', opts.outdir], OUT);
  console.log(`classic: built ${CLASSIC.name} against aws-cdk-lib ${CLASSIC.awsCdkLib} (build/classic; ${opts.target} in ${path.relative(ROOT, opts.outdir)})`);
}

if (require.main === module) main();
/** The classic line's package directory (its package.json and assembly) and its npm tarball's. */
module.exports = { CLASSIC, OUT, TARBALL_DIR: path.join(JS_OUT, 'js') };
