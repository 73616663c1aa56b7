import { childPath, formatYamlPath, segmentsFromPointer, valueAt } from '../../../src/config/yaml-path';

describe('formatYamlPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatYamlPath(['endpoints', 1, 'model', 'provider'])).toBe('endpoints[1].model.provider');
    expect(formatYamlPath([])).toBe('');
  });

  it('quotes keys that are not plain identifiers', () => {
    expect(formatYamlPath(['endpoints', 0, 'model', 'config', 'a.b'])).toBe('endpoints[0].model.config["a.b"]');
    expect(childPath('', 'routes')).toBe('routes');
  });
});

describe('segmentsFromPointer', () => {
  const document = { endpoints: [{ model: { config: { '1': 'x', 'a/b': 'y' } } }] };

  it('turns list positions into numbers and leaves numeric mapping keys as strings', () => {
    expect(segmentsFromPointer('/endpoints/0/model/config/1', document)).toEqual(['endpoints', 0, 'model', 'config', '1']);
    expect(formatYamlPath(segmentsFromPointer('/endpoints/0/model/config/1', document))).toBe('endpoints[0].model.config["1"]');
  });

  it('unescapes JSON Pointer tokens', () => {
    expect(segmentsFromPointer('/endpoints/0/model/config/a~1b', document)).toEqual(['endpoints', 0, 'model', 'config', 'a/b']);
    expect(valueAt(document, ['endpoints', 0, 'model', 'config', 'a/b'])).toBe('y');
  });

  it('maps the root pointer to no segments', () => {
    expect(segmentsFromPointer('', document)).toEqual([]);
  });
});
