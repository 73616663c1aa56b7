/**
 * What a body's content parts must not put in the audit log (`logging.bodies`) or the gateway's
 * errors: the query values, password and fragment of an image or file URL (a presigned S3 link's
 * `X-Amz-Signature`, an Azure SAS `sig`, a CDN token), which let anyone who reads them fetch the
 * file, and the base64 bytes of an inline image, file or sound, which are the user's content and
 * would fill the line's `logging.max_body_size` before the text beside them. The vendor gets both
 * as sent. Parts are read where chat requests (`messages[].content[]`) and Responses requests
 * (`input[].content[]`, a tool result's `input[].output[]`) hold them:
 * - chat: `image_url.url` (or `image_url` as a bare string, which is refused but logged), `file.file_data`, `input_audio.data`;
 * - Responses: `input_image`'s `image_url`, `input_file`'s `file_url` and `file_data`.
 */
import { isRecord } from '../providers/shared/json';
import { isDataUrl } from '../providers/shared/media-types';
import { urlCredentialValues, withoutUrlSecrets } from '../providers/transport/credentials';

/** A data URL as logged: its media type kept, its data as the count of its characters. */
function loggedDataUrl(url: string): string {
  const comma = url.indexOf(',');
  return comma === -1 ? `${url.slice(0, 'data:'.length)}[${url.length - 'data:'.length} characters]` : `${url.slice(0, comma + 1)}[${url.length - comma - 1} characters]`;
}

/** A part's URL (or data URL) as logged; the value itself when it holds nothing to hide. */
function loggedPartUrl(url: string): string {
  return isDataUrl(url) ? loggedDataUrl(url) : withoutUrlSecrets(url);
}

/** Bare base64 (`input_audio.data`, a Responses `file_data` without its `data:` prefix) as logged. */
function loggedData(data: string): string {
  return isDataUrl(data) ? loggedDataUrl(data) : `[${data.length} characters]`;
}

/** `object` with `key` replaced by `hide(value)` when it is a string that changes; else `object` itself. */
function withHidden(object: Record<string, unknown>, key: string, hide: (value: string) => string): Record<string, unknown> {
  const value = object[key];
  if (typeof value !== 'string') return object;
  const hidden = hide(value);
  return hidden === value ? object : { ...object, [key]: hidden };
}

/** A nested object's field hidden (`image_url.url`, `file.file_data`), the object copied only when it changes. */
function withHiddenInside(part: Record<string, unknown>, key: string, field: string, hide: (value: string) => string): Record<string, unknown> {
  const inner = part[key];
  if (!isRecord(inner)) return part;
  const hidden = withHidden(inner, field, hide);
  return hidden === inner ? part : { ...part, [key]: hidden };
}

/** One content part as logged. */
function loggedPart(part: unknown): unknown {
  if (!isRecord(part)) return part;
  switch (part.type) {
    case 'image_url':
      // `image_url` as a bare string, a form some clients send, is refused (400), but a refused body is logged too.
      return typeof part.image_url === 'string' ? withHidden(part, 'image_url', loggedPartUrl) : withHiddenInside(part, 'image_url', 'url', loggedPartUrl);
    case 'file':
      return withHiddenInside(part, 'file', 'file_data', loggedData);
    case 'input_audio':
      return withHiddenInside(part, 'input_audio', 'data', loggedData);
    case 'input_image':
      return withHidden(part, 'image_url', loggedPartUrl);
    case 'input_file':
      return withHidden(withHidden(part, 'file_url', loggedPartUrl), 'file_data', loggedData);
    default:
      return part;
  }
}

/** A list of parts as logged: the list itself when no part changes. */
function loggedParts(parts: unknown): unknown {
  if (!Array.isArray(parts)) return parts;
  const logged = parts.map(loggedPart);
  return logged.some((part, index) => part !== parts[index]) ? logged : parts;
}

/** A message or input item as logged: its `content` and `output` parts. */
function loggedItem(item: unknown): unknown {
  if (!isRecord(item)) return item;
  let copy = item;
  for (const key of ['content', 'output']) {
    const parts = loggedParts(item[key]);
    if (parts !== item[key]) copy = { ...copy, [key]: parts };
  }
  return copy;
}

/** The lists of a body that hold messages or input items. */
const ITEM_LISTS = ['messages', 'input'] as const;

/**
 * `body` with its parts' URLs and data as the log shows them: the body itself when nothing is
 * hidden (nothing copied), else a copy in which only the items concerned are.
 */
export function withoutPartSecrets(body: Record<string, unknown>): Record<string, unknown> {
  let copy = body;
  for (const list of ITEM_LISTS) {
    const items = body[list];
    if (!Array.isArray(items)) continue;
    const logged = items.map(loggedItem);
    if (logged.some((item, index) => item !== items[index])) copy = { ...copy, [list]: logged };
  }
  return copy;
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The URLs of one part: chat's `image_url.url`, Responses' `image_url` and `file_url`. */
function partUrls(part: unknown): unknown[] {
  if (!isRecord(part)) return [];
  if (part.type === 'image_url') return isRecord(part.image_url) ? [part.image_url.url] : [];
  if (part.type === 'input_image') return [part.image_url];
  if (part.type === 'input_file') return [part.file_url];
  return [];
}

/** The secrets of the body's part URLs (password, query values) a vendor's error may quote, as urlCredentialValues finds them. */
export function partSecretsOf(body: Record<string, unknown>): string[] {
  const urls = ITEM_LISTS.flatMap((list) => listOf(body[list]).flatMap((item) => (isRecord(item) ? [...listOf(item.content), ...listOf(item.output)].flatMap(partUrls) : [])));
  return urls.flatMap((url) => (typeof url === 'string' && !isDataUrl(url) ? urlCredentialValues(url) : []));
}
