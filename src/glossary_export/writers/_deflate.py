"""Deflate on several cores, behind the interface of ``zlib.compressobj``, for a zip entry.

zipfile deflates an entry on one core: for a 100k-note collection (39 MB) that is 0.2 s, a sixth
of the export. Deflate data can be cut into pieces compressed independently: a piece that ends with
a sync flush ends on a byte boundary without ending the stream, so the pieces joined, then one
empty final block, are a single valid deflate stream (pigz works this way). zlib releases the GIL
while it compresses, so threads are enough. The pieces are cut at fixed offsets by the caller's
fixed-size writes, so the output does not depend on the number of cores.
"""

from __future__ import annotations

import os
import zlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor

LEVEL = 1
"""Several times faster than zlib's default and, on Anki's SQLite pages, no bigger."""
PIECE = 4 << 20
"""Bytes per piece: large enough that a fresh window per piece costs nothing measurable."""
WORKERS = min(4, os.cpu_count() or 1)
"""Pieces compressed at once (also the pieces held in memory: at most 4 x 4 MiB)."""

_RAW = -15  # window bits for a raw deflate stream, as zip entries hold
_FINAL_BLOCK = zlib.compressobj(LEVEL, zlib.DEFLATED, _RAW).flush()  # an empty last block


class ParallelDeflate:
    """``compress()`` and ``flush()`` as a zlib compressor has them; every ``compress()`` call
    is a piece, deflated by the pool while the caller reads the next one."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self._pool = pool
        self._pending: deque[Future[bytes]] = deque()

    def compress(self, data: bytes) -> bytes:
        """The pieces deflated so far, in order, keeping one piece in the works per worker."""
        self._pending.append(self._pool.submit(_deflate_piece, bytes(data)))
        done = []
        while len(self._pending) > WORKERS:
            done.append(self._pending.popleft().result())
        return b"".join(done)

    def flush(self) -> bytes:
        """The remaining pieces and the final block that ends the stream."""
        done = [future.result() for future in self._pending]
        self._pending.clear()
        return b"".join([*done, _FINAL_BLOCK])


def _deflate_piece(data: bytes) -> bytes:
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, _RAW)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)
