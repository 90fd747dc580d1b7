import { describe, expect, it } from 'vitest';
import { storageEdges } from '../../src/graph/edges/storage.js';
import { KnitGraph } from '../../src/graph/graph.js';
import { lint } from '../../src/index.js';
import { ObjectSet } from '../../src/load/object-set.js';

async function edgesOf(text: string, type: 'binds' | 'provisions') {
  const { graph } = await lint([], { preset: 'all', rules: {}, inline: [{ file: 'storage.yaml', text }] });
  return graph.edges().filter((e) => e.type === type).map((e) => ({ from: e.from, to: e.to, path: e.path, missing: graph.node(e.to)?.missing }));
}

const defaultClass = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: standard\n  annotations: {storageclass.kubernetes.io/is-default-class: "true"}\nprovisioner: pd.csi.storage.gke.io\n';
const fastClass = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: pd.csi.storage.gke.io\n';
const claim = (name: string, spec: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}, namespace: app}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}, ${spec}}\n`;
const volume = (name: string, spec: string) => `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}}\nspec: {accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}, ${spec}}\n`;

describe('storage edges', () => {
  it('provisions: a named class, the default class when none is named, none for ""', async () => {
    const text = [defaultClass, fastClass, claim('named', 'storageClassName: fast'), claim('omitted', 'volumeMode: Filesystem'), claim('none', 'storageClassName: ""')].join('---\n');
    expect(await edgesOf(text, 'provisions')).toEqual([
      { from: 'PersistentVolumeClaim/app/named', to: 'StorageClass/fast', path: 'spec.storageClassName', missing: false },
      { from: 'PersistentVolumeClaim/app/omitted', to: 'StorageClass/standard', path: 'spec', missing: false },
    ]);
  });

  it('provisions: a class not in the input becomes a missing node; volumes point at their class too', async () => {
    const text = [claim('data', 'storageClassName: gold'), volume('pv', 'storageClassName: gold')].join('---\n');
    expect(await edgesOf(text, 'provisions')).toEqual([
      { from: 'PersistentVolumeClaim/app/data', to: 'StorageClass/gold', path: 'spec.storageClassName', missing: true },
      { from: 'PersistentVolume/pv', to: 'StorageClass/gold', path: 'spec.storageClassName', missing: true },
    ]);
  });

  it('binds: volumeName, to a missing node when the volume is absent', async () => {
    const text = [claim('a', 'volumeName: pv-a, storageClassName: ""'), claim('b', 'volumeName: pv-b, storageClassName: ""'), volume('pv-a', 'storageClassName: ""')].join('---\n');
    expect(await edgesOf(text, 'binds')).toEqual([
      { from: 'PersistentVolumeClaim/app/a', to: 'PersistentVolume/pv-a', path: 'spec.volumeName', missing: false },
      { from: 'PersistentVolumeClaim/app/b', to: 'PersistentVolume/pv-b', path: 'spec.volumeName', missing: true },
    ]);
  });

  it('binds: the static volume the controller would pick (class, modes, capacity, volumeMode, selector, claimRef)', async () => {
    const text = [
      claim('data', 'storageClassName: "", selector: {matchLabels: {disk: ssd}}'),
      volume('fits', 'storageClassName: "", capacity: {storage: 20Gi}'),
      volume('other-class', 'storageClassName: fast'),
      volume('too-small', 'storageClassName: "", capacity: {storage: 5Gi}'),
      volume('read-only', 'storageClassName: "", accessModes: [ReadOnlyMany]'),
      volume('block', 'storageClassName: "", volumeMode: Block'),
      volume('taken', 'storageClassName: "", claimRef: {namespace: app, name: other}'),
      volume('mine', 'storageClassName: "", claimRef: {namespace: app, name: data}'),
    ].join('---\n').replace(/name: (fits|other-class|too-small|read-only|block|taken|mine)}/g, 'name: $1, labels: {disk: ssd}}');
    const bound = (await edgesOf(text, 'binds')).map((e) => e.to);
    expect(bound).toEqual(['PersistentVolume/mine']); // reserved by claimRef, though "fits" would do too
  });

  it('binds: no edge from a claim with no class to a classless volume when the input has a default class (the claim gets that class)', async () => {
    const text = [defaultClass, claim('data', 'volumeMode: Filesystem'), volume('plain', 'volumeMode: Filesystem'), claim('none', 'storageClassName: ""')].join('---\n');
    expect(await edgesOf(text, 'binds')).toEqual([{ from: 'PersistentVolumeClaim/app/none', to: 'PersistentVolume/plain', path: 'spec', missing: false }]);
  });

  it('binds: a volume binds one claim; a claim naming it by volumeName comes first', async () => {
    const text = [claim('first', 'storageClassName: ""'), claim('named', 'storageClassName: "", volumeName: only'), volume('only', 'storageClassName: ""')].join('---\n');
    expect(await edgesOf(text, 'binds')).toEqual([{ from: 'PersistentVolumeClaim/app/named', to: 'PersistentVolume/only', path: 'spec.volumeName', missing: false }]);
  });

  it('binds: the smallest volume that fits', async () => {
    const text = [claim('data', 'storageClassName: ""'), volume('large', 'storageClassName: "", capacity: {storage: 1Ti}'), volume('snug', 'storageClassName: "", capacity: {storage: 12Gi}'), volume('small', 'storageClassName: "", capacity: {storage: 1Gi}')].join('---\n');
    expect((await edgesOf(text, 'binds')).map((e) => e.to)).toEqual(['PersistentVolume/snug']);
  });

  it('binds: a selector the volume labels do not match', async () => {
    const text = [claim('data', 'storageClassName: "", selector: {matchLabels: {disk: ssd}}'), volume('hdd', 'storageClassName: ""')].join('---\n');
    expect(await edgesOf(text, 'binds')).toEqual([]);
  });

  it('a StatefulSet\'s implied claim node gets the edges of its volumeClaimTemplate', async () => {
    const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: app}\nspec:\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {storageClassName: fast, accessModes: [ReadWriteOnce]}\n';
    const { objects } = await lint([], { preset: 'all', inline: [{ file: 's.yaml', text: [fastClass, sts].join('---\n') }] });
    const graph = new KnitGraph();
    for (const obj of objects) graph.addNode({ id: obj.id, apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.namespace, name: obj.name, implied: false, missing: false, object: obj });
    // The graph build adds one implied claim node per template under this id.
    const claimId = 'StatefulSet/app/db#PersistentVolumeClaim/data';
    graph.addNode({ id: claimId, apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: 'app', name: 'data-db-*', implied: true, missing: false });
    storageEdges(graph, new ObjectSet(objects));
    expect(graph.outEdges(claimId)).toEqual([{ from: claimId, to: 'StorageClass/fast', type: 'provisions', path: 'spec.volumeClaimTemplates[0].spec.storageClassName' }]);
  });
});
