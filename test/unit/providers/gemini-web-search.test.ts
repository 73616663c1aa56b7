/**
 * `web_search_options` on Gemini: the Google Search tool in the request, and the answer's
 * `groundingMetadata` as OpenAI `url_citation` annotations whose offsets count code points of the
 * message's `content` (Gemini counts UTF-8 bytes), answered or streamed. Payloads:
 * test/fixtures/gemini/chat-google-search*.
 */
import { createGeminiChatStream, fromGeminiChat, geminiThinkingControl, toGeminiChat, toGeminiCompletions } from '../../../src/providers/gemini';
import type { ChatChunk, ChatRequest } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, summariseChat } from '../../support/stream-replay';

const toFlashChat = (request: Partial<ChatRequest>) => toGeminiChat({ messages: [{ role: 'user', content: "Qui a gagné l'Euro 2024 ?" }], ...request } as ChatRequest, geminiThinkingControl('gemini-2.5-flash'));
const context = { model: 'gemini-2.5-flash', created: 1_700_000_000 };
const streamContext = { ...context, endpointName: 'gem', grounded: true };

/** The fixtures' answer: its two sentences and the pages Gemini cites. */
const ANSWER = "L'Espagne a remporté l'Euro 2024 🏆 en battant l'Angleterre 2-1 en finale à Berlin. C'est son quatrième titre européen, un record.";
const FIRST = "L'Espagne a remporté l'Euro 2024 🏆 en battant l'Angleterre 2-1 en finale à Berlin.";
const SECOND = "C'est son quatrième titre européen, un record.";
const REDIRECT = 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/';
const ALJAZEERA = { url: `${REDIRECT}AUZIYQFh2kq8Vb1mXo3Rz7TnLwE5aJcPdGyU0sKiM4vN`, title: 'aljazeera.com' };
const UEFA = { url: `${REDIRECT}AUZIYQGx7pT2nWcJ9eKbL4sHq1VmYdZr8FoUi3AtN6wE`, title: 'uefa.com' };
const WIKIPEDIA = { url: `${REDIRECT}AUZIYQEm5Rb0cXwT8yLq2HnVj7KdPs4GiFoZa1UeN9rC`, title: 'fr.wikipedia.org' };
const cite = (page: { url: string; title: string }, start: number, end: number) => ({ type: 'url_citation', url_citation: { ...page, start_index: start, end_index: end } });
// In code points: the trophy is one (two UTF-16 units, four UTF-8 bytes), so FIRST is 82 long (87 bytes; JavaScript says 83).
const ON_FIRST = [cite(ALJAZEERA, 0, 82), cite(UEFA, 0, 82)];
const ON_SECOND = [cite(UEFA, 83, 129), cite(WIKIPEDIA, 83, 129)];

/** The text an annotation delimits, counted in code points as the contract says. */
const citedText = (content: string, annotation: { url_citation: { start_index: number; end_index: number } }) =>
  [...content].slice(annotation.url_citation.start_index, annotation.url_citation.end_index).join('');

type GeminiAnswer = { candidates: Record<string, unknown>[] } & Record<string, unknown>;
const answerFixture = (name: string) => readJsonFixture<GeminiAnswer>('gemini', name);

/** The fixture's answer with its first candidate's parts and grounding replaced. */
function groundedAnswer(parts: unknown[], groundingMetadata: unknown): GeminiAnswer {
  const answer = answerFixture('chat-google-search-citations.response.json');
  return { ...answer, candidates: [{ ...answer.candidates[0], content: { parts, role: 'model' }, groundingMetadata }] };
}
const PAGE = { web: { uri: 'https://example.org/tour', title: 'example.org' } };
const annotationsOf = (answer: unknown) => fromGeminiChat(answer, context).choices.map((choice) => choice.message.annotations);

