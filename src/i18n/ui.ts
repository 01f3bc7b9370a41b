import type { Kind } from '../schemas/kind.ts';
import type { Lang } from '../schemas/transcript.ts';
import { figure } from '../lib/figures.ts';

/** Words of the page chrome, in each language a transcript can have. */
const englishPlural = new Intl.PluralRules('en');
/** "1 transcript", "2 transcripts", "1,498 transcripts": the count and its noun, in English's plural rule. */
const english = (one: string, other: string) => (n: number) =>
  `${figure(n)} ${englishPlural.select(n) === 'one' ? one : other}`;

const strings = {
  en: {
    htmlLang: 'en',
    colon: ':',
    opening: 'Opening statements',
    exchange: (n: number) => `Question ${n}`,
    askedBy: (asker: string) => `asked by ${asker}`,
    linkToAnswer: 'Link to this answer',
    date: 'Date',
    spokesperson: 'Spokesperson',
    kind: 'Kind',
    source: 'Source',
    original: 'Original',
    translation: '中文版',
    dateNote: 'How the date was set',
    previous: 'Previous',
    next: 'Next',
    exchanges: english('question', 'questions'),
    statementOnly: 'statement',
    share: 'Share',
    copyLink: 'Copy link',
    copied: 'Link copied',
    copiedText: 'Copied',
    shareNative: 'Share…',
    email: 'Email',
    moreWays: 'Email, X, Facebook, LinkedIn, Weibo',
    answerPage: 'Page of this answer',
    inTranscript: 'Read it in the whole transcript',
    saidBefore: 'Said before',
    saidBeforeTitle: (day: string, who: string | undefined) => `Said before, first on ${day}${who ? ` by ${who}` : ''}`,
    saidBeforeCount: (n: number, total: number) =>
      `${figure(n)} of ${english('sentence', 'sentences')(total)} said before; the others, shown in full ink, are new here.`,
    allNew: (total: number) =>
      `None of this answer's ${english('sentence', 'sentences')(total)} was said in an earlier answer of this archive.`,
    firstSaid: (day: string, who: string | undefined) => `first on ${day}${who ? ` by ${who}` : ''}`,
    answersBefore: english('answer before this one', 'answers before this one'),
    formulaPage: 'every use',
    saidBeforeShort: (n: number, total: number) =>
      `${figure(n)} of ${english('sentence', 'sentences')(total)} said before`,
    formulas: 'Formulas',
    entities: 'Places, people, organisations',
    formula: {
      kicker: 'Formulas in English',
      usedInLabel: 'Used in',
      usedIn: (answers: number, wordings: number) =>
        `${english('answer', 'answers')(answers)}, in ${english('wording', 'wordings')(wordings)}`,
      first: 'First',
      last: 'Last',
      saidBy: 'Said by',
      otherLang: 'In Chinese',
      search: 'Search for it, first said first',
      follow: 'Follow this formula (RSS)',
      chart: (unit: string) => `Answers using this formula, per ${unit}`,
      wordings: 'Wordings',
      wordingCount: (n: number, day: string) => `${figure(n)} × · first ${day}`,
      more: (n: number) => `and ${figure(n)} more, each used less.`,
      uses: 'Every use, oldest first',
    },
    cite: 'Cite this answer',
    copy: 'Copy',
    linkSelection: 'Copy a link to the selected text',
    shareLabel: (n: number) => `Share answer ${n}`,
    otherLang: 'zh-Hans',
    counterpart: (ns: number[]) =>
      `Chinese version: ${ns.length === 1 ? 'question' : 'questions'} ${ns.join(ns.length === 2 ? ' and ' : ', ')}`,
    noCounterpart: 'Not in the Chinese transcript',
    uncertain: 'Probable match: the two versions could not be aligned with certainty.',
    pinned: 'Matched by an editor.',
    uncertainShort: '(probable match)',
    showBeside: 'Show the Chinese version beside each answer',
    hideBeside: 'Hide the Chinese version',
    besideFailed: 'The Chinese version could not be loaded: follow the links to each answer instead.',
    differences: (here: number, there: number) =>
      here === 0 && there === 0
        ? 'Every question is in both versions.'
        : [
            here > 0 && `${here === 1 ? '1 question' : `${here} questions`} in English only`,
            there > 0 && `${there === 1 ? '1 question' : `${there} questions`} in Chinese only`,
          ]
            .filter(Boolean)
            .join(', ') + '.',
    uncertainCount: (n: number) => (n === 1 ? '1 match is uncertain.' : `${n} matches are uncertain.`),
    differencesLink: 'Every question published in one language only',
    translationElsewhere: '中文版 (ministry site)',
    skip: 'Skip to content',
    nav: { label: 'Site', latest: 'Latest', archive: 'Archive', spokespeople: 'Spokespeople', search: 'Search' },
    searchLabel: 'Search answers',
    searchButton: 'Search',
    footer:
      "publishes the spokesperson's remarks as the ministry released them; each transcript links to its original.",
    topics: 'Topics',
    openData: 'Open data and feeds',
    questionsTitle: 'Questions',
    toQuestions: 'All questions',
    nextQuestion: 'Next question',
    previousAnswer: 'Previous answer',
    nextAnswer: 'Next answer',
    answerOf: (n: number, total: number) => `Question ${n} of ${total}`,
    transcripts: english('transcript', 'transcripts'),
    answers: english('answer', 'answers'),
  },
  zh: {
    htmlLang: 'zh-Hans',
    colon: '：',
    opening: '开场发布',
    exchange: (n: number) => `第${n}问`,
    askedBy: (asker: string) => `提问：${asker}`,
    linkToAnswer: '本问答链接',
    date: '日期',
    spokesperson: '发言人',
    kind: '类别',
    source: '来源',
    original: '原文',
    translation: 'English',
    dateNote: '日期说明',
    previous: '上一篇',
    next: '下一篇',
    exchanges: (n: number) => `${n}问`,
    statementOnly: '发布',
    share: '分享',
    copyLink: '复制链接',
    copied: '链接已复制',
    copiedText: '已复制',
    shareNative: '分享…',
    email: '邮件',
    moreWays: '邮件、微博、X、Facebook、LinkedIn',
    answerPage: '本问答页面',
    inTranscript: '在全文中阅读',
    saidBefore: '此前说过',
    saidBeforeTitle: (day: string, who: string | undefined) => `此前说过，首次于${day}${who ? `（${who}）` : ''}`,
    saidBeforeCount: (n: number, total: number) =>
      `${figure(total)}句中有${figure(n)}句此前说过；其余以正常字色显示的为首次出现。`,
    allNew: (total: number) => `本回答的${figure(total)}句话均未见于本档案此前的回答。`,
    firstSaid: (day: string, who: string | undefined) => `首次于${day}${who ? `（${who}）` : ''}`,
    answersBefore: (n: number) => `此前${figure(n)}次`,
    formulaPage: '全部用例',
    saidBeforeShort: (n: number, total: number) => `${figure(total)}句中${figure(n)}句此前说过`,
    formulas: '固定表述',
    entities: '地名、人名、机构',
    formula: {
      kicker: '中文固定表述',
      usedInLabel: '使用',
      usedIn: (answers: number, wordings: number) => `${figure(answers)}次回答，${figure(wordings)}种措辞`,
      first: '首次',
      last: '最近',
      saidBy: '发言人',
      otherLang: '英文',
      search: '搜索此表述（按首次使用排序）',
      follow: '订阅此表述（RSS）',
      chart: (unit: string) => `使用此表述的回答（按${unit === 'year' ? '年' : '月'}）`,
      wordings: '措辞',
      wordingCount: (n: number, day: string) => `${figure(n)}次 · 首次${day}`,
      more: (n: number) => `另有${figure(n)}种措辞，用得更少。`,
      uses: '全部用例（按时间先后）',
    },
    cite: '引用本回答',
    copy: '复制',
    linkSelection: '复制所选文字的链接',
    shareLabel: (n: number) => `分享第${n}问`,
    otherLang: 'en',
    counterpart: (ns: number[]) => `英文版：第${ns.join('、')}问`,
    noCounterpart: '英文版无此问答',
    uncertain: '可能的对应问答：两个版本未能确切对齐。',
    pinned: '由编辑确认对应。',
    uncertainShort: '（可能的对应）',
    showBeside: '逐条对照英文版',
    hideBeside: '收起英文版',
    besideFailed: '英文版未能加载：请点击各问答的链接查看。',
    differences: (here: number, there: number) =>
      here === 0 && there === 0
        ? '两个版本问答一一对应。'
        : [here > 0 && `${here}问仅见于中文版`, there > 0 && `${there}问仅见于英文版`].filter(Boolean).join('，') +
          '。',
    uncertainCount: (n: number) => `${n}处对应未能确定。`,
    differencesLink: '仅以一种语言发布的问答',
    translationElsewhere: 'English（外交部网站）',
    skip: '跳到正文',
    nav: { label: '网站', latest: '最新', archive: '往期', spokespeople: '发言人', search: '搜索' },
    searchLabel: '搜索问答',
    searchButton: '搜索',
    footer: '按外交部发布的原样刊载发言人的讲话与答问，每篇均链接至原文。',
    topics: '话题',
    openData: '开放数据与订阅',
    questionsTitle: '提问',
    toQuestions: '全部提问',
    nextQuestion: '下一问',
    previousAnswer: '上一问',
    nextAnswer: '下一问',
    answerOf: (n: number, total: number) => `第${n}问（共${total}问）`,
    transcripts: (n: number) => `${n.toLocaleString('zh-CN')}篇`,
    answers: (n: number) => `${n.toLocaleString('zh-CN')}条回答`,
  },
} as const;

export type UI = (typeof strings)[Lang];

export function ui(lang: Lang): UI {
  return strings[lang];
}

/** The words of a page whose HTML lang tag is `htmlLang` ("zh-Hans" → Chinese, anything else English). */
export function uiOfTag(htmlLang: string): UI {
  return htmlLang.startsWith('zh') ? strings.zh : strings.en;
}

const kindNames: Record<Lang, Record<Kind, string>> = {
  en: {
    'press-conference': 'Regular press conference',
    briefing: 'Press briefing',
    remarks: 'Remarks',
    answers: "Answers to journalists' questions",
    statement: 'Statement',
  },
  zh: {
    'press-conference': '例行记者会',
    briefing: '吹风会',
    remarks: '谈话',
    answers: '答记者问',
    statement: '声明',
  },
};

export function kindName(kind: Kind, lang: Lang): string {
  return kindNames[lang][kind];
}

/** A calendar day for readers: "12 March 2019", "2019年3月12日". */
export function formatDay(day: string, lang: Lang): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return dayFormats[lang].format(new Date(Date.UTC(year, month - 1, date)));
}

// Made once: a formatter costs far more to make than to use, and a build formats dates on every page.
const dayFormats = {
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  zh: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};
