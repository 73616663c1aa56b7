/**
 * What an `openai_api_base` says about Azure OpenAI, read once at config load.
 *
 * - Azure's v1 API: `https://<resource>.openai.azure.com/openai/v1` (also on
 *   `*.cognitiveservices.azure.com` and `*.services.ai.azure.com`), model in the body, no api-version
 *   (https://learn.microsoft.com/azure/ai-foundry/openai/api-version-lifecycle).
 * - The deployment API: the resource alone, `https://<resource>.openai.azure.com`, to which the azure
 *   types add `/openai/deployments/<deployment>/...?api-version=`.
 *
 * Other servers use the `/openai/v1` path too (Groq's base is `https://api.groq.com/openai/v1`), so a
 * path alone never makes a base Azure's.
 */

/** Hosts of Azure OpenAI and Azure AI Foundry resources (`<resource>.openai.azure.com`, ...). */
const AZURE_HOST_SUFFIXES = ['.openai.azure.com', '.cognitiveservices.azure.com', '.services.ai.azure.com'];

/** Default gateway host of Azure API Management (`<instance>.azure-api.net`), which fronts any API, Azure OpenAI among them. */
const API_MANAGEMENT_HOST_SUFFIX = '.azure-api.net';

const V1_PATH = /\/openai\/v1\/?$/i;

function parse(base: string): URL | null {
  try {
    return new URL(base);
  } catch {
    return null;
  }
}

/** Whether the host is an Azure OpenAI or Azure AI Foundry resource. */
function isAzureResourceHost(base: string): boolean {
  const host = parse(base)?.hostname.toLowerCase() ?? '';
  return AZURE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** Whether the base's path is a v1 API's (`.../openai/v1`), on any host; for the azure types, Azure's v1 API or a proxy of it. */
export function hasV1Path(base: unknown): base is string {
  const url = typeof base === 'string' ? parse(base) : null;
  return url !== null && V1_PATH.test(url.pathname);
}

/**
 * Whether an `openai` endpoint's base is Azure's own API: an Azure resource host, or Azure API
 * Management's default host with the v1 path. A proxy on another host is named Azure by
 * `openai_api_type: azure` or `azuread` with its `/openai/v1` base.
 */
export function isAzureHostedBase(base: string): boolean {
  if (isAzureResourceHost(base)) return true;
  const host = parse(base)?.hostname.toLowerCase() ?? '';
  return host.endsWith(API_MANAGEMENT_HOST_SUFFIX) && hasV1Path(base);
}

/**
 * Why a base cannot be the deployment API's (the azure types add `/openai/deployments/<deployment>`
 * to it), or null: a deployment's URL (`.../openai/deployments/...`) on any host, or an Azure
 * resource's `/openai` path. Behind a proxy `/openai` may be the proxy's own prefix, so it stays.
 */
export function deploymentBaseProblem(base: string): 'deployment-url' | 'openai-path' | null {
  const url = parse(base);
  if (url === null) return null;
  if (/\/openai\/deployments(?:\/|$)/i.test(url.pathname)) return 'deployment-url';
  if (isAzureResourceHost(base) && /\/openai\/?$/i.test(url.pathname)) return 'openai-path';
  return null;
}
