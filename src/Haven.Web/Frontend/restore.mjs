// Installs the front end's npm packages (`npm ci`) when node_modules is missing or older than
// package-lock.json. Frontend.targets runs this before `npm run build`.
//
// Several `dotnet build`s may start at once (a solution build, a test run, an IDE), and two
// `npm ci`s in one folder delete each other's files, so the install runs under a lock: a
// directory, because creating one is atomic on every platform. Whoever waits for the lock checks
// again afterwards and usually finds the work done.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(fileURLToPath(import.meta.url))
const lock = join(root, '.restore.lock')
const staleAfterMs = 10 * 60 * 1000

const modified = (file) => { try { return statSync(file).mtimeMs } catch { return -1 } }

// npm ci writes node_modules/.package-lock.json last, so it stands for "install complete".
function upToDate () {
  const installed = modified(join(root, 'node_modules', '.package-lock.json'))
  return installed >= 0 &&
    installed >= modified(join(root, 'package-lock.json')) &&
    modified(join(root, 'node_modules', 'govuk-frontend', 'package.json')) >= 0
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function acquire () {
  for (;;) {
    try {
      mkdirSync(lock)
      return
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      // A build killed mid-install leaves its lock behind; don't wait for it forever.
      if (Date.now() - modified(lock) > staleAfterMs) rmSync(lock, { recursive: true, force: true })
      else sleep(250)
    }
  }
}

if (upToDate()) process.exit(0)

acquire()
let status = 0
try {
  if (!upToDate()) {
    console.log('Installing the front end\'s npm packages (npm ci)...')
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32'
    })
    status = npm.status ?? 1
  }
} finally {
  rmSync(lock, { recursive: true, force: true })
}
process.exit(status)
