import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportOptions, ReportInput } from './types.js';
export { shouldColor } from './colors.js';
export { escapeForTerminal } from './escape.js';

export const REPORTERS: Record<string, Reporter> = { stylish, json, sarif, github, junit };

export const FORMAT_NAMES = Object.keys(REPORTERS);
