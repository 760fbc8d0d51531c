import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient } from '../src';

// AppClient's validation renders its resource just before the synthesis does, and the synthesis
// reuses that rendering once. These tests pin that the template is exactly what a fresh rendering gives.
describe('the rendering kept from validation', () => {
  test('the synthesized template equals a fresh rendering of the resource', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const client = new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['https://a.example.org/cb'] } });
    const synthesized = Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(client.resource)];
    const fresh = Object.values<any>(stack.resolve(client.resource._toCloudFormation()).Resources)[0];
    expect(synthesized).toEqual(fresh);
  });

  test('a change between two synths is in the second template', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const client = new AppClient(stack, 'Client', { userPool, userPoolClientName: 'first' });
    app.synth();
    client.resource.addPropertyOverride('ClientName', 'second');
    const again = app.synth({ force: true }).getStackByName('Stack').template;
    expect(again.Resources[stack.getLogicalId(client.resource)].Properties.ClientName).toBe('second');
  });

  test('a synth that failed validation keeps nothing for the next one', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const client = new AppClient(stack, 'Client', { userPool, userPoolClientName: 'Café' });
    expect(() => app.synth()).toThrow(/client-name-pattern/);
    client.resource.addPropertyOverride('ClientName', 'cafe');
    const template = app.synth({ force: true }).getStackByName('Stack').template;
    expect(template.Resources[stack.getLogicalId(client.resource)].Properties.ClientName).toBe('cafe');
  });
});
