// The benchmark: synth cost of AppClient against aws-cdk-lib's L1 and L2, the cost of the
// AppClientChecks pack against cdk-nag's AwsSolutionsChecks, and the checker's throughput and
// start-up, all in one run. Each sample is a fresh node process; kinds are interleaved; medians
// are reported with min and max. Writes the table to stdout and to bench/RESULTS.md.
// Usage: npx projen bench   (or: node bench/run.js [--reps N])
'use strict';
const { spawnSync } = require('child_process');
const { mkdtempSync, writeFileSync, rmSync } = require('fs');
const os = require('os');
const path = require('path');
const { template } = require('./template');
const hostileTemplate = require('./hostile');
const conditions = require('./conditions');

const REPS = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 9;
const SIZES = [50, 150, 450];
const KINDS = [['l1', 'CfnUserPoolClient (L1)'], ['l2', 'UserPoolClient (L2)'], ['app', 'AppClient']];
const root = path.join(__dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const loadBefore = os.loadavg();

function sample(args, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_OUTDIR: path.join(work, 'cdk.out'), ...env }, maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  const line = r.stdout.trim().split('\n').pop();
  return { wallMs, ...(line.startsWith('{') ? JSON.parse(line) : {}) };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = (x, d = 0) => x.toFixed(d);
const mmm = (st, d = 0) => `${fmt(st.median, d)} (${fmt(st.min, d)}–${fmt(st.max, d)})`;

/** Runs the jobs `REPS` times, interleaved (one of each per round), and collects each job's samples. */
function interleaved(jobs) {
  const out = jobs.map(() => []);
  for (let r = 0; r < REPS; r++) jobs.forEach((job, i) => out[i].push(job()));
  return out;
}

const lines = [];
const print = (s = '') => { lines.push(s); console.log(s); };

// ---- synth cost, built-in CloudFormation validation off ----
const synthJobs = [];
for (const n of SIZES) for (const [kind] of KINDS) synthJobs.push({ kind, n, run: () => sample(['bench/synth.js', kind, String(n)], { CDK_VALIDATION: 'false' }) });
const synthSamples = interleaved(synthJobs.map((j) => j.run));
const synth = {};
synthJobs.forEach((j, i) => { synth[`${j.kind}:${j.n}`] = synthSamples[i]; });

// ---- one row with aws-cdk-lib's validation on, for context ----
const validationOn = interleaved(KINDS.map(([kind]) => () => sample(['bench/synth.js', kind, '150'])));

// ---- the packs over the 450-client app (L1 clients, a compliant pool) ----
const packs = [['none', 'no pack'], ['appchecks', 'AppClientChecks (recommended policy)'], ['awssolutions', 'cdk-nag AwsSolutionsChecks']];
const packSamples = interleaved(packs.map(([p]) => () => sample(['bench/synth.js', 'l1', '450', p], { CDK_VALIDATION: 'false' })));

// ---- the checker ----
const big = path.join(work, 'clients-10000.template.json');
const small = path.join(work, 'one-client.template.json');
const hostile = path.join(work, 'aliases.template.yaml');
writeFileSync(big, JSON.stringify(template(10000)));
writeFileSync(small, JSON.stringify(template(1)));
hostileTemplate.write(hostile);
const sizeMb = (file) => require('fs').statSync(file).size / 1e6;
const bigMb = sizeMb(big);
const hostileMb = sizeMb(hostile);
const [throughput, startup, hostileRuns] = interleaved([
  () => sample(['bench/checker.js', big]),
  () => sample(['lib/cli/main.js', '--format', 'json', small]),
  () => sample(['bench/hostile.js', hostile]),
]);
// ---- Fn::If branches: one large client with conditions against the same without (issue 21) ----
const conditionRows = conditions.rows((args) => sample(args), interleaved, work);
rmSync(work, { recursive: true, force: true });

// ---- report ----
const loadAfter = os.loadavg();
const wall = (k, n) => stats(synth[`${k}:${n}`].map((s) => s.wallMs));
// The cost per extra client comes from the time the process spends building and synthesizing the
// app (module loading excluded: it is the same for every N and only adds noise).
const appTime = (k, n) => stats(synth[`${k}:${n}`].map((s) => s.appMs));
const perClient = (k) => (appTime(k, 450).median - appTime(k, 50).median) / 400;
const rss = (k) => stats(synth[`${k}:450`].map((s) => s.rssMb));
const cpus = os.cpus();

print(`# Benchmark results`);
print();
print(`Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, ${os.platform()} ${os.release()}, node ${process.version}.`);
print(`Run: ${new Date().toISOString()}, ${REPS} repetitions, each sample a fresh node process, kinds interleaved; medians with (min–max).`);
print(`Load average (1, 5, 15 min): before ${loadBefore.map((x) => fmt(x, 2)).join(', ')}; after ${loadAfter.map((x) => fmt(x, 2)).join(', ')}.`);
print();
print(`## Synth cost: one UserPool and N clients (CDK_VALIDATION=false), whole process, ms`);
print();
print(`The cost per extra client is (t450 − t50) / 400 over the time each process spends building and synthesizing the app (module loading excluded).`);
print();
print(`| Kind | N = 50 | N = 150 | N = 450 | ms per extra client | ratio to L1 | ratio to L2 | peak RSS at 450, MB |`);
print(`|---|---|---|---|---|---|---|---|`);
for (const [k, label] of KINDS) {
  print(`| ${label} | ${SIZES.map((n) => mmm(wall(k, n))).join(' | ')} | ${fmt(perClient(k), 3)} | ${fmt(perClient(k) / perClient('l1'), 2)}× | ${fmt(perClient(k) / perClient('l2'), 2)}× | ${mmm(rss(k))} |`);
}
print();
print(`With aws-cdk-lib's built-in CloudFormation validation on (N = 150), for context: ` +
  KINDS.map(([, label], i) => `${label} ${mmm(stats(validationOn[i].map((s) => s.wallMs)))} ms`).join('; ') + '.');
print();
print(`## Packs over the 450-client app (L1 clients), whole process, ms`);
print();
print(`| Variant | synth | cost of the pack |`);
print(`|---|---|---|`);
const base = stats(packSamples[0].map((s) => s.wallMs)).median;
packs.forEach(([, label], i) => {
  const st = stats(packSamples[i].map((s) => s.wallMs));
  print(`| ${label} | ${mmm(st)} | ${i === 0 ? '–' : fmt(st.median - base)} |`);
});
print();
print(`## Checker`);
print();
const tp = stats(throughput.map((s) => s.clientsPerSecond));
const tpCheck = stats(throughput.map((s) => s.checkClientsPerSecond));
const parseMs = stats(throughput.map((s) => s.parseMs));
const st = stats(startup.map((s) => s.wallMs));
const bigRss = stats(throughput.map((s) => s.rssMb));
const hostileMs = stats(hostileRuns.map((s) => s.ms));
const hostileRss = stats(hostileRuns.map((s) => s.rssMb));
const hostileStatus = [...new Set(hostileRuns.map((s) => s.status))].join(', ');
print(`- Throughput on a template of 10,000 clients (${fmt(bigMb, 1)} MB), after start-up: ${mmm(tp)} clients per second reading, parsing and checking it;`);
print(`  ${mmm(tpCheck)} clients per second for the check alone (reading and parsing the file take ${mmm(parseMs)} ms); peak RSS ${mmm(bigRss)} MB.`);
print(`- Start-up, whole command on a one-client template: ${mmm(st)} ms.`);
print();
print(`| Template | time, ms | peak RSS, MB | exit status |`);
print(`|---|---|---|---|`);
print(`| 10,000 clients (${fmt(bigMb, 1)} MB JSON), read, parse and check | ${mmm(stats(throughput.map((s) => s.parseMs + s.checkMs)))} | ${mmm(bigRss)} | 1 |`);
print(`| hostile: 999 YAML aliases of one 50,000-item CallbackURLs list (${fmt(hostileMb, 1)} MB, about ${fmt(hostileMb, 0)} GB expanded), whole run | ${mmm(hostileMs)} | ${mmm(hostileRss)} | ${hostileStatus} |`);
print();
print(`The hostile template is refused (exit status 2) with: ${hostileRuns[0].stderr.replace(/^.*?: .*?: /, '')}`);
print();
print(`## Fn::If branches: one large client, check alone after parsing, ms`);
print();
for (const line of conditionRows) print(line);
print();
print(`## Targets`);
print();
const packCost = (i) => stats(packSamples[i].map((s) => s.wallMs)).median - base;
const targets = [
  [`AppClient cost per extra client ≤ the L2's`, perClient('app') <= perClient('l2'), `${fmt(perClient('app') / perClient('l2'), 2)}× the L2's`],
  [`AppClient cost per extra client ≤ 1.2× the L1's`, perClient('app') / perClient('l1') <= 1.2, `${fmt(perClient('app') / perClient('l1'), 2)}× the L1's`],
  [`AppClientChecks over the 450-client app costs no more than AwsSolutionsChecks`, packCost(1) <= packCost(2), `${fmt(packCost(1))} ms vs ${fmt(packCost(2))} ms`],
  [`Checker ≥ 50,000 clients per second (read, parse and check)`, tp.median >= 50000, `${fmt(tp.median)} clients/s`],
  [`Checker ≥ 50,000 clients per second (check alone, file already parsed)`, tpCheck.median >= 50000, `${fmt(tpCheck.median)} clients/s`],
  [`Checker starts in under 0.5 s`, st.median < 500, `${fmt(st.median)} ms`],
  [`Hostile alias template: under 5 s and 512 MB, one-line refusal`, hostileMs.median < 5000 && hostileRss.median < 512 && hostileStatus === '2', `${fmt(hostileMs.median)} ms, ${fmt(hostileRss.median)} MB`],
  [`AppClient peak RSS within 1.2× of the L1's (N = 450)`, rss('app').median <= 1.2 * rss('l1').median, `${fmt(rss('app').median / rss('l1').median, 2)}×`],
];
print(`| Target | Holds | Measured |`);
print(`|---|---|---|`);
for (const [t, ok, m] of targets) print(`| ${t} | ${ok ? 'yes' : '**no**'} | ${m} |`);

writeFileSync(path.join(__dirname, 'RESULTS.md'), lines.join('\n') + '\n');
