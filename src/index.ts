/** Programmatic use: build the gateway app from a config file inside another Node program. */
export { createApp, type AppOptions } from './server/app';
export { compilePlan, type GatewayPlan } from './config/compile';
export { loadConfigFile, parseConfigText } from './config/load';
export { ConfigError, type ConfigIssue } from './config/config-error';
export { GatewayError } from './errors';
export type * from './schema';
