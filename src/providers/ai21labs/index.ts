/**
 * AI21 Labs (`ai21labs`, `ai21labs_api_base`, default `https://api.ai21.com/studio/v1`,
 * `Authorization: Bearer <key>`):
 * - chat → AI21's Jamba models on `POST {base}/chat/completions`, with tools and streams (chat.ts);
 * - completions → a Jamba model (`jamba-*`) through the same chat API, the prompt as one user
 *   message, streams too (chat.ts); a Jurassic-2 model (`j2-ultra`, `j2-mid`, `j2-light`, retired by
 *   AI21 in November 2024) on `POST {base}/{model}/complete`, as in the reference, without streams (completions.ts).
 * Which models an endpoint type takes is checked at config load (config/cross-field-issues.ts).
 * Error bodies are FastAPI's for both APIs (ai21labsErrorMessage).
 */
import type { AI21LabsConfig } from '../../../generated/config';
import { chatAnswerWithUsageAsEvents, completionsAnswerWithUsageAsEvents } from '../openai';
import { checkParameterDefaults } from '../shared/parameter-defaults';
import { createUpstream, type Upstream } from '../transport/http';
import { foldEvents } from '../transport/sse';
import type { CallContext, EndpointSettings, ProviderAdapter, ProviderEndpoint } from '../types';
import {
  checkJambaChatParameters,
  checkJambaCompletionsParameters,
  createJambaChatStream,
  createJambaCompletionsStream,
  fromJambaChat,
  fromJambaCompletions,
  toJambaChat,
  toJambaCompletions,
  type JambaAnswerContext,
} from './chat';
import { ai21labsErrorMessage, AI21LABS_NAME, checkAI21Parameters, fromAI21Completions, toAI21Completions } from './completions';
import { isJambaModel } from './models';

export * from './chat';
export * from './completions';
export * from './models';

export const AI21LABS_DEFAULT_API_BASE = 'https://api.ai21.com/studio/v1';
const CHAT_PATH = 'chat/completions';

function jambaChatEndpoint(upstream: Upstream, context: JambaAnswerContext): ProviderEndpoint<CallContext> {
  const { model } = context;
  return {
    chat: async (request, { abort }) => fromJambaChat(await upstream.postJson(CHAT_PATH, toJambaChat(request, { model }), { signal: abort }), context),
    chatStream: (request, { abort }) =>
      foldEvents(upstream.postStream(CHAT_PATH, toJambaChat(request, { model, stream: true }), { signal: abort, eventsOfAnswer: chatAnswerWithUsageAsEvents }), createJambaChatStream(context)),
  };
}

function jambaCompletionsEndpoint(upstream: Upstream, context: JambaAnswerContext): ProviderEndpoint<CallContext> {
  const { model } = context;
  return {
    completions: async (request, { abort }) => fromJambaCompletions(await upstream.postJson(CHAT_PATH, toJambaCompletions(request, { model }), { signal: abort }), context),
    completionsStream: (request, { abort }) =>
      foldEvents(
        upstream.postStream(CHAT_PATH, toJambaCompletions(request, { model, stream: true }), { signal: abort, eventsOfAnswer: completionsAnswerWithUsageAsEvents }),
        createJambaCompletionsStream(context),
      ),
  };
}

function jurassicCompletionsEndpoint(upstream: Upstream, { model, now }: JambaAnswerContext): ProviderEndpoint<CallContext> {
  const path = `${encodeURIComponent(model)}/complete`;
  return {
    completions: async (request, { abort }) => fromAI21Completions(await upstream.postJson(path, toAI21Completions(request), { signal: abort }), { model, created: now() }),
  };
}

export const ai21labsAdapter = {
  displayName: AI21LABS_NAME,
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions'],
  createEndpoint(settings: EndpointSettings<AI21LabsConfig>): ProviderEndpoint<CallContext> {
    const { ai21labs_api_key: key, ai21labs_api_base: base = AI21LABS_DEFAULT_API_BASE } = settings.config;
    if (!settings.modelName) throw new Error("AI21 Labs needs 'model.name' (e.g. jamba-large, or j2-ultra for completions)");
    const jamba = isJambaModel(settings.modelName);
    checkParameterDefaults(settings, {
      'llm/v1/chat': checkJambaChatParameters,
      'llm/v1/completions': jamba ? checkJambaCompletionsParameters : checkAI21Parameters,
    });
    const upstream = createUpstream({
      timeouts: settings.timeouts,
      maxAnswerBytes: settings.maxAnswerBytes,
      baseUrl: base,
      headers: { Authorization: `Bearer ${key}` },
      endpointName: settings.name,
      providerName: 'AI21 Labs',
      errorMessage: ai21labsErrorMessage,
    });
    const context: JambaAnswerContext = { model: settings.modelName, now: settings.now };
    switch (settings.endpointType) {
      case 'llm/v1/chat':
        return jambaChatEndpoint(upstream, context);
      case 'llm/v1/completions':
        return jamba ? jambaCompletionsEndpoint(upstream, context) : jurassicCompletionsEndpoint(upstream, context);
      case 'llm/v1/embeddings':
        throw new Error('AI21 Labs serves no embeddings');
      default: {
        const unreachable: never = settings.endpointType;
        throw new Error(`Unknown endpoint type '${String(unreachable)}'`);
      }
    }
  },
} satisfies ProviderAdapter<AI21LabsConfig, CallContext>;
