// The contract check behind scripts/check-contracts: the published contracts must pass the ecosystem's own
// tools. Prints every problem it finds and exits 1 if there is any.
import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const problems = [];

// docs/asyncapi.yaml: parsed and validated by the official AsyncAPI parser. Errors and warnings fail;
// informational notes (such as "a newer AsyncAPI version exists") are not printed.
async function checkAsyncApi() {
  const file = 'docs/asyncapi.yaml';
  const { document, diagnostics } = await new Parser().parse(readFileSync(join(root, file), 'utf8'), { source: file });
  const severities = ['error', 'warning'];
  const serious = diagnostics.filter(d => d.severity < severities.length);
  for (const d of serious) {
    console.log(`  ${severities[d.severity]} ${file} at ${d.path.join('.') || '(root)'}: ${d.message} [${d.code}]`);
  }
  if (!document || serious.length > 0) problems.push(`${file}: the AsyncAPI parser reports ${serious.length} problem(s)`);
  else console.log(`  ${file}: parsed by @asyncapi/parser, no errors or warnings`);
}

console.log('== AsyncAPI');
await checkAsyncApi();

if (problems.length > 0) {
  console.log(`\ncontract check failed:\n${problems.map(p => '  ' + p).join('\n')}`);
  process.exit(1);
}
console.log('\ncontract check passed');
