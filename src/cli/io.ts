import { UsageError } from '../load/errors.js';

/** The process surface the CLI uses, injectable so commands can be tested in-process. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const processIO = (): CliIO => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Standard input named as `-`. Blank input is a usage error, as an empty directory is: a producer
 * that failed upstream (`kustomize build … | kubeknit lint -`) must not pass as clean.
 */
export async function readStdinInput(stream: NodeJS.ReadableStream): Promise<string> {
  const text = await readAll(stream);
  if (!text.trim()) throw new UsageError('standard input ("-") is empty: nothing to lint; did the command before the pipe fail?');
  return text;
}

/** Exit codes: 0 clean, 1 findings at error level (or too many warnings), 2 usage/config/internal error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;
