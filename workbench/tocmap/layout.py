"""Ordering the columns of a layered drawing so that its lines cross as little as a few sweeps allow.

A layered graph here is a list of layers (each a list of node keys, top to bottom) and a list of segments, each
joining a node of one layer to a node of the next one. A segment may appear more than once (several links share
it); two segments that share an end never cross.

The ordering is the barycentre heuristic of Sugiyama, Tagawa and Toda: each node moves to the mean position of its
neighbours in the layer it is compared with, sweeping down the layers and back up. A sweep is kept only when it
lowers the number of crossings, so the order returned never crosses more than the order it was given.
Pure Python, no Django.
"""

from __future__ import annotations

from collections import Counter, defaultdict

SWEEPS = 4  # down-and-up passes; the canvases are small (40 items a column at most) and settle in two or three

Layers = list[list[str]]
Segment = tuple[str, str]  # (node in layer k, node in layer k + 1)


def _positions(layers: Layers) -> dict[str, tuple[int, int]]:
    return {key: (depth, index) for depth, layer in enumerate(layers) for index, key in enumerate(layer)}


def count_crossings(layers: Layers, segments: list[Segment] | Counter) -> int:
    """How many pairs of segments cross when every layer is drawn in the given order (segments may be given as a
    Counter of (upper, lower) → how many times)."""
    weighted = segments if isinstance(segments, Counter) else Counter(segments)
    where = _positions(layers)
    by_gap: dict[int, list] = defaultdict(list)
    for (upper, lower), weight in weighted.items():
        (depth, top), (_, bottom) = where[upper], where[lower]
        by_gap[depth].append(((top, bottom), weight))
    return sum(_inversions(sorted(pairs), len(layers[depth + 1])) for depth, pairs in by_gap.items())


def _inversions(pairs: list[tuple[tuple[int, int], int]], size: int) -> int:
    """Weighted pairs ((a, b), n), ((c, d), m) with a < c and b > d count n * m: a Fenwick tree over the lower
    end, sorted by (a, b). Segments sharing an end never cross, so repeated segments are counted once, weighted."""
    tree = [0] * (size + 1)
    seen = total = start = 0
    while start < len(pairs):
        end = start
        while end < len(pairs) and pairs[end][0][0] == pairs[start][0][0]:
            end += 1
        # Segments leaving the same upper node do not cross each other: count the run before adding it.
        for (_, bottom), weight in pairs[start:end]:
            index, below = bottom + 1, 0
            while index > 0:
                below += tree[index]
                index -= index & -index
            total += weight * (seen - below)
        for (_, bottom), weight in pairs[start:end]:
            index = bottom + 1
            while index <= size:
                tree[index] += weight
                index += index & -index
            seen += weight
        start = end
    return total


def _neighbours(segments: list[Segment]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    above: dict[str, list[str]] = defaultdict(list)
    below: dict[str, list[str]] = defaultdict(list)
    for upper, lower in segments:
        below[upper].append(lower)
        above[lower].append(upper)
    return above, below


def _reorder(layer: list[str], reference: list[str], neighbours: dict[str, list[str]]) -> list[str]:
    """The layer sorted by the mean position of each node's neighbours in the reference layer; a node with no
    neighbour there keeps its own place (both measured from 0 to 1, so that layers of different sizes compare)."""
    ref = {key: index / max(1, len(reference) - 1) for index, key in enumerate(reference)}
    keys = []
    for index, key in enumerate(layer):
        found = [ref[other] for other in neighbours.get(key, ()) if other in ref]
        centre = sum(found) / len(found) if found else index / max(1, len(layer) - 1)
        keys.append((centre, index, key))
    return [key for _, _, key in sorted(keys)]


def order_layers(layers: Layers, segments: list[Segment], *, sweeps: int = SWEEPS) -> tuple[Layers, int, int]:
    """A new order of each layer with as few crossings as `sweeps` barycentre passes find.

    Returns (the layers, their crossings, the crossings of the order given); the first count is never larger.
    """
    above, below = _neighbours(segments)
    segments = Counter(segments)  # counted once per distinct pair from here on
    given = count_crossings(layers, segments)
    best, best_count = [list(layer) for layer in layers], given
    current = [list(layer) for layer in layers]
    for _ in range(sweeps):
        improved = False
        for downwards in (True, False):
            if best_count == 0:
                return best, best_count, given
            before = [list(layer) for layer in current]
            steps = range(1, len(current)) if downwards else range(len(current) - 2, -1, -1)
            for depth in steps:
                reference = current[depth - 1] if downwards else current[depth + 1]
                current[depth] = _reorder(current[depth], reference, above if downwards else below)
            if current == before:
                continue  # the sweep moved nothing: its count is the one already known
            count = count_crossings(current, segments)
            if count < best_count:
                best, best_count, improved = [list(layer) for layer in current], count, True
        if not improved:
            break  # a whole sweep down and up found nothing better: the order has settled
    return best, best_count, given
