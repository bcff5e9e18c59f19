"""The benchmark generator: deterministic, valid under the real loader, and shaped like real data."""

from collections import Counter

import pytest
import yaml

from benchmarks.generate import generate, to_yaml, write
from dashboard.core.loader import load_dataset

N = 200


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = write(N, tmp_path_factory.mktemp("bench") / "events.yaml")
    return path, load_dataset([path])


def test_the_same_seed_gives_the_same_text_and_another_seed_another():
    assert to_yaml(generate(N, seed=7)) == to_yaml(generate(N, seed=7))
    assert to_yaml(generate(N, seed=7)) != to_yaml(generate(N, seed=8))


def test_the_written_text_reads_back_as_the_generated_data(generated):
    path, _ = generated
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == generate(N)


def test_the_file_validates_with_every_event_in_it(generated):
    _, dataset = generated
    assert len(dataset.events) == N
    assert len({event.id for event in dataset.events}) == N


def test_dates_are_quoted_strings_in_the_file(generated):
    path, _ = generated
    events = yaml.safe_load(path.read_text(encoding="utf-8"))["events"]
    assert all(isinstance(event["date"], str) for event in events)
    assert all(isinstance(event["end"], str) for event in events if "end" in event)


def test_a_fifth_of_events_are_spans_and_precision_is_mixed(generated):
    _, dataset = generated
    assert sum(event.is_span for event in dataset.events) == N // 5
    precisions = Counter(event.date.precision for event in dataset.events)
    assert precisions == {"day": N // 2, "month": N * 3 // 10, "year": N // 5}


def test_events_span_the_period_across_several_declared_domains(generated):
    _, dataset = generated
    assert [domain.id for domain in dataset.domains] == ["diplomatic", "economic", "military", "culture"]
    assert all(domain.color for domain in dataset.domains)
    used = Counter(domain for event in dataset.events for domain in event.domains)
    assert set(used) == {domain.id for domain in dataset.domains}
    assert {len(event.domains) for event in dataset.events} == {1, 2}
    assert dataset.events[0].date.year < 1960 and dataset.events[-1].date.year > 2015


def test_events_carry_the_optional_fields_real_files_use(generated):
    _, dataset = generated
    events = dataset.events
    assert 20 <= len(dataset.actors) <= 40
    assert any(event.people for event in events) and any(event.tags for event in events)
    assert {event.importance for event in events} == {1, 2, 3}
    sources = [source for event in events for source in event.sources]
    assert {len(event.sources) for event in events} == {1, 2, 3}
    assert {source.url.split(":")[0] for source in sources if source.url} == {"http", "https"}
    assert any(source.quote for source in sources)
    related = [other for event in events for other in event.related]
    assert related and all(dataset.event(other.id) is not None for other in related)
