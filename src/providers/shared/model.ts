/** Config-load checks shared by hosted providers. */

/** The configured `model.name`; providers whose API needs a model refuse an endpoint without one. */
export function requireModelName(modelName: string | null, provider: string): string {
  if (modelName === null || modelName === '') {
    throw new Error(`${provider} needs 'model.name' (the ${provider} model to call)`);
  }
  return modelName;
}
