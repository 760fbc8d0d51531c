// Checker benchmark sample. Usage: node bench/checker.js <template.json>
// After start-up (node and the engine's modules loaded), times reading and parsing the template,
// and checking it, in one process; prints the figures as JSON.
'use strict';
const { readFileSync } = require('fs');
const { ClientRules } = require('../lib/rules/client-rules');

const file = process.argv[2];
const t0 = process.hrtime.bigint();
const template = JSON.parse(readFileSync(file, 'utf8'));
const t1 = process.hrtime.bigint();
const findings = ClientRules.checkTemplate(template);
const t2 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
const clients = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolClient').length;
process.stdout.write(JSON.stringify({
  clients,
  findings: findings.length,
  parseMs: ms(t0, t1),
  checkMs: ms(t1, t2),
  clientsPerSecond: clients / (ms(t0, t2) / 1000),
  checkClientsPerSecond: clients / (ms(t1, t2) / 1000),
  rssMb: process.resourceUsage().maxRSS / 1024,
}) + '\n');
