// Completion handler of `graphql-inspector diff OLD NEW --onComplete tools/schema-changelog.cjs`,
// run by `./spm schema`: appends one dated section (breaking, dangerous, non-breaking changes as
// graphql-inspector classifies them) to SPM_SCHEMA_CHANGELOG. graphql-inspector does not call it
// when the schemas agree, so no changes means no section.
const { readFileSync, writeFileSync, existsSync } = require('node:fs');

const HEADER = '# Schema changelog\n\nChanges to `schema/schema.graphql`, classified by '
  + '[graphql-inspector](https://the-guild.dev/graphql/inspector). `./spm schema` appends a section '
  + 'whenever the schema changes; breaking changes need an announcement before they ship.\n';

// Messages quote names in single quotes; Markdown reads better with code spans.
const markdown = (text) => text.replace(/'([^']+)'/g, '`$1`');

module.exports = function appendSection({ breakingChanges, dangerousChanges, nonBreakingChanges }) {
  const path = process.env.SPM_SCHEMA_CHANGELOG;
  if (!path) throw new Error('SPM_SCHEMA_CHANGELOG names the changelog to append to');
  const date = process.env.SPM_SCHEMA_DATE || new Date().toISOString().slice(0, 10);
  let section = `\n## ${date}\n`;
  for (const [title, changes, withReason] of [
    ['Breaking', breakingChanges, true],
    ['Dangerous', dangerousChanges, true],
    ['Non-breaking', nonBreakingChanges, false],
  ]) {
    if (changes.length === 0) continue;
    section += `\n### ${title}\n\n`;
    for (const change of changes) {
      const reason = withReason && change.criticality.reason ? ` (${markdown(change.criticality.reason)})` : '';
      section += `- ${markdown(change.message)}${reason}\n`;
    }
  }
  const current = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  writeFileSync(path, current.replace(/\n*$/, '\n') + section);
};
