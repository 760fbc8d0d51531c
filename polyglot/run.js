#!/usr/bin/env node
// The cross-language check: for each line of the library (a package directory with package.json, the
// .jsii assembly and the compiled lib/), generates the Python, Java and Go bindings with jsii-pacmak,
// installs each the way a user of that language would, beside the PUBLISHED aws-cdk-lib of that
// language at a given version (PyPI, Maven Central, the Go module proxy), and runs a user's app in that
// language (polyglot/<lang>/). Every app must synthesize the same AppClient resource, byte for byte
// (compat/expected-client.json), have the cdk-nag pack report a plain-http callback, read an imported
// client's reference, catch a construction error by its code, and synthesize the client's satellites
// (compat/expected-satellites.json, and the README's v2 sign-in client), read through their handles.
//
//   node polyglot/run.js [--only SUBSTRING]... [--dir LINE=PATH]... [--list]
//
// --only keeps the setups whose label ("<line> <lang> aws-cdk-lib <v>") contains a substring;
// --dir points a line at another package directory. Each line's names in each language are those of
// its package.json (jsii.targets). Caches (pip, Maven, Go modules and build cache, virtualenvs) live in
// $POLYGLOT_CACHE, by default <tmpdir>/cdk-cognito-app-client-polyglot-cache: a rerun downloads nothing.
// Run after the JavaScript package is built (each line's .jsii and lib/).
'use strict';
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/**
 * The lines. dir: the package directory, relative to the repository (its package.json names the
 * package in each language). setups: one run each, a language
 * beside one published aws-cdk-lib and one cdk-nag (2: the pack is an Aspect; 3: a validation plugin,
 * which needs aws-cdk-lib 2.251 or later).
 */
const LINES = [
  {
    line: 'current',
    dir: '.',
    setups: [
      // The newest aws-cdk-lib each registry serves here: PyPI 2.275.0, Maven Central 2.263.0 (the
      // newest its metadata lists), the Go module proxy v2.277.0. cdk-nag 3 needs aws-cdk-lib 2.257.0
      // or later (PyPI cdk-nag 3.0.0 and 3.0.2), so 2.251.0 runs cdk-nag 2 (the pack as an Aspect),
      // as compat/run.js does; Maven Central serves no cdknag 2.38.x (2.37.55 is its newest 2.x).
      // The Go module proxy refuses github.com/cdklabs/cdk-nag-go/cdknag/v3 v3.0.2 (403, "not
      // available"): Go runs cdk-nag 2 (v2.38.2).
      { lang: 'go', cdk: '2.277.0', nag: '2.38.2', readme: true },
      { lang: 'python', cdk: '2.275.0', nag: '3.0.2', readme: true },
      { lang: 'python', cdk: '2.251.0', nag: '2.38.2' },
      { lang: 'java', cdk: '2.263.0', nag: '3.0.2', readme: true },
      { lang: 'java', cdk: '2.251.0', nag: '2.37.55' },
    ],
  },
  {
    line: 'classic',
    dir: path.relative(ROOT, require('../lines/build-classic').OUT),
    setups: [
      // cdk-nag 2.27.x is on PyPI; Maven Central serves no 2.27.x of io.github.cdklabs:cdknag, 2.28.54 is the oldest 2.x after it.
      { lang: 'python', cdk: '2.100.0', nag: '2.27.0' },
      { lang: 'java', cdk: '2.100.0', nag: '2.28.54' },
      // No Go: Go users build against the newest aws-cdk-go, and the module proxy here cannot build
      // aws-cdk-go v2.230.0 (the newest it lists below 2.235): its dependency
      // github.com/cdklabs/awscdk-asset-awscli-go/awscliv1/v2 v2.2.297 is refused (403).
    ],
  },
];

/** Versions of the other packages each language's app installs. */
const CONSTRUCTS = { python: '>=10.0.5,<11', java: '10.8.1', go: 'v10.8.1' };
const JSII_RUNTIME_GO = 'v1.143.0';
const PARALLEL = 2;

