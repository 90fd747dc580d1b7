import type { ObjectSet } from '../../load/object-set.js';
import { isPlainObject } from '../../k8s/guards.js';
import type { FieldPath, K8sObject } from '../../types.js';
import type { EdgeBuilder } from './types.js';

export const CERT_MANAGER_GROUP = 'cert-manager.io';

/** An issuer a Certificate, CertificateRequest or annotated Ingress/Gateway asks for. */
export interface IssuerRef {
  kind: 'Issuer' | 'ClusterIssuer';
  /** The referring object's namespace for an Issuer, null for a ClusterIssuer. */
  namespace: string | null;
  name: string;
  /** The field that names it, and the edge's path (a string). */
  path: FieldPath;
  edgePath: string;
}

/** Annotations by which cert-manager's ingress-shim makes certificates for Ingresses and Gateways. */
const ANNOTATIONS = [['cert-manager.io/issuer', 'Issuer'], ['cert-manager.io/cluster-issuer', 'ClusterIssuer']] as const;

/**
 * The cert-manager issuers an object refers to: `spec.issuerRef` of a Certificate or
 * CertificateRequest (issuers of other groups, external issuers, are left out), and the
 * issuer annotations of an Ingress or Gateway.
 */
export function issuerRefsOf(obj: K8sObject): IssuerRef[] {
  if (obj.namespace === null) return [];
  if ((obj.kind === 'Certificate' || obj.kind === 'CertificateRequest') && obj.group === CERT_MANAGER_GROUP) {
    const ref = isPlainObject(obj.body.spec) ? obj.body.spec.issuerRef : undefined;
    if (!isPlainObject(ref) || typeof ref.name !== 'string' || !ref.name) return [];
    if (ref.group !== undefined && ref.group !== CERT_MANAGER_GROUP) return [];
    const kind = ref.kind === 'ClusterIssuer' ? 'ClusterIssuer' : ref.kind === undefined || ref.kind === 'Issuer' ? 'Issuer' : undefined;
    if (!kind) return [];
    return [{ kind, namespace: kind === 'Issuer' ? obj.namespace : null, name: ref.name, path: 'spec.issuerRef.name', edgePath: 'spec.issuerRef' }];
  }
  if (obj.kind !== 'Ingress' && obj.kind !== 'Gateway') return [];
  const out: IssuerRef[] = [];
  for (const [annotation, kind] of ANNOTATIONS) {
    const name = obj.annotations[annotation];
    if (typeof name === 'string' && name) out.push({ kind, namespace: kind === 'Issuer' ? obj.namespace : null, name, path: ['metadata', 'annotations', annotation], edgePath: 'metadata.annotations' });
  }
  return out;
}

/** Objects of the input that refer to cert-manager issuers. */
export function issuerReferrers(objects: ObjectSet): K8sObject[] {
  return objects.ofKind('Certificate', 'CertificateRequest', 'Ingress', 'Gateway');
}

/** cert-manager: Certificate, CertificateRequest and issuer-annotated Ingress/Gateway → Issuer or ClusterIssuer (`references`). */
export const certManagerEdges: EdgeBuilder = (graph, objects) => {
  for (const obj of issuerReferrers(objects)) {
    for (const ref of issuerRefsOf(obj)) {
      graph.addEdge({ from: obj.id, to: graph.referenceNode(`${CERT_MANAGER_GROUP}/v1`, ref.kind, ref.namespace, ref.name).id, type: 'references', path: ref.edgePath });
    }
  }
};
