/** `--help` as a user first tries it: the usage on stdout and exit 0, with no config needed. */
import { runCli } from '../support/cli';
import { within } from '../support/timeouts';

const USAGE = 'usage: npm start -- --config-path <config.yaml> [--host 127.0.0.1] [--port 5000] [--workers 1]';
const CONFIG_VARIABLES = 'AI_GATEWAY_CONFIG, MLFLOW_GATEWAY_CONFIG or MLFLOW_DEPLOYMENTS_CONFIG';

test.each([['--help'], ['-h']])('%s prints the usage and where the config path may come from, and exits 0', async (flag) => {
  const run = runCli([flag]);
  try {
    expect(await within(run.exited, 10_000, 'the gateway exiting')).toBe(0);
  } finally {
    run.child.kill('SIGKILL');
  }
  expect(run.output()).toBe(`${USAGE}\nThe config path may also come from ${CONFIG_VARIABLES}.\n`);
});

test('without a config path the message names every variable the path may come from', async () => {
  const run = runCli(['--port', '0']);
  expect(await within(run.exited, 10_000, 'the gateway exiting')).toBe(2);
  expect(run.output()).toBe(`--config-path is required (or set ${CONFIG_VARIABLES})\n${USAGE}\n`);
});
