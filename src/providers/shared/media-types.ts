import { ownValue } from './json';

/**
 * Media types of base64 data URLs as vendors take them. `image/jpg` is a common label for JPEG
 * (browsers, clipboards and many tools write it, and OpenAI accepts it), but Anthropic and Gemini
 * accept only `image/jpeg` and answer 400 to `image/jpg`. Vendors also expect lower case.
 */
export function standardMediaType(mediaType: string): string {
  const lower = mediaType.toLowerCase();
  return lower === 'image/jpg' ? 'image/jpeg' : lower;
}

/** Image types by file extension: those Gemini takes (png, jpeg, webp, heic, heif), and gif. */
const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  gif: 'image/gif',
};

/**
 * The media type an image URL's path names by its extension (`https://x/cat.JPG?w=1` → image/jpeg),
 * for vendors that want one next to a URL; undefined when the path names none we know.
 */
export function imageMediaTypeOfUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  // Own properties only: `.constructor` is an extension too.
  return extension === undefined ? undefined : ownValue(IMAGE_EXTENSIONS, extension);
}

/** Whether a string is a data URL: its scheme, like every URL's, is case-insensitive (`DATA:`, RFC 3986 §3.1). */
export function isDataUrl(text: string): boolean {
  return /^data:/i.test(text);
}

/**
 * A base64 data URL as every provider reads it, `data:<type>[;param...];base64,<data>`: the media type
 * as written and the base64 data; null for any other URL. RFC 2397 allows parameters before `;base64`
 * (`data:image/png;name=chart.png;base64,...`, as some clients send a file name); they are ignored.
 * The scheme and `;base64` are read in any case (`DATA:image/png;BASE64,...`), as the URL's scheme
 * and the Fetch standard's data URL reading take them.
 */
export function base64DataUrl(url: string): { mediaType: string; base64: string } | null {
  const match = /^data:([^;,]+)(?:;[^;,]+)*;base64,(.*)$/is.exec(url);
  return match ? { mediaType: match[1], base64: match[2] } : null;
}

/**
 * What makes a data URL one base64DataUrl cannot read, as a clause for the end of a 400's message
 * (`; this one names no media type ...`); '' for any other URL. RFC 2397 gives a data URL without a
 * type (`data:;base64,...`, `data:,hello`) the type text/plain;charset=US-ASCII, but an image or a
 * file sent so is rarely text: the gateway does not look at the bytes, so it asks for the type rather
 * than send a PNG or a PDF to a vendor as text.
 */
export function dataUrlFault(url: string): string {
  if (!isDataUrl(url) || base64DataUrl(url) !== null) return '';
  const comma = url.indexOf(',');
  if (comma < 0) return '; this one has no comma before its data';
  const [mediaType, ...parameters] = url.slice('data:'.length, comma).split(';');
  const faults = [
    ...(mediaType.trim() === '' ? ["names no media type (RFC 2397's default, text/plain, is not assumed for an image or a file)"] : []),
    ...(parameters.at(-1)?.toLowerCase() !== 'base64' ? ["is not base64 (no ';base64' before the comma)"] : []),
  ];
  return `; this one ${faults.length > 0 ? faults.join(' and ') : 'is not of the form data:<type>[;parameter...];base64,<data>'}`;
}
