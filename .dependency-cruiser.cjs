/**
 * The layering of ../shared/ARCHITECTURE.md, checked on every `npm run lint`:
 * bottom (platform, db, config) ← shared layers (http, sessions, mail, views, i18n) ← core ←
 * features ← ops, jobs ← entry points. Violations that predate these rules are listed in
 * .dependency-cruiser-known-violations.json and may only shrink (`npm run lint:deps:baseline`
 * after removing some; never to add one).
 */
const features =
  '(admin|api|auth|bookings|cabinet|delivery|dev|jobs|ops|passkeys|privacy|reauth|site|staff|subscriptions)';
const shared = '(platform|http|sessions|mail|views|i18n|core)';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Two folders must not import each other, directly or through others: move the shared part down.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
      scope: 'folder',
    },
    {
      name: 'no-module-cycles',
      comment: 'No module imports itself through others.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'shared-imports-no-feature',
      comment:
        'A shared layer never imports a feature: pass the feature part in from app.ts, or move it into core.',
      severity: 'error',
      from: { path: `^src/${shared}/` },
      to: { path: `^src/${features}/` },
    },
    {
      name: 'bottom-imports-nothing-above',
      comment: 'platform/ and db/ are the bottom layer.',
      severity: 'error',
      from: { path: '^(src/platform|db)/' },
      to: { path: `^src/(${features.slice(1, -1)}|http|sessions|mail|views|i18n|core)/` },
    },
    {
      name: 'features-through-index',
      comment: 'Another feature is used only through its index.ts, its public face.',
      severity: 'error',
      from: { path: `^src/${features}/` },
      to: { path: `^src/${features}/`, pathNot: ['^src/$1/', `^src/${features}/index\\.tsx?$`] },
    },
    {
      name: 'src-not-from-tests',
      comment: 'Product code and scripts never import test helpers.',
      severity: 'error',
      from: { path: '^(src|scripts|bench)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.tsx?$' },
    reporterOptions: {
      dot: { collapsePattern: '^src/[^/]+|^(db|emails)/' },
    },
  },
};