describe('request: web_search_options → the googleSearch tool', () => {
  it('{} adds Google Search, and so does any context size (Gemini has no such setting); beside function tools, after their declarations; toolConfig is left as it was', () => {
    expect(toFlashChat({ web_search_options: {} })).toEqual({ contents: [{ role: 'user', parts: [{ text: "Qui a gagné l'Euro 2024 ?" }] }], tools: [{ googleSearch: {} }] });
    for (const size of ['low', 'medium', 'high']) expect(toFlashChat({ web_search_options: { search_context_size: size } }).tools).toEqual([{ googleSearch: {} }]);
    const tools = [{ type: 'function' as const, function: { name: 'score', parameters: { type: 'object', properties: {} } } }];
    const body = toFlashChat({ tools, tool_choice: 'auto', web_search_options: {} });
    expect(body.tools).toEqual([{ functionDeclarations: [{ name: 'score', parametersJsonSchema: { type: 'object', properties: {} } }] }, { googleSearch: {} }]);
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
    expect(toFlashChat({}).tools).toBeUndefined();
  });

  it.each([
    [{ search_context_size: 'huge' }, 'web_search_options.search_context_size', "The parameter 'web_search_options.search_context_size' must be one of low, medium, high."],
    [{ search_context_size: 2 }, 'web_search_options.search_context_size', "The parameter 'web_search_options.search_context_size' must be one of low, medium, high."],
    [{ user_location: { type: 'approximate', approximate: { city: 'Lyon', country: 'FR' } } }, 'web_search_options.user_location', "The parameter 'web_search_options.user_location' cannot be honoured by Gemini: its Google Search takes no location."],
    [{ safe_search: true }, 'web_search_options.safe_search', "The parameter 'web_search_options.safe_search' is not one of OpenAI's fields (search_context_size, user_location) or the gateway's filters."],
    [true, 'web_search_options', "The parameter 'web_search_options' must be an object."],
    [[], 'web_search_options', "The parameter 'web_search_options' must be an object."],
  ])('%j: a 400 naming %s', (options, param, message) => {
    expect(gatewayErrorOf(() => toFlashChat({ web_search_options: options }))).toMatchObject({ status: 400, param, message });
  });

  it('an answer sent back with its annotations goes to Gemini as its text', () => {
    const annotations = [{ type: 'url_citation', url_citation: { url: 'https://example.org', title: 'example.org', start_index: 0, end_index: 7 } }];
    const messages = [{ role: 'user' as const, content: 'Euro 2024 ?' }, { role: 'assistant' as const, content: "L'Espagne.", annotations }, { role: 'user' as const, content: 'Et 2020 ?' }];
    expect(toFlashChat({ messages, web_search_options: {} }).contents).toEqual([
      { role: 'user', parts: [{ text: 'Euro 2024 ?' }] },
      { role: 'model', parts: [{ text: "L'Espagne." }] },
      { role: 'user', parts: [{ text: 'Et 2020 ?' }] },
    ]);
  });

  it('completions have no web search: still a 400 naming the field', () => {
    expect(gatewayErrorOf(() => toGeminiCompletions({ prompt: 'Euro 2024', web_search_options: {} }))).toMatchObject({ status: 400, param: 'web_search_options' });
  });
});

