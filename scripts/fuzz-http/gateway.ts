/**
 * The built gateway (`dist/src/main.js`) started as a user would, on a config with endpoints of
 * three vendors, traffic routes, client keys and limits; its log lines are read as they come for
 * crashes, errors and secrets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Upstreams } from './upstreams';
import { COMPLETIONS_MODELS } from './upstreams';

export const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

/** Every secret of the config: none may appear in an answer or a log line. */
export const SECRETS = {
  OPENAI_KEY: 'sk-proj-fuzzOPENAI-31337-secret',
  ANTHROPIC_KEY: 'sk-ant-api03-fuzzANTHROPIC-4242-secret',
  GEMINI_KEY: 'AIzaSyFuzzGEMINI-0000-secret',
  CLIENT_KEY: 'gw-fuzz-client-key-full-0001',
  NARROW_KEY: 'gw-fuzz-client-key-narrow-0002',
  LIMITED_KEY: 'gw-fuzz-client-key-limited-0003',
} as const;

/** A line of the config file: an answer holding it served the file (path traversal). */
export const CONFIG_MARKER = 'fuzz-config-marker-7f3a9c';

export const CHAT_ENDPOINTS = ['chat-openai', 'chat-anthropic', 'chat-gemini', 'limited-chat', 'split-chat'] as const;
export const COMPLETIONS_ENDPOINTS = ['completions-openai', 'completions-anthropic', 'completions-gemini'] as const;
export const EMBEDDINGS_ENDPOINTS = ['embeddings-openai', 'embeddings-gemini'] as const;
export const MUTANT_ENDPOINTS = {
  chat: ['mutant-chat-openai', 'mutant-chat-anthropic', 'mutant-chat-gemini', 'fallback-chat'],
  completions: ['mutant-completions-openai'],
  embeddings: ['mutant-embeddings-openai', 'mutant-embeddings-gemini'],
} as const;

/** The `server:` timeouts the slow-client cases wait out. */
export const SERVER_TIMEOUTS = { requestSeconds: 3, headersSeconds: 1.5 };

function configText(upstreams: Upstreams): string {
  const { urls, mutatingUrls } = upstreams;
  const openai = (base: string) => `{ openai_api_key: $OPENAI_KEY, openai_api_base: "${base}/v1" }`;
  const anthropic = (base: string) => `{ anthropic_api_key: $ANTHROPIC_KEY, anthropic_api_base: "${base}/v1", max_tokens: 256 }`;
  const gemini = (base: string) => `{ gemini_api_key: $GEMINI_KEY, gemini_api_base: "${base}/v1beta" }`;
  const endpoint = (name: string, type: string, provider: string, model: string, config: string, extra = '') =>
    `  - name: ${name}\n    endpoint_type: llm/v1/${type}\n    model: { provider: ${provider}, name: ${model}, config: ${config} }\n${extra}`;
  const mutant = '    retries: { max_attempts: 1 }\n    timeouts: { first_byte: 1, idle: 1, total: 3 }\n';
  return `# ${CONFIG_MARKER}
defaults:
  retries: { max_attempts: 2, initial_backoff: 0.01, max_backoff: 0.05 }
  timeouts: { connect: 2, first_byte: 3, idle: 2, total: 6 }
endpoints:
${endpoint('chat-openai', 'chat', 'openai', 'gpt-4o-mini', openai(urls.openai))}\
${endpoint('completions-openai', 'completions', 'openai', 'gpt-3.5-turbo-instruct', openai(urls.openai))}\
${endpoint('embeddings-openai', 'embeddings', 'openai', 'text-embedding-3-small', openai(urls.openai))}\
${endpoint('chat-anthropic', 'chat', 'anthropic', 'claude-sonnet-4-5', anthropic(urls.anthropic))}\
${endpoint('completions-anthropic', 'completions', 'anthropic', COMPLETIONS_MODELS.anthropic, anthropic(urls.anthropic))}\
${endpoint('chat-gemini', 'chat', 'gemini', 'gemini-2.5-flash', gemini(urls.gemini))}\
${endpoint('completions-gemini', 'completions', 'gemini', COMPLETIONS_MODELS.gemini, gemini(urls.gemini))}\
${endpoint('embeddings-gemini', 'embeddings', 'gemini', 'gemini-embedding-001', gemini(urls.gemini))}\
${endpoint('limited-chat', 'chat', 'openai', 'gpt-4o-mini', openai(urls.openai), '    limit: { calls: 40, renewal_period: minute }\n')}\
${endpoint('mutant-chat-openai', 'chat', 'openai', 'gpt-4o-mini', openai(mutatingUrls.openai), mutant)}\
${endpoint('mutant-completions-openai', 'completions', 'openai', 'gpt-3.5-turbo-instruct', openai(mutatingUrls.openai), mutant)}\
${endpoint('mutant-embeddings-openai', 'embeddings', 'openai', 'text-embedding-3-small', openai(mutatingUrls.openai), mutant)}\
${endpoint('mutant-chat-anthropic', 'chat', 'anthropic', 'claude-sonnet-4-5', anthropic(mutatingUrls.anthropic), mutant)}\
${endpoint('mutant-chat-gemini', 'chat', 'gemini', 'gemini-2.5-flash', gemini(mutatingUrls.gemini), mutant)}\
${endpoint('mutant-embeddings-gemini', 'embeddings', 'gemini', 'gemini-embedding-001', gemini(mutatingUrls.gemini), mutant)}\
routes:
  - name: split-chat
    task_type: llm/v1/chat
    destinations: [{ name: chat-openai, traffic_percentage: 40 }, { name: chat-anthropic, traffic_percentage: 30 }, { name: chat-gemini, traffic_percentage: 30 }]
  - name: fallback-chat
    task_type: llm/v1/chat
    routing_strategy: FALLBACK
    destinations: [{ name: mutant-chat-openai }, { name: mutant-chat-gemini }, { name: chat-anthropic }]
auth:
  api_keys:
    - { name: full, key: $CLIENT_KEY }
    - { name: narrow, key: $NARROW_KEY, endpoints: [chat-openai, embeddings-gemini, split-chat] }
    - { name: limited, key: $LIMITED_KEY, limit: { calls: 30, renewal_period: minute } }
  public_docs: true
  public_endpoint_list: false
  public_metrics: false
logging:
  bodies: true
  max_body_size: 4kb
server:
  max_body_size: 1mb
  max_json_depth: 64
  max_json_keys: 1000
  request_timeout: ${SERVER_TIMEOUTS.requestSeconds}
  headers_timeout: ${SERVER_TIMEOUTS.headersSeconds}
  keep_alive_timeout: 5
  shutdown_timeout: 2
`;
}

