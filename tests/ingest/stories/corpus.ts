/**
 * Feed entries from five outlets about known stories, written for these tests (invented events in our own
 * words). `story` names the event each entry reports: entries with the same story must be grouped, all
 * others kept apart. The near misses the grouping must not merge are marked in comments.
 */
export interface CorpusEntry {
  outlet: string;
  story: string;
  day: string;
  title: string;
  text: string;
  /** Path of the story's URL on its outlet's site. */
  path: string;
  /** Absolute URLs the text links to. */
  links?: string[];
}

export const OUTLETS = ['The Moscow Times', 'Reuters', 'Capital Ledger', 'Policy Desk', 'Вестник Примера', 'Невский Курьер'];

const UN_NOTE = 'https://press.un.example/2024/sc-draft-dprk-relief';
const DUMA_BILL = 'https://duma.example/bills/512345-8';
const TREASURY_NOTE = 'https://treasury.example/news/press-releases/jy2130';
const EU_NOTE = 'https://council.example/press/2024/03/08/fourteenth-package';
const RU = 'Вестник Примера';

/**
 * Russian reports of stories the English ones tell, and Russian near misses. Grouped across the two
 * languages only on names, numbers and links; the tests count these pairs apart.
 */
const RUSSIAN_REPORTS: CorpusEntry[] = [
  // Shares the name of the governor and the rate with the English reports.
  { outlet: RU, story: 'key-rate', day: '2024-03-06', path: '/news/stavka-16',
    title: 'Банк России оставил ключевую ставку на уровне 16%',
    text: 'Совет директоров Банка России сохранил ключевую ставку на уровне 16% годовых. Председатель ЦБ Эльвира Набиуллина заявила, что снижение ставки может начаться во втором полугодии, если инфляция продолжит замедляться к цели в 4%.' },
  // Links to the bill's page, as The Moscow Times does, and names the Federation Council.
  { outlet: RU, story: 'agents-bill', day: '2024-03-05', path: '/news/inoagenty-vybory',
    title: 'Госдума запретила иноагентам участвовать в выборах',
    text: 'Депутаты Государственной думы приняли в третьем чтении закон, который запрещает иноагентам баллотироваться на выборах и получать доход от рекламы. Теперь закон должен одобрить Совет Федерации.',
    links: [DUMA_BILL] },
  // Links to the Treasury's notice and gives the number of targets; must not join the EU package.
  { outlet: RU, story: 'us-banks', day: '2024-03-08', path: '/news/sankcii-mosbirzha',
    title: 'США ввели санкции против Мосбиржи и российских банков',
    text: 'Министерство финансов США включило в санкционный список более 300 компаний и физических лиц, в том числе Московскую биржу, российские банки и криптовалютные биржи.',
    links: [TREASURY_NOTE] },
  // A new story: the prime minister's report, in both languages with the same figures.
  { outlet: 'Reuters', story: 'pm-report', day: '2024-03-12', path: '/world/mishustin-duma-report',
    title: 'Mishustin tells Duma economy grew 3.6% last year',
    text: 'Prime Minister Mikhail Mishustin told the State Duma in his annual report on Tuesday that the economy grew 3.6% in 2023 despite sanctions, and promised more support for manufacturers.' },
  { outlet: 'Capital Ledger', story: 'pm-report', day: '2024-03-12', path: '/news/pm-annual-report',
    title: 'Prime minister reports 3.6% growth to lawmakers',
    text: 'In his yearly report to parliament, Mikhail Mishustin said output rose 3.6% in 2023 and that real wages had grown by 7.8%, the fastest pace in a decade.' },
  { outlet: RU, story: 'pm-report', day: '2024-03-12', path: '/news/otchet-mishustina',
    title: 'Мишустин отчитался перед Госдумой о росте экономики',
    text: 'Председатель правительства Михаил Мишустин в ежегодном отчёте в Госдуме сообщил, что экономика в 2023 году выросла на 3,6%, а реальные зарплаты — на 7,8%.' },
  // A new story: the gas company's loss, in both languages.
  { outlet: 'Reuters', story: 'gas-loss', day: '2024-03-13', path: '/business/gazprom-annual-loss',
    title: 'Gazprom posts first annual loss in over two decades',
    text: 'Gazprom reported a net loss of 629 billion roubles for 2023, its first yearly loss since 1999, as gas exports to Europe collapsed.' },
  { outlet: 'The Moscow Times', story: 'gas-loss', day: '2024-03-14', path: '/2024/03/14/gazprom-loss',
    title: 'Gazprom ends 2023 with 629 billion ruble loss',
    text: 'State gas giant Gazprom lost 629 billion rubles last year, the first annual loss since 1999, after losing most of its European customers.' },
  { outlet: RU, story: 'gas-loss', day: '2024-03-13', path: '/news/gazprom-ubytok',
    title: '«Газпром» впервые с 1999 года завершил год с убытком',
    text: 'По итогам 2023 года «Газпром» получил чистый убыток в 629 млрд рублей, первый с 1999 года. Экспорт газа в Европу резко сократился.' },
  // The appeal, in Russian, linking to the first story: it stays apart from the sentencing.
  { outlet: RU, story: 'journalist-appeal', day: '2024-03-09', path: '/news/volkova-apellyaciya',
    title: 'Защита Анны Волковой обжаловала приговор',
    text: 'Адвокаты журналистки из Екатеринбурга Анны Волковой подали апелляцию на приговор к шести годам колонии по делу о «фейках» об армии. Защита считает, что суд проигнорировал доказательства.',
    links: ['http://127.0.0.1/briefs/reporter-sentenced'] },
  // Near miss: the same actors on the day of the summit, in a different event (a budget meeting).
  { outlet: 'Невский Курьер', story: 'budget-meeting', day: '2024-03-04', path: '/politika/soveshchanie-byudzhet',
    title: 'Путин провёл совещание по бюджету',
    text: 'Президент Владимир Путин провёл в Кремле совещание с членами правительства о расходах бюджета на следующий год. Премьер Михаил Мишустин доложил о подготовке поправок.' },
  // Near miss: Moscow's answer to the EU package three days on, linking to the same EU notice.
  { outlet: 'Невский Курьер', story: 'eu-answer', day: '2024-03-11', path: '/politika/otvet-es',
    title: 'МИД пообещал ответ на 14-й пакет санкций ЕС',
    text: 'Министерство иностранных дел России пообещало ответные меры на 14-й пакет санкций Евросоюза, который затронул 116 компаний и физических лиц.',
    links: [EU_NOTE] },
];

