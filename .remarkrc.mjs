// remark reads this file from the command line (`npm run lint:content`) and in VS Code through
// the remark extension (unifiedjs.vscode-remark): frontmatter problems are underlined while typing.
// Which schema checks which folder comes from schema/folders.json (written by `kennisbank schema`).
import {fileURLToPath} from 'node:url'
import remarkFrontmatter from 'remark-frontmatter'
import kennisbankFrontmatter from './plugins/remark-kennisbank/frontmatter.mjs'

const root = fileURLToPath(new URL('.', import.meta.url))

export default {
  plugins: [
    [remarkFrontmatter, ['yaml']],
    [kennisbankFrontmatter, ['error', {root, schemaDir: 'schema'}]],
  ],
}
