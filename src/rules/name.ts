import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { PartialString, lengthOutside, show } from './private/values';
import { Severity } from './types';

/** A character outside `[\w\s+=,.@-]` with Java's ASCII `\w` and `\s`. */
const NAME_BAD_CHAR = /[^A-Za-z0-9_ \t\n\x0B\f\r+=,.@-]/;
const POOL_ID = /^[A-Za-z0-9_-]+_[0-9a-zA-Z]+$/;

export const NAME_RULES: Rule[] = [
  {
    id: 'client-name-length',
    severity: Severity.ERROR,
    title: 'ClientName is 1 to 128 characters long',
    source: SOURCES.API,
    fix: 'Give the client a name of 1 to 128 characters, or leave ClientName out to let CloudFormation generate one.',
    needs: ['ClientName'],
    check(c, emit) {
      const v = c.ClientName;
      if (typeof v === 'string') {
        const n = lengthOutside(v, 1, 128);
        if (n !== undefined) emit('ClientName', show(v), `the name is ${n} characters long; Cognito accepts 1 to 128.`);
      } else if (v instanceof PartialString && v.literalLength() > 128) {
        emit('ClientName', show(v), `its literal parts alone are ${v.literalLength()} characters long; Cognito accepts at most 128.`);
      }
    },
  },
  {
    id: 'client-name-pattern',
    severity: Severity.ERROR,
    title: 'ClientName uses only ASCII letters, digits, whitespace and _+=,.@-',
    source: SOURCES.API,
    fix: 'Use only ASCII letters, digits, spaces and the characters _ + = , . @ - in the client name.',
    needs: ['ClientName'],
    check(c, emit) {
      const v = c.ClientName;
      if (typeof v === 'string') {
        const bad = NAME_BAD_CHAR.exec(v);
        if (bad) emit('ClientName', show(v), `it contains ${show(bad[0])}, which the pattern [\\w\\s+=,.@-]+ (ASCII only) does not allow.`);
        else if (v === '') emit('ClientName', show(v), 'an empty name does not match the pattern [\\w\\s+=,.@-]+.');
      } else if (v instanceof PartialString) {
        for (const part of v.literals()) {
          const bad = NAME_BAD_CHAR.exec(part);
          if (bad) {
            emit('ClientName', show(v), `it contains ${show(bad[0])}, which the pattern [\\w\\s+=,.@-]+ (ASCII only) does not allow.`);
            return;
          }
        }
      }
    },
  },
  {
    id: 'user-pool-id-format',
    severity: Severity.ERROR,
    title: 'UserPoolId looks like <region>_<id>',
    source: SOURCES.API,
    fix: 'Reference the user pool (for example `{"Ref": "MyUserPool"}` or `userPool.userPoolId`) instead of writing its id by hand; a pool id looks like us-east-1_AbCdEf123.',
    needs: ['UserPoolId'],
    check(c, emit) {
      const v = c.UserPoolId;
      if (typeof v !== 'string') return;
      const n = lengthOutside(v, 1, 55);
      if (n !== undefined) emit('UserPoolId', show(v), `a user pool id is 1 to 55 characters long; this one is ${n}.`);
      else if (!POOL_ID.test(v)) emit('UserPoolId', show(v), 'a user pool id has the form <region>_<id> (pattern [\\w-]+_[0-9a-zA-Z]+).');
    },
  },
];
