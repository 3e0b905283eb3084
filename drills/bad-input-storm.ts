import fc from 'fast-check';
import { shiftInput, workerInput } from '../test/support/people';
import { check, size, type Drill } from './drill';
import { Api } from './support/api';
import { Cluster } from './support/cluster';
import { loadContract, nasty, rolesOf, SchemaArbitraries, type Operation } from './support/openapi';
import { waitFor } from '../test/support/wait-for';

/**
 * Tables a refused request writes to on purpose: a wrong sign-in code counts a try (five, then
 * the code is dead); a refused staff password counts a failure (five in a row lock the phone).
 */
const WRITTEN_BY_REFUSALS: Record<string, string> = {
  otp_codes: 'a wrong code counts a try',
  staff_sign_in_failures: 'a wrong password counts a failure',
};

/**
 * A bad-input storm generated from the merged OpenAPI document: for every operation, requests
 * whose path ids, query and body fast-check draws from the operation's own schemas and then
 * breaks (another type, out of range, enormous, absent, JSON of no shape), each sent with a token
 * of a role that may call it. No answer may be a 5xx, and a refused request (4xx) must leave the
 * database as it was: every table is checksummed before and after each request. The worker is
 * stopped for the storm so the only writes are the requests'.
 */
export const badInputStorm: Drill = {
  name: 'bad-input-storm',
  what: 'fast-check requests from the OpenAPI document to every route: 0 × 5xx, the database unchanged by refused requests',
  ci: true,
  async run(options) {
    const perOperation = size('BAD_INPUT_PER_ROUTE', 40, 12, options);
    const seed = Number(process.env.DRILL_SEED ?? Date.now() % 1_000_000);
    const contract = loadContract();
    const arbitraries = new SchemaArbitraries(contract.schemas);
    const cluster = await new Cluster().start();
    try {
      const api = new Api(cluster.url);
      // A small market for the ids to aim at: a shift with an application and a booking, a seeker, an employer.
      const staff = await api.signInAdmin();
      const employer = await api.verifiedEmployer('13600000801', staff);
      const seekerToken = await api.signIn('13700008001', 'worker');
      const seeker = await api.expect<{ id: string }>(201, api.post('/api/workers', seekerToken, workerInput({ name: '钱多' })), 'a profile');
      const shift = await api.expect<{ id: string }>(201, api.post('/api/shifts', employer.token, shiftInput({ publish: true }, 4)), 'a shift');
      const other = await api.expect<{ id: string }>(201, api.post('/api/shifts', employer.token, shiftInput({ publish: true }, 6)), 'a shift');
      const application = await api.expect<{ id: string }>(201, api.post(`/api/shifts/${shift.id}/applications`, seekerToken, {}), 'applying');
      const booking = await api.expect<{ id: string }>(201, api.post(`/api/applications/${application.id}/accept`, employer.token), 'booking');
      const pending = await api.expect<{ id: string }>(201, api.post(`/api/shifts/${other.id}/applications`, seekerToken, {}), 'applying');
      const adminId = (await cluster.db.query(`SELECT id FROM accounts WHERE role = 'admin' LIMIT 1`)).rows[0].id as string;
      const ids: Record<string, string[]> = {
        shifts: [shift.id, other.id],
        applications: [application.id, pending.id],
        bookings: [booking.id],
        employers: [employer.id],
        workers: [seeker.id],
        staff: [adminId],
      };
      const tokens: Record<string, string> = { worker: seekerToken, employer: employer.token, staff, admin: staff, any: seekerToken };

      // Quiet: every event relayed and handled, then no worker, so only the requests write.
      await waitFor(
        'the worker to finish the setup’s work',
        async () => (await cluster.db.query(`SELECT (SELECT count(*) FROM outbox_events WHERE relayed_at IS NULL) + (SELECT count(*) FROM notifications WHERE status IN ('queued', 'sending')) AS n`)).rows[0].n as string,
        (left) => left === '0',
        60_000,
      );
      await new Promise((settle) => setTimeout(settle, 2000));
      for (const worker of cluster.running('worker')) await worker.stop();
      await cluster.db.query(CHECKSUM_FUNCTION);
      const checksums = async () => new Map(((await cluster.db.query(`SELECT tbl, sum FROM drill_checksums()`)).rows as { tbl: string; sum: string }[]).map((row) => [row.tbl, row.sum]));

      // Operations that erase or disable the very accounts the storm signs with go last.
      const destructive = (operation: Operation) => operation.method === 'DELETE' || /\/disable$/.test(operation.path);
      const operations = [...contract.operations].sort((a, b) => Number(destructive(a)) - Number(destructive(b)));
      const statuses = new Map<number, number>();
      const problems: string[] = [];
      let sent = 0;
      let refused = 0;
      let refusedThatWrote = 0;
      let before = await checksums();
      options.log(`${operations.length} operations × ${perOperation} requests, seed ${seed}`);
      for (const [index, operation] of operations.entries()) {
        const requests = fc.sample(requestsFor(operation, arbitraries, ids), { numRuns: perOperation, seed: seed + index });
        const role = rolesOf(operation)[0];
        for (const drawn of requests) {
          const token = role === undefined || drawn.anonymous ? undefined : tokens[role];
          const answer = await send(api, operation, drawn, token);
          sent += 1;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const after = await checksums();
          if (answer.status >= 500 || answer.status === 0)
            problems.push(`${operation.method} ${drawn.path} answered ${answer.status} to ${describe(drawn)}: ${JSON.stringify(answer.body).slice(0, 300)}`);
          if (answer.status >= 400 && answer.status < 500) {
            refused += 1;
            const changed = [...after].filter(([table, sum]) => before.get(table) !== sum && !(table in WRITTEN_BY_REFUSALS)).map(([table]) => table);
            if (changed.length > 0) {
              refusedThatWrote += 1;
              problems.push(`${operation.method} ${drawn.path} was refused (${answer.status}) but changed ${changed.join(', ')}; it was sent ${describe(drawn)}`);
            }
          }
          before = after;
        }
      }
      const errors = [...statuses].filter(([status]) => status >= 500 || status === 0).reduce((sum, [, n]) => sum + n, 0);
      check(problems, errors === 0, `${errors} answers were 5xx or no answer`);
      return {
        counts: { routes: operations.length, requests: sent, refused, '× 5xx': errors, 'refused that wrote': refusedThatWrote },
        notes: [`answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; seed ${seed} (DRILL_SEED to repeat)`],
        problems: problems.slice(0, 20).concat(problems.length > 20 ? [`…and ${problems.length - 20} more`] : []),
      };
    } finally {
      await cluster.close();
    }
  },
};

