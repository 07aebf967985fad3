// remark-lint rule: check the frontmatter of a lesson, example or meeting against its schema
// while the editor types, with the same Dutch wording as `kennisbank check`.
//
// The schemas and the folder -> schema map are generated from plugins/kennisbank/schema.py by
// `kennisbank schema` (schema/folders.json, schema/<kind>.schema.json). This rule checks the
// shape of each field; whether a tag, theme or lesson exists is checked by `kennisbank check`.

import fs from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import {lintRule} from 'unified-lint-rule'
import {LineCounter, isMap, parseDocument} from 'yaml'

const validators = new Map()

function validatorFor(schemaFile) {
  if (!validators.has(schemaFile)) {
    const ajv = new Ajv({allErrors: true, verbose: true, strict: false})
    addFormats(ajv, ['date'])
    validators.set(schemaFile, ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))))
  }
  return validators.get(schemaFile)
}

// The schema for a file: the longest folder in schema/folders.json that holds it.
function schemaFor(file, root, schemaDir) {
  const absolute = path.resolve(file.cwd, file.path || '')
  const relative = path.relative(root, absolute).split(path.sep).join('/')
  const folders = JSON.parse(fs.readFileSync(path.join(schemaDir, 'folders.json'), 'utf8'))
  const match = Object.keys(folders)
    .filter((folder) => folder.endsWith('/') && relative.startsWith(folder))
    .sort((a, b) => b.length - a.length)[0]
  return match ? path.join(schemaDir, folders[match]) : undefined
}

function describe(value) {
  if (value === null || value === undefined) return 'lege waarde'
  if (typeof value === 'boolean') return 'ja/nee-waarde'
  if (typeof value === 'number') return `getal ${value}`
  if (typeof value === 'string') return `tekst '${value}'`
  if (Array.isArray(value)) return 'lijst'
  return 'blok met velden'
}

const NOUNS = {string: 'tekst', integer: 'een getal', array: 'een lijst', object: 'een blok met velden'}

function distance(a, b) {
  const row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}

function didYouMean(value, known) {
  const best = known
    .map((name) => [distance(value.toLowerCase(), name), name])
    .sort((x, y) => x[0] - y[0])[0]
  return best && best[0] <= Math.max(2, Math.floor(value.length / 3)) ? ` — bedoelde je '${best[1]}'?` : ''
}

// One Dutch sentence per schema keyword, worded as validate.py words it.
function explain(error, schema, label) {
  const value = error.data
  const field = error.parentSchema || {}
  const p = error.params
  switch (error.keyword) {
    case 'required': {
      const what = (schema.properties[p.missingProperty] || {}).description || ''
      const hint = what ? ` (${what.charAt(0).toLowerCase()}${what.slice(1).replace(/\.$/, '')})` : ''
      return `verplicht veld ontbreekt — voeg '${p.missingProperty}:' toe${hint}`
    }
    case 'additionalProperties':
      return `onbekend veld '${p.additionalProperty}' voor een ${label}` +
        didYouMean(p.additionalProperty, Object.keys(schema.properties))
    case 'type': {
      if (value === null) return 'verplicht veld is leeg'
      const wanted = String([].concat(p.type)[0]).split(',')[0]
      const hint = wanted === 'integer' && typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? ' — haal de aanhalingstekens weg'
        : wanted === 'string' ? ' — zet de waarde tussen aanhalingstekens' : ''
      return `verwacht ${NOUNS[wanted] || wanted}, maar kreeg ${describe(value)}${hint}`
    }
    case 'enum':
      return `onbekende waarde ${describe(value)}` +
        (didYouMean(String(value), p.allowedValues.filter(Boolean)) ||
          ` — kies uit: ${p.allowedValues.filter(Boolean).join(', ')}`)
    case 'pattern':
      return String(field.pattern).includes('lessen|voorbeelden')
        ? `ongeldige verwijzing ${describe(value)} — schrijf lessen/<naam> of voorbeelden/<naam>`
        : String(field.pattern).startsWith('^/')
          ? `ongeldig oud adres ${describe(value)} — schrijf het als pad met kleine letters en streepjes ` +
            'tussen schuine strepen, bijvoorbeeld /voorbeelden/oude-naam/'
          : `ongeldige waarde ${describe(value)} — gebruik kleine letters, cijfers en streepjes`
    case 'minLength':
      return 'is leeg'
    case 'maxLength':
      return `is te lang: ${value.length} tekens, maximaal ${p.limit}`
    case 'minimum':
    case 'maximum':
      return `${value} ligt buiten het bereik ${field.minimum}–${field.maximum}`
    case 'minItems':
      return value.length === 0 ? 'verplicht veld is leeg' : `heeft er minstens ${p.limit} nodig`
    case 'maxItems':
      return `heeft ${value.length} waarden, maximaal ${p.limit}`
    case 'format':
      return `verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2026-11-24), maar kreeg ${describe(value)}`
    default:
      return error.message
  }
}

