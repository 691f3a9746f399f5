import { createHash } from 'node:crypto'
import { COMMON_DRUGS } from '../../../language/medicine-names.js'
import { FOODS } from '../../../agents/food/nutrition-table.js'
import { numberWords } from '../spoken-numbers.js'
import { weighGrammar } from './grammar-weights.js'
import { dictionaryText, pronounce } from './pronunciations.js'

/**
 * The JSGF grammar the offline recogniser listens with: what patients say to Podd (readings,
 * doses, water, meals, questions, answers to reminders, emergencies), with numbers spoken every
 * common way. A general language model hears almost nothing of this on a 2015 acoustic model;
 * a grammar that knows what can be said hears most of it.
 */

export interface GrammarVocabulary {
  /** The patient's own medicine names, as they wrote them ("Telma 40", "Glycomet-GP 1"). */
  medicines: string[]
}

/** Words as the grammar and dictionary spell them: lower case letters and apostrophes. */
export function grammarWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(\d+(?:\.\d+)?)/g, (n) => ` ${numberText(n)} `)
    .replace(/[^a-z'\s]+/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
}

function numberText(n: string): string {
  const [whole, decimals] = n.split('.')
  const words = numberWords(Number(whole))
  return decimals ? `${words} point ${decimals.split('').map((d) => numberWords(Number(d))).join(' ')}` : words
}

/** A medicine name as a grammar phrase: "Glycomet-GP 1" → "glycomet g p one". At most four words. */
export function medicinePhrase(name: string): string | undefined {
  const words = grammarWords(name)
    .flatMap((w) => (/^[bcdfghjklmnpqrstvwxz]{2,3}$/.test(w) ? w.split('') : [w]))
    .slice(0, 4)
  return words.length ? words.join(' ') : undefined
}

const alt = (items: Iterable<string>) => [...new Set(items)].join(' | ')

// Fixed rules. Every copy of a rule in the compiled grammar costs the decoder a tree of its words
// for each place it is used, so big word lists (numbers, foods, medicines) appear in as few places
// as possible: one reading rule for every metric, one list of foods with a loop, and so on. The
// grammar over-generates ("pulse ninety over sixty") and the conversation's parser sorts it out.
const NUMBERS = `
<digit> = one | two | three | four | five | six | seven | eight | nine;
<teen> = ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen;
<tens> = twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety;
<n99> = <digit> | <teen> | <tens> [<digit>];
<num> = zero | <n99> | [a | <digit>] hundred [and] [<n99>] | (one | two) (<tens> [<digit>] | <teen> | oh <digit>);
<dec> = <num> [point <digit> [<digit>]];
<decimal> = point <digit> [<digit>];
<tempvalue> = ((ninety | eighty) [<digit>] | [a | one] hundred [and] [<digit> | ten] | one oh <digit> | (thirty | forty) [<digit>]) [<decimal>] [<tempunit>];
<tempunit> = degrees | degree | degrees fahrenheit | degree fahrenheit | fahrenheit | degrees celsius | celsius;
<oxyvalue> = (fifty | sixty | seventy | eighty | ninety) [<digit>] | [a | one] hundred;
`

const READINGS = `
<hes> = uh | um | er | hmm;
<is> = is | was | is about | was about | is around | was around | came | came to | came out | it is | it was | it came | it came to | is showing | was showing | shows | showed | of | at;
<now> = today | now | just now | right now | this morning | today morning | this afternoon | this evening | tonight | yesterday | last night | in the morning | in the evening | at night | at bedtime;
<my> = my | the | his | her;
<bpname> = blood pressure | b p | pressure;
<sugarname> = sugar | blood sugar | glucose | blood glucose | sugar level | glucose level | p p sugar | fasting sugar | fasting blood sugar | fasting glucose | random sugar;
<pulsename> = pulse | heart rate | pulse rate | heartbeat;
<tempname> = temperature | temp | fever | body temperature;
<oxyname> = oxygen | oxygen level | oxygen saturation | s p o two | saturation | sats | the oximeter | oximeter;
<metricname> = <bpname> | <sugarname> | <pulsename> | <tempname> | <oxyname> | weight;
<meal> = breakfast | lunch | dinner | food | meals | a meal | eating | tea;
<sugarwhen> = fasting | on an empty stomach | empty stomach | on empty stomach | after <meal> | two hours after <meal> | before <meal> | random | at bedtime | post meal | p p;
<unit> = m g per d l | milligrams | mmol | millimoles | kilos | kilo | kilograms | k g | kgs | pounds | pound | beats per minute | b p m | per minute;
<checked> = i checked | i just checked | i measured | i took;
<sugarlead> = [<sugarwhen>] [<checked>] [<my>] [<sugarwhen>] <sugarname> [level | reading] [<now>] [<sugarwhen>] [<is>] [<hes>];
<otherlead> = [<checked>] [<my>] (<pulsename> | weight) [reading] [<now>] [<is>] [<hes>] | i weigh | i am;
<templead> = [<checked>] [<my>] <tempname> [<now>] [<is>] | i have (a fever | fever) [of];
<oxylead> = [<checked>] [<my>] <oxyname> [level | reading] [<now>] [<is>];
<reading> = [[<checked>] [<my>] <bpname> [reading] [<now>] [<is>] [<hes>]] <num> (over | by | upon | slash) <num>
          | upper <num> lower <num>
          | (<sugarlead> | <otherlead>) <dec> [<unit>] [<sugarwhen>]
          | <templead> <tempvalue>
          | <oxylead> <oxyvalue> [percent];
<readings> = <reading> [[and] [<my>] <pulsename> [<is>] <num>] [<now>] [and (my breathing is normal | i have no chest pain | i am fine | i am feeling fine | [i am] [suddenly] <crisis>)];
`

const DOSES = `
<one> = tablet | pill | capsule | dose | shot | injection | puff | unit;
<many> = tablets | pills | capsules | doses | puffs | units;
<medword> = <med> [tablet | tablets | pill | pills | dose | injection | medicine] | medicine | medicines | medication | tablet | tablets | pills | dose | morning dose | evening dose | night dose | morning tablets | night tablets | b p tablet | b p medicine | sugar tablet | sugar medicine | thyroid tablet;
<took> = took | have taken | had | just took | already took | took all | just had | gave | did take;
<missed> = missed | forgot | forgot to take | skipped | didn't take | did not take | haven't taken | have not taken | couldn't take;
<amount> = (a | an | one | half | half a | half of a | one and a half) <one> [of] | (half | <num>) <many> [of];
<doseline> = [[i] (<took> | <missed>) [<amount>] | my] [my] <medword> [and [my] <med>] [<num> [milligram | milligrams | m g | units]] [all] [taken | done | is taken | are taken]
           | i took (it | them) [all];
<dosewhen> = <now> | on time | (after | before | with) <meal> | on [an] empty stomach | with [warm] water;
<reason> = i forgot | i was travelling | i was not well | i was feeling sick | my stomach is upset | i was out | it was finished | i ran out | i was sleeping | i was busy;
<dose> = <doseline> [<dosewhen>] [<dosewhen>] [because <reason>];
`

const INTAKE = `
<count> = a | an | one | two | three | four | five | six | half | half a | some | a few;
<size> = small | big | large | full;
<vessel> = glass | glasses | cup | cups | bottle | bottles | litre | litres | liter | liters | millilitres | ml | tumbler | bowl | bowls | plate | plates | piece | pieces | katori | slice | slices;
<mealname> = breakfast | lunch | dinner | a snack | snacks | evening snacks;
<item> = [<count> [<size>] [<vessel> [of]] | [a] <size> <vessel> of | <vessel> of | <num> <vessel> of] <food>;
<eat> = [i] (had | ate | have had | have eaten | just had | just ate | am having | took | drank | have drunk);
<intake> = [[for <mealname>] <eat> | [for] [my] <mealname> (was | i had | i ate) | <mealname> <eat>] <item> [(and | with) <item>] [(and | with) <item>] [for <mealname>] [<now>]
         | [<eat>] [<count> | <num>] [<size>] [<vessel> of] water [<now> | since morning];
`

const QUESTIONS = `
<period> = today | yesterday | this week | last week | this month | last month | this morning | last night | recently;
<question> = what (was | is | were) my [last | latest | average] [fasting] (<metricname> | readings | reading | vitals) [reading] [<period>]
           | (how is | how was | show me | tell me | show) my (<metricname> | readings | vitals) [<period>]
           | (did i take | have i taken | when did i last take | when should i take) my <medword> [<period>]
           | did i miss any (tablets | medicines | doses) [<period>]
           | when is my next (dose | medicine | tablet)
           | what (medicines | tablets | pills) (do i take | do i have | are due | should i take) [<now> | <period>]
           | how much water did i (drink | have) [<period>]
           | what did i eat [for <mealname>] [<period>]
           | how many calories did i (eat | have) [<period>]
           | is my <metricname> (normal | okay | high | low) [<period>];
`

const ANSWERS = `
<answer> = [yes | yeah | okay | ok] (i [have] [already] (took | taken) (it | the insulin | the tablet) [at <num>] | taken | done | already taken)
         | yes | yeah | yes please | yes i did | no | no i didn't | not yet | no not yet | not now [i will take it [after <meal> | later]]
         | skip | skip it | skip this dose | skip it today | skip today | snooze | snooze it | remind me later | later | remind me in <num> minutes | remind me in half an hour
         | okay | ok | thank you | thanks | thank you very much | hello | hi | good morning | good evening | good night | bye;
`

const SYMPTOMS = `
<severity> = a little | a bit | very | really | quite | slightly | mild | severe | bad | terrible;
<complaint> = headache | a headache | fever | a fever | cough | a cough | cold | a cold | stomach ache | back pain | knee pain | joint pain | body pain | body ache | nausea | acidity | gas | a rash | itching | loose motions | diarrhea | constipation | a sore throat | sore throat;
<feeling> = dizzy | tired | weak | sleepy | okay | fine | good | better | worse | sick | unwell | nauseous | anxious | sad | low;
<symptom> = i (have | have got | am having | got) [<severity>] <complaint> [<now>] [since yesterday | for two days | for three days]
          | i (feel | am feeling | am) [<severity>] <feeling> [<now>] [[and] [have] [<severity>] <complaint>];
`

const EMERGENCIES = `
<who> = i | he | she | my mother | my father | my husband | my wife | my son | my daughter | my brother | my sister | my friend | my neighbour | mom | dad;
<be> = am | is | was | has | have | had;
<side> = left | right;
<limb> = arm | leg | hand | side | face;
<badly> = very badly | badly | a lot | very bad | so bad | severe | very severe;
<crisis> = [i have | i got | i am having | suddenly i got] [severe | bad | sudden | very bad | heavy] chest pain [<badly>]
         | my chest pain is <badly>
         | [i have] [severe | bad] pain in my chest
         | there is [a] [heavy] (pressure | pain | tightness) in my chest [and the pain is going to my <side> arm]
         | my chest (hurts | is tight | feels tight | feels heavy | is paining) [<badly>]
         | [i think] <who> <be> having a (heart attack | stroke | seizure | fit)
         | <who> (<be>) having fits
         | <who> had a (seizure | fit) [just now]
         | <who> (can't | cannot | can not | is not able to | am not able to | is unable to | am unable to) breathe [properly]
         | [<who> <be>] [very] (short of breath | breathless) [and (cannot | can't) talk]
         | my lips are turning blue
         | [<who>] [<be>] (unconscious | fainted | collapsed | not responding | passed out | not waking up | fell down) [<place>] [<now>]
         | my face is drooping [on one side]
         | my speech is slurred
         | my <side> side is numb
         | <who> (can't | cannot) (move | feel | lift) (my | his | her) [<side>] <limb>
         | <who> <be> bleeding [heavily | a lot | badly]
         | there is heavy bleeding [from my (leg | arm | head | hand | nose)] [and it is not stopping]
         | the bleeding (won't | will not | does not | is not) (stop | stopping)
         | <who> <be> vomiting blood | i vomited blood
         | i fell [down] [in the bathroom] and hit my head [and there is blood]
         | (my throat | my tongue | my face | my face and lips | my lips) (is | are) swelling
         | i (can't | cannot) swallow
         | i am having a [severe] allergic reaction
         | i want to (kill myself | die | end my life)
         | i am thinking of ending my life
         | [sometimes] i (feel like | am going to) (killing myself | kill myself)
         | i don't want to live [anymore]
         | there is no point in living
         | [by mistake] i (took | have taken | swallowed) (all my | too many | ten | twenty) [sleeping] (pills | tablets)
         | i have taken an overdose [of (insulin | tablets | pills)]
         | help me | please help | call an ambulance;
<place> = in the bathroom | in the kitchen | in the bedroom | at home | on the road | in the park | on the stairs | at the temple | in the market;
<doing> = i was (walking | sitting | sleeping | eating | working | climbing the stairs | cooking | bathing) [<place>] [and] [uh | um];
<state> = sweating | itching all over | shivering | vomiting | [feeling] [very] (giddy | dizzy | weak | cold);
<emergency> = [suddenly | i don't know what is happening | after the injection | [<now>] <doing>] <crisis> [[and] [suddenly] <crisis>] [and [now] (i am | i'm) <state> | and <state>] [please help];
`

// Red-flag words that are not an emergency: someone's past, a pain that has gone, a negation, a
// question about the signs, an idiom. Without these the grammar has only the emergency to
// offer for such a sentence, and the closest emergency is what it would hear.
const PAST = `
<flag> = chest pain | [a] heart attack | [a] stroke | [a] seizure | a fit | fits | a fainting spell | fainting | breathlessness | bleeding;
<ago> = years ago | [<n99> | many | a few] (years | months | weeks | days) ago | last (year | month | week) | long ago | in the past | as a child;
<fine> = [feeling] (fine | okay | good | better | much better | normal);
<past> = <who> had <flag> <ago>
       | [my | the] <flag> [from (last week | yesterday | last night)] is (gone | better | much better | fine now | okay now | not there now)
       | [there is] no <flag> [<now>] [[and] i am <fine>]
       | i (am not having | don't have | do not have) [any] <flag> [<now>]
       | i was (breathless | tired | dizzy) after (climbing [the] stairs | walking | exercise | running | working) [but] [now] i am <fine>
       | (what are | tell me) the (signs | symptoms) of <flag>
       | how (to | can i | do i) prevent <flag>
       | the doctor said my (heart | sugar | pressure | b p | report) is <fine>
       | this (heat | pain | work | noise | traffic) is killing me
       | i am dying (to eat | to have | to see | for) [some | a] (mangoes | sweets | tea | ice cream | food | something | sleep);
`

export interface CompiledGrammar {
  /** JSGF text for `-jsgf`. */
  jsgf: string
  /**
   * The same rules listening for emergencies only (and the look-alikes that are not one): the
   * second pass over an utterance the whole grammar did not understand. Same dictionary.
   */
  emergencyJsgf: string
  /** The dictionary for `-dict`: every word of the grammar and nothing else. */
  dictionary: string
  /** Words left out because nothing could pronounce them. */
  unpronounceable: string[]
}

/**
 * The grammar for one patient: their medicine names beside the common ones, and every food Podd's
 * nutrition table knows (its own spelling first: of "sambar", "sambhar" and "sambaar", which
 * sound the same, only the first is kept, so a transcript spells a food as the table does).
 */
export async function compileHealthGrammar(vocabulary: GrammarVocabulary, espeak: string | undefined): Promise<CompiledGrammar> {
  const phrases = (names: string[]) => [...new Set(names.map(medicinePhrase).filter((m): m is string => !!m))]
  const medicines = phrases([...vocabulary.medicines, ...COMMON_DRUGS])
  // Aliases of three letters or fewer ("mor", "seb", "nan") sound like half the words of the grammar.
  const foods = phrases(FOODS.flatMap((f) => [f.name, ...f.aliases.filter((a) => a.length > 3)]))
  const fixed = fixedRules()
  const words = new Set([...jsgfWords(fixed), ...[...medicines, ...foods].flatMap((p) => p.split(' '))])
  const { dictionary, unknown } = await pronounce(words, espeak)
  const sayable = (p: string) => p.split(' ').every((w) => dictionary.has(w))
  const distinct = (list: string[]) => {
    const seen = new Set<string>()
    return list.filter((p) => {
      if (!sayable(p)) return false
      const sound = p.split(' ').map((w) => dictionary.get(w)![0]).join(' | ')
      if (seen.has(sound)) return false
      seen.add(sound)
      return true
    })
  }
  const rules = [`<med> = ${alt(distinct(medicines))};`, `<food> = ${alt(distinct(foods))};`, fixed]
  const plain = ['#JSGF V1.0;', 'grammar podd;', ...rules].join('\n')
  const used = jsgfWords(plain)
  const jsgf = weighGrammar(plain)
  const emergencyJsgf = weighGrammar(plain.replace(HEAD, EMERGENCY_HEAD))
  for (const w of [...dictionary.keys()]) if (!used.has(w)) dictionary.delete(w)
  return { jsgf, emergencyJsgf, dictionary: dictionaryText(dictionary), unpronounceable: unknown }
}

const HEAD = `
public <utterance> = [<lead>] [<lead>] (<readings> | <dose> | <intake> | <question> | <answer> | <symptom> | <emergency> | <past>) [please | thank you | thanks];
<lead> = okay | ok | so | well | hello | hi | uh | um | hmm | sorry | today | today morning | this morning | just now | yesterday | good morning | good evening | and;
`

/**
 * The emergency pass's public rule. Heard through the whole grammar, an emergency said in a voice
 * or noise the acoustic model fits badly loses to a short food or reading sentence (each of the
 * eight kinds of sentence is one choice in eight, and an emergency's many optional words each have
 * a price); with only emergencies and their look-alikes to choose from, the same audio comes back
 * as the emergency it was (spoken development set: most of the emergencies the whole grammar
 * heard as food or not at all), or as the look-alike it was (a past event, a question), which the safety node does not raise.
 */
const EMERGENCY_HEAD = HEAD.replace(/\(<readings>[^)]*\)/, '(<emergency> | <past>)')

const fixedRules = () => [NUMBERS, READINGS, DOSES, INTAKE, QUESTIONS, ANSWERS, SYMPTOMS, EMERGENCIES, PAST, HEAD].join('\n')

/**
 * Names the grammar's own text (not the patient's medicines): compiled files are named by it, so a
 * changed grammar is never read from an older file, whoever forgot to bump a version.
 */
export function grammarTextId(): string {
  return createHash('sha256').update(`${fixedRules()}\n${EMERGENCY_HEAD}`).digest('hex').slice(0, 12)
}

/** Every word a JSGF text can produce (its terminals; weights and rule names left out). */
export function jsgfWords(jsgf: string): Set<string> {
  const body = jsgf
    .split('\n')
    .filter((l) => !l.startsWith('#') && !l.startsWith('grammar '))
    .join(' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\/[^/]*\//g, ' ')
    .replace(/\bpublic\b/g, ' ')
    .replace(/[=;|()[\]*+]/g, ' ')
  return new Set(body.split(/\s+/).filter(Boolean))
}
