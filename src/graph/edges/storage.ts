import type { ObjectSet } from '../../load/object-set.js';
import { isPlainObject } from '../../k8s/guards.js';
import type { KnitGraph } from '../graph.js';
import { boundVolumeOf, claimsOf, type Claim, defaultStorageClass, effectiveClaimClass, matchingVolume, storageClassNameOf } from '../../k8s/storage.js';
import type { EdgeBuilder } from './types.js';

/**
 * PersistentVolumeClaim → PersistentVolume (`binds`: the one named by `volumeName`, else the static
 * volume the controller would pick), and claims and volumes → their StorageClass (`provisions`: the named class,
 * or the default class when a claim names none).
 */
export const storageEdges: EdgeBuilder = (graph, objects) => {
  const defaultClass = defaultStorageClass(objects);
  for (const claim of claimsOf(objects)) {
    const from = claimNodeId(graph, claim);
    if (from === undefined) continue;
    const volumeName = claim.spec.volumeName;
    const claimClass = effectiveClaimClass(claim, defaultClass);
    if (typeof volumeName === 'string' && volumeName !== '') {
      const pv = objects.find('PersistentVolume', null, volumeName);
      const to = pv?.id ?? graph.referenceNode('v1', 'PersistentVolume', null, volumeName).id;
      graph.addEdge({ from, to, type: 'binds', path: `${claim.specPath}.volumeName` });
    } else {
      // A volume binds one claim: a claim takes a static volume only if no claim before it did.
      const pv = claim.template ? matchingVolume(objects, claim, claimClass) : boundVolumeOf(objects, claim);
      if (pv) graph.addEdge({ from, to: pv.id, type: 'binds', path: claim.specPath });
    }
    const named = storageClassNameOf(claim.spec, claim.annotations);
    if (named !== undefined) addProvisions(graph, objects, from, named, `${claim.specPath}.storageClassName`);
    else if (defaultClass) graph.addEdge({ from, to: defaultClass.id, type: 'provisions', path: claim.specPath });
  }
  for (const pv of objects.ofKind('PersistentVolume')) {
    const spec = isPlainObject(pv.body.spec) ? pv.body.spec : {};
    const named = storageClassNameOf(spec, pv.annotations);
    if (named !== undefined) addProvisions(graph, objects, pv.id, named, 'spec.storageClassName');
  }
};

/**
 * The node a claim's edges start from: the PVC itself, or the implied claim node of a StatefulSet's
 * volumeClaimTemplate when the graph has one (`<statefulset id>#PersistentVolumeClaim/<template>`).
 * Ephemeral volume claims have no node of their own.
 */
function claimNodeId(graph: KnitGraph, claim: Claim): string | undefined {
  if (!claim.template) return claim.owner.id;
  if (claim.owner.kind !== 'StatefulSet') return undefined;
  return graph.node(`${claim.owner.id}#PersistentVolumeClaim/${claim.name}`)?.id;
}

function addProvisions(graph: KnitGraph, objects: ObjectSet, from: string, className: string, path: string): void {
  if (className === '') return; // "" asks for no class: static volumes only
  const sc = objects.find('StorageClass', null, className);
  const to = sc?.id ?? graph.referenceNode('storage.k8s.io/v1', 'StorageClass', null, className).id;
  graph.addEdge({ from, to, type: 'provisions', path });
}
