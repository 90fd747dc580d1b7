import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseReadFile } from '../../src/load/index.js';
import { toPortable, withLocators } from '../../src/load/portable.js';

const THREE_DOCS = `# a leading comment
apiVersion: v1
kind: ConfigMap
metadata: {name: a}
data: {x: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
data:
  k: "2"
--- # a comment after the marker
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata: {name: c}
  stringData:
    z: "3"
`;

describe('field locations, one document re-parsed at a time', () => {
  it('finds fields in later documents and in List items at their line and column', () => {
    const [a, b, c] = parseReadFile('f.yaml', THREE_DOCS).objects;
    expect(a.source.locate('data.x').start).toEqual({ line: 5, column: 8 });
    expect(b.source.locate('data.k').start).toEqual({ line: 12, column: 3 });
    expect(c.source.locate('stringData.z').start).toEqual({ line: 21, column: 5 });
  });

  it('locates the same after a round trip through plain data (worker threads, the cache)', () => {
    const load = { text: THREE_DOCS, parsed: parseReadFile('f.yaml', THREE_DOCS) };
    const again = withLocators(deserialize(serialize(toPortable(load))) as ReturnType<typeof toPortable>);
    for (const [i, obj] of again.parsed.objects.entries()) {
      const original = load.parsed.objects[i];
      expect(obj.source.range).toEqual(original.source.range);
      expect(obj.source.locate('metadata.name')).toEqual(original.source.locate('metadata.name'));
    }
  });

  it('a file with a %YAML directive is located by parsing it whole (directives apply to its documents)', () => {
    const text = '%YAML 1.2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: "1"\n';
    const [obj] = parseReadFile('f.yaml', text).objects;
    expect(obj.source.locate('data.x').start).toEqual({ line: 7, column: 3 });
  });
});
