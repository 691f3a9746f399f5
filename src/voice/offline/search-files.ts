import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../../logger.js'
import { compileHealthGrammar, grammarTextId, medicinePhrase, type GrammarVocabulary } from './health-grammar.js'
import { ARPABET_PHONES } from './arpabet.js'
import { dictionaryText, pronounce } from './pronunciations.js'
import { keyphraseFile, keyphraseWords } from './red-flag-phrases.js'

/**
 * The files PocketSphinx searches with, compiled once and kept on disk: a patient's grammar
 * (rebuilt only when their medicine list changes: the file name is a hash of it), the phone loop
 * that confidence is measured against, and the red-flag keyphrases.
 */

/**
 * Bump when how the files are made changes (pronunciations, weights, the phone loop), so old files
 * are not reused. The grammar's rules and the keyphrases name their files by their own text.
 */
const VERSION = 'v9'

export interface GrammarFiles {
  jsgf: string
  dict: string
}

export interface SearchFiles {
  grammar: GrammarFiles
  /** The patient's grammar listening for emergencies and their look-alikes only (same dictionary). */
  emergency: GrammarFiles
  /** Any sequence of phones: the best the acoustic model can do with no words at all. */
  phoneLoop: GrammarFiles
  keyphrases: { kws: string; dict: string }
}

type PatientFiles = Pick<SearchFiles, 'grammar' | 'emergency'>

// At most this many patients' grammars are kept in memory (their files stay on disk).
const MAX_CACHED = 200

export class SearchFileCache {
  private readonly grammars = new Map<string, Promise<PatientFiles>>()
  private fixed: Promise<Omit<SearchFiles, keyof PatientFiles>> | undefined

  constructor(
    private readonly dir: string,
    private readonly espeak: string | undefined,
    private readonly logger: Logger,
  ) {}

  /** The files for a patient's vocabulary, compiled on first use. */
  async forVocabulary(vocabulary: GrammarVocabulary): Promise<SearchFiles> {
    const [patient, fixed] = await Promise.all([this.grammar(vocabulary), this.fixedFiles()])
    return { ...patient, ...fixed }
  }

  private grammar(vocabulary: GrammarVocabulary): Promise<PatientFiles> {
    const medicines = [...new Set(vocabulary.medicines.map(medicinePhrase).filter((m): m is string => !!m))].sort()
    const key = createHash('sha256').update(`${VERSION}\n${grammarTextId()}\n${medicines.join('\n')}`).digest('hex').slice(0, 16)
    let files = this.grammars.get(key)
    if (files) {
      // Most recently used last, so the oldest is the first to go.
      this.grammars.delete(key)
      this.grammars.set(key, files)
      return files
    }
    files = this.compile(key, medicines)
    files.catch(() => this.grammars.delete(key))
    this.grammars.set(key, files)
    while (this.grammars.size > MAX_CACHED) this.grammars.delete(this.grammars.keys().next().value!)
    return files
  }

  private async compile(key: string, medicines: string[]): Promise<PatientFiles> {
    const dict = path.join(this.dir, `grammar-${key}.dict`)
    const files = {
      grammar: { jsgf: path.join(this.dir, `grammar-${key}.gram`), dict },
      emergency: { jsgf: path.join(this.dir, `emergency-${key}.gram`), dict },
    }
    if (await exists(files.grammar.jsgf, files.emergency.jsgf, dict)) return files
    const started = performance.now()
    const compiled = await compileHealthGrammar({ medicines }, this.espeak)
    await writeAtomically(dict, compiled.dictionary)
    await writeAtomically(files.emergency.jsgf, compiled.emergencyJsgf)
    await writeAtomically(files.grammar.jsgf, compiled.jsgf)
    // Counts only: medicine names are health data.
    this.logger.info(
      { medicines: medicines.length, unpronounceable: compiled.unpronounceable.length, ms: Math.round(performance.now() - started) },
      'offline speech grammar compiled',
    )
    return files
  }

  private fixedFiles(): Promise<Omit<SearchFiles, keyof PatientFiles>> {
    this.fixed ??= this.writeFixed()
    this.fixed.catch(() => (this.fixed = undefined))
    return this.fixed
  }

  private async writeFixed(): Promise<Omit<SearchFiles, keyof PatientFiles>> {
    const phoneLoop = { jsgf: path.join(this.dir, `phones-${VERSION}.gram`), dict: path.join(this.dir, `phones-${VERSION}.dict`) }
    // Named by their content too: keyphrase thresholds change without a version bump.
    const kwsId = createHash('sha256').update(keyphraseFile()).digest('hex').slice(0, 12)
    const keyphrases = { kws: path.join(this.dir, `red-flags-${VERSION}-${kwsId}.kws`), dict: path.join(this.dir, `red-flags-${VERSION}-${kwsId}.dict`) }
    if (await exists(phoneLoop.jsgf, phoneLoop.dict, keyphrases.kws, keyphrases.dict)) return { phoneLoop, keyphrases }
    const phoneWord = (p: string) => `ph${p.toLowerCase()}`
    await writeAtomically(phoneLoop.dict, ARPABET_PHONES.map((p) => `${phoneWord(p)} ${p}`).join('\n') + '\n')
    await writeAtomically(
      phoneLoop.jsgf,
      `#JSGF V1.0;\ngrammar phones;\npublic <phones> = <phone>+;\n<phone> = ${ARPABET_PHONES.map(phoneWord).join(' | ')};\n`,
    )
    const { dictionary } = await pronounce(keyphraseWords(), this.espeak)
    await writeAtomically(keyphrases.dict, dictionaryText(dictionary))
    await writeAtomically(keyphrases.kws, keyphraseFile())
    return { phoneLoop, keyphrases }
  }
}

async function exists(...files: string[]): Promise<boolean> {
  try {
    await Promise.all(files.map((f) => fs.access(f)))
    return true
  } catch {
    return false
  }
}

// Another process (or request) may read the file while it is written: it appears whole or not at all.
async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  await fs.writeFile(tmp, text)
  await fs.rename(tmp, file)
}
