#!/usr/bin/env node
// The example app: `npx cdk synth` in this folder. `npx cdk synth -c broken=true` synthesizes the
// same app with deliberate mistakes, and fails listing every finding.
import { join } from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { AppClientChecks, ClientPolicy } from '../../../src';
import { AuthStack } from '../lib/auth-stack';

const app = new App();
const broken = ['true', true].includes(app.node.tryGetContext('broken'));

// One policy for every Cognito app client of the app, however it is created.
const policy = ClientPolicy.fromFile(join(__dirname, '..', 'client-policy.json'));
Validations.of(app).addPlugins(new AppClientChecks(app, { policy }));

new AuthStack(app, 'ShopAuth', { broken, env: { region: 'eu-west-1' } });
