import { presetsOf, type Rule } from '../engine/rule.js';

/** `docs/rules.md`, generated from the rule modules (`npm run docs`); a test fails when the file is stale. */
export function rulesMarkdown(rules: readonly Rule[]): string {
  let out = '# kubeknit rules\n\n';
  out += '<!-- Generated from the rule modules in rules/ by `npm run docs`. Do not edit by hand. -->\n\n';
  out += 'Presets: `recommended` (the default) is in `strict`, and `all` turns on every rule. ';
  out += 'Set a rule\'s severity or options in `.kubeknit.yaml` (`rules: { <id>: warning }`) or with `--rule <id>=<severity>`.\n\n';
  out += '| Rule | Family | Severity | Presets | What it finds |\n|---|---|---|---|---|\n';
  for (const rule of rules) {
    out += `| [\`${rule.id}\`](#${rule.id}) | ${rule.family} | ${rule.severity} | ${presetsOf(rule).join(', ')} | ${cell(rule.description)} |\n`;
  }
  for (const rule of rules) out += `\n${ruleSection(rule)}`;
  return out;
}

function ruleSection(rule: Rule): string {
  let out = `## ${rule.id}\n\n${rule.description}.\n\n`;
  out += `- Family: ${rule.family}\n- Default severity: ${rule.severity}\n- Presets: ${presetsOf(rule).join(', ')}\n`;
  if (rule.fixable) out += `- Fixable: \`--fix\`${rule.fixable === 'suggestion' ? ' with `--fix-type suggestion`' : ''} (a ${rule.fixable})\n`;
  out += '\n';
  out += `**Why it matters.** ${rule.docs.why}\n\n**How to fix.** ${rule.docs.fix}\n`;
  if (rule.docs.bad) out += `\nFails:\n\n\`\`\`yaml\n${rule.docs.bad.trimEnd()}\n\`\`\`\n`;
  if (rule.docs.good) out += `\nPasses:\n\n\`\`\`yaml\n${rule.docs.good.trimEnd()}\n\`\`\`\n`;
  if (rule.options) {
    out += `\nOptions (JSON schema${rule.defaultOptions ? `; defaults \`${JSON.stringify(rule.defaultOptions)}\`` : ''}):\n\n`;
    out += `\`\`\`json\n${JSON.stringify(rule.options, null, 2)}\n\`\`\`\n`;
  }
  return out;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
