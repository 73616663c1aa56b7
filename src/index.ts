/** Programmatic use: build the gateway app from a config file inside another Node program. */
export { createApp, type AppOptions } from './server/app';
export { compilePlan, type GatewayPlan } from './config/compile';
export { loadConfigFile, parseConfigText } from './config/load';
export { ConfigError, type ConfigIssue } from './config/config-error';
export { GatewayError } from './errors';
export { loadPlugins, type PluginAdapters } from './plugins/modules';
/** For provider plugins: the contract a plugin module's default export implements. */
export type { EndpointSettings, ProviderAdapter, ProviderEndpoint, RequestContext } from './providers/types';
export type * from './schema';
