"""The checker tells real missions from washed ones on the labelled corpus (figures: bench/checker_corpus.py)."""

from __future__ import annotations

from tests.checker import corpus_figures as figures


def test_real_canvases_score_above_washed_ones():
    figure = figures.canvas_pairs()
    assert figure.share >= 0.95, figure.misses


def test_every_hard_washed_canvas_is_a_level_below_every_real_one():
    figure = figures.hard_level_gap()
    assert figure.total >= 6
    assert figure.wins == figure.total, figure.misses


def test_real_statements_score_above_their_washed_rewrites():
    figure = figures.statement_pairs("washed")
    assert figure.share >= 0.95, figure.misses


def test_real_statements_score_above_dated_output_decoys_on_the_same_topic():
    figure = figures.statement_pairs("dated_output")
    assert figure.total >= 15
    assert figure.share >= 0.90, figure.misses


def test_the_deadline_is_found_in_every_real_statement_that_has_one():
    figure = figures.deadlines_found()
    assert figure.wins == figure.total, figure.misses