/** A log line (or stderr text) the run reports. */
export interface LogFinding {
  rule: string;
  line: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  child: ChildProcess;
  /** Log findings so far (taken: each is returned once). */
  takeLogFindings(): LogFinding[];
  stop(): Promise<number | null>;
}

/** Whether a log line is one the run reports: errors, crashes, secrets, or not JSON at all. */
export function logLineFinding(line: string): LogFinding | null {
  const secret = Object.entries(SECRETS).find(([, value]) => line.includes(value));
  if (secret) return { rule: `secret ${secret[0]} in a log line`, line };
  let parsed: { level?: number; msg?: string; code?: string };
  try {
    parsed = JSON.parse(line) as { level?: number; msg?: string; code?: string };
  } catch {
    return { rule: 'a log line that is not JSON', line };
  }
  // A provider's answer its translation could not read is logged with the translation's error, by design.
  if ((parsed.level ?? 0) >= 50 && parsed.code !== 'upstream_unreadable') return { rule: `a log line at level ${parsed.level}: ${parsed.msg}`, line };
  return null;
}

export async function startGateway(upstreams: Upstreams): Promise<RunningGateway> {
  const directory = mkdtempSync(join(tmpdir(), 'fuzz-http-'));
  const configPath = join(directory, 'config.yaml');
  writeFileSync(configPath, configText(upstreams));
  const child = spawn(process.execPath, [MAIN, '--config-path', configPath, '--host', '127.0.0.1', '--port', '0'], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...SECRETS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Whatever ends the fuzzer ends its gateway.
  process.once('exit', () => child.kill('SIGKILL'));
  const findings: LogFinding[] = [];
  let pending = '';
  let port = 0;
  const portFound = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code} before listening`)));
    child.stdout!.on('data', (data: Buffer) => {
      pending += data.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        const finding = logLineFinding(line);
        if (finding) findings.push(finding);
        const listening = / listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
        if (listening) resolve((port = Number(listening[1])));
      }
    });
  });
  child.stderr!.on('data', (data: Buffer) => findings.push({ rule: 'output on stderr', line: data.toString('utf8') }));
  await portFound;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    takeLogFindings: () => findings.splice(0),
    stop: async () => {
      const exited = new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(directory, { recursive: true, force: true });
      return code;
    },
  };
}
