/**
 * Gemini fetches a file part's URI itself, and takes http(s) links (public or signed URLs, Files API
 * files, YouTube videos) and gs:// URIs of Cloud Storage objects registered with the Files API
 * (https://ai.google.dev/gemini-api/docs/file-input-methods). Any image URL that was not a data URL
 * went to Gemini as `fileData.fileUri`, a desktop app's `file://` path, a relative path or "" alike,
 * though the gateway's own message says it takes http(s) URLs. Those are now a 400 naming the part,
 * before any call.
 */
import { geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import type { ChatRequest } from '../../../src/schema';
import { gatewayRejectionOf } from '../../support/errors';

/** A desktop assistant's question about a screenshot it saved, with the image as the app wrote its place. */
const screenshotQuestion = (url: string): ChatRequest => ({
  messages: [
    { role: 'system', content: 'You help the user with what is on their screen.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Why does this dialog say my licence expired?' },
        { type: 'image_url', image_url: { url, detail: 'high' } },
      ],
    },
  ],
});

const toFlashChat = (request: ChatRequest) => toGeminiChat(request, geminiThinkingControl('gemini-2.5-flash'));

test.each([
  ['a file URL', 'file:///Users/ana/Library/Caches/assistant/screenshot-2025-06-03.png', ''],
  ['a file URL naming a secret', 'file:///etc/passwd', ''],
  ['a relative path', 'screenshots/step-3.png', ''],
  ['an empty URL (an upload that failed)', '', ''],
  ['an ftp URL', 'ftp://files.example.com/screenshot.png', ''],
  ['a data URL without base64', 'data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E', "; this one is not base64 (no ';base64' before the comma)"],
])('%s is a 400 naming the part', async (_name, url, fault) => {
  const error = await gatewayRejectionOf(() => toFlashChat(screenshotQuestion(url)));
  expect({ status: error.status, param: error.param, message: error.message }).toEqual({
    status: 400,
    param: 'messages[1].content[1].image_url.url',
    message: `'messages[1].content[1].image_url.url' must be a base64 data URL (data:<mime type>;base64,...), an http(s) URL or a gs:// URI${fault}.`,
  });
});

test.each([
  ['a public https URL', 'https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg', 'image/jpeg'],
  ['an S3 presigned URL', 'https://screens.s3.eu-west-1.amazonaws.com/u/42/shot.PNG?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc', 'image/png'],
  ['an http URL', 'http://intranet.example.com/shot.webp', 'image/webp'],
  ['a Files API file', 'https://generativelanguage.googleapis.com/v1beta/files/5ijl2ak9r1vx', undefined],
  ['a registered Cloud Storage object', 'gs://acme-screens/2025/06/shot.png', 'image/png'],
  ['a Cloud Storage object in upper case', 'GS://acme-screens/shot', undefined],
])('%s goes to Gemini as a file URI', async (_name, url, mimeType) => {
  const body = await toFlashChat(screenshotQuestion(url));
  expect(body.contents[0].parts[1]).toEqual({ fileData: mimeType === undefined ? { fileUri: url } : { mimeType, fileUri: url } });
});
