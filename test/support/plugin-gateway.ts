/** Gateways in-process serving plugin providers installed in a temporary project (see plugin-packages.ts). */
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
  return startGatewayInProject(project, `plugins: [fake-plugin]\nendpoints:\n${endpointYaml}`, logger);
}

/** A gateway in-process on 127.0.0.1:0 whose config `text` is the file `gateway.yaml` of `project` (its plugins installed there). */
export async function startGatewayInProject(project: string, text: string, logger: Logger = silentLogger) {
  const configPath = join(project, 'gateway.yaml');
  writeFileSync(configPath, text);
  const config = parseConfigText(text, configPath, { env: {} });
  const plugins = await loadPlugins(config, configPath);
  const plan = compilePlan(config, configPath, { plugins, logger });
  const app = createApp({ plan }, { logger });
  const server = createGatewayServer(app, plan.server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
