#!/usr/bin/env node
// The example app: `npx cdk synth` in this folder. `npx cdk synth -c broken=true` synthesizes the
// same app with mistakes Cognito would reject, `-c broken=policy` with breaches of the policy; each
// fails listing every finding.
import { join } from 'path';
import { App, Aspects, Stage } from 'aws-cdk-lib';
import { AppClientChecks, ClientPolicy } from '../../../src';
import { AuthStack } from '../lib/auth-stack';

const app = new App();
const broken = app.node.tryGetContext('broken');

// One policy for every Cognito app client of the app, however it is created. This app uses
// cdk-nag 2, where packs are Aspects; with cdk-nag 3 the line is
// Validations.of(app).addPlugins(new AppClientChecks(app, { policy })).
const policy = ClientPolicy.fromFile(join(__dirname, '..', 'client-policy.json'));
const checks = new AppClientChecks(app, { policy });
Aspects.of(app).add(checks);

const env = { region: 'eu-west-1' };
new AuthStack(app, 'ShopAuth', {
  broken: ['true', true].includes(broken),
  brokenPolicy: broken === 'policy',
  env,
});

// A development stage with its own, relaxed policy: client-policy.dev.json allows loopback
// callbacks for local testing. The app's pack checks every stage below the app too (so that a stage
// cannot escape the organisation's policy), unless the app excludes the stage, saying why; every
// report then says so. The stage's own pack (with cdk-nag 3: Validations.of(dev).addPlugins(...))
// checks it instead.
const dev = new Stage(app, 'Dev', { env });
checks.excludeStage(dev, 'development stage: loopback callbacks for local testing, checked by its own pack');
Aspects.of(dev).add(new AppClientChecks(dev, { policy: ClientPolicy.fromFile(join(__dirname, '..', 'client-policy.dev.json')) }));
new AuthStack(dev, 'ShopAuth', { localDevelopment: true });
