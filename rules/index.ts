import type { Rule } from '../src/engine/rule.js';
import danglingServiceSelector from './dangling-service-selector.js';
import duplicateContainerPort from './duplicate-container-port.js';
import duplicateObject from './duplicate-object.js';
import invalidObject from './invalid-object.js';
import invalidYaml from './invalid-yaml.js';
import fileTooLarge from './file-too-large.js';
import kustomizationSkipped from './kustomization-skipped.js';
import unrenderedTemplate from './unrendered-template.js';
import volumeMountMissingVolume from './volume-mount-missing-volume.js';

/** Every built-in rule. A new rule is one file in this folder plus one line here. */
export const RULES: readonly Rule[] = [
  invalidYaml,
  invalidObject,
  fileTooLarge,
  unrenderedTemplate,
  kustomizationSkipped,
  duplicateObject,
  danglingServiceSelector,
  duplicateContainerPort,
  volumeMountMissingVolume,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
