import type { Rule } from '../src/engine/rule.js';
import danglingServiceSelector from './dangling-service-selector.js';
import duplicateContainerPort from './duplicate-container-port.js';
import duplicateObject from './duplicate-object.js';
import invalidObject from './invalid-object.js';
import invalidYaml from './invalid-yaml.js';
import volumeMountMissingVolume from './volume-mount-missing-volume.js';
import schemaViolation from './schema-violation.js';
import removedApi from './removed-api.js';
import unknownKind from './unknown-kind.js';
import invalidMetadata from './invalid-metadata.js';

/** Every built-in rule. A new rule is one file in this folder plus one line here. */
export const RULES: readonly Rule[] = [
  invalidYaml,
  invalidObject,
  duplicateObject,
  danglingServiceSelector,
  duplicateContainerPort,
  volumeMountMissingVolume,
  schemaViolation,
  removedApi,
  unknownKind,
  invalidMetadata,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
