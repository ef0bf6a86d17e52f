// Builds Haven's front end into dist/ (served at /static):
//   haven.css                Sass in scss/ compiled with GOV.UK Frontend and Haven's settings
//   govuk-frontend.min.js    GOV.UK Frontend's ES module, copied from the npm package
//   haven.js                 js/haven.js, which starts GOV.UK Frontend's components
//   favicon.svg              Haven's icon (GOV.UK's favicon is the crown, which is not ours to use)
//
// Run with `npm run build`; `dotnet build` of Haven.Web runs it when an input changes
// (see Frontend.targets). Two builds may run at once, so every file is written to a temporary
// name and renamed into place: a reader never sees half a stylesheet.
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const root = dirname(fileURLToPath(import.meta.url))
const dist = join(root, 'dist')
const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk')
const temporary = (file) => `${file}.${process.pid}.tmp`

async function writeAtomically (file, contents) {
  await writeFile(temporary(file), contents)
  await rename(temporary(file), file)
}

async function copyAtomically (from, to) {
  await copyFile(from, temporary(to))
  await rename(temporary(to), to)
}

await mkdir(dist, { recursive: true })

const result = sass.compile(join(root, 'scss', 'haven.scss'), {
  style: 'compressed',
  sourceMap: true,
  sourceMapIncludeSources: true,
  importers: [new sass.NodePackageImporter(root)],
  // GOV.UK Frontend's own deprecation notices are for its maintainers, not for each Haven build.
  quietDeps: true
})
const map = { ...result.sourceMap, sources: result.sourceMap.sources.map((s) => s.replace(`file://${root}/`, '')) }
await writeAtomically(join(dist, 'haven.css.map'), JSON.stringify(map))
await writeAtomically(join(dist, 'haven.css'), `${result.css}\n/*# sourceMappingURL=haven.css.map */\n`)

await copyAtomically(join(govuk, 'govuk-frontend.min.js'), join(dist, 'govuk-frontend.min.js'))
await copyAtomically(join(govuk, 'govuk-frontend.min.js.map'), join(dist, 'govuk-frontend.min.js.map'))
await copyAtomically(join(root, 'js', 'haven.js'), join(dist, 'haven.js'))
await copyAtomically(join(root, 'images', 'favicon.svg'), join(dist, 'favicon.svg'))

console.log(`Haven front end built: ${dist} (haven.css ${Math.round(result.css.length / 1024)} KB)`)