const CACHE = process.env.POLYGLOT_CACHE || path.join(os.tmpdir(), 'cdk-cognito-app-client-polyglot-cache');
// Per checkout (generated code, built packages, app projects): two checkouts never share them.
const WORK = path.join(CACHE, `work-${crypto.createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
const ENV = {
  PIP_CACHE_DIR: path.join(CACHE, 'pip'),
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  GOMODCACHE: path.join(CACHE, 'gomod'),
  GOCACHE: path.join(CACHE, 'gobuild'),
  GOFLAGS: '-mod=mod',
  GOTOOLCHAIN: 'local',
  CDK_VALIDATION: 'false', // as compat/run.js runs its apps
  // As `cdk synth` runs an app (aws-cdk-lib 2.262 and later): in this mode a failed validation only
  // sets the exit code of the jsii runtime's Node process unless the pack switches it to in-memory,
  // so the apps of other languages see a validation failure only as `cdk synth` would.
  CDK_APP_MODE: 'process',
  JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '1',
  JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: '1',
};
const M2 = path.join(CACHE, 'm2');
/**
 * cdknag's pom asks for aws-cdk-lib (and constructs) by a range that starts above old releases
 * (cdknag 2.28.54: aws-cdk-lib [2.116.0,3.0.0)), and Maven lets a range win over a plain version,
 * even the project's own: an app on aws-cdk-lib 2.100.0 would get 2.263.0. The app keeps it out,
 * as a Java user on an old aws-cdk-lib has to.
 */
const EXCLUDE_CDK = '<exclusions><exclusion><groupId>software.amazon.awscdk</groupId><artifactId>aws-cdk-lib</artifactId></exclusion><exclusion><groupId>software.constructs</groupId><artifactId>constructs</artifactId></exclusion></exclusions>';
const MVN = ['-B', '-q', `-Dmaven.repo.local=${M2}`];

function parseArgs(argv) {
  const opts = { only: [], dirs: {}, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') opts.only.push(argv[++i]);
    else if (a === '--dir') { const [l, d] = argv[++i].split('='); opts.dirs[l] = d; }
    else if (a === '--list') opts.list = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

function run(cmd, args, cwd, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => { err += String(e); });
    child.on('close', (status) => resolve({ status, out, err, seconds: (Date.now() - started) / 1000 }));
  });
}

/** Runs a command; throws with its output (the last 3,000 characters) if it fails. */
async function must(what, cmd, args, cwd, env) {
  const r = await run(cmd, args, cwd, env);
  if (r.status !== 0) {
    const text = `${r.err}\n${r.out}`.trim();
    const line = `${cmd} ${args.join(' ')}`;
    throw new Error(`${what} failed (${line.length > 300 ? `${line.slice(0, 300)}…` : line}, exit ${r.status}):\n${text.length > 3000 ? `…${text.slice(-3000)}` : text}`);
  }
  return r;
}

/** Times one phase of a setup. */
async function phase(times, name, f) {
  const started = Date.now();
  try {
    return await f();
  } finally {
    times.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)}`);
  }
}

/** Once per key: the same promise for every caller (a line's bindings are generated once). */
const once = new Map();
function memo(key, f) {
  if (!once.has(key)) once.set(key, f());
  return once.get(key);
}

/**
 * The line's package directory, and its names in each language as its package.json gives them
 * (jsii.targets: written by projen for the current line, by lines/build-classic.js for the classic one).
 */
function lineNames(line, opts) {
  const dir = path.resolve(ROOT, opts.dirs[line.line] || line.dir);
  const pkgFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgFile) || !fs.existsSync(path.join(dir, '.jsii'))) throw new Error(`no built package in ${dir} (package.json and .jsii)`);
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const t = (pkg.jsii && pkg.jsii.targets) || {};
  const names = {
    npm: pkg.name,
    python: { module: t.python && t.python.module, dist: t.python && t.python.distName },
    java: { package: t.java && t.java.package, groupId: t.java && t.java.maven.groupId, artifactId: t.java && t.java.maven.artifactId },
    go: { module: t.go && `${t.go.moduleName}/${t.go.packageName || pkg.name.replace(/[^a-z0-9]/gi, '').toLowerCase()}` },
  };
  const aws = pkg.devDependencies && pkg.devDependencies['aws-cdk-lib'];
  if (!/^\d+\.\d+\.\d+$/.test(aws || '')) throw new Error(`${pkgFile}: devDependencies must pin the aws-cdk-lib the line is compiled against (found ${aws})`);
  return { dir, names, version: pkg.version, aws };
}

