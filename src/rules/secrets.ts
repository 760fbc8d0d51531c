import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { codePoints, present } from './private/values';
import { Severity } from './types';

const CLIENT_SECRET = /^[A-Za-z0-9_+]+$/;

export const SECRET_RULES: Rule[] = [
  {
    id: 'context-data-needs-secret',
    severity: Severity.ERROR,
    title: 'EnablePropagateAdditionalUserContextData needs a client secret',
    source: SOURCES.DG_ADAPTIVE,
    fix: 'Set GenerateSecret: true, or turn EnablePropagateAdditionalUserContextData off.',
    needs: ['EnablePropagateAdditionalUserContextData'],
    check(c, emit) {
      if (c.EnablePropagateAdditionalUserContextData === true && c.hasSecret === false) {
        emit('EnablePropagateAdditionalUserContextData', 'true', 'you can only activate it in an app client that has a client secret, and this client has none.');
      }
    },
  },
  {
    id: 'client-secret-exclusive',
    severity: Severity.ERROR,
    title: 'A custom ClientSecret is not combined with GenerateSecret: true (API only)',
    source: SOURCES.API,
    fix: 'Either set GenerateSecret: true, or provide ClientSecret, not both.',
    needs: ['ClientSecret'],
    check(c, emit) {
      if (c.GenerateSecret === true && present(c.ClientSecret)) {
        emit('ClientSecret', '(a secret value)', 'you cannot specify both GenerateSecret as true and provide a ClientSecret value.');
      }
    },
  },
  {
    id: 'client-secret-format',
    severity: Severity.ERROR,
    title: 'A custom ClientSecret is 24 to 64 characters of letters, digits, _ and + (API only)',
    source: SOURCES.API,
    fix: 'Use a secret of 24 to 64 characters made of ASCII letters, digits, _ and +.',
    needs: ['ClientSecret'],
    check(c, emit) {
      const s = c.ClientSecret;
      if (typeof s !== 'string') return;
      const n = codePoints(s);
      // The secret itself is never echoed in the message.
      if (n < 24 || n > 64) emit('ClientSecret', `(${n} characters)`, 'a client secret is 24 to 64 characters long.');
      else if (!CLIENT_SECRET.test(s)) emit('ClientSecret', `(${n} characters)`, 'a client secret may contain only ASCII letters, digits, _ and + (pattern [\\w+]+).');
    },
  },
];
