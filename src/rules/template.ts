import { Finding } from './types';
import type { ClientPolicy } from '../policy/client-policy';

/**
 * A finding about one client of a template.
 */
export interface TemplateFinding extends Finding {
  /** The logical id of the `AWS::Cognito::UserPoolClient` resource. */
  readonly resource: string;
}

/**
 * Options of `ClientRules.checkTemplate`.
 */
export interface TemplateCheckOptions {
  /**
   * An organisation policy whose rules run too.
   *
   * @default - the documented rules only
   */
  readonly policy?: ClientPolicy;

  /**
   * The previously deployed template: changes that replace a client or that an update silently
   * resets or reinterprets are reported.
   *
   * @default - no comparison with a previous deployment
   */
  readonly previous?: { [key: string]: any };

  /**
   * The templates of the template's nested stacks (`AWS::CloudFormation::Stack` resources), keyed by
   * the nested stack's logical id, and for deeper nesting by the path of logical ids (`Api/Orders`).
   * Resource servers and identity providers in them count as resources of the same app: a client
   * may use them, and should be created after the nested stack that holds them. A nested stack whose
   * template is not given may hold anything, so no scope or provider is then reported missing.
   *
   * @default - no nested stack template: nested stacks are not looked into
   */
  readonly nestedTemplates?: { [path: string]: any };
}
