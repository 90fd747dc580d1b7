/**
 * The one module rules import from: defineRule, the Kubernetes model and the graph queries.
 * Rules never deep-import loader, parser or engine internals; what they need is re-exported here.
 */
export { ASSUME_EXISTING_SCHEMA, assumedToExist } from './engine/assume-existing.js';
export type { AssumeExistingOptions } from './engine/assume-existing.js';
export { reportLoadProblems } from './engine/load-problems.js';
export { reportMissingKeys, reportMissingPodReferences } from './engine/missing-references.js';
export { defineRule } from './engine/rule.js';
export type { RelatedObject } from './engine/rule.js';
export { capabilities, containerSecurityContext, describeContainer, effectiveSecurityField, isWindowsPod, normalizeCapability, podSysctls, workloadContainers } from './graph/containers.js';
export type { WorkloadContainer } from './graph/containers.js';
export { ingressBackends, ingressTlsSecrets } from './graph/edges/ingress.js';
export { policySelectors } from './graph/edges/network-policy.js';
export { roleRefOf } from './graph/edges/rbac.js';
export { scaleTargetOf } from './graph/edges/scaling.js';
export type { GraphNode } from './graph/graph.js';
export { isTemplatedImage, parseImageRef } from './graph/image.js';
export type { ImageRef } from './graph/image.js';
export { declaredPorts, isPortNumber, portNameProblem, portsOf, protocolOf, runningContainers } from './graph/ports.js';
export type { DeclaredPort } from './graph/ports.js';
export { containerResources, containersMissingResources, resourcePath, resourceRuleOptionsSchema } from './graph/resources.js';
export type { ResourceRuleOptions } from './graph/resources.js';
export { formatSelector, isEmptySelector, selectorFromLabelSelector, selectorFromMap, selectorMatches } from './graph/selector.js';
export { serviceMentions } from './graph/service-mentions.js';
export { NO_PROVISIONER, accessModesOf, bindingProblems, claimsOf, defaultStorageClass, describeClaim, effectiveClaimClass, matchingVolume, storageClassNameOf } from './graph/storage.js';
export type { Claim } from './graph/storage.js';
export { claimNameOf, normalizeHostPath, podVolumes, volumeMounts } from './graph/volumes.js';
export type { VolumeMount } from './graph/volumes.js';
export { containersOf, controllerSelector, podTemplateOf } from './graph/workloads.js';
export type { ContainerRef, PodTemplate } from './graph/workloads.js';
export type { ObjectSet } from './load/object-set.js';
export { isPlainObject } from './load/parse.js';
export { own } from './own.js';
export { containerLabel, envVarsOf } from './rule-helpers/env.js';
export type { EnvVarRef } from './rule-helpers/env.js';
export { declaredRoleRef, formatSubjects, policyRulesOf } from './rule-helpers/rbac.js';
export { REPLICATED_KINDS, autoscalersByTarget, declaredReplicas, lowestReplicas, replicasPath } from './rule-helpers/scaling.js';
export { networkPolicySelector, ownersSelected, pdbSelector, podTemplatesByOwner, selectorsByOwner } from './rule-helpers/selection.js';
export { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, pathSegment, qualifiedName, withMaxLength } from './schema/names.js';
export type { NameCheck } from './schema/names.js';
export { linearRegExpIgnoringCase } from './schema/linear-regexp.js';
export { schemaRegistryFor } from './schema/registry.js';
export { schemaIssues } from './schema/validate-object.js';
export type { JsonObject, JsonValue, K8sObject } from './types.js';
export type { MessageData, ReportExtra, Rule, RuleContext, RuleDefinition } from './engine/rule.js';
export type { EdgeType, GraphEdge, KnitGraph } from './graph/graph.js';
export type { FieldPath, Severity } from './types.js';
