// Writes schema/client-policy.schema.json from the policy settings table (src/policy/settings.ts).
import { writeFileSync } from 'fs';
import { join } from 'path';
import { ClientPolicy } from '../src';

writeFileSync(join(__dirname, '..', 'schema', 'client-policy.schema.json'), JSON.stringify(ClientPolicy.jsonSchema(), undefined, 2) + '\n');