export const CORPUS: CorpusEntry[] = [
  // Reported by four outlets, one of them in Russian with the same link.
  { outlet: 'The Moscow Times', story: 'dprk-relief', day: '2024-03-04', path: '/2024/03/04/russia-china-dprk-relief',
    title: 'Russia and China ask Security Council to ease North Korea sanctions',
    text: 'Russia and China circulated a draft resolution at the UN Security Council on Monday that would lift a ban on North Korean textile exports and seafood. Moscow said the relief would open room for talks with Pyongyang. Washington signalled it would oppose the draft.',
    links: [UN_NOTE] },
  { outlet: 'Reuters', story: 'dprk-relief', day: '2024-03-05', path: '/world/asia/dprk-sanctions-draft',
    title: 'Moscow and Beijing propose sanctions relief for Pyongyang at UN',
    text: 'Russia and China have proposed that the UN Security Council lift some sanctions on North Korea, including the ban on its textile and seafood exports, according to a draft resolution seen on Tuesday. The United States and its allies are expected to reject the proposal.' },
  { outlet: 'Capital Ledger', story: 'dprk-relief', day: '2024-03-05', path: '/news/dprk-draft',
    title: 'Security Council draft would lift North Korean textile ban',
    text: 'A draft resolution from Russia and China at the Security Council would ease sanctions on North Korea by lifting the ban on textile and seafood exports. Diplomats said the draft stands little chance, since the United States holds a veto.' },
  { outlet: 'Вестник Примера', story: 'dprk-relief', day: '2024-03-05', path: '/news/kndr-sovbez',
    title: 'Россия и Китай внесли в Совбез ООН проект об ослаблении санкций против КНДР',
    text: 'Россия и Китай предложили Совету Безопасности ООН снять запрет на экспорт текстиля и морепродуктов из КНДР. В Москве считают, что это поможет возобновить переговоры.',
    links: [UN_NOTE] },

  // Three outlets.
  { outlet: 'Reuters', story: 'key-rate', day: '2024-03-06', path: '/markets/cbr-holds-16',
    title: 'Russian central bank holds key rate at 16% as inflation slows',
    text: 'The Bank of Russia kept its key interest rate at 16% on Wednesday, saying inflation was slowing faster than expected but remained above its 4% target. Governor Elvira Nabiullina said cuts could begin in the second half of the year.' },
  { outlet: 'The Moscow Times', story: 'key-rate', day: '2024-03-06', path: '/2024/03/06/rate-unchanged',
    title: 'Central Bank leaves rate at 16%, hints at cuts later in year',
    text: 'The Central Bank kept the key rate at 16% for a third meeting in a row. Elvira Nabiullina told reporters that the bank could start lowering the rate in the second half of the year if inflation keeps easing toward the 4% target.' },
  { outlet: 'Policy Desk', story: 'key-rate', day: '2024-03-07', path: '/briefs/nabiullina-rate',
    title: 'Nabiullina keeps borrowing costs at 16%',
    text: 'Elvira Nabiullina and the board of the Bank of Russia held the key rate at 16%, citing slowing inflation and a tight labour market. Analysts had expected no change; the bank pointed to possible cuts in the second half.' },

  // Three outlets.
  { outlet: 'Capital Ledger', story: 'agents-bill', day: '2024-03-05', path: '/news/duma-foreign-agents',
    title: 'Duma passes bill on foreign agents in final reading',
    text: 'The State Duma passed a bill in its third reading on Tuesday that bars people listed as foreign agents from running in elections and from receiving advertising income. The bill now goes to the Federation Council.' },
  { outlet: 'The Moscow Times', story: 'agents-bill', day: '2024-03-05', path: '/2024/03/05/agents-elections-ban',
    title: 'Lawmakers bar foreign agents from elections',
    text: 'Russian lawmakers on Tuesday approved in the third and final reading a bill banning foreign agents from standing in elections and earning money from advertising. The State Duma vote was nearly unanimous; the Federation Council is expected to approve it next week.',
    links: [DUMA_BILL] },
  { outlet: 'Policy Desk', story: 'agents-bill', day: '2024-03-06', path: '/briefs/foreign-agents-law',
    title: 'New limits on foreign agents clear the Duma',
    text: 'The State Duma adopted a law that stops foreign agents from running in elections and cuts off their advertising revenue. Rights groups said the law would silence the remaining independent voices before the Federation Council signs off.' },

  // Near miss: two different sanctions packages on the same day, each reported by two outlets.
  { outlet: 'Reuters', story: 'eu-lng', day: '2024-03-08', path: '/world/europe/eu-14th-package',
    title: 'EU adopts 14th sanctions package targeting Russian LNG',
    text: 'The European Union adopted its 14th package of sanctions against Russia on Friday, banning the reloading of Russian liquefied natural gas in EU ports for shipment to third countries. The package also lists 116 individuals and entities.',
    links: [EU_NOTE] },
  { outlet: 'Capital Ledger', story: 'eu-lng', day: '2024-03-08', path: '/news/eu-lng-transshipment',
    title: 'Brussels bans transshipment of Russian gas in new package',
    text: 'European Union ambassadors approved a 14th sanctions package that bans the transshipment of Russian liquefied natural gas through EU ports. The package adds 116 names to the sanctions list.' },
  { outlet: 'The Moscow Times', story: 'us-banks', day: '2024-03-08', path: '/2024/03/08/treasury-banks',
    title: 'U.S. Treasury sanctions Russian banks and crypto exchanges',
    text: 'The U.S. Treasury Department on Friday imposed sanctions on more than 300 targets, including Russian banks, crypto exchanges and suppliers of military equipment. The Moscow Exchange was among the entities listed.',
    links: [TREASURY_NOTE] },
  { outlet: 'Policy Desk', story: 'us-banks', day: '2024-03-08', path: '/briefs/treasury-moex',
    title: 'Washington targets Moscow Exchange in sweeping sanctions',
    text: 'The Treasury Department listed the Moscow Exchange and more than 300 other targets, among them Russian banks and crypto exchanges that help the military buy equipment abroad.' },

  // Near miss: the same actors a week later, in a different event.
  { outlet: 'Reuters', story: 'xi-visit', day: '2024-03-04', path: '/world/putin-xi-moscow-talks',
    title: 'Putin and Xi sign energy deals at Moscow summit',
    text: 'Vladimir Putin and Xi Jinping signed agreements on gas supplies and nuclear power at talks in the Kremlin on Monday. Putin said the Power of Siberia 2 pipeline was close to agreement.' },
  { outlet: 'The Moscow Times', story: 'xi-visit', day: '2024-03-04', path: '/2024/03/04/xi-kremlin-summit',
    title: 'Xi Jinping in Kremlin: gas pipeline and nuclear deals',
    text: 'Xi Jinping and Vladimir Putin signed a set of energy agreements at the Kremlin, including on nuclear power, and said the Power of Siberia 2 gas pipeline was nearly agreed.' },
  { outlet: 'Вестник Примера', story: 'xi-visit', day: '2024-03-04', path: '/news/si-v-kremle',
    title: 'Путин и Си Цзиньпин подписали энергетические соглашения',
    text: 'Владимир Путин и Си Цзиньпин подписали в Кремле соглашения о поставках газа и атомной энергетике. Газопровод «Сила Сибири 2» почти согласован.' },
  { outlet: 'Reuters', story: 'xi-call', day: '2024-03-11', path: '/world/putin-xi-call-ukraine',
    title: 'Putin and Xi discuss Ukraine peace plan by phone',
    text: 'Vladimir Putin and Xi Jinping spoke by phone on Monday about a Chinese plan for peace talks on Ukraine, the Kremlin said. Xi urged both sides to resume negotiations.' },
  { outlet: 'Capital Ledger', story: 'xi-call', day: '2024-03-11', path: '/news/putin-xi-phone',
    title: 'Xi urges talks on Ukraine in call with Putin',
    text: 'Xi Jinping told Vladimir Putin in a phone call that China backs peace talks on Ukraine and asked both sides to return to negotiations, the Kremlin said on Monday.' },

  // Near miss: a follow-up that links to the first story.
  { outlet: 'Policy Desk', story: 'journalist-jailed', day: '2024-03-05', path: '/briefs/reporter-sentenced',
    title: 'Court jails reporter Anna Volkova for six years',
    text: 'A court in Yekaterinburg sentenced the reporter Anna Volkova to six years in prison on Tuesday for spreading false information about the army. Volkova denied the charges.' },
  { outlet: 'The Moscow Times', story: 'journalist-jailed', day: '2024-03-05', path: '/2024/03/05/volkova-six-years',
    title: 'Yekaterinburg reporter gets six years over army posts',
    text: 'Anna Volkova, a reporter in Yekaterinburg, was sentenced to six years in prison for posts about the army that prosecutors called false information. She said the case was revenge for her reporting.' },
  { outlet: 'Capital Ledger', story: 'journalist-appeal', day: '2024-03-09', path: '/news/volkova-appeal',
    title: 'Lawyers for Anna Volkova appeal her six-year sentence',
    text: 'Lawyers for Anna Volkova, the Yekaterinburg reporter sentenced to six years in prison for false information about the army, filed an appeal on Saturday, arguing the court ignored evidence.',
    links: ['http://127.0.0.1/briefs/reporter-sentenced'] },

  // Two outlets.
  { outlet: 'Reuters', story: 'wildfires', day: '2024-03-12', path: '/world/siberia-fires',
    title: 'Wildfires spread across 200,000 hectares in Siberia',
    text: 'Wildfires have spread across 200,000 hectares in the Zabaikalsky region of Siberia, officials said on Tuesday, and a state of emergency was declared in four districts.' },
  { outlet: 'Policy Desk', story: 'wildfires', day: '2024-03-13', path: '/briefs/zabaikalsky-fires',
    title: 'Emergency declared as Zabaikalsky fires grow',
    text: 'Officials in the Zabaikalsky region declared a state of emergency in four districts as wildfires grew to 200,000 hectares.' },

  // Stories one outlet alone reported.
  { outlet: 'Capital Ledger', story: 'grain', day: '2024-03-05', path: '/news/grain-exporters',
    title: 'Finance ministry widens sanctions workaround for grain exporters',
    text: 'The finance ministry extended a scheme that lets grain exporters settle payments through third-country banks, as sanctions squeeze the usual channels.' },
  { outlet: 'Policy Desk', story: 'pensions', day: '2024-03-07', path: '/briefs/pension-indexation',
    title: 'Government proposes higher pension indexation for working pensioners',
    text: 'The government proposed resuming the indexation of pensions for working pensioners from next year, at a cost of 400 billion rubles.' },
  { outlet: 'The Moscow Times', story: 'arctic', day: '2024-03-10', path: '/2024/03/10/northern-sea-route',
    title: 'Rosatom reports record cargo on Northern Sea Route',
    text: 'Rosatom said cargo shipped along the Northern Sea Route reached a record in the winter months, driven by oil and coal bound for China and India.' },
  { outlet: 'Вестник Примера', story: 'budget', day: '2024-03-06', path: '/news/byudzhet-deficit',
    title: 'Минфин оценил дефицит бюджета в феврале',
    text: 'Министерство финансов сообщило, что дефицит федерального бюджета в феврале составил 1,1 трлн рублей из-за роста расходов на оборону.' },
  { outlet: 'Reuters', story: 'navalny-memorial', day: '2024-03-09', path: '/world/memorial-detentions',
    title: 'Police detain dozens at memorial gatherings in Moscow',
    text: 'Police detained dozens of people who laid flowers at memorials in Moscow and St Petersburg on Saturday, a rights monitoring group said.' },
  // Same topic as the EU package, a different event a week on: an oil price cap review.
  { outlet: 'Policy Desk', story: 'price-cap', day: '2024-03-14', path: '/briefs/price-cap-review',
    title: 'G7 reviews oil price cap on Russian crude',
    text: 'G7 finance ministers began a review of the $60 price cap on Russian crude oil, weighing a lower cap as Moscow\'s oil revenues recover.' },

  ...RUSSIAN_REPORTS,
];

