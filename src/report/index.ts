import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportOptions } from './types.js';
export { shouldColor } from './colors.js';
export { escapeForTerminal } from './escape.js';

export const REPORTERS: Record<string, Reporter> = { stylish, json };

export const FORMAT_NAMES = Object.keys(REPORTERS);
