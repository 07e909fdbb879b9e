"""A deterministic synthetic corpus of casualty reports, for benchmarking tollbook.

The world is invented: Delvaria's army (helped by Karvanian contract soldiers)
fights the Ostland Liberation Front, a Northern Coalition keeps the peace, and
monitors, ministries, officials and unnamed sources give their tolls. Each event
has a pool of claims (claimant, victim group, outcome, number as written); the
claimants disagree, so `disagreements` has work to do. Documents about an event
repeat claims from its pool, worded and relayed differently ("..., X told
Northwire", "according to Y, citing Z"), between filler and traps: dates, force
sizes, distances, years, citation markers and URLs with numbers in them.

Everything is derived from the seed and a document's index (`random.Random` with
a string seed, which hashes the same in every process), so document i is the same
bytes whatever the corpus size, and a smaller corpus is a prefix of a larger one.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_SEED = 1729
DOCUMENTS_PER_EVENT = 40
MANIFEST_NAME = "corpus.toml"

# --- the invented world ---------------------------------------------------------------

GROUPS: dict[str, tuple[str | None, str, tuple[str, ...]]] = {
    # key: (parent, label, phrases the taxonomy matches)
    "civilians": (None, "Civilians", ("civilians", "civilian", "residents", "villagers")),
    "government_forces": (
        None,
        "Delvarian government forces",
        (
            "government forces",
            "government troops",
            "Delvarian soldiers",
            "soldiers",
            "troops",
            "servicemen",
            "Delvarian servicemen",
        ),
    ),
    "contract_soldiers": (
        "government_forces",
        "Karvanian contract soldiers",
        (
            "contract soldiers",
            "Karvanian contractors",
            "private military contractors",
            "mercenaries",
            "Karvanians",
        ),
    ),
    "rebel_forces": (
        None,
        "Ostland Liberation Front forces",
        (
            "rebel fighters",
            "rebels",
            "separatist fighters",
            "Liberation Front fighters",
            "Ostland fighters",
            "insurgents",
        ),
    ),
    "foreign_volunteers": (
        "rebel_forces",
        "Foreign volunteers with the Front",
        ("foreign volunteers", "foreign fighters"),
    ),
    "coalition_forces": (
        None,
        "Northern Coalition forces",
        ("Coalition troops", "Coalition personnel", "peacekeepers"),
    ),
}

# What texts write for each group (the taxonomy must classify each one).
GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "civilians": ("civilians", "residents", "villagers", "civilians, most of them women"),
    "government_forces": ("Delvarian soldiers", "government troops", "soldiers", "servicemen"),
    "contract_soldiers": (
        "contract soldiers, mostly Karvanians",
        "Karvanian contractors",
        "private military contractors",
        "mercenaries",
    ),
    "rebel_forces": (
        "rebel fighters",
        "Liberation Front fighters",
        "separatist fighters",
        "rebels",
    ),
    "foreign_volunteers": ("foreign volunteers", "foreign fighters"),
    "coalition_forces": ("Coalition troops", "peacekeepers", "Coalition personnel"),
}
GROUP_WEIGHTS = {
    "civilians": 5,
    "government_forces": 5,
    "contract_soldiers": 3,
    "rebel_forces": 5,
    "foreign_volunteers": 1,
    "coalition_forces": 1,
}

SIDES = {
    "delvaria": ("Delvarian", "Delvaria", "Valdor"),
    "ostland": ("Ostland", "Liberation Front", "separatist"),
    "karvania": ("Karvanian", "Karvania"),
    "coalition": ("Coalition", "Northern Coalition"),
}


@dataclass(frozen=True)
class Institution:
    name: str
    kind: str
    side: str | None
    spellings: tuple[str, ...]  # how texts write it (all listed as aliases)


INSTITUTIONS = (
    Institution(
        "Delvarian Ministry of Defence",
        "government",
        "delvaria",
        (
            "the Delvarian Ministry of Defence",
            "Delvaria's defence ministry",
            "the Delvarian defence ministry",
            "the Ministry of Defence in Valdor",
        ),
    ),
    Institution(
        "Delvarian Ministry of Health",
        "government",
        "delvaria",
        ("the Delvarian Ministry of Health", "Delvaria's health ministry"),
    ),
    Institution(
        "Delvarian General Staff",
        "military",
        "delvaria",
        ("the Delvarian General Staff", "the General Staff in Valdor"),
    ),
    Institution(
        "Ostland Liberation Front",
        "armed_group",
        "ostland",
        ("the Ostland Liberation Front", "the Liberation Front", "the OLF"),
    ),
    Institution(
        "Ostland Defence Council",
        "armed_group",
        "ostland",
        ("the Ostland Defence Council", "the separatist Defence Council"),
    ),
    Institution(
        "Karvanian Foreign Ministry",
        "government",
        "karvania",
        ("the Karvanian Foreign Ministry", "Karvania's foreign ministry"),
    ),
    Institution(
        "Northern Coalition Command",
        "military",
        "coalition",
        ("the Northern Coalition Command", "Coalition headquarters"),
    ),
    Institution(
        "Ostland Monitor for Human Rights",
        "ngo",
        "independent",
        ("the Ostland Monitor for Human Rights", "the Ostland Monitor", "OMHR"),
    ),
    Institution("Casualty Watch", "ngo", "independent", ("Casualty Watch",)),
    Institution(
        "Delvarian Red Crescent",
        "ngo",
        "independent",
        ("the Delvarian Red Crescent", "the Red Crescent"),
    ),
    Institution(
        "International Committee for Relief",
        "ngo",
        "independent",
        ("the International Committee for Relief", "the ICR"),
    ),
    Institution(
        "Council of Nations human rights office",
        "ngo",
        "independent",
        ("the Council of Nations human rights office", "the CN rights office"),
    ),
)

AGENCIES = (
    "Northwire",
    "Meridian Press Agency",
    "Kestrel News",
    "the Valdor Herald",
    "Radio Ostland",
    "the Amber Courier",
    "Lantern TV",
)
PUBLISHERS = (
    "Northwire",
    "Meridian Press Agency",
    "Kestrel News",
    "The Valdor Herald",
    "The Amber Courier",
    "Frontline Notes",
    "Open Atlas",
    "The Steppe Review",
)

FIRST_NAMES = (
    "Arvid", "Lenna", "Piet", "Mira", "Tomas", "Ilse", "Goran", "Sanna", "Oskar", "Vera",
    "Bruno", "Katya", "Emil", "Dora", "Janek", "Hedda", "Ruslan", "Tilde", "Marek", "Noor",
)  # fmt: skip
LAST_NAMES = (
    "Tamsen", "Okafor", "Halvorsen", "Vantek", "Drossel", "Maric", "Lindqvist", "Haddad",
    "Petrovan", "Szabo", "Kellner", "Oduya", "Brandt", "Varga", "Holm", "Ezeani", "Rask",
    "Novick", "Aalto", "Castell",
)  # fmt: skip
ROLES = (
    ("Colonel", "a spokesman for the Delvarian General Staff", "delvaria"),
    ("Major", "the army's spokeswoman", "delvaria"),
    ("Deputy Minister", "of Delvaria's interior ministry", "delvaria"),
    ("Governor", "the regional governor", "delvaria"),
    ("Commander", "a Liberation Front field commander", "ostland"),
    ("", "the Front's spokesman", "ostland"),
    ("", "a researcher at the Ostland Monitor for Human Rights", "independent"),
    ("Dr.", "director of the district hospital", "independent"),
    ("General", "the Coalition's chief of staff", "coalition"),
    ("", "Karvania's ambassador to the Council of Nations", "karvania"),
)
ANONYMOUS = (
    "two Delvarian military sources",
    "a senior Ostland official",
    "a Karvanian security source",
    "a local hospital doctor",
    "three Coalition officials",
    "a Liberation Front commander",
    "residents",
    "a Delvarian official",
    "two separatist sources",
)

SYLLABLES = ("var", "nek", "tar", "now", "kel", "mo", "ost", "ra", "bel", "zin", "dor", "ga",
             "lis", "vo", "mar", "ket", "sul", "an", "bre", "tov")  # fmt: skip
EVENT_KINDS = (
    "Shelling of {town}",
    "Battle of {town}",
    "{town} airstrike",
    "Ambush near {town}",
    "Siege of {town}",
    "{town} market bombing",
    "Raid on {town}",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPELLED = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen", "twenty")  # fmt: skip


# --- claims ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Claimant:
    """A claimant as texts name it: first mention, later mentions."""

    first: str  # "Colonel Arvid Tamsen, a spokesman for the Delvarian General Staff"
    short: str  # "Tamsen"
    side: str | None

    @property
    def subject(self) -> str:
        """The name before a verb: an apposition is closed by a comma."""
        return f"{self.first}," if "," in self.first else self.first


@dataclass(frozen=True)
class Claim:
    """What one claimant says about one group of one event, the number as written."""

    claimant: Claimant
    group: str  # taxonomy key
    group_words: str
    outcome: str  # "killed" or "wounded"
    number: str  # "at least 40", "between 80 and 100", "dozens", "No"
    wounded: str | None = None  # a wounded figure given in the same sentence


@dataclass(frozen=True)
class EventPlan:
    number: int
    key: str
    name: str
    town: str
    date: dt.date
    claims: tuple[Claim, ...]


def _town(rng: random.Random) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3))))
    return name.capitalize()


def _spelled_date(day: dt.date, *, year: bool = True) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def _person(rng: random.Random) -> Claimant:
    title, role, side = rng.choice(ROLES)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    name = f"{title} {first} {last}".strip()
    return Claimant(f"{name}, {role}", last, side)


def _institution(rng: random.Random) -> Claimant:
    institution = rng.choice(INSTITUTIONS)
    spelling = rng.choice(institution.spellings)
    return Claimant(spelling, spelling, institution.side)


def _anonymous(rng: random.Random) -> Claimant:
    name = rng.choice(ANONYMOUS)
    return Claimant(name, name, None)


def _claimant(rng: random.Random, people: Sequence[Claimant]) -> Claimant:
    roll = rng.random()
    if roll < 0.45:
        return _institution(rng)
    if roll < 0.75:
        return rng.choice(people)
    return _anonymous(rng)


def _count(n: int, rng: random.Random) -> str:
    if n <= 20 and rng.random() < 0.4:
        return SPELLED[n]
    if n >= 100 and n % 100 == 0 and rng.random() < 0.3:
        return f"{SPELLED[n // 100]} hundred" if n < 2100 else f"{n:,}"
    return f"{n:,}"


def _number(n: int, rng: random.Random, *, zero_ok: bool) -> str:
    """A toll of about n as a text writes it, with a qualifier."""
    if zero_ok and rng.random() < 0.06:
        return "No"
    roll = rng.random()
    if roll < 0.35:
        return _count(n, rng)
    if roll < 0.50:
        return f"at least {_count(n, rng)}"
    if roll < 0.58:
        return f"{rng.choice(('more than', 'over'))} {_count(n, rng)}"
    if roll < 0.68:
        return f"{rng.choice(('about', 'some', 'around', 'roughly'))} {_count(n, rng)}"
    if roll < 0.75:
        return f"{rng.choice(('up to', 'as many as'))} {_count(n, rng)}"
    if roll < 0.92:
        high = n + max(1, round(n * rng.uniform(0.1, 0.4)))
        form = rng.randrange(3)
        if form == 0:
            return f"between {n:,} and {high:,}"
        if form == 1:
            return f"{n:,}–{high:,}"
        return f"{n:,} to {high:,}"
    if n < 30:
        return rng.choice(("a dozen", "several"))
    return "dozens" if n < 100 else ("scores" if n < 200 else "hundreds")


def event_plan(seed: int, number: int) -> EventPlan:
    return _event_plan(seed, number)


@lru_cache(maxsize=64)
def _event_plan(seed: int, number: int) -> EventPlan:
    rng = random.Random(f"{seed}:event:{number}")
    town = _town(rng)
    name = rng.choice(EVENT_KINDS).format(town=town)
    date = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    people = [_person(rng) for _ in range(4)]
    keys = list(GROUP_WEIGHTS)
    chosen: list[str] = []
    wanted = rng.randint(2, 4)
    while len(chosen) < wanted:
        key = rng.choices(keys, weights=[GROUP_WEIGHTS[k] for k in keys])[0]
        if key not in chosen:
            chosen.append(key)
    claims: list[Claim] = []
    for group in chosen:
        toll = round(rng.lognormvariate(3.6, 1.0)) + 1
        # Different claimants, different numbers: the disagreements a real event has.
        for _ in range(rng.randint(2, 5)):
            claimant = _claimant(rng, people)
            said_number = _number(max(1, round(toll * rng.uniform(0.3, 2.5))), rng, zero_ok=True)
            wounded = None
            if said_number != "No" and rng.random() < 0.3:
                wounded = _number(round(toll * rng.uniform(1.0, 3.0)) + 1, rng, zero_ok=False)
            claims.append(
                Claim(
                    claimant, group, rng.choice(GROUP_WORDS[group]), "killed", said_number, wounded
                )
            )
        if rng.random() < 0.4:
            claimant = _claimant(rng, people)
            said_number = _number(round(toll * rng.uniform(1.0, 4.0)) + 1, rng, zero_ok=False)
            claims.append(
                Claim(claimant, group, rng.choice(GROUP_WORDS[group]), "wounded", said_number)
            )
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    return EventPlan(number, f"{slug}-{number:05d}", name, town, date, tuple(claims))


# --- sentences ------------------------------------------------------------------------


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _verb(outcome: str, rng: random.Random) -> str:
    if outcome == "wounded":
        return rng.choice(("were wounded", "were injured", "had been wounded"))
    return rng.choice(("were killed", "died", "had been killed", "lost their lives"))


def _said(rng: random.Random, date: dt.date) -> str:
    roll = rng.random()
    if roll < 0.15:
        return f"said on {WEEKDAYS[date.weekday()]}"
    if roll < 0.25:
        return f"said on {_spelled_date(date, year=False)}"
    return rng.choice(("said", "said", "said", "reported", "stated", "claimed"))


def claim_sentence(claim: Claim, rng: random.Random, event: EventPlan) -> tuple[str, int]:
    """One sentence stating a claim, and how many figures it states."""
    who, subject = claim.claimant.first, claim.claimant.subject
    number, group = claim.number, claim.group_words
    said = _said(rng, event.date + dt.timedelta(days=rng.randrange(1, 6)))
    agency = rng.choice(AGENCIES)
    if number == "No":
        forms = (
            f"No {group} were killed, {subject} {said}.",
            f"{_cap(subject)} {said} that no {group} had been killed.",
        )
        return rng.choice(forms), 1
    if claim.wounded is not None:
        forms = (
            f"{_cap(number)} {group} were killed and {claim.wounded} wounded, {subject} {said}.",
            f"{_cap(subject)} told {agency} that {number} {group} were killed and "
            f"{claim.wounded} wounded.",
        )
        return rng.choice(forms), 2
    verb = _verb(claim.outcome, rng)
    where = rng.choice(("", "", f" in {event.town}", " in the attack", " in the fighting"))
    form = rng.randrange(9)
    if form == 0:
        text = f"{_cap(subject)} {said} {number} {group} {verb}{where}."
    elif form == 1:
        text = f"{_cap(number)} {group} {verb}{where}, {subject} {said}."
    elif form == 2:
        text = f"According to {who}, {number} {group} {verb}{where}."
    elif form == 3:
        text = f"{_cap(number)} {group} {verb}{where}, {subject} told {agency}."
    elif form == 4:
        # A relay chain: the agency carries what the claimant said.
        text = f"According to {agency}, citing {who}, {number} {group} {verb}{where}."
    elif form == 5:
        other = rng.choice([a for a in AGENCIES if a != agency])
        text = f"{_cap(number)} {group} {verb}, {subject} told {agency}, {other} reported."
    elif form == 6 and claim.outcome == "killed":
        text = f"{_cap(subject)} put the death toll among {group} at {number}."
    elif form == 7:
        text = (
            f"{_cap(subject)} {said} {number} {group} {verb}, a figure that could not be verified."
        )
    else:
        text = f"{_cap(subject)} {said} that {number} {group} {verb}{where}, citing field reports."
    return text, 1


def own_sentence(rng: random.Random, event: EventPlan) -> tuple[str, int]:
    """A figure the document gives on its own authority, or one about another incident."""
    n = round(rng.lognormvariate(3.0, 1.0)) + 1
    if rng.random() < 0.3:
        year = event.date.year - rng.randint(1, 6)
        return (
            f"In a similar attack on {_town(rng)} in {year}, {n:,} people were killed.",
            1,
        )
    forms = (
        f"At least {n:,} people were killed in {event.town}.",
        f"The attack killed {_count(n, rng)} people and wounded dozens more.",
        f"{_cap(_count(n, rng))} people died in the {event.name.split()[0].lower()}.",
    )
    text = rng.choice(forms)
    return text, 2 if "wounded dozens" in text else 1


def trap_sentence(rng: random.Random, event: EventPlan) -> str:
    """A sentence full of numbers that are not casualty figures."""
    day = event.date - dt.timedelta(days=rng.randrange(1, 30))
    form = rng.randrange(10)
    if form == 0:
        return f"A force of {rng.randrange(200, 3000):,} fighters advanced on {event.town} on {_spelled_date(day)}."  # noqa: E501
    if form == 1:
        return (
            f"{event.town} lies {rng.randrange(5, 90)} kilometres "
            f"{rng.choice(('north', 'south', 'east', 'west'))} of Valdor."
        )
    if form == 2:
        brigade = rng.randrange(11, 99)
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(brigade % 10, "th") if brigade // 10 != 1 else "th"
        return f"The {brigade}{suffix} Mechanised Brigade, some {rng.randrange(2, 9)},000 strong, held the bridge until {day.year}."  # noqa: E501
    if form == 3:
        return f"The town had {rng.randrange(4, 90)},{rng.randrange(100, 999)} inhabitants at the {day.year - rng.randrange(3, 12)} census."  # noqa: E501
    if form == 4:
        return f"Some {rng.randrange(2, 40):,},000 residents fled in {MONTHS[day.month - 1]} {day.year}."  # noqa: E501
    if form == 5:
        return f"{_cap(_count(rng.randrange(2, 40), rng))} tanks and {rng.randrange(3, 60)} armoured vehicles were destroyed."  # noqa: E501
    if form == 6:
        return f"Shelling began at {rng.randrange(0, 24):02d}:{rng.randrange(0, 60):02d} on {_spelled_date(day)}.[{rng.randrange(1, 80)}]"  # noqa: E501
    if form == 7:
        return f"Resolution {rng.randrange(1000, 2999)} of the Council of Nations, adopted in {day.year - 2}, called for a ceasefire along Route {rng.randrange(1, 99)}."  # noqa: E501
    if form == 8:
        slug = event.town.lower()
        return f"Footage was posted at https://www.frontline-notes.example/{day.year}/{day.month:02d}/{rng.randrange(10000, 99999)}-{slug}-{rng.randrange(2, 300)}-dead."  # noqa: E501
    return f"Roughly {rng.randrange(2, 90)} percent of the {rng.randrange(100, 900)} buildings in the district were damaged, the {day.year} survey found."  # noqa: E501


FILLER = (
    "The region has been contested since the ceasefire collapsed, and neither side allows "
    "independent observers near the front line.",
    "Talks mediated by the Northern Coalition have stalled, with each side accusing the other "
    "of violating the terms agreed in the capital.",
    "Journalists were not allowed into the area, and the figures could not be independently "
    "verified.",
    "Satellite images published by commercial providers show damage to the grain elevator, "
    "the school and several apartment blocks.",
    "The Liberation Front, which controls most of the eastern districts, has long accused "
    "Valdor of using heavy artillery against populated areas.",
    "Officials in Valdor describe the operation as a limited response to attacks on supply "
    "convoys along the river road.",
    "Aid agencies said they had been unable to deliver food and medicine for several weeks "
    "because of the fighting.",
    "Analysts say the town matters less for its size than for the railway junction it sits on.",
    "Casualty counts in the conflict are routinely disputed, and both governments treat "
    "their own losses as a state secret.",
    "Local television showed queues outside the only working hospital, where generators ran "
    "around the clock.",
    "The foreign ministry summoned the ambassador and demanded an explanation.",
    "Residents described hearing explosions through the night and sheltering in basements.",
    "Karvania denies that its citizens fight in the conflict, though funerals of returning "
    "contractors are reported in its border towns.",
    "The Council of Nations called on all parties to protect civilians and allow access for "
    "humanitarian workers.",
)


FILLER_SUBJECTS = (
    "Aid agencies", "Local officials", "Opposition lawmakers in Valdor", "Analysts",
    "Diplomats in the capital", "Monitors on the ground", "Church leaders", "Truck drivers",
)  # fmt: skip
FILLER_VERBS = ("warned", "said", "noted", "argued", "complained", "insisted")
FILLER_CLAUSES = (
    "that the road to {town} remained closed to all but military traffic",
    "that supplies of fuel and flour in {town} were running low",
    "that the ceasefire existed only on paper",
    "that the railway junction, not the town itself, was the real prize",
    "that talks could resume once the front line around {town} settles",
    "that reporting from the area was patchy and often contradictory",
    "that the power station outside {town} had been hit again",
    "that families were leaving {town} on foot along the river road",
)


def filler_sentence(rng: random.Random, event: EventPlan) -> str:
    """A sentence without numbers, from interchangeable parts."""
    clause = rng.choice(FILLER_CLAUSES).format(town=event.town)
    return f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} {clause}."


@dataclass(frozen=True)
class SyntheticDocument:
    index: int
    event: EventPlan
    key: str
    file: str
    title: str
    publisher: str
    published: dt.date
    kind: str
    text: str
    planted: int  # figures the generator wrote in (traps excluded)

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))


def document(seed: int, index: int) -> SyntheticDocument:
    """Document number `index` of the corpus for `seed`: 2-6 KB of text."""
    rng = random.Random(f"{seed}:doc:{index}")
    event = event_plan(seed, index // DOCUMENTS_PER_EVENT)
    target = rng.randint(2000, 6000)
    kind = rng.choices(("news", "encyclopedia", "blog", "official"), weights=(6, 2, 2, 1))[0]
    publisher = rng.choice(PUBLISHERS)
    published = event.date + dt.timedelta(days=rng.randrange(0, 20))

    # Claims first, about 2-3 figures a kilobyte as in the seed texts; then padding.
    n_claims = max(2, round(target / 1000 * rng.uniform(1.6, 2.6)))
    picked = [rng.choice(event.claims) for _ in range(n_claims)]
    claims: list[tuple[str, int]] = [claim_sentence(c, rng, event) for c in picked]
    if rng.random() < 0.5:
        claims.insert(0, own_sentence(rng, event))
    planted = sum(n for _, n in claims)

    title = rng.choice(
        (
            f"{event.name}: death toll disputed",
            f"Dozens reported dead in {event.town}",
            f"{event.name}",
            f"What we know about the {event.name.lower()}",
        )
    )
    if kind == "news":
        head = f"{event.town.upper()}, {_spelled_date(published, year=False)} ({publisher}) — "
    elif kind == "encyclopedia":
        head = f"The {event.name.lower()} took place on {_spelled_date(event.date)}. "
    else:
        head = ""
    # About 125 bytes a sentence; claims spread through the text, traps and filler between.
    slots = max(len(claims), target // 125 - len(head) // 125)
    sentences: list[str | None] = [None] * slots
    for position, (sentence, _) in zip(
        sorted(rng.sample(range(slots), len(claims))), claims, strict=True
    ):
        sentences[position] = sentence
    if claims and sentences[0] is None and rng.random() < 0.7:
        sentences[0] = sentences.pop(sentences.index(claims[0][0]))
        sentences.insert(1, None)
    fillers = list(FILLER)
    rng.shuffle(fillers)
    written: list[str] = []
    for slot in sentences:
        if slot is not None:
            sentence = slot
        elif (roll := rng.random()) < 0.3:
            sentence = trap_sentence(rng, event)
        elif roll < 0.6 and fillers:
            sentence = fillers.pop()
        else:
            sentence = filler_sentence(rng, event)
        if kind == "encyclopedia" and rng.random() < 0.4:
            sentence += f"[{rng.randrange(1, 120)}]"
        written.append(sentence)
    paragraphs: list[str] = []
    while written:
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(written[:size]))
        written = written[size:]
    text = f"{title}\n\n{head}" + "\n\n".join(paragraphs)
    if kind == "blog":
        text += (
            f"\n\nRelated: https://frontline-notes.example/{published.year}/"
            f"{published.month:02d}/{index:06d}-{event.town.lower()}"
        )
    text += "\n"
    return SyntheticDocument(
        index=index,
        event=event,
        key=f"doc-{index:07d}",
        file=f"texts/{index:07d}.txt",
        title=title,
        publisher=publisher,
        published=published,
        kind=kind,
        text=text,
        planted=planted,
    )


def documents(seed: int, count: int, start: int = 0) -> Iterator[SyntheticDocument]:
    for index in range(start, start + count):
        yield document(seed, index)


def documents_for_figures(
    seed: int, figures: int, figures_per_planted: float = 1.0
) -> list[SyntheticDocument]:
    """The first documents of the corpus, enough for about `figures` extracted figures.

    `figures_per_planted` is what extraction finds per figure written in (measure it
    on a sample); with 1.0 the planted count is taken at its word.
    """
    found: list[SyntheticDocument] = []
    total = 0.0
    index = 0
    while total < figures:
        doc = document(seed, index)
        found.append(doc)
        total += doc.planted * figures_per_planted
        index += 1
    return found


# --- on disk --------------------------------------------------------------------------


def _toml(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes for what json.dumps emits).
    return json.dumps(value, ensure_ascii=False)


def _toml_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(_toml(v) for v in values) + "]"


def manifest_text(docs: Sequence[SyntheticDocument]) -> str:
    """The corpus manifest: sides, actors, groups, events and one entry per document."""
    lines = ["# Synthetic benchmark corpus written by benchmarks/corpus.py.", "", "[sides]"]
    lines += [f"{side} = {_toml_list(words)}" for side, words in SIDES.items()]
    for institution in INSTITUTIONS:
        lines += ["", "[[actors]]", f"name = {_toml(institution.name)}"]
        lines.append(f"kind = {_toml(institution.kind)}")
        if institution.side:
            lines.append(f"side = {_toml(institution.side)}")
        lines.append(f"aliases = {_toml_list(institution.spellings)}")
    for key, (parent, label, phrases) in GROUPS.items():
        lines += ["", "[[groups]]", f"key = {_toml(key)}", f"label = {_toml(label)}"]
        if parent:
            lines.append(f"parent = {_toml(parent)}")
        lines.append(f"phrases = {_toml_list(phrases)}")
    seen: dict[str, EventPlan] = {}
    for doc in docs:
        seen.setdefault(doc.event.key, doc.event)
    for event in seen.values():
        lines += ["", "[[events]]", f"key = {_toml(event.key)}", f"name = {_toml(event.name)}"]
        lines += [f"date = {event.date.isoformat()}", f"place = {_toml(event.town + ', Ostland')}"]
    for doc in docs:
        lines += ["", "[[sources]]", f"file = {_toml(doc.file)}", f"key = {_toml(doc.key)}"]
        lines += [f"title = {_toml(doc.title)}", f"publisher = {_toml(doc.publisher)}"]
        lines += [f"published = {doc.published.isoformat()}", f"kind = {_toml(doc.kind)}"]
        lines += ['language = "en"', f"event = {_toml(doc.event.key)}"]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, docs: Sequence[SyntheticDocument]) -> Path:
    """Write the documents and their manifest under `folder`; returns the folder."""
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (folder / doc.file).write_text(doc.text, encoding="utf-8")
    (folder / MANIFEST_NAME).write_text(manifest_text(docs), encoding="utf-8")
    return folder
