// The contract check behind scripts/check-contracts: the published contracts must pass the ecosystem's own
// tools. Prints every problem it finds and exits 1 if there is any.
import { Parser } from '@asyncapi/parser';
import { apiCompare } from 'api-smart-diff';
import yaml from 'js-yaml';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tools = dirname(fileURLToPath(import.meta.url));
const root = join(tools, '..', '..');
const problems = [];
const services = ['designation-service', 'screening-service', 'notification-service'];
const update = process.argv.includes('--update');
// --base <git ref>: also compare the committed documents with those at that commit (e.g. main, to review a branch)
const base = process.argv.includes('--base') ? process.argv[process.argv.indexOf('--base') + 1] : undefined;
const committedOpenApi = service => `docs/openapi/${service}.yaml`;
// written by the service's build (quarkus.smallrye-openapi.store-schema-directory): ./mvnw package or verify
const builtOpenApi = service => `${service}/target/openapi/openapi.yaml`;

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

// docs/openapi/<service>.yaml is the committed contract: the document the build generates from the code must be
// the same, so that any change to the API shows up in a review as a change to that file. A difference fails;
// api-smart-diff says which of its changes break existing clients (breaking) and which do not.
// --update copies the built documents over the committed ones instead.
function checkOpenApiIsCommitted(service) {
  const committed = committedOpenApi(service), built = builtOpenApi(service);
  if (!existsSync(join(root, built))) {
    problems.push(`${built} is missing: build the service first (./mvnw package)`);
    return;
  }
  if (update) {
    copyFileSync(join(root, built), join(root, committed));
    console.log(`  ${committed}: updated from ${built}`);
    return;
  }
  if (!existsSync(join(root, committed))) {
    problems.push(`${committed} is missing: scripts/check-contracts --update writes it`);
    return;
  }
  const before = readFileSync(join(root, committed), 'utf8'), after = readFileSync(join(root, built), 'utf8');
  if (before === after) {
    console.log(`  ${committed}: the same as the document the build generated`);
    return;
  }
  const { diffs } = apiCompare(yaml.load(before), yaml.load(after));
  const breaking = diffs.filter(d => d.type === 'breaking');
  for (const d of diffs) {
    console.log(`  ${d.type.padEnd(12)} ${d.action} ${d.path.join(' > ')}${d.description ? ': ' + d.description : ''}`);
  }
  spawnSync('diff', ['-u', committed, built], { cwd: root, stdio: 'inherit' });
  problems.push(breaking.length > 0
    ? `${service}: the API changed with ${breaking.length} BREAKING change(s) for existing clients (listed above)`
      + `; if that is really intended, run scripts/check-contracts --update and commit ${committed}`
    : `${service}: the API changed (${diffs.length} change(s), none classified breaking); if intended, run`
      + ` scripts/check-contracts --update and commit ${committed}`);
}

// docs/openapi/<service>.yaml: linted by Redocly CLI with the rules in redocly.yaml (Redocly's recommended rules,
// warnings counted as errors).
function lintOpenApi() {
  const redocly = join(tools, 'node_modules', '.bin', 'redocly');
  const lint = spawnSync(redocly, ['lint', '--config', join(tools, 'redocly.yaml'), ...services.map(committedOpenApi)], {
    cwd: root, stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (lint.status !== 0) problems.push('Redocly lint found problems in docs/openapi/ (listed above)');
}

// With --base: the committed documents must not break a client written against those at the base commit. A
// breaking change fails even when committed, so a branch that breaks the API says so in its review.
function checkNoBreakingChangeSince(service) {
  const committed = committedOpenApi(service);
  const old = spawnSync('git', ['show', `${base}:${committed}`], { cwd: root, encoding: 'utf8' });
  if (old.status !== 0) {
    console.log(`  ${committed}: not at ${base}, nothing to compare`);
    return;
  }
  const { diffs } = apiCompare(yaml.load(old.stdout), yaml.load(readFileSync(join(root, committed), 'utf8')));
  const breaking = diffs.filter(d => d.type === 'breaking');
  for (const d of breaking) {
    console.log(`  breaking     ${d.action} ${d.path.join(' > ')}${d.description ? ': ' + d.description : ''}`);
  }
  if (breaking.length > 0) problems.push(`${committed}: ${breaking.length} BREAKING change(s) since ${base} (listed above)`);
  else console.log(`  ${committed}: ${diffs.length} change(s) since ${base}, none breaking`);
}

console.log('== AsyncAPI');
await checkAsyncApi();
console.log('== OpenAPI: the committed documents are the generated ones');
services.forEach(checkOpenApiIsCommitted);
console.log('== OpenAPI: Redocly lint, recommended rules');
lintOpenApi();
if (base) {
  console.log(`== OpenAPI: no breaking change since ${base}`);
  services.forEach(checkNoBreakingChangeSince);
}

if (problems.length > 0) {
  console.log(`\ncontract check failed:\n${problems.map(p => '  ' + p).join('\n')}`);
  process.exit(1);
}
console.log('\ncontract check passed');
