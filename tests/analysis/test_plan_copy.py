"""plan.copy_plan is `model_copy(deep=True)`: the same plan, nothing shared with the original, and
a part shared inside the plan still shared in the copy."""
from __future__ import annotations

from datavis.analysis.plan import Dimension, Filter, Measure, Order, Plan, copy_plan


def _plan() -> Plan:
    paid = Filter(column="Status", op="in", values=["Paid", 2, 3.5, True])
    return Plan(measures=[Measure(column="Revenue", agg="sum"),
                          Measure(column="Status", agg="count", kind="rate", condition=paid)],
                dimension=Dimension(column="Order Date", grain="month"), filters=[paid],
                order=Order(desc=False), limit=5, assumptions=["a"], evidence=["e"], period="in 2024")


def test_copy_is_the_deep_copy_of_pydantic():
    plan = _plan()
    mine, theirs = copy_plan(plan), plan.model_copy(deep=True)
    assert mine == theirs == plan
    assert mine.model_fields_set == theirs.model_fields_set
    assert mine.measures[1].model_fields_set == theirs.measures[1].model_fields_set
    assert mine.model_dump_json() == theirs.model_dump_json()


def test_copy_shares_nothing_with_the_original_and_keeps_its_own_sharing():
    plan = _plan()
    copied = copy_plan(plan)
    copied.filters[0].values.append("Late")
    copied.assumptions.append("b")
    copied.dimension.grain = "year"  # type: ignore[union-attr]
    assert plan == _plan()
    assert copied.measures[1].condition is copied.filters[0]  # one filter in two places, as in the original
