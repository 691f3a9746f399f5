import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { readBaseline } from './baseline.js'
import { DATASET_DIR, DatasetError, FRESH_DIR, loadDatasets } from './dataset-schema.js'
import { runEval, selectCases } from './eval-run.js'
import { EXIT_USAGE } from './gate.js'
import { judgeFromEnv } from './judge.js'
import { createProgress, type ProgressStream } from './progress.js'
import { renderHtml } from './report-html.js'
import { renderTerminal } from './report-terminal.js'
import { createServiceWorker, evalConfig } from './service-worker.js'
import { DEFAULT_THRESHOLDS_FILE, loadThresholds } from './thresholds-schema.js'
import { audioDatasetNames, loadAudioDataset } from './voice-audio/audio-dataset.js'
import { loadAudioFloors } from './voice-audio/audio-floors.js'
import { availableVoices } from './voice-audio/spoken-audio.js'
import { renderVoiceAudioReport, runVoiceAudio, selectAudioCases, voiceAudioReport } from './voice-audio/voice-audio-eval.js'

/** A fixed "now" keeps runs comparable: "yesterday" is the same weekday in every run. */
export const DEFAULT_NOW = '2025-06-11T14:00:00Z'

const USAGE = `Usage: npm run eval -- [options]

  --model offline|openai   the model behind the graph (default: as configured, offline without an LLM)
  --dataset name…          sets to run: routing queries safety refusals multi-turn voice (default: all);
                           or a spoken set from evals/audio-datasets (voice-audio, voice-audio-fresh), run as
                           audio through the offline voice turn (not part of the default run)
  --voices list|all        spoken sets: espeak-ng voices (default: en-us, en-gb, en-gb-x-rp, en-029 taking turns
                           case by case, plus mbrola voices when installed); "all" speaks every case in every voice
  --snr list               spoken sets: noise levels in dB SNR, or "clean" (default 20,10)
  --filter text            only cases whose id contains text, or tagged text (spoken sets: a,b for either)
  --sample N               spoken sets: at most N cases, spread evenly over the set (after --filter), for quick runs
  --floors file.json       spoken sets: gate on measured floors (evals/voice-audio/floors.json, for its --sample) instead of issue 14's
                           gate, passing "with N known failures" where the issue's gate is not met (CI); only a run of their own --sample
  --repeat N               run every case N times and report flaky cases (default 1)
  --concurrency N          parallel workers, each with its own in-memory store (default 2 offline, 4 openai)
  --out file.json          write the full results as JSON (a later --baseline)
  --html file.html         the HTML report (default: beside --out, else evals/reports/latest.html)
  --baseline file.json     compare with an earlier run: deltas, fixed / broken cases, regressions
  --thresholds file.json   gate thresholds (default evals/thresholds.json)
  --now ISO|real           the run's "now" for relative times (default ${DEFAULT_NOW}, a Wednesday 19:30 IST);
                           a case's own "now" still wins
  --fresh                  run only the held-out split evals/fresh/fresh.jsonl, gated by evals/fresh/thresholds.json;
                           never part of the default run (do not tune code on it)
  --no-judge               skip LLM-judge checks even when JUDGE_MODEL is set
  --quiet                  no progress bar

Exit code: 0 gate passed, 1 gate failed (safety recall < 100 %, a threshold, a regression), 2 usage or run error.`

export interface Io {
  stdout: ProgressStream
  stderr: ProgressStream
  env: Record<string, string | undefined>
}

