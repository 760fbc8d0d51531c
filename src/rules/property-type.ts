import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { Kind, jsonType, show } from './private/values';
import { Severity } from './types';

const EXPECTED: { readonly [kind in Kind]: string } = {
  string: 'a string',
  integer: 'an integer (a JSON number, or a string of digits such as "60")',
  boolean: 'a boolean (true or false, or the strings "true" and "false")',
  list: 'a list of strings',
  object: 'an object',
};

export const PROPERTY_TYPE_RULES: Rule[] = [
  {
    id: 'property-type',
    severity: Severity.ERROR,
    title: 'Each property has the JSON type CloudFormation expects',
    source: SOURCES.CFN,
    fix: 'Give the property the type the resource schema declares.',
    check(c, emit) {
      const problems = c.problems;
      for (let i = 0; i < problems.length; i++) {
        const p = problems[i];
        emit(p.path, show(p.value), `it is ${jsonType(p.value)}, but CloudFormation expects ${EXPECTED[p.expected]}.`,
          `Give ${p.path} as ${EXPECTED[p.expected]}.`);
      }
    },
  },
];
