/**
 * AI21 Labs (`ai21labs`, `ai21labs_api_base`, default `https://api.ai21.com/studio/v1`,
 * `Authorization: Bearer <key>`): Jurassic-2 completions, as in the reference (completions.ts).
 * Code layout: completions.ts (the J2 complete API), this file (the adapter).
 */
import type { AI21LabsConfig } from '../../../generated/config';
import { checkParameterDefaults } from '../shared/parameter-defaults';
import { createUpstream } from '../transport/http';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from '../types';
import { ai21labsErrorMessage, AI21LABS_NAME, checkAI21Parameters, fromAI21Completions, toAI21Completions } from './completions';

export * from './completions';

// ---- Adapter ----

export const AI21LABS_DEFAULT_API_BASE = 'https://api.ai21.com/studio/v1';

export const ai21labsAdapter = {
  displayName: AI21LABS_NAME,
  endpointTypes: ['llm/v1/completions'],
  createEndpoint(settings: EndpointSettings<AI21LabsConfig>): ProviderEndpoint<CallContext> {
    const { ai21labs_api_key: key, ai21labs_api_base: base = AI21LABS_DEFAULT_API_BASE } = settings.config;
    if (!settings.modelName) throw new Error("AI21 Labs needs 'model.name' (e.g. j2-ultra): it is part of the URL");
    const model = settings.modelName;
    checkParameterDefaults(settings, { 'llm/v1/completions': checkAI21Parameters });
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: base,
      headers: { Authorization: `Bearer ${key}` },
      endpointName: settings.name,
      providerName: 'AI21 Labs',
      errorMessage: ai21labsErrorMessage,
    });
    const path = `${encodeURIComponent(model)}/complete`;
    return {
      completions: async (request, { abort }) =>
        fromAI21Completions(await upstream.postJson(path, toAI21Completions(request), { signal: abort }), { model, created: settings.now() }),
    };
  },
} satisfies ProviderAdapter<AI21LabsConfig, CallContext>;
