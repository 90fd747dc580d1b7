import type { ObjectSet } from '../../load/object-set.js';
import { isPlainObject } from '../../load/parse.js';
import type { K8sObject } from '../../types.js';
import type { KnitGraph } from '../graph.js';
import { bindableVolumes, claimsOf, defaultStorageClass, effectiveClaimClass, storageClassNameOf } from '../storage.js';
import type { EdgeBuilder } from './types.js';

/**
 * PersistentVolumeClaim → PersistentVolume (`binds`: the one named by `volumeName`, else every static
 * volume that would bind), and claims and volumes → their StorageClass (`provisions`: the named class,
 * or the default class when a claim names none).
 */
export const storageEdges: EdgeBuilder = (graph, objects) => {
  const defaultClass = defaultStorageClass(objects);
  for (const claim of claimsOf(objects)) {
    if (claim.template) continue; // a template is not a node; its claims are made at run time
    const from = claim.owner.id;
    const volumeName = claim.spec.volumeName;
    const claimClass = effectiveClaimClass(claim, defaultClass);
    if (typeof volumeName === 'string' && volumeName !== '') {
      const pv = objects.find('PersistentVolume', null, volumeName);
      const to = pv?.id ?? graph.missingNode('v1', 'PersistentVolume', null, volumeName).id;
      graph.addEdge({ from, to, type: 'binds', path: 'spec.volumeName' });
    } else {
      for (const pv of bindableVolumes(objects, claim, claimClass)) graph.addEdge({ from, to: pv.id, type: 'binds', path: 'spec' });
    }
    const named = storageClassNameOf(claim.spec, claim.annotations);
    if (named !== undefined) addProvisions(graph, objects, claim.owner, named, 'spec.storageClassName');
    else if (defaultClass) graph.addEdge({ from, to: defaultClass.id, type: 'provisions', path: 'spec' });
  }
  for (const pv of objects.ofKind('PersistentVolume')) {
    const spec = isPlainObject(pv.body.spec) ? pv.body.spec : {};
    const named = storageClassNameOf(spec, pv.annotations);
    if (named !== undefined) addProvisions(graph, objects, pv, named, 'spec.storageClassName');
  }
};

function addProvisions(graph: KnitGraph, objects: ObjectSet, from: K8sObject, className: string, path: string): void {
  if (className === '') return; // "" asks for no class: static volumes only
  const sc = objects.find('StorageClass', null, className);
  const to = sc?.id ?? graph.missingNode('storage.k8s.io/v1', 'StorageClass', null, className).id;
  graph.addEdge({ from: from.id, to, type: 'provisions', path });
}
