import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { isUnknown, show } from './private/values';
import { Severity } from './types';

export const REFRESH_ROTATION_RULES: Rule[] = [
  {
    id: 'refresh-rotation-feature-enum',
    severity: Severity.ERROR,
    title: 'RefreshTokenRotation.Feature is ENABLED or DISABLED',
    source: SOURCES.RTR,
    fix: 'Set RefreshTokenRotation.Feature to ENABLED or DISABLED (upper case).',
    needs: ['RefreshTokenRotation'],
    check(c, emit) {
      const f = c.Feature;
      if (typeof f === 'string' && f !== 'ENABLED' && f !== 'DISABLED') {
        emit('RefreshTokenRotation.Feature', show(f), 'the allowed values are ENABLED and DISABLED.');
      }
    },
  },
  {
    id: 'refresh-rotation-feature-required',
    severity: Severity.ERROR,
    title: 'RefreshTokenRotation has a Feature',
    source: SOURCES.RTR,
    fix: 'Add Feature: ENABLED (or DISABLED) to RefreshTokenRotation, or remove RefreshTokenRotation.',
    needs: ['RefreshTokenRotation'],
    check(c, emit) {
      const r = c.RefreshTokenRotation;
      if (r !== undefined && !isUnknown(r) && c.Feature === undefined) {
        emit('RefreshTokenRotation.Feature', '(absent)', 'the API requires Feature whenever RefreshTokenRotation is given; CloudFormation passes the object on and the request is rejected.');
      }
    },
  },
  {
    id: 'refresh-rotation-grace-range',
    severity: Severity.ERROR,
    title: 'RefreshTokenRotation.RetryGracePeriodSeconds is 0 to 60',
    source: SOURCES.RTR,
    fix: 'Set RetryGracePeriodSeconds to a whole number of seconds from 0 to 60.',
    needs: ['RefreshTokenRotation'],
    check(c, emit) {
      const g = c.RetryGracePeriodSeconds;
      if (typeof g === 'number' && (g < 0 || g > 60)) {
        emit('RefreshTokenRotation.RetryGracePeriodSeconds', show(g), 'the grace period for the old refresh token must be 0 to 60 seconds.');
      }
    },
  },
  {
    id: 'refresh-rotation-grace-ignored',
    severity: Severity.WARNING,
    title: 'No grace period is set while rotation is disabled',
    source: SOURCES.TF_45646,
    fix: 'Remove RetryGracePeriodSeconds, or enable rotation with Feature: ENABLED.',
    needs: ['RefreshTokenRotation'],
    check(c, emit) {
      const g = c.RetryGracePeriodSeconds;
      if (c.Feature === 'DISABLED' && typeof g === 'number' && g > 0) {
        emit('RefreshTokenRotation.RetryGracePeriodSeconds', show(g), 'rotation is DISABLED, so the service ignores the grace period and stores 0.');
      }
    },
  },
];
