//! Vocabulary for synthetic news prose: places, topics, outlets, quote
//! parts and filler sentences, mixed so that texts differ but read alike.

pub const PLACES: [&str; 32] = [
    "Vladivostok",
    "Pyongyang",
    "Seoul",
    "Beijing",
    "Moscow",
    "the Vostochny Cosmodrome",
    "Khabarovsk",
    "Komsomolsk-on-Amur",
    "Kraków",
    "Zürich",
    "Göteborg",
    "São Paulo",
    "Ankara",
    "İstanbul",
    "Brussels",
    "Geneva",
    "Hanoi",
    "Ulaanbaatar",
    "Tumangang",
    "Rason",
    "Busan",
    "Shenyang",
    "Harbin",
    "Kazan",
    "Sochi",
    "Málaga",
    "Malmö",
    "Ostrava",
    "Washington",
    "London",
    "Ottawa",
    "Canberra",
];

pub const TOPICS: [&str; 24] = [
    "energy cooperation",
    "grain exports",
    "rail links",
    "space technology",
    "fisheries",
    "border security",
    "nuclear talks",
    "sanctions relief",
    "tourism",
    "labour migration",
    "arms control",
    "food aid",
    "port access",
    "currency swaps",
    "student exchanges",
    "pipeline construction",
    "satellite launches",
    "wheat prices",
    "aircraft manufacturing",
    "technological sovereignty",
    "humanitarian corridors",
    "fertiliser supplies",
    "maritime patrols",
    "cultural exchanges",
];

pub const OUTLETS: [&str; 12] = [
    "The Daily Ledger",
    "Nordic Wire",
    "Seoul Herald",
    "Le Courrier du Nord",
    "Агентство Восток",
    "아시아 투데이",
    "东方观察",
    "Pacific Dispatch",
    "Gazeta Wschodnia",
    "The Evening Standard-Bearer",
    "Global Affairs Review",
    "Dziennik Bałtycki",
];

pub const GIFTS: [&str; 8] = [
    "a hunting rifle",
    "a pair of Pungsan dogs",
    "a bulletproof vest",
    "a porcelain vase",
    "a rare manuscript",
    "a painting of Mount Paektu",
    "a model spacecraft",
    "a ceremonial sword",
];

pub const OCCASIONS: [&str; 6] = [
    "the anniversary of the armistice",
    "the opening of a new bridge",
    "the founding of the republic",
    "the end of the harvest",
    "seventy years of diplomatic ties",
    "the reopening of the border crossing",
];

pub const FACILITIES: [&str; 6] = [
    "an aircraft factory",
    "a naval base",
    "a research institute",
    "a shipyard",
    "a railway depot",
    "a launch site",
];

pub const SUBJECTS: [&str; 8] = [
    "We",
    "Our countries",
    "Our partners",
    "Our ministries",
    "My colleagues and I",
    "All of us here",
    "Our people",
    "Both sides",
];

pub const VERBS: [&str; 12] = [
    "will continue to support",
    "cannot accept any delay in",
    "have always valued",
    "are ready to discuss",
    "will never abandon",
    "must protect",
    "expect real progress on",
    "have agreed to expand",
    "remain committed to",
    "will carefully review",
    "see great potential in",
    "are not afraid of talking about",
];

pub const CODAS: [&str; 10] = [
    "",
    " in the coming months",
    " without preconditions",
    " despite the pressure from outside",
    " for the sake of our people",
    " this year",
    " step by step",
    " at every level",
    " whatever others may say",
    " as friends and neighbours",
];

/// (native opening, native ending) quote parts for speakers of other languages.
pub const RUSSIAN_QUOTES: [&str; 5] = [
    "Мы продолжим сотрудничество",
    "Это важный шаг",
    "Мы готовы к диалогу",
    "Наши страны укрепляют дружбу",
    "Никто не сможет нам помешать",
];
pub const RUSSIAN_CODAS: [&str; 5] = [
    "в области энергетики",
    "без предварительных условий",
    "в ближайшие месяцы",
    "на всех уровнях",
    "ради наших народов",
];
pub const KOREAN_QUOTES: [&str; 5] = [
    "우리는 협력을 강화할 것이다",
    "이번 회담은 중요한 진전이다",
    "대화의 문은 열려 있다",
    "양국 관계는 새로운 단계에 들어섰다",
    "우리는 결코 물러서지 않을 것이다",
];
pub const CHINESE_QUOTES: [&str; 5] = [
    "我们将继续加强合作",
    "这是一个重要的进展",
    "双方同意扩大交流",
    "我们愿意进行对话",
    "和平与发展是共同目标",
];

/// Sentences without quotes that fill out an article; `{topic}`,
/// `{place}`, `{outlet}`, `{n}` and `{month}` are filled in.
pub const FILLER: [&str; 14] = [
    "The talks come as the question of {topic} dominates the agenda in the region.",
    "Officials did not say when the next round would take place.",
    "Analysts said the outcome would depend largely on {topic}.",
    "{outlet} could not independently verify the account.",
    "The meeting lasted about {n} hours, officials in {place} said.",
    "Markets in {place} reacted calmly to the news.",
    "A further round of talks is expected in {month}.",
    "Diplomats described the atmosphere as businesslike but cordial.",
    "Neither side released a full transcript of the discussions.",
    "State media carried lengthy reports and dozens of photographs.",
    "Critics warned that promises on {topic} had been made before.",
    "Around {n} journalists were accredited to cover the visit.",
    "Security in {place} was tight, with several streets closed to traffic.",
    "The two delegations are due to meet again before the end of {month}.",
];
