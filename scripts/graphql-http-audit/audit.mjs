// Runs the GraphQL-over-HTTP conformance audits of graphql-http against the URL given as the
// first argument, prints one line per audit, and exits non-zero unless every audit passed
// (a warning or a notice counts as a failure).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:8080/graphql');
  process.exit(2);
}

const audits = serverAudits({ url, fetchFn: fetch });
let passed = 0;
let failed = 0;
for (const audit of audits) {
  const result = await audit.fn();
  if (result.status === 'ok') {
    passed += 1;
    console.log(`ok      ${result.id} ${result.name}`);
  } else {
    failed += 1;
    const detail = result.response
      ? ` (${result.response.status}: ${await result.response.text().catch(() => '')})`
      : '';
    console.log(`${result.status.padEnd(7)} ${result.id} ${result.name}: ${result.reason}${detail}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed === audits.length ? 0 : 1);
