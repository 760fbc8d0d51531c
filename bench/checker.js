// Checker benchmark sample. Usage: node bench/checker.js <template.json>
// Measures, inside one process, the time to read, parse and check the template after start-up,
// and prints {clients, ms, clientsPerSecond} as JSON.
'use strict';
const { readFileSync } = require('fs');
const { ClientRules } = require('../lib/rules/client-rules');

const file = process.argv[2];
const t0 = process.hrtime.bigint();
const template = JSON.parse(readFileSync(file, 'utf8'));
const findings = ClientRules.checkTemplate(template);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const clients = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolClient').length;
process.stdout.write(JSON.stringify({ clients, findings: findings.length, ms, clientsPerSecond: clients / (ms / 1000), rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
