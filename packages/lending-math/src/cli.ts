/**
 * `lending-math <command>`: reads one JSON request, or an array of them, on stdin and writes the
 * result, or an array of results, as JSON on stdout.
 *
 * Exit codes: 0 when every request succeeded; 1 when any request was refused (its place in the output
 * holds {"error": {...}} and the others still hold their results); 2 when the command is unknown or
 * stdin is not JSON (the output is a single {"error": {...}}).
 */
import { regZApr, regZAprFromJson } from './apr-reg-z';
import { euAprc, euAprcFromJson } from './aprc-eu';
import { LendingMathError } from './errors';
import { toPercentString } from './fixed';
import { payoff, payoffFromJson, payoffToJson } from './payoff';
import { projectRevenueShare, revenueShareFromJson, revenueShareToJson } from './revenue-share';
import { buildSchedule, scheduleFromJson, scheduleToJson } from './schedule';

const COMMANDS: Record<string, (request: unknown) => unknown> = {
  apr: (request) => {
    const { decimals, ...input } = regZAprFromJson(request);
    return { aprPct: toPercentString(regZApr(input).annualRate, decimals) };
  },
  aprc: (request) => {
    const { decimals, ...input } = euAprcFromJson(request);
    return { aprcPct: toPercentString(euAprc(input).rate, decimals) };
  },
  schedule: (request) => scheduleToJson(buildSchedule(scheduleFromJson(request))),
  payoff: (request) => {
    const input = payoffFromJson(request);
    return payoffToJson(payoff(input), input.schedule.decimals);
  },
  'revenue-share': (request) => {
    const input = revenueShareFromJson(request);
    return revenueShareToJson(projectRevenueShare(input), input.decimals);
  },
};

export const CLI_COMMANDS = Object.keys(COMMANDS);

interface ErrorBody {
  error: { code: string; message: string; fields?: ReadonlyArray<{ field: string; message: string }> };
}

function errorBody(error: unknown): ErrorBody {
  if (error instanceof LendingMathError) {
    return { error: { code: error.code, message: error.message, ...(error.fields.length > 0 ? { fields: error.fields } : {}) } };
  }
  // Anything else is a defect here, not bad input; its message is still more useful than nothing.
  return { error: { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) } };
}

export function runCli(command: string | undefined, stdin: string): { stdout: string; exitCode: number } {
  const handler = command === undefined ? undefined : COMMANDS[command];
  if (!handler) {
    const message = `Unknown command ${JSON.stringify(command ?? '')}: use one of ${CLI_COMMANDS.join(', ')}`;
    return { stdout: JSON.stringify({ error: { code: 'UNKNOWN_COMMAND', message } }), exitCode: 2 };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdin);
  } catch (error) {
    const message = `stdin is not JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { stdout: JSON.stringify({ error: { code: 'INVALID_JSON', message } }), exitCode: 2 };
  }
  let failed = false;
  const run = (request: unknown) => {
    try {
      return handler(request);
    } catch (error) {
      failed = true;
      return errorBody(error);
    }
  };
  const output = Array.isArray(parsed) ? parsed.map(run) : run(parsed);
  return { stdout: JSON.stringify(output), exitCode: failed ? 1 : 0 };
}

export async function main(argv: readonly string[]): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { stdout, exitCode } = runCli(argv[0], Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(`${stdout}\n`);
  return exitCode;
}
