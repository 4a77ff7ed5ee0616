"""Generate realistic, valid customer-journey files (SPEC §2) for benchmarks.

Deterministic: ``generate(seed)`` always returns the same text for the same seed (it uses
its own seeded ``random.Random``; no other dependency). Every journey has 5–8 stages with
every lane filled with plausible English sentences, scored emotions, touchpoints written
as strings and as mappings with channels, metrics of every type (nps, csat, ces, custom)
with targets and actuals in range, peak and end, a persona, tags, ``x-`` keys and
comments, and is about 6 KB (the generator adds lane items until a per-file target of
5.6–6.4 KB is reached).

    python benchmarks/generate.py OUT_DIR --count N [--seed S]

writes ``OUT_DIR/journey-00000.journey.yaml`` … and prints the mean size.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TARGET_MIN = 5600  # bytes; each file aims at a random size in [TARGET_MIN, TARGET_MAX]
TARGET_MAX = 6400

# --- domains: a product or service, its customer, and its stages in journey order --------

@dataclass(frozen=True)
class Domain:
    slug: str
    product: str
    company: str
    customer: str
    stages: tuple[str, ...]
    channels: tuple[str, ...]
    tags: tuple[str, ...]


DOMAINS: tuple[Domain, ...] = (
    Domain("winter-coat", "a winter coat for a child", "the sports store",
           "Busy parent", ("Need recognition", "Information search", "Comparison",
                           "Store visit", "Purchase", "Delivery", "Use", "After purchase",
                           "End of use"),
           ("web", "store", "email", "home", "word-of-mouth", "app"),
           ("retail", "family", "outerwear", "e-commerce")),
    Domain("broadband", "a fibre broadband subscription", "the operator",
           "Remote worker", ("Trigger", "Research", "Comparison", "Order", "Installation",
                             "First bill", "Support", "Renewal"),
           ("web", "phone", "chat", "email", "technician", "app"),
           ("telecom", "subscription", "installation", "home")),
    Domain("bank-account", "a current account", "the bank",
           "First-time mover", ("Awareness", "Research", "Application", "Identification",
                                "Onboarding", "First payment", "Everyday use",
                                "Account closure"),
           ("web", "app", "branch", "phone", "email", "letter"),
           ("banking", "onboarding", "digital", "compliance")),
    Domain("clinic-visit", "a physiotherapy appointment", "the clinic",
           "Office worker with back pain", ("Symptoms", "Finding care", "Booking",
                                            "Arrival", "Appointment", "Treatment plan",
                                            "Follow-up", "Recovery"),
           ("web", "phone", "sms", "reception", "app", "email"),
           ("healthcare", "appointments", "service", "wellbeing")),
    Domain("car-rental", "a rental car for a holiday", "the rental company",
           "Family traveller", ("Planning", "Comparison", "Booking", "Pick-up",
                                "Driving", "Return", "Invoice", "Review"),
           ("web", "app", "desk", "phone", "email", "partner-site"),
           ("travel", "mobility", "booking", "holiday")),
)

# --- word lists --------------------------------------------------------------------------

ACTION_VERBS = ("Searches for", "Compares", "Reads about", "Asks a friend about", "Checks",
                "Looks up", "Writes down", "Calls about", "Opens an email about",
                "Scrolls through", "Bookmarks", "Signs up for", "Fills in a form about",
                "Downloads a guide on", "Watches a video on", "Reads reviews of")
ACTION_OBJECTS = ("the price list", "delivery times", "the size guide", "opening hours",
                  "the cancellation terms", "customer reviews", "the loyalty programme",
                  "available time slots", "the return policy", "the order status",
                  "a discount code", "the warranty terms", "the nearest pick-up point",
                  "payment options", "the product details", "the confirmation message")
ACTION_TAILS = ("on the phone in the evening", "during the lunch break", "with the family",
                "before making a decision", "while commuting", "at the weekend",
                "after work", "on a laptop at home", "in a hurry", "for the second time")

THOUGHT_OPENERS = ("Is it worth", "Why is it so hard to find", "I hope", "Will I get",
                   "Can I trust", "I wonder whether", "How long will it take to get",
                   "Do they really offer", "What happens if I don't like",
                   "Should I wait for")
THOUGHT_TAILS = ("a better deal somewhere else?", "the right answer quickly?",
                 "this works out the way they promise?", "it in time?",
                 "the reviews I just read?", "someone to help me?",
                 "the small print?", "the next sale?", "it without calling anyone?")

FEELINGS = (("Delighted by", 2), ("Pleased with", 1), ("Relieved about", 1),
            ("Curious about", 0), ("Unsure about", 0), ("Impatient with", -1),
            ("Annoyed by", -1), ("Frustrated by", -2), ("Confident about", 1),
            ("Worried about", -1), ("Surprised by", 1), ("Let down by", -2))
FEELING_OBJECTS = ("how fast everything went", "the unclear instructions", "the friendly staff",
                   "the long wait", "the extra fees", "the clear confirmation",
                   "the number of choices", "the helpful reminder",
                   "having to repeat the same details", "the quality for the price",
                   "the missing information", "a personal recommendation")

TOUCHPOINT_NAMES = ("Search ad", "Landing page", "Product page", "Comparison table",
                    "Newsletter", "Chat with an agent", "Booking form", "Confirmation email",
                    "Reminder SMS", "Customer service call", "Self-service portal",
                    "Review site", "Checkout page", "Order tracking page", "Invoice",
                    "Feedback survey", "Help centre article", "Mobile app home screen",
                    "Recommendation from a friend", "Social media post")
TOUCHPOINT_DESCRIPTIONS = ("Shown to returning visitors only.",
                           "Updated weekly by the content team.",
                           "Handled by the outsourced contact centre.",
                           "Sent automatically two days before.",
                           "The main entry point for new customers.",
                           "Available in English and Finnish.",
                           "Often the first human contact in the journey.")

PAINS = ("Has to enter the same details twice", "Prices are shown without delivery costs",
         "No way to see availability before visiting", "The confirmation arrives hours later",
         "Customer service is closed in the evening", "The form times out on the phone",
         "Sizes differ between brands", "Cannot change the booking online",
         "Too many similar options to choose from", "The invoice is hard to read",
         "Nobody tells what happens next", "Returning costs time and money")
OPPORTUNITY_VERBS = ("Show", "Offer", "Send", "Add", "Explain", "Simplify", "Remember",
                     "Automate", "Highlight", "Personalise")
OPPORTUNITY_OBJECTS = ("total prices including delivery", "a progress indicator",
                       "a reminder the day before", "live availability",
                       "a one-page summary", "saved details for returning customers",
                       "the next step after every action", "a chat option in the evening",
                       "a clear comparison of plans", "an easy way to rebook")
OPPORTUNITY_TAILS = ("in search results", "on the product page", "in the app",
                     "in the confirmation email", "at the counter", "on the invoice",
                     "before checkout", "for members")

BACKSTAGE = ("Stock levels synced nightly from the warehouse system",
             "Bookings checked manually by the back office",
             "CRM record created when the form is sent",
             "Partner systems updated every 15 minutes",
             "Quality team samples ten calls a week",
             "Invoices generated by the billing system at month end",
             "Reminder messages scheduled by the marketing platform")

CUSTOM_METRICS = (("Conversion rate from visit to order", "%", "higher", 0, 100),
                  ("Share of searches that find the product", "%", "higher", 0, 100),
                  ("Average handling time", "min", "lower", 1, 30),
                  ("Support contacts per 100 orders", "contacts", "lower", 0, 40),
                  ("Repeat purchase within a year", "%", "higher", 0, 100),
                  ("Time to first answer", "s", "lower", 5, 600),
                  ("Drop-off rate in the form", "%", "lower", 0, 100),
                  ("Average order value", "€", "higher", 20, 400))
SURVEY_METRICS = {"nps": ("Likelihood to recommend after", "Post-visit survey"),
                  "csat": ("Satisfaction with", "Transactional survey"),
                  "ces": ("Ease of", "In-app survey")}
METRIC_SOURCES = ("Web analytics", "CRM", "Contact centre reports", "Booking system",
                  "Quarterly customer survey", "BI dashboard")
FAMILIES = ("outcome", "experience", "operational")

PERSONA_TRAITS = ("works full time", "has two children", "lives in a small town",
                  "prefers to do everything on the phone", "values personal service",
                  "is careful with money", "travels a lot for work",
                  "recently moved to a new city", "is not very confident online")
GOALS = ("Get it done in one evening", "Pay a fair price", "Avoid surprises later",
         "Spend as little time as possible", "Get personal advice when needed",
         "Choose something that lasts")
NEEDS = ("Clear prices", "Honest information", "Fast answers", "Flexible times",
         "Help in their own language", "A single contact person")
FRUSTRATIONS = ("Hidden fees", "Long queues", "Having to call during office hours",
                "Chasing the status of an order", "Forms that do not work on the phone",
                "Being passed from one person to the next")
OWNERS = ("Retail CX team", "Digital services", "Customer insight team", "Service design",
          "Operations excellence", "Marketing and CX")
STAGE_COMMENTS = ("# Based on interviews in autumn 2026.", "# Reviewed with the service team.",
                  "# Numbers from the latest quarterly report.",
                  "# TODO: validate with more customers.", "# Workshop input, week 42.")

# --- a tiny YAML emitter (block style, safe quoting) -------------------------------------

_PLAIN = re.compile(r"[A-Za-z][^\n#:]*")
_RESERVED = re.compile(
    r"(?i)(y|yes|n|no|true|false|on|off|null|~)|[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?)")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same string, else
    double-quoted (a JSON string is a valid YAML double-quoted scalar)."""
    if _PLAIN.fullmatch(text) and not _RESERVED.fullmatch(text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass
class Emitter:
    lines: list[str] = field(default_factory=list)

    def line(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def key(self, indent: int, key: str, value: str, comment: str = "") -> None:
        self.line(indent, f"{key}: {value}{'  ' + comment if comment else ''}")

    def items(self, indent: int, key: str, values: Sequence[str]) -> None:
        if not values:
            return
        self.line(indent, f"{key}:")
        for value in values:
            self.line(indent + 2, f"- {scalar(value)}")

    def mappings(self, indent: int, key: str, rows: Sequence[dict[str, str]]) -> None:
        """A sequence of mappings; a row with only the key ``_`` is a string item."""
        if not rows:
            return
        self.line(indent, f"{key}:")
        for row in rows:
            if set(row) == {"_"}:
                self.line(indent + 2, f"- {scalar(row['_'])}")
                continue
            for position, (name, value) in enumerate(row.items()):
                prefix = "- " if position == 0 else "  "
                self.line(indent + 2, f"{prefix}{name}: {value}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


# --- the journey -------------------------------------------------------------------------

@dataclass
class StageData:
    name: str
    id: str | None
    description: str | None
    actions: list[str] = field(default_factory=list)
    thoughts: list[str] = field(default_factory=list)
    emotions: list[dict[str, str]] = field(default_factory=list)
    touchpoints: list[dict[str, str]] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    pain_points: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    metrics: list[dict[str, str]] = field(default_factory=list)
    backstage: list[str] = field(default_factory=list)
    extensions: dict[str, str] = field(default_factory=dict)
    comment: str | None = None


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class _Writer:
    """Draws one journey from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.domain = self.rng.choice(DOMAINS)

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    def date(self, year: int = 2026) -> str:
        return f"{year}-{self.rng.randint(1, 11):02d}-{self.rng.randint(1, 28):02d}"

    # lane items
    def action(self) -> str:
        text = f"{self.pick(ACTION_VERBS)} {self.pick(ACTION_OBJECTS)}"
        return f"{text} {self.pick(ACTION_TAILS)}" if self.rng.random() < 0.6 else text

    def thought(self) -> str:
        return f"{self.pick(THOUGHT_OPENERS)} {self.pick(THOUGHT_TAILS)}"

    def emotion(self) -> dict[str, str]:
        feeling, score = self.rng.choice(FEELINGS)
        row = {"text": scalar(f"{feeling} {self.pick(FEELING_OBJECTS)}")}
        if self.rng.random() < 0.9:
            row["score"] = str(max(-2, min(2, score + self.rng.choice((-1, 0, 0, 0, 1)))))
        return row

    def touchpoint(self) -> dict[str, str]:
        name = f"{self.pick(TOUCHPOINT_NAMES)} for {self.domain.product.split(' ', 1)[1]}"
        if self.rng.random() < 0.3:
            return {"_": name}
        row = {"name": scalar(name), "channel": scalar(self.pick(self.domain.channels))}
        if self.rng.random() < 0.2:
            row["description"] = scalar(self.pick(TOUCHPOINT_DESCRIPTIONS))
        return row

    def opportunity(self) -> str:
        return (f"{self.pick(OPPORTUNITY_VERBS)} {self.pick(OPPORTUNITY_OBJECTS)} "
                f"{self.pick(OPPORTUNITY_TAILS)}")

    def metric(self, kind: str, stage: str) -> dict[str, str]:
        rng = self.rng
        target: float
        actual: float
        if kind == "custom":
            name, unit, direction, low, high = rng.choice(CUSTOM_METRICS)
            target = round(rng.uniform(low + (high - low) * 0.2, high - (high - low) * 0.2))
            actual = round(min(high, max(low, target + rng.uniform(-0.2, 0.2) * (high - low))),
                           1)
            row = {"name": scalar(f"{name} ({stage.lower()})"), "type": "custom",
                   "family": rng.choice(FAMILIES), "target": number(target),
                   "actual": number(actual), "unit": scalar(unit), "direction": direction}
            if rng.random() < 0.5:
                del row["family"]
        else:
            label, source = SURVEY_METRICS[kind]
            low, high = {"nps": (-100, 100), "csat": (0, 100), "ces": (1, 7)}[kind]
            if kind == "ces":
                target = round(rng.uniform(4.5, 6.5), 1)
                actual = round(rng.uniform(3.0, 7.0), 1)
            else:
                target = rng.randint(max(low, 20), high - 10)
                actual = rng.randint(max(low, target - 40), min(high, target + 15))
            row = {"name": scalar(f"{label} {stage.lower()}"), "type": kind,
                   "family": "experience", "target": number(target),
                   "actual": number(actual), "source": scalar(source)}
            if kind != "ces":
                row["unit"] = '"%"' if kind == "csat" else "points"
        if rng.random() < 0.3 and "source" not in row:
            row["source"] = scalar(rng.choice(METRIC_SOURCES))
        if rng.random() < 0.4:
            row["measured_at"] = self.date()
        return row

    def stage(self, name: str, kinds: list[str]) -> StageData:
        rng = self.rng
        description = (f"The customer {self.pick(ACTION_VERBS).lower()} "
                       f"{self.pick(ACTION_OBJECTS)}." if rng.random() < 0.4 else None)
        data = StageData(name=name, id=slugify(name) if rng.random() < 0.6 else None,
                         description=description)
        data.channels = [self.pick(self.domain.channels)]
        data.actions = [self.action()]
        data.emotions = [self.emotion()]
        data.touchpoints = [self.touchpoint()]
        data.metrics = [self.metric(kind, name) for kind in kinds]
        if rng.random() < 0.3:
            data.extensions["x-workshop"] = scalar(f"Week {rng.randint(30, 50)}")
        if rng.random() < 0.4:
            data.comment = self.pick(STAGE_COMMENTS)
        return data

    def grow(self, stage: StageData) -> None:
        """Add one item to a lane of ``stage``: an empty lane first, else a random one."""
        lanes = {"actions": stage.actions, "thoughts": stage.thoughts,
                 "emotions": stage.emotions, "touchpoints": stage.touchpoints,
                 "channels": stage.channels, "pain_points": stage.pain_points,
                 "opportunities": stage.opportunities, "backstage": stage.backstage}
        empty = [lane for lane, items in lanes.items() if not items and lane != "backstage"]
        lane = self.rng.choice(empty or [*lanes, "actions", "thoughts", "opportunities"])
        if lane == "actions":
            stage.actions.append(self.action())
        elif lane == "thoughts":
            stage.thoughts.append(self.thought())
        elif lane == "emotions":
            stage.emotions.append(self.emotion())
        elif lane == "touchpoints":
            stage.touchpoints.append(self.touchpoint())
        elif lane == "channels":
            unused = [name for name in self.domain.channels if name not in stage.channels]
            if unused:
                stage.channels.append(self.pick(unused))
        elif lane == "pain_points":
            stage.pain_points.append(self.pick(PAINS))
        elif lane == "opportunities":
            stage.opportunities.append(self.opportunity())
        else:
            stage.backstage.append(self.pick(BACKSTAGE))

    def journey(self) -> str:
        rng, domain = self.rng, self.domain
        count = rng.randint(5, min(8, len(domain.stages)))
        names = [domain.stages[i] for i in sorted(rng.sample(range(len(domain.stages)),
                                                             count))]
        # every metric type at least once per journey, the rest at random
        kinds = ["nps", "csat", "ces", "custom"] + [
            rng.choice(("nps", "csat", "ces", "custom", "custom")) for _ in range(count - 4)]
        rng.shuffle(kinds)
        stages = [self.stage(name, [kinds[i]] + (["custom"] if rng.random() < 0.15 else []))
                  for i, name in enumerate(names)]
        target = rng.randint(TARGET_MIN, TARGET_MAX)
        header = self.header(names)
        text = self.emit(header, stages)
        # Grow lanes, stage by stage in a shuffled order, until the file reaches its target
        # size (an item is ~30–120 bytes).
        order: list[StageData] = []
        while len(text.encode()) < target:
            if not order:
                order = rng.sample(stages, len(stages))
            self.grow(order.pop())
            text = self.emit(header, stages)
        return text

    def header(self, names: list[str]) -> dict[str, Any]:
        rng, domain = self.rng, self.domain
        traits = rng.sample(list(PERSONA_TRAITS), 2)
        peak = rng.choice(names[1:-1])
        end = names[-1] if rng.random() < 0.8 else names[-2]
        return {
            "id": f"{domain.slug}-{self.seed}",
            "title": f"Getting {domain.product} from {domain.company}",
            "description": (f"How a customer finds, chooses and uses {domain.product} from "
                            f"{domain.company}, from the first need to the end of use. "
                            f"Map number {self.seed} of the benchmark set."),
            "owner": rng.choice(OWNERS),
            "tags": rng.sample(list(domain.tags), rng.randint(2, len(domain.tags))),
            "updated": self.date(),
            "persona": {
                "name": f"{rng.choice(('Anna', 'Mikko', 'Sara', 'Jussi'))}, "
                        f"{domain.customer.lower()}",
                "description": f"{rng.randint(25, 70)}, {traits[0]} and {traits[1]}.",
                "goals": rng.sample(list(GOALS), 2),
                "needs": rng.sample(list(NEEDS), 2),
                "frustrations": rng.sample(list(FRUSTRATIONS), 2),
            },
            "peak": (peak, f"The {peak.lower()} stage is where {domain.company} is met in "
                           "person and feelings run highest."),
            "end": (end, "The last impression decides whether the customer comes back."),
            "x-source": f"Synthetic benchmark journey, seed {self.seed}",
        }

    def emit(self, header: dict[str, Any], stages: list[StageData]) -> str:
        out = Emitter()
        out.line(0, f"# {header['title']}.")
        out.line(0, "# Generated for benchmarks by benchmarks/generate.py; do not edit.")
        out.key(0, "cxj", "1")
        out.key(0, "id", header["id"])
        out.key(0, "title", scalar(header["title"]))
        out.key(0, "description", scalar(header["description"]))
        out.key(0, "lang", "en")
        out.key(0, "owner", scalar(header["owner"]))
        out.line(0, f"tags: [{', '.join(header['tags'])}]")
        out.key(0, "updated", header["updated"], "# last workshop")
        persona = header["persona"]
        out.line(0, "persona:")
        out.key(2, "name", scalar(persona["name"]))
        out.key(2, "description", scalar(persona["description"]))
        for key in ("goals", "needs", "frustrations"):
            out.items(2, key, persona[key])
        out.line(0, "stages:")
        ids: list[str] = []
        for stage in stages:
            ids.append(stage.id or slugify(stage.name))
            if stage.comment:
                out.line(2, stage.comment)
            if stage.id:
                out.key(2, "- id", stage.id)
                out.key(4, "name", scalar(stage.name))
            else:
                out.key(2, "- name", scalar(stage.name))
            if stage.description:
                out.key(4, "description", scalar(stage.description))
            out.items(4, "actions", stage.actions)
            out.items(4, "thoughts", stage.thoughts)
            out.mappings(4, "emotions", stage.emotions)
            out.mappings(4, "touchpoints", stage.touchpoints)
            out.items(4, "channels", stage.channels)
            out.items(4, "pain_points", stage.pain_points)
            out.items(4, "opportunities", stage.opportunities)
            out.mappings(4, "metrics", stage.metrics)
            out.items(4, "backstage", stage.backstage)
            for key, value in stage.extensions.items():
                out.key(4, key, value)
        names = [stage.name for stage in stages]
        for key in ("peak", "end"):
            name, reason = header[key]
            out.line(0, f"{key}:")
            out.key(2, "stage", ids[names.index(name)])
            out.key(2, "reason", scalar(reason))
        out.key(0, "x-source", scalar(header["x-source"]))
        return out.text()


def generate(seed: int) -> str:
    """The text of one journey file; the same seed always gives the same text."""
    return _Writer(seed).journey()


def write(out_dir: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` journeys (seeds ``seed`` … ``seed + count - 1``) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number_ in range(count):
        path = out_dir / f"journey-{number_:05d}.journey.yaml"
        path.write_text(generate(seed + number_), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path, help="folder to write the journeys into")
    parser.add_argument("--count", type=int, default=1000, help="number of journeys (1000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first journey (0)")
    args = parser.parse_args(argv)
    paths = write(args.out_dir, args.count, args.seed)
    sizes = [path.stat().st_size for path in paths]
    mean = sum(sizes) / len(sizes) if sizes else 0.0
    print(f"wrote {len(paths)} journeys to {args.out_dir}: mean size {mean:.0f} bytes "
          f"(min {min(sizes, default=0)}, max {max(sizes, default=0)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
