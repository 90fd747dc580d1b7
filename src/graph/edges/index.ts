import { serviceEdges } from './service.js';
import { storageEdges } from './storage.js';
import type { EdgeBuilder } from './types.js';

export type { EdgeBuilder } from './types.js';

/** Every edge family, in the order they are built. A new family is one file plus one line here. */
export const EDGE_BUILDERS: readonly EdgeBuilder[] = [
  serviceEdges,
  storageEdges,
];
