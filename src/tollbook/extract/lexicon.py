"""General English vocabulary the extraction rules read: one place for every word list.

Everything here is ordinary vocabulary (number words, casualty verbs and nouns,
reporting verbs, function words).  No names of people, places or outlets.
"""

from __future__ import annotations

from tollbook.vocab import Outcome, Qualifier


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(text.split())


K = Outcome.KILLED
W = Outcome.WOUNDED
C = Outcome.CASUALTIES
M = Outcome.MISSING
CAP = Outcome.CAPTURED

# --- numbers -------------------------------------------------------------------

UNIT_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Plural amounts read as an interval, by the guideline's table.
VAGUE_WORDS: dict[str, tuple[int, int]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2_000_000, 9_999_999),
}
# "tens of thousands", "hundreds of thousands"
VAGUE_OF_SCALE: dict[tuple[str, str], tuple[int, int]] = {
    ("tens", "thousands"): (20_000, 99_999),
    ("hundreds", "thousands"): (200_000, 999_999),
    ("tens", "millions"): (20_000_000, 99_999_999),
}

# Qualifier words glued before a number; longest first when matched.
QUALIFIERS_BEFORE: tuple[tuple[tuple[str, ...], Qualifier], ...] = tuple(
    sorted(
        [
            (("more", "than"), Qualifier.MORE_THAN),
            (("well", "over"), Qualifier.MORE_THAN),
            (("just", "over"), Qualifier.MORE_THAN),
            (("over",), Qualifier.MORE_THAN),
            (("upwards", "of"), Qualifier.MORE_THAN),
            (("in", "excess", "of"), Qualifier.MORE_THAN),
            (("exceeding",), Qualifier.MORE_THAN),
            (("surpassing",), Qualifier.MORE_THAN),
            (("well", "above"), Qualifier.MORE_THAN),
            (("above",), Qualifier.MORE_THAN),
            (("far", "more", "than"), Qualifier.MORE_THAN),
            (("slightly", "more", "than"), Qualifier.MORE_THAN),
            (("at", "least"), Qualifier.AT_LEAST),
            (("at", "the", "least"), Qualifier.AT_LEAST),
            (("a", "minimum", "of"), Qualifier.AT_LEAST),
            (("no", "fewer", "than"), Qualifier.AT_LEAST),
            (("no", "less", "than"), Qualifier.AT_LEAST),
            (("not", "less", "than"), Qualifier.AT_LEAST),
            (("not", "fewer", "than"), Qualifier.AT_LEAST),
            (("at", "most"), Qualifier.AT_MOST),
            (("at", "the", "most"), Qualifier.AT_MOST),
            (("no", "more", "than"), Qualifier.AT_MOST),
            (("not", "more", "than"), Qualifier.AT_MOST),
            (("a", "maximum", "of"), Qualifier.AT_MOST),
            (("fewer", "than"), Qualifier.AT_MOST),
            (("less", "than"), Qualifier.AT_MOST),
            (("up", "to"), Qualifier.UP_TO),
            (("as", "many", "as"), Qualifier.UP_TO),
            (("some",), Qualifier.APPROX),
            (("about",), Qualifier.APPROX),
            (("around",), Qualifier.APPROX),
            (("roughly",), Qualifier.APPROX),
            (("nearly",), Qualifier.APPROX),
            (("almost",), Qualifier.APPROX),
            (("approximately",), Qualifier.APPROX),
            (("approx",), Qualifier.APPROX),
            (("circa",), Qualifier.APPROX),
            (("an", "estimated"), Qualifier.APPROX),
            (("some", "estimated"), Qualifier.APPROX),
            (("close", "to"), Qualifier.APPROX),
            (("closer", "to"), Qualifier.APPROX),
            (("just", "under"), Qualifier.APPROX),
            (("just", "over"), Qualifier.MORE_THAN),
        ],
        key=lambda item: -len(item[0]),
    )
)

