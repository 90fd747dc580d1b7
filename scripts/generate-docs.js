// Writes docs/rules.md from the rule modules. Run by `npm run docs` (after a build).
import { writeFileSync } from 'node:fs';
import { RULES } from '../dist/rules/index.js';
import { rulesMarkdown } from '../dist/src/docs/rules-markdown.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown(RULES));
console.log(`docs/rules.md: ${RULES.length} rules`);
