import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: 'é"\n' } })).toBe('{"a":{"c":"é\\"\\n","d":[true,null,"x"]},"b":1}');
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: '1.50' })).toBe('{"b":"1.50"}');
  });

  it('gives equal text for equal values whatever their key order, and parses back to the same text', () => {
    const one = canonicalJson({ hours: '2.50', memo: 'childcare', at: '2026-03-01T00:00:00.000Z' });
    const two = canonicalJson({ at: '2026-03-01T00:00:00.000Z', memo: 'childcare', hours: '2.50' });
    expect(one).toBe(two);
    expect(canonicalJson(JSON.parse(one))).toBe(one);
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});