describe('answer: groundingMetadata → annotations', () => {
  it('chat-google-search-citations: each support × page once, in code points of content; the thought summary before the answer counts for nothing', () => {
    const { message } = fromGeminiChat(answerFixture('chat-google-search-citations.response.json'), context).choices[0];
    expect(message.content).toBe(ANSWER);
    expect(message.reasoning_content).toMatch(/^\*\*Recherche du vainqueur/);
    // Chunks 1 and 2 are the same page: its annotation on the second sentence comes once.
    expect(message.annotations).toEqual([...ON_FIRST, ...ON_SECOND]);
    expect(message.annotations!.map((annotation) => citedText(ANSWER, annotation))).toEqual([FIRST, FIRST, SECOND, SECOND]);
  });

  it('chat-google-search (segment without startIndex, accented text): one annotation over the whole sentence', () => {
    expect(annotationsOf(answerFixture('chat-google-search.response.json'))).toEqual([
      [cite({ url: `${REDIRECT}AUZIYQEx3mPq`, title: 'toureiffel.paris' }, 0, 70)],
    ]);
  });

  it('an answer without groundingMetadata keeps the message without the key', () => {
    const { message } = fromGeminiChat(answerFixture('chat.response.json'), context).choices[0];
    expect(message).not.toHaveProperty('annotations');
  });

  it('partIndex: offsets count from that part, moved by the answer text before it (a thought part has none)', () => {
    const parts = [{ text: 'Réflexion…', thought: true }, { text: 'Première. ' }, { text: 'Deuxième ✓.' }];
    const support = { segment: { partIndex: 2, startIndex: 0, endIndex: 14, text: 'Deuxième ✓.' }, groundingChunkIndices: [0] };
    const [[annotation]] = annotationsOf(groundedAnswer(parts, { groundingChunks: [PAGE], groundingSupports: [support] })) as { url_citation: { start_index: number; end_index: number } }[][];
    expect(annotation).toEqual(cite({ url: PAGE.web.uri, title: 'example.org' }, 10, 21));
    expect(citedText('Première. Deuxième ✓.', annotation)).toBe('Deuxième ✓.');
  });

  it('pages without a title take Vertex AI’s domain, else the URL; chunks that are not web pages, indexes out of range and empty or inverted segments give nothing; offsets past the text end at its end', () => {
    const chunks = [
      { web: { uri: 'https://example.org/a' } },
      { web: { uri: 'https://example.org/b', domain: 'example.org' } },
      { retrievedContext: { uri: 'gs://bucket/doc.pdf', title: 'doc.pdf' } },
      { web: { title: 'no URL' } },
    ];
    const supports = [
      { segment: { endIndex: 6 }, groundingChunkIndices: [0, 1, 2, 3, 7, -1, 'x'] },
      { segment: { startIndex: 4, endIndex: 4 }, groundingChunkIndices: [0] },
      { segment: { startIndex: 5, endIndex: 2 }, groundingChunkIndices: [0] },
      { segment: { startIndex: 3 }, groundingChunkIndices: [0] },
      { segment: { startIndex: 3, endIndex: 500 }, groundingChunkIndices: [1] },
      { groundingChunkIndices: [0] },
      { segment: { endIndex: 3 } },
    ];
    expect(annotationsOf(groundedAnswer([{ text: 'Ça va ?' }], { groundingChunks: chunks, groundingSupports: supports }))).toEqual([
      [cite({ url: 'https://example.org/a', title: 'https://example.org/a' }, 0, 5), cite({ url: 'https://example.org/b', title: 'example.org' }, 0, 5), cite({ url: 'https://example.org/b', title: 'example.org' }, 2, 7)],
    ]);
  });

  it('a byte offset inside a character takes the whole character', () => {
    // '🏆' is bytes 3..7 of 'Or 🏆 !'; an end at byte 5 falls inside it.
    expect(annotationsOf(groundedAnswer([{ text: 'Or 🏆 !' }], { groundingChunks: [PAGE], groundingSupports: [{ segment: { endIndex: 5 }, groundingChunkIndices: [0] }] }))).toEqual([
      [cite({ url: PAGE.web.uri, title: 'example.org' }, 0, 4)],
    ]);
  });

  it('grounding metadata of a shape Gemini does not send gives no annotation and no error', () => {
    for (const metadata of [null, 'x', { groundingSupports: 'x' }, { groundingSupports: [null, 3, { segment: 'x', groundingChunkIndices: [0] }] }, { groundingChunks: 'x', groundingSupports: [{ segment: { endIndex: 3 }, groundingChunkIndices: [0] }] }]) {
      expect(annotationsOf(groundedAnswer([{ text: 'Ça va ?' }], metadata))).toEqual([undefined]);
    }
  });

  it('n > 1: each candidate gets the annotations of its own metadata', () => {
    const answer = answerFixture('chat-google-search-citations.response.json');
    const second = { index: 1, finishReason: 'STOP', content: { parts: [{ text: 'Espagne 🇪🇸' }], role: 'model' }, groundingMetadata: { groundingChunks: [PAGE], groundingSupports: [{ segment: { endIndex: 16 }, groundingChunkIndices: [0] }] } };
    expect(annotationsOf({ ...answer, candidates: [...answer.candidates, second] })).toEqual([[...ON_FIRST, ...ON_SECOND], [cite({ url: PAGE.web.uri, title: 'example.org' }, 0, 10)]]);
  });
});

/** Each chunk's annotations, by choice index, where there are any. */
const annotationsByChunk = (chunks: ChatChunk[]) =>
  chunks.flatMap((chunk, position) => chunk.choices.flatMap((choice) => (choice.delta.annotations ? [{ chunk: position, index: choice.index, annotations: choice.delta.annotations }] : [])));

const sse = (events: unknown[]) => [Buffer.from(events.map((event) => `data: ${JSON.stringify(event)}\r\n\r\n`).join(''))];

