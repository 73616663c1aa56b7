/**
 * The tokens on a request's audit line and in the token metrics: the usage an answer or a stream's
 * chunk reported, read into counts (a stream's estimate, when it reported none, is in
 * src/limits/stream-tokens.ts), and the web searches it reported, which bill apart.
 */
import type { EstimatedTokens } from '../limits/stream-tokens';
import { usageTotal } from '../providers/shared/usage';

/** Tokens as the provider reported them; a total it left out is its counts added up (`usageTotal`). */
export interface TokenUsage {
  prompt: number | null;
  completion: number | null;
  total: number | null;
  /** The counts that bill differently (usage's `*_tokens_details`); null when the answer had none, as most do. */
  details: TokenDetails | null;
  /** Web searches the provider ran (usage's `server_tool_use.web_search_requests`); null when it reported none. */
  webSearches: number | null;
}

/** What `prompt_tokens` and `completion_tokens` include, each null when the answer did not report it. */
export interface TokenDetails {
  /** Prompt tokens read from the provider's cache (billed at a fraction of the input price). */
  cached: number | null;
  /** Prompt tokens written to the cache (Anthropic, Bedrock: billed above the input price). */
  cacheCreation: number | null;
  /** Completion tokens the model spent thinking. */
  reasoning: number | null;
}

/** A count as reported; a negative one (a server's bug or placeholder) is none, or the token counters would go down. */
function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function detailsOf(promptDetails: unknown, completionDetails: unknown): TokenDetails | null {
  const prompt = (promptDetails ?? {}) as { cached_tokens?: unknown; cache_creation_tokens?: unknown };
  const completion = (completionDetails ?? {}) as { reasoning_tokens?: unknown };
  const details = { cached: count(prompt.cached_tokens), cacheCreation: count(prompt.cache_creation_tokens), reasoning: count(completion.reasoning_tokens) };
  return details.cached === null && details.cacheCreation === null && details.reasoning === null ? null : details;
}

/** Reads `usage` from a response body or a stream chunk; null when it has none. */
export function usageOf(body: unknown): TokenUsage | null {
  const usage = (body as { usage?: unknown } | null)?.usage;
  if (typeof usage !== 'object' || usage === null) return null;
  const { prompt_tokens, completion_tokens, prompt_tokens_details, completion_tokens_details, server_tool_use } = usage as Record<string, unknown>;
  // Most answers have no details: two property reads, no object built for them.
  const details = prompt_tokens_details == null && completion_tokens_details == null ? null : detailsOf(prompt_tokens_details, completion_tokens_details);
  return { prompt: count(prompt_tokens), completion: count(completion_tokens), total: usageTotal(usage), details, webSearches: webSearchesOf(server_tool_use) };
}

function webSearchesOf(serverToolUse: unknown): number | null {
  if (serverToolUse == null) return null;
  const searches = count((serverToolUse as { web_search_requests?: unknown }).web_search_requests);
  return searches !== null && searches > 0 ? searches : null;
}

/**
 * The token counts of an audit line: the reported usage, else a stream's estimate (then with
 * `tokens_estimated: true`, unless all its counts were reported), else nulls.
 */
export function addTokenCounts(line: Record<string, unknown>, usage: TokenUsage | null, estimate: EstimatedTokens | null): void {
  const counts = usage ?? estimate;
  line.prompt_tokens = counts?.prompt ?? null;
  line.completion_tokens = counts?.completion ?? null;
  line.total_tokens = counts?.total ?? null;
  if (usage === null && estimate !== null && estimate.reported !== true) line.tokens_estimated = true;
}

/** The detail counts and web searches the answer reported, after `total_tokens`; the others stay off the line. */
export function addUsageDetails(line: Record<string, unknown>, usage: TokenUsage): void {
  const { details, webSearches } = usage;
  if (details?.cached != null) line.cached_tokens = details.cached;
  if (details?.cacheCreation != null) line.cache_creation_tokens = details.cacheCreation;
  if (details?.reasoning != null) line.reasoning_tokens = details.reasoning;
  if (webSearches !== null) line.web_search_requests = webSearches;
}
