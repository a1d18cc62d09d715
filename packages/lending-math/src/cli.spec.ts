import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runCli } from './cli';
import { addMonths } from './dates';
import { ISSUE_EXAMPLE_SCHEDULE } from './test-fixtures';

// Regulation Z Appendix J (c)(1)(i): 5 000 advanced 1978-01-10, 24 monthly payments of 230 → 9.69 %.
const appendixJ = {
  advances: [{ date: '1978-01-10', amount: '5000.00' }],
  payments: Array.from({ length: 24 }, (_, k) => ({ date: addMonths('1978-02-10', k), amount: '230.00' })),
  unitPeriod: 'month',
};
const schedule = ISSUE_EXAMPLE_SCHEDULE;

const run = (command: string, request: unknown) => {
  const { stdout, exitCode } = runCli(command, JSON.stringify(request));
  return { output: JSON.parse(stdout), exitCode };
};

describe('cli', () => {
  it('apr', () => {
    expect(run('apr', appendixJ)).toEqual({ output: { aprPct: '9.69' }, exitCode: 0 });
    expect(run('apr', { ...appendixJ, decimals: 4 }).output.aprPct).toBe('9.6857');
  });

  it('aprc', () => {
    const request = { drawdowns: [{ date: '1994-01-01', amount: '1000' }], repayments: [{ date: '1995-07-01', amount: '1200' }] };
    expect(run('aprc', request)).toEqual({ output: { aprcPct: '12.96' }, exitCode: 0 });
  });

  it('schedule', () => {
    const { output, exitCode } = run('schedule', schedule);
    expect(exitCode).toBe(0);
    expect(Object.keys(output)).toEqual(['installments']);
    expect(output.installments).toHaveLength(18);
    expect(output.installments[0]).toEqual({ n: 1, dueDate: '2022-12-01', principal: '255.00', interest: '50.00', total: '305.00', balance: '4745.00' });
  });

  it('payoff', () => {
    expect(run('payoff', { ...schedule, payoffDate: '2022-11-16' }).output).toEqual({
      payoffDate: '2022-11-16',
      unpaidDue: '0.00',
      outstandingPrincipal: '5000.00',
      accruedInterest: '25.00',
      total: '5025.00',
      remainingScheduled: '5488.22',
    });
  });

  it('revenue-share', () => {
    const request = {
      advance: '1000.00',
      fee: '100.00',
      fundingDate: '2026-03-01',
      remittancePct: '10',
      maxTermDays: 180,
      dailySales: [{ date: '2026-01-05', amount: '500.00' }],
    };
    expect(run('revenue-share', request).output).toEqual(expect.objectContaining({ payoffDate: '2026-03-23', totalRepayable: '1100.00' }));
  });

  it('answers an array with an array, errors in place, and exits 1 when any request fails', () => {
    const { output, exitCode } = run('apr', [appendixJ, { advances: [] }]);
    expect(exitCode).toBe(1);
    expect(output[0]).toEqual({ aprPct: '9.69' });
    expect(output[1].error).toEqual(
      expect.objectContaining({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field: 'payments' })]) }),
    );
  });

  it('exits 2 for an unknown command or input that is not JSON', () => {
    expect(runCli('mortgage', '{}')).toEqual({ stdout: expect.stringContaining('UNKNOWN_COMMAND'), exitCode: 2 });
    expect(runCli('apr', '{"advances": [')).toEqual({ stdout: expect.stringContaining('INVALID_JSON'), exitCode: 2 });
  });

  it('runs from the sources with no build, as `pnpm --filter @keeper/lending-math run cli` does', () => {
    const packageDir = path.join(__dirname, '..');
    const result = spawnSync(process.execPath, ['--conditions=source', 'bin/cli.cjs', 'apr'], {
      cwd: packageDir,
      input: JSON.stringify(appendixJ),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ aprPct: '9.69' });
  });
});
