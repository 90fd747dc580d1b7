import type { ObjectSet } from '../../load/object-set.js';
import type { KnitGraph } from '../graph.js';

/**
 * Adds one family of edges to the graph. Builders run in order after every object (and implied
 * node) is in the graph, so a builder can look up any object or Pod.
 */
export type EdgeBuilder = (graph: KnitGraph, objects: ObjectSet) => void;
