// The layering of issue 8 ("Layering"), as dependency-cruiser rules. test/architecture.test.ts
// cruises src/ and commands/ with this very file, and so does `npm run arch`:
// `npx depcruise src commands --config .dependency-cruiser.cjs` gives the same answer.
//
// Most layers are allow-lists: "a module in X may import only these folders". A rule's `to.path`
// of LOCAL means the list is about our own folders only (npm packages and node built-ins stay
// free); a rule without it also pins which npm packages and built-ins the layer may use.
// Every path is relative to the cruise's base directory (the repo root); npm packages are matched
// wherever their node_modules is, so the fixture tree under test/ is judged by the same rules.

/** @param {string[]} names npm packages (their @types/ twins included) */
const npm = (...names) => `(^|/)node_modules/(@types/)?(${names.map((n) => n.replace(/[.+]/g, '\\$&')).join('|')})/`;
/** @param {string[]} names node built-ins, with or without `node:` */
const builtin = (...names) => `^(node:)?(${names.join('|')})$`;

const LOCAL = '^(src|commands)/';
const TESTS = '^(test|bench)/';
const DOMAIN = '^src/domain/';
const PARSE = '^src/parse/';
const DB = '^src/db/';
const SERVICES = '^src/services/';
const REMINDERS = '^src/reminders/';
const CORE = '^src/core/';
const COMMANDS = '^commands/';
const TRANSPORTS = '^src/transports/';
const APP = '^src/app/';
const CLI = '^src/cli(\\.ts$|/)';
const I18N = '^src/i18n/';
const CONFIG = '^src/config\\.ts$';
const LOG = '^src/log\\.ts$';
const KNOWLEDGE = '^src/knowledge/';
const CHARTS = '^src/charts/';
const LAYERS = [DOMAIN, PARSE, DB, SERVICES, REMINDERS, CORE, COMMANDS, TRANSPORTS, APP, CLI, I18N, CONFIG, LOG, KNOWLEDGE, CHARTS];

// grammY (grammy, grammy/types, grammy/web, @grammyjs/* plugins) and Telegraf (telegraf, @telegraf/*).
const CHAT_FRAMEWORKS = [npm('grammy', 'telegraf'), '(^|/)node_modules/@(grammyjs|telegraf)/'];