/** jsii-pacmak, code only, for the line's languages: <work>/<line>/gen/{python,java,go}. */
function generate(line, info, langs) {
  return memo(`gen ${line.line}`, async () => {
    const out = path.join(WORK, line.line, 'gen');
    fs.rmSync(out, { recursive: true, force: true });
    const pacmak = path.join(ROOT, 'node_modules', '.bin', 'jsii-pacmak');
    const args = [info.dir, '--code-only', '--no-npmignore', '--no-fingerprint', '--rosetta-unknown-snippets', 'verbatim', '-o', out];
    for (const l of langs) args.push('-t', l);
    const r = await must('jsii-pacmak', pacmak, args, ROOT);
    return { out, seconds: r.seconds };
  });
}

// ---- Python ----------------------------------------------------------------------------------------

/**
 * The line's wheel (what PyPI would serve), built from the generated source by `pip wheel` in a
 * virtualenv kept in the cache with the build requirements of the generated pyproject.toml (pip's
 * build isolation would download them on every run).
 */
function pythonWheel(line, gen) {
  return memo(`wheel ${line.line}`, async () => {
    const src = path.join(gen.out, 'python');
    const toml = fs.readFileSync(path.join(src, 'pyproject.toml'), 'utf8');
    const requires = [...(/^requires\s*=\s*\[([^\]]*)\]/m.exec(toml) || ['', ''])[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const venv = path.join(CACHE, 'venv', `build-${crypto.createHash('sha256').update(requires.join(' ')).digest('hex').slice(0, 8)}`);
    const py = path.join(venv, 'bin', 'python');
    if (!fs.existsSync(py)) {
      await must('venv', 'python3', ['-m', 'venv', venv], ROOT);
      await must('pip install (build requirements)', py, ['-m', 'pip', 'install', '-q', 'wheel', ...requires], venv);
    }
    const dist = path.join(WORK, line.line, 'wheel');
    fs.rmSync(dist, { recursive: true, force: true });
    await must('pip wheel', py, ['-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '-q', '-w', dist, src], ROOT);
    return path.join(dist, fs.readdirSync(dist).find((f) => f.endsWith('.whl')));
  });
}

async function python(line, info, setup, times) {
  const gen = await phase(times, 'pacmak', () => generate(line, info, langsOf(line)));
  const wheel = await phase(times, 'wheel', () => pythonWheel(line, gen));
  // Shared by checkouts (pip keeps no cache of what it downloads here, so a virtualenv per checkout
  // would download aws-cdk-lib again in each); this build's wheel is reinstalled on every run.
  const venv = path.join(CACHE, 'venv', `${info.names.python.dist}-cdk-${setup.cdk}-nag-${setup.nag}`);
  const py = path.join(venv, 'bin', 'python');
  await phase(times, 'install', async () => {
    if (!fs.existsSync(py)) await must('venv', 'python3', ['-m', 'venv', venv], ROOT);
    // As a user would: pip install the library beside an exact aws-cdk-lib and cdk-nag.
    await must('pip install', py, ['-m', 'pip', 'install', '-q', `aws-cdk-lib==${setup.cdk}`, `constructs${CONSTRUCTS.python}`, `cdk-nag==${setup.nag}`, wheel], venv);
    await must('pip install (this build)', py, ['-m', 'pip', 'install', '-q', '--force-reinstall', '--no-deps', wheel], venv);
  });
  const result = await phase(times, 'run', () => appRun(py, [path.join(__dirname, 'python', 'app.py')], venv, { POLYGLOT_MODULE: info.names.python.module, POLYGLOT_NAG: setup.nag.split('.')[0] }));
  if (setup.readme) await phase(times, 'readme', () => readmeExample(result, py, [path.join(__dirname, 'python', 'readme_example.py')], venv));
  return result;
}

// ---- Java ------------------------------------------------------------------------------------------

/**
 * The line's jar, installed in the Maven cache. The generated pom asks for aws-cdk-lib and cdknag by
 * range; Maven would take the newest listed, so the bindings are compiled against the aws-cdk-lib the
 * line is compiled against (its package.json's devDependencies) instead, and, where the assembly still
 * depends on cdk-nag, the Java setup's cdknag (nothing of cdk-nag's is compiled against).
 */
function javaJar(line, info, gen) {
  return memo(`jar ${line.line}`, async () => {
    const dir = path.join(gen.out, 'java');
    const pomFile = path.join(dir, 'pom.xml');
    let pom = fs.readFileSync(pomFile, 'utf8');
    const pin = (artifact, version) => {
      const re = new RegExp(`(<artifactId>${artifact}</artifactId>\\s*<version>)[^<]+(</version>)`);
      if (!re.test(pom)) return false;
      pom = pom.replace(re, `$1${version}$2`);
      return true;
    };
    if (!pin('aws-cdk-lib', info.aws)) throw new Error(`no aws-cdk-lib dependency in ${pomFile}`);
    // Only a build whose assembly still depends on cdk-nag has it.
    pin('cdknag', line.setups.find((s) => s.lang === 'java')?.nag || '3.0.2');
    // cdknag's pom asks for aws-cdk-lib by a range (2.28.54: [2.116.0,3.0.0)), which Maven lets win
    // over the pinned version: keep it out.
    pom = pom.replace(/(<artifactId>cdknag<\/artifactId>\s*<version>[^<]+<\/version>)/, `$1${EXCLUDE_CDK}`);
    fs.writeFileSync(pomFile, pom);
    await must('mvn install (the bindings)', 'mvn', [...MVN, 'install', '-Dmaven.javadoc.skip=true', '-Dmaven.source.skip=true', '-Dgpg.skip=true', '-Denforcer.skip=true'], dir);
  });
}

async function java(line, info, setup, times) {
  const gen = await phase(times, 'pacmak', () => generate(line, info, langsOf(line)));
  await phase(times, 'jar', () => javaJar(line, info, gen));
  const dir = path.join(WORK, line.line, `java-cdk-${setup.cdk}-nag-${setup.nag}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const src = path.join(dir, 'src', 'polyglot');
  fs.mkdirSync(src, { recursive: true });
  const retarget = (text) => text.replace(/^import [\w.]+\.\*; \/\/ polyglot:library$/m, `import ${info.names.java.package}.*; // polyglot:library`);
  const from = path.join(__dirname, 'java', 'src', 'main', 'java', 'polyglot');
  fs.writeFileSync(path.join(src, 'App.java'), retarget(fs.readFileSync(path.join(from, 'App.java'), 'utf8')));
  fs.writeFileSync(path.join(src, 'Nag.java'), retarget(fs.readFileSync(path.join(from, `Nag${setup.nag.split('.')[0]}.java`), 'utf8')));
  // As a user would: a pom with the library beside an exact aws-cdk-lib and cdknag.
  const dep = (g, a, v, more = '') => `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version>${more}</dependency>`;
  fs.writeFileSync(path.join(dir, 'pom.xml'), `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>polyglot</groupId>
  <artifactId>app</artifactId>
  <version>0.0.0</version>
  <dependencies>
${dep('software.amazon.awscdk', 'aws-cdk-lib', setup.cdk)}
${dep('software.constructs', 'constructs', CONSTRUCTS.java)}
${dep('io.github.cdklabs', 'cdknag', setup.nag, EXCLUDE_CDK)}
${dep(info.names.java.groupId, info.names.java.artifactId, info.version)}
  </dependencies>
</project>
`);
  const cpFile = path.join(dir, 'classpath.txt');
  await phase(times, 'install', () => must('mvn dependency:build-classpath', 'mvn', [...MVN, 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], dir));
  const cp = fs.readFileSync(cpFile, 'utf8').trim();
  const cdkJar = cp.split(path.delimiter).map((f) => path.basename(f)).find((f) => f.startsWith('aws-cdk-lib-'));
  if (cdkJar !== `aws-cdk-lib-${setup.cdk}.jar`) throw new Error(`Maven put ${cdkJar} on the classpath, not aws-cdk-lib ${setup.cdk}`);
  const classes = path.join(dir, 'classes');
  const readme = setup.readme ? [path.join(__dirname, 'java', 'src', 'main', 'java', 'ReadmeExample.java')] : [];
  await phase(times, 'javac', () => must('javac', 'javac', ['-d', classes, '-cp', cp, path.join(src, 'App.java'), path.join(src, 'Nag.java'), ...readme], dir));
  const result = await phase(times, 'run', () => appRun('java', ['-cp', `${classes}${path.delimiter}${cp}`, 'polyglot.App'], dir, {}));
  if (setup.readme) await phase(times, 'readme', () => readmeExample(result, 'java', ['-cp', `${classes}${path.delimiter}${cp}`, 'ReadmeExample'], dir));
  return result;
}

// ---- Go --------------------------------------------------------------------------------------------

async function go(line, info, setup, times) {
  const gen = await phase(times, 'pacmak', () => generate(line, info, langsOf(line)));
  const libDir = path.join(gen.out, 'go', info.names.go.module.split('/').pop());
  const dir = path.join(WORK, line.line, `go-cdk-${setup.cdk}-nag-${setup.nag}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const major = setup.nag.split('.')[0];
  const retarget = (text) => text.replace(/"[^"]+" \/\/ polyglot:library$/m, `"${info.names.go.module}" // polyglot:library`);
  fs.writeFileSync(path.join(dir, 'main.go'), retarget(fs.readFileSync(path.join(__dirname, 'go', 'main.go'), 'utf8')));
  fs.writeFileSync(path.join(dir, `nag${major}.go`), retarget(fs.readFileSync(path.join(__dirname, 'go', `nag${major}.go`), 'utf8')));
  if (setup.readme) {
    fs.mkdirSync(path.join(dir, 'readme'));
    fs.copyFileSync(path.join(__dirname, 'go', 'readme', 'main.go'), path.join(dir, 'readme', 'main.go'));
  }
  // As a user would: require the published aws-cdk-go and cdk-nag-go; the library from the
  // generated module by a replace directive.
  const libMod = fs.readFileSync(path.join(libDir, 'go.mod'), 'utf8');
  const nagModule = `github.com/cdklabs/cdk-nag-go/cdknag/v${major}`;
  const replaces = [`replace ${info.names.go.module} => ${libDir}`];
  // The bindings' go.mod asks for the versions the line is compiled against, which the module proxy
  // may not serve: each is replaced by the setup's version.
  for (const m of libMod.matchAll(/^\s*(github\.com\/(?:aws\/aws-cdk-go\/awscdk\/v2|cdklabs\/cdk-nag-go\/cdknag\/v\d+|aws\/jsii-runtime-go|aws\/constructs-go\/constructs\/v10)) (v[^\s]+)/gm)) {
    const target = { 'github.com/aws/aws-cdk-go/awscdk/v2': `v${setup.cdk}`, 'github.com/aws/jsii-runtime-go': JSII_RUNTIME_GO, 'github.com/aws/constructs-go/constructs/v10': CONSTRUCTS.go }[m[1]]
      || (m[1] === nagModule ? `v${setup.nag}` : null);
    if (target && target !== m[2]) replaces.push(`replace ${m[1]} ${m[2]} => ${m[1]} ${target}`);
  }
  fs.writeFileSync(path.join(dir, 'go.mod'), `module polyglot

go 1.25

require (
	github.com/aws/aws-cdk-go/awscdk/v2 v${setup.cdk}
	github.com/aws/constructs-go/constructs/v10 ${CONSTRUCTS.go}
	github.com/aws/jsii-runtime-go ${JSII_RUNTIME_GO}
	${nagModule} v${setup.nag}
	${info.names.go.module} v0.0.0
)

${replaces.join('\n')}
`);
  await phase(times, 'install', () => must('go mod tidy', 'go', ['mod', 'tidy'], dir));
  // Minimal version selection may raise aws-cdk-go above the setup's (a dependency asking for more).
  const selected = (await must('go list -m', 'go', ['list', '-m', 'github.com/aws/aws-cdk-go/awscdk/v2'], dir)).out.trim().split(/\s+/).pop();
  if (selected !== `v${setup.cdk}`) throw new Error(`go selected github.com/aws/aws-cdk-go/awscdk/v2 ${selected}, not v${setup.cdk}`);
  const bin = path.join(dir, 'app');
  await phase(times, 'go build', () => must('go build', 'go', ['build', '-o', bin, '.'], dir));
  if (setup.readme) await phase(times, 'go build', () => must('go build (README example)', 'go', ['build', '-o', `${bin}-readme`, './readme'], dir));
  const result = await phase(times, 'run', () => appRun(bin, [], dir, {}));
  if (setup.readme) await phase(times, 'readme', () => readmeExample(result, `${bin}-readme`, [], dir));
  return result;
}

// ----------------------------------------------------------------------------------------------------

/**
 * Runs the README's example of the language (python/readme_example.py, java/src/main/java/ReadmeExample.java,
 * go/readme/main.go: the README shows them as they are; test/polyglot.test.ts keeps them in step) as
 * `cdk synth` would, and checks that it exits 0 and writes the same client as JavaScript.
 */
async function readmeExample(result, cmd, args, cwd) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyglot-readme-'));
  const r = await run(cmd, args, cwd, { CDK_OUTDIR: outdir });
  const file = path.join(outdir, 'Auth.template.json');
  if (r.status !== 0 || !fs.existsSync(file)) {
    result.failures.push(`the README example exited ${r.status} without Auth.template.json: ${`${r.err}${r.out}`.slice(-2000)}`);
    return;
  }
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const client = Object.values(template.Resources).find((x) => x.Type === 'AWS::Cognito::UserPoolClient');
  const expected = fs.readFileSync(path.join(ROOT, 'compat', 'expected-client.json'), 'utf8').trim();
  if (JSON.stringify(client, null, 2) !== expected) result.failures.push(`the README example's client differs from compat/expected-client.json:\n${JSON.stringify(client, null, 2)}`);
  else result.checked.push('the README example synthesizes the same client with the pack registered');
}

/**
 * (e) the satellites the app printed: compat/satellites.js's app (a style from settings and a logo
 * file, both terms documents, an 8-hour SSO session), each resource compared whole, as
 * `JSON.stringify(x, null, 2)`, with compat/expected-satellites.json (the key order of the logical ids
 * aside: Go's maps keep none); and the README's v2 sign-in client, each resource found by its handle's
 * logical id and printed as the README's example prints it, compared with the README's output.
 */
function checkSatellites(result) {
  if (!result.satellites || !result.readmeSatellites) return; // the app's (e) failed, and said why
  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'compat', 'expected-satellites.json'), 'utf8'));
  const got = result.satellites;
  const differ = Object.keys(expected).filter((id) => JSON.stringify(got[id], null, 2) !== JSON.stringify(expected[id], null, 2));
  const extra = Object.keys(got).filter((id) => !(id in expected));
  if (differ.length || extra.length) {
    result.failures.push(`(e) the satellites differ from compat/expected-satellites.json (${[...differ, ...extra].join(', ')}):\n${JSON.stringify(got, null, 2)}`);
  } else {
    result.checked.push(`(e) the ${Object.keys(expected).length} satellite resources are compat/expected-satellites.json`);
  }
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /It prints the client's four resources[^\n]*\n\n```text\n([\s\S]*?)\n```/.exec(readme);
  if (!block) throw new Error('README.md: no output block after "It prints the client\'s four resources"');
  const r = result.readmeSatellites;
  const printed = [...r.resources.map((x) => `${x.Type}: ${JSON.stringify(x.Properties)}`), `DependsOn: ${(r.dependsOn || []).join(', ')}`].join('\n');
  if (printed !== block[1]) result.failures.push(`(e) the README client's satellites (found by their handles) differ from the README's output:\n${printed}`);
  else if (r.managedLoginVersion !== 2) result.failures.push(`(e) the README client's domain has ManagedLoginVersion ${JSON.stringify(r.managedLoginVersion)}, not 2`);
  else result.checked.push("(e) the README v2 sign-in client's four resources, found by their handles, print as the README says");
}

const LANGS = { python, java, go };
function langsOf(line) {
  return [...new Set(line.setups.map((s) => s.lang))];
}

/**
 * Runs an app; returns its last line as JSON ({ client, checked, failures, observed }). An app that
 * exits non-zero after printing it has failed checks (failures), which do not stop the others.
 */
async function appRun(cmd, args, cwd, env) {
  const r = await run(cmd, args, cwd, env);
  let result;
  try {
    result = JSON.parse(r.out.trim().split('\n').pop());
  } catch {
    const text = `${r.err}\n${r.out}`.trim();
    throw new Error(`the app (exit ${r.status}) printed no result:\n${text.length > 3000 ? `…${text.slice(-3000)}` : text}`);
  }
  result.failures = result.failures || [];
  if (r.status !== 0 && !result.failures.length) result.failures.push(`the app exited ${r.status}: ${r.err.slice(-2000)}`);
  return result;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const expected = fs.readFileSync(path.join(ROOT, 'compat', 'expected-client.json'), 'utf8').trim();
  const jobs = [];
  for (const line of LINES) {
    for (const setup of line.setups) {
      const label = `${line.line} ${setup.lang} aws-cdk-lib ${setup.cdk}`;
      if (opts.only.length && !opts.only.some((o) => label.includes(o))) continue;
      jobs.push({ line, setup, label });
    }
  }
  if (opts.list) {
    for (const j of jobs) console.log(`${j.label} (cdk-nag ${j.setup.nag})`);
    return;
  }
  fs.mkdirSync(WORK, { recursive: true });
  // Go and Java are the heaviest: Go first (its build is the longest), Java last.
  const order = { go: 0, python: 1, java: 2 };
  const queue = [...jobs].sort((a, b) => order[a.setup.lang] - order[b.setup.lang]);
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    for (let j = queue.shift(); j; j = queue.shift()) {
      const started = Date.now();
      j.times = [];
      try {
        const info = lineNames(j.line, opts);
        j.result = await LANGS[j.setup.lang](j.line, info, j.setup, j.times);
        const got = JSON.stringify(j.result.client, null, 2);
        if (got !== expected) j.result.failures.unshift(`(a) the AppClient resource differs from compat/expected-client.json:\n${got}`);
        checkSatellites(j.result);
        if (j.result.failures.length) j.error = `${j.result.failures.join('; ')}${j.result.checked.length ? ` (passed: ${j.result.checked.join('; ')})` : ''}`;
      } catch (e) {
        j.error = e && e.message ? e.message : String(e);
      }
      j.seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stderr.write(`polyglot: ${j.label} done in ${j.seconds} s (${j.times.join(', ')})\n`);
    }
  }));
  let failed = 0;
  for (const j of jobs) {
    const head = `${j.line.line} ${j.setup.lang} aws-cdk-lib ${j.setup.cdk} (${j.seconds} s)`;
    if (j.error) {
      failed++;
      console.log(`FAIL ${head}: ${j.error}`);
    } else {
      console.log(`ok   ${head}: ${j.result.checked.join('; ')}`);
    }
    console.log(`     cdk-nag ${j.setup.nag}; seconds per phase: ${j.times.join(', ')}`);
    // What the language saw (exception types and messages), pass or fail.
    if (j.result && Object.keys(j.result.observed || {}).length) console.log(`     observed: ${JSON.stringify(j.result.observed)}`);
  }
  console.log(`polyglot: ${jobs.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`polyglot: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
