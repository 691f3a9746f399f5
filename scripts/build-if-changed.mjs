// `npm start` runs this first (prestart): it builds (`npm run build`) only when a build input
// changed since the last build, so a restart costs a few milliseconds of stat calls instead of a
// compile. Inputs are the folders and files listed under "buildInputs" in package.json: a new
// build step (a web app, say) adds its sources there. Plain JavaScript, so no compiler or loader
// starts before we know one is needed.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'coverage', '.git'])
const FINGERPRINT_FILE = path.join('dist', '.build-inputs')

function* files(root, rel) {
  const full = path.join(root, rel)
  const stat = fs.statSync(full, { throwIfNoEntry: false })
  if (!stat) return
  if (stat.isFile()) {
    yield [rel, stat]
    return
  }
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue
    // Tests are never built, so editing one needs no build.
    if (/\.test\.[cm]?[jt]sx?$/.test(entry.name)) continue
    yield* files(root, path.join(rel, entry.name))
  }
}

/** A digest of every build input's path, size and modification time. */
export function inputsFingerprint(root, inputs) {
  const lines = []
  for (const input of inputs) for (const [rel, stat] of files(root, input)) lines.push(`${rel}\t${stat.size}\t${stat.mtimeMs}`)
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex')
}

/**
 * Runs `build` when the inputs changed since the fingerprint of the last successful build, or
 * when `output` is missing. Returns whether it built. Throws when the build fails.
 */
export function buildIfChanged(root, { inputs, output, build }) {
  const stampFile = path.join(root, FINGERPRINT_FILE)
  // Taken before building: an edit made while the build runs is seen next time.
  const fingerprint = inputsFingerprint(root, inputs)
  const last = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : ''
  if (last === fingerprint && fs.existsSync(path.join(root, output))) return false
  const result = spawnSync(build[0], build.slice(1), { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${build.join(' ')} failed (${result.status ?? result.signal})`)
  fs.mkdirSync(path.dirname(stampFile), { recursive: true })
  fs.writeFileSync(stampFile, `${fingerprint}\n`)
  return true
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const built = buildIfChanged(root, { inputs: pkg.buildInputs, output: 'dist/src/main.js', build: [npm, 'run', 'build'] })
    if (!built) console.log('build is up to date')
  } catch (err) {
    console.error(err.message)
    process.exit(1)
  }
}