/** "A module in `from` may import only `allowed`" (test/ and bench/ edges are left to no-test-imports). */
const onlyMayImport = (name, comment, from, allowed, { localOnly = false } = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: localOnly ? { path: LOCAL, pathNot: allowed } : { pathNot: [...allowed, TESTS] },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    onlyMayImport(
      'domain-is-pure',
      'src/domain is pure money and date rules: it imports only src/domain and decimal.js (no I/O, no clock, no framework).',
      DOMAIN,
      [DOMAIN, npm('decimal.js')],
    ),
    onlyMayImport(
      'parse-imports-only-domain',
      'src/parse turns text into values: it imports only src/parse, src/domain and the list of languages (src/i18n/locales.ts).',
      PARSE,
      [PARSE, DOMAIN, '^src/i18n/locales[.]ts$'],
    ),
    onlyMayImport(
      'db-imports-only-domain',
      'src/db imports only src/db, src/domain, drizzle-orm, better-sqlite3 (or its cipher build better-sqlite3-multiple-ciphers) and node:fs/path/url.',
      DB,
      [DB, DOMAIN, npm('drizzle-orm', 'better-sqlite3', 'better-sqlite3-multiple-ciphers'), builtin('fs', 'path', 'url')],
    ),
    onlyMayImport(
      'services-below-the-pipeline',
      'src/services (use cases) import only src/services, src/domain, src/db and src/parse: never the reminder pipeline, core, transports, app, commands or i18n.',
      SERVICES,
      [SERVICES, DOMAIN, DB, PARSE],
      { localOnly: true },
    ),
    onlyMayImport(
      'reminders-on-services',
      'src/reminders (planner, dispatcher, rate limiter, rendering) imports only src/reminders, src/services, src/db, src/domain, src/i18n, src/core and src/log.ts: never transports, commands or app.',
      REMINDERS,
      [REMINDERS, SERVICES, DB, DOMAIN, I18N, CORE, LOG],
      { localOnly: true },
    ),
    onlyMayImport(
      'core-is-neutral',
      'src/core (router, types, buttons, forms) imports only src/core, src/i18n, src/domain, src/services and src/log.ts: never commands, transports, app, db or reminders.',
      CORE,
      [CORE, I18N, DOMAIN, SERVICES, LOG],
      { localOnly: true },
    ),
    onlyMayImport(
      'commands-on-core-and-services',
      'commands/ import only commands/, src/core, src/services, src/domain, src/parse, src/i18n, src/knowledge and src/charts: never src/db, reminders, transports or app.',
      COMMANDS,
      [COMMANDS, CORE, SERVICES, DOMAIN, PARSE, I18N, KNOWLEDGE, CHARTS],
      { localOnly: true },
    ),
    onlyMayImport(
      'transports-on-core',
      'src/transports import only src/transports, src/core, src/i18n and src/log.ts: never commands, services, db, reminders or app.',
      TRANSPORTS,
      [TRANSPORTS, CORE, I18N, LOG],
      { localOnly: true },
    ),
    onlyMayImport(
      'cli-only-parses-arguments',
      'src/cli.ts and src/cli/ import only src/app, src/config.ts, src/cli, src/domain, src/parse, src/knowledge (repaybot faq) and src/log.ts: the wiring is the composition root’s.',
      CLI,
      [APP, CONFIG, CLI, DOMAIN, PARSE, KNOWLEDGE, LOG],
      { localOnly: true },
    ),
    onlyMayImport(
      'i18n-imports-only-domain',
      'src/i18n imports only src/i18n, src/domain, @fluent/bundle, opencc-js (the zh-Hant generator) and node:fs/path/url (reading locales/).',
      I18N,
      [I18N, DOMAIN, npm('@fluent/bundle', 'opencc-js'), builtin('fs', 'path', 'url')],
    ),
    onlyMayImport(
      'charts-are-pure-svg',
      'src/charts (issue 14: SVG built in code, PNG by resvg) imports only src/charts, src/domain, @resvg/resvg-js, the bundled font package and node:module/fs/os/path (render.ts: to locate and read the font and the hb-subset wasm of harfbuzzjs, and to hand resvg the cut font as a temporary file).',
      CHARTS,
      [CHARTS, DOMAIN, npm('@resvg/resvg-js', '@expo-google-fonts/noto-sans-sc'), builtin('module', 'fs', 'os', 'path')],
    ),
    onlyMayImport(
      'knowledge-imports-only-i18n-and-parse',
      'src/knowledge (the free-text answers of issue 10: content loader and matcher) imports only src/knowledge, src/i18n, src/parse and node:fs/path/url (reading locales/knowledge) and node:crypto (the source hashes of locales/knowledge/built): no npm package, no database, no chat framework.',
      KNOWLEDGE,
      [KNOWLEDGE, I18N, PARSE, builtin('fs', 'path', 'url', 'crypto')],
    ),
    onlyMayImport('config-imports-only-domain', 'src/config.ts imports only src/domain, zod and node-cron.', CONFIG, [
      DOMAIN,
      npm('zod', 'node-cron'),
    ]),
    {
      name: 'chat-framework-only-in-transports',
      comment: 'Only src/transports (and test/, bench/) import a chat framework: grammY or Telegraf.',
      severity: 'error',
      from: { path: LOCAL, pathNot: TRANSPORTS },
      to: { path: CHAT_FRAMEWORKS },
    },
    {
      name: 'no-test-imports',
      comment: 'Nothing in src/ or commands/ imports test/ or bench/.',
      severity: 'error',
      from: { path: LOCAL },
      to: { path: TESTS },
    },
    {
      name: 'src-module-outside-any-layer',
      comment:
        'Every module under src/ belongs to one of the layers above (so a new folder cannot escape the rules): add the folder to this file, with its allow-list.',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No import cycles at all, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves to a file or a package: a rule cannot judge an edge it never saw.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // npm packages, test/ and bench/ are leaves: seen as targets, not cruised themselves.
    doNotFollow: { path: ['node_modules', TESTS] },
    // type-only imports are edges too (`import type { Db } from '../db/client.ts'` is a dependency on src/db).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // package.json "exports" (grammy/types, drizzle-orm/sqlite-core …), as TypeScript's NodeNext sees them.
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
