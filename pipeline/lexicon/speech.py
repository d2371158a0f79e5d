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
    label dub answer agree gloat crack retaliate condemn"""
)

# Lemmas of verbs whose clause reports what someone SAID, without quotation marks: "Smith said
# (that) the plan failed", "she warned that ...". Verbs of thought are not here, deliberately
# ("believe", "think", "want", "hope", "feel", "fear", "expect", "know", "wonder", "doubt",
# "suspect"): what someone thinks is not a statement.
REPORTING_VERBS = words(
    """say tell add state warn announce deny claim argue insist explain report note
    acknowledge admit suggest write declare assert contend allege confirm reply respond
    predict promise pledge vow stress emphasise emphasize recall concede complain boast
    remark maintain testify caution reveal disclose tweet post ask urge demand"""
)

# Verbs that report speech only with their particle or object: "shot back", "went on",
# "pointed out", "put it".
PHRASAL_CUES = {
    ("shoot", "back"),
    ("fire", "back"),
    ("hit", "back"),
    ("go", "on"),
    ("point", "out"),
    ("chime", "in"),
    ("weigh", "in"),
    ("speak", "out"),
    ("put", "it"),  # "as Tom Ridge put it:"
}