interface DrawnRequest {
  path: string;
  query: string;
  body?: unknown;
  /** Sent without a token, to the routes that take one. */
  anonymous: boolean;
}

/** Which known ids a path's `{id}` could be, by the collection it follows (`/api/shifts/{id}` → shifts). */
function knownIdsFor(path: string, ids: Record<string, string[]>): string[] {
  const collection = /\/api\/(?:matching\/)?(?:dispatch\/)?([a-z]+)\/\{id\}/.exec(path)?.[1] ?? '';
  return ids[collection] ?? [];
}

function requestsFor(operation: Operation, arbitraries: SchemaArbitraries, ids: Record<string, string[]>): fc.Arbitrary<DrawnRequest> {
  const pathParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
  const queryParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
  const known = knownIdsFor(operation.path, ids);
  const idArbitrary = fc.oneof(
    { weight: 3, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', 'null', '%00', '..', "1' OR '1'='1", 'x'.repeat(5000)) },
  );
  const path = fc.tuple(...pathParams.map(() => idArbitrary)).map((values) => {
    let filled = operation.path;
    pathParams.forEach((parameter, i) => (filled = filled.replace(`{${parameter.name}}`, encodeURIComponent(String(values[i])))));
    return filled;
  });
  const queryValue = (schema = {}) => fc.oneof(arbitraries.valid(schema), nasty, fc.string({ maxLength: 50, unit: 'binary' }));
  const query = fc
    .tuple(...queryParams.map((parameter) => fc.option(queryValue(parameter.schema), { nil: undefined })), fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string()), { nil: undefined }))
    .map((values) => {
      const search = new URLSearchParams();
      queryParams.forEach((parameter, i) => {
        const value = values[i];
        if (value !== undefined) search.append(parameter.name, typeof value === 'string' ? value : JSON.stringify(value));
      });
      const extra = values[queryParams.length] as [string, string] | undefined;
      if (extra) search.append(extra[0], extra[1]);
      const text = search.toString();
      return text ? `?${text}` : '';
    });
  const schema = operation.requestBody?.content['application/json']?.schema;
  const body = schema ? fc.oneof({ weight: 1, arbitrary: arbitraries.valid(schema) }, { weight: 5, arbitrary: arbitraries.hostile(schema) }) : fc.constant(undefined);
  return fc.record({ path, query, body, anonymous: fc.boolean().map((coin) => coin && Math.random() < 0.2) });
}

async function send(api: Api, operation: Operation, drawn: DrawnRequest, token: string | undefined) {
  const url = `${api.base}${drawn.path}${drawn.query}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const hasBody = drawn.body !== undefined && operation.method !== 'GET';
  if (hasBody) headers['content-type'] = 'application/json';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const response = await fetch(url, { method: operation.method, headers, body: hasBody ? JSON.stringify(drawn.body) : undefined, signal: controller.signal });
    // The kiosk stream never ends: its status and first bytes are the answer.
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, body: 'event stream' };
    }
    const text = await response.text();
    return { status: response.status, body: text.slice(0, 500) };
  } catch (error) {
    return { status: 0, body: String(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describe(drawn: DrawnRequest): string {
  const body = drawn.body === undefined ? 'no body' : JSON.stringify(drawn.body);
  return `query ${drawn.query.slice(0, 200) || 'none'}, body ${body.length > 300 ? `${body.slice(0, 300)}…(${body.length} chars)` : body}${drawn.anonymous ? ', no token' : ''}`;
}

/** Every table's row count and content hash in one round trip (the drill's own database only). */
const CHECKSUM_FUNCTION = `
CREATE OR REPLACE FUNCTION drill_checksums() RETURNS TABLE(tbl text, sum text) LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
  FOR t IN SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'spatial_ref_sys')
  LOOP
    tbl := t;
    EXECUTE format('SELECT count(*) || '':'' || md5(coalesce(string_agg(x::text, ''|'' ORDER BY x::text), '''')) FROM %I x', t) INTO sum;
    RETURN NEXT;
  END LOOP;
END $$`;
