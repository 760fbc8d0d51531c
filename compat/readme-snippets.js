// The README's cdk-nag 3 examples, run as written in an install-check project that has the packed
// library, aws-cdk-lib and cdk-nag 3 installed (compat/run.js calls it). test/readme-snippets.test.ts
// runs the README's other TypeScript examples, and only type-checks these: jest runs cdk-nag 2.
//
// An example is marked on the line before its ```ts block:
//   <!-- snippet: cdk-nag-3 no-output -->                 it runs, exits 0 and prints nothing;
//   <!-- snippet: cdk-nag-3 fails-with=RULE[,RULE...] -->  its synth fails, and the validation report
//                                                          holds exactly these rules' findings.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MODULE = require('../package.json').name;

/** The ```ts blocks of a markdown text marked cdk-nag-3, with their line and what they must do. */
function cdkNag3Snippets(markdown) {
  const snippets = [];
  for (const m of markdown.matchAll(/^<!-- snippet: ([^>]*?) -->\n```ts[^\n]*\n([\s\S]*?)^```$/gm)) {
    const words = m[1].trim().split(/\s+/);
    if (!words.includes('cdk-nag-3')) continue;
    const failsWith = words.filter((w) => w.startsWith('fails-with=')).flatMap((w) => w.slice('fails-with='.length).split(','));
    snippets.push({ line: markdown.slice(0, m.index).split('\n').length + 2, code: m[2], failsWith, noOutput: words.includes('no-output') });
  }
  return snippets;
}

/**
 * Runs each cdk-nag 3 example of README.md in `dir` with `node`, importing `lib` (the line's
 * package) where the example imports this package, and with examples/client-policy.json as its
 * client-policy.json. Returns what was checked, or the first failure as { error }.
 */
async function runCdkNag3Snippets({ dir, node, lib, run }) {
  const ts = require(path.join(ROOT, 'node_modules', 'typescript'));
  const snippets = cdkNag3Snippets(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  if (snippets.length === 0) return { error: 'README.md has no example marked <!-- snippet: cdk-nag-3 ... -->' };
  fs.copyFileSync(path.join(ROOT, 'examples', 'client-policy.json'), path.join(dir, 'client-policy.json'));
  const checked = [];
  for (const s of snippets) {
    const where = `README.md's cdk-nag 3 example (line ${s.line})`;
    const code = s.code.split(`'${MODULE}'`).join(`'${lib}'`);
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    const file = `readme-snippet-${s.line}.js`;
    fs.writeFileSync(path.join(dir, file), js);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-readme-'));
    const r = await run(node, [file], dir, { CDK_OUTDIR: outdir });
    if (s.failsWith.length === 0) {
      if (r.status !== 0 || (s.noOutput && `${r.out}${r.err}` !== '')) return { error: `${where} exited ${r.status}, expected 0 and no output:\n${r.err}${r.out}` };
      checked.push(`${where} runs`);
      continue;
    }
    const reportFile = path.join(outdir, 'validation-report.json');
    if (r.status === 0 || !fs.existsSync(reportFile)) return { error: `${where} exited ${r.status}, expected its synth to fail with a validation report:\n${r.err}${r.out}` };
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    const rules = (report.pluginReports || []).flatMap((p) => (p.violations || []).map((v) => v.ruleName)).sort();
    if (JSON.stringify(rules) !== JSON.stringify([...s.failsWith].sort())) {
      return { error: `${where}: the validation report has ${JSON.stringify(rules)}, the README says ${JSON.stringify(s.failsWith)}` };
    }
    checked.push(`${where} fails its synth with ${s.failsWith.join(', ')}`);
  }
  return { checked };
}

module.exports = { cdkNag3Snippets, runCdkNag3Snippets };
