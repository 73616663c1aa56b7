/**
 * OpenAI's `file` content parts (https://platform.openai.com/docs/guides/pdf-files), read for the
 * vendors that take a document inline: the file as a base64 data URL in `file_data`. A `file_id`
 * names a file in OpenAI's own Files API, which no other vendor can read: a 400.
 */
import { GatewayError } from '../../errors';
import type { ContentPart } from '../../schema';
import { base64DataUrl, dataUrlFault } from './media-types';

export type FilePart = Extract<ContentPart, { type: 'file' }>;

/** A file part's content: its lower-case media type, base64 data and the client's file name. */
export interface FileData {
  mediaType: string;
  base64: string;
  filename?: string;
}

export function readFileData(part: FilePart, path: string, provider: string): FileData {
  const { file_data: fileData, file_id: fileId, filename } = part.file;
  if (fileData === undefined) {
    const param = fileId === undefined ? `${path}.file.file_data` : `${path}.file.file_id`;
    throw GatewayError.invalidParam(`${param}: ${provider} takes a file as a base64 data URL in 'file_data' (data:application/pdf;base64,...), not an OpenAI file id.`, param);
  }
  const data = base64DataUrl(fileData);
  if (!data) throw GatewayError.invalidParam(`${path}.file.file_data: must be a base64 data URL (data:application/pdf;base64,...)${dataUrlFault(fileData)}.`, `${path}.file.file_data`);
  return { mediaType: data.mediaType.toLowerCase(), base64: data.base64, ...(filename !== undefined ? { filename } : {}) };
}
