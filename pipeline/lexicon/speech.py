"""The verbs that report speech."""

from __future__ import annotations

from pipeline.wordlist import words

# Lemmas of reporting verbs: the cue of a quotation ("said", "told", "is expected to say").
CUE_VERBS = words(
    """say tell add state warn insist claim explain announce write post ask argue declare note
    urge stress admit acknowledge suggest reply respond describe comment confirm deny
    emphasise emphasize recall conclude predict promise pledge vow read tweet
    reveal believe call accuse caution concede complain boast remark observe maintain
    testify report quote joke plead demand continue bark charge retort quip snap
    interject exclaim shout yell scream chant proclaim assert allege contend counter
    mutter lament sigh recount scoff muse whisper tout concur blast echo thank praise
    label dub answer"""
)

# Verbs that report speech only with their particle: "shot back", "went on", "pointed out".
PHRASAL_CUES = {
    ("shoot", "back"),
    ("fire", "back"),
    ("hit", "back"),
    ("go", "on"),
    ("point", "out"),
    ("chime", "in"),
    ("weigh", "in"),
    ("speak", "out"),
}
