// Runs generated trigger handlers the way Lambda does, for cogwiz's tests:
// reads a JSON list of cases on stdin, calls each handler with its event and
// prints a JSON list of outcomes on stdout. One node process serves a whole
// batch, since starting node costs more than the handlers do.
//
// A case: { handler: "/abs/path/index.mjs", env: {NAME: value}, event: {...},
//           fetch: {status, body} }  (fetch answers every fetch() call)
// An outcome: { result } or { error }, plus requests: the fetch() calls made,
// and logs: what the handler wrote with console (CloudWatch, in Lambda).
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

// stdout carries the outcomes only.
let logs = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  console[level] = (...args) => logs.push(format(...args));
}

const input = JSON.parse(await readStdin());
const outcomes = [];
for (const c of input) {
  outcomes.push(await run(c));
}
process.stdout.write(JSON.stringify(outcomes));

async function run(c) {
  const saved = { ...process.env };
  Object.assign(process.env, c.env ?? {});
  const requests = [];
  logs = [];
  const realFetch = globalThis.fetch;
  if (c.fetch) {
    globalThis.fetch = async (url, init = {}) => {
      requests.push({ url: String(url), method: init.method ?? 'GET', body: init.body === undefined ? '' : String(init.body) });
      return new Response(JSON.stringify(c.fetch.body), { status: c.fetch.status ?? 200, headers: { 'content-type': 'application/json' } });
    };
  }
  try {
    const { handler } = await import(pathToFileURL(c.handler).href);
    // Lambda hands the handler a copy of the event it can change freely.
    const result = await handler(structuredClone(c.event), { functionName: 'test', awsRequestId: 'test' });
    return { result, requests, logs };
  } catch (err) {
    return { error: String(err?.message ?? err), errorName: err?.name ?? '', requests, logs };
  } finally {
    globalThis.fetch = realFetch;
    for (const k of Object.keys(process.env)) {
      if (!(k in saved)) delete process.env[k];
    }
    Object.assign(process.env, saved);
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
