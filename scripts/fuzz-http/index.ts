/**
 * Fuzzes the built gateway's HTTP surface with generated malformed and hostile requests, and with
 * providers that answer broken, and reports every broken promise: a 500, a 5xx for a client's
 * mistake, an error body that is not JSON or a 400 that names no field, an answer cut short, a
 * stream without its end, a slow or missing answer, a dead process, an error or crash in its log,
 * a secret in an answer or a log line. Only 127.0.0.1 is used.
 *
 *   npm run fuzz:http -- [--seed 1] [--cases 3000] [--seconds 180] [--concurrency 4] [--report findings.json]
 *   npm run fuzz:http -- --seed 1 --case N        (replays case N of that seed and prints what was sent and answered)
 *
 * Exits 1 when there are findings.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { caseOf, type FuzzCase } from './cases';
import { startGateway, type LogFinding, type RunningGateway } from './gateway';
import { Random } from './random';
import { startUpstreams, type Upstreams } from './upstreams';
import { verdict, type Finding } from './verdict';
import { exchange, requestBytes, type WireResult } from './wire';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cases: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '180' },
    concurrency: { type: 'string', default: '4' },
    case: { type: 'string' },
    report: { type: 'string' },
  },
});
const seed = Number(values.seed);

/** Runs one case: the upstream mutation (if any) is held for the case's whole exchange. */
async function runCase(fuzzCase: FuzzCase, gateway: RunningGateway, upstreams: Upstreams, upstreamTurn: { chain: Promise<void> }): Promise<WireResult> {
  const send = () => exchange({ port: gateway.port, steps: fuzzCase.steps, expected: fuzzCase.expected, timeoutMs: fuzzCase.timeoutMs, heads: fuzzCase.heads });
  if (fuzzCase.upstream === undefined) return send();
  const previous = upstreamTurn.chain;
  let release = () => undefined as void;
  upstreamTurn.chain = new Promise((resolve) => (release = resolve));
  await previous;
  upstreams.setMutation(fuzzCase.upstream);
  try {
    return await send();
  } finally {
    upstreams.setMutation(null);
    release();
  }
}

async function healthFinding(gateway: RunningGateway): Promise<string | null> {
  if (gateway.child.exitCode !== null) return `the gateway exited with ${gateway.child.exitCode}`;
  const result = await exchange({
    port: gateway.port,
    steps: [
      {
        write: requestBytes({
          method: 'GET',
          target: '/health',
          headers: [
            ['Host', '127.0.0.1'],
            ['Connection', 'close'],
          ],
        }),
      },
    ],
    expected: 1,
    timeoutMs: 3_000,
  });
  return result.answers[0]?.status === 200 ? null : `/health answered ${result.answers[0]?.status ?? 'nothing'} (${result.ending}, ${result.elapsedMs} ms)`;
}

