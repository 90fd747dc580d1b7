export * from './rule.js';
export { runRules, RuleError, type ActiveRule, type RunInput } from './run.js';
export { compareFindings } from './sort.js';
export { reportLoadProblems } from './load-problems.js';
export { resolveActiveRules, type RuleSelection, type RuleSetting } from './active-rules.js';
