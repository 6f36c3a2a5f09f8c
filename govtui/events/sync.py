"""`sync push`: the terminal's unsent events to the county's database, in batches, losing nothing.

Each batch is one transaction at the county, inserted by event id with ON CONFLICT DO NOTHING. The
terminal marks a batch sent only after the county committed it; a batch the county committed but
whose answer was lost is simply sent again next time, and changes nothing there.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from govtui.errors import GovtuiError
from govtui.events.store import EventStore

BATCH_SIZE = 500


@dataclass(frozen=True, slots=True)
class PushResult:
    sent: int
    """Events the county now has from this push (new there or already there)."""
    new_at_county: int
    """Of those, the ones the county did not have before."""
    left: int
    """Events still unsent because a batch failed (they are retried next time)."""
    error: str | None


def push(
    terminal: EventStore,
    county: EventStore,
    *,
    batch_size: int = BATCH_SIZE,
    now: Callable[[], datetime.datetime] = lambda: datetime.datetime.now().astimezone(),
) -> PushResult:
    """Send every unsent event of `terminal` to `county`; stops at the first failed batch."""
    sent = new = 0
    while True:
        batch = terminal.unsent(batch_size)
        if not batch:
            return PushResult(sent, new, 0, None)
        ids = [item.event.event_id for item in batch]
        try:
            new += county.add(item.event for item in batch)
        except GovtuiError as error:
            detail = error.message("en")
            terminal.mark_failed(ids, detail)
            return PushResult(sent, new, terminal.count_unsent(), detail)
        terminal.mark_sent(ids, now())
        sent += len(ids)