// Where to put the squiggle: the value at the error's path, the key for an unknown field,
// the opening `---` for a missing field.
function place(error, doc, counter, offset) {
  const keys = error.instancePath.split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k))
  let node
  if (error.keyword === 'additionalProperties') {
    const parent = keys.length ? doc.getIn(keys, true) : doc.contents
    const pair = isMap(parent) && parent.items.find((item) => item.key && item.key.value === error.params.additionalProperty)
    node = pair && pair.key
  } else if (keys.length) {
    node = doc.getIn(keys, true)
    if (!node || !node.range) {
      const pair = isMap(doc.contents) && doc.contents.items.find((item) => item.key && item.key.value === keys[0])
      node = pair && pair.key
    }
  }
  if (!node || !node.range) return {line: offset, column: 1}
  const start = counter.linePos(node.range[0])
  const end = counter.linePos(node.range[1])
  return {
    start: {line: start.line + offset, column: start.col},
    end: {line: end.line + offset, column: end.col},
  }
}

function fieldOf(error) {
  if (error.keyword === 'required') return error.params.missingProperty
  if (error.keyword === 'additionalProperties' && !error.instancePath) return error.params.additionalProperty
  return error.instancePath.split('/')[1] || 'frontmatter'
}

const kennisbankFrontmatter = lintRule(
  {origin: 'kennisbank:frontmatter', url: 'https://github.com/vgs-kennisbank/kennisbank/blob/main/CONTRIBUTING.md'},
  (tree, file, options = {}) => {
    const root = options.root || file.cwd
    const schemaDir = path.join(root, options.schemaDir || 'schema')
    const schemaFile = schemaFor(file, root, schemaDir)
    if (!schemaFile) return
    const head = tree.children[0]
    if (!head || head.type !== 'yaml') {
      file.message("frontmatter: ontbreekt — het bestand moet beginnen met een regel '---', dan de velden, dan weer '---'",
        {line: 1, column: 1})
      return
    }
    const offset = head.position.start.line // the YAML starts on the line after the opening ---
    const counter = new LineCounter()
    const doc = parseDocument(head.value, {lineCounter: counter, uniqueKeys: true})
    if (doc.errors.length) {
      for (const problem of doc.errors) {
        const [line] = problem.linePos || [{line: 1}]
        file.message(`frontmatter: YAML-fout: ${problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')} — controleer inspringing, ` +
          'dubbele punten en aanhalingstekens', {line: line.line + offset, column: line.col || 1})
      }
      return
    }
    const data = doc.toJS() || {}
    const validate = validatorFor(schemaFile)
    if (validate(data)) return
    const schema = validate.schema
    const label = (schema.title || '').replace(/^Kennisbank: /, '') || 'bestand'
    const seen = new Set()
    for (const error of validate.errors) {
      const message = `${fieldOf(error)}: ${explain(error, schema, label)}`
      if (seen.has(message)) continue
      seen.add(message)
      file.message(message, place(error, doc, counter, offset))
    }
  },
)

export default kennisbankFrontmatter