function printCase(fuzzCase: FuzzCase, result: WireResult, findings: Finding[]): void {
  const sent = Buffer.concat(fuzzCase.steps.flatMap((step) => ('write' in step ? [Buffer.from(step.write)] : [])));
  console.log(`case ${fuzzCase.id} (${fuzzCase.family}): ${fuzzCase.description}`);
  if (fuzzCase.upstream) console.log(`upstream: ${JSON.stringify(fuzzCase.upstream, (_key, value: unknown) => (typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}…` : value))}`);
  console.log(`--- sent (${sent.length} bytes)\n${sent.toString('latin1').slice(0, 3_000)}`);
  console.log(`--- ${result.ending} after ${result.elapsedMs} ms`);
  for (const answer of result.answers) console.log(`${answer.status} ${JSON.stringify(answer.headers)}\n${answer.body.toString('utf8').slice(0, 3_000)}`);
  console.log(`--- findings\n${findings.map((item) => `${item.rule}`).join('\n') || 'none'}`);
}

/** Log findings as report findings, each tied to its case when the line names the case's request id. */
function fromLog(lines: LogFinding[]): Finding[] {
  return lines.map(({ rule, line }) => {
    const caseId = Number(/"request_id":"fuzz-(\d+)"/.exec(line)?.[1] ?? -1);
    return { rule, caseId, family: 'log', description: '', status: null, excerpt: line.slice(0, 600) };
  });
}

function summarise(findings: Finding[], statuses: Map<string, number>, ran: number, elapsedMs: number): void {
  console.log(`\n${ran} cases in ${(elapsedMs / 1_000).toFixed(0)} s (seed ${seed})`);
  const families = [...new Set([...statuses.keys()].map((key) => key.split(' ')[0]))].sort();
  for (const family of families) {
    const counts = [...statuses].filter(([key]) => key.startsWith(`${family} `)).map(([key, count]) => `${key.split(' ')[1]}×${count}`);
    console.log(`  ${family.padEnd(12)} ${counts.join(' ')}`);
  }
  const byRule = new Map<string, Finding[]>();
  for (const item of findings) byRule.set(item.rule.replace(/\d+ ms\)/, 'N ms)'), [...(byRule.get(item.rule) ?? []), item]);
  console.log(findings.length === 0 ? '\nno findings' : `\n${findings.length} findings:`);
  for (const [rule, items] of byRule) {
    console.log(`\n* ${rule} (${items.length})`);
    for (const item of items.slice(0, 5))
      console.log(`  case ${item.caseId} [${item.family}] ${item.description.slice(0, 160)}\n    ${item.status ?? ''} ${item.excerpt.slice(0, 300).replace(/\n/g, '\\n')}`);
  }
}

async function main(): Promise<void> {
  const upstreams = await startUpstreams();
  const gateway = await startGateway(upstreams);
  const upstreamTurn = { chain: Promise.resolve() };
  const findings: Finding[] = [];
  try {
    if (values.case !== undefined) {
      const fuzzCase = caseOf(Random.forCase(seed, Number(values.case)), Number(values.case));
      const result = await runCase(fuzzCase, gateway, upstreams, upstreamTurn);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const caseFindings = [...verdict(fuzzCase, result), ...fromLog(gateway.takeLogFindings())];
      printCase(fuzzCase, result, caseFindings);
      process.exitCode = caseFindings.length > 0 ? 1 : 0;
      return;
    }
    const statuses = new Map<string, number>();
    /** Valid requests a provider or the gateway refused: not findings, but a sign of seeds that test less than they should. */
    const refusedValid: string[] = [];
    const started = Date.now();
    const deadline = started + Number(values.seconds) * 1_000;
    const total = Number(values.cases);
    let next = 0;
    let ran = 0;
    let dead = false;
    const worker = async () => {
      while (next < total && Date.now() < deadline && !dead) {
        const id = next++;
        const fuzzCase = caseOf(Random.forCase(seed, id), id);
        const result = await runCase(fuzzCase, gateway, upstreams, upstreamTurn);
        ran += 1;
        const key = `${fuzzCase.family} ${result.answers.map((answer) => answer.status).join('+') || result.ending}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        findings.push(...verdict(fuzzCase, result));
        const refused = result.answers.find((answer) => answer.status >= 400 && answer.status !== 429);
        if (fuzzCase.family === 'valid' && refused) refusedValid.push(`case ${id} ${fuzzCase.description.slice(0, 100)}: ${refused.status} ${refused.body.toString('utf8').slice(0, 200)}`);
        if (ran % 250 === 0 || gateway.child.exitCode !== null) {
          const problem = await healthFinding(gateway);
          if (problem) {
            findings.push({ rule: problem, caseId: id, family: 'health', description: 'after this case', status: null, excerpt: '' });
            dead = gateway.child.exitCode !== null;
          }
          process.stdout.write(`\r${ran} cases, ${findings.length} findings`);
        }
      }
    };
    await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
    const problem = await healthFinding(gateway);
    if (problem) findings.push({ rule: problem, caseId: -1, family: 'health', description: 'at the end', status: null, excerpt: '' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    findings.push(...fromLog(gateway.takeLogFindings()));
    summarise(findings, statuses, ran, Date.now() - started);
    if (refusedValid.length > 0) console.log(`\nvalid requests refused (${refusedValid.length}; not findings):\n  ${refusedValid.slice(0, 8).join('\n  ')}`);
  } finally {
    const code = await gateway.stop();
    const late = fromLog(gateway.takeLogFindings());
    if (code !== 0) late.push({ rule: `the gateway exited with ${code} on SIGTERM`, caseId: -1, family: 'health', description: '', status: null, excerpt: '' });
    findings.push(...late);
    for (const item of late) console.log(`* ${item.rule}: ${item.excerpt.slice(0, 300)}`);
    await upstreams.close();
    if (values.report) writeFileSync(values.report, JSON.stringify(findings, null, 2));
    if (values.case === undefined) process.exitCode = findings.length > 0 ? 1 : 0;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
