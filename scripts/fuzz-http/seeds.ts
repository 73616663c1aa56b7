/**
 * Valid request bodies that the mutations start from, one list per kind of route: each reaches the
 * providers when sent unchanged, and together they hold most fields the gateway reads (tools,
 * content parts, response formats, thinking, stream options, Responses API items).
 */
export type BodyKind = 'chat' | 'completions' | 'embeddings' | 'responses';

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } }, required: ['city'] },
  },
};

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PDF = 'data:application/pdf;base64,JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8PC9Sb290IDEgMCBSPj4KJSVFT0YK';

const CHAT: readonly Record<string, unknown>[] = [
  { messages: [{ role: 'user', content: 'Salut ! Un café ?' }] },
  {
    messages: [
      { role: 'system', content: 'You are terse.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image_url', image_url: { url: PNG, detail: 'low' } },
        ],
      },
    ],
    temperature: 0.7,
    top_p: 0.9,
    max_tokens: 64,
    stop: ['\n\n', 'END'],
    n: 1,
  },
  {
    messages: [
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp": 21}' },
    ],
    tools: [weatherTool],
    tool_choice: 'auto',
    stream: true,
    stream_options: { include_usage: true },
  },
  {
    messages: [{ role: 'user', content: 'Give me JSON.' }],
    response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, strict: true } },
    tools: [weatherTool],
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
    seed: 42,
    user: 'fuzz-user',
  },
  {
    messages: [
      { role: 'developer', content: 'Think.' },
      {
        role: 'user',
        content: [
          { type: 'file', file: { file_data: PDF, filename: 'tiny.pdf' } },
          { type: 'text', text: 'Summarise' },
        ],
      },
      { role: 'assistant', content: 'Hmm.', reasoning_content: 'thinking', thinking_blocks: [{ type: 'thinking', thinking: 'step', signature: 'c2ln' }] },
      { role: 'user', content: 'Go on' },
    ],
    reasoning_effort: 'low',
    stream: true,
  },
];

const COMPLETIONS: readonly Record<string, unknown>[] = [
  { prompt: 'Commander un café :' },
  { prompt: ['One prompt in a list'], max_tokens: 16, temperature: 0, stop: 'x', stream: true },
  { prompt: 'Once upon', n: 1, top_p: 0.5, stream: false, stream_options: null },
];

const EMBEDDINGS: readonly Record<string, unknown>[] = [
  { input: 'un café' },
  { input: ['un café', 'un croissant 🥐'] },
  { input: [1, 2, 3] },
  { input: [[1, 2], [3]], encoding_format: 'float', dimensions: 8 },
];

const RESPONSES: readonly Record<string, unknown>[] = [
  { input: 'Salut !' },
  {
    instructions: 'Be brief.',
    input: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'Weather?' },
          { type: 'input_image', image_url: PNG },
        ],
      },
      { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { type: 'function_call_output', call_id: 'call_1', output: '{"temp": 21}' },
      { type: 'reasoning', id: 'rs_1', summary: [] },
    ],
    tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
    tool_choice: { type: 'function', name: 'get_weather' },
    max_output_tokens: 50,
    stream: true,
    text: { format: { type: 'json_schema', name: 'w', schema: { type: 'object' } } },
    reasoning: { effort: 'low', summary: 'auto' },
    store: false,
    include: ['reasoning.encrypted_content'],
  },
];

export const SEEDS: Record<BodyKind, readonly Record<string, unknown>[]> = { chat: CHAT, completions: COMPLETIONS, embeddings: EMBEDDINGS, responses: RESPONSES };
