// Type-checked on the newest aws-cdk-lib (with cdk-nag 3): the pack is a validation plugin.
import { App, Validations } from 'aws-cdk-lib';
import { AppClientChecks, ClientPolicy } from 'cdk-cognito-app-client';

const app = new App();
Validations.of(app).addPlugins(new AppClientChecks(app, { policy: ClientPolicy.recommended() }));
