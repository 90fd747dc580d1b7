export { findConfigFile, findRepoRoot, CONFIG_FILE_NAMES } from './find.js';
export { configGlobMatcher } from './globs.js';
export { ConfigError } from './load.js';
export type { ResolvedConfig, KubeknitConfigFile, RuleOverride, CustomRuleConfig } from './types.js';
