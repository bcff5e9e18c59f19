"""Word pools for the synthetic events: invented but plausible, with some non-ASCII text."""

DOMAINS = (
    {"id": "diplomatic", "label": "Diplomatic", "color": "#0072B2"},
    {"id": "economic", "label": "Economic", "color": "#E69F00"},
    {"id": "military", "label": "Military & security", "color": "#009E73"},
    {"id": "culture", "label": "Culture", "color": "#CC79A7"},
)
DOMAIN_WEIGHTS = (40, 25, 20, 15)

ACTORS = (
    "Japan", "PRC", "Taiwan", "United States", "South Korea", "North Korea", "Russia", "India",
    "Australia", "Philippines", "Vietnam", "Indonesia", "United Kingdom", "France", "Germany",
    "European Union", "United Nations", "ASEAN", "NATO", "WHO", "IMF", "World Bank", "WTO", "Canada",
    "Mexico", "Brazil", "Singapore", "Malaysia", "Thailand", "New Zealand", "Mongolia", "Pakistan",
    "Iran", "Saudi Arabia", "Türkiye", "Israel", "Egypt", "South Africa", "Nigeria", "Côte d’Ivoire",
)  # fmt: skip

PEOPLE = (
    "Aiko Tanaka", "Chen Wei-lin", "José Álvarez", "Søren Madsen", "Nguyễn Thị Lan", "Olu Adeyemi",
    "Priya Raman", "Hiroshi Sato", "Lin Mei", "Anna Kowalska", "Omar Haddad", "Grace Kim",
    "Pierre Dubois", "Ingrid Berg", "Kenji Mori", "Fatima Zahra", "Li Jun", "Maria Santos",
    "David Cohen", "Yuki Ishida", "Ravi Menon", "Elena Petrova", "Tomás Novak", "Ama Mensah",
)  # fmt: skip

TAGS = (
    "summit", "sanctions", "trade-deal", "election", "treaty", "aid", "exercise", "state visit",
    "protest", "tariffs", "pandemic", "cyber", "energy", "fisheries", "space", "WHA", "TRA",
    "normalisation", "arms sale", "student exchange", "Expo", "Olympics", "climate", "semiconductors",
)  # fmt: skip

OUTLETS = (
    "Reuters", "Associated Press", "Nikkei Asia", "The Japan Times", "Taipei Times",
    "South China Morning Post", "BBC News", "Le Monde", "Der Spiegel", "Asahi Shimbun", "Kyodo News",
    "Yonhap", "Foreign Affairs", "Ministry of Foreign Affairs", "Congressional Record", "China Brief",
)  # fmt: skip

VERBS = (
    "sign", "announce", "hold talks on", "suspend", "resume", "expand", "review", "criticise",
    "welcome", "launch", "renegotiate", "postpone",
)  # fmt: skip

OBJECTS = (
    "a trade agreement", "joint naval exercises", "a fisheries accord", "an aid package", "visa rules",
    "a cultural exchange programme", "export controls", "a security dialogue", "tariff cuts",
    "a science partnership", "an energy pipeline", "observer status", "a currency swap line",
    "port access", "a film co-production treaty", "satellite launches",
)  # fmt: skip

PLACES = ("Tokyo", "Taipei", "Beijing", "Washington", "Seoul", "Geneva", "Brussels", "São Paulo", "Zürich")

SENTENCES = (
    "Officials met in {place} to discuss {object}.",
    "The talks followed months of {tag} disputes, according to {outlet}.",
    "Observers described the move as a turning point for {actor}.",
    "{actor} said the decision would be reviewed within a year.",
    "Critics in {place} warned that {object} could strain relations with {actor}.",
    "The announcement came during a {tag} meeting.",
)
MARKDOWN = (
    " It was **the first** such step since {year}.",
    " The text of the [joint statement](https://example.org/statements/{year}) was published.",
    " Officials called it _provisional_.",
)
QUOTES = (
    "we will not accept any change to the status quo by force",
    "this agreement opens a new chapter between our peoples",
    "the door to dialogue remains open",
    "we regret the decision and will respond appropriately",
)
