/**
 * A provider setting a built-in provider refuses when its endpoint is built: the config check
 * reports it at `endpoints[i].model.config.<key>` (config/provider-endpoint.ts) rather than at the
 * whole model, so the operator sees which key, and which item of a list, to fix.
 */
export class ConfigKeyError extends Error {
  /** The path of the refused value inside `model.config`, e.g. `['anthropic_beta', 1]`. */
  readonly key: readonly (string | number)[];

  constructor(message: string, key: readonly (string | number)[]) {
    super(message);
    this.name = 'ConfigKeyError';
    this.key = key;
  }
}
