// Runs the graphql-http server audit (GraphQL over HTTP conformance)
// against a running c2c: C2C_URL (default http://127.0.0.1:8080) and a
// token in C2C_TOKEN, sent with every request the audit makes. Prints each
// audit that is not ok and the counts; exits 1 unless there are 0 errors
// and 0 warnings.
import { serverAudits } from 'graphql-http';

const base = (process.env.C2C_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const token = process.env.C2C_TOKEN;
if (!token) {
  console.error('C2C_TOKEN must hold a token of the server under audit');
  process.exit(2);
}

function fetchWithToken(url, init = {}) {
  const headers = new Headers(init.headers || {});
  headers.set('authorization', `Bearer ${token}`);
  return fetch(url, { ...init, headers });
}

const audits = serverAudits({ url: `${base}/graphql`, fetchFn: fetchWithToken });
const results = await Promise.all(audits.map(({ fn }) => fn()));
const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
for (const result of results) {
  counts[result.status] += 1;
  if (result.status !== 'ok') {
    const reason = result.reason ? `: ${result.reason}` : '';
    console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}${reason}`);
  }
}
console.log(
  `graphql-http audit of ${base}/graphql: ${results.length} audits, ` +
    `${counts.ok} pass, ${counts.warn} warnings, ${counts.notice} notices, ${counts.error} errors`,
);
process.exit(counts.error === 0 && counts.warn === 0 ? 0 : 1);
