"""A deterministic synthetic event file of any size, valid under the real schema.

`generate(n)` gives the data; `write(n, path)` writes it as YAML text built directly (JSON strings
are valid YAML double-quoted scalars): ~3.5x faster than `yaml.dump` with CSafeDumper.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
from pathlib import Path

from . import vocabulary as words

YEARS = (1950, 2025)  # the default span; any years 1–9999 work (outside pandas' ns range too)
PRECISIONS = {"day": 0.5, "month": 0.3, "year": 0.2}
SPAN_SHARE = 0.2
_PLAIN = re.compile(r"^[^\W\d_][\w’'-]*(?: [\w’'-]+)*$")  # words YAML reads back as the same text
_ZIPF: dict[int, list[float]] = {}
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null"}


def _allot(n: int, shares: dict, rng: random.Random) -> list:
    """Exactly round(n * share) of each value, shuffled (so the mix is exact at any n)."""
    values = [value for value, share in shares.items() for _ in range(round(n * share))]
    values = (values + [next(iter(shares))] * n)[:n]
    rng.shuffle(values)
    return values


def _iso(ordinal: int, precision: str) -> str:
    day = dt.date.fromordinal(ordinal).isoformat()
    return {"day": day, "month": day[:7], "year": day[:4]}[precision]


def _pick(rng: random.Random, pool: tuple, low: int, high: int) -> list:
    """Distinct items, Zipf-distributed: the first of the pool far more often than the last."""
    count = rng.randint(low, high)
    weights = _ZIPF.setdefault(
        len(pool), list(itertools.accumulate(1 / rank for rank in range(1, len(pool) + 1)))
    )
    chosen: list = []
    while len(chosen) < count:
        item = rng.choices(pool, cum_weights=weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def _text(rng: random.Random, year: int) -> str:
    fill = {
        "place": rng.choice(words.PLACES),
        "object": rng.choice(words.OBJECTS),
        "tag": rng.choice(words.TAGS),
        "outlet": rng.choice(words.OUTLETS),
        "actor": rng.choice(words.ACTORS),
        "year": year,
    }
    text = " ".join(sentence.format(**fill) for sentence in rng.sample(words.SENTENCES, rng.randint(1, 2)))
    if rng.random() < 0.15:
        text += rng.choice(words.MARKDOWN).format(**fill)
    return text


def _source(rng: random.Random, event_id: str, day: int, index: int, last: int) -> dict:
    source: dict = {"outlet": rng.choice(words.OUTLETS)}
    if rng.random() < 0.4:
        source["title"] = (
            f"{rng.choice(words.ACTORS)} to {rng.choice(words.VERBS)} {rng.choice(words.OBJECTS)}"
        )
    if rng.random() < 0.7:
        source["date"] = _iso(min(day + rng.randint(0, 30), last), rng.choice(["day", "month"]))
    if rng.random() < 0.5:
        scheme = "http" if rng.random() < 0.1 else "https"
        source["url"] = f"{scheme}://news.example.org/{event_id}/{index}"
    if rng.random() < 0.3:
        source["quote"] = rng.choice(words.QUOTES)
    return source


def _event(rng: random.Random, event_id: str, day: int, precision: str, span: bool, last: int) -> dict:
    year = dt.date.fromordinal(day).year
    actors = _pick(rng, words.ACTORS, 1, 3)
    verb, thing = rng.choice(words.VERBS), rng.choice(words.OBJECTS)
    subject = " and ".join(actors[:2])
    if len(actors) == 1:
        first, _, rest = verb.partition(" ")
        verb = " ".join([first + ("es" if first.endswith(("ch", "sh")) else "s"), rest]).strip()
    event: dict = {"id": event_id, "date": _iso(day, precision)}
    if span:
        end = min(day + rng.randint(30, 8 * 365), last)
        event["end"] = _iso(end, rng.choice(list(PRECISIONS)))
    event["title"] = f"{subject} {verb} {thing}"[:120].strip()
    event["summary"] = _text(rng, year)
    domains = rng.sample([d["id"] for d in words.DOMAINS], 2, counts=words.DOMAIN_WEIGHTS)
    event["domains"] = domains[: 1 + (rng.random() < 0.3 and domains[0] != domains[1])]
    event["actors"] = actors
    if rng.random() < 0.4:
        event["people"] = _pick(rng, words.PEOPLE, 1, 2)
    if rng.random() < 0.6:
        event["tags"] = _pick(rng, words.TAGS, 1, 3)
    event["importance"] = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
    event["sources"] = [_source(rng, event_id, day, index, last) for index in range(rng.randint(1, 3))]
    return event


def generate(n: int, seed: int = 1, years: tuple[int, int] = YEARS) -> dict:
    """N events over `years` (first and last, inclusive) in date order: mixed precision, 20% spans,
    4 domains, sources."""
    rng = random.Random(seed)
    first, last = dt.date(years[0], 1, 1).toordinal(), dt.date(years[1], 12, 31).toordinal()
    days = sorted(rng.randint(first, last) for _ in range(n))
    precisions = _allot(n, PRECISIONS, rng)
    spans = _allot(n, {True: SPAN_SHARE, False: 1 - SPAN_SHARE}, rng)
    ids = [f"event-{index + 1:06d}-{dt.date.fromordinal(day).year}" for index, day in enumerate(days)]
    events = [_event(rng, ids[i], days[i], precisions[i], spans[i], last) for i in range(n)]
    for index, event in enumerate(events):
        if n > 1 and rng.random() < 0.1:
            nearby = range(max(0, index - 50), min(n, index + 51))
            others = [ids[other] for other in rng.sample(nearby, min(3, len(nearby))) if other != index]
            event["related"] = others[: rng.randint(1, 2)]
    return {
        "title": f"Synthetic chronology of {n:,} events",
        "description": f"Generated by benchmarks/generate.py (seed {seed}); invented events, not history.",
        "source_document": {"title": "Synthetic benchmark data", "outlet": "benchmarks", "date": "2025"},
        "domains": [dict(domain) for domain in words.DOMAINS],
        "events": events,
    }


def _flow(value: object) -> str:
    """A value as YAML flow text: strings double-quoted, lists and mappings inline."""
    if isinstance(value, str):
        plain = _PLAIN.match(value) and value.lower() not in _YAML_WORDS
        return value if plain else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    return str(value)


def to_yaml(data: dict) -> str:
    """The data as an event file in the style people write by hand (block events, flow details)."""
    lines = [f"{key}: {_flow(data[key])}" for key in ("title", "description")]
    lines += ["source_document:", *(f"  {k}: {_flow(v)}" for k, v in data["source_document"].items())]
    lines += ["domains:", *(f"  - {_flow(domain)}" for domain in data["domains"]), "events:"]
    for event in data["events"]:
        lines.append(f"  - id: {_flow(event['id'])}")
        for key, value in event.items():
            if key == "sources":
                lines += ["    sources:", *(f"      - {_flow(source)}" for source in value)]
            elif key != "id":
                lines.append(f"    {key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


def write(n: int, path: str | Path, seed: int = 1, years: tuple[int, int] = YEARS) -> Path:
    """Write an N-event file over `years` to path (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(to_yaml(generate(n, seed, years)), encoding="utf-8")
    return path
