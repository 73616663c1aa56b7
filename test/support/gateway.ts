/** Starts the gateway app in-process on 127.0.0.1:0 from YAML text. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { createApp, type AppOptions } from '../../src/server/app';
import { createGatewayServer } from '../../src/server/http-server';
import { silentLogger } from '../../src/server/logging';
import type { GatewayState } from '../../src/server/state';

export interface RunningGateway {
  url: string;
  state: GatewayState;
  close(): Promise<void>;
}

export const FIXED_NOW = 1_700_000_000;

export async function startGateway(configYaml: string, options: AppOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<RunningGateway> {
  const path = '/virtual/test-config.yaml';
  // The logger also gets the rate-limit store's lines (an outage), as in the CLI. Never a logger of
  // its own on standard output: each test file would add listeners to the one process.stdout.
  const plan = compilePlan(parseConfigText(configYaml, path, { env: options.env ?? {} }), path, { now: () => FIXED_NOW, logger: options.logger ?? silentLogger });
  const state: GatewayState = { plan };
  const app = createApp(state, { logger: silentLogger, ...options });
  const server: Server = createGatewayServer(app, plan.server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads a whole SSE body into its `data:` payloads (and `event:` names). */
export function parseSse(text: string): { event?: string; data: string }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      return event ? { event, data } : { data };
    });
}