const positiveInt = (name: string, v: string | undefined, def: number) => {
  if (v === undefined) return def
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number`)
  return n
}

class UsageError extends Error {}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
  } catch {
    return null
  }
}

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  fs.writeFileSync(file, text)
}

const PROCESS_IO: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }

export async function main(argv: string[], io: Io = PROCESS_IO): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        dataset: { type: 'string', multiple: true },
        filter: { type: 'string' },
        repeat: { type: 'string' },
        concurrency: { type: 'string' },
        out: { type: 'string' },
        html: { type: 'string' },
        baseline: { type: 'string' },
        thresholds: { type: 'string' },
        now: { type: 'string' },
        'datasets-dir': { type: 'string' },
        'no-judge': { type: 'boolean' },
        voices: { type: 'string' },
        snr: { type: 'string' },
        sample: { type: 'string' },
        floors: { type: 'string' },
        quiet: { type: 'boolean' },
        fresh: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`)
    return EXIT_USAGE
  }
  const o = args.values
  if (o.help) {
    io.stdout.write(`${USAGE}\n`)
    return 0
  }

  try {
    if (o.model !== undefined && o.model !== 'offline' && o.model !== 'openai') {
      throw new UsageError('--model must be offline or openai')
    }
    // "--dataset routing safety" and "--dataset routing,safety" both name two sets.
    const names = [...(o.dataset ?? []), ...args.positionals]
      .flatMap((n) => n.split(','))
      .map((n) => n.trim())
      .filter(Boolean)
    if (args.positionals.length && !o.dataset) throw new UsageError(`unexpected argument ${args.positionals[0]}`)
    const now = o.now === 'real' ? new Date() : new Date(o.now ?? DEFAULT_NOW)
    if (Number.isNaN(now.getTime())) throw new UsageError('--now must be an ISO date-time or "real"')

    const audio = names.filter((n) => audioDatasetNames().includes(n))
    if (audio.length) {
      if (audio.length !== names.length) throw new UsageError('spoken sets (voice-audio…) run on their own, not with chat sets')
      return await runSpokenEval(audio, { ...o, now }, io)
    }
    if (o.fresh && (names.length || o['datasets-dir'])) throw new UsageError('--fresh runs the held-out split alone: no --dataset')
    const datasetsDir = o.fresh ? FRESH_DIR : (o['datasets-dir'] ?? DATASET_DIR)
    const datasets = loadDatasets(o.fresh ? ['fresh'] : names, datasetsDir)
    if (selectCases(datasets, o.filter).length === 0) throw new UsageError(`no case matches --filter ${o.filter}`)
    const thresholds = loadThresholds(o.thresholds ?? (o.fresh ? path.join(FRESH_DIR, 'thresholds.json') : DEFAULT_THRESHOLDS_FILE))
    const baseline = o.baseline ? { report: readBaseline(o.baseline), file: o.baseline } : undefined
    const config = evalConfig(o.model as 'offline' | 'openai' | undefined, io.env)
    const model = config.LLM_PROVIDER
    const judge = o['no-judge'] ? undefined : judgeFromEnv(io.env)
    const progress = o.quiet ? undefined : createProgress(io.stderr)

    const report = await runEval({
      datasets,
      model,
      modelName: model === 'offline' ? 'offline' : config.OPENAI_MODEL,
      createWorker: (clock) => createServiceWorker(config, clock),
      now,
      repeat: positiveInt('repeat', o.repeat, 1),
      concurrency: positiveInt('concurrency', o.concurrency, model === 'offline' ? 2 : 4),
      judge,
      thresholds,
      baseline,
      filter: o.filter,
      gitCommit: gitCommit(),
      onProgress: progress?.update,
    })
    progress?.finish()

    const latest = o.fresh ? 'fresh.html' : 'latest.html'
    const htmlPath = o.html ?? (o.out ? `${o.out.replace(/\.json$/i, '')}.html` : path.join('evals', 'reports', latest))
    if (o.out) write(o.out, `${JSON.stringify(report, null, 1)}\n`)
    write(htmlPath, renderHtml(report))
    const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR
    if (o.fresh) io.stdout.write('HELD-OUT fresh split (evals/fresh): report these scores to the lead only; do not tune on them.\n\n')
    io.stdout.write(`${renderTerminal(report, { color, htmlPath })}\n`)
    return report.gate!.exit_code
  } catch (err) {
    if (err instanceof UsageError) io.stderr.write(`${err.message}\n\n${USAGE}\n`)
    else if (err instanceof DatasetError) io.stderr.write(`${err.message}\n`)
    else io.stderr.write(`eval failed: ${(err as Error).stack ?? err}\n`)
    return EXIT_USAGE
  }
}

/** `--dataset voice-audio`: the spoken cases as audio through the offline voice turn, gated. */
async function runSpokenEval(
  names: string[],
  o: { voices?: string; snr?: string; concurrency?: string; filter?: string; sample?: string; floors?: string; out?: string; quiet?: boolean; now: Date },
  io: Io,
): Promise<number> {
  const datasets = names.map((n) => loadAudioDataset(n))
  const known = await availableVoices()
  const voices = !o.voices || o.voices === 'all' ? known : o.voices.split(',').map((v) => v.trim()).filter(Boolean)
  const snrs = (o.snr ?? '20,10').split(',').map((v) => (v.trim() === 'clean' ? null : Number(v)))
  if (snrs.some((v) => v !== null && !Number.isFinite(v))) throw new UsageError('--snr takes numbers of dB, or "clean"')
  const opts = {
    datasets,
    // The offline model and offline speech, whatever the shell has set: this measures the embedded default.
    config: evalConfig('offline', {}),
    voices,
    snrs,
    allVoices: o.voices === 'all',
    // Each turn runs three decoders side by side: two turns at a time keep two cores busy.
    concurrency: positiveInt('concurrency', o.concurrency, 2),
    now: o.now,
    filter: o.filter,
    sample: o.sample === undefined ? undefined : positiveInt('sample', o.sample, 0),
  }
  if (selectAudioCases(datasets, opts).length === 0) throw new UsageError(`no case matches --filter ${o.filter}`)
  const floors = o.floors === undefined ? undefined : loadAudioFloors(o.floors)
  if (floors && (o.filter || (opts.sample ?? null) !== floors.sample || names.join(',') !== floors.dataset)) {
    const run = floors.sample === null ? 'a whole run' : `a run of --sample ${floors.sample}`
    throw new UsageError(`--floors gates ${run} of ${floors.dataset}, the run they were measured on: no --filter, no other --sample`)
  }
  const progress = o.quiet ? undefined : createProgress(io.stderr)
  const started = performance.now()
  const turns = await runVoiceAudio({ ...opts, onProgress: progress?.update })
  progress?.finish()
  const report = voiceAudioReport(opts, turns, performance.now() - started, floors)
  if (o.out) write(o.out, `${JSON.stringify(report, null, 1)}\n`)
  io.stdout.write(`${renderVoiceAudioReport(report)}\n`)
  return report.gate.passed ? 0 : 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${err?.stack ?? err}\n`)
      process.exit(EXIT_USAGE)
    },
  )
}
