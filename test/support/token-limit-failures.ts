/**
 * A failed (or answered) call under a token limit, end to end: its status, its audit line, and the
 * limit's refusal of the endpoint's next request (whose message says how many tokens the call counted).
 */
import OpenAI from 'openai';
import { waitForLogLine, type LogLine } from './log-capture';

/** The OpenAI client's failure of `call`, asserted to be an APIError. */
async function failureOf(call: () => Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const failure = await call().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  return failure as InstanceType<typeof OpenAI.APIError>;
}

/** Makes `call` (which fails) on `endpoint`, then again, which the token limit refuses. `lines`: the captured log. */
export async function failedThenRefused(lines: string[], endpoint: string, call: () => Promise<unknown>): Promise<{ status: number; line: LogLine; next: string }> {
  const from = lines.length;
  const status = (await failureOf(call)).status as number;
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === endpoint && entry.status === status, { from });
  const next = await failureOf(call);
  expect(next).toBeInstanceOf(OpenAI.RateLimitError);
  return { status, line, next: next.message };
}

/** Makes `call` (answered) on `endpoint`, then again, which the token limit refuses. `lines`: the captured log. */
export async function answeredThenRefused<Answer>(lines: string[], endpoint: string, call: () => Promise<Answer>): Promise<{ answer: Answer; line: LogLine; next: string }> {
  const from = lines.length;
  const answer = await call();
  const line = await waitForLogLine(lines, (entry) => entry.endpoint === endpoint && entry.status === 200, { from });
  const next = await failureOf(call);
  expect(next).toBeInstanceOf(OpenAI.RateLimitError);
  return { answer, line, next: next.message };
}

/** The start of a token limit's refusal message, with the tokens the window has counted. */
export const tokensUsed = (endpoint: string, limit: number, tokens: number) => `Token limit exceeded: ${limit} tokens per 1 minute for endpoint '${endpoint}' (${tokens} used)`;
