/** A gateway in-process whose one plugin provider `fake` is the given module source, for tests of how plugin failures are answered. */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { compilePlan } from '../../src/config/compile';
import { parseConfigText } from '../../src/config/load';
import { loadPlugins } from '../../src/plugins/modules';
import { createApp } from '../../src/server/app';
import { createGatewayServer } from '../../src/server/http-server';
import { silentLogger, type Logger } from '../../src/server/logging';
import { createProject, installProviderPackage } from './plugin-packages';

/** A gateway in-process serving one plugin provider `fake` whose module is `source` (CommonJS). */
export async function startPluginGateway(source: string, endpointYaml: string, logger: Logger = silentLogger) {
  const project = createProject('gateway-plugin-failures-');
  installProviderPackage(project, { packageName: 'fake-plugin', provider: 'fake', source });
  const configPath = join(project, 'gateway.yaml');
  const text = `plugins: [fake-plugin]\nendpoints:\n${endpointYaml}`;
  writeFileSync(configPath, text);
  const config = parseConfigText(text, configPath, { env: {} });
  const plugins = await loadPlugins(config, configPath);
  const plan = compilePlan(config, configPath, { plugins });
  const app = createApp({ plan }, { logger });
  const server = createGatewayServer(app, plan.server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
