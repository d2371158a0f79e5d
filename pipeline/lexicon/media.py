"""The news trade's own words: agencies that credit photos, and headings over link lists."""

from __future__ import annotations

# Photo agencies and credit words that end a caption ("(PA)", "(Andrew Matthews/PA)") and that
# a name cut from a credit ends with: a regex alternation.
AGENCIES = (
    r"PA|PA Wire|PA Media|AP|AFP|Reuters|Getty|Getty Images|EPA|EPA-EFE|Shutterstock|Alamy|"
    r"Bloomberg|Xinhua|Anadolu|Sipa|Rex|Rex Features|NurPhoto|SOPA Images|Zuma|ZUMA Press|"
    r"Sky News|BBC|Handout|Supplied|Instagram|X|Twitter|Facebook|YouTube|TikTok|Pool|File|"
    r"Associated Press|The Associated Press|AAP|UPI|dpa|iStock|iStockphoto|Unsplash|WENN|SWNS|"
    r"ANSA|EFE|Kyodo|Yonhap|TASS|Keystone|Belga|ANP|picture[ -]alliance"
)

# Headings over a list of links to other articles ("Most read", "Related stories", "Lire
# aussi"): a regex alternation, matched ignoring case.
LINK_LIST_HEADINGS = (
    r"related(?: (?:articles|stories|content|coverage|posts|reading))?|most (?:read|popular|"
    r"viewed|shared)|more (?:\w+ ){0,3}stories|you (?:may|might) also like|recommended(?: for "
    r"you)?|read next|keep reading|top stories|trending(?: now)?|editor'?s picks?|"
    r"more on this story|what to read next|latest (?:articles|posts)|auch interessant|"
    r"das könnte (?:dich|dir|sie|ihnen) auch (?:interessieren|gefallen)|leggi anche|"
    r"(?:à )?lire aussi"
)

# Degrees and credentials after a writer's name ("Jane Roe, PhD"): a regex alternation.
CREDENTIALS = r"ph\.?d|m\.?d|mba|msc|ma|bsc|rd|rn|dr"

# What only a photo's caption says: where someone stands in the picture ("(left)", ", second
# from right,", "(L-R)"), the picture itself ("pictured", "in this file photo", "poses for",
# "looks on"): regex alternations, matched ignoring case. Not "poses a risk" nor "is seen as".
PICTURE_POSITIONS = (
    r"left|right|cent(?:re|er)|top|bottom|front|rear|inset|l|r|c|l-r|r-l|"
    r"(?:second|third|far) (?:from )?(?:left|right)|from (?:left|right)(?: to (?:left|right))?"
)
PICTURE_WORDS = (
    r"pictured|photographed|in (?:this|an?) (?:[\w,]+ ){0,4}(?:photo|image|picture|handout|"
    r"still|screenshot|screengrab|photograph)|file (?:photo|image|picture)|"
    r"pos(?:es|ed|ing|e) (?:for|with|beside|next to|in front of|outside|inside|during|at)|"
    r"seen here|looks? on"
)

# A caption widget's buttons that a pasted page leaves after the credit ("(AP Photo/Jane Roe)
# more >", "Jane Roe/NPR hide caption", "View Full Size"): a regex alternation.
CAPTION_CONTROLS = (
    r"more|view full size|(?:click to )?enlarge(?: this)?(?: image| photo)?|expand|"
    r"(?:hide|show|toggle) caption|purchase licensing rights(?:, opens new tab)?"
)