describe('stream: annotations in the deltas', () => {
  it('chat-google-search-citations.stream.sse: all the annotations in one list on the finishing chunk, each once though two events bring the first sentence’s, the same as answered; same at every split', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('gemini', 'chat-google-search-citations.stream.sse'), () => createGeminiChatStream(streamContext));
    expect(summariseChat(chunks).text).toBe(ANSWER);
    expect(annotationsByChunk(chunks)).toEqual([{ chunk: 3, index: 0, annotations: [...ON_FIRST, ...ON_SECOND] }]);
    expect(chunks[3].choices[0].finish_reason).toBe('stop');
    expect(fromGeminiChat(answerFixture('chat-google-search-citations.response.json'), context).choices[0].message.annotations).toEqual([...ON_FIRST, ...ON_SECOND]);
  });

  it('chat-google-search.stream.sse: a segment spanning both events, counted over the whole text', async () => {
    const chunks = await replayEverySplit(readFixtureBytes('gemini', 'chat-google-search.stream.sse'), () => createGeminiChatStream(streamContext));
    expect(annotationsByChunk(chunks)).toEqual([{ chunk: 1, index: 0, annotations: [cite({ url: `${REDIRECT}AUZIYQEx3mPq`, title: 'toureiffel.paris' }, 0, 70)] }]);
  });

  it('metadata before the text it cites, repeated, or on an event of its own: the annotations at the finish, each once, over the whole text; past its end they end at its end', async () => {
    const page = (name: string) => ({ web: { uri: `https://example.org/${name}`, title: name } });
    const first = { segment: { endIndex: 15 }, groundingChunkIndices: [0] };
    const past = { segment: { startIndex: 16, endIndex: 99 }, groundingChunkIndices: [1] };
    const inner = { segment: { startIndex: 10, endIndex: 14 }, groundingChunkIndices: [2] };
    const events = [
      { candidates: [{ content: { parts: [{ text: 'Première' }], role: 'model' }, groundingMetadata: { groundingChunks: [page('a'), page('b')], groundingSupports: [first, past] }, index: 0 }] },
      { candidates: [{ content: { parts: [{ text: ' info. Fin' }], role: 'model' }, index: 0 }] },
      { candidates: [{ groundingMetadata: { groundingChunks: [page('a'), page('b'), page('c')], groundingSupports: [first, past, inner] }, index: 0 }] },
      { candidates: [{ content: { parts: [{ text: '.' }], role: 'model' }, finishReason: 'STOP', index: 0 }] },
    ];
    const streamed = await replay(sse(events), createGeminiChatStream(streamContext));
    expect(summariseChat(streamed).text).toBe('Première info. Fin.');
    // 'Première info.' is 15 bytes, 14 code points; 'Première info. Fin.' 20 and 19.
    expect(annotationsByChunk(streamed)).toEqual([
      {
        chunk: 2,
        index: 0,
        annotations: [cite({ url: 'https://example.org/a', title: 'a' }, 0, 14), cite({ url: 'https://example.org/b', title: 'b' }, 15, 19), cite({ url: 'https://example.org/c', title: 'c' }, 9, 13)],
      },
    ]);
    expect(streamed[2].choices[0]).toMatchObject({ finish_reason: 'stop', delta: { content: '.' } });
  });

  it('n = 2: each candidate’s annotations go on its own choice, counted over its own text', async () => {
    const page = (uri: string) => ({ groundingChunks: [{ web: { uri, title: 'example.org' } }], groundingSupports: [{ segment: { endIndex: 6 }, groundingChunkIndices: [0] }] });
    const events = [
      { candidates: [{ content: { parts: [{ text: 'Été ' }], role: 'model' }, index: 0 }, { content: { parts: [{ text: 'Oui' }], role: 'model' }, index: 1 }] },
      {
        candidates: [
          { content: { parts: [{ text: 'chaud.' }], role: 'model' }, finishReason: 'STOP', groundingMetadata: page('https://example.org/0'), index: 0 },
          { content: { parts: [{ text: ', très.' }], role: 'model' }, finishReason: 'STOP', groundingMetadata: page('https://example.org/1'), index: 1 },
        ],
      },
    ];
    const streamed = await replay(sse(events), createGeminiChatStream({ ...streamContext, candidateCount: 2 }));
    expect(annotationsByChunk(streamed)).toEqual([
      { chunk: 1, index: 0, annotations: [cite({ url: 'https://example.org/0', title: 'example.org' }, 0, 4)] },
      { chunk: 1, index: 1, annotations: [cite({ url: 'https://example.org/1', title: 'example.org' }, 0, 6)] },
    ]);
  });

  it('a stream that did not ask for Google Search keeps no text and sends no annotation', async () => {
    const chunks = await replay([readFixtureBytes('gemini', 'chat-google-search.stream.sse')], createGeminiChatStream({ ...streamContext, grounded: false }));
    expect(annotationsByChunk(chunks)).toEqual([]);
  });
});