# --- tokens that make a number something other than a count of people ----------

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday
    """
)
# A unit or measure right after a number: not people.
UNIT_AFTER = word_set(
    """
    km kms kilometer kilometers kilometre kilometres mile miles meter meters metre
    metres m cm mm ft feet foot yard yards inch inches kg kilogram kilograms kilo kilos
    tons tonnes ton tonne pounds lb lbs ounces percent per cent pct times fold hours
    hour hrs hr minutes minute mins min seconds second secs sec days day weeks week
    months month years year decades decade centuries century nights night am pm a.m.
    p.m. a.m p.m gmt utc o'clock dollars dollar euros euro usd rubles roubles yuan acres acre
    hectares hectare square sq degrees degree knots mph kph calibre caliber bn mn
    billion-dollar sorties liters litres gallons barrels megawatts mw kw points votes
    seats storeys stories floors rupees rupee reais pesos peso lira naira shillings
    francs yen dinars riyals dirhams rand taka rupiah baht ringgit hryvnias lakh lakhs
    crore crores
    """
)
# A word right before a number that makes it a name, an identifier or money.
IDENTIFIER_BEFORE = word_set(
    """
    flight route highway resolution unit room gate terminal platform building block
    sector camp article section chapter page pp no number vol volume level category
    grade phase stage model type mk mark series channel bus train line district zone
    ward precinct brigade battalion division regiment squadron corps company platoon sqn
    bde div rev version episode season act item clause paragraph apt apartment suite
    tower pier berth runway interstate road street aged age ages year years
    """
)
# Nouns of time: "the same day", "late on Friday night".
TIME_NOUNS = word_set(
    """
    day days week weeks month months year years morning afternoon evening night weekend
    hours time noon midnight midday nightfall dawn dusk daybreak
    """
)
MONEY_BEFORE = word_set(
    """
    $ € £ ¥ ₽ ₹ us$ usd eur # № rs inr r$
    """
)
# "a force of 500", "a 500-strong column"
FORCE_BEFORE = word_set(
    """
    force forces contingent army column convoy battalion brigade unit garrison
    detachment regiment fleet
    """
)
RATE_AFTER = word_set(
    """
    a per each every
    """
)
RATE_NOUNS = word_set(
    """
    day week month year hour night decade
    """
)

# Heads that make a counted noun phrase a count of things, not of people.
THING_NOUNS = word_set(
    """
    shell shells round rounds missile missiles rocket rockets bomb bombs tank tanks
    vehicle vehicles truck trucks car cars aircraft plane planes jet jets helicopter
    helicopters drone drones house houses home homes building buildings village villages
    town towns city cities sortie sorties strike strikes airstrike airstrikes raid raids
    attack attacks gun guns mortar mortars artillery weapon weapons boat boats ship
    ships vessel vessels position positions base bases piece pieces battery batteries
    launcher launchers gunship gunships bridge bridges km miles hospital hospitals
    school schools names dates photographs photos videos posts reports report articles
    article times minutes hours days weeks months years dollars euros rubles percent
    points cases incidents clashes explosions blasts shots rounds barrels tonnes tons
    hectares acres checkpoints outposts kilometres kilometers meters metres projectiles
    shelters schools mosques churches survivors survivor evacuees evacuee refugees
    cattle livestock sheep cows goats camels horses animals birds fish dogs poultry
    refugee displaced homeless
    """
)

# Nouns of information: "no figure has been published" gives no count.
NO_DATA_NOUNS = word_set(
    """
    figure figures number numbers data toll count counts estimate estimates information
    breakdown details tally word confirmation update updates record records statistics
    report reports evidence indication
    """
)

# --- the casualty predicate ------------------------------------------------------

# Participles, intransitive verbs and adjectives whose subject is the victim.
VICTIM_PREDICATES: dict[str, Outcome] = {
    "killed": K,
    "died": K,
    "die": K,
    "dies": K,
    "dead": K,
    "perished": K,
    "drowned": K,
    "executed": K,
    "slain": K,
    "murdered": K,
    "massacred": K,
    "slaughtered": K,
    "eliminated": K,
    "beheaded": K,
    "lynched": K,
    "buried": K,
    "wounded": W,
    "injured": W,
    "hurt": W,
    "maimed": W,
    "missing": M,
    "trapped": M,
    "captured": CAP,
    "abducted": CAP,
    "kidnapped": CAP,
}
# Participles that also have an active, transitive use ("gunmen killed 5").
TRANSITIVE_PARTICIPLES = word_set(
    """
    killed executed murdered massacred slaughtered eliminated beheaded wounded injured
    hurt captured abducted kidnapped maimed lynched
    """
)
# Nouns and adjectives used as nouns right after a number: "10 deaths", "200 wounded".
NOMINAL_PREDICATES: dict[str, Outcome] = {
    "deaths": K,
    "death": K,
    "dead": K,
    "killed": K,
    "fatalities": K,
    "fatality": K,
    "bodies": K,
    "body": K,
    "corpses": K,
    "casualties": C,
    "casualty": C,
    "injured": W,
    "wounded": W,
    "injuries": W,
    "injury": W,
    "hurt": W,
    "missing": M,
    "captured": CAP,
    "kidnapped": CAP,
    "abducted": CAP,
}
# Adjectives before the victims' noun: "dozens of wounded men".
ATTRIBUTIVE_PREDICATES: dict[str, Outcome] = {"wounded": W, "injured": W, "dead": K}
# Verb forms whose object is the victim: "killing 10 people".
TRANSITIVE_VERBS: dict[str, Outcome] = {
    "killed": K,
    "killing": K,
    "kill": K,
    "kills": K,
    "executed": K,
    "executing": K,
    "murdered": K,
    "murdering": K,
    "massacred": K,
    "massacring": K,
    "slaughtered": K,
    "slaughtering": K,
    "eliminated": K,
    "eliminating": K,
    "beheaded": K,
    "wounded": W,
    "wounding": W,
    "injured": W,
    "injuring": W,
    "injures": W,
    "maimed": W,
    "captured": CAP,
    "capturing": CAP,
    "abducted": CAP,
    "abducting": CAP,
    "kidnapped": CAP,
    "kidnapping": CAP,
    # the present of headlines: "Gunmen abduct 30 villagers", "Blast wounds 12"
    "abduct": CAP,
    "abducts": CAP,
    "kidnap": CAP,
    "kidnaps": CAP,
    "capture": CAP,
    "captures": CAP,
    "wound": W,
    "wounds": W,
    "injure": W,
    "execute": K,
    "executes": K,
}
# Verbs for bodies being found: "another dozen were recovered" counts more bodies.
RECOVERY_VERBS = word_set(
    """
    recovered retrieved found located pulled brought exhumed dug
    """
)
# "the deaths of 30", "claimed the lives of 12"
OF_NOUNS: dict[str, Outcome] = {
    "deaths": K,
    "death": K,
    "lives": K,
    "killing": K,
    "killings": K,
    "bodies": K,
    "remains": K,
    "murder": K,
    "murders": K,
    "execution": K,
    "executions": K,
}
# Two- and three-word predicates: outcome and how many tokens they take.
MULTIWORD_PREDICATES: dict[tuple[str, ...], Outcome] = {
    ("lost", "their", "lives"): K,
    ("lost", "his", "life"): K,
    ("lost", "her", "life"): K,
    ("lost", "lives"): K,
    ("shot", "dead"): K,
    ("gunned", "down"): K,
    ("burned", "to", "death"): K,
    ("burnt", "to", "death"): K,
    ("crushed", "to", "death"): K,
    ("stabbed", "to", "death"): K,
    ("beaten", "to", "death"): K,
    ("shot", "and", "killed"): K,
    ("shot", "and", "wounded"): W,
    ("found", "dead"): K,
    ("confirmed", "dead"): K,
    ("declared", "dead"): K,
    ("presumed", "dead"): K,
    ("feared", "dead"): K,
    ("succumbed", "to"): K,
    ("taken", "prisoner"): CAP,
    ("taken", "captive"): CAP,
    ("taken", "hostage"): CAP,
    ("taken", "alive"): CAP,
    ("taken", "prisoners"): CAP,
    ("unaccounted", "for"): M,
    ("yet", "to", "be", "found"): M,
    ("yet", "to", "be", "located"): M,
    ("yet", "to", "be", "accounted", "for"): M,
    ("missing", "and", "presumed", "dead"): M,
    ("suffered", "injuries"): W,
    ("suffered", "burns"): W,
    ("suffered", "wounds"): W,
    ("suffered", "serious", "injuries"): W,
    ("suffered", "minor", "injuries"): W,
    ("sustained", "injuries"): W,
    ("sustained", "burns"): W,
    ("sustained", "wounds"): W,
    ("sustained", "serious", "injuries"): W,
    ("sustained", "minor", "injuries"): W,
    ("taken", "to", "hospital"): W,
    ("rushed", "to", "hospital"): W,
    ("brought", "to", "hospital"): W,
    ("airlifted", "to", "hospital"): W,
    ("admitted", "to", "hospital"): W,
}
# Nouns that carry a toll: "death toll at about 100", "fatalities ... stood at 334".
TOLL_NOUNS: dict[str, Outcome] = {
    "toll": K,
    "deaths": K,
    "fatalities": K,
    "dead": K,
    "casualties": C,
    "injuries": W,
    "injured": W,
    "wounded": W,
    "missing": M,
}
# Words in front of "toll" that change its outcome: "casualty toll", "injury toll".
TOLL_MODIFIERS: dict[str, Outcome] = {
    "death": K,
    "casualty": C,
    "injury": W,
}
# Adjectives before a toll that say which count it is, not whose: "the real toll".
TOLL_ADJECTIVES = word_set(
    """
    preliminary official overall final total reported latest new real true actual
    known estimated revised updated current provisional initial first previous earlier
    later higher lower full partial likely possible running
    """
)
# Adjectives that say how or how surely people died, not who they were:
# "486 sudden and unexpected deaths", "740 excess deaths".
DEATH_MANNER_ADJECTIVES = word_set(
    """
    sudden unexpected excess additional extra violent preventable premature unexplained
    suspicious unnatural natural direct indirect heat-related weather-related
    drug-related confirmed suspected probable possible presumed recorded registered
    documented verified unverified avoidable
    """
)
# Nouns that name an incident rather than its victims: "the blast toll".
EVENT_NOUNS = word_set(
    """
    blast blasts explosion explosions quake earthquake earthquakes flood floods flooding
    tremor tremors aftershock aftershocks
    storm hurricane cyclone typhoon tornado tsunami landslide mudslide avalanche
    eruption fire fires blaze wildfire wildfires attack attacks strike strikes airstrike
    airstrikes bombing bombings shooting shootings crash crashes collision derailment
    sinking shipwreck stampede collapse war battle siege conflict clash clashes fighting
    raid raids massacre disaster accident outbreak epidemic pandemic heatwave famine
    drought incident shelling offensive invasion riot riots
    """
)
# "the number of dead", "the number of people killed"
COUNT_NOUNS = word_set(
    """
    number figure figures count tally total toll list estimate estimates
    """
)
# Words that link a toll to its number: "stood at", "rose to", "reached", "at".
TOLL_LINKS = word_set(
    """
    at to of reached reaching hit topped passed exceeded surpassed is was be been are
    exceed exceeds exceeding surpass surpasses surpassing top tops pass passes included
    include includes crossed crosses cross crossing past beyond run runs ran range ranges
    ranged ranging vary varies varied
    were stood stands stand rose risen rising climbed climbing increased jumped numbered
    numbers totaled totalled totals : = nears neared approached into
    """
)

# --- clause structure --------------------------------------------------------------

AUXILIARIES = word_set(
    """
    is are was were be been being am has have had 's
    """
)
MODALS_HEDGED = word_set(
    """
    may might could must
    """
)
MODALS_OTHER = word_set(
    """
    would will shall should can cannot wo
    """
)
# Adverbs and particles allowed between the subject and its predicate.
PREDICATE_ADVERBS = word_set(
    """
    reportedly allegedly also all both each later subsequently eventually already now
    apparently possibly probably likely presumably reported confirmed believed thought
    feared officially since then ultimately initially originally thereby either yet
    still instantly immediately tragically sadly fatally seriously critically badly
    severely slightly lightly mortally killed_and not never n't
    """
)
NEGATIONS = word_set(
    """
    not never n't
    """
)
HEDGE_ADVERBS = word_set(
    """
    reportedly allegedly possibly probably likely presumably apparently feared believed
    thought
    """
)
RELATIVE_PRONOUNS = word_set(
    """
    who that which whom
    """
)
SUBORDINATORS = word_set(
    """
    when where while whereas because although though if unless after before since until
    as than whether once so but yet nor whose why how what whenever wherever
    """
)
PREPOSITIONS = word_set(
    """
    in on at near during from by for with without into onto across along inside outside
    around between among amid amidst after before since under over through throughout
    toward towards against aboard off per via within beyond behind beside besides
    despite following like upon about underneath alongside
    """
)
DETERMINERS = word_set(
    """
    the a an this that these those its his her their our my your some any each every
    another such no
    """
)
OBJECT_STARTERS = DETERMINERS | word_set(
    """
    him them us me it everyone everybody anyone anybody someone somebody nobody dozens
    scores hundreds thousands several many more most all both
    """
)
# Adjectives of amount that open a victim noun phrase but are not its name.
NP_OPENERS = word_set(
    """
    more other additional remaining further another extra fellow total of the
    these those a an some
    """
)
# Past participles not in -ed: "were flown to the capital", "were taken in".
IRREGULAR_PARTICIPLES = word_set(
    """
    flown taken given driven thrown shown seen known held brought sent found kept left
    put set cut hit shot hurt built sold told caught bought taught fought sought bound
    ground beaten broken chosen frozen spoken stolen woken written ridden hidden bitten
    borne born worn torn sworn drawn grown thrown blown withdrawn overtaken laid paid
    """
)
# Verbs that link the victims to a state like "be" does: "dozens remain missing".
COPULAS = word_set(
    """
    remain remains remained stay stays stayed become became becomes
    """
)
# Irregular past forms and common finite verbs that end a subject noun phrase.
FINITE_VERBS = word_set(
    """
    took fought made came went saw began ran won gave got held left fled stood brought
    sent found led met kept struck became remained stayed seemed appeared included
    includes include took tried attempted launched opened entered crossed moved returned
    arrived advanced retreated withdrew surrendered escaped survived managed continued
    refused began begin begins lived live lives work worked works fight fights fighting
    need needed needs want wanted wants do does did done say says said tell tells told
    think thinks knew know knows get gets go goes come comes make makes take takes see
    sees hold holds carry carried carries consist consisted consists comprise comprised
    comprises belong belonged lost
    """
)
# Openers of a comma or dash aside inside a victim noun phrase.
APPOSITIVE_GROUP_OPENERS = word_set(
    """
    mostly mainly largely primarily predominantly chiefly overwhelmingly many most all
    some almost nearly half both mainly majority
    """
)
# "including 45 who died": the number is part of a total stated before.
SUBCOUNT_CUES: tuple[tuple[str, ...], ...] = (
    ("including",),
    ("included",),
    ("include",),
    ("incl",),
    ("among", "them"),
    ("among", "whom"),
    ("of", "whom"),
    ("of", "them"),
    ("of", "which"),
    ("among", "those"),
    ("among", "the", "dead"),
    ("among", "the", "victims"),
)
PEOPLE_NOUNS = word_set(
    """
    people persons person civilians civilian soldiers soldier troops fighters fighter
    militants militant men women children kids boys girls adults residents villagers
    workers miners passengers pilots crew members personnel servicemen servicemembers
    officers officials policemen police officers contractors mercenaries volunteers
    rebels insurgents combatants gunmen attackers protesters demonstrators students
    pupils patients tourists migrants refugees prisoners captives hostages detainees
    citizens nationals infants babies marines sailors airmen guards firefighters
    journalists doctors nurses friends relatives colleagues comrades neighbours
    neighbors family
    """
)

# --- reporting ------------------------------------------------------------------------

# Verb forms that introduce a claim; the subject is the claimant.
REPORTING_VERBS = word_set(
    """
    said says say saying stated states state stating claimed claims claim claiming
    assert asserts asserting
    reported reports reporting told tells telling estimated estimates estimating
    confirmed confirms confirming conceded concedes conceding believed believes
    announced announces announcing added adds wrote writes writing alleged alleges
    alleging acknowledged acknowledges acknowledging admitted admits admitting insisted
    insists noted notes noting tweeted tweets published publishes publicised publicized
    publicises publicizes publicising publicizing publicise publicize publish making
    documented documents recorded records counted counts named naming identified
    identifies declared declares asserted asserts maintained maintains indicated
    indicates revealed reveals disclosed discloses concluded concludes calculated
    calculates tallied assessed assesses speculated suggested suggests warned explained
    announced put puts putting denied denies disputed disputes rejected rejects
    dismissed dismisses commented comments opined voiced quoted cited citing quoting
    confirm estimate posted listed repeated repeats mentioned mentions gave gives give
    giving raised raises raising revised revises lowered lowers updated released
    releases issued issues insist insisting spoke spoken speaks attributed attributes
    attributing
    """
)
# Reporting verbs only when a toll or a count follows: "put the toll at 40", "gave
# 40 dead", "raised the figure to 62" (not "put out a fire", "raised funds").
TOLL_REPORTING_VERBS = word_set(
    """
    put puts putting gave gives give giving raised raises raising revised revises
    lowered lowers updated released releases issued issues attributed attributes
    attributing
    """
)
# Verbs whose object is counted as a floor: "confirmed 10 deaths", "named four".
AT_LEAST_VERBS = word_set(
    """
    confirm confirmed confirms confirming named naming names identified identifying
    identifies documented documenting documents verified verifying verifies
    """
)
DISPUTE_WORDS = word_set(
    """
    exaggeration exaggerated exaggerating overstated inflated false untrue baseless
    unfounded dismissed dismisses rejected rejects disputed disputes contrary questioned
    doubted
    """
)
DENY_WORDS = word_set(
    """
    denied denies deny denying
    """
)
HEDGE_WORDS = word_set(
    """
    might may could reportedly allegedly unconfirmed claimed claims claim claiming
    alleged alleges rumors rumours rumored rumoured unverified possibly presumably
    feared believed purportedly supposedly
    """
)
# Listeners who are not relays: "told reporters".
GENERIC_LISTENERS = word_set(
    """
    reporters journalists press media him her them us me you parliament lawmakers a an
    the his their its conference briefing audience crowd supporters
    """
)
# Nouns that name an account under which a heading puts its figures.
ACCOUNT_NOUNS = word_set(
    """
    version versions account accounts claims claim report reports estimate estimates
    figures narrative position statement statements view tally count
    """
)
# "Der X's report" -> "Der X": what a possessive claimant reported.
REPORT_NOUNS = word_set(
    """
    report reports statement statements account figures figure estimate estimates data
    tally count version investigation analysis assessment information sources numbers
    calculations records count website channel findings
    """
)
# Headings over figures about other incidents: "Further incidents", "Later attacks",
# and a digest's other items: "Also in the news", "Other stories", "More headlines".
OTHER_SECTION_WORDS = word_set(
    """
    further other subsequent later earlier previous prior related similar additional
    past also more elsewhere
    """
)
OTHER_SECTION_NOUNS = word_set(
    """
    incidents incident attacks attack strikes strike clashes events engagements
    developments fighting raids battles bombings shootings disasters earthquakes floods
    news stories headlines briefs items elsewhere violence riots massacres tragedies
    accidents crashes
    """
)
# Title words of a digest of several stories, where only the lead story is the event.
DIGEST_WORDS = word_set(
    """
    briefing briefings digest roundup round-up bulletin newsletter
    """
)
# Superlatives that make "since 2015" a comparison, not a period of the count.
SUPERLATIVE_BEFORE_SINCE = word_set(
    """
    deadliest worst largest biggest first bloodiest heaviest highest most greatest
    strongest major last only single
    """
)
# Words in the sentence that start a hypothetical: "If so many had been killed".
HYPOTHETICAL_OPENERS: tuple[tuple[str, ...], ...] = (
    ("if",),
    ("even", "if"),
    ("suppose",),
    ("supposing",),
    ("assuming",),
    ("imagine",),
    ("to", "believe"),
    ("to", "accept"),
    ("unless",),
)
# Verbs of implication: "did not mean that 30 people had died" asserts no figure.
IMPLICATION_VERBS = word_set(
    """
    mean means meant imply implies implied indicate indicates indicated prove proves
    proved show shows showed signify signifies signified
    """
)
HYPOTHETICAL_PHRASES: tuple[tuple[str, ...], ...] = (
    ("would", "mean"),
    ("would", "imply"),
    ("would", "have", "meant"),
    ("would", "suggest"),
    ("could", "mean"),
)
# Titles and ranks before a personal name: "Mr Smith", "Commander Jane Smith".
PERSONAL_TITLES = word_set(
    """
    mr mrs ms miss dr sir dame lord lady prof professor president vice-president
    minister premier chancellor governor mayor senator ambassador secretary chief
    commander general gen lieutenant lt colonel col captain capt major maj sergeant
    sgt admiral inspector superintendent detective officer judge justice king queen
    prince princess sheikh imam bishop father rev
    """
)
PRONOUNS = word_set(
    """
    he she it they we i
    """
)
