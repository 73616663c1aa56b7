/**
 * SIGTERM with clients that read slowly or not at all: an answer a client has not read yet when the
 * gateway stops is a request like any other, with its audit line before the process exits.
 * (The drain itself: cli-shutdown.test.ts and shutdown-signals.test.ts.)
 */
import { connect, type Socket } from 'node:net';
import { serving, type CliRun } from '../support/cli';
import { configFolder } from '../support/cli-configs';
import { SIDE_BY_SIDE_TEST_MS, SOON_MS, within } from '../support/timeouts';

// A gateway's start is part of each test (the side-by-side budget, as `serving` waits for it).
jest.setTimeout(SIDE_BY_SIDE_TEST_MS);

const { writeConfig } = configFolder('gateway-slow-readers-');

/** A mock endpoint that echoes what it is sent, a word at a time when streamed. */
const ECHO = '  - { name: echo, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo, config: { latency_ms: 1 } } }';

function gatewayWith(shutdownTimeoutS: number) {
  const path = writeConfig(`shutdown-${shutdownTimeoutS}.yaml`, `endpoints:\n${ECHO}\nserver: { shutdown_timeout: ${shutdownTimeoutS} }\n`);
  return serving((port) => ['--config-path', path, '--port', String(port)]);
}

/**
 * Sends a chat request to `echo` on a socket that reads the first piece of the answer and then
 * nothing until the test resumes it; resolves with both once that piece has come. (A fixed wait for
 * the answer to begin was too short on a loaded machine: the gateway reads and parses 8 MB first.)
 */
function unreadRequest(url: string, requestId: string, body: object): Promise<{ socket: Socket; first: string }> {
  const text = JSON.stringify({ model: 'echo', ...body });
  const begun = new Promise<{ socket: Socket; first: string }>((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () =>
      socket.write(`POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-request-id: ${requestId}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`),
    );
    socket.once('data', (first: Buffer) => {
      socket.pause();
      resolve({ socket, first: first.toString() });
    });
    socket.on('error', reject);
  });
  return within(begun, SOON_MS, 'the answer beginning');
}

/** Megabytes of text, more than the socket buffers hold: the client must read for the answer to be sent. */
const LONG_TEXT = Array.from({ length: 400 }, () => 'w'.repeat(20_000)).join(' ');

function requestLine(run: CliRun, requestId: string): Record<string, unknown> | undefined {
  const lines = run.output().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return lines.find((line) => line.request_id === requestId && (line.msg === 'request' || line.msg === 'request aborted by the client'));
}

test('a stream whose client stopped reading, ended at server.shutdown_timeout, has its audit line before the gateway exits', async () => {
  const { run, url } = await gatewayWith(0.5);
  const { socket } = await unreadRequest(url, 'unread-stream', { stream: true, messages: [{ role: 'user', content: LONG_TEXT }] });
  try {
    // The stream is under way; half a second on, the mock has sent more than the socket buffers hold.
    await new Promise((resolve) => setTimeout(resolve, 500));
    run.child.kill('SIGTERM');
    expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
    expect(requestLine(run, 'unread-stream')).toMatchObject({ msg: 'request', status: 200, stream: true, error: { code: 'shutting_down' } });
  } finally {
    socket.destroy();
  }
});

test('an answer written before SIGTERM but not yet read by its client is sent whole, not cut when the drain begins', async () => {
  const { run, url } = await gatewayWith(10);
  const { socket, first } = await unreadRequest(url, 'slow-reader', { messages: [{ role: 'user', content: LONG_TEXT }] });
  try {
    // The mock answers at once, and the gateway writes its answer whole: once it has begun, the rest
    // waits in the socket buffers for the client to read it.
    run.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    let received = first;
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('data', (data: Buffer) => (received += data.toString()));
    socket.resume();
    await within(closed, SOON_MS, 'the connection closing');
    const [head, body] = received.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(Buffer.byteLength(body)).toBe(Number(/content-length: (\d+)/i.exec(head)![1]));
    expect(JSON.parse(body).choices[0].message.content).toBe(`Echo: ${LONG_TEXT}`);
    expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
  } finally {
    socket.destroy();
  }
});

/** Sends the headers and the first bytes of a body whose rest never comes, as a client still uploading. */
function unfinishedUpload(url: string, path: string, requestId: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () =>
      socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-request-id: ${requestId}\r\nContent-Length: 1000\r\n\r\n{"messages": [`, () => resolve({ socket, received: () => text, closed })),
    );
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('data', (data: Buffer) => (text += data.toString()));
    socket.on('error', reject);
  });
}

test('a request still sending its body at server.shutdown_timeout gets the 503 in its route family\'s shape, with Connection: close and its audit line', async () => {
  const { run, url } = await gatewayWith(0.5);
  const uploads = await Promise.all([unfinishedUpload(url, '/v1/chat/completions', 'upload-openai'), unfinishedUpload(url, '/endpoints/echo/invocations', 'upload-mlflow')]);
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGTERM');
    expect(await within(run.exited, SOON_MS, 'the gateway exiting')).toBe(0);
    await Promise.all(uploads.map((upload) => within(upload.closed, SOON_MS, 'the connection closing')));
    const message = 'The gateway is shutting down and this request did not finish within 0.5 s (server.shutdown_timeout); send it again.';
    const answers = uploads.map((upload) => {
      const [head, body] = upload.received().split('\r\n\r\n');
      return { status: head.split(' ')[1], connection: /\r\nconnection: ([^\r]*)/i.exec(head)?.[1], body: JSON.parse(body) };
    });
    expect(answers).toEqual([
      { status: '503', connection: 'close', body: { error: { message, type: 'server_error', param: null, code: 'shutting_down' } } },
      { status: '503', connection: 'close', body: { detail: message } },
    ]);
    for (const requestId of ['upload-openai', 'upload-mlflow']) expect(requestLine(run, requestId)).toMatchObject({ msg: 'request', status: 503, error: { code: 'shutting_down' } });
    expect(run.output()).toContain('"msg":"shut down: 2 ended at server.shutdown_timeout; exiting 0"');
  } finally {
    for (const upload of uploads) upload.socket.destroy();
  }
});
