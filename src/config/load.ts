import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { RuleSetting } from '../engine/active-rules.js';
import type { Rule } from '../engine/rule.js';
import { ruleOptionProblems } from '../engine/rule-options.js';
import { UsageError } from '../load/errors.js';
import { formatFieldPath } from '../load/field-path.js';
import { locatePath } from '../load/locate.js';
import type { Position } from '../types.js';
import { createAjv, describeSchemaError, usefulSchemaErrors, type AjvInstance, type ErrorObject, type ValidateFunction } from './ajv.js';
import { customRule } from './custom-rules.js';
import { didYouMean } from './did-you-mean.js';
import { packageFile } from './package-file.js';
import type { KubeknitConfigFile, ResolvedConfig } from './types.js';

/** A config file kubeknit cannot use; the CLI prints it and exits 2. */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
}

type Segments = Array<string | number>;

interface Problem {
  segments: Segments;
  text: string;
}

/**
 * Reads a config file, checks it against the config schema and the rules' option schemas, and
 * resolves it. `rules` are the rules ids and options are checked against (`src/index.ts` passes the built-in ones).
 */
export async function loadConfigFile(file: string, rules: readonly Rule[]): Promise<ResolvedConfig> {
  const absolute = path.resolve(file);
  const shown = displayPath(absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (err) {
    throw new ConfigError(`${shown}: cannot read the config file: ${(err as Error).message.split('\n')[0]}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (at: Position, message: string): never => {
    throw new ConfigError(`${shown}:${at.line}:${at.column}: ${message}`);
  };
  if (doc.errors.length) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    fail({ line: pos.line, column: pos.col }, `not valid YAML: ${err.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    fail({ line: 1, column: 1 }, `cannot expand the YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const ajv = await createAjv({ verbose: true });
  const problems = validateConfig(ajv, data);
  if (!problems.length) problems.push(...checkRulesAndCustomRules(ajv, data as KubeknitConfigFile, rules));
  if (problems.length) {
    const located = problems.map((p) => ({ ...p, at: locatePath(doc.contents as Node, p.segments, lineCounter).start }));
    located.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    const first = located[0];
    const where = first.segments.length ? `${formatFieldPath(first.segments)}: ` : '';
    const more = located.length > 1 ? ` (and ${located.length - 1} more problem${located.length > 2 ? 's' : ''})` : '';
    fail(first.at, `${where}${first.text}${more}`);
  }
  const config = data as KubeknitConfigFile;
  const customRules = (config.customRules ?? []).map((custom) => customRule(custom, ajv.compile(custom.schema), shown));
  return resolveConfig(config, absolute, customRules);
}

let configValidator: ValidateFunction | undefined;

function validateConfig(ajv: AjvInstance, data: unknown): Problem[] {
  configValidator ??= ajv.compile(JSON.parse(readFileSync(packageFile('schemas/config.schema.json'), 'utf8')) as object);
  if (configValidator(data)) return [];
  return usefulSchemaErrors(configValidator.errors ?? []).map((error) => {
    const { segments, text } = describeSchemaError(error);
    return { segments, text: error.keyword === 'additionalProperties' ? `${text}${didYouMean(String(segments[segments.length - 1]), knownKeys(error))}` : text };
  });
}

function knownKeys(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/** Rule ids that exist, options that fit each rule's schema, custom rules that do not clash. */
function checkRulesAndCustomRules(ajv: AjvInstance, config: KubeknitConfigFile, rules: readonly Rule[]): Problem[] {
  const problems: Problem[] = [];
  const builtIn = new Map<string, Rule>(rules.map((r) => [r.id, r]));
  const customIds = new Set<string>();
  (config.customRules ?? []).forEach((custom, i) => {
    if (builtIn.has(custom.id)) problems.push({ segments: ['customRules', i, 'id'], text: `"${custom.id}" is the id of a built-in rule; pick another id` });
    else if (customIds.has(custom.id)) problems.push({ segments: ['customRules', i, 'id'], text: `custom rule "${custom.id}" is defined twice` });
    customIds.add(custom.id);
    try {
      ajv.compile(custom.schema);
    } catch (err) {
      problems.push({ segments: ['customRules', i, 'schema'], text: `not a usable JSON schema: ${(err as Error).message.split('\n')[0]}` });
    }
  });
  const known = [...builtIn.keys(), ...customIds];
  const checkSettings = (settings: Record<string, RuleSetting> | undefined, at: Segments) => {
    for (const [id, setting] of Object.entries(settings ?? {})) {
      if (!known.includes(id)) {
        problems.push({ segments: [...at, id], text: `unknown rule "${id}"${didYouMean(id, known)}` });
        continue;
      }
      if (typeof setting !== 'object' || setting.options === undefined) continue;
      problems.push(...checkRuleOptions(builtIn.get(id), setting.options, [...at, id, 'options']));
    }
  };
  checkSettings(config.rules, ['rules']);
  (config.overrides ?? []).forEach((override, i) => checkSettings(override.rules, ['overrides', i, 'rules']));
  return problems;
}

function checkRuleOptions(rule: Rule | undefined, options: Record<string, unknown>, at: Segments): Problem[] {
  if (!rule) return [{ segments: at, text: `rule "${at[at.length - 2]}" takes no options` }];
  return ruleOptionProblems(rule, options).map(({ segments, text }) => ({ segments: [...at, ...segments], text }));
}

function resolveConfig(config: KubeknitConfigFile, file: string, customRules: Rule[]): ResolvedConfig {
  const baseDir = path.dirname(file);
  return {
    file,
    baseDir,
    preset: config.extends,
    kubernetesVersion: config.kubernetesVersion,
    rules: config.rules ?? {},
    overrides: config.overrides ?? [],
    ignore: config.ignore ?? [],
    schemaLocations: (config.schemaLocations ?? []).map((loc) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(loc) ? loc : path.resolve(baseDir, loc))),
    customRules,
  };
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}
