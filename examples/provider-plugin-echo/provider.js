// @ts-check
/**
 * `echo`: an example provider plugin for llm-gateway. It calls no network and answers every chat
 * or completions request with `<prefix><the last user message or the prompt>`, streamed word by
 * word when the client asks for a stream. Tokens are counted as whitespace-separated words.
 * It has no sampling, so sampling parameters (temperature, top_p, …) change nothing.
 *
 * Plain CommonJS with JSDoc types: no build step. The types come from the `llm-gateway` package
 * (a peer dependency, used for type checking only).
 */
'use strict';

/**
 * @typedef {{ prefix: string, uppercase?: boolean }} EchoConfig
 * @typedef {import('llm-gateway').ChatMessage} ChatMessage
 * @typedef {import('llm-gateway').ChatChunk} ChatChunk
 * @typedef {import('llm-gateway').CompletionsChunk} CompletionsChunk
 * @typedef {import('llm-gateway').Usage} Usage
 */

/** @param {ChatMessage['content']} content */
function messageText(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** @param {string} text */
function countWords(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Word-sized pieces that concatenate back to `text`. @param {string} text */
function pieces(text) {
  return text.match(/\S+\s*/g) ?? [text];
}

/** @param {string} prompt @param {string} answer @returns {Usage} */
function usage(prompt, answer) {
  const promptTokens = countWords(prompt);
  const completionTokens = countWords(answer);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

/** @param {ChatMessage[]} messages */
function lastUserText(messages) {
  const users = messages.filter((message) => message.role === 'user');
  return users.length > 0 ? messageText(users[users.length - 1].content) : '';
}

/**
 * Called once per configured endpoint, when the config is loaded: work out everything that does
 * not depend on the request here.
 * @param {import('llm-gateway').EndpointSettings<EchoConfig>} settings
 * @returns {import('llm-gateway').ProviderEndpoint}
 */
function createEndpoint(settings) {
  const { prefix, uppercase = false } = settings.config;
  const model = settings.modelName ?? 'echo';
  /** @param {string} text */
  const answerTo = (text) => {
    const answer = `${prefix}${text}`;
    return uppercase ? answer.toUpperCase() : answer;
  };
  let sequence = 0;
  const nextId = (/** @type {string} */ kind) => `${kind}-echo-${settings.name}-${(sequence += 1)}`;

  return {
    async chat(request) {
      const prompt = lastUserText(request.messages);
      const answer = answerTo(prompt);
      return {
        id: nextId('chatcmpl'),
        object: 'chat.completion',
        created: settings.now(),
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: answer, tool_calls: null, refusal: null }, finish_reason: 'stop' }],
        usage: usage(prompt, answer),
      };
    },

    async *chatStream(request) {
      const prompt = lastUserText(request.messages);
      const answer = answerTo(prompt);
      const base = { id: nextId('chatcmpl'), object: /** @type {const} */ ('chat.completion.chunk'), created: settings.now(), model };
      /** @param {Partial<ChatChunk['choices'][number]['delta']>} fields */
      const delta = (fields) => ({ role: null, content: null, tool_calls: null, ...fields });
      yield { ...base, choices: [{ index: 0, finish_reason: null, delta: delta({ role: 'assistant', content: '' }) }] };
      for (const piece of pieces(answer)) {
        yield { ...base, choices: [{ index: 0, finish_reason: null, delta: delta({ content: piece }) }] };
      }
      yield { ...base, choices: [{ index: 0, finish_reason: 'stop', delta: delta({}) }] };
      if (request.stream_options?.include_usage === true) yield { ...base, choices: [], usage: usage(prompt, answer) };
    },

    async completions(request) {
      const answer = answerTo(request.prompt);
      return {
        id: nextId('cmpl'),
        object: 'text_completion',
        created: settings.now(),
        model,
        choices: [{ index: 0, text: answer, finish_reason: 'stop' }],
        usage: usage(request.prompt, answer),
      };
    },

    async *completionsStream(request) {
      const answer = answerTo(request.prompt);
      const base = { id: nextId('cmpl'), object: /** @type {const} */ ('text_completion_chunk'), created: settings.now(), model };
      for (const piece of pieces(answer)) yield { ...base, choices: [{ index: 0, finish_reason: null, text: piece }] };
      yield { ...base, choices: [{ index: 0, finish_reason: 'stop', text: '' }] };
      if (request.stream_options?.include_usage === true) yield { ...base, choices: [], usage: usage(request.prompt, answer) };
    },
  };
}

/** @type {import('llm-gateway').ProviderAdapter<EchoConfig>} */
const provider = {
  displayName: 'Echo',
  endpointTypes: ['llm/v1/chat', 'llm/v1/completions'],
  createEndpoint,
};

module.exports = provider;
