// Fn::If benchmark (issue 21): one large client checked branch by branch, against the same
// template without conditions. Each sample is a fresh node process; kinds are interleaved.
// Usage:
//   node bench/conditions.js --rows [--reps N]         runs only these rows and prints their table
//                                                       (bench/run.js runs them too, in RESULTS.md)
//   node bench/conditions.js write <kind> <out.json>   writes the template of one kind
//   node bench/conditions.js <template.json>           checks it (after start-up), prints JSON
// Kinds (each a template with one pool and one client of about 6 MB, or 100,000 items):
//   big32        6 MB of CallbackURLs, 32 Fn::Ifs on 32 conditions in other properties
//   big32-plain  the same with each Fn::If replaced by its first branch
//   list32       6 MB of CallbackURLs, 32 of its items Fn::Ifs on 32 conditions
//   list32-plain the same with each Fn::If replaced by its first branch
//   one100k      100,000 CallbackURLs items, each an Fn::If on one condition
//   one100k-plain the same with each Fn::If replaced by its first branch
'use strict';
const { readFileSync, writeFileSync } = require('fs');

const IF = (c, a, b) => ({ 'Fn::If': [c, a, b] });
const NO_VALUE = { Ref: 'AWS::NoValue' };

/** About 6 MB of https callback URLs (60,000 of about 100 characters). */
function bigUrls(n = 60000) {
  return Array.from({ length: n }, (_v, i) => `https://app${i % 97}.example.org/callback/${String(i).padStart(8, '0')}/${'x'.repeat(52)}`);
}

function client(kind) {
  const plain = kind.endsWith('-plain');
  const when = (c, a, b) => (plain ? a : IF(c, a, b));
  const base = {
    UserPoolId: { Ref: 'Pool' },
    ClientName: 'web',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
    SupportedIdentityProviders: ['COGNITO'],
  };
  if (kind.startsWith('big32')) {
    const urls = bigUrls();
    // 32 conditions: 28 padding items in AllowedOAuthFlows, then the implicit grant in one branch,
    // and three token lifetimes.
    const flows = ['code'];
    for (let i = 0; i < 28; i++) flows.push(when(`Pad${i}`, 'code', NO_VALUE));
    flows.push(when('Legacy', NO_VALUE, 'implicit'));
    return {
      ...base,
      AllowedOAuthFlows: flows,
      CallbackURLs: urls,
      AccessTokenValidity: when('ShortA', 60, 30),
      IdTokenValidity: when('ShortI', 60, 30),
      RefreshTokenValidity: when('ShortR', 30, 7),
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    };
  }
  if (kind.startsWith('list32')) {
    const urls = bigUrls();
    for (let i = 0; i < 32; i++) {
      const at = Math.floor((i * urls.length) / 32);
      urls[at] = when(`C${i}`, urls[at], `http://insecure${i}.example.org/cb`);
    }
    return { ...base, CallbackURLs: urls };
  }
  if (kind.startsWith('one100k')) {
    const urls = Array.from({ length: 100000 }, (_v, i) => when('IsProd', `https://app.example.org/cb/${i}`, `https://staging.example.org/cb/${i}`));
    return { ...base, CallbackURLs: urls };
  }
  throw new Error(`unknown kind ${kind}`);
}

function template(kind) {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Conditions: {},
    Resources: {
      Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolTier: 'ESSENTIALS' } },
      Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: client(kind) },
    },
  };
}

/** The pairs of rows: a template with conditions, and the same without. */
const PAIRS = [
  ['big32', '6 MB client (60,000 CallbackURLs), 32 Fn::Ifs on 32 conditions in other properties'],
  ['one100k', '100,000 CallbackURLs items, each an Fn::If on one condition'],
  ['list32', '6 MB client, 32 of its 60,000 CallbackURLs items Fn::Ifs on 32 conditions'],
];

/**
 * Runs the rows: `sample(args)` runs node with these arguments in a fresh process and returns its
 * parsed JSON line; `interleaved(jobs)` runs each job `reps` times, interleaved. Returns the table's lines.
 */
function rows(sample, interleaved, dir) {
  const path = require('path');
  const files = {};
  for (const [kind] of PAIRS) {
    for (const k of [kind, `${kind}-plain`]) {
      files[k] = path.join(dir, `${k}.template.json`);
      writeFileSync(files[k], JSON.stringify(template(k)));
    }
  }
  const kinds = PAIRS.flatMap(([kind]) => [kind, `${kind}-plain`]);
  const samples = interleaved(kinds.map((k) => () => sample(['bench/conditions.js', files[k]])));
  const by = {};
  kinds.forEach((k, i) => { by[k] = samples[i]; });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const range = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  const out = [
    '| Template | check with Fn::Ifs, ms | same template without, ms | ratio | findings (with a condition, client-not-checkable) |',
    '|---|---|---|---|---|',
  ];
  for (const [kind, label] of PAIRS) {
    const a = by[kind].map((s) => s.checkMs);
    const b = by[`${kind}-plain`].map((s) => s.checkMs);
    const f = by[kind][0];
    out.push(`| ${label} | ${range(a)} | ${range(b)} | ${(median(a) / median(b)).toFixed(2)}× | ${f.findings} (${f.conditional}, ${f.notCheckable}) |`);
  }
  return out;
}

module.exports = { template, rows };

if (require.main === module) {
  if (process.argv[2] === '--rows') {
    const { spawnSync } = require('child_process');
    const os = require('os');
    const path = require('path');
    const { mkdtempSync, rmSync } = require('fs');
    const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 9;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-conditions-'));
    const sample = (args) => {
      const r = spawnSync(process.execPath, args, { cwd: path.join(__dirname, '..'), encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
      return JSON.parse(r.stdout.trim().split('\n').pop());
    };
    const interleaved = (jobs) => {
      const out = jobs.map(() => []);
      for (let r = 0; r < reps; r++) jobs.forEach((job, i) => out[i].push(job()));
      return out;
    };
    try {
      console.log(`Fn::If branches, check alone after parsing, ${reps} repetitions, medians with (min–max):\n`);
      for (const line of rows(sample, interleaved, dir)) console.log(line);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (process.argv[2] === 'write') {
    writeFileSync(process.argv[4], JSON.stringify(template(process.argv[3])));
  } else {
    // BENCH_LIB: another build of the library (e.g. the code before a change), for comparisons.
    const lib = process.env.BENCH_LIB || '../lib';
    const { ClientRules } = require(`${lib}/rules/client-rules`);
    const { ClientPolicy } = require(`${lib}/policy/client-policy`);
    const policy = new ClientPolicy({ forbidImplicitFlow: true });
    const t0 = process.hrtime.bigint();
    const parsed = JSON.parse(readFileSync(process.argv[2], 'utf8'));
    const t1 = process.hrtime.bigint();
    const findings = ClientRules.checkTemplate(parsed, { policy });
    const t2 = process.hrtime.bigint();
    const ms = (a, b) => Number(b - a) / 1e6;
    const count = (id) => findings.filter((f) => f.ruleId === id).length;
    process.stdout.write(JSON.stringify({
      findings: findings.length,
      conditional: findings.filter((f) => f.condition !== undefined).length,
      notCheckable: count('client-not-checkable'),
      parseMs: ms(t0, t1),
      checkMs: ms(t1, t2),
      rssMb: process.resourceUsage().maxRSS / 1024,
    }) + '\n');
  }
}
