"""Calls run elsewhere (worker processes, a Dask cluster), their results taken in order."""

from collections.abc import Callable, Iterator
from typing import Any


def windowed_in_order(
    calls: list[tuple],
    submit: Callable[[tuple], Any],
    collect: Callable[[tuple, Any], Any],
    ahead: int,
) -> Iterator[Any]:
    """collect(args, submit(args)) for each of `calls`, yielded in the order of `calls`.

    `submit` returns a future; calls are submitted `ahead` of the one collected, so that a
    big batch is never held in memory all at once; if the consumer stops, or collecting
    raises, the futures not yet collected are cancelled.
    """
    pending: list[tuple[tuple, Any]] = []
    try:
        for args in calls:
            pending.append((args, submit(args)))
            if len(pending) > ahead:
                yield collect(*pending.pop(0))
        while pending:
            yield collect(*pending.pop(0))
    finally:
        for _, future in pending:
            future.cancel()
