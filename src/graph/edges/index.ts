import { argoRolloutsEdges } from './argo-rollouts.js';
import { certManagerEdges } from './cert-manager.js';
import { connectsEdges } from './connects.js';
import { gatewayApiEdges } from './gateway-api.js';
import { ingressEdges } from './ingress.js';
import { networkPolicyEdges } from './network-policy.js';
import { istioEdges } from './istio.js';
import { pdbEdges } from './pdb.js';
import { producesEdges } from './produces.js';
import { prometheusEdges } from './prometheus.js';
import { rbacEdges } from './rbac.js';
import { referenceEdges } from './references.js';
import { scalingEdges } from './scaling.js';
import { serviceEdges } from './service.js';
import { statefulSetEdges } from './statefulset.js';
import { storageEdges } from './storage.js';
import type { EdgeBuilder } from './types.js';

export type { EdgeBuilder } from './types.js';

/** Every edge family, in the order they are built. A new family is one file plus one line here. */
export const EDGE_BUILDERS: readonly EdgeBuilder[] = [
  producesEdges,
  serviceEdges,
  networkPolicyEdges,
  pdbEdges,
  ingressEdges,
  referenceEdges,
  scalingEdges,
  rbacEdges,
  statefulSetEdges,
  connectsEdges,
  storageEdges,
  gatewayApiEdges,
  prometheusEdges,
  certManagerEdges,
  istioEdges,
  argoRolloutsEdges,
];
