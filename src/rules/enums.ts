import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { show } from './private/values';
import { Severity } from './types';

export const ENUM_RULES: Rule[] = [
  {
    id: 'prevent-user-existence-enum',
    severity: Severity.ERROR,
    title: 'PreventUserExistenceErrors is ENABLED or LEGACY',
    source: SOURCES.API,
    fix: 'Set PreventUserExistenceErrors to ENABLED (recommended) or LEGACY.',
    needs: ['PreventUserExistenceErrors'],
    check(c, emit) {
      const v = c.PreventUserExistenceErrors;
      if (typeof v === 'string' && v !== 'ENABLED' && v !== 'LEGACY') {
        emit('PreventUserExistenceErrors', show(v), 'the allowed values are ENABLED and LEGACY (upper case).');
      }
    },
  },
];
