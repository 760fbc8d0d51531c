// Hostile-template benchmark sample. Usage: node bench/hostile.js <template.yaml>
// Runs the whole checker in-process on the file (reading, parsing, the alias bound, the report)
// and prints its time, peak RSS and exit status as JSON. Write the template with `aliasTemplate`.
'use strict';
const { writeFileSync } = require('fs');

/**
 * The alias case of issue 14: one anchored list of `items` callback URLs, used by `aliases` more
 * clients through YAML aliases (999 stays under the YAML library's alias limit). About 5 MB for
 * 50,000 items; about 5 GB of YAML once every alias is expanded.
 */
function aliasTemplate(aliases = 999, items = 50000) {
  const lines = ['Resources:', '  Pool:', '    Type: AWS::Cognito::UserPool', '  Client0:', '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:', '      UserPoolId: !Ref Pool', '      CallbackURLs: &urls'];
  for (let i = 0; i < items; i++) lines.push(`        - https://app${i}.example.org/callback/path/to/somewhere/quite/long/indeed/xxxx/${i}`);
  for (let j = 1; j <= aliases; j++) {
    lines.push(`  Client${j}:`, '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      CallbackURLs: *urls');
  }
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  const { run } = require('../lib/cli/run');
  const file = process.argv[2];
  let stderr = '';
  const t0 = process.hrtime.bigint();
  const status = run(['--format', 'json', file], { stdout: () => undefined, stderr: (t) => { stderr += t; }, isTTY: false, env: {} });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ status, ms, rssMb: process.resourceUsage().maxRSS / 1024, stderr: stderr.trim() }) + '\n');
}

module.exports = { aliasTemplate, write: (file) => writeFileSync(file, aliasTemplate()) };
