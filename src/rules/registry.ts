import { ANALYTICS_RULES } from './analytics';
import { ATTRIBUTE_RULES } from './attributes';
import { AUTH_FLOW_RULES } from './auth-flows';
import { ENUM_RULES } from './enums';
import { IDENTITY_PROVIDER_RULES } from './identity-providers';
import { NAME_RULES } from './name';
import { OAUTH_RULES } from './oauth';
import { Rule } from './private/rule';
import { PROPERTY_TYPE_RULES } from './property-type';
import { REDIRECT_URI_RULES } from './redirect-uris';
import { REFRESH_ROTATION_RULES } from './refresh-rotation';
import { SECRET_RULES } from './secrets';
import { TOKEN_RULES } from './tokens';

/**
 * Every rule that can be decided from one client's own properties, in catalog order.
 * This list is the only place rules are wired; every entry point runs exactly these.
 */
export const CLIENT_RULES: ReadonlyArray<Rule> = [
  ...PROPERTY_TYPE_RULES,
  ...NAME_RULES,
  ...TOKEN_RULES,
  ...REFRESH_ROTATION_RULES,
  ...AUTH_FLOW_RULES,
  ...OAUTH_RULES,
  ...REDIRECT_URI_RULES,
  ...SECRET_RULES,
  ...IDENTITY_PROVIDER_RULES,
  ...ATTRIBUTE_RULES,
  ...ANALYTICS_RULES,
  ...ENUM_RULES,
];
