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
Aspects.of(app).add(new AppClientChecks(app, { policy }));

const env = { region: 'eu-west-1' };
new AuthStack(app, 'ShopAuth', {
  broken: ['true', true].includes(broken),
  brokenPolicy: broken === 'policy',
  env,
});

// A development stage with its own, relaxed policy: client-policy.dev.json allows loopback
// callbacks for local testing. A pack covers the stage it is added to (with cdk-nag 3:
// Validations.of(dev).addPlugins(...)), so the app's pack above never sees the Dev clients, and
// this one never sees the app's.
const dev = new Stage(app, 'Dev', { env });
Aspects.of(dev).add(new AppClientChecks(dev, { policy: ClientPolicy.fromFile(join(__dirname, '..', 'client-policy.dev.json')) }));
new AuthStack(dev, 'ShopAuth', { localDevelopment: true });
