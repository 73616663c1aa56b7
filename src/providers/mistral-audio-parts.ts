/**
 * OpenAI's audio part as Mistral's chat API takes it. Mistral's audio chunk is
 * `{"type": "input_audio", "input_audio": "<base64>"}`, the data as a string with no format (its
 * Voxtral models read it from the bytes): https://docs.mistral.ai/capabilities/audio_transcription
 * ("Chat with Audio"), and `AudioChunk` (`input_audio: str`) in mistralai/client-python
 * `src/mistralai/models/audiochunk.py`. OpenAI's `{"input_audio": {"data", "format"}}` object would
 * be refused there with a 422 naming no field.
 */
import type { ChatMessage, ContentPart } from '../schema';

/** A message's content with each audio part in Mistral's shape; the same content when it has none. */
export function withMistralAudioParts(content: ChatMessage['content']): ChatMessage['content'] {
  if (!Array.isArray(content) || !content.some((part) => part.type === 'input_audio')) return content;
  // Mistral's chunk is not among the unified ContentPart shapes.
  return content.map((part) => (part.type === 'input_audio' ? { type: 'input_audio', input_audio: part.input_audio.data } : part)) as unknown as ContentPart[];
}
