/**
 * The layering rules of docs/architecture.md and docs/adr/0015, checked in CI (`npm run lint:deps`).
 * Type-only imports count as well: a type names a dependency as much as a value does.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules import each other in one direction; a cycle means a rule sits in the wrong module.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'repository-stays-in-its-module',
      severity: 'error',
      comment:
        "A module's tables are reached through its service (reads and writes), never its repository (server/db/ownership.ts).",
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/[^/]+/.+[.]repository[.]ts$', pathNot: '^server/modules/$1/' },
    },
    {
      name: 'review-repository-stays-in-its-module',
      severity: 'error',
      comment: 'The review domain has one module per step (experts, conflicts, runs, scoring, decisions).',
      from: { path: '^server/modules/review/([^/]+)/' },
      to: {
        path: '^server/modules/review/[^/]+/.+[.]repository[.]ts$',
        pathNot: '^server/modules/review/$1/',
      },
    },
    {
      name: 'routes-stay-in-their-module',
      severity: 'error',
      comment:
        'A route plugin is registered by the app, not imported by a neighbour: shared HTTP helpers (downloads, uploads) live in server/files or server/http.',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/.*[.]routes[.]', pathNot: '^server/modules/$1/' },
    },
    {
      name: 'review-routes-stay-in-their-module',
      severity: 'error',
      comment:
        'The review steps register their routes themselves (see review-repository-stays-in-its-module).',
      from: { path: '^server/modules/review/([^/]+)/' },
      to: {
        path: '^server/modules/review/.*[.]routes[.]',
        pathNot: '^server/modules/review/$1/',
      },
    },
    {
      name: 'files-layer-needs-no-module',
      severity: 'error',
      comment:
        'server/files (stored files, downloads, uploads) is a platform layer under every module; its tests may build module data.',
      from: { path: '^server/files/', pathNot: '[.]test[.]ts$' },
      to: { path: '^server/(modules|seed)/' },
    },
    {
      name: 'engines-need-no-server',
      severity: 'error',
      comment: 'The engines run from the CLI and benches without a database or HTTP server.',
      from: { path: '^server/modules/review/engines/' },
      to: {
        path: [
          '^server/(db|http|seed)/',
          '^server/modules/(?!review/engines/)',
          '^node_modules/(kysely|fastify|better-sqlite3|pg)/',
        ],
      },
    },
    {
      name: 'common-stands-alone',
      severity: 'error',
      comment: 'common/ is shared by the server and the browser: it imports neither.',
      from: { path: '^common/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'web-takes-only-schemas-and-common',
      severity: 'error',
      comment: 'The browser bundle may share request/response schemas with the server, nothing else.',
      from: { path: '^web/' },
      to: { path: '^server/', pathNot: '[.]schema[.]ts$' },
    },
    {
      name: 'features-stand-alone',
      severity: 'error',
      comment:
        'A web feature imports web/components (shared UI, labels, formatting) and web/app (hooks), never another feature: what two features share moves to one of those. The pages that embed another feature (the public site, tabs, routes) are frozen in the known violations and may only shrink.',
      from: { path: '^web/features/([^/]+)/' },
      to: { path: '^web/features/', pathNot: '^web/features/$1/' },
    },
    {
      name: 'shared-web-layer-needs-no-feature',
      severity: 'error',
      comment: 'web/components is under every feature; it imports none.',
      from: { path: '^web/components/' },
      to: { path: '^web/features/' },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      from: { path: '^(server|common)/' },
      to: { path: '^web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
