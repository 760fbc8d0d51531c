import { eachLiteralAt, itemPath } from './private/client';
import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { lengthOutside, show } from './private/values';
import { Severity } from './types';

/** Standard attributes a client can be given permissions on. */
export const STANDARD_ATTRIBUTES = [
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale',
  'middle_name', 'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture',
  'preferred_username', 'profile', 'sub', 'updated_at', 'website', 'zoneinfo',
];
const IMMUTABLE = ['email_verified', 'phone_number_verified', 'sub'];
/** `custom:<name>` or `dev:custom:<name>`, name 1 to 20 characters (CustomAttributeNameType). */
const CUSTOM = /^(?:dev:)?custom:(.+)$/s;

export const ATTRIBUTE_RULES: Rule[] = [
  {
    id: 'attr-name-length',
    severity: Severity.ERROR,
    title: 'ReadAttributes and WriteAttributes entries are 1 to 2048 characters long',
    source: SOURCES.API,
    fix: 'Remove empty entries and use attribute names as the pool defines them.',
    needs: ['ReadAttributes', 'WriteAttributes'],
    check(c, emit) {
      for (const list of ['ReadAttributes', 'WriteAttributes'] as const) {
        eachLiteralAt(c, list, (name, at) => {
          const n = lengthOutside(name, 1, 2048);
          if (n !== undefined) emit(itemPath(list, at), show(name), `an attribute name is 1 to 2048 characters long; this one is ${n}.`);
        });
      }
    },
  },
  {
    id: 'attr-write-immutable',
    severity: Severity.ERROR,
    title: 'WriteAttributes has no email_verified, phone_number_verified or sub',
    source: SOURCES.DG_ATTRS,
    fix: 'Remove the attribute from WriteAttributes (it can stay in ReadAttributes); verification status is set by Cognito or an admin API call.',
    needs: ['WriteAttributes'],
    check(c, emit) {
      eachLiteralAt(c, 'WriteAttributes', (name, at) => {
        if (IMMUTABLE.includes(name)) emit(itemPath('WriteAttributes', at), show(name), 'an app client cannot be given write access to it: Cognito answers "Invalid write attributes specified".');
      });
    },
  },
  {
    id: 'attr-exists',
    severity: Severity.ERROR,
    title: 'Attribute permissions name standard attributes or custom:<name> attributes',
    source: SOURCES.DG_ATTRS,
    fix: `Use a standard attribute (${STANDARD_ATTRIBUTES.join(', ')}) or custom:<name> with a name of 1 to 20 characters declared in the pool schema. Names are case-sensitive.`,
    needs: ['ReadAttributes', 'WriteAttributes'],
    check(c, emit) {
      for (const list of ['ReadAttributes', 'WriteAttributes'] as const) {
        eachLiteralAt(c, list, (name, at) => {
          if (STANDARD_ATTRIBUTES.includes(name)) return;
          const m = CUSTOM.exec(name);
          if (m && lengthOutside(m[1], 0, 20) === undefined) return;
          emit(itemPath(list, at), show(name), m
            ? 'a custom attribute name is at most 20 characters long, so this attribute cannot exist.'
            : 'it is neither a standard attribute nor custom:<name>, so no pool can have it.');
        });
      }
    },
  },
];
