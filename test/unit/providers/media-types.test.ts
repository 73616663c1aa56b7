/** Media types read from an image URL's extension (Gemini's fileData) and data-URL labels. */
import { imageMediaTypeOfUrl, standardMediaType } from '../../../src/providers/shared/media-types';

test('an image URL names its media type by its extension, in any case, whatever its query', () => {
  expect(imageMediaTypeOfUrl('https://example.com/cat.JPG?width=800')).toBe('image/jpeg');
  expect(imageMediaTypeOfUrl('https://example.com/a/b.webp')).toBe('image/webp');
  expect(imageMediaTypeOfUrl('https://example.com/photo')).toBeUndefined();
  expect(imageMediaTypeOfUrl('not a url')).toBeUndefined();
});

test('an extension that names an inherited property (.constructor, .toString) is no media type', () => {
  expect(imageMediaTypeOfUrl('https://example.com/a.constructor')).toBeUndefined();
  expect(imageMediaTypeOfUrl('https://example.com/a.toString')).toBeUndefined();
});

test('image/jpg is sent as image/jpeg, in lower case', () => {
  expect(standardMediaType('IMAGE/JPG')).toBe('image/jpeg');
});
