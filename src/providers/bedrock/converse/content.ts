/**
 * OpenAI content parts → Converse content blocks: text, images (base64 `data:` URLs only) and `file`
 * parts as `document` blocks (see index.ts for the mapping and its references).
 */
import type { ContentBlock, DocumentFormat, ImageFormat } from '@aws-sdk/client-bedrock-runtime';
import { quoted, quotedJson } from '../../../config/quoted';
import { GatewayError } from '../../../errors';
import type { ContentPart } from '../../../schema';
import { readFileData, type FilePart } from '../../shared/file-parts';
import { ownValue } from '../../shared/json';
import { base64DataUrl, dataUrlFault, isDataUrl } from '../../shared/media-types';

const IMAGE_FORMATS: Record<string, ImageFormat> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/jpg': 'jpeg', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * Base64 (or base64url), whitespace between its characters, padding at its end. Node's decoder skips
 * any other character, so a data URL percent-encoded on its way (`%2B` for `+`) would reach the model
 * as other bytes than the client's, with no word: Converse takes bytes, which the gateway decodes.
 */
const BASE64 = /^[A-Za-z0-9+/_\-\s]*(?:=\s*){0,2}$/;

/** A part's base64 data as bytes; a 400 naming `param` when it is not base64. */
function decodedBase64(base64: string, param: string): Uint8Array {
  if (!BASE64.test(base64)) throw GatewayError.invalidParam(`${param}: the data after 'base64,' is not base64 (a data URL percent-encoded on its way has '%' in it).`, param);
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** Why an image URL is not one Converse can take: a data URL the gateway cannot read, or a link. */
function unreadableImage(url: string, param: string): GatewayError {
  const why = isDataUrl(url) ? dataUrlFault(url) : ', not links';
  return GatewayError.invalidParam(`${param}: Amazon Bedrock accepts images only as base64 data URLs (data:image/png;base64,...)${why}.`, param);
}

function toConverseImage(url: string, param: string): ContentBlock {
  const data = base64DataUrl(url);
  if (!data) throw unreadableImage(url, param);
  const format = ownValue(IMAGE_FORMATS, data.mediaType.toLowerCase());
  if (!format) throw GatewayError.invalidParam(`${param}: Amazon Bedrock accepts png, jpeg, gif or webp images, not ${quoted(data.mediaType)}.`, param);
  return { image: { format, source: { bytes: decodedBase64(data.base64, param) } } };
}

/** Converse's document formats (API_runtime_DocumentBlock) by media type. */
const DOCUMENT_FORMATS: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};

/**
 * Converse requires a document name of ASCII letters, digits, single spaces, hyphens, parentheses and
 * square brackets (a file name's dot is refused): the file name without its folders and extension,
 * other characters as spaces, or `document` when nothing is left.
 */
export function toDocumentName(filename: string | undefined): string {
  const stem = (filename ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const name = stem.replace(/[^A-Za-z0-9\s()[\]-]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200).trim();
  return name === '' ? 'document' : name;
}

/** OpenAI's `file` part as a document block (bytes, as Converse takes them). */
function toConverseDocument(part: FilePart, partParam: string): ContentBlock {
  const { mediaType, base64, filename } = readFileData(part, partParam, 'Amazon Bedrock');
  const format = ownValue(DOCUMENT_FORMATS, mediaType);
  if (!format) {
    throw GatewayError.invalidParam(`${partParam}.file.file_data: Amazon Bedrock takes pdf, csv, doc, docx, xls, xlsx, html, txt or md documents, not ${quoted(mediaType)}.`, `${partParam}.file.file_data`);
  }
  return { document: { format, name: toDocumentName(filename), source: { bytes: decodedBase64(base64, `${partParam}.file.file_data`) } } };
}

/** One content part as its Converse block. */
export function toConverseBlock(part: ContentPart, partParam: string): ContentBlock {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image_url':
      return toConverseImage(part.image_url.url, `${partParam}.image_url.url`);
    case 'input_audio':
      throw GatewayError.invalidParam(`${partParam}: audio input is not supported by Amazon Bedrock Converse.`, partParam);
    case 'file':
      return toConverseDocument(part, partParam);
    default: {
      const unreachable: never = part;
      throw GatewayError.invalidParam(`${partParam}: unknown content part ${quotedJson(unreachable)}.`, partParam);
    }
  }
}
