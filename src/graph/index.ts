export { buildGraph } from './build.js';
export { KnitGraph, EDGE_TYPES, type EdgeType, type GraphEdge, type GraphNode } from './graph.js';
export { LabelIndex } from './label-index.js';
export * from './selector.js';
export * from './workloads.js';
export { podReferences, type PodReference } from './pod-references.js';
export { namesInText, serviceMentions, type ServiceMention } from './service-mentions.js';
