/**
 * Media types of base64 data URLs as vendors take them. `image/jpg` is a common label for JPEG
 * (browsers, clipboards and many tools write it, and OpenAI accepts it), but Anthropic and Gemini
 * accept only `image/jpeg` and answer 400 to `image/jpg`. Vendors also expect lower case.
 */
export function standardMediaType(mediaType: string): string {
  const lower = mediaType.toLowerCase();
  return lower === 'image/jpg' ? 'image/jpeg' : lower;
}
