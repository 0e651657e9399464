// The layering of issue 8, pinned: src/ and commands/ are cruised by dependency-cruiser with the
// rules in .dependency-cruiser.cjs (the same file `npm run arch` / `npx depcruise` reads), and any
// forbidden import edge fails the test, printed as `from → to (rule)`.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ICruiseResult, type IModule, type IViolation, cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const rulesFile = join(root, '.dependency-cruiser.cjs');
const fixtures = join(root, 'test', 'architecture-fixtures');

/** Cruise `inputs` (relative to `baseDir`) exactly as the command line does with the rules file. */
async function cruiseWithRules(baseDir: string, inputs: string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(rulesFile);
  const tsConfigFile = join(root, options.tsConfig?.fileName ?? 'tsconfig.json');
  const result = await cruise(
    inputs,
    { ...options, baseDir, tsConfig: { fileName: tsConfigFile } },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a cruise result');
  return result.output;
}

/** `grammy` for `node_modules/grammy/out/mod.d.ts` (wherever that node_modules is), else the path itself. */
function shortName(path: string): string {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match ? `npm:${match[1]}` : path;
}

function describeViolation(violation: IViolation): string {
  const line = `${violation.from} → ${shortName(violation.to)} (${violation.rule.name})`;
  return violation.cycle ? `${line} via ${violation.cycle.map((step) => step.name).join(' → ')}` : line;
}

/** Every violation as a line, grouped by rule. */
function report(violations: IViolation[]): string {
  const byRule = new Map<string, string[]>();
  for (const violation of violations) {
    const lines = byRule.get(violation.rule.name) ?? [];
    lines.push(describeViolation(violation));
    byRule.set(violation.rule.name, lines);
  }
  return [...byRule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([rule, lines]) =>
        `${rule} (${lines.length}):\n${lines
          .sort()
          .map((line) => `  ${line}`)
          .join('\n')}`,
    )
    .join('\n');
}

const isLocal = (module: IModule): boolean => /^(src|commands)\//.test(module.source);

function tsFilesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `${dir}/${file.split('\\').join('/')}`);
}

describe('architecture (src/ and commands/, rules in .dependency-cruiser.cjs)', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await cruiseWithRules(root, ['src', 'commands']);
  });

  it('sees the whole tree and resolves its imports (a rule that never sees an edge could not fail)', () => {
    const local = result.modules.filter(isLocal);
    expect(local.length).toBeGreaterThanOrEqual(80);
    expect(local.map((module) => module.source).sort()).toEqual([...tsFilesUnder('src'), ...tsFilesUnder('commands')].sort());

    const edges = local.flatMap((module) => module.dependencies);
    const resolvedLocal = edges.filter((edge) => !edge.couldNotResolve && /^(src|commands)\//.test(edge.resolved));
    expect(resolvedLocal.length).toBeGreaterThanOrEqual(300);
    // type-only imports are edges too, and npm imports (subpath exports included) land in node_modules.
    expect(edges.filter((edge) => edge.dependencyTypes.includes('type-only')).length).toBeGreaterThanOrEqual(20);
    expect(edges.filter((edge) => /(^|\/)node_modules\//.test(edge.resolved)).length).toBeGreaterThanOrEqual(10);

    const unresolved = local.flatMap((module) =>
      module.dependencies.filter((edge) => edge.couldNotResolve).map((edge) => `${module.source} → ${edge.module}`),
    );
    expect(unresolved, `imports that resolve to nothing:\n${unresolved.join('\n')}`).toEqual([]);
  });

  it('has no forbidden import edge', () => {
    const violations = result.summary.violations;
    expect(violations.length, `${violations.length} forbidden import edges:\n${report(violations)}`).toBe(0);
  });
});

describe('the rules bite (a fake tree in test/architecture-fixtures/)', () => {
  it('report exactly the forbidden edges planted there, and none of the allowed ones', async () => {
    const fixture = await cruiseWithRules(fixtures, ['src', 'commands']);
    const found = fixture.summary.violations.map((violation) => `${violation.from} → ${shortName(violation.to)} (${violation.rule.name})`);
    expect(found.sort()).toEqual(
      [
        'src/domain/x.ts → npm:grammy (domain-is-pure)',
        'src/domain/x.ts → npm:grammy (chat-framework-only-in-transports)',
        'src/domain/clock.ts → fs (domain-is-pure)',
        'src/domain/uses-test.ts → test/helper.ts (no-test-imports)',
        'src/parse/uses-zod.ts → npm:zod (parse-imports-only-domain)',
        // a cycle is reported once, at its first edge
        'src/parse/a.ts → src/parse/b.ts (no-circular)',
        'src/db/repo.ts → src/services/y.ts (db-imports-only-domain)',
        'src/services/y.ts → src/reminders/z.ts (services-below-the-pipeline)',
        'src/services/missing.ts → ./nowhere.ts (no-unresolvable)',
        'src/reminders/z.ts → src/transports/tg.ts (reminders-on-services)',
        'src/core/router.ts → commands/index.ts (core-is-neutral)',
        'commands/index.ts → src/db/repo.ts (commands-on-core-and-services)',
        'src/transports/tg.ts → src/domain/money.ts (transports-on-core)',
        'src/app/main.ts → npm:telegraf (chat-framework-only-in-transports)',
        'src/cli.ts → src/db/repo.ts (cli-only-parses-arguments)',
        'src/i18n/t.ts → src/services/y.ts (i18n-imports-only-domain)',
        'src/config.ts → fs (config-imports-only-domain)',
        'src/knowledge/k.ts → src/db/repo.ts (knowledge-imports-only-i18n-and-parse)',
        'src/charts/c.ts → src/db/repo.ts (charts-are-pure-svg)',
        'src/helpers/h.ts → src/domain/money.ts (src-module-outside-any-layer)',
      ].sort(),
    );
  });

  it('every rule in the rules file is exercised by the fake tree', async () => {
    const options = await extractDepcruiseOptions(rulesFile);
    const fixture = await cruiseWithRules(fixtures, ['src', 'commands']);
    const fired = new Set(fixture.summary.violations.map((violation) => violation.rule.name));
    const rules = (options.ruleSet?.forbidden ?? []).map((rule) => rule.name ?? '(unnamed)');
    expect(rules.filter((rule) => !fired.has(rule))).toEqual([]);
    expect(options.ruleSet?.allowed ?? []).toEqual([]);
  });
});
