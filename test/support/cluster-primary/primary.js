/**
 * A `--workers` primary (the built gateway's config sharing and metrics serving, from dist/) with
 * one worker that sends `process.argv[4]` (a JSON message) and dies at once. The primary is busy
 * until the worker is gone, so it reads the message before the end of the worker's IPC channel,
 * as a busy primary does in production. Prints `primary still alive` and exits 0 if it survives.
 */
const cluster = require('node:cluster');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [dist, configPath, message] = process.argv.slice(2);
const { loadConfig } = require(join(dist, 'src/server/reload.js'));
const { shareConfigWithWorkers } = require(join(dist, 'src/server/config-sharing.js'));
const { createLogger } = require(join(dist, 'src/server/logging.js'));
const { serveClusterMetrics } = require(join(dist, 'src/server/metrics.js'));

/** A dead child the primary has not reaped yet is a zombie. */
const isGone = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] === 'Z';
  } catch {
    return true;
  }
};

(async () => {
  writeFileSync(configPath, 'endpoints:\n  - name: chat\n    endpoint_type: llm/v1/chat\n    model: { provider: openai, name: gpt-4o-mini, config: { openai_api_key: sk-test } }\n');
  const logger = createLogger();
  shareConfigWithWorkers({ configPath, current: await loadConfig(configPath, logger), logger, pollIntervalMs: 60_000 });
  serveClusterMetrics();
  cluster.setupPrimary({ exec: join(__dirname, 'dying-worker.js'), args: [message] });
  const worker = cluster.fork();
  const deadline = Date.now() + 10_000;
  while (!isGone(worker.process.pid) && Date.now() < deadline) {
    // busy: the worker's message and its exit wait in the IPC channel
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  console.log('primary still alive');
  process.exit(0);
})();
