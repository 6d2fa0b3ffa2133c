"""The OpenAPI document fuzzed in-process: every generated request gets an answer its schema allows."""

from __future__ import annotations

import time

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from frontwatch.serve import create_app
from frontwatch.store import Store


@pytest.mark.slow
def test_every_operation_answers_within_its_schema(examples_db: str) -> None:
    store = Store.open_readonly(examples_db)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store))
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        started = time.monotonic()

        @given(case=operation.as_strategy())
        @settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def answers(case: schemathesis.Case) -> None:
            case.call_and_validate()

        answers()
        checked.append((operation.label, round(time.monotonic() - started, 1)))
    store.close()
    assert len(checked) >= 14, checked
