"""The verbs that report speech."""

from __future__ import annotations

from pipeline.wordlist import words

# Lemmas of reporting verbs: the cue of a quotation ("said", "told", "is expected to say").
CUE_VERBS = words(
    """say tell add state warn insist claim explain announce write post ask argue declare note
    urge stress admit acknowledge suggest reply respond describe comment confirm deny
    emphasise emphasize recall conclude predict promise pledge vow read tweet
    reveal believe call accuse caution concede complain boast remark observe maintain
    testify report quote joke plead demand"""
)
